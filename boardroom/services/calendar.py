"""The year on one page: each meeting with its themes, interest rounds and evaluations, and per
theme and per perspective what is planned against the year's numbers."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from boardroom.domain import models as m
from boardroom.domain.checks import INTEREST_ROUNDS_PER_YEAR
from boardroom.domain.enums import ItemKind, MeetingStatus
from boardroom.domain.errors import Conflict
from boardroom.domain.permissions import Capability
from boardroom.i18n import _, format_date
from boardroom.services.agenda import free_minutes, insert_position, renumber
from boardroom.services.session import Session

MOVABLE = (MeetingStatus.PLANNED, MeetingStatus.AGENDA_DRAFT)


@dataclass
class CalendarMeeting:
    id: int
    starts_at: dt.datetime
    duration: int
    location: str
    kind: str
    status: str
    free: int
    themes: list[tuple[int, str]] = field(default_factory=list)  # (agenda item id, theme)
    perspectives: list[str] = field(default_factory=list)
    evaluation: bool = False

    @property
    def movable(self) -> bool:
        return self.status in MOVABLE


@dataclass(frozen=True)
class CalendarView:
    year: int
    meetings: list[CalendarMeeting]
    themes: list[tuple[str, int, int]]  # theme, planned, target
    perspectives: list[tuple[str, int, int]]  # perspective, planned (held or to come), target
    evaluations: tuple[int, int]  # planned, target
    planned_from: str  # the plan file the year was planned from ('' when not planned)


def yearly_targets(session: Session, year: int) -> tuple[dict[str, int], dict[str, int], int]:
    """(theme → slots, perspective → interest rounds, evaluations) for the year: the year's
    plan where there is one, else the themes' own targets and the default numbers."""
    repo = session.repo
    plan = repo.year_plan_row(year)
    if plan is not None:
        return plan["theme_targets"], plan["interest_targets"], plan["evaluation_target"]
    themes = {t.name: t.target_slots for t in repo.themes() if t.active}
    rounds = {p.name: INTEREST_ROUNDS_PER_YEAR for p in repo.perspectives()}
    return themes, rounds, 2


def calendar_view(session: Session, year: int) -> CalendarView:
    session.require(Capability.READ, _("read the calendar"))
    repo = session.repo
    start, end = f"{year}-01-01", f"{year + 1}-01-01"
    meetings = {
        row["id"]: CalendarMeeting(
            row["id"],
            dt.datetime.fromisoformat(row["starts_at"]),
            row["duration_minutes"],
            row["location"],
            row["kind"],
            row["status"],
            row["duration_minutes"] - row["used"],
        )
        for row in repo.calendar_meetings(start, end)
    }
    for row in repo.theme_items(start, end):
        meetings[row["meeting_id"]].themes.append((row["item_id"], row["theme"]))
    for row in repo.interest_rounds_in_year(year):
        if row["meeting_id"] in meetings:
            meetings[row["meeting_id"]].perspectives.append(row["perspective"])
    for meeting_id in repo.meetings_with_kind(ItemKind.EVALUATION.value, start, end):
        meetings[meeting_id].evaluation = True
    theme_targets, interest_targets, evaluation_target = yearly_targets(session, year)
    theme_counts: dict[str, int] = dict.fromkeys(theme_targets, 0)
    turn_counts: dict[str, int] = dict.fromkeys(interest_targets, 0)
    for meeting in meetings.values():
        for _item, theme in meeting.themes:
            theme_counts[theme] = theme_counts.get(theme, 0) + 1
        for name in meeting.perspectives:
            turn_counts[name] = turn_counts.get(name, 0) + 1
    plan = repo.year_plan_row(year)
    return CalendarView(
        year,
        list(meetings.values()),
        [(name, n, theme_targets.get(name, 0)) for name, n in theme_counts.items()],
        [(name, n, interest_targets.get(name, 0)) for name, n in turn_counts.items()],
        (sum(1 for x in meetings.values() if x.evaluation), evaluation_target),
        plan["source"] if plan else "",
    )


def move_theme(session: Session, item_id: int, to_meeting_id: int) -> None:
    """Move a theme's slot (its agenda item, with its papers) to another meeting that has room
    and does not have that theme yet."""
    session.require(Capability.PLAN, _("plan the year"))
    repo = session.repo
    item = repo.model(m.AgendaItem, item_id)
    source = repo.model(m.Meeting, item.meeting_id)
    target = repo.model(m.Meeting, to_meeting_id)
    for meeting in (source, target):
        if meeting.status not in MOVABLE:
            raise Conflict(
                _("the agenda of {day} is {status}: move items before it is set").format(
                    day=format_date(meeting.starts_at),
                    status=_(meeting.status.value.replace("_", " ")),
                )
            )
    if source.id == target.id:
        return
    items = repo.items(to_meeting_id)
    if item.theme_id is not None and any(i.theme_id == item.theme_id for i in items):
        raise Conflict(
            _("the meeting of {day} has this theme already").format(
                day=format_date(target.starts_at)
            )
        )
    free = free_minutes(items, target)
    if item.timebox_minutes > free:
        raise Conflict(
            _("needs {minutes} minutes; the meeting of {day} has {free} free").format(
                minutes=item.timebox_minutes, day=format_date(target.starts_at), free=free
            )
        )
    with session.database.transaction():
        repo.update(
            "agenda_items",
            item_id,
            {"meeting_id": to_meeting_id, "position": insert_position(items)},
        )
        renumber(session, to_meeting_id, item_id)
        renumber(session, source.id or 0)


@dataclass(frozen=True)
class IcsMeta:
    """What the iCalendar export needs beyond the view."""

    board: str
    board_key: str  # stable per board: part of every UID
    changes: dict[int, int]  # meeting id → number of changes (SEQUENCE)
    stamps: dict[int, str]  # meeting id → updated_at (UTC ISO)


def board_key(name: str, created_at: str) -> str:
    return hashlib.sha256(f"{name}|{created_at}".encode()).hexdigest()[:12]


def ics_meta(session: Session, view: CalendarView) -> IcsMeta:
    """The board's key and each meeting's change count and last change."""
    session.require(Capability.READ, _("read the calendar"))
    board = session.repo.board_row()
    assert board is not None
    ids = [x.id for x in view.meetings]
    return IcsMeta(
        board["name"],
        board_key(board["name"], board["created_at"]),
        session.repo.change_counts("meetings", ids),
        session.repo.updated_at("meetings", ids),
    )
