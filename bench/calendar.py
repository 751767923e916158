"""The annual calendar on the ten-year board: planning a year (preview, and preview + apply)
and opening the calendar screen.

Planning is timed in-process on a copy of the board, from reading the plan file to the diff
(preview) and to the committed meetings (apply). Opening the calendar runs the real app on a
pseudo-terminal and stops the clock when the calendar's title for the year arrives.

    python -m bench.calendar
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from bench.console import ROOT, SETTLE, Terminal, app_command, report
from bench.generate import ensure_board
from boardroom.clock import wall
from boardroom.host_files import LOCAL, plan_text
from boardroom.services.planning import apply_plan, preview_plan
from boardroom.services.session import open_session

PLAN = ROOT / "boardroom" / "data" / "demo-jaarkalender.toml"
YEAR = 2027


def measure_planning(board: Path, folder: Path, runs: int = 7) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {"plan a year: preview": [], "plan a year: apply": []}
    for n in range(runs):
        copy = folder / f"plan-{n}.db"
        shutil.copy(board, copy)
        session = open_session(copy, wall, as_name="Els Verhoeven")
        started = time.perf_counter()
        preview = preview_plan(session, plan_text(LOCAL, str(PLAN)), YEAR)
        timings["plan a year: preview"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        apply_plan(session, preview)
        timings["plan a year: apply"].append((time.perf_counter() - started) * 1000)
        assert len(preview.result.meetings) == 11 and not preview.result.unplaced
        session.close()
    return timings


def measure_screen(db: Path, runs: int = 15) -> list[float]:
    app = Terminal(app_command(db, "Els Verhoeven"))
    times = []
    try:
        app.wait_for("Upcoming meetings")
        time.sleep(SETTLE)
        for _ in range(runs):
            times.append(app.press("f10", f"Annual calendar {YEAR}"))
            app.press("f1", "Upcoming meetings")
            time.sleep(0.2)
    finally:
        app.close()
    return times


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        timings = measure_planning(ensure_board(), work)
        planned = work / "plan-0.db"  # the board with 2027 planned: a full calendar to open
        timings["open the calendar screen"] = measure_screen(planned)
    report(timings, "calendar")
