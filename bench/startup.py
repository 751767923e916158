"""Start-up benchmark: process start → first painted frame of the dashboard, on the ten-year
board, against the same for a minimal Textual app (the floor on this machine).

Each run starts a fresh Python process on a pseudo-terminal (120x40) and stops the clock when
the screen's own text arrives on the terminal: for boardroom, the dashboard's last card title
("Upcoming meetings"), so the frame measured is the dashboard with its data, painted; then
the process is stopped. Reports medians.

    python -m bench.startup [--runs 9]
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import statistics
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

from bench.generate import OUT, ensure_board

ROOT = Path(__file__).resolve().parent.parent


def time_to_first_frame(command: list[str], marker: bytes) -> float:
    """Seconds from spawning `command` on a pty until `marker` has been written to the pty;
    then the process is stopped (over ssh: the client, which ends the session)."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    master, slave = pty.openpty()
    os.set_blocking(master, True)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen: list[float] = []
    shown = threading.Event()
    output = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            output.extend(chunk)
            if not seen and marker in output:
                seen.append(time.monotonic())
                shown.set()

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    started = time.monotonic()
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, close_fds=True
    )
    os.close(slave)
    try:
        shown.wait(timeout=60)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=2)
    finally:
        os.close(master)
    if not seen:
        raise RuntimeError(f"{command} exited {process.returncode} without showing {marker!r}")
    return seen[0] - started


def measure(runs: int, board: Path | None = None) -> dict[str, float]:
    board = board or ensure_board()
    app = [
        str(Path(sys.executable).with_name("boardroom")),
        "--db",
        str(board),
        "--as",
        "Els Verhoeven",
        "--lang",
        "en",
    ]
    floor = [sys.executable, str(ROOT / "bench" / "minimal_app.py")]
    app_marker, floor_marker = b"Upcoming meetings", b"minimal"
    time_to_first_frame(app, app_marker)  # warm the OS file cache once
    app_times, floor_times = [], []
    for _ in range(runs):
        floor_times.append(time_to_first_frame(floor, floor_marker))
        app_times.append(time_to_first_frame(app, app_marker))
    result = {
        "runs": runs,
        "app_median_s": statistics.median(app_times),
        "floor_median_s": statistics.median(floor_times),
    }
    result["ratio"] = result["app_median_s"] / result["floor_median_s"]
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    result = measure(parser.parse_args().runs)
    OUT.mkdir(exist_ok=True)
    (OUT / "startup.json").write_text(json.dumps(result, indent=2))
    print(
        f"start → first frame, median of {result['runs']}: boardroom on the ten-year board "
        f"{result['app_median_s'] * 1000:.0f} ms; minimal Textual app {result['floor_median_s'] * 1000:.0f} ms;"
        f" ratio {result['ratio']:.2f} (target <= 1.3, issue 12)"
    )
