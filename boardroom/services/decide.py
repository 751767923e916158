"""Deciding: proposals and their versions, votes (roll-call or counts only), consent rounds,
and the numbered decisions and actions that come out of them.

Every ballot, answer and version is stored the moment it is given, in its own transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from boardroom.domain import consent
from boardroom.domain import models as m
from boardroom.domain.clock import local_time
from boardroom.domain.dates import parse_due
from boardroom.domain.enums import (
    Choice,
    ConsentAnswerKind,
    DecisionMethod,
    ProposalStatus,
    Role,
    VoteRule,
)
from boardroom.domain.errors import Conflict, NotFound, ValidationProblem
from boardroom.domain.numbering import action_number, decision_number, next_sequence
from boardroom.domain.outcome import DecisionOutcome
from boardroom.domain.voting import Outcome, Tally, Voter, entitled_weight, outcome, vote_weight
from boardroom.i18n import _, label
from boardroom.i18n.record import describe
from boardroom.services.meeting import (
    RECORD,
    entitled_voters,
    in_progress,
    meeting,
    number_of,
    quorum_now,
    require_quorum,
    seats,
)
from boardroom.services.session import Session, find_member, one_transaction

# -- proposals -----------------------------------------------------------------------------


def put_proposal(
    session: Session,
    item_id: int,
    text: str,
    method: DecisionMethod,
    *,
    title: str | None = None,
    vote_rule: VoteRule | None = None,
    secret: bool = False,
    agreement_id: int | None = None,
) -> int:
    """Put a proposal on an item (version 1); the method is a vote or a consent round.
    `agreement_id`: the result agreement its decision will steer (the werkagenda)."""
    session.require(RECORD, _("put a proposal"))
    item = session.repo.model(m.AgendaItem, item_id)
    in_progress(session, item.meeting_id)
    if not text.strip():
        raise ValidationProblem(_("the proposal needs a text"), "text")
    method = DecisionMethod(method)
    if method == DecisionMethod.ACCLAMATION:
        raise ValidationProblem(_("record a decision by acclamation directly"), "method")
    if any(p.status == ProposalStatus.OPEN for p in session.repo.proposals_for_item(item_id)):
        raise Conflict(_("this item has an open proposal already"))
    board = session.repo.board()
    assert board is not None
    with session.database.transaction():
        proposal_id = session.repo.insert(
            "proposals",
            {
                "meeting_id": item.meeting_id,
                "agenda_item_id": item_id,
                "title": (title or item.title).strip(),
                "method": method.value,
                "vote_rule": (vote_rule or board.vote_rule).value
                if method == DecisionMethod.VOTE
                else None,
                "secret": bool(secret and method == DecisionMethod.VOTE),
                "agreement_id": agreement_id,
            },
        )
        session.repo.insert(
            "proposal_versions", {"proposal_id": proposal_id, "version": 1, "text": text.strip()}
        )
    return proposal_id


def _open_proposal(session: Session, proposal_id: int) -> m.Proposal:
    proposal = session.repo.model(m.Proposal, proposal_id)
    if proposal.status != ProposalStatus.OPEN:
        raise Conflict(_("the proposal is {status}").format(status=label(proposal.status)))
    return proposal  # type: ignore[no-any-return]


@one_transaction
def open_round(session: Session, proposal_id: int, order: list[int] | None = None) -> int:
    """Start a vote or a consent round on the proposal's latest version; needs quorum."""
    session.require(RECORD, _("start a vote or consent round"))
    proposal = _open_proposal(session, proposal_id)
    in_progress(session, proposal.meeting_id)
    rounds = session.repo.rounds(proposal_id)
    if any(r.status == "open" for r in rounds):
        raise Conflict(_("a round on this proposal is open already"))
    if rounds and proposal.method == DecisionMethod.VOTE:
        raise Conflict(_("this proposal was voted on; put a new proposal"))
    require_quorum(session, proposal.meeting_id)
    voter_ids = [v.member_id for v in entitled_voters(session, proposal.meeting_id)]
    if order is not None:
        if sorted(order) != sorted(voter_ids):
            raise ValidationProblem(_("the order must name every present voter once"), "order")
        voter_ids = list(order)
    version = session.repo.versions(proposal_id)[-1]
    return session.repo.insert(
        "rounds",
        {
            "proposal_id": proposal_id,
            "number": len(rounds) + 1,
            "version_id": version.id,
            "kind": proposal.method.value,
            "quorum_met": True,
            "voter_order": json.dumps(voter_ids),
        },
    )


def require_open_round(session: Session, round_id: int, kind: DecisionMethod) -> m.Round:
    current = session.repo.model(m.Round, round_id)
    if current.status != "open":
        raise Conflict(_("this round is closed"))
    if current.kind != kind:
        raise Conflict(_("this is not a {kind} round").format(kind=label(kind)))
    return current  # type: ignore[no-any-return]


# -- votes ---------------------------------------------------------------------------------


def _user_id(session: Session) -> int | None:
    """Who enters a ballot or an answer (None for a session without a member: the demo's
    history, a script)."""
    return session.user.id if session.user is not None else None


def round_voter(session: Session, current: m.Round, meeting_id: int, voter_id: int) -> Voter | None:
    """The voter in this round's order, present now, with the weight of their seat."""
    if voter_id not in current.voter_order:
        return None
    board = session.repo.board()
    assert board is not None
    for seat in seats(session, meeting(session, meeting_id)):
        if seat.member_id == voter_id and seat.present:
            return Voter(seat.member_id, seat.perspective_id, vote_weight(seat, board.voter_rule))
    return None


@one_transaction
def cast_ballot(session: Session, round_id: int, voter_id: int, choice: Choice) -> None:
    """One voter's ballot in a roll-call vote: for, against or abstain. Once per voter."""
    session.require(RECORD, _("record a ballot"))
    current = require_open_round(session, round_id, DecisionMethod.VOTE)
    proposal = session.repo.model(m.Proposal, current.proposal_id)
    if proposal.secret:
        raise Conflict(_("this is a secret ballot: record the counts only"))
    voter = round_voter(session, current, proposal.meeting_id, voter_id)
    if voter is None:
        name = session.repo.model(m.Member, voter_id).name
        raise Conflict(_("{name} is not entitled to vote on this proposal").format(name=name))
    if any(b.voter_id == voter_id for b in session.repo.ballots(round_id)):
        name = session.repo.model(m.Member, voter_id).name
        raise Conflict(_("{name} has voted already").format(name=name))
    insert_ballot(session, round_id, voter, choice)


def insert_ballot(session: Session, round_id: int, voter: Voter, choice: Choice) -> None:
    """The voter's ballot as a row, saying who entered it (the chair, or the voter)."""
    session.repo.insert(
        "ballots",
        {
            "round_id": round_id,
            "voter_id": voter.member_id,
            "perspective_id": voter.perspective_id,
            "choice": Choice(choice).value,
            "weight": voter.weight,
            "entered_by_id": _user_id(session),
        },
    )


@one_transaction
def record_counts(
    session: Session, round_id: int, for_count: float, against: float, abstain: float
) -> None:
    """A secret ballot: the counts only, never who voted what."""
    session.require(RECORD, _("record a ballot"))
    current = require_open_round(session, round_id, DecisionMethod.VOTE)
    proposal = session.repo.model(m.Proposal, current.proposal_id)
    if not proposal.secret:
        raise Conflict(_("this is a roll-call vote: record each voter's ballot"))
    counts = (for_count, against, abstain)
    if any(c < 0 for c in counts):
        raise ValidationProblem(_("counts cannot be negative"), "counts")
    present = sum(v.weight for v in entitled_voters(session, proposal.meeting_id))
    if sum(counts) > present:
        raise ValidationProblem(
            _("{cast:g} votes counted but only {present:g} can be cast").format(
                cast=sum(counts), present=present
            ),
            "counts",
        )
    session.repo.update(
        "rounds",
        round_id,
        {"for_weight": for_count, "against_weight": against, "abstain_weight": abstain},
    )


def tally(session: Session, round_id: int) -> Tally:
    current = session.repo.model(m.Round, round_id)
    proposal = session.repo.model(m.Proposal, current.proposal_id)
    if proposal.secret:
        return Tally(
            current.for_weight or 0, current.against_weight or 0, current.abstain_weight or 0
        )
    return Tally.of((b.choice, b.weight) for b in session.repo.ballots(round_id))


@one_transaction
def switch_voter(session: Session, round_id: int, member_id: int) -> int:
    """One vote per perspective: the perspective's present members name their voter. Hand the
    vote of `member_id`'s perspective to its next present member; returns the new voter."""
    session.require(RECORD, _("name the perspective's voter"))
    kind = session.repo.model(m.Round, round_id).kind
    current = require_open_round(session, round_id, kind)
    proposal = session.repo.model(m.Proposal, current.proposal_id)
    member = session.repo.model(m.Member, member_id)
    if member_id not in current.voter_order:
        raise Conflict(_("{name} is not in this round").format(name=member.name))
    voted = {b.voter_id for b in session.repo.ballots(round_id)} | {
        a.member_id for a in answers(session, round_id)
    }
    if member_id in voted:
        raise Conflict(_("{name} has voted already").format(name=member.name))
    board_seats = seats(session, meeting(session, proposal.meeting_id))
    same = [
        s.member_id for s in board_seats if s.present and s.perspective_id == member.perspective_id
    ]
    if len(same) < 2:
        raise Conflict(_("no other member of this perspective is present"))
    successor = same[(same.index(member_id) + 1) % len(same)]
    order = [successor if m == member_id else m for m in current.voter_order]
    session.repo.update("rounds", round_id, {"voter_order": json.dumps(order)})
    return successor


@dataclass(frozen=True)
class VoteResult:
    outcome: Outcome
    tally: Tally
    entitled: float
    facts: DecisionOutcome
    decision_id: int | None
    decision_number: str | None

    @property
    def text(self) -> str:
        """The vote in one sentence (rule, quorum, count, result) in the reader's language."""
        return describe(DecisionMethod.VOTE, self.facts, result=self.outcome.value)

    @property
    def counted(self) -> str:
        """The same without the result, for where the result is said on its own."""
        return describe(DecisionMethod.VOTE, self.facts, result=None)


@one_transaction
def close_vote(session: Session, round_id: int) -> VoteResult:
    """Count: adopted or rejected under the rule in force (tie per board rule)."""
    session.require(RECORD, _("close a vote"))
    current = require_open_round(session, round_id, DecisionMethod.VOTE)
    proposal = session.repo.model(m.Proposal, current.proposal_id)
    board = session.repo.board()
    assert board is not None
    quorum_view = require_quorum(session, proposal.meeting_id)
    counted = tally(session, round_id)
    entitled = entitled_weight(
        seats(session, meeting(session, proposal.meeting_id)), board.voter_rule
    )
    chair_choice = None
    for ballot in session.repo.ballots(round_id):
        voter = session.repo.model(m.Member, ballot.voter_id)
        if Role.CHAIR in voter.roles:
            chair_choice = ballot.choice
    rule = proposal.vote_rule or board.vote_rule
    result = outcome(
        counted,
        rule,
        entitled,
        qualified_share=board.qualified_share,
        tie_rule=board.tie_rule,
        chair_choice=chair_choice,
        unanimity_allows_abstention=board.unanimity_allows_abstention,
    )
    facts = DecisionOutcome.of_vote(
        current.number,
        secret=proposal.secret,
        rule=rule,
        voters=board.voter_rule,
        quorum=quorum_view.result,
        tally=counted,
        entitled=entitled,
    )
    decision_id, number = _conclude(
        session,
        current,
        proposal,
        {
            "outcome": result.value,
            "quorum_met": True,
            "entitled_weight": entitled,
            "for_weight": counted.for_weight,
            "against_weight": counted.against_weight,
            "abstain_weight": counted.abstain_weight,
        },
        proposal_status=result.value,
        decided=(DecisionMethod.VOTE, facts) if result == Outcome.ADOPTED else None,
    )
    return VoteResult(result, counted, entitled, facts, decision_id, number)


def _conclude(
    session: Session,
    current: m.Round,
    proposal: m.Proposal,
    outcome_fields: dict[str, object],
    *,
    proposal_status: str | None,
    decided: tuple[DecisionMethod, DecisionOutcome] | None,
    review_date: dt.date | None = None,
) -> tuple[int | None, str | None]:
    """The end every round shares, in one transaction: the round closed with its outcome, the
    proposal's status set (None: it stays open), and when the round adopted it (`decided`:
    the method and its facts) the decision recorded from the version the round decided on.
    Returns the decision's id and number, or (None, None)."""
    with session.database.transaction():
        session.repo.update("rounds", current.id or 0, {"status": "closed", **outcome_fields})
        if proposal_status is not None:
            session.repo.update("proposals", proposal.id or 0, {"status": proposal_status})
        if decided is None:
            return None, None
        method, facts = decided
        version = session.repo.model(m.ProposalVersion, current.version_id)
        return record_decision(
            session,
            proposal.meeting_id,
            proposal.agenda_item_id,
            proposal.title,
            version.text,
            method,
            facts,
            proposal_id=proposal.id,
            agreement_id=proposal.agreement_id,
            review_date=review_date,
        )


# -- consent rounds ------------------------------------------------------------------------


def answers(session: Session, round_id: int) -> list[consent.Answer]:
    return as_answers(session.repo.answers(round_id))


def as_answers(rows: list[m.ConsentAnswer]) -> list[consent.Answer]:
    """A round's answer rows as the consent rules read them, in the order given."""
    return [consent.Answer(a.member_id, a.answer, a.note) for a in rows]


def next_in_round(session: Session, round_id: int) -> int | None:
    current = session.repo.model(m.Round, round_id)
    return consent.next_voter(current.voter_order, answers(session, round_id))


@one_transaction
def give_answer(
    session: Session, round_id: int, member_id: int, kind: ConsentAnswerKind, note: str = ""
) -> None:
    """One voter's answer in a consent round: consent, concern, objection (with reason), pass."""
    session.require(RECORD, _("record a consent answer"))
    current = require_open_round(session, round_id, DecisionMethod.CONSENT)
    kind = ConsentAnswerKind(kind)
    consent.check_answer(kind, note)
    given = answers(session, round_id)
    name = session.repo.model(m.Member, member_id).name
    if member_id not in current.voter_order:
        raise Conflict(_("{name} is not in this round").format(name=name))
    final = consent.final_answers(given)
    if member_id in final and final[member_id].kind != ConsentAnswerKind.PASS:
        raise Conflict(_("{name} has answered already").format(name=name))
    if kind == ConsentAnswerKind.PASS and not consent.may_pass(member_id, given):
        raise Conflict(_("{name} passed once already; an answer is needed now").format(name=name))
    insert_answer(session, round_id, member_id, len(given) + 1, kind, note)


def insert_answer(
    session: Session, round_id: int, member_id: int, seq: int, kind: ConsentAnswerKind, note: str
) -> None:
    """A voter's answer as the round's next row, saying who entered it."""
    session.repo.insert(
        "consent_answers",
        {
            "round_id": round_id,
            "member_id": member_id,
            "seq": seq,
            "answer": ConsentAnswerKind(kind).value,
            "note": note.strip(),
            "entered_by_id": _user_id(session),
        },
    )


@one_transaction
def ask_later(session: Session, round_id: int, member_id: int) -> None:
    """The chair reorders the round: a voter who has not answered yet is asked last."""
    session.require(RECORD, _("reorder the round"))
    current = require_open_round(session, round_id, DecisionMethod.CONSENT)
    if member_id not in current.voter_order:
        name = session.repo.model(m.Member, member_id).name
        raise Conflict(_("{name} is not in this round").format(name=name))
    if any(a.member_id == member_id for a in answers(session, round_id)):
        name = session.repo.model(m.Member, member_id).name
        raise Conflict(_("{name} has answered already").format(name=name))
    order = [m for m in current.voter_order if m != member_id] + [member_id]
    session.repo.update("rounds", round_id, {"voter_order": json.dumps(order)})


@dataclass(frozen=True)
class ConsentResult:
    adopted: bool
    objections: list[consent.Answer]
    concerns: list[consent.Answer]
    decision_id: int | None
    decision_number: str | None


def default_review_date(session: Session, round_id: int) -> dt.date:
    """Six months (the board's review period) after the meeting that takes the decision."""
    current = session.repo.model(m.Round, round_id)
    proposal = session.repo.model(m.Proposal, current.proposal_id)
    board = session.repo.board()
    months = board.consent_review_months if board else 6
    return meeting(session, proposal.meeting_id).starts_at.date() + relativedelta(months=months)


@one_transaction
def close_consent(
    session: Session, round_id: int, review_date: dt.date | None = None
) -> ConsentResult:
    """End a complete round: no objection → a consent decision with its concerns and review
    date (default: the board's review months on); objections → the proposal stays open."""
    session.require(RECORD, _("close a consent round"))
    current = require_open_round(session, round_id, DecisionMethod.CONSENT)
    given = answers(session, round_id)
    if not consent.is_complete(current.voter_order, given):
        raise Conflict(_("not everyone has answered yet"))
    proposal = session.repo.model(m.Proposal, current.proposal_id)
    objections, concerns = consent.objections(given), consent.concerns(given)
    adopted = not objections
    facts = DecisionOutcome.of_consent(
        current.number,
        quorum=quorum_now(session, proposal.meeting_id).result,
        concerns=len(concerns),
    )
    decision_id, number = _conclude(
        session,
        current,
        proposal,
        {"outcome": "adopted" if adopted else "objection"},
        proposal_status="adopted" if adopted else None,
        decided=(DecisionMethod.CONSENT, facts) if adopted else None,
        review_date=review_date or default_review_date(session, round_id),
    )
    return ConsentResult(adopted, objections, concerns, decision_id, number)


@one_transaction
def amend(session: Session, proposal_id: int, text: str, *, on_version: int | None = None) -> int:
    """A new version of the proposal after objections (the old one is kept); returns its id.
    `on_version`: the version the user amended; when someone else amended it meanwhile,
    refused (saying who), so that neither amendment silently replaces the other."""
    session.require(RECORD, _("amend the proposal"))
    proposal = _open_proposal(session, proposal_id)
    if any(r.status == "open" for r in session.repo.rounds(proposal_id)):
        raise Conflict(_("close the open round before amending"))
    if not text.strip():
        raise ValidationProblem(_("the proposal needs a text"), "text")
    versions = session.repo.versions(proposal_id)
    if on_version is not None and versions[-1].version != on_version:
        by, at = session.repo.last_change("proposal_versions", versions[-1].id or 0)
        raise Conflict(
            _("{name} amended the proposal meanwhile (version {n}, at {time})").format(
                name=by, n=versions[-1].version, time=local_time(at)
            )
        )
    if text.strip() == versions[-1].text:
        raise ValidationProblem(_("the amended text is the same as the current version"), "text")
    return session.repo.insert(
        "proposal_versions",
        {"proposal_id": proposal.id, "version": versions[-1].version + 1, "text": text.strip()},
    )


@one_transaction
def end_proposal(session: Session, proposal_id: int, status: ProposalStatus) -> None:
    """Withdraw or defer a proposal (an open round on it is closed without outcome)."""
    session.require(RECORD, _("withdraw or defer the proposal"))
    if status not in (ProposalStatus.WITHDRAWN, ProposalStatus.DEFERRED):
        raise ValidationProblem(_("a proposal is ended by withdrawing or deferring it"), "status")
    _open_proposal(session, proposal_id)
    with session.database.transaction():
        for current in session.repo.rounds(proposal_id):
            if current.status == "open":
                session.repo.update(
                    "rounds", current.id or 0, {"status": "closed", "outcome": status.value}
                )
        session.repo.update("proposals", proposal_id, {"status": status.value})


# -- decisions and actions -----------------------------------------------------------------


def _next_number(session: Session, table: str, prefix: str, meeting_id: int) -> str:
    current = meeting(session, meeting_id)
    year, nr = current.starts_at.year, number_of(session, current)
    stem = f"{prefix}{year}-{nr:02}-"
    sequence = next_sequence(session.repo.numbers_like(table, stem), prefix, year, nr)
    make = decision_number if prefix == "B" else action_number
    return make(year, nr, sequence)


@one_transaction
def record_decision(
    session: Session,
    meeting_id: int,
    item_id: int | None,
    title: str,
    text: str,
    method: DecisionMethod = DecisionMethod.ACCLAMATION,
    facts: DecisionOutcome | None = None,
    *,
    proposal_id: int | None = None,
    review_date: dt.date | None = None,
    supersedes_id: int | None = None,
    revokes: bool = False,
    agreement_id: int | None = None,
) -> tuple[int, str]:
    """A numbered decision (also outside votes, e.g. by acclamation); returns id and number.
    Naming an earlier decision supersedes it (or, with `revokes`, revokes it); naming a result
    agreement makes it a steering decision on the werkagenda."""
    session.require(RECORD, _("record a decision"))
    in_progress(session, meeting_id)
    if not title.strip():
        raise ValidationProblem(_("the decision needs a title"), "title")
    theme_id = None
    if item_id is not None:
        theme_id = session.repo.model(m.AgendaItem, item_id).theme_id
    with session.database.transaction():
        number = _next_number(session, "decisions", "B", meeting_id)
        decision_id = session.repo.insert(
            "decisions",
            {
                "number": number,
                "title": title.strip(),
                "text": text.strip(),
                "meeting_id": meeting_id,
                "agenda_item_id": item_id,
                "proposal_id": proposal_id,
                "method": DecisionMethod(method).value,
                "outcome": (facts or DecisionOutcome()).to_json(),
                "review_date": review_date.isoformat() if review_date else None,
                "theme_id": theme_id,
                "supersedes_id": supersedes_id,
                "agreement_id": agreement_id,
            },
        )
        if supersedes_id is not None:
            earlier = session.repo.model(m.Decision, supersedes_id)
            if earlier.status != "in_force":
                raise Conflict(_("{number} is no longer in force").format(number=earlier.number))
            status = "revoked" if revokes else "superseded"
            session.repo.update("decisions", supersedes_id, {"status": status})
    return decision_id, number


@one_transaction
def add_action(
    session: Session,
    meeting_id: int,
    text: str,
    owner: str,
    due: str,
    *,
    item_id: int | None = None,
    decision_id: int | None = None,
) -> tuple[int, str]:
    """An action in one line: text, owner (a few letters of the name), due (`+2w` or a date)."""
    session.require(RECORD, _("add an action"))
    current = in_progress(session, meeting_id)
    if not text.strip():
        raise ValidationProblem(_("the action needs a text"), "text")
    person = find_member(session.repo, owner, "owner")
    if not session.repo.model(m.Member, person.id).is_active(current.starts_at.date()):
        raise Conflict(_("{name} is no longer a member").format(name=person.name), "owner")
    due_date = parse_due(due, current.starts_at.date())  # `+2w`: two weeks after the meeting
    if decision_id is not None:
        try:
            session.repo.get("decisions", decision_id)
        except NotFound:
            raise NotFound(_("no such decision"), "decision") from None
    with session.database.transaction():
        number = _next_number(session, "actions", "A", meeting_id)
        action_id = session.repo.insert(
            "actions",
            {
                "number": number,
                "text": text.strip(),
                "owner_id": person.id,
                "due_date": due_date.isoformat(),
                "meeting_id": meeting_id,
                "agenda_item_id": item_id,
                "decision_id": decision_id,
            },
        )
    return action_id, number


# -- what the vote and consent screens show ------------------------------------------------


@dataclass(frozen=True)
class RoundView:
    round: m.Round
    proposal: m.Proposal
    version: m.ProposalVersion
    ballots: dict[int, Choice]  # roll-call: voter → choice
    answers: list[consent.Answer]
    weights: dict[int, float]  # voter → weight
    tally: Tally
    decision: m.Decision | None = None  # what the proposal became, once a round adopted it
    #: voter → who entered their ballot or (last) answer: the voter themselves from their own
    #: screen, the chair or secretary at the console, None when it was not kept (before)
    entered_by: dict[int, int | None] = field(default_factory=dict)

    def answered_themselves(self, voter: int) -> bool:
        return self.entered_by.get(voter) == voter

    @property
    def next_voter(self) -> int | None:
        if self.round.kind == DecisionMethod.CONSENT:
            return consent.next_voter(self.round.voter_order, self.answers)
        return next((v for v in self.round.voter_order if v not in self.ballots), None)


def round_view(session: Session, round_id: int) -> RoundView:
    current = session.repo.model(m.Round, round_id)
    proposal = session.repo.model(m.Proposal, current.proposal_id)
    voters = {v.member_id: v.weight for v in entitled_voters(session, proposal.meeting_id)}
    ballots = session.repo.ballots(round_id)
    rows = session.repo.answers(round_id)  # in the order given: the last one counts
    entered_by = {a.member_id: a.entered_by_id for a in rows}
    entered_by.update({b.voter_id: b.entered_by_id for b in ballots})
    return RoundView(
        round=current,
        proposal=proposal,
        version=session.repo.model(m.ProposalVersion, current.version_id),
        ballots={b.voter_id: b.choice for b in ballots},
        answers=as_answers(rows),
        entered_by=entered_by,
        weights={v: voters.get(v, 1.0) for v in current.voter_order},
        tally=tally(session, round_id),
        decision=session.repo.decision_for_proposal(current.proposal_id)
        if current.status != "open"
        else None,
    )


@one_transaction
def propose(
    session: Session,
    item_id: int,
    text: str,
    method: DecisionMethod,
    *,
    secret: bool = False,
    vote_rule: VoteRule | None = None,
    agreement_id: int | None = None,
) -> int:
    """Put a proposal and open its first round at once; returns the round. Nothing is kept
    when the round cannot start (e.g. without quorum)."""
    with session.database.transaction():
        proposal_id = put_proposal(
            session,
            item_id,
            text,
            method,
            secret=secret,
            vote_rule=vote_rule,
            agreement_id=agreement_id,
        )
        return open_round(session, proposal_id)
