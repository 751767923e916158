"""The record on the ten-year board: opening the decision list, search as you type, exporting
a meeting's minutes.

Opening the list runs the real app on a pseudo-terminal and stops the clock when the list's
count line arrives. A search keystroke is timed in the running app from the new text to the
updated table (the search and the rows; the paint follows in the next frame). The export is
timed in-process, from the query to the written file. Reports medians and p95.

    python -m bench.record
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from bench.console import SETTLE, Terminal, app_command, report
from bench.generate import ANCHOR, ensure_board
from boardroom.clock import wall
from boardroom.domain.search import fts_query
from boardroom.exports.minutes import write_minutes
from boardroom.services import record
from boardroom.services.minutes import build_minutes
from boardroom.services.session import open_session

WORDS = [
    "preventieagenda",
    "spoedpost",
    "gegevensuitwisseling",
    "wijkverpleging",
    "arbeidsmarktplan",
]


def expected_counts(db: Path) -> dict[str, int]:
    """How many decisions match each prefix of each word (what the screen will show)."""
    session = open_session(db, wall, as_name="Els Verhoeven")
    counts = {}
    for word in WORDS:
        for end in range(1, len(word) + 1):
            prefix = word[:end]
            counts[prefix] = len(session.repo.decision_rows(match=fts_query(prefix)))
    counts[""] = len(session.repo.decision_rows())
    session.close()
    return counts


def measure_screen(db: Path) -> dict[str, list[float]]:
    counts = expected_counts(db)
    total = counts[""]
    app = Terminal(app_command(db, "Els Verhoeven"))
    timings: dict[str, list[float]] = {"open the decision list": []}
    try:
        app.wait_for("Upcoming meetings")
        time.sleep(SETTLE)
        for _ in range(5):
            timings["open the decision list"].append(
                app.press("f7", f"{min(total, 100)} of {total}")
            )
            app.press("f1", "Upcoming meetings")
            time.sleep(0.2)
    finally:
        app.close()
    return timings


def measure_search(db: Path, replica: str | None = None) -> list[float]:
    """Each keystroke's work in the decision list: the search and the table update (in the
    running app; painting follows in the next frame). With `replica`, the app runs Litestream
    beside it, as `--replica` does, and waits until the replica is up to date first."""
    import asyncio

    from textual.widgets import Input

    from boardroom.tui.app import BoardroomApp

    async def run() -> list[float]:
        session = open_session(db, wall, as_name="Els Verhoeven")
        app = BoardroomApp(session, db, replica=replica)
        times: list[float] = []
        async with app.run_test(size=(130, 42)) as pilot:
            if replica is not None:
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline and not (
                    app.replication is not None and app.replication.state().synced_at
                ):
                    await pilot.pause(0.2)
                assert app.replication is not None and app.replication.state().synced_at
            await pilot.press("f7")
            await pilot.pause()
            screen = app.screen
            box = screen.query_one("#search", Input)
            for word in WORDS:
                for end in range(1, len(word) + 1):
                    with box.prevent(Input.Changed):
                        box.value = word[:end]
                    started = time.perf_counter()
                    screen.reload()  # type: ignore[attr-defined]
                    times.append((time.perf_counter() - started) * 1000)
                    await pilot.pause(0.05)  # a person types a few letters a second
            app.stop_replication()
        session.close()
        return times

    return asyncio.run(run())


def measure_export(db: Path, runs: int = 10) -> list[float]:
    session = open_session(db, wall, as_name="Els Verhoeven")
    held = record.find_meeting(session, f"{ANCHOR.year}/1")
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for n in range(runs):
            started = time.perf_counter()
            write_minutes(build_minutes(session, held.id or 0), "html", Path(folder) / f"{n}.html")
            times.append((time.perf_counter() - started) * 1000)
    session.close()
    return times


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "board.db"
        shutil.copy(ensure_board(), copy)
        timings = measure_screen(copy)
        timings["search keystroke (work)"] = measure_search(copy)
        timings["export minutes (html)"] = measure_export(copy)
    report(timings, "record")
