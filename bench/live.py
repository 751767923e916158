"""Live screens on the ten-year board (docs/architecture.md §6): from a commit in one process to the text on
another process's terminal, and what an idle app's watching costs.

The secretary's app runs on a pseudo-terminal on the agenda requests screen (f11); this
process files requests as a portfolio holder, each with a new title, and stops the clock when
the title arrives on the terminal. Then the app is left alone for a while and its CPU time
is read from /proc.

    python -m bench.live [--commits 20] [--idle 30] [--replica]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.console import SETTLE, Terminal, app_command, report
from bench.generate import ensure_board
from boardroom.clock import wall
from boardroom.services import agenda
from boardroom.services.session import open_session


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def main(commits: int, idle: float, replica: bool = False) -> None:
    folder = Path(tempfile.mkdtemp())
    db = folder / "live.db"
    shutil.copy(ensure_board(), db)
    extra = ["--replica", str(folder / "replica")] if replica else []
    app = Terminal(app_command(db, "Els Verhoeven", *extra))
    holder = open_session(db, wall, as_name="Henk Jansen")
    timings: dict[str, list[float]] = {"commit → other terminal": []}
    try:
        app.wait_for("Upcoming meetings")
        app.send("E", settle=1.0)  # the requests screen (f11)
        for n in range(commits):
            title = f"Live {n:03} wachtlijst"
            with app.lock:
                app.buffer.clear()
            started = time.perf_counter()
            agenda.submit_request(holder, {"title": title, "minutes": 10})
            arrived = app.wait_for(title, timeout=5)
            timings["commit → other terminal"].append((arrived - started) * 1000)
            time.sleep(SETTLE)
        time.sleep(2)
        before = cpu_seconds(app.process.pid)
        time.sleep(idle)
        used = cpu_seconds(app.process.pid) - before
    finally:
        holder.close()
        app.close()
        shutil.rmtree(folder)
    report(timings, "live")
    print(
        f"idle app{' replicating' if replica else ''}: {used:.2f} s of CPU in {idle:.0f} s"
        f" = {100 * used / idle:.2f}% of a core"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commits", type=int, default=20)
    parser.add_argument("--idle", type=float, default=30)
    parser.add_argument(
        "--replica", action="store_true", help="with Litestream replicating beside the app"
    )
    options = parser.parse_args()
    main(options.commits, options.idle, options.replica)
