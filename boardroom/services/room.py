"""What the room display shows (`boardroom present`): the meeting in progress, its clock, the
current item and its time box, the proposal being decided, how many have answered (not who,
until the chair concludes; then the outcome) and the speakers' queue. Read only, for everyone
who may read the board; one read of a handful of indexed rows, made again at every commit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boardroom.domain import consent
from boardroom.domain import models as m
from boardroom.domain.enums import ConsentAnswerKind, DecisionMethod
from boardroom.domain.permissions import Capability
from boardroom.i18n import _
from boardroom.services.decide import answers
from boardroom.services.floor import Floor, floor
from boardroom.services.meeting import item_elapsed, meeting_elapsed, number_of
from boardroom.services.overview import board_summary
from boardroom.services.session import Session


@dataclass(frozen=True)
class RoomRound:
    """The latest round on the current item: open (how many answered) or concluded (its
    outcome and record)."""

    round_id: int
    kind: DecisionMethod
    secret: bool
    title: str
    version: int
    number: int  # the round's number on its proposal
    text: str
    open: bool
    answered: int
    voters: int
    #: once concluded: the round's outcome (adopted, rejected, objections, …), the decision's
    #: number when it became one, a vote's weights (for, against, abstain), a consent round's
    #: counts (consent, concerns, objections)
    outcome: str = ""
    decision_number: str = ""
    weights: tuple[float, float, float] | None = None
    consent_counts: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class RoomView:
    board: str
    meeting: m.Meeting | None  # in progress; None between meetings
    number: int
    item: m.AgendaItem | None
    item_elapsed: int
    meeting_elapsed: int
    round: RoomRound | None
    floor: Floor | None
    next_meeting: dt.datetime | None = None  # between meetings: the next one


def room(session: Session) -> RoomView:
    session.require(Capability.READ, _("read the meeting"))
    board = board_summary(session).name
    meeting_id = session.repo.meeting_in_progress_id()
    if meeting_id is None:
        upcoming = session.repo.next_meeting_after(session.local_now())
        return RoomView(
            board, None, 0, None, 0, 0, None, None, upcoming.starts_at if upcoming else None
        )
    current = session.repo.model(m.Meeting, meeting_id)
    now = session.now()
    item = (
        session.repo.model(m.AgendaItem, current.current_item_id)
        if current.current_item_id is not None
        else None
    )
    return RoomView(
        board=board,
        meeting=current,
        number=number_of(session, current),
        item=item,
        item_elapsed=item_elapsed(current, item, now) if item is not None else 0,
        meeting_elapsed=meeting_elapsed(current, now),
        round=_latest_round(session, item.id or 0) if item is not None else None,
        floor=floor(session, item.id or 0) if item is not None else None,
    )


def _latest_round(session: Session, item_id: int) -> RoomRound | None:
    rounds = [
        r for p in session.repo.proposals_for_item(item_id) for r in session.repo.rounds(p.id or 0)
    ]
    if not rounds:
        return None
    return round_of(session, max(rounds, key=lambda r: r.id or 0))


def concluded(session: Session, round_id: int) -> RoomRound | None:
    """The round once the chair concluded it (None while it is open)."""
    current = session.repo.model(m.Round, round_id)
    return round_of(session, current) if current.status != "open" else None


def round_of(session: Session, latest: m.Round) -> RoomRound:
    """A round as the room sees it: how many answered, or once concluded, how it ended."""
    proposal = session.repo.model(m.Proposal, latest.proposal_id)
    version = session.repo.model(m.ProposalVersion, latest.version_id)
    is_open = latest.status == "open"
    outcome = decision_number = ""
    weights = counts = None
    if latest.kind == DecisionMethod.VOTE:
        answered = len(session.repo.ballots(latest.id or 0))
        if not is_open and latest.for_weight is not None:
            weights = (latest.for_weight, latest.against_weight or 0, latest.abstain_weight or 0)
    else:
        final = consent.final_answers(answers(session, latest.id or 0)).values()
        answered = sum(1 for a in final if a.kind != ConsentAnswerKind.PASS)
        if not is_open:
            kinds = [a.kind for a in final]
            counts = (
                kinds.count(ConsentAnswerKind.CONSENT),
                kinds.count(ConsentAnswerKind.CONCERN),
                kinds.count(ConsentAnswerKind.OBJECTION),
            )
    if not is_open:
        outcome = latest.outcome or latest.status
        decision = session.repo.decision_for_proposal(proposal.id or 0)
        if decision is not None and decision.number:
            decision_number = decision.number
    return RoomRound(
        round_id=latest.id or 0,
        kind=latest.kind,
        secret=proposal.secret,
        title=proposal.title,
        version=version.version,
        number=latest.number,
        text=version.text,
        open=is_open,
        answered=answered,
        voters=len(latest.voter_order),
        outcome=outcome,
        decision_number=decision_number,
        weights=weights,
        consent_counts=counts,
    )
