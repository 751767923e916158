"""The minutes (verslag) of one meeting, as a document model the exports render.

Built from the record only: attendance, per item its notes and outcome, every decision in
full with its tally or consent record, new actions, deferred items, the interest round, the
behaviour check, and the decision and action lists as appendices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from boardroom.domain import models as m
from boardroom.domain.enums import AttendanceStatus, ItemStatus, MeetingStatus, Role
from boardroom.domain.permissions import Capability
from boardroom.i18n import _
from boardroom.i18n.record import decision_outcome
from boardroom.services import record, werkagenda
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


@dataclass(frozen=True)
class Minutes:
    board: str
    number: int
    starts_at: dt.datetime
    location: str
    approved: bool
    chair: str
    secretary: str
    present: list[str]
    remote: list[str]
    substitutes: list[tuple[str, str]]  # (substitute, for member)
    with_notice: list[str]
    absent: list[str]
    items: list[MinutesItem]
    interest_rounds: list[tuple[str, str, str, str]]  # perspective, helps, pinches, asks
    behaviour: list[tuple[str, str, str]]  # rule, score, note
    decision_list: list[tuple[str, str, str]] = field(default_factory=list)
    open_actions: list[tuple[str, str, str, str]] = field(default_factory=list)  # at the meeting
    amendments: list[tuple[str, str, str]] = field(default_factory=list)  # day, by, text
    #: the werkagenda of the meeting's themes (all of it under a monitoring item), with the
    #: figures the record held when the meeting closed
    werkagenda: list[AgreementView] = field(default_factory=list)
    approved_on: dt.date | None = None
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

    def names(status: AttendanceStatus) -> list[str]:
        return [by_id[r.member_id].name for r in attendance.values() if r.status == status]

    decisions = repo.decisions_of(meeting_id)
    actions = repo.actions_of(meeting_id)
    items = []
    held_items = repo.items(meeting_id)
    notes = notes_on(session, [item.id or 0 for item in held_items])
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
    perspectives = {p.id: p.name for p in repo.perspectives()}
    rules = {r.id: r.text for r in repo.rules("behaviour_rules")}
    steering = werkagenda.of_meeting(session, meeting_id, day, held.closed_at or None)
    open_rows = repo.actions_open_at(held.starts_at.isoformat(timespec="minutes"), day.isoformat())
    return Minutes(
        board=board.name,
        number=number_of(session, held),
        starts_at=held.starts_at,
        location=held.location,
        approved=held.status == MeetingStatus.MINUTES_APPROVED,
        approved_on=_approved_on(repo.sealed_at(meeting_id)),
        seal=_seal_code(repo, meeting_id),
        chair=_people(members, Role.CHAIR),
        secretary=_people(members, Role.SECRETARY),
        present=names(AttendanceStatus.PRESENT),
        remote=names(AttendanceStatus.REMOTE),
        substitutes=[
            (r.substitute_name, by_id[r.member_id].name)
            for r in attendance.values()
            if r.status == AttendanceStatus.SUBSTITUTE
        ],
        with_notice=names(AttendanceStatus.ABSENT_WITH_NOTICE),
        absent=names(AttendanceStatus.ABSENT),
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
        open_actions=[(r["number"], r["text"], r["owner"], r["due_date"] or "") for r in open_rows],
        amendments=[
            (r["day"], r["by_name"] or "", r["text"]) for r in repo.amendments_of(meeting_id)
        ],
    )
