"""Generate the benchmark boards with the demo generator at a larger shape: the ten-year
board (about 120 meetings, 3,000 decisions, 8,000 actions, 600 agenda requests), and boards of
any number of years of the same pace (issue 12's growth: 1, 10 and 30). Cached in bench/out/.

    python -m bench.generate [--years N] [--force]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import time
from dataclasses import replace
from pathlib import Path

from boardroom.clock import wall
from boardroom.services import demo
from boardroom.services.demo import TEN_YEARS, build_demo
from boardroom.storage import schema

OUT = Path(__file__).resolve().parent / "out"
BOARD = OUT / "ten-years.db"
ANCHOR = dt.date(2026, 11, 24)


def board_path(years: int = 10) -> Path:
    return BOARD if years == 10 else OUT / f"years-{years}.db"


def _makers() -> str:
    """What a board is made by (the schema, the demo generator, this file): a board made by
    other code is made again (a board kept from before a schema change can fail in ways no
    user's board can)."""
    digest = hashlib.sha256()
    for module in (schema, demo):
        digest.update(Path(module.__file__ or "").read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def ensure_board(force: bool = False, years: int = 10) -> Path:
    """A benchmark board of `years` years of history at the ten-year board's pace, generated
    once per version of the code that makes it (deterministic: fixed anchor and seed)."""
    path = board_path(years)
    stamp = Path(f"{path}.made-by")
    if path.exists() and not force and stamp.exists() and stamp.read_text() == _makers():
        return path
    OUT.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    session = build_demo(
        path, wall, anchor=ANCHOR, shape=replace(TEN_YEARS, months_back=12 * years)
    )
    counts = {
        table: session.repo.scalar(f"SELECT count(*) FROM {table}")
        for table in ("meetings", "decisions", "actions", "agenda_requests", "event_log")
    }
    session.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    session.close()
    stamp.write_text(_makers())
    print(f"generated {path} in {time.perf_counter() - started:.1f} s: {counts}")
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--force", action="store_true", help="generate anew")
    parser.add_argument("--years", type=int, default=10, help="years of history (default 10)")
    options = parser.parse_args()
    ensure_board(options.force, options.years)
