"""The chair and the secretary typing notes on the same item at the same moment, each in the
app over the real sshd from their own laptop: both texts are kept, and each sees the
other's on their screen."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.console import Terminal
from boardroom.domain import models as m
from boardroom.domain.enums import AttendanceStatus
from boardroom.services import meeting as live
from boardroom.services.session import open_session
from tests.conftest import fixed_now
from tests.remote.conftest import BoardHost


@pytest.fixture
def host(board_host: BoardHost, keys: dict[str, Path]) -> BoardHost:
    board_host.bind("Marianne van der Velde", keys["marianne"])
    board_host.bind("Els Verhoeven", keys["els"])
    board_host.start()
    return board_host


def meeting_in_progress(db: Path) -> tuple[int, int]:
    """The 10 December meeting opened by the chair, everyone present: (meeting, its item)."""
    with open_session(db, fixed_now, as_name="Marianne van der Velde") as chair:
        mid = chair.repo.scalar("SELECT id FROM meetings WHERE starts_at LIKE '2026-12-10%'")
        live.start_meeting(chair, mid)
        for member in live.console(chair, mid).members:
            live.set_attendance(chair, mid, member.id, AttendanceStatus.PRESENT)
        return mid, chair.repo.model(m.Meeting, mid).current_item_id


def test_two_people_typing_notes_over_ssh_keep_both(host, keys):
    mid, item = meeting_in_progress(host.db)
    chair = Terminal([*host.ssh_command(keys["marianne"], tty=True)])
    secretary = Terminal([*host.ssh_command(keys["els"], tty=True)])
    try:
        for terminal in (chair, secretary):
            terminal.wait_for("My notes", timeout=20)  # reopened on the meeting in progress
        time.sleep(1)
        chair.send("e", settle=0.3)
        secretary.send("e", settle=0.3)
        for a, b in zip("akkoord met de aanpak", "actie Henk belt GGD..", strict=True):
            chair.send(a, settle=0.01)
            secretary.send(b, settle=0.01)
        chair.wait_for("actie Henk belt GGD..", timeout=3)  # hers beside the chair's own
        secretary.wait_for("akkoord met de aanpak", timeout=3)
        for terminal in (chair, secretary):
            terminal.send("\x1b", settle=0.3)
    finally:
        chair.close()
        secretary.close()
    with open_session(host.db, fixed_now) as reader:
        rows = reader.repo.item_notes([item])
    assert sorted((row["author"], row["text"]) for row in rows) == [
        ("Els Verhoeven", "actie Henk belt GGD.."),
        ("Marianne van der Velde", "akkoord met de aanpak"),
    ]
