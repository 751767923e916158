"""The app replicates while it is open (issue 10): the header says how current the replica
is, and a replica that cannot be reached is a clear warning while the meeting goes on."""

from __future__ import annotations

import time

from boardroom.services.session import open_session
from boardroom.tui.app import BoardroomApp
from tests.conftest import fixed_now


async def until(pilot, condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not within the time"
        await pilot.pause(0.1)


async def test_the_header_says_when_the_board_was_last_replicated(demo_path, tmp_path):
    session = open_session(demo_path, as_name="Els Verhoeven", now=fixed_now)
    app = BoardroomApp(session, demo_path, "Els Verhoeven", replica=str(tmp_path / "replica"))
    async with app.run_test(size=(130, 42)) as pilot:
        await until(pilot, lambda: "up to date" in app.title, 20)
        assert app.title == "Regiotafel Zorg en Welzijn Lindewaard · replica up to date"
        app.replication.replicator.state.synced_at -= 12  # as if Litestream fell behind
        await until(pilot, lambda: "ago" in app.title, 3)
        assert app.title.startswith("Regiotafel Zorg en Welzijn Lindewaard · replicated 1")
        await pilot.press("f11")  # the app works on while Litestream runs beside it
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RequestsScreen"
    app.stop_replication()
    session.close()
    assert any((tmp_path / "replica").rglob("*.ltx"))


async def test_an_unreachable_replica_is_a_warning_and_the_app_goes_on(demo_path):
    session = open_session(demo_path, as_name="Els Verhoeven", now=fixed_now)
    replica = "sftp://board@127.0.0.1:9/tafel?key=/nonexistent"
    app = BoardroomApp(session, demo_path, "Els Verhoeven", replica=replica)
    async with app.run_test(size=(130, 42)) as pilot:
        await until(pilot, lambda: "replica failing" in app.title, 20)
        messages = [n.message for n in app._notifications]
        assert any(
            m.startswith("The board is not replicated: sftp://board@127.0.0.1:9/tafel:")
            for m in messages
        )
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MembersScreen"
    app.stop_replication()
    session.close()
