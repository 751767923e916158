"""Console keypress latency on the ten-year board, end to end: the real app on a pseudo-terminal
(130x42); each key is timed from writing it to the terminal until the text it changes arrives
on the terminal (handler, database write, layout, render and output). Reports p50 and p95.

Journeys: next/previous item (the item title changes), a roll-call ballot (the tally changes),
a consent answer (the next voter is asked). The floor is a minimal Textual app whose label
changes on each key: Textual paints at most 60 frames a second, so "the next frame" is about
16.7 ms here. Keys are pressed half a second apart (BENCH_SETTLE), as a person would.

    python -m bench.console
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import pty
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

from bench.generate import ANCHOR, OUT, ensure_board
from boardroom.domain import models as m
from boardroom.domain.enums import AttendanceStatus
from boardroom.services import meeting as live
from boardroom.services.session import open_session

ROOT = Path(__file__).resolve().parent.parent
KEYS = {
    "enter": b"\r",
    "ctrl+s": b"\x13",
    "escape": b"\x1b",
    "f1": b"\x1bOP",
    "f7": b"\x1b[18~",
    "f8": b"\x1b[19~",
    "f10": b"\x1b[21~",
}
SETTLE = float(os.environ.get("BENCH_SETTLE", "0.5"))  # a person looks before pressing
#: The app runs on the benchmark board's own day, whatever the date the bench is run on (the
#: next meeting, the overdue actions, the calendar's year are then always the same).
BOARD_NOW = f"{ANCHOR.isoformat()} 09:00"


def app_command(db: Path, as_name: str, *extra: str) -> list[str]:
    """The `boardroom` console script users run, on `db` as `as_name`, in English."""
    boardroom = str(Path(sys.executable).with_name("boardroom"))
    return [boardroom, "--db", str(db), "--as", as_name, "--lang", "en", *extra]


class Terminal:
    """The app on a pty; `press` writes a key and waits until a marker text shows up."""

    def __init__(
        self, command: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT
    ) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 42, 130, 0, 0))
        env = {**(os.environ if env is None else env), "TERM": "xterm-256color"}
        env.update(COLUMNS="130", LINES="42")
        env.setdefault("BOARDROOM_NOW", BOARD_NOW)
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd, close_fds=True
        )
        os.close(slave)
        self.buffer = bytearray()
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self.lock:
                self.received(chunk)

    def received(self, chunk: bytes) -> None:
        """Keep what the app wrote (called with the lock held)."""
        self.buffer.extend(chunk)

    def wait_for(self, marker: str, timeout: float = 10) -> float:
        wanted = marker.encode()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self.lock:
                if wanted in self.buffer:
                    return time.perf_counter()
            time.sleep(0.0002)
        with self.lock:  # what the terminal got instead, for the reader of the error
            seen = re.sub(r"\x1b\[[0-9;?<>=]*[a-zA-Z]", " ", self.buffer.decode(errors="replace"))
        OUT.mkdir(exist_ok=True)
        (OUT / "last-timeout.txt").write_text(seen)
        raise TimeoutError(f"{marker!r} did not appear (what did: bench/out/last-timeout.txt)")

    def press(self, key: str, marker: str) -> float:
        """Milliseconds from the key to the marker on the terminal."""
        with self.lock:
            self.buffer.clear()
        started = time.perf_counter()
        os.write(self.master, KEYS.get(key, key.encode()))
        return (self.wait_for(marker) - started) * 1000

    def send(self, key: str, settle: float = 0.3) -> None:
        """A key that is not timed (moving focus); wait for the screen to settle."""
        os.write(self.master, KEYS.get(key, key.encode()))
        time.sleep(settle)

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self.master)


def prepare(db: Path) -> dict:
    """Open the board's next meeting, everyone present, on its first item."""
    clock = dt.datetime.combine(ANCHOR, dt.time(14, 0), tzinfo=dt.UTC)
    session = open_session(db, as_name="Marianne van der Velde", now=lambda: clock)
    meeting = next(
        m
        for m in live.meetings_around(session, ANCHOR, 0, 40)
        if m.status.value not in ("closed", "minutes_approved")
    )
    live.start_meeting(session, meeting.id or 0)
    for person in session.repo.members():
        if person.is_active(meeting.starts_at.date()):
            live.set_attendance(session, meeting.id or 0, person.id or 0, AttendanceStatus.PRESENT)
    items = session.repo.items(meeting.id or 0)
    voters = [
        session.repo.model(m.Member, v.member_id).name
        for v in live.entitled_voters(session, meeting.id or 0)
    ]
    session.close()
    return {
        "titles": [f"{i.position}. {i.title}" for i in items],
        "voters": voters,
        "themes": [i.position for i in items if i.kind.value == "theme"],
    }


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def report(timings: dict[str, list[float]], name: str) -> None:
    """Medians and p95 of each kind: printed, and written to bench/out/NAME.json."""
    result = {
        kind: {"n": len(v), "p50_ms": statistics.median(v), "p95_ms": p95(v)}
        for kind, v in timings.items()
    }
    OUT.mkdir(exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(result, indent=2))
    for kind, figures in result.items():
        print(
            f"{kind:26} n={figures['n']:3}  p50 {figures['p50_ms']:6.1f} ms"
            f"  p95 {figures['p95_ms']:6.1f} ms"
        )


def measure_floor(presses: int = 40) -> list[float]:
    """The same measurement for a minimal Textual app whose label changes on each key."""
    app = Terminal([sys.executable, str(ROOT / "bench" / "minimal_keys.py")])
    try:
        app.wait_for("pressed 0")
        time.sleep(SETTLE)
        return [app.press("x", f"pressed {k}") for k in range(1, presses + 1)]
    finally:
        app.close()


def measure(
    db: Path, rounds: int = 20, extra: list[str] | None = None
) -> dict[str, dict[str, float]]:
    """The console's keys; `extra`: more options for the app (e.g. --replica URL)."""
    plan = prepare(db)
    titles, voters = plan["titles"], plan["voters"]
    app = Terminal(app_command(db, "Marianne van der Velde", *(extra or [])))
    timings: dict[str, list[float]] = {
        "minimal Textual app (floor)": measure_floor(),
        "next/previous item": [],
        "ballot + tally": [],
        "consent answer": [],
    }
    try:
        app.wait_for(titles[0])  # reopened on the meeting in progress
        time.sleep(SETTLE)
        for _ in range(rounds):
            timings["next/previous item"].append(app.press("n", titles[1]))
            timings["next/previous item"].append(app.press("p", titles[0]))
        position = 1  # the current item, 1-based
        themes = plan["themes"]

        def go_to(target: int) -> None:
            nonlocal position
            while position < target:
                app.press("n", titles[position])
                position += 1

        for target in themes[:2]:  # a roll-call vote on each of two theme items
            go_to(target)
            app.press("v", "Majority rule")
            app.press("ctrl+s", f"not yet {len(voters)}")
            time.sleep(SETTLE)
            for k in range(1, len(voters) + 1):
                timings["ballot + tally"].append(app.press("f", f"For {k} ·"))
            app.press("ctrl+s", "ADOPTED")
            app.press("escape", titles[position - 1])
        for target in (themes[2], themes[2] + 1):  # consent rounds on two more items
            go_to(target)
            app.press("c", "Save (ctrl+s)")  # the form's own button
            app.press("ctrl+s", f"Now: {voters[0]}")
            time.sleep(SETTLE)
            for k in range(1, len(voters)):
                timings["consent answer"].append(app.press("enter", f"Now: {voters[k]}"))
            timings["consent answer"].append(app.press("enter", "Everyone has answered"))
            app.press("ctrl+s", "ADOPTED")
            app.press("escape", titles[position - 1])
    finally:
        app.close()
    return {
        kind: {
            "n": len(values),
            "p50_ms": statistics.median(values),
            "p95_ms": p95(values),
            "all_ms": [round(v, 1) for v in values],
        }
        for kind, values in timings.items()
    }


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "board.db"
        shutil.copy(ensure_board(), copy)
        result = measure(copy)
    OUT.mkdir(exist_ok=True)
    (OUT / "console.json").write_text(json.dumps(result, indent=2))
    for kind, figures in result.items():
        print(
            f"{kind:28} n={figures['n']:3}  p50 {figures['p50_ms']:5.1f} ms"
            f"  p95 {figures['p95_ms']:5.1f} ms"
        )
