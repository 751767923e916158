"""Replication on the ten-year board (issue 10): what Litestream running beside the app costs
a key in the console, and how long restoring the whole board from a folder replica takes.

The console keys are measured as in `bench/console.py`, once without and once with
`--replica` (Litestream started by the app, shipping every commit within a second), on fresh
copies of the board. The restore is `restore_board` (Litestream's restore, then `verify`),
timed from the call to the verified file, five times.

    python -m bench.replication
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.console import measure, p95
from bench.generate import ensure_board
from boardroom.services.replication import Replication, restore_board
from boardroom.storage.litestream import parse_replica


def console_keys() -> dict[str, dict[str, dict[str, float]]]:
    results = {}
    for label, with_replica in (("without replication", False), ("with replication", True)):
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "board.db"
            shutil.copy(ensure_board(), copy)
            extra = ["--replica", str(Path(folder) / "replica")] if with_replica else []
            results[label] = measure(copy, extra=extra)
    return results


def restore_times(runs: int = 5) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "board.db"
        shutil.copy(ensure_board(), copy)
        replica = parse_replica(str(Path(folder) / "replica"))
        running = Replication(copy, replica)
        running.start()
        deadline = time.monotonic() + 60
        while running.state().synced_at is None and time.monotonic() < deadline:
            time.sleep(0.1)
        running.stop()
        times = []
        for n in range(runs):
            started = time.perf_counter()
            restored = restore_board(replica, Path(folder) / f"restored-{n}.db")
            times.append((time.perf_counter() - started) * 1000)
            assert restored.report.ok, restored.report.problems[:3]
        return times


if __name__ == "__main__":
    for label, result in console_keys().items():
        for kind, figures in result.items():
            print(
                f"{label:20} {kind:28} n={figures['n']:3}  p50 {figures['p50_ms']:5.1f} ms"
                f"  p95 {figures['p95_ms']:5.1f} ms"
            )
    times = restore_times()
    print(
        f"restore the ten-year board from a folder replica and verify it: n={len(times)}"
        f"  p50 {statistics.median(times):.0f} ms  max {max(times):.0f} ms"
        f"  (p95 {p95(times):.0f} ms)"
    )
