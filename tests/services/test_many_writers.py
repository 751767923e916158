"""Many writers on one board (docs/architecture.md §6): sessions in separate processes record in the same
round at the same moment. One ballot per voter and one answer per member, never doubled,
never lost; every legitimate answer kept, in a gapless sequence."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from boardroom.domain import models as m
from boardroom.domain.enums import Choice, ConsentAnswerKind, DecisionMethod
from boardroom.domain.errors import Conflict
from boardroom.services import decide
from boardroom.services import meeting as live
from boardroom.services.integrity import verify
from boardroom.services.session import Session, open_session
from boardroom.storage.migrations import open_board_db
from tests.conftest import fixed_now
from tests.services.meeting_script import MEETING_AT

CLOCK = dt.datetime(2026, 12, 10, 14, 30, tzinfo=dt.UTC)
WRITERS = 4


def open_round(db: Path, method: DecisionMethod) -> tuple[int, list[int]]:
    """The 10 December meeting open, everyone present, a proposal on its fourth item."""
    session = open_session(db, as_name="Marianne van der Velde", now=lambda: CLOCK)
    mid = session.repo.meeting_at(MEETING_AT).id
    live.start_meeting(session, mid)
    for person in session.repo.members():
        if person.is_active(CLOCK.date()):
            live.set_attendance(session, mid, person.id, "present")
    item = session.repo.items(mid)[3]
    round_id = decide.propose(session, item.id, "Voorstel", method)
    order = session.repo.model(m.Round, round_id).voter_order
    session.close()
    return round_id, order


def in_processes(db: Path, work: Callable[[Session, int], int]) -> list[int]:
    """Run `work(session, n)` in WRITERS forked processes at once; each returns a count."""
    read_fd, write_fd = os.pipe()
    pids = []
    for n in range(WRITERS):
        pid = os.fork()
        if pid == 0:
            try:
                session = open_session(db, as_name="Els Verhoeven", now=lambda: CLOCK)
                os.write(write_fd, f"{work(session, n)}\n".encode())
                session.close()
                os._exit(0)
            except BaseException:  # noqa: BLE001 - a failure shows as a non-zero exit
                os._exit(3)
        pids.append(pid)
    os.close(write_fd)
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    assert codes == [0] * WRITERS
    counts = os.read(read_fd, 4096).decode().split()
    os.close(read_fd)
    return [int(c) for c in counts]


def test_four_laptops_recording_the_same_ballots_keep_exactly_one_per_voter(demo_path):
    round_id, order = open_round(demo_path, DecisionMethod.VOTE)

    def record_all(session: Session, n: int) -> int:
        refused = 0
        for voter in order:
            try:
                decide.cast_ballot(
                    session, round_id, voter, Choice.FOR if n % 2 else Choice.AGAINST
                )
            except Conflict as error:
                assert "has voted already" in str(error)
                refused += 1
        return refused

    refused = in_processes(demo_path, record_all)
    conn = sqlite3.connect(demo_path)
    voters = [
        r[0] for r in conn.execute("SELECT voter_id FROM ballots WHERE round_id = ?", (round_id,))
    ]
    conn.close()
    assert sorted(voters) == sorted(order)  # one ballot each: none doubled, none lost
    assert sum(refused) == (WRITERS - 1) * len(order)  # every other attempt refused, saying why
    database = open_board_db(demo_path, fixed_now)
    assert verify(database).ok
    database.close()


def test_answers_given_at_once_on_four_laptops_are_all_kept_in_sequence(demo_path):
    round_id, order = open_round(demo_path, DecisionMethod.CONSENT)

    def answer_mine(session: Session, n: int) -> int:
        mine = order[n::WRITERS]  # each laptop records other members, at the same moments
        for member in mine:
            decide.give_answer(session, round_id, member, ConsentAnswerKind.CONSENT)
        return len(mine)

    given = in_processes(demo_path, answer_mine)
    conn = sqlite3.connect(demo_path)
    rows = conn.execute(
        "SELECT seq, member_id FROM consent_answers WHERE round_id = ? ORDER BY seq", (round_id,)
    ).fetchall()
    conn.close()
    assert sum(given) == len(order)
    assert [seq for seq, _member in rows] == list(range(1, len(order) + 1))  # gapless
    assert sorted(member for _seq, member in rows) == sorted(order)
