"""Planning a year from a plan file: preview what would change, then apply it in one go.

Re-planning never destroys what is set, held or recorded: a meeting whose agenda is set (or
later) is left as it is, and counts towards the year's numbers; on a draft meeting, items added
by hand or scheduled from a request stay, and so does any item with papers attached. Items the
plan made before are matched by kind and title and updated in place (their notes and papers
stay); only plan-made items that the new plan no longer has are removed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from boardroom.domain.boardfile import parse_toml_model, where_in
from boardroom.domain.enums import ItemKind, ItemSource, MeetingStatus, Role
from boardroom.domain.errors import ValidationProblem
from boardroom.domain.permissions import Capability
from boardroom.domain.planning import (
    BoardFacts,
    PlanFile,
    PlannedItem,
    PlannedMeeting,
    TemplateFile,
    YearPlan,
    plan_dates,
    plan_year,
)
from boardroom.i18n import _, format_date
from boardroom.services.session import Session

if TYPE_CHECKING:
    from boardroom.domain import models as m

OPEN_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.AGENDA_DRAFT)
PLAN_SOURCES = (ItemSource.TEMPLATE, ItemSource.PLAN)


#: The standard agenda shipped with boardroom (agendas/standard-meeting.toml points here).
STANDARD_TEMPLATE = Path(__file__).resolve().parent.parent / "data" / "standard-meeting.toml"


@dataclass(frozen=True)
class PlanText:
    """A plan file as a face read it: its text, its name in messages, and how to read the
    agenda template it names, beside it (None: only the standard agenda shipped with
    boardroom, as for a plan sent on standard input, where the host's files are out of
    reach). The service reads no file itself."""

    text: str
    name: str
    beside: Callable[[str], str] | None = None


def require_planner(session: Session) -> None:
    """May this user plan the year? (Asked before a plan file is read.)"""
    session.require(Capability.PLAN, _("plan the year"))


def read_plan(source: PlanText) -> tuple[PlanFile, TemplateFile]:
    """The plan and its template, checked."""
    plan = parse_toml_model(source.text, source.name, PlanFile)
    where = f"{source.name}: template"
    if source.beside is not None:
        template_text = source.beside(plan.template)
    elif plan.template == STANDARD_TEMPLATE.name:
        template_text = STANDARD_TEMPLATE.read_text(encoding="utf-8")
    else:
        raise ValidationProblem(
            _("a plan on standard input uses the standard agenda: template = {name!r}").format(
                name=STANDARD_TEMPLATE.name
            ),
            where,
        )
    return plan, parse_toml_model(template_text, plan.template, TemplateFile)


def plan_year_of(plan: PlanFile, year: int | None, source: str) -> int:
    """The year to plan: --year, else the file's `year`; the two must agree when both are
    given."""
    if year is not None and plan.year is not None and year != plan.year:
        raise ValidationProblem(
            _("{year} contradicts the plan file's year = {file_year}").format(
                year=year, file_year=plan.year
            ),
            "--year",
        )
    chosen = year if year is not None else plan.year
    if chosen is None:
        raise ValidationProblem(
            _("which year? give --year, or year = … in the plan file"), f"{source}: year"
        )
    if not 2000 <= chosen <= 2100:
        raise ValidationProblem(_("not a year: {year}").format(year=chosen), "--year")
    return chosen


def _loc(where: str) -> tuple[Any, ...]:
    """ "series.exdates[0]" → ("series", "exdates", 0)."""
    parts: list[Any] = []
    for piece in where.split("."):
        name, *indexes = re.split(r"\[|\]\[?", piece.rstrip("]"))
        parts.append(name)
        parts.extend(int(i) for i in indexes if i)
    return tuple(parts)


# -- the preview ---------------------------------------------------------------------------


@dataclass
class MeetingChange:
    """What applying the plan does to one date."""

    kind: str  # add | change | remove | keep | same
    starts_at: dt.datetime
    planned: PlannedMeeting | None = None
    existing: m.Meeting | None = None
    details: list[str] = field(default_factory=list)


@dataclass
class PlanPreview:
    year: int
    source: str
    plan: PlanFile
    result: YearPlan
    changes: list[MeetingChange]
    had_meetings: bool

    @property
    def changed(self) -> bool:
        return any(c.kind in ("add", "change", "remove") for c in self.changes)

    def lines(self) -> list[str]:
        """The diff, one line per date (+ new, ~ changed, - removed, = kept as it is)."""
        marks = {"add": "+", "change": "~", "remove": "-", "keep": "=", "same": " "}
        out = []
        for change in self.changes:
            head = f"{marks[change.kind]} {format_date(change.starts_at, time=True)}"
            out.append(f"{head}  {'; '.join(change.details)}".rstrip())
        for item in self.result.unplaced:
            out.append(
                "! "
                + _("could not place {what}: {reason}").format(what=item.what, reason=item.reason)
            )
        return out

    def summary(self) -> str:
        counts = {
            k: sum(1 for c in self.changes if c.kind == k)
            for k in ("add", "change", "remove", "keep")
        }
        return _(
            "{year}: {add} new, {change} changed, {remove} removed, {keep} kept as they are;"
            " {unplaced} could not be placed"
        ).format(year=self.year, unplaced=len(self.result.unplaced), **counts)


def _facts(session: Session) -> BoardFacts:
    repo = session.repo
    board = repo.board()
    return BoardFacts(
        themes={t.name: (t.target_slots, t.preferred_months) for t in repo.themes() if t.active},
        perspectives=[p.name for p in repo.perspectives()],
        language=board.language.value if board else "nl",
    )


def _own(item: m.AgendaItem, with_papers: set[int]) -> bool:
    """An item re-planning must keep: added by hand, from a request, or with papers."""
    return item.source not in PLAN_SOURCES or (item.id or 0) in with_papers


def _as_planned(item: m.AgendaItem, themes: dict[int, str], turns: list[str]) -> PlannedItem:
    return PlannedItem(
        item.kind,
        item.title,
        item.purpose,
        item.timebox_minutes,
        item.source,
        themes.get(item.theme_id or 0),
        tuple(turns) if item.kind == ItemKind.INTEREST_ROUND else (),
    )


def preview_plan(session: Session, source: PlanText, year: int | None = None) -> PlanPreview:
    """Plan the year (`year`, else the plan file's) from a plan file against what the board
    has: nothing is written."""
    require_planner(session)
    plan, template = read_plan(source)
    year = plan_year_of(plan, year, source.name)
    plan_text = source.text
    repo = session.repo
    existing = repo.meetings_between(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
    themes = {t.id or 0: t.name for t in repo.themes()}
    perspectives = {p.id or 0: p.name for p in repo.perspectives()}
    try:
        days = {moment.date() for moment in plan_dates(plan, year)}
        locked: list[PlannedMeeting] = []
        kept: dict[dt.date, list[PlannedItem]] = {}
        for meeting in existing:
            items = repo.items(meeting.id or 0)
            with_papers = repo.items_with_papers(meeting.id or 0)
            turns = [
                perspectives[r.perspective_id] for r in repo.interest_rounds_of(meeting.id or 0)
            ]
            own = [i for i in items if _own(i, with_papers)]
            day = meeting.starts_at.date()
            if meeting.status not in OPEN_STATUSES or (day not in days and own):
                locked.append(
                    PlannedMeeting(
                        meeting.starts_at,
                        meeting.duration_minutes,
                        meeting.location,
                        meeting.kind,
                        [_as_planned(i, themes, turns) for i in items],
                        locked=True,
                    )
                )
            elif own:
                kept[day] = [_as_planned(i, themes, turns) for i in own]
        result = plan_year(plan, year, _facts(session), template, locked, kept)
    except ValidationProblem as problem:
        if problem.where == "template":
            raise ValidationProblem(problem.message, plan.template) from None
        if problem.where:
            raise ValidationProblem(
                problem.message, where_in(source.name, plan_text, _loc(problem.where))
            ) from None
        raise
    return PlanPreview(
        year, source.name, plan, result, _changes(session, result, existing), bool(existing)
    )


def _signature(item: PlannedItem | m.AgendaItem) -> str:
    if isinstance(item, PlannedItem):
        return f"{item.title} ({item.minutes}′)"
    return f"{item.title} ({item.timebox_minutes}′)"


def _new_agenda(planned: PlannedMeeting) -> str:
    return _("draft agenda: {n} items, {free} minutes free; themes: {themes}").format(
        n=len(planned.items), free=planned.free, themes=", ".join(planned.themes()) or "—"
    )


def _changes(session: Session, result: YearPlan, existing: list[m.Meeting]) -> list[MeetingChange]:
    repo = session.repo
    by_day = {x.starts_at.date(): x for x in existing}
    planned_days = {x.starts_at.date() for x in result.meetings}
    changes = []
    for planned in result.meetings:
        current = by_day.get(planned.starts_at.date())
        if planned.locked:
            assert current is not None
            changes.append(
                MeetingChange(
                    "keep",
                    planned.starts_at,
                    planned,
                    current,
                    [
                        _("kept as it is ({status})").format(
                            status=_(current.status.value.replace("_", " "))
                        )
                    ],
                )
            )
            continue
        new_items = [i for i in planned.items if i.source in PLAN_SOURCES]
        if current is None:
            changes.append(
                MeetingChange(
                    "add",
                    planned.starts_at,
                    planned,
                    None,
                    [_new_agenda(planned)],
                )
            )
            continue
        details = []
        if current.starts_at != planned.starts_at:
            details.append(
                _("time {old} → {new}").format(
                    old=f"{current.starts_at:%H:%M}", new=f"{planned.starts_at:%H:%M}"
                )
            )
        if current.duration_minutes != planned.duration:
            details.append(
                _("length {old} → {new} minutes").format(
                    old=current.duration_minutes, new=planned.duration
                )
            )
        if current.location != planned.location:
            details.append(
                _("place {old!r} → {new!r}").format(old=current.location, new=planned.location)
            )
        old = [_signature(i) for i in repo.items(current.id or 0) if i.source in PLAN_SOURCES]
        new = [_signature(i) for i in new_items]
        if not old:
            details.append(_new_agenda(planned))
            old = new
        added = [s for s in new if s not in old]
        gone = [s for s in old if s not in new]
        if added:
            details.append("+ " + ", ".join(added))
        if gone:
            details.append("− " + ", ".join(gone))
        changes.append(
            MeetingChange(
                "change" if details else "same",
                planned.starts_at,
                planned,
                current,
                details or [_("no change")],
            )
        )
    for current in existing:
        if current.starts_at.date() not in planned_days:
            changes.append(
                MeetingChange(
                    "remove", current.starts_at, None, current, [_("not in the plan: removed")]
                )
            )
    return sorted(changes, key=lambda c: c.starts_at)


# -- applying ------------------------------------------------------------------------------


def apply_plan(session: Session, preview: PlanPreview) -> None:
    """Write the previewed plan, all of it or nothing."""
    session.require(Capability.PLAN, _("plan the year"))
    repo = session.repo
    themes = {t.name: t.id for t in repo.themes()}
    perspectives = {p.name: p.id for p in repo.perspectives()}
    with session.database.transaction():
        for change in preview.changes:
            if change.kind == "remove" and change.existing is not None:
                repo.delete("meetings", change.existing.id or 0)
            elif change.kind in ("add", "change") and change.planned is not None:
                _write_meeting(session, change, themes, perspectives)
        values = {
            "year": preview.year,
            "source": preview.source,
            "plan": preview.plan.model_dump_json(),
            "theme_targets": json.dumps(preview.result.theme_targets, ensure_ascii=False),
            "interest_targets": json.dumps(preview.result.interest_targets, ensure_ascii=False),
            "evaluation_target": preview.result.evaluation_target,
        }
        current = repo.year_plan_row(preview.year)
        if current is None:
            repo.insert("year_plans", values)
        else:
            repo.update("year_plans", current["id"], values)


def _write_meeting(
    session: Session,
    change: MeetingChange,
    themes: dict[str, int | None],
    perspectives: dict[str, int | None],
) -> None:
    repo = session.repo
    planned = change.planned
    assert planned is not None
    fields = {
        "starts_at": planned.starts_at.isoformat(timespec="minutes"),
        "duration_minutes": planned.duration,
        "location": planned.location,
        "kind": planned.kind.value,
    }
    if change.existing is None:
        meeting_id = repo.insert("meetings", {**fields, "status": MeetingStatus.AGENDA_DRAFT.value})
        current: list[m.AgendaItem] = []
    else:
        meeting_id = change.existing.id or 0
        repo.update("meetings", meeting_id, {**fields, "status": MeetingStatus.AGENDA_DRAFT.value})
        current = repo.items(meeting_id)
    with_papers = repo.items_with_papers(meeting_id)
    holders = repo.theme_holders()
    chair: int | None = next(
        (
            x.id
            for x in repo.members()
            if Role.CHAIR in x.roles and x.is_active(planned.starts_at.date())
        ),
        None,
    )
    reusable = {(i.kind, i.title): i for i in current if not _own(i, with_papers)}
    own = [i for i in current if _own(i, with_papers)]
    positions: list[tuple[int, int]] = []
    used: set[int] = set()
    interest_item: int | None = None
    for position, item in enumerate(planned.items, start=1):
        if item.source not in PLAN_SOURCES:  # an own item: it keeps its place in the order
            match = next(
                (
                    i
                    for i in own
                    if (i.id or 0) not in used and i.title == item.title and i.kind == item.kind
                ),
                None,
            )
            if match is not None:
                used.add(match.id or 0)
                positions.append((match.id or 0, position))
            continue
        theme_id = themes.get(item.theme) if item.theme else None
        values = {
            "meeting_id": meeting_id,
            "position": position,
            "kind": item.kind.value,
            "purpose": item.purpose.value,
            "title": item.title,
            "theme_id": theme_id,
            "timebox_minutes": item.minutes,
            "source": item.source.value,
        }
        previous = reusable.pop((item.kind, item.title), None)
        if previous is None and item.kind == ItemKind.INTEREST_ROUND:
            previous = next(
                (i for k, i in list(reusable.items()) if k[0] == ItemKind.INTEREST_ROUND), None
            )
            if previous is not None:
                reusable.pop((previous.kind, previous.title))
        if previous is None:
            theme_holders = holders.get(theme_id or 0)
            presenter = theme_holders[0] if theme_holders else chair
            item_id = repo.insert("agenda_items", {**values, "presenter_id": presenter})
        else:
            item_id = previous.id or 0
            repo.update("agenda_items", item_id, values)
        if item.kind == ItemKind.INTEREST_ROUND:
            interest_item = item_id
    for leftover in reusable.values():
        repo.delete("agenda_items", leftover.id or 0)
    for item_id, position in positions:
        repo.update("agenda_items", item_id, {"position": position})
    turns = [p for i in planned.items if i.source in PLAN_SOURCES for p in i.perspectives]
    names = {pid: name for name, pid in perspectives.items()}
    for row in repo.interest_rounds_of(meeting_id):
        if row.status.value == "planned" and names.get(row.perspective_id) not in turns:
            repo.delete("interest_rounds", row.id or 0)
    have = {row.perspective_id for row in repo.interest_rounds_of(meeting_id)}
    for name in turns:
        perspective_id = perspectives[name]
        if perspective_id in have:
            row_id = repo.interest_round_id(meeting_id, perspective_id or 0)
            repo.update("interest_rounds", row_id or 0, {"agenda_item_id": interest_item})
        else:
            repo.insert(
                "interest_rounds",
                {
                    "meeting_id": meeting_id,
                    "perspective_id": perspective_id,
                    "agenda_item_id": interest_item,
                    "status": "planned",
                },
            )
