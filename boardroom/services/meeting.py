"""Running the meeting: open, attendance and quorum, the item clock, deferral, the interest
round, the behaviour check, and close (the notes: services.notes).

Every call is one transaction, committed before it returns: a killed process loses nothing
that was confirmed on screen, and reopening the app resumes on the current item with its
elapsed time (the clock's start is stored, not kept in memory).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from boardroom.domain import models as m
from boardroom.domain.clock import local_time
from boardroom.domain.enums import AttendanceStatus, ItemKind, ItemStatus, MeetingStatus
from boardroom.domain.errors import Conflict, NotFound, ValidationProblem
from boardroom.domain.numbering import meeting_number
from boardroom.domain.permissions import Capability
from boardroom.domain.voting import (
    PRESENT_STATUSES,
    QuorumResult,
    Seat,
    Voter,
    missing_for_quorum,
    quorum,
    voters,
    voting_seats,
)
from boardroom.i18n import _
from boardroom.i18n.record import describe_quorum
from boardroom.services.session import Session, one_transaction

RECORD = Capability.RECORD
CHAIR = Capability.OPEN_CLOSE_MEETING
BEFORE_START = {
    MeetingStatus.PLANNED,
    MeetingStatus.AGENDA_DRAFT,
    MeetingStatus.AGENDA_SET,
    MeetingStatus.PAPERS_SENT,
}


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def meeting(session: Session, meeting_id: int) -> m.Meeting:
    return session.repo.model(m.Meeting, meeting_id)  # type: ignore[no-any-return]


def in_progress(session: Session, meeting_id: int) -> m.Meeting:
    """The meeting, which must be running for anything to be recorded live."""
    current = meeting(session, meeting_id)
    if current.status != MeetingStatus.IN_PROGRESS:
        raise Conflict(
            _("the meeting is not in progress (status: {status})").format(
                status=current.status.value
            )
        )
    return current


def number_of(session: Session, current: m.Meeting) -> int:
    """The meeting's number among its year's meetings (for decision and action numbers)."""
    return meeting_number(
        current.starts_at, session.repo.meeting_starts_in_year(current.starts_at.year)
    )


# -- open ----------------------------------------------------------------------------------


@one_transaction
def start_meeting(session: Session, meeting_id: int) -> None:
    """The chair opens the meeting: in progress, on its first item, the clock running."""
    session.require(CHAIR, _("open the meeting"))
    current = meeting(session, meeting_id)
    if current.status not in BEFORE_START:
        raise Conflict(
            _("this meeting cannot be opened (status: {status})").format(
                status=current.status.value
            )
        )
    running = session.repo.meeting_in_progress()
    if running is not None and running.id != meeting_id:
        raise Conflict(_("another meeting is in progress; close it first"))
    items = [i for i in session.repo.items(meeting_id) if i.status != ItemStatus.DEFERRED]
    now = _iso(session.now())
    session.repo.update(
        "meetings",
        meeting_id,
        {
            "status": MeetingStatus.IN_PROGRESS.value,
            "started_at": now,
            "current_item_id": items[0].id if items else None,
            "item_clock_started_at": now if items else None,
        },
    )


# -- attendance and quorum -----------------------------------------------------------------


@one_transaction
def set_attendance(
    session: Session,
    meeting_id: int,
    member_id: int,
    status: AttendanceStatus,
    substitute_name: str = "",
    *,
    seen: int | None = None,
) -> None:
    """Record one member's attendance; a substitute's name is required. `seen`: the version
    of the member's attendance the user saw (Console.attendance_seen, 0 for none): when
    someone else marked them since, refused (StaleEdit), nothing overwritten."""
    session.require(RECORD, _("record attendance"))
    current = meeting(session, meeting_id)
    if current.status in (MeetingStatus.CLOSED, MeetingStatus.MINUTES_APPROVED):
        raise Conflict(_("the meeting is closed"))
    member = session.repo.model(m.Member, member_id)
    if not member.is_active(current.starts_at.date()):
        raise Conflict(_("{name} is not a member on this date").format(name=member.name))
    status = AttendanceStatus(status)
    name = substitute_name.strip()
    if status == AttendanceStatus.SUBSTITUTE and not name:
        raise ValidationProblem(_("a substitute's name is required"), "substitute")
    if status != AttendanceStatus.SUBSTITUTE:
        name = ""
    values = {"status": status.value, "substitute_name": name}
    existing = session.repo.attendance_id(meeting_id, member_id)
    _check_seen(session, "attendance", existing, seen)
    if existing is None:
        session.repo.insert(
            "attendance", {"meeting_id": meeting_id, "member_id": member_id, **values}
        )
    else:
        session.repo.update("attendance", existing, values)


def _check_seen(session: Session, table: str, row_id: int | None, seen: int | None) -> None:
    """StaleEdit (who, when) when the row changed since the user saw it at version `seen`
    (0: there was no row); nothing to check when `seen` is None (a script, not a screen)."""
    if seen is None:
        return
    if (session.repo.version(table, row_id) if row_id is not None else 0) != seen:
        assert row_id is not None
        raise session.repo.stale_edit(table, row_id)


def seats(session: Session, current: m.Meeting) -> list[Seat]:
    """The voting seats at this meeting, in seat order, with their attendance."""
    board = session.repo.board()
    assert board is not None
    perspectives = {p.id: p for p in session.repo.perspectives()}
    attendance = session.repo.attendance(current.id or 0)
    day = current.starts_at.date()
    all_seats = [
        Seat(
            member_id=x.id or 0,
            perspective_id=x.perspective_id,
            circle=x.circle,
            member_weight=x.vote_weight,
            perspective_weight=perspectives[x.perspective_id].vote_weight,
            attendance=attendance[x.id].status if x.id in attendance else None,
        )
        for x in session.repo.members()
        if x.is_active(day) and x.perspective_id in perspectives
    ]
    return voting_seats(all_seats, board.outer_circle_votes)


@dataclass(frozen=True)
class QuorumView:
    result: QuorumResult
    missing: list[str]  # who is not there (members, or members of unrepresented perspectives)

    def explain(self) -> str:
        r = self.result
        return describe_quorum(r.present, r.total, r.needed, r.unit)


def quorum_now(session: Session, meeting_id: int) -> QuorumView:
    board = session.repo.board()
    assert board is not None
    current = meeting(session, meeting_id)
    current_seats = seats(session, current)
    result = quorum(current_seats, board.quorum_rule, board.quorum_value)
    names = {x.id: x.name for x in session.repo.members()}
    missing = [names[i] for i in missing_for_quorum(current_seats, board.quorum_rule)]
    return QuorumView(result, missing)


def require_quorum(session: Session, meeting_id: int) -> QuorumView:
    """Refuse a decision without quorum, saying why."""
    view = quorum_now(session, meeting_id)
    if not view.result.met:
        raise Conflict(_("no quorum: {why}; the item can be deferred").format(why=view.explain()))
    return view


def entitled_voters(session: Session, meeting_id: int) -> list[Voter]:
    board = session.repo.board()
    assert board is not None
    return voters(seats(session, meeting(session, meeting_id)), board.voter_rule)


# -- the agenda and its clock --------------------------------------------------------------


def item_elapsed(current: m.Meeting, item: m.AgendaItem, now: dt.datetime) -> int:
    """Seconds spent on an item, including the running stretch of the current item."""
    elapsed = item.elapsed_seconds
    if current.current_item_id == item.id and current.item_clock_started_at:
        started = dt.datetime.fromisoformat(current.item_clock_started_at)
        elapsed += max(0, int((now - started).total_seconds()))
    return elapsed


def meeting_elapsed(current: m.Meeting, now: dt.datetime) -> int:
    if not current.started_at:
        return 0
    end = dt.datetime.fromisoformat(current.closed_at) if current.closed_at else now
    return max(0, int((end - dt.datetime.fromisoformat(current.started_at)).total_seconds()))


def _stop_clock(session: Session, current: m.Meeting) -> None:
    """Add the running stretch to the current item."""
    if current.current_item_id is None or not current.item_clock_started_at:
        return
    item = session.repo.model(m.AgendaItem, current.current_item_id)
    session.repo.update(
        "agenda_items",
        current.current_item_id,
        {"elapsed_seconds": item_elapsed(current, item, session.now())},
    )


@one_transaction
def go_to_item(session: Session, meeting_id: int, item_id: int) -> None:
    """Make an item current: the previous one's time is kept, this one's clock starts."""
    session.require(RECORD, _("run the agenda"))
    current = in_progress(session, meeting_id)
    item = session.repo.model(m.AgendaItem, item_id)
    if item.meeting_id != meeting_id:
        raise NotFound(_("this item is not on this meeting's agenda"))
    if current.current_item_id == item_id:
        return
    with session.database.transaction():
        _stop_clock(session, current)
        if current.current_item_id is not None:
            previous = session.repo.model(m.AgendaItem, current.current_item_id)
            if previous.status == ItemStatus.PLANNED and previous.position < item.position:
                session.repo.update("agenda_items", current.current_item_id, {"status": "done"})
        session.repo.update(
            "meetings",
            meeting_id,
            {"current_item_id": item_id, "item_clock_started_at": _iso(session.now())},
        )


@one_transaction
def step(
    session: Session, meeting_id: int, delta: int, *, seen_item: int | None = None
) -> int | None:
    """Go to the next (+1) or previous (-1) item that is not deferred; returns its id.
    `seen_item`: the current item the user saw; when someone else moved the meeting on
    since (the chair and the secretary both pressing `n`), refused, saying where it is."""
    current = in_progress(session, meeting_id)
    if seen_item is not None and current.current_item_id != seen_item:
        now_at = session.repo.model(m.AgendaItem, current.current_item_id or 0)
        by, at = session.repo.last_change("meetings", meeting_id)
        raise Conflict(
            _("{name} moved the meeting on to item {position} at {time}").format(
                name=by, position=f"{now_at.position}. {now_at.title}", time=local_time(at)
            )
        )
    items = [i for i in session.repo.items(meeting_id) if i.status != ItemStatus.DEFERRED]
    ids = [i.id for i in items]
    if not ids:
        return None
    index = ids.index(current.current_item_id) if current.current_item_id in ids else -1
    target = max(0, min(len(ids) - 1, index + delta))
    go_to_item(session, meeting_id, ids[target] or 0)
    return ids[target]


@one_transaction
def defer_item(session: Session, item_id: int) -> int | None:
    """Defer an item to the next meeting (a copy goes on its agenda); returns that meeting."""
    session.require(RECORD, _("defer an item"))
    item = session.repo.model(m.AgendaItem, item_id)
    current = meeting(session, item.meeting_id)
    if current.status in (MeetingStatus.CLOSED, MeetingStatus.MINUTES_APPROVED):
        raise Conflict(_("the meeting is closed"))
    if any(
        r.status == "open"
        for p in session.repo.proposals_for_item(item_id)
        for r in session.repo.rounds(p.id or 0)
    ):
        raise Conflict(_("finish or withdraw the open round on this item first"))
    following = session.repo.next_meeting_after(current.starts_at)
    with session.database.transaction():
        if current.current_item_id == item_id:
            _stop_clock(session, current)
            session.repo.update(
                "meetings",
                current.id or 0,
                {"current_item_id": None, "item_clock_started_at": None},
            )
        session.repo.update(
            "agenda_items",
            item_id,
            {"status": "deferred", "deferred_to_meeting_id": following.id if following else None},
        )
        if following is not None:
            last = max((i.position for i in session.repo.items(following.id or 0)), default=0)
            copy = item.model_dump(
                mode="json",
                exclude={
                    "id",
                    "created_at",
                    "updated_at",
                    "meeting_id",
                    "position",
                    "status",
                    "deferred_to_meeting_id",
                    "elapsed_seconds",
                    "outcome",
                },
            )
            session.repo.insert(
                "agenda_items", {**copy, "meeting_id": following.id, "position": last + 1}
            )
    return following.id if following else None


# -- interest round and behaviour check ----------------------------------------------------


def perspective_present(session: Session, meeting_id: int, perspective_id: int) -> bool:
    """Whether any member of the perspective is at the meeting (in person, remote, or by a
    substitute): without them, its interest round has no one to speak for it."""
    attendance = session.repo.attendance(meeting_id)
    return any(
        x.perspective_id == perspective_id
        and x.id in attendance
        and attendance[x.id].status in PRESENT_STATUSES
        for x in session.repo.members()
    )


@one_transaction
def defer_interest_round(session: Session, interest_round_id: int) -> m.Meeting:
    """Move a perspective's interest round to the next meeting (onto its interest-round item
    when it has one); the year's count follows, as it counts the rounds per meeting."""
    session.require(RECORD, _("defer the interest round"))
    row = session.repo.model(m.InterestRound, interest_round_id)
    if row.status.value == "held":
        raise Conflict(_("this interest round was held already"))
    current = meeting(session, row.meeting_id)
    following = session.repo.next_meeting_after(current.starts_at)
    if following is None:
        raise Conflict(_("there is no next meeting yet; plan it first"))
    if any(
        r.perspective_id == row.perspective_id
        for r in session.repo.interest_rounds_of(following.id or 0)
    ):
        name = session.repo.model(m.Perspective, row.perspective_id).name
        raise Conflict(
            _("{perspective} has an interest round at the next meeting already").format(
                perspective=name
            )
        )
    item = next(
        (i for i in session.repo.items(following.id or 0) if i.kind == ItemKind.INTEREST_ROUND),
        None,
    )
    session.repo.update(
        "interest_rounds",
        interest_round_id,
        {"meeting_id": following.id, "agenda_item_id": item.id if item else None},
    )
    return following


@one_transaction
def record_interest(
    session: Session,
    interest_round_id: int,
    helps: str,
    pinches: str,
    asks: str,
    held: bool = True,
    *,
    seen: int | None = None,
) -> None:
    """What helps, what pinches and what the perspective asks of the table. `seen`: the
    version the form was opened on; a save over someone else's since is refused."""
    session.require(RECORD, _("record the interest round"))
    _check_seen(session, "interest_rounds", interest_round_id, seen)
    row = session.repo.model(m.InterestRound, interest_round_id)
    current = meeting(session, row.meeting_id)
    if current.status == MeetingStatus.MINUTES_APPROVED:
        raise Conflict(_("the minutes of this meeting are approved; record an amendment"))
    session.repo.update(
        "interest_rounds",
        interest_round_id,
        {
            "helps": helps.strip(),
            "pinches": pinches.strip(),
            "asks": asks.strip(),
            "status": "held" if held else "planned",
        },
    )


@one_transaction
def score_rule(
    session: Session,
    meeting_id: int,
    rule_id: int,
    score: m.BehaviourScore,
    note: str = "",
    *,
    seen: int | None = None,
) -> None:
    """The chair's score of one behaviour rule at this meeting (changeable until close).
    `seen`: the version of the rule's score the user saw (Console.scores_seen, 0 for none)."""
    session.require(RECORD, _("score the behaviour rules"))
    in_progress(session, meeting_id)
    values = {"score": m.BehaviourScore(score).value, "note": note.strip()}
    existing = session.repo.behaviour_check_id(meeting_id, rule_id)
    _check_seen(session, "behaviour_checks", existing, seen)
    if existing is None:
        session.repo.insert(
            "behaviour_checks", {"meeting_id": meeting_id, "rule_id": rule_id, **values}
        )
    else:
        session.repo.update("behaviour_checks", existing, values)


# -- close ---------------------------------------------------------------------------------


@one_transaction
def close_meeting(session: Session, meeting_id: int) -> None:
    """The chair closes the meeting (the item it closes on is done); refused while a vote or
    consent round is unfinished."""
    session.require(CHAIR, _("close the meeting"))
    current = in_progress(session, meeting_id)
    if session.repo.open_rounds(meeting_id):
        raise Conflict(_("a vote or consent round is still open; finish or withdraw it first"))
    with session.database.transaction():
        _stop_clock(session, current)
        if current.current_item_id is not None:  # the item the meeting closed on was dealt with
            last = session.repo.model(m.AgendaItem, current.current_item_id)
            if last.status == ItemStatus.PLANNED:
                session.repo.update("agenda_items", last.id or 0, {"status": "done"})
        session.repo.update(
            "meetings",
            meeting_id,
            {
                "status": MeetingStatus.CLOSED.value,
                "closed_at": _iso(session.now()),
                "item_clock_started_at": None,
            },
        )


@dataclass(frozen=True)
class MeetingSummary:
    decisions: list[m.Decision]
    actions: list[m.Action]
    deferred: list[m.AgendaItem]
    attendance: dict[AttendanceStatus, int]
    substitutes: list[tuple[str, str]]  # (member, substitute)
    behaviour: dict[str, int]  # score → count


def summary(session: Session, meeting_id: int) -> MeetingSummary:
    session.require(Capability.READ, _("read the meeting"))
    repo = session.repo
    attendance = repo.attendance(meeting_id)
    names = {x.id: x.name for x in repo.members()}
    counts: dict[AttendanceStatus, int] = {}
    for row in attendance.values():
        counts[row.status] = counts.get(row.status, 0) + 1
    behaviour: dict[str, int] = {}
    for check in repo.behaviour_checks_of(meeting_id).values():
        behaviour[check.score.value] = behaviour.get(check.score.value, 0) + 1
    return MeetingSummary(
        decisions=repo.decisions_of(meeting_id),
        actions=repo.actions_of(meeting_id),
        deferred=[i for i in repo.items(meeting_id) if i.status == ItemStatus.DEFERRED],
        attendance=counts,
        substitutes=[
            (names[r.member_id], r.substitute_name)
            for r in attendance.values()
            if r.status == AttendanceStatus.SUBSTITUTE
        ],
        behaviour=behaviour,
    )


# -- what the console shows ----------------------------------------------------------------


@dataclass(frozen=True)
class Console:
    """One read of everything the live-meeting console shows."""

    meeting: m.Meeting
    number: int
    items: list[m.AgendaItem]
    attendance: dict[int, m.Attendance]
    members: list[m.Member]  # active on the meeting's date, in seat order
    perspectives: dict[int, m.Perspective]
    quorum: QuorumView
    interest_rounds: list[m.InterestRound]
    rules: list[m.BehaviourRule]
    scores: dict[int, m.BehaviourCheck]
    open_proposals: list[m.Proposal]
    latest_round: dict[int, int]  # open proposal → its latest round
    vote_rule: m.VoteRule  # the board's default majority rule
    #: the version of each member's attendance and each rule's score as read (0: none yet),
    #: to mark them against what the user saw
    attendance_seen: dict[int, int] = field(default_factory=dict)
    scores_seen: dict[int, int] = field(default_factory=dict)

    @property
    def current_item(self) -> m.AgendaItem | None:
        return next((i for i in self.items if i.id == self.meeting.current_item_id), None)

    def name(self, member_id: int) -> str:
        return next((x.name for x in self.members if x.id == member_id), str(member_id))

    def voter_name(self, member_id: int) -> str:
        """The member's name, and who sits in their place when a substitute attends."""
        name = self.name(member_id)
        row = self.attendance.get(member_id)
        if row is not None and row.status == AttendanceStatus.SUBSTITUTE:
            return _("{substitute} for {member}").format(
                substitute=row.substitute_name, member=name
            )
        return name

    def perspective_of(self, member_id: int) -> str:
        member = next((x for x in self.members if x.id == member_id), None)
        if member is None or member.perspective_id not in self.perspectives:
            return ""
        return self.perspectives[member.perspective_id].name

    def planned_end(self) -> dt.datetime:
        return self.meeting.starts_at + dt.timedelta(minutes=self.meeting.duration_minutes)

    def planned_start_of(self, item_id: int) -> dt.datetime:
        """The clock time an item was planned to start, from the time boxes before it."""
        minutes = 0
        for item in self.items:
            if item.id == item_id:
                break
            if item.status != ItemStatus.DEFERRED:
                minutes += item.timebox_minutes
        return self.meeting.starts_at + dt.timedelta(minutes=minutes)


def console(session: Session, meeting_id: int) -> Console:
    session.require(Capability.READ, _("read the meeting"))
    repo = session.repo
    current = meeting(session, meeting_id)
    day = current.starts_at.date()
    board = repo.board()
    assert board is not None
    open_proposals = [p for p in repo.proposals_of(meeting_id) if p.status == "open"]
    attendance = repo.attendance(meeting_id)
    scores = repo.behaviour_checks_of(meeting_id)
    attendance_versions = repo.row_versions("attendance", [a.id or 0 for a in attendance.values()])
    score_versions = repo.row_versions("behaviour_checks", [c.id or 0 for c in scores.values()])
    return Console(
        meeting=current,
        number=number_of(session, current),
        items=repo.items(meeting_id),
        attendance=attendance,
        members=[x for x in repo.members() if x.is_active(day)],
        perspectives={p.id or 0: p for p in repo.perspectives()},
        quorum=quorum_now(session, meeting_id),
        interest_rounds=repo.interest_rounds_of(meeting_id),
        rules=repo.rules("behaviour_rules", active_only=True),
        scores=scores,
        open_proposals=open_proposals,
        latest_round={
            p.id or 0: rounds[-1].id or 0
            for p in open_proposals
            if (rounds := repo.rounds(p.id or 0))
        },
        vote_rule=board.vote_rule,
        attendance_seen={m_id: attendance_versions[a.id or 0] for m_id, a in attendance.items()},
        scores_seen={rule: score_versions[c.id or 0] for rule, c in scores.items()},
    )


def meetings_around(
    session: Session, today: dt.date, before: int = 400, after: int = 400
) -> list[m.Meeting]:
    """Meetings from about a year back to a year ahead, for the meetings list."""
    session.require(Capability.READ, _("read the meetings"))
    return session.repo.meetings_between(
        today - dt.timedelta(days=before), today + dt.timedelta(days=after)
    )
