"""A member takes part over the real sshd: the chair opens a consent round at the table, the
round appears on Henk's terminal by itself, he answers with one key and the record says he
entered it; he asks for the floor; the room display (`ssh -t … present`) follows both."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.console import Terminal
from boardroom.domain.enums import ConsentAnswerKind, DecisionMethod, FloorStatus
from boardroom.services import decide
from boardroom.services.session import open_session
from tests.conftest import fixed_now
from tests.remote.conftest import BoardHost
from tests.remote.test_notes_over_ssh import meeting_in_progress
from tests.services.test_meeting import deciding_item


@pytest.fixture
def host(board_host: BoardHost, keys: dict[str, Path]) -> BoardHost:
    board_host.bind("Henk Jansen", keys["henk"])
    board_host.bind("Els Verhoeven", keys["els"])
    board_host.start()
    return board_host


def test_a_member_answers_and_asks_for_the_floor_over_ssh(host, keys):
    mid, _first = meeting_in_progress(host.db)
    henk = Terminal([*host.ssh_command(keys["henk"], tty=True)])
    room = Terminal([*host.ssh_command(keys["els"], tty=True), "present"])
    try:
        henk.wait_for("Meeting:", timeout=20)  # the meeting in progress, as he follows it
        room.wait_for("Meeting", timeout=20)
        with open_session(host.db, fixed_now, as_name="Marianne van der Velde") as chair:
            item = deciding_item(chair, mid)
            from boardroom.services import meeting as live

            live.go_to_item(chair, mid, item.id)
            round_id = decide.propose(chair, item.id, "Regionale aanpak.", DecisionMethod.CONSENT)
        henk.wait_for("Your answer, please.", timeout=3)  # on his screen by itself
        room.wait_for("0 / ", timeout=3)
        henk.send("c", settle=0.5)
        henk.wait_for("Your answer: consent", timeout=3)
        room.wait_for("1 / ", timeout=3)
        henk.send("h", settle=0.5)
        henk.wait_for("You are number 1 for the floor", timeout=3)
        room.wait_for("1. Henk Jansen", timeout=3)
    finally:
        henk.close()
        room.close()
    with open_session(host.db, fixed_now) as reader:
        henk_id = reader.repo.member_by_name("Henk Jansen").id
        [answer] = reader.repo.answers(round_id)
        [asked] = reader.repo.floor_requests(item.id)
    assert (answer.member_id, answer.answer, answer.entered_by_id) == (
        henk_id,
        ConsentAnswerKind.CONSENT,
        henk_id,
    )
    assert (asked.member_id, asked.status, asked.remote) == (henk_id, FloorStatus.WAITING, False)
