"""Access ends sessions: a member whose key is removed, or who is deactivated, while their app
is open over SSH is out within a second — the app closes and the terminal says why — and a
write of theirs that was under way is refused whole, not half done."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.console import Terminal
from boardroom.domain.errors import PermissionDenied
from boardroom.services import access, agenda, composition
from boardroom.services.session import open_session
from tests.conftest import fixed_now
from tests.remote.conftest import BoardHost


@pytest.fixture
def host(board_host: BoardHost, keys: dict[str, Path]) -> BoardHost:
    board_host.bind("Henk Jansen", keys["henk"])
    board_host.bind("Els Verhoeven", keys["els"])
    board_host.start()
    return board_host


def henk_id(db: Path) -> int:
    with open_session(db, fixed_now) as session:
        member = session.repo.member_by_name("Henk Jansen")
        assert member is not None and member.id is not None
        return member.id


def remove_henks_key(db: Path) -> None:
    with open_session(db, fixed_now, as_name="Els Verhoeven") as session:
        access.remove_keys(session, member_name="Henk Jansen")


def deactivate_henk(db: Path) -> None:
    with open_session(db, fixed_now, as_name="Els Verhoeven") as session:
        composition.deactivate_member(session, henk_id(db))


@pytest.mark.parametrize(
    ("end", "why"),
    [
        (remove_henks_key, "this key has no access to the board"),
        (deactivate_henk, "Henk Jansen is no longer an active member"),
    ],
)
def test_the_app_of_a_member_whose_access_ends_closes_within_a_second(host, keys, end, why):
    terminal = Terminal([*host.ssh_command(keys["henk"], tty=True)])
    try:
        terminal.wait_for("Upcoming meetings", timeout=20)
        time.sleep(0.5)
        end(host.db)
        ended = time.monotonic()
        while terminal.process.poll() is None and time.monotonic() - ended < 5:
            time.sleep(0.01)
        closed_after = time.monotonic() - ended
        print(f"closed {closed_after:.3f} s after access ended")
        assert terminal.process.returncode == 1
        assert closed_after <= 1.0, f"closed {closed_after:.2f} s after access ended"
        terminal.wait_for(f"your access to the board ended: {why}", timeout=2)
    finally:
        if terminal.process.poll() is None:
            terminal.close()


def test_a_write_under_way_when_access_ends_is_refused_whole(host, keys):
    with open_session(host.db, fixed_now) as reader:
        fingerprint = next(r.fingerprint for r in access.keys(reader) if r.member == "Henk Jansen")
    with access.open_key_session(host.db, fixed_now, fingerprint) as henk:
        agenda.submit_request(henk, {"title": "Voor het einde", "minutes": 10})
        remove_henks_key(host.db)  # another session, meanwhile
        with pytest.raises(PermissionDenied, match="this key has no access to the board"):
            agenda.submit_request(henk, {"title": "Na het einde", "minutes": 10})
        titles = [r["title"] for r in henk.repo.query("SELECT title FROM agenda_requests")]
        assert "Voor het einde" in titles and "Na het einde" not in titles
        logged = henk.repo.query(
            "SELECT count(*) AS n FROM event_log WHERE after LIKE '%Na het einde%'"
        )
        assert logged == [{"n": 0}]  # not half done: no row, no log entry
