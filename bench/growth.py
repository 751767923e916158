"""How the cost grows with the record (issue 12): boards of 1, 10 and 30 years at the same
pace, and for each every screen's opening (as `bench/screens.py`), the console's keys in a
meeting (as `bench/console.py`), a search keystroke's work in the decision list, the minutes
export, `verify` and start-up. Prints a table and a bar plot
per measure (for bench/README.md) and keeps the figures in bench/out/growth.json.

    python -m bench.growth [--years 1 10 30] [--rounds 3] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.console import measure as measure_console
from bench.console import p95
from bench.generate import OUT, ensure_board
from bench.record import measure_export, measure_search
from bench.screens import measure as measure_screens
from bench.startup import measure as measure_startup
from boardroom.services.integrity import verify
from boardroom.storage.db import Database


def measure_verify(db: Path, runs: int = 3) -> list[float]:
    times = []
    for _ in range(runs):
        database = Database(db)
        started = time.perf_counter()
        report = verify(database)
        times.append((time.perf_counter() - started) * 1000)
        database.close()
        assert report.ok, report.problems[:3]
    return times


def size_of(db: Path) -> dict[str, int]:
    database = Database(db)
    try:
        return {
            t: database.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("meetings", "decisions", "actions", "event_log")
        }
    finally:
        database.close()


def measure_board(years: int, rounds: int, runs: int) -> dict:
    board = ensure_board(years=years)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "board.db"
        shutil.copy(board, copy)
        screens, memory = measure_screens(rounds, copy)
        search = measure_search(copy)
        export = measure_export(copy, runs=runs)
        checked = measure_verify(copy)
        shutil.copy(board, copy)  # a fresh copy: the console's keys open a meeting of their own
        keys = measure_console(copy, rounds=10)
    start = measure_startup(runs, board)
    return {
        "years": years,
        "size": size_of(board),
        "screens": {
            name: {
                "first": statistics.median(kinds["first"]),
                "p95": p95(kinds["first"] + kinds["later"]),
            }
            for name, kinds in screens.items()
        },
        "keys": {
            kind: {"p50": figures["p50_ms"], "p95": figures["p95_ms"]}
            for kind, figures in keys.items()
            if "floor" not in kind
        },
        "peak_rss_mb": memory,
        "search_p95_ms": p95(search),
        "export_ms": statistics.median(export),
        "verify_ms": statistics.median(checked),
        "startup_ms": start["app_median_s"] * 1000,
        "startup_ratio": start["ratio"],
    }


def bar(value: float, top: float, width: int = 40) -> str:
    return "█" * max(1, round(width * value / top)) if top else ""


def report(results: list[dict]) -> str:
    years = [r["years"] for r in results]
    head = "| measure | " + " | ".join(f"{y} year{'s' if y > 1 else ''}" for y in years) + " |"
    lines = [head, "|---" * (len(years) + 1) + "|"]

    def row(label: str, values: list[float], unit: str = "ms") -> None:
        lines.append(f"| {label} | " + " | ".join(f"{v:,.0f} {unit}" for v in values) + " |")

    lines.append(
        "| meetings / decisions / actions / events | "
        + " | ".join(
            f"{r['size']['meetings']:,} / {r['size']['decisions']:,} / {r['size']['actions']:,}"
            f" / {r['size']['event_log']:,}"
            for r in results
        )
        + " |"
    )
    for name in results[0]["screens"]:
        lines.append(
            f"| {name}: first / p95 | "
            + " | ".join(
                f"{r['screens'][name]['first']:,.0f} / {r['screens'][name]['p95']:,.0f} ms"
                for r in results
            )
            + " |"
        )
    for kind in results[0]["keys"]:
        lines.append(
            f"| console key, {kind}: p50 / p95 | "
            + " | ".join(
                f"{r['keys'][kind]['p50']:,.0f} / {r['keys'][kind]['p95']:,.0f} ms" for r in results
            )
            + " |"
        )
    row("search keystroke, p95", [r["search_p95_ms"] for r in results])
    row("minutes export", [r["export_ms"] for r in results])
    row("verify", [r["verify_ms"] for r in results])
    row("start-up to the dashboard", [r["startup_ms"] for r in results])
    row("peak memory after every screen", [r["peak_rss_mb"] for r in results], "MB")
    plots = []
    for label, key in (
        ("verify (ms)", "verify_ms"),
        ("minutes export (ms)", "export_ms"),
        ("search keystroke p95 (ms)", "search_p95_ms"),
        ("start-up (ms)", "startup_ms"),
    ):
        top = max(r[key] for r in results)
        plots.append(label)
        plots += [f"  {r['years']:>2} y {bar(r[key], top)} {r[key]:,.0f}" for r in results]
    return "\n".join(lines) + "\n\n```\n" + "\n".join(plots) + "\n```\n"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    results = [measure_board(y, options.rounds, options.runs) for y in options.years]
    OUT.mkdir(exist_ok=True)
    (OUT / "growth.json").write_text(json.dumps(results, indent=1))
    print(report(results))
