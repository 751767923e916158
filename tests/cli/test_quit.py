"""Quitting right after start exits promptly (a warm-up thread once deadlocked on exit)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path


def test_q_right_after_the_first_frame_exits_within_seconds(demo_path: Path):
    master, slave = pty.openpty()
    command = [
        str(Path(sys.executable).with_name("boardroom")),
        "--db",
        str(demo_path),
        "--as",
        "Els Verhoeven",
        "--lang",
        "en",
    ]
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
    )
    os.close(slave)
    output = b""
    deadline = time.monotonic() + 20
    try:
        while b"Upcoming meetings" not in output and time.monotonic() < deadline:
            output += os.read(master, 65536)
        assert b"Upcoming meetings" in output
        os.write(master, b"q")  # while the warm-up after the first frame is still running
        started = time.monotonic()
        while process.poll() is None and time.monotonic() - started < 10:
            try:
                os.read(master, 65536)
            except OSError:
                break
        process.wait(timeout=10)
        assert process.returncode == 0
        assert time.monotonic() - started < 5
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
