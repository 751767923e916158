"""The werkagenda's rules: a KPI's measuring moments and its status at a date.

Pure: no I/O, no Textual, no pydantic. A KPI runs from its baseline (value and date) to its
target (value and date) in a straight line, its *path*; whether higher is better follows from
the target being above or below the baseline.

Status at a date, first match wins:

- no data: a measuring moment has passed (the latest one on or before the date) and no figure
  is about the period it closes; or there is no figure at all;
- achieved: the latest figure meets the target;
- on track: the latest figure is on the path or better, at its own date;
- at risk: below the path, and the last two measurements each moved away from the target;
- behind: below the path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from boardroom.domain.enums import Frequency, KpiStatus


@dataclass(frozen=True)
class Target:
    """Where a KPI starts and where it must be."""

    baseline: float
    baseline_on: dt.date
    target: float
    target_on: dt.date
    frequency: Frequency = Frequency.QUARTERLY

    @property
    def higher_is_better(self) -> bool:
        return self.target >= self.baseline

    def path_at(self, on: dt.date) -> float:
        """The value the straight path from baseline to target has at a date (the target
        after the target date, the baseline before the baseline date)."""
        span = (self.target_on - self.baseline_on).days
        if span <= 0 or on >= self.target_on:
            return self.target
        if on <= self.baseline_on:
            return self.baseline
        share = (on - self.baseline_on).days / span
        return self.baseline + (self.target - self.baseline) * share

    def meets(self, value: float) -> bool:
        return value >= self.target if self.higher_is_better else value <= self.target

    def at_least_path(self, value: float, on: dt.date, digits: int = 2) -> bool:
        """On the path or better, at the precision the figures are given in (`digits`): the
        status says what the shown numbers say (a figure of 58 is on a path of 57.97)."""
        path, value = round(self.path_at(on), digits), round(value, digits)
        return value >= path if self.higher_is_better else value <= path

    def distance(self, value: float) -> float:
        """How far a value is from the target, in the direction that matters (0 when met)."""
        gap = self.target - value if self.higher_is_better else value - self.target
        return max(gap, 0.0)

    def moments(self, until: dt.date) -> list[dt.date]:
        """The measuring moments after the baseline, up to and including `until` and never
        past the target date: baseline date + 1, 2, … periods."""
        step = self.frequency.months
        moments: list[dt.date] = []
        n = 1
        while True:
            moment = self.baseline_on + relativedelta(months=step * n)
            if moment > until or moment > self.target_on:
                return moments
            moments.append(moment)
            n += 1

    def moment(self, n: int) -> dt.date:
        """The n-th measuring moment (0: the baseline date)."""
        return self.baseline_on + relativedelta(months=self.frequency.months * n)

    def last_period(self, until: dt.date) -> tuple[dt.date, dt.date] | None:
        """The period the latest measuring moment on or before `until` closes (its opening
        and that moment), without listing every moment before it; None before the first."""
        end = min(until, self.target_on)
        months = (end.year - self.baseline_on.year) * 12 + end.month - self.baseline_on.month
        n = months // self.frequency.months
        while n > 0 and self.moment(n) > end:
            n -= 1
        return (self.moment(n - 1), self.moment(n)) if n > 0 else None


@dataclass(frozen=True)
class Figure:
    """One measurement: the date the figure is about, and its value."""

    on: dt.date
    value: float


@dataclass(frozen=True)
class Standing:
    """A KPI at a date: its status, its latest figure and the path value at that figure
    (rounded to the precision of the KPI's numbers, as the status compared it)."""

    status: KpiStatus
    latest: Figure | None
    path: float | None
    missed: dt.date | None  # the measuring moment without a figure (status no data)


def precision(target: Target, figures: Sequence[Figure]) -> int:
    """The decimals the KPI's numbers are given in (at most two): its path is shown and
    compared at that precision."""

    def decimals(value: float) -> int:
        text = f"{round(value, 6):f}".rstrip("0")
        return len(text.split(".")[1]) if "." in text else 0

    values = [target.baseline, target.target, *(f.value for f in figures)]
    return min(2, max(decimals(v) for v in values))


def standing(target: Target, figures: Sequence[Figure], on: dt.date) -> Standing:
    """The KPI's status at `on`, from the figures dated on or before it (a later figure never
    changes what an earlier date shows)."""
    known = sorted((f for f in figures if f.on <= on), key=lambda f: f.on)
    latest = known[-1] if known else None
    period = target.last_period(on)
    if period is not None:
        opening, closing = period
        if not any(opening < f.on <= closing for f in known):
            return Standing(KpiStatus.NO_DATA, latest, None, closing)
    if latest is None:
        return Standing(KpiStatus.NO_DATA, None, None, None)
    digits = precision(target, known)
    path = round(target.path_at(latest.on), digits)
    if target.meets(latest.value):
        status = KpiStatus.ACHIEVED
    elif target.at_least_path(latest.value, latest.on, digits):
        status = KpiStatus.ON_TRACK
    elif _moving_away(target, known):
        status = KpiStatus.AT_RISK
    else:
        status = KpiStatus.BEHIND
    return Standing(status, latest, path, None)


def _moving_away(target: Target, known: Sequence[Figure]) -> bool:
    """The last two measurements each moved away from the target (three figures needed)."""
    if len(known) < 3:
        return False
    a, b, c = (target.distance(f.value) for f in known[-3:])
    return a < b < c


#: Eight levels for a small trend line in text (a sparkline).
BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], width: int = 12) -> str:
    """The last `width` values as bars, lowest to highest of those shown."""
    shown = list(values)[-width:]
    if not shown:
        return ""
    low, high = min(shown), max(shown)
    if high == low:
        return BARS[3] * len(shown)
    return "".join(BARS[round((v - low) / (high - low) * (len(BARS) - 1))] for v in shown)
