"""The SSH front door, timed against a real sshd on 127.0.0.1 (bench/sshd.py), on a copy of
the ten-year board, with sshd asking `boardroom-keys` for the keys at every login as the
README sets it up:

- the AuthorizedKeysCommand alone (`boardroom-keys`, which sshd runs twice per login), and
  the full app's `boardroom access authorized-keys` beside it;
- `ssh -tt board@host` → the dashboard's first painted frame ("Upcoming meetings" on the
  terminal), the local start of the same app on the same board beside it, interleaved;
- `ssh board@host request --list`, a command without the app.

Medians of `--runs` runs each (default 9).

    python -m bench.ssh [--runs 9]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import OUT, ensure_board
from bench.sshd import KEYS, PROGRAM, BoardHost, make_key
from bench.startup import time_to_first_frame
from boardroom.clock import wall
from boardroom.services import access
from boardroom.services.session import open_session

SECRETARY = "Els Verhoeven"


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def measure(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        board = folder / "board.db"
        shutil.copy(ensure_board(), board)
        key = make_key(folder, "els")
        with open_session(board, wall, as_name=SECRETARY) as session:
            access.add_key(session, SECRETARY, key.with_suffix(".pub").read_text())
        host = BoardHost(board, folder, "command")
        host.start()
        try:
            keys = [KEYS, "--db", str(board)]
            full = [*PROGRAM, "access", "authorized-keys", "--db", str(board)]
            ssh_app = host.ssh_command(key, tty=True)
            local_app = [str(Path(sys.executable).with_name("boardroom")), "--db", str(board)]
            local_app += ["--as", SECRETARY]
            listing = [*host.ssh_command(key), "request --list"]
            marker = b"Upcoming meetings"
            for warm in (keys, full, listing):  # the OS file cache, once
                timed(warm)
            times: dict[str, list[float]] = {
                k: [] for k in ("keys", "full", "ssh", "local", "list")
            }
            for _ in range(runs):
                times["keys"].append(timed(keys))
                times["full"].append(timed(full))
                times["ssh"].append(time_to_first_frame(ssh_app, marker))
                times["local"].append(time_to_first_frame(local_app, marker))
                times["list"].append(timed(listing))
        finally:
            host.stop()
    return {"runs": runs, **{name: statistics.median(v) for name, v in times.items()}}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    result = measure(parser.parse_args().runs)
    OUT.mkdir(exist_ok=True)
    (OUT / "ssh.json").write_text(json.dumps(result, indent=2))
    ms = {k: f"{v * 1000:.0f} ms" for k, v in result.items() if k != "runs"}
    print(
        f"medians of {result['runs']}: boardroom-keys {ms['keys']} (the full app's"
        f" `access authorized-keys` {ms['full']}); ssh -tt → first frame {ms['ssh']} (the"
        f" local start {ms['local']}); ssh … request --list {ms['list']}"
    )
