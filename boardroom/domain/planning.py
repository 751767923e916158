"""Planning a year: the plan file, the standard agenda and the planner.

The planner is pure and deterministic: the same plan, board and existing meetings give the same
calendar. It lays the series' dates out, puts the standard items on every agenda, and then
places — in this order — the fixed items in their months, the evaluations, each perspective's
interest rounds and each theme's slots, each spread evenly over the year's meetings. A meeting
is never filled past its length; what does not fit is reported with the reason.

Meetings that exist already and may not change (agenda set, held, recorded) are `locked`: they
keep what they have, and what they have counts towards the year's numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from boardroom.domain import models as m
from boardroom.domain.enums import ItemKind, ItemSource, MeetingKind, Purpose
from boardroom.domain.errors import ValidationProblem

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_MEETINGS = 60  # more than this in a year is a series written wrongly (FREQ=DAILY…)
PLACEHOLDER = "planned"  # the template item where the year's planned items go


def _check_months(months: list[int]) -> list[int]:
    for month in months:
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} is not between 1 and 12")
    return sorted(set(months))


Months = Annotated[list[int], AfterValidator(_check_months)]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class SeriesEntry(_Entry):
    """The regular meetings: an RFC 5545 RRULE, a start time, a length, a place."""

    rrule: str = Field(min_length=1)
    start: dt.time
    duration: int = Field(default=150, ge=15, le=24 * 60, description="minutes")
    location: m.Text = ""
    exdates: list[dt.date] = Field(default_factory=list)


class ExtraEntry(_Entry):
    date: dt.date
    start: dt.time | None = None  # default: the series' start
    duration: int | None = Field(default=None, ge=15, le=24 * 60)
    location: m.Text | None = None
    kind: MeetingKind = MeetingKind.EXTRA


class ThemeEntry(_Entry):
    name: m.Name
    slots: int | None = Field(default=None, ge=0, le=60)  # default: the theme's target
    months: Months | None = None  # preferred; default: the theme's preferred months
    not_months: Months = Field(default_factory=list)  # never in these months
    minutes: int = Field(default=30, ge=1, le=600)
    purpose: Purpose = Purpose.OPINION


class InterestEntry(_Entry):
    per_year: int = Field(default=1, ge=0, le=12)
    minutes: int = Field(default=10, ge=1, le=120, description="per perspective")
    perspectives: dict[str, int] = Field(default_factory=dict)  # name → rounds, overriding

    @field_validator("perspectives")
    @classmethod
    def _counts(cls, counts: dict[str, int]) -> dict[str, int]:
        for name, count in counts.items():
            if not 0 <= count <= 12:
                raise ValueError(f"{name}: {count} rounds is not between 0 and 12")
        return counts


class EvaluationEntry(_Entry):
    count: int = Field(default=2, ge=0, le=12)
    minutes: int = Field(default=30, ge=1, le=600)
    months: Months = Field(default_factory=list)  # preferred
    title: m.Name | None = None


class FixedEntry(_Entry):
    title: m.Name
    months: Months = Field(min_length=1)
    minutes: int = Field(default=30, ge=1, le=600)
    purpose: Purpose = Purpose.DECIDING
    theme: m.Name | None = None


class PlanFile(_Entry):
    """agendas/jaarkalender.example.toml, field by field."""

    year: int | None = Field(default=None, ge=2000, le=2100)
    template: str = "standard-meeting.toml"  # relative to the plan file
    series: SeriesEntry
    extra: list[ExtraEntry] = Field(default_factory=list)
    themes: list[ThemeEntry] = Field(default_factory=list)
    interest_rounds: InterestEntry = Field(default_factory=InterestEntry)
    evaluations: EvaluationEntry = Field(default_factory=EvaluationEntry)
    fixed: list[FixedEntry] = Field(default_factory=list)


class TemplateItem(_Entry):
    kind: ItemKind | str
    title: m.Name = "—"
    minutes: int = Field(default=0, ge=0, le=600)
    purpose: Purpose = Purpose.INFORMING

    @field_validator("kind")
    @classmethod
    def _kind(cls, kind: str) -> ItemKind | str:
        if kind == PLACEHOLDER:
            return kind
        return ItemKind(kind)


class TemplateFile(_Entry):
    """agendas/standard-meeting.toml: the standard items of a regular meeting."""

    items: list[TemplateItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_placeholder(self) -> TemplateFile:
        if sum(1 for item in self.items if item.kind == PLACEHOLDER) > 1:
            raise ValueError(f"at most one item of kind {PLACEHOLDER!r}")
        return self


# -- what the planner makes --------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedItem:
    kind: ItemKind
    title: str
    purpose: Purpose
    minutes: int
    source: ItemSource
    theme: str | None = None
    perspectives: tuple[str, ...] = ()


@dataclass
class PlannedMeeting:
    starts_at: dt.datetime  # local (Europe/Amsterdam), naive
    duration: int
    location: str
    kind: MeetingKind
    items: list[PlannedItem] = field(default_factory=list)
    locked: bool = False  # exists and may not change (agenda set, held, recorded)

    @property
    def used(self) -> int:
        return sum(item.minutes for item in self.items)

    @property
    def free(self) -> int:
        return self.duration - self.used

    def utc(self) -> dt.datetime:
        return self.starts_at.replace(tzinfo=AMSTERDAM).astimezone(dt.UTC)

    def themes(self) -> list[str]:
        return [i.theme for i in self.items if i.kind == ItemKind.THEME and i.theme]

    def perspectives(self) -> list[str]:
        return [p for i in self.items for p in i.perspectives]

    def has(self, kind: ItemKind) -> bool:
        return any(item.kind == kind for item in self.items)


@dataclass(frozen=True)
class Unplaced:
    what: str
    reason: str

    def __str__(self) -> str:
        return f"{self.what}: {self.reason}"


@dataclass
class YearPlan:
    year: int
    meetings: list[PlannedMeeting]
    unplaced: list[Unplaced]
    theme_targets: dict[str, int]
    interest_targets: dict[str, int]
    evaluation_target: int

    def theme_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(self.theme_targets, 0)
        for meeting in self.meetings:
            for theme in meeting.themes():
                counts[theme] = counts.get(theme, 0) + 1
        return counts

    def interest_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(self.interest_targets, 0)
        for meeting in self.meetings:
            for name in meeting.perspectives():
                counts[name] = counts.get(name, 0) + 1
        return counts


@dataclass(frozen=True)
class BoardFacts:
    """What the planner needs to know of the board."""

    themes: dict[str, tuple[int, Sequence[int]]]  # name → (target slots, preferred months)
    perspectives: Sequence[str]  # in the board's order
    language: str = "nl"


TITLES = {
    "nl": {"interest": "Belangenronde: {names}", "evaluation": "Evaluatie van de samenwerking"},
    "en": {"interest": "Interest round: {names}", "evaluation": "Evaluation of the collaboration"},
}

# -- the planner ---------------------------------------------------------------------------


def _problem(where: str, message: str) -> ValidationProblem:
    return ValidationProblem(message, where)


def series_dates(plan: PlanFile, year: int) -> list[dt.datetime]:
    """The series' meetings in the year (local start times), exdates taken out."""
    from dateutil.rrule import rrulestr

    text = plan.series.rrule.strip()
    if "DTSTART" in text.upper():
        raise _problem("series.rrule", "leave DTSTART out: the year and start time set it")
    start = dt.datetime.combine(dt.date(year, 1, 1), plan.series.start)
    try:
        rule = rrulestr(text.removeprefix("RRULE:"), dtstart=start)
        found = rule.between(start, dt.datetime(year + 1, 1, 1), inc=True)
    except (ValueError, TypeError) as error:
        reason = str(error).replace("__init__() ", "").replace("rrule.", "")
        raise _problem("series.rrule", f"not a valid RRULE {text!r}: {reason}") from None
    if not found:
        raise _problem("series.rrule", f"{text!r} makes no meetings in {year}")
    if len(found) > MAX_MEETINGS:
        raise _problem(
            "series.rrule",
            f"{text!r} makes {len(found)} meetings in {year}; at most {MAX_MEETINGS}",
        )
    days = {moment.date(): moment for moment in found}
    for index, exdate in enumerate(plan.series.exdates):
        if exdate not in days:
            raise _problem(
                f"series.exdates[{index}]",
                f"{exdate.isoformat()} is not a date of the series in {year}",
            )
        del days[exdate]
    return sorted(days.values())


def _meetings(plan: PlanFile, year: int) -> list[PlannedMeeting]:
    series = plan.series
    meetings = [
        PlannedMeeting(moment, series.duration, series.location, MeetingKind.REGULAR)
        for moment in series_dates(plan, year)
    ]
    taken = {x.starts_at.date() for x in meetings}
    for index, extra in enumerate(plan.extra):
        where = f"extra[{index}].date"
        if extra.date.year != year:
            raise _problem(where, f"{extra.date.isoformat()} is not in {year}")
        if extra.date in taken:
            raise _problem(where, f"the series has a meeting on {extra.date.isoformat()} already")
        taken.add(extra.date)
        meetings.append(
            PlannedMeeting(
                dt.datetime.combine(extra.date, extra.start or series.start),
                extra.duration or series.duration,
                series.location if extra.location is None else extra.location,
                extra.kind,
            )
        )
    return sorted(meetings, key=lambda x: x.starts_at)


def _spread(count: int, length: int) -> list[float]:
    """Where `count` things go among `length` places, evenly: the middle of each share."""
    return [(k + 0.5) * length / count - 0.5 for k in range(count)]


def _nearest(ideal: float, length: int) -> list[int]:
    """Indexes 0..length-1 from the nearest to `ideal` outwards; ties go to the earlier."""
    return sorted(range(length), key=lambda i: (abs(i - ideal), i))


def _month_names(months: Iterable[int]) -> str:
    return ", ".join(str(month) for month in months)


@dataclass
class _Job:
    """Things of one kind to place: how many, where preferably, where at all."""

    what: str
    count: int
    preferred: list[int]  # indexes of meetings in the preferred months
    allowed: list[int]  # indexes of every meeting it may go in
    minutes: int
    fits: Callable[[PlannedMeeting], bool]
    add: Callable[[PlannedMeeting], None]
    not_months: Sequence[int] = ()


class _Planner:
    def __init__(self, plan: PlanFile, year: int, board: BoardFacts, template: TemplateFile):
        self.plan = plan
        self.year = year
        self.board = board
        self.template = template
        self.unplaced: list[Unplaced] = []
        self.titles = TITLES.get(board.language, TITLES["nl"])

    def check_references(self) -> None:
        known = {name.casefold(): name for name in self.board.themes}
        for index, entry in enumerate(self.plan.themes):
            if entry.name.casefold() not in known:
                raise _problem(f"themes[{index}].name", f"the board has no theme {entry.name!r}")
        for index, fixed in enumerate(self.plan.fixed):
            if fixed.theme and fixed.theme.casefold() not in known:
                raise _problem(f"fixed[{index}].theme", f"the board has no theme {fixed.theme!r}")
        perspectives = {name.casefold() for name in self.board.perspectives}
        for name in self.plan.interest_rounds.perspectives:
            if name.casefold() not in perspectives:
                raise _problem(
                    "interest_rounds.perspectives", f"the board has no perspective {name!r}"
                )

    def make(
        self, locked: Sequence[PlannedMeeting], kept: Mapping[dt.date, Sequence[PlannedItem]]
    ) -> YearPlan:
        self.check_references()
        meetings = _meetings(self.plan, self.year)
        locked_days = {x.starts_at.date(): x for x in locked}
        meetings = [x for x in meetings if x.starts_at.date() not in locked_days]
        for meeting in meetings:
            self.standard_items(meeting)
            meeting.items.extend(kept.get(meeting.starts_at.date(), ()))
        self.meetings = sorted([*meetings, *locked], key=lambda x: x.starts_at)
        self.open = [i for i, x in enumerate(self.meetings) if not x.locked]
        theme_targets = self.theme_targets()
        interest_targets = self.interest_targets()
        self.check_slots(theme_targets)
        self.place_fixed()
        self.place_evaluations()
        self.place_interest_rounds(interest_targets)
        self.place_themes(theme_targets)
        for meeting in self.meetings:
            if not meeting.locked:
                self.order_items(meeting)
        return YearPlan(
            self.year,
            self.meetings,
            self.unplaced,
            theme_targets,
            interest_targets,
            self.plan.evaluations.count,
        )

    # -- targets ------------------------------------------------------------------------

    def theme_entry(self, name: str) -> ThemeEntry:
        for entry in self.plan.themes:
            if entry.name.casefold() == name.casefold():
                return entry
        return ThemeEntry(name=name, slots=0)  # a theme the plan leaves out gets no slots

    def theme_targets(self) -> dict[str, int]:
        targets = {}
        for name, (target, _months) in self.board.themes.items():
            entry = self.theme_entry(name)
            in_file = any(e.name.casefold() == name.casefold() for e in self.plan.themes)
            targets[name] = entry.slots if entry.slots is not None else target if in_file else 0
        return targets

    def interest_targets(self) -> dict[str, int]:
        overrides = {k.casefold(): v for k, v in self.plan.interest_rounds.perspectives.items()}
        return {
            name: overrides.get(name.casefold(), self.plan.interest_rounds.per_year)
            for name in self.board.perspectives
        }

    def allowed(self, entry: ThemeEntry) -> list[int]:
        return [i for i in self.open if self.meetings[i].starts_at.month not in entry.not_months]

    def check_slots(self, targets: dict[str, int]) -> None:
        for index, entry in enumerate(self.plan.themes):
            name = self.canonical(entry.name)
            room = len(self.allowed(entry))
            have = sum(1 for x in self.meetings if x.locked and name in x.themes())
            if targets[name] - have > room:
                where = (
                    f" outside months {_month_names(entry.not_months)}" if entry.not_months else ""
                )
                raise _problem(
                    f"themes[{index}].slots",
                    f"{targets[name]} slots for {name!r}, but {self.year} has {room} meetings"
                    f" to plan{where}",
                )

    def canonical(self, name: str) -> str:
        return next(n for n in self.board.themes if n.casefold() == name.casefold())

    # -- the items ----------------------------------------------------------------------

    def standard_items(self, meeting: PlannedMeeting) -> None:
        for entry in self.template.items:
            if entry.kind == PLACEHOLDER:
                continue
            meeting.items.append(
                PlannedItem(
                    ItemKind(entry.kind),
                    entry.title,
                    entry.purpose,
                    entry.minutes,
                    ItemSource.TEMPLATE,
                )
            )
        if meeting.free < 0:
            raise _problem(
                "template",
                f"the standard items take {meeting.used} minutes, more than the"
                f" {meeting.duration} of the meeting of {meeting.starts_at:%Y-%m-%d}",
            )

    def order_items(self, meeting: PlannedMeeting) -> None:
        """Planned items go where the template's placeholder is (else before any other
        business, else at the end): fixed items and themes, the interest round, evaluations."""
        standard = [i for i in meeting.items if i.source == ItemSource.TEMPLATE]
        planned = [i for i in meeting.items if i.source != ItemSource.TEMPLATE]
        rank = {ItemKind.INTEREST_ROUND: 1, ItemKind.EVALUATION: 2}
        planned.sort(key=lambda i: rank.get(i.kind, 0))  # stable: placing order otherwise
        marker = [e.kind for e in self.template.items]
        other_business = [
            k for k, i in enumerate(standard) if i.kind == ItemKind.ANY_OTHER_BUSINESS
        ]
        if PLACEHOLDER in marker:
            at = marker.index(PLACEHOLDER)
        else:
            at = other_business[0] if other_business else len(standard)
        meeting.items = [*standard[:at], *planned, *standard[at:]]

    def pick(
        self,
        candidates: list[int],
        ideal: float,
        minutes: int,
        fits: Callable[[PlannedMeeting], bool] | None = None,
    ) -> int | None:
        """The candidate nearest the ideal place with room (and passing `fits`)."""
        for k in _nearest(ideal, len(candidates)):
            index = candidates[k]
            meeting = self.meetings[index]
            if meeting.free >= minutes and (fits is None or fits(meeting)):
                return index
        return None

    def place_jobs(self, jobs: Sequence[_Job]) -> None:
        """Place each job's things: first every job's share in its preferred months, then the
        rest over all its meetings; each share spread evenly; what is left is reported."""
        placed = {id(job): 0 for job in jobs}
        for job in jobs:
            share = min(job.count, len(job.preferred))
            placed[id(job)] += self.spread(job, share, job.preferred)
        for job in jobs:
            left = job.count - placed[id(job)]
            done = self.spread(job, left, job.allowed)
            for number in range(job.count - left + done + 1, job.count + 1):
                self.unplaced.append(
                    Unplaced(
                        f"{job.what} ({number} of {job.count})",
                        f"no meeting left with {job.minutes} minutes free"
                        + (
                            f" outside months {_month_names(job.not_months)}"
                            if job.not_months
                            else ""
                        ),
                    )
                )

    def spread(self, job: _Job, count: int, candidates: list[int]) -> int:
        done = 0
        for ideal in _spread(count, len(candidates)) if count else []:
            index = self.pick(candidates, ideal, job.minutes, job.fits)
            if index is not None:
                job.add(self.meetings[index])
                done += 1
        return done

    def place_fixed(self) -> None:
        for fixed in self.plan.fixed:
            theme = self.canonical(fixed.theme) if fixed.theme else None
            for month in fixed.months:
                in_month = [i for i in self.open if self.meetings[i].starts_at.month == month]
                if not in_month:
                    self.unplaced.append(
                        Unplaced(
                            f"{fixed.title} (month {month})", "no meeting to plan in that month"
                        )
                    )
                    continue
                index = next((i for i in in_month if self.meetings[i].free >= fixed.minutes), None)
                if index is None:
                    self.unplaced.append(
                        Unplaced(
                            f"{fixed.title} (month {month})",
                            f"needs {fixed.minutes} minutes; the meetings of that month have"
                            f" {max(self.meetings[i].free for i in in_month)} free",
                        )
                    )
                    continue
                self.meetings[index].items.append(
                    PlannedItem(
                        ItemKind.OTHER,
                        fixed.title,
                        fixed.purpose,
                        fixed.minutes,
                        ItemSource.PLAN,
                        theme,
                    )
                )

    def place_evaluations(self) -> None:
        entry = self.plan.evaluations
        have = sum(1 for x in self.meetings if x.locked and x.has(ItemKind.EVALUATION))
        count = max(0, entry.count - have)
        if not count:
            return
        preferred = [i for i in self.open if self.meetings[i].starts_at.month in entry.months]
        title = entry.title or self.titles["evaluation"]
        job = _Job(
            title,
            count,
            preferred,
            self.open,
            entry.minutes,
            lambda x: not x.has(ItemKind.EVALUATION),
            lambda x: x.items.append(
                PlannedItem(
                    ItemKind.EVALUATION, title, Purpose.OPINION, entry.minutes, ItemSource.PLAN
                )
            ),
        )
        self.place_jobs([job])

    def place_interest_rounds(self, targets: dict[str, int]) -> None:
        """Each perspective's turns spread over the year, the perspectives staggered so that
        turns do not bunch; one interest-round item per meeting holds that meeting's turns."""
        minutes = self.plan.interest_rounds.minutes
        names = list(self.board.perspectives)
        length = len(self.open)
        for position, name in enumerate(names):
            have = sum(1 for x in self.meetings if x.locked and name in x.perspectives())
            count = max(0, targets[name] - have)
            offset = (position + 0.5) / max(1, len(names))
            self.place_turns(name, count, offset, length, minutes)

    def place_turns(self, name: str, count: int, offset: float, length: int, minutes: int) -> None:
        for k in range(count):
            ideal = (k + offset) * length / count - 0.5
            index = self.pick(self.open, ideal, minutes, lambda x: name not in x.perspectives())
            if index is None:
                self.unplaced.append(
                    Unplaced(
                        f"interest round {name} ({k + 1} of {count})",
                        f"no meeting left with {minutes} minutes free",
                    )
                )
                continue
            self.add_turn(self.meetings[index], name, minutes)

    def add_turn(self, meeting: PlannedMeeting, name: str, minutes: int) -> None:
        current = next((i for i in meeting.items if i.kind == ItemKind.INTEREST_ROUND), None)
        turns = (*current.perspectives, name) if current else (name,)
        item = PlannedItem(
            ItemKind.INTEREST_ROUND,
            self.titles["interest"].format(names=", ".join(turns)),
            Purpose.OPINION,
            minutes * len(turns),
            ItemSource.PLAN,
            perspectives=turns,
        )
        if current is None:
            meeting.items.append(item)
        else:
            meeting.items[meeting.items.index(current)] = item

    def place_themes(self, targets: dict[str, int]) -> None:
        jobs = [self.theme_job(e, targets[self.canonical(e.name)]) for e in self.plan.themes]
        self.place_jobs([job for job in jobs if job.count])

    def theme_job(self, entry: ThemeEntry, target: int) -> _Job:
        name = self.canonical(entry.name)
        have = sum(1 for x in self.meetings if x.locked and name in x.themes())
        months = entry.months if entry.months is not None else self.board.themes[name][1]
        allowed = self.allowed(entry)
        return _Job(
            name,
            max(0, target - have),
            [i for i in allowed if self.meetings[i].starts_at.month in months],
            allowed,
            entry.minutes,
            lambda x: name not in x.themes(),
            lambda x: x.items.append(
                PlannedItem(
                    ItemKind.THEME, name, entry.purpose, entry.minutes, ItemSource.PLAN, name
                )
            ),
            entry.not_months,
        )


def plan_year(
    plan: PlanFile,
    year: int,
    board: BoardFacts,
    template: TemplateFile,
    locked: Sequence[PlannedMeeting] = (),
    kept: Mapping[dt.date, Sequence[PlannedItem]] | None = None,
) -> YearPlan:
    """The year's meetings with their draft agendas, and what could not be placed.

    `locked`: existing meetings that may not change. `kept`: per date of a planned meeting,
    items it has already that stay (added by hand, scheduled from a request)."""
    check_year(plan, year)
    return _Planner(plan, year, board, template).make(locked, kept or {})


def check_year(plan: PlanFile, year: int) -> None:
    if plan.year is not None and plan.year != year:
        raise _problem("year", f"the plan is for {plan.year}, not {year}")


def plan_dates(plan: PlanFile, year: int) -> list[dt.datetime]:
    """The start of every meeting the plan makes in the year (series and extra dates)."""
    check_year(plan, year)
    return [x.starts_at for x in _meetings(plan, year)]
