"""Agenda requests and building a meeting's agenda.

A portfolio holder requests space; the secretary or chair schedules it into a meeting whose
remaining time fits (into the theme's planned slot when the meeting has one), or declines it
with a reason. Papers are files that stay where they are: their title, size and sha256 are
stored, so that everyone can check they have the same version; papers sent later than the lead
time before the meeting are flagged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from boardroom.domain import models as m
from boardroom.domain.enums import ItemKind, ItemSource, MeetingStatus, Purpose, RequestStatus
from boardroom.domain.errors import Conflict, PermissionDenied, ValidationProblem
from boardroom.domain.permissions import Capability
from boardroom.i18n import _, format_date
from boardroom.services.composition import find_theme
from boardroom.services.meeting import number_of
from boardroom.services.overview import REVIEW_WINDOW
from boardroom.services.record import find_meeting
from boardroom.services.session import AMSTERDAM, Session, one_transaction, problem_from

if TYPE_CHECKING:
    from boardroom.storage.repo import Repo

EDITABLE = (
    MeetingStatus.PLANNED,
    MeetingStatus.AGENDA_DRAFT,
    MeetingStatus.AGENDA_SET,
    MeetingStatus.PAPERS_SENT,
)


def require_editable(meeting: m.Meeting) -> None:
    """Refused (Conflict) once the meeting has begun: its agenda is then part of the record."""
    if meeting.status not in EDITABLE:
        raise Conflict(
            _(
                "the meeting of {day} has begun or was held: its agenda is part of the record"
            ).format(day=format_date(meeting.starts_at))
        )


def papers_deadline(meeting: m.Meeting, lead_days: int) -> dt.date:
    """The day papers must be out by."""
    return meeting.starts_at.date() - dt.timedelta(days=lead_days)


def _lead_days(session: Session) -> int:
    board = session.repo.board()
    return board.papers_lead_days if board else 7


def free_minutes(items: list[m.AgendaItem], meeting: m.Meeting) -> int:
    return meeting.duration_minutes - sum(
        i.timebox_minutes for i in items if i.status != m.ItemStatus.DEFERRED
    )


# -- agenda requests -------------------------------------------------------------------------


class RequestForm(BaseModel):
    """What a portfolio holder fills in (the TUI form and `boardroom request`)."""

    model_config = ConfigDict(extra="forbid")

    theme: str | None = None
    title: m.Name
    purpose: Purpose = Purpose.INFORMING
    minutes: int = Field(gt=0, le=600)
    meeting: str | None = None  # a date or YYYY/NR
    month: str | None = Field(default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    papers_ready: dt.date | None = None


def _user_id(session: Session) -> int:
    if session.user is None:
        raise PermissionDenied(_("read-only: start with --as NAME to make changes"))
    return session.user.id


@one_transaction
def submit_request(session: Session, data: dict[str, Any]) -> int:
    """A request for agenda space by the current user; returns its id."""
    session.require(Capability.REQUEST_AGENDA, _("request agenda space"))
    requester = _user_id(session)
    try:
        form = RequestForm.model_validate({k: v for k, v in data.items() if v not in (None, "")})
    except ValidationError as error:
        raise problem_from(error) from None
    theme_id = find_theme(session, form.theme, "theme").id if form.theme else None
    meeting_id = None
    if form.meeting:
        wanted = find_meeting(session, form.meeting)
        require_editable(wanted)
        meeting_id = wanted.id
        if form.papers_ready and form.papers_ready > wanted.starts_at.date():
            raise ValidationProblem(
                _("{ready} is after the meeting of {day}").format(
                    ready=form.papers_ready.isoformat(), day=wanted.starts_at.date().isoformat()
                ),
                "papers_ready",
            )
    if form.papers_ready and form.month and f"{form.papers_ready:%Y-%m}" > form.month:
        raise ValidationProblem(
            _("{ready} is after the month asked for ({month})").format(
                ready=form.papers_ready.isoformat(), month=form.month
            ),
            "papers_ready",
        )
    request = m.AgendaRequest(
        requester_id=requester,
        theme_id=theme_id,
        title=form.title,
        purpose=form.purpose,
        minutes_needed=form.minutes,
        preferred_meeting_id=meeting_id,
        preferred_month=form.month,
        papers_ready=form.papers_ready,
    )
    return session.repo.insert("agenda_requests", request)


@dataclass(frozen=True)
class RequestRow:
    id: int
    requester: str
    theme: str
    title: str
    purpose: Purpose
    minutes: int
    status: RequestStatus
    reason: str
    preferred: str  # the meeting's date or the month asked for
    papers_ready: dt.date | None
    scheduled_for: dt.datetime | None  # the meeting it was scheduled into


def _request_rows(
    repo: Repo, where: str, params: tuple[Any, ...], limit: int = -1
) -> list[RequestRow]:
    rows = []
    for r in repo.request_rows(where, params, limit):
        preferred = r["preferred_meeting"][:10] if r["preferred_meeting"] else r["preferred_month"]
        rows.append(
            RequestRow(
                r["id"],
                r["requester"],
                r["theme"] or "",
                r["title"],
                Purpose(r["purpose"]),
                r["minutes_needed"],
                RequestStatus(r["status"]),
                r["reason"],
                preferred or "",
                dt.date.fromisoformat(r["papers_ready"]) if r["papers_ready"] else None,
                dt.datetime.fromisoformat(r["scheduled_for"]) if r["scheduled_for"] else None,
            )
        )
    return rows


def my_requests(session: Session) -> list[RequestRow]:
    """The current user's requests, newest first, with what became of them."""
    session.require(Capability.READ, _("read the agenda requests"))
    return _request_rows(session.repo, "r.requester_id = ?", (_user_id(session),))


def all_requests(session: Session) -> list[RequestRow]:
    session.require(Capability.READ, _("read the agenda requests"))
    return _request_rows(session.repo, "1", ())


def request_page(session: Session, mine: bool, limit: int | None) -> tuple[list[RequestRow], int]:
    """The requests a list shows — the user's own or all, open ones first, then newest —
    at most `limit` of them (None: the whole history), and how many there are in all: the
    list opens as fast on thirty years of requests as on one."""
    session.require(Capability.READ, _("read the agenda requests"))
    where, params = ("r.requester_id = ?", (_user_id(session),)) if mine else ("1", ())
    rows = _request_rows(session.repo, where, params, -1 if limit is None else limit)
    total = len(rows) if limit is None or len(rows) < limit else None
    return rows, total if total is not None else session.repo.request_count(where, params)


def pending_requests(session: Session) -> list[RequestRow]:
    session.require(Capability.READ, _("read the agenda requests"))
    return _request_rows(session.repo, "r.status = 'submitted'", ())


def _submitted(session: Session, request_id: int) -> m.AgendaRequest:
    request: m.AgendaRequest = session.repo.model(m.AgendaRequest, request_id)
    if request.status != RequestStatus.SUBMITTED:
        raise Conflict(_("this request is {status} already").format(status=_(request.status.value)))
    return request


@one_transaction
def schedule_request(session: Session, request_id: int, meeting_id: int) -> int:
    """Put a request on a meeting's agenda — into the theme's planned slot when there is one
    — if the meeting's remaining time fits; returns the agenda item's id."""
    session.require(Capability.BUILD_AGENDA, _("schedule agenda requests"))
    repo = session.repo
    request = _submitted(session, request_id)
    meeting: m.Meeting = repo.model(m.Meeting, meeting_id)
    require_editable(meeting)
    items = repo.items(meeting_id)
    slot = next(
        (
            i
            for i in items
            if i.kind == ItemKind.THEME
            and i.source == ItemSource.PLAN
            and request.theme_id is not None
            and i.theme_id == request.theme_id
        ),
        None,
    )
    free = free_minutes(items, meeting) + (slot.timebox_minutes if slot else 0)
    if request.minutes_needed > free:
        raise Conflict(
            _("needs {minutes} minutes; the meeting of {day} has {free} free").format(
                minutes=request.minutes_needed, day=format_date(meeting.starts_at), free=free
            )
        )
    values = {
        "meeting_id": meeting_id,
        "kind": ItemKind.THEME.value if request.theme_id else ItemKind.OTHER.value,
        "purpose": request.purpose.value,
        "title": request.title,
        "theme_id": request.theme_id,
        "presenter_id": request.requester_id,
        "requested_by_id": request.requester_id,
        "timebox_minutes": request.minutes_needed,
        "source": ItemSource.REQUEST.value,
    }
    with session.database.transaction():
        if slot is not None:
            item_id = slot.id or 0
            repo.update("agenda_items", item_id, values)
        else:
            item_id = repo.insert("agenda_items", {**values, "position": insert_position(items)})
            renumber(session, meeting_id, item_id)
        repo.update(
            "agenda_requests",
            request_id,
            {"status": RequestStatus.SCHEDULED.value, "agenda_item_id": item_id, "reason": ""},
        )
        if meeting.status == MeetingStatus.PLANNED:
            repo.update("meetings", meeting_id, {"status": MeetingStatus.AGENDA_DRAFT.value})
    return item_id


@one_transaction
def decline_request(session: Session, request_id: int, reason: str) -> None:
    session.require(Capability.BUILD_AGENDA, _("decline agenda requests"))
    _submitted(session, request_id)
    if not reason.strip():
        raise ValidationProblem(_("say why the request is declined"), "reason")
    session.repo.update(
        "agenda_requests",
        request_id,
        {"status": RequestStatus.DECLINED.value, "reason": reason.strip()},
    )


@one_transaction
def withdraw_request(session: Session, request_id: int) -> None:
    """The requester (or the secretary) withdraws a request not yet scheduled."""
    request = _submitted(session, request_id)
    if request.requester_id != _user_id(session):
        session.require(Capability.BUILD_AGENDA, _("withdraw someone else's request"))
    session.repo.update("agenda_requests", request_id, {"status": RequestStatus.WITHDRAWN.value})


def request_is_late(request: RequestRow, meeting: m.Meeting, lead_days: int) -> bool:
    """A deciding request whose papers come after the meeting's papers deadline."""
    return (
        request.purpose == Purpose.DECIDING
        and request.papers_ready is not None
        and request.papers_ready > papers_deadline(meeting, lead_days)
    )


# -- building the agenda ---------------------------------------------------------------------


@dataclass(frozen=True)
class PaperLine:
    id: int
    title: str
    path: str
    size: int
    sha256: str
    sent_at: dt.datetime | None  # local time
    late: bool  # sent after the deadline, or not sent and the deadline has passed
    replaces_sent: bool = False  # it replaces a paper that had been sent already

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]


@dataclass(frozen=True)
class AgendaLine:
    number: int
    item: m.AgendaItem
    starts: dt.datetime
    ends: dt.datetime
    presenter: str
    theme: str
    papers: list[PaperLine]


@dataclass(frozen=True)
class AgendaView:
    board: str
    meeting: m.Meeting
    number: int
    lines: list[AgendaLine]
    planned_minutes: int
    free: int
    deadline: dt.date
    open_actions: list[dict[str, Any]]  # overdue at the meeting first
    due_decisions: list[dict[str, Any]]
    pending: list[tuple[RequestRow, bool, bool]]  # request, fits, papers late
    #: the held meetings whose minutes this meeting is to adopt (under its minutes item)
    minutes_to_adopt: list[dt.datetime] = field(default_factory=list)
    next_meeting: m.Meeting | None = None

    @property
    def ends(self) -> dt.datetime:
        return self.meeting.starts_at + dt.timedelta(minutes=self.meeting.duration_minutes)

    @property
    def editable(self) -> bool:
        return self.meeting.status in EDITABLE

    def line_of(self, item_id: int) -> AgendaLine | None:
        return next((x for x in self.lines if x.item.id == item_id), None)


def _local(utc_text: str | None) -> dt.datetime | None:
    if not utc_text:
        return None
    moment = dt.datetime.fromisoformat(utc_text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(AMSTERDAM).replace(tzinfo=None)


def agenda_view(session: Session, meeting_id: int) -> AgendaView:
    """One meeting's agenda as members receive it, and what the secretary needs beside it."""
    session.require(Capability.READ, _("read the agenda"))
    repo = session.repo
    meeting: m.Meeting = repo.model(m.Meeting, meeting_id)
    board = repo.board()
    lead = board.papers_lead_days if board else 7
    deadline = papers_deadline(meeting, lead)
    names = {x.id: x.name for x in repo.members()}
    themes = {t.id: t.name for t in repo.themes()}
    papers = repo.papers_of_meeting(meeting_id)
    today = session.today
    lines = []
    clock = meeting.starts_at
    number = 0
    for item in repo.items(meeting_id):
        if item.status == m.ItemStatus.DEFERRED:
            continue
        number += 1
        ends = clock + dt.timedelta(minutes=item.timebox_minutes)
        item_papers = []
        replaced_after_sending = {  # a replaced paper that had gone out: its successor's
            x["replaced_by_id"]  # line says so
            for x in papers.get(item.id or 0, [])
            if x["replaced_by_id"] and x["sent_at"]
        }
        for p in papers.get(item.id or 0, []):
            if p["replaced_by_id"]:  # the old version stays in the record (`paper list`)
                continue
            sent = _local(p["sent_at"])
            late = sent.date() > deadline if sent else today > deadline
            item_papers.append(
                PaperLine(
                    p["id"],
                    p["title"],
                    p["path"],
                    p["size"],
                    p["sha256"],
                    sent,
                    late or p["id"] in replaced_after_sending,
                    p["id"] in replaced_after_sending,
                )
            )
        lines.append(
            AgendaLine(
                number,
                item,
                clock,
                ends,
                names.get(item.presenter_id, ""),
                themes.get(item.theme_id, ""),
                item_papers,
            )
        )
        clock = ends
    planned = sum(x.item.timebox_minutes for x in lines)
    free = meeting.duration_minutes - planned
    day = meeting.starts_at.date()
    open_actions = repo.action_rows(status="open", limit=500)
    overdue = [a for a in open_actions if a["due_date"] and a["due_date"] < day.isoformat()]
    overdue_ids = {a["id"] for a in overdue}
    open_actions = overdue + [a for a in open_actions if a["id"] not in overdue_ids]
    due = repo.decision_rows(status="in_force", review_by=day + REVIEW_WINDOW, limit=50)
    pending = [
        (r, r.minutes <= free, request_is_late(r, meeting, lead)) for r in pending_requests(session)
    ]
    return AgendaView(
        board.name if board else "",
        meeting,
        number_of(session, meeting),
        lines,
        planned,
        free,
        deadline,
        open_actions,
        list(reversed(due)),
        pending,
        [
            held.starts_at
            for held in repo.unapproved_at(
                meeting.starts_at,
                meeting.starts_at.replace(tzinfo=AMSTERDAM)
                .astimezone(dt.UTC)
                .isoformat(timespec="seconds"),
            )
        ],
        repo.next_meeting_after(meeting.starts_at),
    )


class ItemForm(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: m.Name
    kind: ItemKind = ItemKind.OTHER
    purpose: Purpose = Purpose.INFORMING
    minutes: int = Field(ge=0, le=600)
    presenter_id: int | None = None
    theme_id: int | None = None
    proposal: m.Text = ""  # the decision asked for (beslispunt)


def _item_values(data: dict[str, Any]) -> dict[str, Any]:
    try:
        form = ItemForm.model_validate(data)
    except ValidationError as error:
        raise problem_from(error) from None
    return {
        "title": form.title,
        "kind": form.kind.value,
        "purpose": form.purpose.value,
        "timebox_minutes": form.minutes,
        "presenter_id": form.presenter_id,
        "theme_id": form.theme_id,
        "proposal": form.proposal,
    }


def _meeting_of_item(session: Session, item_id: int) -> tuple[m.AgendaItem, m.Meeting]:
    item: m.AgendaItem = session.repo.model(m.AgendaItem, item_id)
    meeting: m.Meeting = session.repo.model(m.Meeting, item.meeting_id)
    return item, meeting


def insert_position(items: list[m.AgendaItem]) -> int:
    """Where a new item goes: before any other business (else before the behaviour check and
    closing), so the standard closing items stay last."""
    tail = (ItemKind.ANY_OTHER_BUSINESS, ItemKind.BEHAVIOUR_CHECK, ItemKind.CLOSING)
    for item in items:
        if item.kind in tail:
            return item.position
    return (items[-1].position + 1) if items else 1


def renumber(session: Session, meeting_id: int, first: int | None = None) -> None:
    """Positions 1..n in the current order; `first` goes before an item of the same position."""
    items = session.repo.items(meeting_id)
    items.sort(key=lambda i: (i.position, i.id != first, i.id))
    for position, item in enumerate(items, start=1):
        if item.position != position:
            session.repo.update("agenda_items", item.id or 0, {"position": position})


@one_transaction
def add_item(session: Session, meeting_id: int, data: dict[str, Any]) -> int:
    session.require(Capability.BUILD_AGENDA, _("build the agenda"))
    meeting: m.Meeting = session.repo.model(m.Meeting, meeting_id)
    require_editable(meeting)
    values = _item_values(data)
    items = session.repo.items(meeting_id)
    with session.database.transaction():
        item_id = session.repo.insert(
            "agenda_items",
            {**values, "meeting_id": meeting_id, "position": insert_position(items)},
        )
        renumber(session, meeting_id, item_id)
        if meeting.status == MeetingStatus.PLANNED:
            session.repo.update(
                "meetings", meeting_id, {"status": MeetingStatus.AGENDA_DRAFT.value}
            )
    return item_id


@one_transaction
def edit_item(
    session: Session, item_id: int, data: dict[str, Any], seen: int | None = None
) -> None:
    """Change an item; `seen`: its version when the form opened (see Session.version)."""
    session.require(Capability.BUILD_AGENDA, _("build the agenda"))
    _item, meeting = _meeting_of_item(session, item_id)
    require_editable(meeting)
    session.repo.update("agenda_items", item_id, _item_values(data), seen=seen)


@one_transaction
def remove_item(session: Session, item_id: int) -> None:
    """Take an item off the agenda; a request it came from is open again."""
    session.require(Capability.BUILD_AGENDA, _("build the agenda"))
    item, meeting = _meeting_of_item(session, item_id)
    require_editable(meeting)
    repo = session.repo
    if repo.proposals_for_item(item_id):
        raise Conflict(_("this item has proposals; it stays on the record"))
    with session.database.transaction():
        for request_id in repo.requests_for_item(item_id):
            repo.update(
                "agenda_requests",
                request_id,
                {"status": RequestStatus.SUBMITTED.value, "agenda_item_id": None},
            )
        repo.delete("agenda_items", item_id)
        renumber(session, item.meeting_id)


@one_transaction
def move_item(session: Session, item_id: int, delta: int) -> None:
    """Move an item up (-1) or down (+1) on its agenda."""
    session.require(Capability.BUILD_AGENDA, _("build the agenda"))
    item, meeting = _meeting_of_item(session, item_id)
    require_editable(meeting)
    items = session.repo.items(item.meeting_id)
    index = next(k for k, i in enumerate(items) if i.id == item_id)
    other = index + delta
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    with session.database.transaction():
        for position, current in enumerate(items, start=1):
            if current.position != position:
                session.repo.update("agenda_items", current.id or 0, {"position": position})


def remove_paper(session: Session, paper_id: int) -> None:
    session.require(Capability.BUILD_AGENDA, _("attach papers"))
    paper: m.Paper = session.repo.model(m.Paper, paper_id)
    _item, meeting = _meeting_of_item(session, paper.agenda_item_id)
    require_editable(meeting)
    session.repo.delete("papers", paper_id)


@one_transaction
def mark_papers_sent(session: Session, meeting_id: int) -> int:
    """Every paper of the meeting not yet sent is sent now; the agenda, once set, moves on to
    'papers sent'. Returns how many papers were marked."""
    session.require(Capability.BUILD_AGENDA, _("send the papers"))
    repo = session.repo
    meeting: m.Meeting = repo.model(m.Meeting, meeting_id)
    require_editable(meeting)
    now = session.now().astimezone(dt.UTC).isoformat(timespec="seconds")
    unsent = [p for rows in repo.papers_of_meeting(meeting_id).values() for p in rows]
    unsent = [p for p in unsent if not p["sent_at"] and not p["replaced_by_id"]]
    with session.database.transaction():
        for paper in unsent:
            repo.update("papers", paper["id"], {"sent_at": now})
        if meeting.status == MeetingStatus.AGENDA_SET:
            repo.update("meetings", meeting_id, {"status": MeetingStatus.PAPERS_SENT.value})
    return len(unsent)


@one_transaction
def set_agenda(session: Session, meeting_id: int) -> None:
    """The chair or secretary sets the agenda: it goes out as it is now."""
    session.require(Capability.BUILD_AGENDA, _("set the agenda"))
    meeting: m.Meeting = session.repo.model(m.Meeting, meeting_id)
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.AGENDA_DRAFT):
        raise Conflict(
            _("the agenda cannot be set now (status: {status})").format(
                status=_(meeting.status.value.replace("_", " "))
            )
        )
    if not session.repo.items(meeting_id):
        raise Conflict(_("the agenda has no items"))
    session.repo.update("meetings", meeting_id, {"status": MeetingStatus.AGENDA_SET.value})


def open_meetings(session: Session) -> list[m.Meeting]:
    """Meetings from today on whose agenda can still change (to schedule into)."""
    session.require(Capability.READ, _("read the meetings"))
    start = session.today
    return [
        x
        for x in session.repo.meetings_between(start, start + dt.timedelta(days=800))
        if x.status in EDITABLE
    ]
