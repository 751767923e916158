"""Due dates as people type them: `+2w`, `+10d`, `+1m`, `2026-12-10`, `10-12-2026`, `10/12`."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from boardroom.domain.errors import ValidationProblem

_RELATIVE = re.compile(r"^\+\s*(\d{1,3})\s*([dwm])$", re.IGNORECASE)
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}))?$")


def parse_due(text: str, today: dt.date, field: str = "due") -> dt.date:
    """A due date from a shortcut or a date; never before `today`, the day it counts from (the
    meeting's date for an action taken in a meeting, so `+2w` is two weeks after it)."""
    value = text.strip()
    if not value:
        raise ValidationProblem("a due date is required (e.g. +2w or 2026-12-10)", field)
    relative = _RELATIVE.match(value)
    if relative:
        amount, unit = int(relative[1]), relative[2].lower()
        step = {
            "d": relativedelta(days=amount),
            "w": relativedelta(weeks=amount),
            "m": relativedelta(months=amount),
        }[unit]
        return today + step
    try:
        due = dt.date.fromisoformat(value)
    except ValueError:
        dutch = _DUTCH.match(value)
        if not dutch:
            raise ValidationProblem(
                f"not a date: {value!r} (use +2w, +10d, +1m or YYYY-MM-DD)", field
            ) from None
        day, month = int(dutch[1]), int(dutch[2])
        year = int(dutch[3]) if dutch[3] else today.year
        try:
            due = dt.date(year, month, day)
        except ValueError:
            raise ValidationProblem(f"not a date: {value!r}", field) from None
        if not dutch[3] and due < today:
            due = due.replace(year=today.year + 1)
    if due < today:
        raise ValidationProblem(f"due date {due.isoformat()} is before {today.isoformat()}", field)
    return due
