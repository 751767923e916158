"""The documents as the secretary sends them (issue 24): the minutes, the decision list and the
action list in each format, on the demo board and on the ten-year board (its busiest minutes,
12 Nov 2026: hundreds of open actions in the appendix). PDF is the archival PDF/A-2a.

    python -m bench.documents
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.generate import ensure_board
from boardroom.clock import wall
from boardroom.exports.formats import document_bytes
from boardroom.exports.lists import list_bytes
from boardroom.exports.minutes import minutes_document
from boardroom.services import record
from boardroom.services.demo import build_demo
from boardroom.services.minutes import build_minutes
from boardroom.services.record import find_meeting
from boardroom.services.session import Session, open_session
from boardroom.services.style import house_style

RUNS = 3


def timed(make: Callable[[], bytes]) -> tuple[float, float, int]:
    """Median and maximum seconds of RUNS makes, and the size of what it made."""
    times, size = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        size = len(make())
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times), size


def minutes(session: Session, day: str, fmt: str) -> bytes:
    doc = minutes_document(build_minutes(session, find_meeting(session, day).id or 0))
    doc.made_at, doc.style = session.now(), house_style(session)
    return document_bytes(doc, fmt)


def listed(session: Session, kind: str, fmt: str) -> bytes:
    rows = record.decisions(session) if kind == "decisions" else record.actions(session)
    rows = record.with_substance(session, rows, kind)
    return list_bytes(rows, kind, fmt, "board", session.today, session.now(), house_style(session))


def report(name: str, session: Session, day: str) -> None:
    for fmt in ("pdf", "docx", "html"):
        median, most, size = timed(lambda fmt=fmt: minutes(session, day, fmt))
        print(f"{name} minutes {day} {fmt}: {median:.2f} s (max {most:.2f}), {size // 1024} KB")
    for kind in ("decisions", "actions"):
        median, most, size = timed(lambda kind=kind: listed(session, kind, "pdf"))
        print(f"{name} {kind} list pdf: {median:.2f} s (max {most:.2f}), {size // 1024} KB")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.db"
        build_demo(demo, wall, anchor=dt.date(2026, 11, 24)).close()
        with open_session(demo, wall, as_name="Els Verhoeven") as session:
            report("demo", session, "2026-10-08")
        ten = Path(folder) / "ten.db"
        shutil.copy(ensure_board(), ten)
        with open_session(ten, wall, as_name="Els Verhoeven") as session:
            report("ten-year", session, "2026-11-12")


if __name__ == "__main__":
    main()
