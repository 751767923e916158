"""Replication on the ten-year board (issue 10): what Litestream running beside the app costs
a key in the console, and how long restoring the whole board from a folder replica takes.

The console keys are measured as in `bench/console.py`, and a search keystroke's work as in
`bench/record.py`, each once with the app alone and once with everything on: `--replica`
(Litestream started by the app, shipping every commit within a second) and another member's
session committing twice a second (the app's live refresh reads each commit), on fresh copies
of the board. The restore is `restore_board` (Litestream's restore, then `verify`),
timed from the call to the verified file, five times.

    python -m bench.replication
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.console import measure, p95
from bench.generate import ANCHOR, ensure_board
from bench.record import measure_search
from boardroom.clock import wall
from boardroom.services import meeting as live
from boardroom.services import notes
from boardroom.services.replication import Replication, restore_board
from boardroom.services.session import open_session
from boardroom.storage.litestream import parse_replica

#: the two ways the keys are measured: the app alone, and with everything on
SETTINGS = (("alone", False), ("with replication, another laptop writing", True))


@contextmanager
def another_laptop_writing(db: Path, on: bool, every: float = 0.5) -> Iterator[list[int]]:
    """Another member's session committing every `every` s, as the secretary's laptop would
    while the chair works (notes on the last item of the next meeting): the app's live
    refresh reads each of these commits and Litestream ships it. Yields the commit count."""
    stop, done = threading.Event(), [0]

    def write() -> None:
        session = open_session(db, wall, as_name="Els Verhoeven")
        meeting = next(
            m
            for m in live.meetings_around(session, ANCHOR, 0, 40)
            if m.status.value not in ("closed", "minutes_approved")
        )
        last = session.repo.items(meeting.id or 0)[-1]
        try:
            while not stop.wait(every):
                notes.write_notes(session, last.id or 0, f"note {done[0] + 1}")
                done[0] += 1
        except Exception as error:  # shown by the caller's check of the count
            done.append(repr(error))  # type: ignore[arg-type]
        finally:
            session.close()

    thread = threading.Thread(target=write, daemon=True)
    if on:
        thread.start()
    try:
        yield done
    finally:
        stop.set()
        if on:
            thread.join()


def console_keys() -> dict[str, dict[str, dict[str, float]]]:
    results = {}
    for label, everything in SETTINGS:
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "board.db"
            shutil.copy(ensure_board(), copy)
            extra = ["--replica", str(Path(folder) / "replica")] if everything else []
            # (measure opens the meeting first; the writer starts with the keys' app)
            with another_laptop_writing(copy, everything) as commits:
                results[label] = measure(copy, extra=extra)
            if everything:
                assert commits[0] >= 5, commits
    return results


def search_keys() -> dict[str, dict[str, float]]:
    """A search keystroke's work in the decision list, the app alone and with everything on."""
    results = {}
    for label, everything in SETTINGS:
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "board.db"
            shutil.copy(ensure_board(), copy)
            replica = str(Path(folder) / "replica") if everything else None
            with another_laptop_writing(copy, everything) as commits:
                times = measure_search(copy, replica)
            if everything:
                assert commits[0] >= 5, commits
            results[label] = {
                "n": len(times),
                "p50_ms": statistics.median(times),
                "p95_ms": p95(times),
            }
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
                f"{label:42} {kind:28} n={figures['n']:3}  p50 {figures['p50_ms']:5.1f} ms"
                f"  p95 {figures['p95_ms']:5.1f} ms"
            )
    for label, figures in search_keys().items():
        print(
            f"{label:42} {'search keystroke (work)':28} n={figures['n']:3}"
            f"  p50 {figures['p50_ms']:5.1f} ms  p95 {figures['p95_ms']:5.1f} ms"
        )
    times = restore_times()
    print(
        f"restore the ten-year board from a folder replica and verify it: n={len(times)}"
        f"  p50 {statistics.median(times):.0f} ms  max {max(times):.0f} ms"
        f"  (p95 {p95(times):.0f} ms)"
    )
