"""Many laptops on one board host: 20 sessions, each its own process, on a copy of the ten-year
board for 60 s, each doing what its role does in and around an open meeting (docs/architecture.md §6).

- 2 chairs: a vote (propose, every ballot, count) and a consent round (every answer,
  conclude), over and over: each adopted proposal is a numbered decision;
- 3 secretaries: an action in the meeting (numbered), notes on the current item, an edit of an
  item on a draft agenda (with the version seen, as the form does);
- 5 portfolio holders: a request for agenda space, then their list of requests;
- 10 members: reads of every list (decisions, actions, the agenda, the console's state).

Reports writes per second and write latency p50/p95/p99, and the counts that must be zero: lost
writes (confirmed but missing from the table or the event log), "database is locked" errors
that would reach a user, gaps or duplicates in the meeting's decision and action numbers, and
`verify` differences afterwards.

    python -m bench.shared [--seconds 60] [--sessions 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.console import prepare
from bench.generate import ANCHOR, OUT, ensure_board
from boardroom.clock import wall
from boardroom.domain import models as m
from boardroom.domain.enums import Choice, ConsentAnswerKind, DecisionMethod
from boardroom.domain.errors import BoardroomError
from boardroom.services import agenda, decide, notes, record
from boardroom.services import meeting as live
from boardroom.services.session import Session, open_session

CLOCK = dt.datetime.combine(ANCHOR, dt.time(14, 0), tzinfo=dt.UTC)
ROLES = [("chair", 2), ("secretary", 3), ("holder", 5), ("member", 10)]
NAMES = {
    "chair": "Marianne van der Velde",
    "secretary": "Els Verhoeven",
    "holder": "Henk Jansen",
    "member": "Ingrid Smit",
}


class Worker:
    """One session: times every write, keeps what it confirmed, counts lock errors."""

    def __init__(self, db: Path, role: str, n: int, meeting_id: int, pace: float = 0) -> None:
        self.session: Session = open_session(db, as_name=NAMES[role], now=lambda: CLOCK)
        self.role, self.n, self.meeting_id = role, n, meeting_id
        self.latencies: list[float] = []
        self.confirmed: list[tuple[str, int]] = []  # (table, row id) of each confirmed insert
        self.locked = 0
        self.locked_after: list[float] = []  # how long a write waited before "locked"
        self.refused = 0
        self.pace = pace  # seconds a person takes between two steps (0: as fast as it goes)

    def write(self, table: str | None, call):  # type: ignore[no-untyped-def]
        if self.pace:
            time.sleep(self.pace)
        started = time.perf_counter()
        try:
            result = call()
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                self.locked += 1
                self.locked_after.append((time.perf_counter() - started) * 1000)
            return None
        except BoardroomError:
            self.refused += 1  # a rule said no (another was first): shown, not lost
            return None
        self.latencies.append((time.perf_counter() - started) * 1000)
        if table is not None and isinstance(result, int):
            self.confirmed.append((table, result))
        return result

    def run(self, seconds: float) -> dict:
        items = self.session.repo.items(self.meeting_id)
        deadline = time.monotonic() + seconds
        step = 0
        while time.monotonic() < deadline:
            step += 1
            getattr(self, self.role)(step, items)
            if self.pace:
                time.sleep(self.pace)
        self.session.close()
        return {
            "latencies": self.latencies,
            "confirmed": self.confirmed,
            "locked": self.locked,
            "locked_after": self.locked_after,
            "refused": self.refused,
        }

    def chair(self, step: int, items: list) -> None:
        item = items[(step + self.n) % len(items)]
        method = DecisionMethod.VOTE if step % 2 else DecisionMethod.CONSENT
        round_id = self.write(
            "rounds", lambda: decide.propose(self.session, item.id, f"Voorstel {step}", method)
        )
        if round_id is None:
            return
        order = self.session.repo.model(m.Round, round_id).voter_order
        for voter in order:
            if method == DecisionMethod.VOTE:
                self.write(
                    None, lambda v=voter: decide.cast_ballot(self.session, round_id, v, Choice.FOR)
                )
            else:
                self.write(
                    None,
                    lambda v=voter: decide.give_answer(
                        self.session, round_id, v, ConsentAnswerKind.CONSENT
                    ),
                )
        if method == DecisionMethod.VOTE:
            self.write(None, lambda: decide.close_vote(self.session, round_id))
        else:
            self.write(None, lambda: decide.close_consent(self.session, round_id))

    def secretary(self, step: int, items: list) -> None:
        self.write(
            "actions",
            lambda: decide.add_action(
                self.session, self.meeting_id, f"Actie {self.n}-{step}", "Kees", "+2w"
            )[0],
        )
        current = items[self.n % len(items)]
        self.write(None, lambda: notes.write_notes(self.session, current.id, f"Notitie {step}"))
        draft = self.draft_item()
        if draft is not None:
            seen = self.session.version("agenda_items", draft)
            self.write(
                None,
                lambda: agenda.edit_item(
                    self.session, draft, {"title": f"Bijgewerkt {self.n}-{step}"}, seen
                ),
            )

    def draft_item(self) -> int | None:
        drafts = agenda.open_meetings(self.session)
        for meeting in drafts:
            if meeting.id != self.meeting_id:
                rows = self.session.repo.items(meeting.id or 0)
                if rows:
                    return rows[self.n % len(rows)].id
        return None

    def holder(self, step: int, _items: list) -> None:
        self.write(
            "agenda_requests",
            lambda: agenda.submit_request(
                self.session, {"title": f"Verzoek {self.n}-{step}", "minutes": 15}
            ),
        )
        agenda.my_requests(self.session)

    def member(self, step: int, _items: list) -> None:
        """What an open screen reads when the board changed (the live refresh, every 0.5 s):
        one of the lists, the agenda, the console."""
        reads = (
            lambda: record.decision_page(self.session, record.DecisionFilter(), limit=40),
            lambda: record.actions(self.session, record.ActionFilter(status="open")),
            lambda: agenda.agenda_view(self.session, self.meeting_id),
            lambda: live.console(self.session, self.meeting_id),
        )
        reads[(step + self.n) % len(reads)]()
        time.sleep(0.5)


def child(
    db: Path, role: str, n: int, meeting_id: int, seconds: float, pace: float, out: Path
) -> None:
    try:
        result = Worker(db, role, n, meeting_id, pace).run(seconds)
        out.write_text(json.dumps(result))
        os._exit(0)
    except BaseException as error:  # noqa: BLE001 - shown by the parent
        out.write_text(json.dumps({"error": repr(error)}))
        os._exit(3)


def check(db: Path, meeting_id: int, results: list[dict]) -> dict[str, int]:
    """The counts that must be zero."""
    from boardroom.services.integrity import verify
    from boardroom.storage.migrations import open_board_db

    conn = sqlite3.connect(db)
    lost = 0
    for result in results:
        for table, row_id in result["confirmed"]:
            in_table = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone()
            logged = conn.execute(
                "SELECT 1 FROM event_log WHERE table_name = ? AND row_id = ? AND operation ="
                " 'insert'",
                (table, row_id),
            ).fetchone()
            lost += not (in_table and logged)
    numbering = 0
    for table in ("decisions", "actions"):
        numbers = [
            int(r[0].rsplit("-", 1)[1])
            for r in conn.execute(f"SELECT number FROM {table} WHERE meeting_id = ?", (meeting_id,))
        ]
        numbering += len(numbers) - len(set(numbers))  # duplicates
        numbering += max(numbers, default=0) - len(set(numbers))  # gaps
    conn.close()
    database = open_board_db(db, wall)
    report = verify(database)
    database.close()
    return {
        "lost writes": lost,
        "database is locked": sum(r["locked"] for r in results),
        "numbering gaps or duplicates": numbering,
        "verify differences": len(report.problems),
    }


def main(seconds: float, sessions: int, pace: float) -> None:
    source = ensure_board()
    folder = Path(tempfile.mkdtemp())
    db = folder / "shared.db"
    shutil.copy(source, db)
    prepared = prepare(db)
    session = open_session(db, wall)
    meeting_id = session.repo.meeting_in_progress_id()
    session.close()
    assert meeting_id is not None and prepared["voters"]
    plan = [role for role, count in ROLES for _ in range(count)][:sessions]
    pids, outs = [], []
    started = time.monotonic()
    for n, role in enumerate(plan):
        out = folder / f"{n}.json"
        pid = os.fork()
        if pid == 0:
            child(db, role, n, meeting_id, seconds, pace, out)
        pids.append(pid)
        outs.append(out)
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    elapsed = time.monotonic() - started
    results = [json.loads(out.read_text()) for out in outs]
    failed = [r["error"] for r in results if "error" in r]
    if failed or any(codes):
        raise SystemExit(f"sessions failed: {failed[:3]}")
    latencies = sorted(x for r in results for x in r["latencies"])
    cuts = statistics.quantiles(latencies, n=100)
    figures = {
        "sessions": len(plan),
        "pace (s between a person's steps)": pace,
        "seconds": round(elapsed, 1),
        "writes": len(latencies),
        "writes per second": round(len(latencies) / elapsed, 1),
        "write p50 ms": round(statistics.median(latencies), 1),
        "write p95 ms": round(cuts[94], 1),
        "write p99 ms": round(cuts[98], 1),
        "refused by a rule (shown to the user)": sum(r["refused"] for r in results),
        **check(db, meeting_id, results),
        "waited before 'locked' (ms)": [round(x) for r in results for x in r["locked_after"]],
    }
    OUT.mkdir(exist_ok=True)
    (OUT / f"shared-pace-{pace:g}.json").write_text(json.dumps(figures, indent=2))
    for key, value in figures.items():
        print(f"{key:40} {value}")
    shutil.rmtree(folder)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument(
        "--pace",
        type=float,
        default=0.25,
        help="seconds between two writes of one person (0: as fast as the machine goes)",
    )
    options = parser.parse_args()
    main(options.seconds, options.sessions, options.pace)
