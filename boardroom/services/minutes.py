"""The minutes (verslag) of one meeting, as a document model the exports render.

Built from the record only: who was there (the table's members with their organisation and
perspective, substitutes, the others present, who sent notice, the minute-taker), per item
its notes, every proposal with its rounds (adopted ones as their decision, rejected, withdrawn
and deferred ones as they ended), the minutes adopted under it, the evaluation held under it,
new actions, deferred items, the interest round, the behaviour check, the decision and action
lists as appendices (overdue actions marked), and once approved, in which meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from boardroom.domain import models as m
from boardroom.domain.enums import (
    AttendanceStatus,
    ItemKind,
    ItemStatus,
    MeetingStatus,
    ProposalStatus,
    Role,
)
from boardroom.domain.permissions import Capability
from boardroom.i18n import _
from boardroom.i18n.record import decision_outcome
from boardroom.services import evaluation, record, werkagenda
from boardroom.services.evaluation import EvaluationResult
from boardroom.services.meeting import number_of
from boardroom.services.notes import notes_on
from boardroom.services.session import AMSTERDAM, Session
from boardroom.services.werkagenda import AgreementView


@dataclass(frozen=True)
class MinutesDecision:
    number: str
    title: str
    text: str
    method: str
    outcome: str
    review_date: dt.date | None
    supersedes: str | None
    rounds: list[record.RoundRecord]
    secret: bool


@dataclass(frozen=True)
class MinutesProposal:
    """A proposal that did not become a decision: rejected, withdrawn, deferred (or still
    open when the meeting closed), with its rounds."""

    title: str
    text: str  # its last version
    status: ProposalStatus
    rounds: list[record.RoundRecord]
    secret: bool


@dataclass(frozen=True)
class Attendee:
    name: str
    organisation: str
    perspective: str  # "" for who has no seat at the table (secretary, programme managers)
    remote: bool = False
    substitute_for: str = ""  # the member a substitute sat for (name is the substitute's)
    #: for who has no seat: what they are there as (secretary, programme manager, guest)
    role: Role | None = None


@dataclass(frozen=True)
class MinutesItem:
    position: int
    title: str
    purpose: str
    presenter: str
    notes: str  # from before notes had authors
    outcome: str
    deferred: bool
    decisions: list[MinutesDecision]
    actions: list[tuple[str, str, str, str]]  # number, text, owner, due
    notes_by: list[tuple[str, str]] = field(default_factory=list)  # author, text
    proposals: list[MinutesProposal] = field(default_factory=list)
    #: under the minutes item: the meetings whose minutes were adopted at this meeting
    adopted_minutes: list[dt.datetime] = field(default_factory=list)
    #: under the evaluation item: the evaluation held at this meeting
    evaluation: EvaluationResult | None = None
    #: who was given the floor on the item, in order: (name, attending remotely)
    speakers: list[tuple[str, bool]] = field(default_factory=list)


@dataclass(frozen=True)
class Minutes:
    board: str
    number: int
    starts_at: dt.datetime
    location: str
    approved: bool
    chair: str
    secretary: str
    #: the table: members on a perspective's seat (and substitutes), then everyone else there
    present: list[Attendee]
    also_present: list[Attendee]
    with_notice: list[Attendee]
    absent: list[Attendee]
    items: list[MinutesItem]
    interest_rounds: list[tuple[str, str, str, str]]  # perspective, helps, pinches, asks
    behaviour: list[tuple[str, str, str]]  # rule, score, note
    decision_list: list[tuple[str, str, str]] = field(default_factory=list)
    #: the action list as it stood at the meeting: number, text, owner, due, overdue then
    open_actions: list[tuple[str, str, str, str, bool]] = field(default_factory=list)
    amendments: list[tuple[str, str, str]] = field(default_factory=list)  # day, by, text
    #: the werkagenda of the meeting's themes (all of it under a monitoring item), with the
    #: figures the record held when the meeting closed
    werkagenda: list[AgreementView] = field(default_factory=list)
    approved_on: dt.date | None = None
    #: whether the approval was made in a meeting held that day ("adopted in the meeting of")
    approved_in_meeting: bool = False
    seal: str | None = None  # the seal code printed on approved minutes (domain.seal)


def _people(members: list[m.Member], role: Role) -> str:
    return ", ".join(x.name for x in members if role in x.roles)


def _seal_code(repo: Any, meeting_id: int) -> str | None:
    from boardroom.domain.seal import seal_code

    seal = repo.seal_of(meeting_id)
    if seal is None:
        return None
    day = dt.date.fromisoformat(seal["starts_at"][:10])
    return seal_code(day, seal["hash"], seal["chain_head"])


def _approved_on(sealed_at: str | None) -> dt.date | None:
    if not sealed_at:
        return None
    moment = dt.datetime.fromisoformat(sealed_at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(AMSTERDAM).date()


def build_minutes(session: Session, meeting_id: int) -> Minutes:
    """Everything the minutes say, in order, from the record of one meeting."""
    session.require(Capability.READ, _("read the meeting"))
    repo = session.repo
    held = repo.model(m.Meeting, meeting_id)
    board = repo.board()
    assert board is not None
    day = held.starts_at.date()
    members = [x for x in repo.members() if x.is_active(day)]
    by_id = {x.id: x for x in repo.members()}
    attendance = repo.attendance(meeting_id)

    perspectives = {p.id: p.name for p in repo.perspectives()}

    def attendee(row: m.Attendance) -> Attendee:
        member = by_id[row.member_id]
        seat = perspectives.get(member.perspective_id or 0, "")
        if row.status == AttendanceStatus.SUBSTITUTE:
            return Attendee(row.substitute_name, member.organisation, seat, False, member.name)
        staff = (Role.SECRETARY, Role.PROGRAMME_MANAGER, Role.ADVISER, Role.GUEST)
        role = next((r for r in staff if r in member.roles), None) if not seat else None
        remote = row.status == AttendanceStatus.REMOTE
        return Attendee(member.name, member.organisation, seat, remote, role=role)

    there = (AttendanceStatus.PRESENT, AttendanceStatus.REMOTE, AttendanceStatus.SUBSTITUTE)
    rows = sorted(attendance.values(), key=lambda r: by_id[r.member_id].seat_order)
    present = [attendee(r) for r in rows if r.status in there]

    decisions = repo.decisions_of(meeting_id)
    proposals = [p for p in repo.proposals_of(meeting_id) if p.status != ProposalStatus.ADOPTED]
    held_evaluation = next(
        (e for e in evaluation.evaluations(session) if e.meeting_id == meeting_id), None
    )
    approved = [
        dt.datetime.fromisoformat(r["starts_at"])
        for r in repo.seals()
        if _approved_on(r["created_at"]) == day and r["meeting_id"] != meeting_id
    ]
    actions = repo.actions_of(meeting_id)
    items = []
    held_items = repo.items(meeting_id)
    notes = notes_on(session, [item.id or 0 for item in held_items])
    speakers: dict[int, list[tuple[str, bool]]] = {}
    for given in repo.speakers(meeting_id):
        speakers.setdefault(given.agenda_item_id, []).append(
            (by_id[given.member_id].name, given.remote)
        )
    for item in held_items:
        item_decisions = []
        for decision in (d for d in decisions if d.agenda_item_id == item.id):
            detail = record.decision_detail(session, decision.id or 0)
            item_decisions.append(
                MinutesDecision(
                    decision.number,
                    decision.title,
                    decision.text,
                    decision.method.value,
                    decision_outcome(decision),
                    decision.review_date,
                    detail.supersedes.number if detail.supersedes else None,
                    detail.rounds,
                    bool(detail.proposal and detail.proposal.secret),
                )
            )
        items.append(
            MinutesItem(
                item.position,
                item.title,
                item.purpose.value,
                by_id[item.presenter_id].name if item.presenter_id in by_id else "",
                item.notes,
                item.outcome,
                item.status == ItemStatus.DEFERRED,
                item_decisions,
                [
                    (
                        a.number,
                        a.text,
                        by_id[a.owner_id].name,
                        a.due_date.isoformat() if a.due_date else "",
                    )
                    for a in actions
                    if a.agenda_item_id == item.id
                ],
                [(a.author, a.text.strip()) for a in notes[item.id or 0].authors if a.text.strip()],
                [
                    MinutesProposal(
                        p.title,
                        repo.versions(p.id or 0)[-1].text,
                        p.status,
                        record.proposal_rounds(session, p),
                        p.secret,
                    )
                    for p in proposals
                    if p.agenda_item_id == item.id
                ],
                approved if item.kind == ItemKind.MINUTES else [],
                held_evaluation if item.kind == ItemKind.EVALUATION else None,
                speakers.get(item.id or 0, []),
            )
        )
    loose = [a for a in actions if a.agenda_item_id is None]
    if loose:
        items.append(
            MinutesItem(
                0,
                _("Other actions"),
                "",
                "",
                "",
                "",
                False,
                [],
                [
                    (
                        a.number,
                        a.text,
                        by_id[a.owner_id].name,
                        a.due_date.isoformat() if a.due_date else "",
                    )
                    for a in loose
                ],
            )
        )
    rules = {r.id: r.text for r in repo.rules("behaviour_rules")}
    steering = werkagenda.of_meeting(session, meeting_id, day, held.closed_at or None)
    open_rows = repo.actions_open_at(held.starts_at.isoformat(timespec="minutes"), day.isoformat())
    approved_on = _approved_on(repo.sealed_at(meeting_id))
    return Minutes(
        board=board.name,
        number=number_of(session, held),
        starts_at=held.starts_at,
        location=held.location,
        approved=held.status == MeetingStatus.MINUTES_APPROVED,
        approved_on=approved_on,
        approved_in_meeting=bool(
            approved_on and repo.meeting_on_day(approved_on.isoformat()) is not None
        ),
        seal=_seal_code(repo, meeting_id),
        chair=_people(members, Role.CHAIR),
        secretary=_people(members, Role.SECRETARY),
        present=[a for a in present if a.perspective],
        also_present=[a for a in present if not a.perspective],
        with_notice=[attendee(r) for r in rows if r.status == AttendanceStatus.ABSENT_WITH_NOTICE],
        absent=[attendee(r) for r in rows if r.status == AttendanceStatus.ABSENT],
        items=items,
        werkagenda=steering,
        interest_rounds=[
            (perspectives[r.perspective_id], r.helps, r.pinches, r.asks)
            for r in repo.interest_rounds_of(meeting_id)
            if r.status.value == "held"
        ],
        behaviour=[
            (rules.get(c.rule_id, ""), c.score.value, c.note)
            for c in repo.behaviour_checks_of(meeting_id).values()
        ],
        decision_list=[(d.number, d.title, d.method.value) for d in decisions],
        open_actions=[
            (
                r["number"],
                r["text"],
                r["owner"],
                r["due_date"] or "",
                bool(r["due_date"] and r["due_date"] < day.isoformat()),
            )
            for r in open_rows
        ],
        amendments=[
            (r["day"], r["by_name"] or "", r["text"]) for r in repo.amendments_of(meeting_id)
        ],
    )
