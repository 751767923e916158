"""Decision and action numbers.

`B{year}-{meeting nr:02}-{n:02}` and `A{year}-{meeting nr:02}-{n:02}`, where the meeting number
counts that year's meetings in date order. Numbers are given once and never reused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

_NUMBER = re.compile(r"^[AB](\d{4})-(\d{2})-(\d{2,})$")


def meeting_number(starts_at: dt.datetime, year_meetings: Iterable[dt.datetime]) -> int:
    """The 1-based position of a meeting among its year's meetings in date order."""
    same_year = sorted(m for m in year_meetings if m.year == starts_at.year)
    if starts_at not in same_year:
        raise ValueError(f"meeting {starts_at:%Y-%m-%d %H:%M} is not among its year's meetings")
    return same_year.index(starts_at) + 1


def next_sequence(existing_numbers: Iterable[str], prefix: str, year: int, meeting_nr: int) -> int:
    """The next free sequence number for this meeting, one past the highest ever given."""
    highest = 0
    for number in existing_numbers:
        match = _NUMBER.match(number)
        if match and number[0] == prefix and (int(match[1]), int(match[2])) == (year, meeting_nr):
            highest = max(highest, int(match[3]))
    return highest + 1


def format_number(prefix: str, year: int, meeting_nr: int, sequence: int) -> str:
    """`B2026-03-02` for the second decision of the year's third meeting."""
    if prefix not in ("A", "B"):
        raise ValueError(f"unknown number prefix {prefix!r}")
    return f"{prefix}{year}-{meeting_nr:02}-{sequence:02}"


def decision_number(year: int, meeting_nr: int, sequence: int) -> str:
    return format_number("B", year, meeting_nr, sequence)


def action_number(year: int, meeting_nr: int, sequence: int) -> str:
    return format_number("A", year, meeting_nr, sequence)


def paper_number(item_number: int, index: int) -> str:
    """4a, 4b, …, 4z, 4aa: a paper's number on the agenda."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return f"{item_number}{letters}"
