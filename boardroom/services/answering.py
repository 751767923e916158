"""Members answering for themselves: a vote's ballot or a consent round's answer entered by
the voter from their own session (SSH or the browser), beside the chair's recording at the
console.

Only the member who holds the perspective's seat at this meeting answers for it (its voter in
the round's order, present — a substitute holds the seat of the member they replace); they
may change their answer until the chair concludes the round, and every change is a row of
the record with who entered it (`entered_by_id`) and an event in the log. A secret ballot is
counted in the room and not answered from a screen: a ballot entered by its voter is a row
whose event names the voter and the moment, which is exactly the link a secret ballot must
not have.
"""

from __future__ import annotations

from dataclasses import dataclass

from boardroom.domain import consent
from boardroom.domain import models as m
from boardroom.domain.enums import Choice, ConsentAnswerKind, DecisionMethod, VoteRule
from boardroom.domain.errors import Conflict, PermissionDenied
from boardroom.domain.permissions import Capability
from boardroom.domain.voting import Voter
from boardroom.i18n import _
from boardroom.services.decide import (
    answers,
    insert_answer,
    insert_ballot,
    require_open_round,
    round_voter,
)
from boardroom.services.room import RoomRound, round_of
from boardroom.services.session import Session, one_transaction


@dataclass(frozen=True)
class OpenRound(RoomRound):
    """The round open now at the meeting in progress, as a member's screen shows it: what
    the room sees of it, and this member's part in it."""

    #: a vote's majority rule (the proposal's, else the board's); None for a consent round
    vote_rule: VoteRule | None = None
    #: this member answers in it (the perspective's voter, present); else they follow it
    entitled: bool = False
    #: their answer now: a Choice or a ConsentAnswerKind, and a concern's or objection's text
    mine: Choice | ConsentAnswerKind | None = None
    note: str = ""


def open_round(session: Session) -> m.Round | None:
    """The round open at the meeting in progress, if any (one at a time: rounds are opened
    and concluded by the chair, item by item). Two indexed reads: every open session asks
    it at each commit of any other."""
    meeting_id = session.repo.meeting_in_progress_id()
    if meeting_id is None:
        return None
    rounds = session.repo.open_rounds(meeting_id)
    return rounds[-1] if rounds else None


def round_now(session: Session) -> OpenRound | None:
    """The open round as this member's screen shows it."""
    session.require(Capability.READ, _("read the meeting"))
    current = open_round(session)
    if current is None:
        return None
    proposal = session.repo.model(m.Proposal, current.proposal_id)
    me = session.user.id if session.user is not None else None
    entitled = (
        me is not None
        and not proposal.secret
        and round_voter(session, current, proposal.meeting_id, me) is not None
    )
    mine: Choice | ConsentAnswerKind | None = None
    note = ""
    if current.kind == DecisionMethod.VOTE:
        mine = next(
            (b.choice for b in session.repo.ballots(current.id or 0) if b.voter_id == me), None
        )
    else:
        final = consent.final_answers(answers(session, current.id or 0)).get(me or 0)
        if final is not None:
            mine, note = final.kind, final.note
    return OpenRound(
        **vars(round_of(session, current)),
        vote_rule=(proposal.vote_rule or _board_rule(session))
        if current.kind == DecisionMethod.VOTE
        else None,
        entitled=entitled,
        mine=mine,
        note=note,
    )


def _board_rule(session: Session) -> VoteRule:
    board = session.repo.board()
    assert board is not None
    return board.vote_rule  # type: ignore[no-any-return]


def _my_seat(session: Session, current: m.Round) -> Voter:
    """The member answering, who must hold a seat in this round, present; a secret ballot is
    not answered from a screen."""
    session.require(Capability.TAKE_PART, _("answer in a round"))
    if session.user is None:
        raise PermissionDenied(_("only a member answers for themselves: start with --as NAME"))
    proposal = session.repo.model(m.Proposal, current.proposal_id)
    if proposal.secret:
        raise Conflict(_("this is a secret ballot: it is counted in the room"))
    voter = round_voter(session, current, proposal.meeting_id, session.user.id or 0)
    if voter is None:
        raise PermissionDenied(
            _("{name} does not answer in this round: no perspective's seat here").format(
                name=session.user.name
            )
        )
    return voter


@one_transaction
def vote(session: Session, round_id: int, choice: Choice) -> None:
    """The member's own ballot in a roll-call vote: entered, or changed until the chair
    concludes (the change is an update of their ballot, logged with before and after)."""
    voter = _my_seat(session, require_open_round(session, round_id, DecisionMethod.VOTE))
    me, choice = voter.member_id, Choice(choice)
    ballot = next((b for b in session.repo.ballots(round_id) if b.voter_id == me), None)
    if ballot is None:
        insert_ballot(session, round_id, voter, choice)
    elif ballot.choice != choice:
        session.repo.update(
            "ballots", ballot.id or 0, {"choice": choice.value, "entered_by_id": me}
        )
    else:
        raise Conflict(_("that is your vote already"))


@one_transaction
def answer(session: Session, round_id: int, kind: ConsentAnswerKind, note: str = "") -> None:
    """The member's own answer in a consent round: consent, a concern (its text), an
    objection (its reason) or pass (once). A changed answer is a new row of the round (the
    last one counts, as when a voter who passed is asked again); the same answer twice is
    refused, so that two sessions of one member answering at once record it once."""
    me = _my_seat(session, require_open_round(session, round_id, DecisionMethod.CONSENT)).member_id
    kind = ConsentAnswerKind(kind)
    consent.check_answer(kind, note)
    given = answers(session, round_id)
    final = consent.final_answers(given).get(me)
    if final is not None and (final.kind, final.note) == (kind, note.strip()):
        raise Conflict(_("that is your answer already"))
    if kind == ConsentAnswerKind.PASS and not consent.may_pass(me, given):
        raise Conflict(_("you passed once already; an answer is needed now"))
    insert_answer(session, round_id, me, len(given) + 1, kind, note)
