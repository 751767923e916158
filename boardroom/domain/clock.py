"""The time as every layer below the faces is given it (a clock to ask, never the wall's), and
the board's own time zone, in which every moment a person reads is shown.

`boardroom.clock` makes the process's one clock; the faces hand it to the session, and the
services, the record and the documents ask the session (see services.session.Session).
The record keeps UTC; a person sees the board's time, with its zone named where a moment
could be copied from one place to another (a log line into `restore --at`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

#: Returns the current moment as an aware datetime (UTC).
Clock = Callable[[], dt.datetime]

#: The board's time: the Netherlands', summer time included.
BOARD_ZONE = ZoneInfo("Europe/Amsterdam")

#: Zone names a person may write after a moment (`2026-12-10 16:05 CET`), and what they mean.
_ZONE_NAMES = {"CET": BOARD_ZONE, "CEST": BOARD_ZONE, "UTC": dt.UTC, "Z": dt.UTC}


def shown_moment(moment: dt.datetime) -> str:
    """A moment in the board's time to the second, its zone named: `2026-12-10 16:05:12 CET`."""
    local = moment.astimezone(BOARD_ZONE)
    return f"{local:%Y-%m-%d %H:%M:%S} {local.tzname()}"


def read_moment(text: str) -> dt.datetime | None:
    """A moment as people write or copy it — `2026-12-10 16:05`, `…T16:05:12`, with or
    without seconds, a zone name (CET, CEST, UTC, Z) or an offset (+01:00); without a zone
    the board's time — as an aware datetime; None when it is not one."""
    words = text.strip().split()
    zone = None
    if len(words) > 1 and words[-1].upper() in _ZONE_NAMES:
        zone = _ZONE_NAMES[words.pop().upper()]
    try:
        moment = dt.datetime.fromisoformat(" ".join(words).replace("T", " "))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone or BOARD_ZONE)
    return moment


def local_time(at: str) -> str:
    """An event's UTC time (ISO text) as the board's clock shows it, to the second."""
    try:
        return f"{dt.datetime.fromisoformat(at).astimezone(BOARD_ZONE):%H:%M:%S}"
    except ValueError:
        return at
