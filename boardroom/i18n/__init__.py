"""Translation: English message ids, Dutch catalogue. `_()` is a pure lookup.

The language is chosen once per process (`--lang`, else the locale, English where unknown).
"""

from __future__ import annotations

import locale
import os
from datetime import date, datetime

from boardroom.i18n.nl import CATALOGUE as _NL

LANGUAGES = ("nl", "en")
_current = "en"


def detect_language(environ: dict[str, str] | None = None) -> str:
    """nl when the locale is Dutch, en otherwise."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(key, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "nl" if code.lower().startswith("nl") else "en"


def set_language(language: str) -> None:
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (choose nl or en)")
    _current = language


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """The message in the current language (the English id when no translation exists)."""
    if _current == "nl":
        return _NL.get(message, message)
    return message


def label(value: object) -> str:
    """A translated label for an enum value, e.g. Role.CHAIR → "voorzitter"."""
    raw = getattr(value, "value", value)
    return _(str(raw).replace("_", " "))


_NL_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_NL_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_name(month: int) -> str:
    """`mrt` / `Mar` for 3."""
    return (_NL_MONTHS if _current == "nl" else _EN_MONTHS)[month - 1]


def format_date(
    day: date | datetime, *, weekday: bool = True, time: bool = False, year: bool = True
) -> str:
    """`do 10 dec 2026 15:00` / `Thu 10 Dec 2026 15:00`, independent of the C locale."""
    days = _NL_DAYS if _current == "nl" else _EN_DAYS
    text = f"{day.day} {month_name(day.month)}" + (f" {day.year}" if year else "")
    if weekday:
        text = f"{days[day.weekday()]} {text}"
    if time and isinstance(day, datetime):
        text += f" {day:%H:%M}"
    return text
