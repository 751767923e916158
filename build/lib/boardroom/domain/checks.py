"""Rules about the year in view: interest-round coverage, actions on time, attendance rates,
the behaviour trend. Pure functions over plain values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from boardroom.domain.enums import AttendanceStatus, BehaviourScore

#: A year without a plan (the plan file sets it per perspective): each perspective's interests
#: are put on the table at least this many times a year.
INTEREST_ROUNDS_PER_YEAR = 1

TREND_MARKS = {
    BehaviourScore.KEPT: "●",
    BehaviourScore.UNDER_PRESSURE: "◐",
    BehaviourScore.BROKEN: "○",
}


@dataclass(frozen=True)
class InterestCoverage:
    perspective: str
    held: int
    planned: int  # in the meetings still to come this year
    target: int

    @property
    def short(self) -> int:
        return max(0, self.target - self.held - self.planned)

    def at_risk(self, meetings_left: int) -> bool:
        """It cannot reach its yearly number: more rounds short than meetings left to hold
        them in (one round per perspective per meeting)."""
        return self.short > meetings_left or (self.short > 0 and meetings_left == 0)


def on_time_share(rows: Sequence[tuple[dt.date | None, dt.date | None]]) -> float | None:
    """Of the actions done, the share done on or before their due date; None when none."""
    done = [(due, on) for due, on in rows if on is not None]
    if not done:
        return None
    return sum(1 for due, on in done if due is None or on <= due) / len(done)


def attendance_rates(statuses: Sequence[AttendanceStatus]) -> tuple[float, float] | None:
    """(attended in person or remotely, substituted) as shares of the meetings with a record."""
    if not statuses:
        return None
    attended = sum(1 for s in statuses if s in (AttendanceStatus.PRESENT, AttendanceStatus.REMOTE))
    substituted = sum(1 for s in statuses if s == AttendanceStatus.SUBSTITUTE)
    return attended / len(statuses), substituted / len(statuses)


def trend_marks(scores: Sequence[BehaviourScore | None]) -> str:
    """One mark per meeting, oldest first: ● kept, ◐ under pressure, ○ broken, · not scored."""
    return "".join(TREND_MARKS.get(s, "·") if s is not None else "·" for s in scores)
