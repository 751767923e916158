"""Translation: English message ids, the Dutch catalogue in gettext's format. `_()` is a lookup.

The catalogue is `locale/nl/LC_MESSAGES/boardroom.po`, which translators open in Poedit or
Weblate; the app reads its compiled `.mo` beside it with the standard library's gettext
(`pybabel compile -d boardroom/i18n/locale -D boardroom` after editing the .po; a test checks
that the two agree). The language is chosen once per process (`--lang`, else the locale,
English where unknown).
"""

from __future__ import annotations

import gettext
import locale
import os
from datetime import date, datetime
from pathlib import Path

LANGUAGES = ("nl", "en")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "boardroom"
_current = "en"
_catalogues: dict[str, gettext.NullTranslations] = {}


def catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language, read once (English: the message ids as they are)."""
    if language not in _catalogues:
        _catalogues[language] = gettext.translation(
            DOMAIN, LOCALE_DIR, languages=[language], fallback=True
        )
    return _catalogues[language]


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
        return catalogue("nl").gettext(message)
    return message


def N_(message: str) -> str:
    """Marks a message translated later, where it is shown (key bindings, made at import
    before the language is chosen: see tui.bindings)."""
    return message


def n_(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for `n`, in the current language ("1 zorg", "2 zorgen")."""
    if _current == "nl":
        return catalogue("nl").ngettext(singular, plural, n)
    return singular if n == 1 else plural


#: values whose words are not their name: the quadruple aim's dimensions as the field says them
_WORDS = {
    "experience": N_("experience of care"),
    "costs": N_("costs of care"),
    "equity": N_("health equity"),
}


def label(value: object) -> str:
    """A translated label for an enum value, e.g. Role.CHAIR → "voorzitter"."""
    raw = str(getattr(value, "value", value))
    return _(_WORDS.get(raw) or raw.replace("_", " "))


_NL_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_NL_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_name(month: int) -> str:
    """`mrt` / `Mar` for 3."""
    return (_NL_MONTHS if _current == "nl" else _EN_MONTHS)[month - 1]


def format_number(value: float) -> str:
    """12 / 12.5 (English) or 12,5 (Dutch): at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if _current == "nl" else text


def format_decimal(value: float, places: int = 1) -> str:
    """3.0 / 3,0: a fixed number of decimals, in the reader's notation."""
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if _current == "nl" else text


def with_unit(value: float, unit: str) -> str:
    """12,5% / 12,5 weken: a figure with its unit (a percent sign sits against the number)."""
    number = format_number(value)
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}".strip()


def day_text(iso: str | None) -> str:
    """A date the record keeps as ISO text (`2026-04-23`), as documents write dates: `23 apr
    2026` / `23 Apr 2026` (one style in running text and tables alike); "" for none."""
    if not iso:
        return ""
    return format_date(date.fromisoformat(iso[:10]), weekday=False)


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
