"""The process's one clock: the only place that reads the wall clock for the record.

The faces (the command line, the app) take `now` from `process_clock()` once and hand it to
the session; everything below them asks the session (`session.now()`, `session.today`) and
never the wall clock itself. So the time is set in one place: a test sets it, and so can
someone trying the demo as it will look on another day:

    BOARDROOM_NOW=2027-11-25T09:00:00+01:00 boardroom demo

starts the clock at that moment, and it runs on from there as a wall clock does. A moment
without a zone is the board's time (Europe/Amsterdam). Intervals that are not about the
record (a timer's tick, how long ago the replica caught up) use `time.monotonic()`, which
is not a date and needs no clock.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Mapping

from boardroom.domain.clock import BOARD_ZONE, Clock, read_moment

#: The environment variable that sets the clock.
ENVIRONMENT = "BOARDROOM_NOW"
__all__ = ["BOARD_ZONE", "ENVIRONMENT", "process_clock", "running_from", "wall"]


def wall() -> dt.datetime:
    """The wall clock, in UTC: read here and nowhere else in boardroom."""
    return dt.datetime.now(dt.UTC)


def running_from(start: dt.datetime) -> Clock:
    """A clock that reads `start` now and runs on from there (by the monotonic clock, so a
    change of the machine's time does not move it)."""
    began = time.monotonic()
    start = start.astimezone(dt.UTC)

    def now() -> dt.datetime:
        return start + dt.timedelta(seconds=time.monotonic() - began)

    return now


def process_clock(environ: Mapping[str, str] = os.environ) -> Clock:
    """The clock this process runs on: BOARDROOM_NOW's when it is set, else the wall's.
    ValueError (saying what is wrong) when BOARDROOM_NOW is not a moment."""
    text = environ.get(ENVIRONMENT, "").strip()
    if not text:
        return wall
    moment = read_moment(text)
    if moment is None:
        raise ValueError(
            f"{ENVIRONMENT}: not a moment (YYYY-MM-DD HH:MM, optionally with a zone): {text!r}"
        )
    return running_from(moment)
