"""The werkagenda on the ten-year board (issue 14): 60 KPIs with ten years of quarterly
figures; the screen's opening (first and later, key to its own text on a pseudo-terminal),
loading a file of 10,000 figures, and reading the whole werkagenda in-process.

    python -m bench.werkagenda [--rounds 6]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.console import SETTLE, Terminal, app_command, p95
from bench.generate import ensure_board
from boardroom.clock import wall
from boardroom.services import werkagenda
from boardroom.services.session import open_session

SECRETARY = "Els Verhoeven"
KPIS = 60
START = dt.date(2016, 10, 1)


def fill(db: Path) -> None:
    """60 KPIs over the board's themes, each with a figure every quarter for ten years."""
    session = open_session(db, wall, as_name=SECRETARY)
    try:
        themes = [t.name for t in session.repo.themes()]
        lines = ["kpi,date,value"]
        for n in range(KPIS):
            agreement = werkagenda.save_agreement(
                session,
                {"theme": themes[n % len(themes)], "title": f"Afspraak {n + 1}", "aim": "costs"},
            )
            werkagenda.save_kpi(
                session,
                {
                    "agreement_id": agreement,
                    "name": f"Indicator {n + 1}",
                    "unit": "%",
                    "baseline": 50,
                    "baseline_on": START,
                    "target": 80,
                    "target_on": dt.date(2027, 10, 1),
                },
            )
            for q in range(40):
                on = dt.date(
                    START.year + (START.month + 3 * q - 1) // 12,
                    (START.month + 3 * q - 1) % 12 + 1,
                    1,
                )
                lines.append(f"Indicator {n + 1},{on.isoformat()},{50 + q * 0.7 + (n % 5)}")
        werkagenda.import_figures(session, "\n".join(lines) + "\n")
    finally:
        session.close()


def load_10k(db: Path) -> float:
    """Seconds to load 10,000 new figures (daily ones, in one file) into the filled board."""
    lines = ["kpi,date,value"]
    for n in range(10_000):
        on = dt.date(2017, 1, 1) + dt.timedelta(days=n // KPIS * 7 + 1)
        lines.append(f"Indicator {n % KPIS + 1},{on.isoformat()},{n % 97}")
    session = open_session(db, wall, as_name=SECRETARY)
    try:
        started = time.perf_counter()
        loaded = werkagenda.import_figures(session, "\n".join(lines) + "\n")
        seconds = time.perf_counter() - started
        assert loaded.added + loaded.corrected == 10_000, loaded
        return seconds
    finally:
        session.close()


def read_ms(db: Path, runs: int = 20) -> float:
    session = open_session(db, wall, as_name=SECRETARY)
    try:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            werkagenda.werkagenda(session)
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)
    finally:
        session.close()


def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "board.db"
        shutil.copy(ensure_board(), db)
        fill(db)
        print(f"read the whole werkagenda (60 KPIs, 2,400 figures): median {read_ms(db):.1f} ms")
        app = Terminal(app_command(db, SECRETARY))
        first, later = [], []
        try:
            app.wait_for("Upcoming", timeout=30)
            time.sleep(2)
            for n in range(rounds):
                (first if n == 0 else later).append(app.press("W", "Trend"))
                time.sleep(SETTLE)
                app.press("g", "Upcoming")
                time.sleep(SETTLE)
        finally:
            app.close()
        print(
            f"open the werkagenda screen: first {first[0]:.1f} ms, later p50"
            f" {statistics.median(later):.1f} ms, p95 {p95(later):.1f} ms (n={len(later)})"
        )
        print(f"load 10,000 figures from a file: {load_10k(db):.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=6)
    main(parser.parse_args().rounds)
