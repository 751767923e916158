"""Every moment the replica holds: a restore reaches through all of Litestream's levels, not
only the newest files, which Litestream compacts away after minutes; the span is listed; the
times boardroom prints are the board's, with the zone named; and a restored board is the file
alone — checked, verified, and the app opens on it.

Litestream runs for real with its levels shortened (a 2-second first level, a second's L0
retention), so that a compaction happens within the test."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from boardroom.cli import main
from boardroom.domain.clock import BOARD_ZONE
from boardroom.services.replication import Replication, restore_board
from boardroom.storage import litestream
from boardroom.storage.litestream import History, parse_replica
from tests.conftest import fixed_now
from tests.replication.test_replication import request, titles, wait_until_synced

#: compactions within seconds: level 1 every 2 s, level 2 every 6 s, level 0 gone after 1 s
QUICK = History(levels=("2s", "6s"), l0_retention="1s", l0_check="1s")


def level_zero_from(replica: litestream.Replica, folder: Path) -> int:
    """The first transaction level 0 still holds (its files go once compacted)."""
    probe = folder / "probe.db"
    config = litestream.write_config(probe, replica, folder)
    result = litestream.run(
        ["ltx", "-config", str(config), "-level", "0", "-json", str(probe.resolve())], 20
    )
    import json

    files = json.loads(result.stdout or "[]") or []
    return min((int(f["min_txid"], 16) for f in files), default=1 << 62)


@pytest.fixture
def compacting(demo_path: Path, tmp_path: Path):
    running = Replication(demo_path, parse_replica(str(tmp_path / "replica")), QUICK)
    running.start()
    yield running
    running.stop()


def test_a_moment_from_before_the_compaction_is_restored_as_it_stood(
    demo_path, tmp_path, compacting
):
    request(demo_path, "Voor de compactie")
    wait_until_synced(compacting, time.monotonic())
    time.sleep(1.2)
    moment = dt.datetime.now(dt.UTC)
    time.sleep(1.2)
    request(demo_path, "Na het moment")
    wait_until_synced(compacting, time.monotonic())
    oldest_in_level_zero = level_zero_from(compacting.replica, tmp_path / "probe-before")
    time.sleep(9)  # level 1 and 2 compact, level 0's files of before go
    request(demo_path, "Later")
    wait_until_synced(compacting, time.monotonic())
    time.sleep(3)
    assert level_zero_from(compacting.replica, tmp_path / "probe-after") > oldest_in_level_zero
    restored = restore_board(compacting.replica, tmp_path / "then.db", fixed_now, moment)
    assert restored.report.ok
    shown = titles(restored.path)
    assert "Voor de compactie" in shown and "Na het moment" not in shown
    assert restored.moment is not None and restored.moment <= moment


def test_the_span_the_replica_can_restore_is_listed_in_the_boards_time(
    demo_path, tmp_path, compacting, capsys
):
    wait_until_synced(compacting, 0)
    code = main(["restore", "--list", "--replica", str(tmp_path / "replica")])
    out = capsys.readouterr().out
    zone = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d CES?T"
    assert code == 0
    assert re.fullmatch(
        rf"{tmp_path / 'replica'}: the board as it stood at any moment from {zone} to {zone}\n",
        out,
    ), out


def test_a_moment_copied_from_the_replicate_log_is_read(demo_path, tmp_path, compacting, capsys):
    """A log line's stamp, zone and all (`2026-12-10 16:05:12 CET`), is a moment --at takes."""
    wait_until_synced(compacting, 0)
    request(demo_path, "Gelogd")
    wait_until_synced(compacting, time.monotonic())
    time.sleep(1.2)
    local = dt.datetime.now(BOARD_ZONE)
    stamp = f"{local:%Y-%m-%d %H:%M:%S} {local.tzname()}"
    target = tmp_path / "logged.db"
    code = main(
        ["restore", "--replica", str(tmp_path / "replica"), "--db", str(target), "--at", stamp]
    )
    out = capsys.readouterr().out
    assert code == 0 and "as it stood at" in out and "all consistent" in out
    assert "Gelogd" in titles(target)


def test_a_restored_board_is_the_file_alone_checked_verified_and_opened(
    demo_path, tmp_path, compacting, capsys
):
    wait_until_synced(compacting, 0)
    folder = tmp_path / "new-laptop"
    folder.mkdir()
    target = folder / "tafel.db"
    assert main(["restore", "--replica", str(tmp_path / "replica"), "--db", str(target)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["tafel.db"]  # no -writer, no -wal
    capsys.readouterr()
    assert main(["check", "--db", str(target)]) == 0
    assert main(["verify", "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert "integrity ok" in out and "all consistent" in out


async def test_the_app_opens_on_a_restored_board(demo_path, tmp_path, compacting):
    from boardroom.services.session import open_session
    from boardroom.tui.app import BoardroomApp

    wait_until_synced(compacting, 0)
    target = tmp_path / "restored.db"
    restore_board(compacting.replica, target, fixed_now)
    session = open_session(target, fixed_now, as_name="Els Verhoeven")
    app = BoardroomApp(session, target, "Els Verhoeven")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.title == "Regiotafel Zorg en Welzijn Lindewaard"
        assert app.screen.__class__.__name__ == "DashboardScreen"
    session.close()
