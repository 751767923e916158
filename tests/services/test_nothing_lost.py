"""Nothing is lost: a meeting killed with SIGKILL at 200 random moments, and two processes
writing to the same database at once."""

from __future__ import annotations

import datetime as dt
import os
import random
import select
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from boardroom.domain import models as m
from boardroom.services import decide
from boardroom.services import meeting as live
from boardroom.services.overview import meeting_to_resume
from boardroom.services.session import open_session
from tests.services.meeting_script import MEETING_AT, build_steps

KILLS = 200
CLOCK = dt.datetime(2026, 12, 10, 14, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def run_child(db: Path, write_fd: int) -> None:
    """In the child: run the meeting step by step; report each step after its commit."""
    try:
        session = open_session(db, as_name="Marianne van der Velde", now=lambda: CLOCK)
        for n, step in enumerate(build_steps(session), start=1):
            step.run(session)
            os.write(write_fd, f"{n}\n".encode())
        os._exit(0)
    except BaseException:  # noqa: BLE001 - a failure must show as a non-zero exit
        os._exit(3)


def confirmed_steps(read_fd: int) -> int:
    data = b""
    while select.select([read_fd], [], [], 0)[0]:
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        data += chunk
    lines = [line for line in data.decode().split("\n") if line]
    return int(lines[-1]) if lines else 0


def run_and_kill(db: Path, delay: float | None) -> tuple[int, int]:
    """Run the script in a child; kill it after `delay` seconds (None: let it finish)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        run_child(db, write_fd)
    os.close(write_fd)
    if delay is not None:
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    done = confirmed_steps(read_fd)
    os.close(read_fd)
    return done, status


def test_a_meeting_killed_at_200_moments_loses_nothing_confirmed(demo_template, tmp_path):
    reference = open_session(demo_template, as_name="Marianne van der Velde", now=lambda: CLOCK)
    steps = build_steps(reference)
    reference.close()
    # one full run: how long the script takes, and that it passes every check at the end
    full = tmp_path / "full.db"
    shutil.copy(demo_template, full)
    started = time.perf_counter()
    done, status = run_and_kill(full, None)
    duration = time.perf_counter() - started
    assert (done, os.waitstatus_to_exitcode(status)) == (len(steps), 0)
    rng = random.Random(20261210)
    killed_at: list[int] = []
    for attempt in range(KILLS):
        db = tmp_path / f"k{attempt % 4}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        shutil.copy(demo_template, db)
        done, _ = run_and_kill(db, rng.uniform(0, duration))
        killed_at.append(done)
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for step in steps[:done]:
            assert step.check(conn), f"kill {attempt} after {done} steps: lost {step.name!r}"
        conn.close()
        if 0 < done < len(steps):
            assert_resumes(db, steps, done)
    # the kills fell all over the script, not only at its start or end
    assert len(set(killed_at)) >= 40, sorted(set(killed_at))


def assert_resumes(db: Path, steps: list, done: int) -> None:
    """Reopening finds the meeting in progress, on the current item, with its clock."""
    later = CLOCK + dt.timedelta(minutes=5)
    session = open_session(db, as_name="Marianne van der Velde", now=lambda: later)
    try:
        resumed = meeting_to_resume(session)
        current = session.repo.meeting_at(MEETING_AT)
        if steps[-1].name == "closed" and current.status.value == "closed":
            return  # the kill came after the close was committed but before it was shown
        assert resumed == current.id
        positions = [s.item_position for s in steps[:done] if s.item_position]
        item = session.repo.model(m.AgendaItem, current.current_item_id)
        assert item.position >= positions[-1]  # at least as far as shown (one more if unshown)
        assert current.item_clock_started_at is not None
        assert live.item_elapsed(current, item, later) >= 5 * 60
    finally:
        session.close()


def test_chair_and_secretary_write_at_once_without_losing_anything(demo_path):
    """Two processes on one database: no lock error, every write kept, numbers unique."""
    setup = open_session(demo_path, as_name="Marianne van der Velde", now=lambda: CLOCK)
    mid = setup.repo.meeting_at(MEETING_AT).id
    live.start_meeting(setup, mid)
    people = [x.id for x in setup.repo.members() if x.is_active(dt.date(2026, 12, 10))]
    setup.close()
    writes = 60

    def chair_work(session):
        for n in range(writes):
            decide.add_action(session, mid, f"Voorzitter {n}", "Kees", "+2w")

    def secretary_work(session):
        for n in range(writes):
            live.set_attendance(session, mid, people[n % len(people)], "present")
            decide.add_action(session, mid, f"Secretaris {n}", "Ingrid", "+1m")

    pids = []
    for name, work in (("Marianne van der Velde", chair_work), ("Els Verhoeven", secretary_work)):
        pid = os.fork()
        if pid == 0:
            try:
                session = open_session(demo_path, as_name=name, now=lambda: CLOCK)
                work(session)
                session.close()
                os._exit(0)
            except BaseException:  # noqa: BLE001
                os._exit(3)
        pids.append(pid)
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    assert codes == [0, 0]
    conn = sqlite3.connect(demo_path)
    numbers = sorted(
        (r[0] for r in conn.execute("SELECT number FROM actions WHERE meeting_id = ?", (mid,))),
        key=lambda number: int(number.rsplit("-", 1)[1]),
    )
    assert numbers == [f"A2026-10-{n:02}" for n in range(1, 2 * writes + 1)]
    texts = {r[0] for r in conn.execute("SELECT text FROM actions WHERE meeting_id = ?", (mid,))}
    assert {f"Voorzitter {n}" for n in range(writes)} | {
        f"Secretaris {n}" for n in range(writes)
    } == texts
    assert conn.execute("SELECT count(*) FROM attendance WHERE meeting_id = ?", (mid,)).fetchone()[
        0
    ] == len(people)
    logged = conn.execute(
        "SELECT count(*) FROM event_log WHERE table_name = 'actions' AND operation = 'insert'"
        " AND row_id IN (SELECT id FROM actions WHERE meeting_id = ?)",
        (mid,),
    ).fetchone()[0]
    assert logged == 2 * writes
    conn.close()
