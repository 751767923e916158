"""One clock: boardroom.clock is the only place in boardroom that reads the wall clock.

Everything else is handed the clock (a session's `now`), so a test, or anyone trying the demo
on another day, sets the time in one place. A read of the wall clock anywhere else would
make the record's times, "today" and the overdue actions depend on when the code runs."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "boardroom"
#: what reads the wall clock: datetime.now/utcnow/today, date.today, time.time/time_ns/…
WALL = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "strftime"),
}
#: the one clock, and nothing else
ALLOWED = {PACKAGE / "clock.py": 1}


def wall_reads(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if (name, node.func.attr) in WALL:
                lines.append(node.lineno)
    return lines


def test_only_the_clock_module_reads_the_wall_clock():
    found = {path: wall_reads(path) for path in PACKAGE.rglob("*.py")}
    found = {path: lines for path, lines in found.items() if lines}
    assert {path: len(lines) for path, lines in found.items()} == ALLOWED, found


def test_the_scan_finds_a_read_of_the_wall_clock(tmp_path):
    """Every kind of read WALL names is found, written as the code would write it (through a
    module alias and through the module itself); a monotonic timer is not a read of the date."""
    lines = ["import datetime as dt, time"]
    for owner, name in sorted(WALL):
        module = "time" if owner == "time" else f"dt.{owner}"
        lines.append(f"x = {module}.{name}()")
    lines.append("y = time.monotonic()")
    sample = tmp_path / "sample.py"
    sample.write_text("\n".join(lines) + "\n")
    assert wall_reads(sample) == list(range(2, 2 + len(WALL)))
