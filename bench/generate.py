"""Generate the ten-year benchmark board (about 120 meetings, 3,000 decisions, 8,000 actions,
600 agenda requests) with the demo generator at a larger shape. Cached in bench/out/.

    python -m bench.generate [--force]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from boardroom.services.demo import TEN_YEARS, build_demo

OUT = Path(__file__).resolve().parent / "out"
BOARD = OUT / "ten-years.db"
ANCHOR = dt.date(2026, 11, 24)


def ensure_board(force: bool = False) -> Path:
    """The benchmark board, generated once (deterministic: fixed anchor and seed)."""
    if BOARD.exists() and not force:
        return BOARD
    OUT.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{BOARD}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    session = build_demo(BOARD, anchor=ANCHOR, shape=TEN_YEARS)
    counts = {
        table: session.repo.scalar(f"SELECT count(*) FROM {table}")
        for table in ("meetings", "decisions", "actions", "agenda_requests", "event_log")
    }
    session.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    session.close()
    print(f"generated {BOARD} in {time.perf_counter() - started:.1f} s: {counts}")
    return BOARD


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--force", action="store_true", help="generate anew")
    ensure_board(parser.parse_args().force)
