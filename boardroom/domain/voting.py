"""Quorum, entitled voters and the majority rules.

Pure functions over plain values, so every rule is table-tested without a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from boardroom.domain.enums import (
    AttendanceStatus,
    Choice,
    Circle,
    QuorumRule,
    TieRule,
    VoterRule,
    VoteRule,
)

PRESENT_STATUSES = frozenset(
    {AttendanceStatus.PRESENT, AttendanceStatus.REMOTE, AttendanceStatus.SUBSTITUTE}
)


@dataclass(frozen=True)
class Seat:
    """A voting member as the rules see them at one meeting."""

    member_id: int
    perspective_id: int | None
    circle: Circle
    member_weight: float | None
    perspective_weight: float
    attendance: AttendanceStatus | None

    @property
    def present(self) -> bool:
        # A substitute counts for the member they replace.
        return self.attendance in PRESENT_STATUSES


@dataclass(frozen=True)
class QuorumResult:
    met: bool
    present: int
    total: int
    needed: int
    unit: str  # "members" or "perspectives"


def voting_seats(seats: Iterable[Seat], outer_circle_votes: bool) -> list[Seat]:
    """The seats that vote: the inner circle only, unless the board says otherwise."""
    return [s for s in seats if outer_circle_votes or s.circle == Circle.INNER]


def quorum(seats: Sequence[Seat], rule: QuorumRule, value: float) -> QuorumResult:
    """Whether enough voting members (or perspectives) are present.

    Shares are "more than": 0.5 means more than half. A member count is "at least N".
    """
    if rule == QuorumRule.PERSPECTIVE_SHARE:
        all_units = {s.perspective_id for s in seats}
        present_units = {s.perspective_id for s in seats if s.present}
        unit = "perspectives"
    else:
        all_units = {s.member_id for s in seats}
        present_units = {s.member_id for s in seats if s.present}
        unit = "members"
    total, present = len(all_units), len(present_units)
    if rule == QuorumRule.MEMBER_COUNT:
        needed = int(value)
    else:
        needed = int(total * value) + 1  # the smallest count strictly above the share
        needed = min(needed, total) if total else 1
    return QuorumResult(
        met=present >= needed, present=present, total=total, needed=needed, unit=unit
    )


def vote_weight(seat: Seat, rule: VoterRule) -> float:
    if rule == VoterRule.WEIGHTED_MEMBER:
        return seat.member_weight if seat.member_weight is not None else 1.0
    if rule == VoterRule.WEIGHTED_PERSPECTIVE:
        return seat.perspective_weight
    return 1.0


def entitled_weight(seats: Sequence[Seat], rule: VoterRule) -> float:
    """E: the weight of all entitled voters, present or not."""
    if rule in (VoterRule.PERSPECTIVE, VoterRule.WEIGHTED_PERSPECTIVE):
        weights = {s.perspective_id: vote_weight(s, rule) for s in seats}
        return float(sum(weights.values()))
    return float(sum(vote_weight(s, rule) for s in seats))


class Outcome(StrEnum):
    ADOPTED = "adopted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Tally:
    for_weight: float
    against_weight: float
    abstain_weight: float

    @classmethod
    def of(cls, ballots: Iterable[tuple[Choice, float]]) -> Tally:
        totals = {Choice.FOR: 0.0, Choice.AGAINST: 0.0, Choice.ABSTAIN: 0.0}
        for choice, weight in ballots:
            totals[Choice(choice)] += weight
        return cls(totals[Choice.FOR], totals[Choice.AGAINST], totals[Choice.ABSTAIN])


def outcome(
    tally: Tally,
    rule: VoteRule,
    entitled: float,
    *,
    qualified_share: float = 2 / 3,
    tie_rule: TieRule = TieRule.REJECT,
    chair_choice: Choice | None = None,
    unanimity_allows_abstention: bool = True,
) -> Outcome:
    """Adopted or rejected, exactly per the majority rules."""
    f, a = tally.for_weight, tally.against_weight
    if f == a and (f > 0 or rule != VoteRule.UNANIMITY):
        if tie_rule == TieRule.CHAIR_CASTING and chair_choice == Choice.FOR:
            return Outcome.ADOPTED
        return Outcome.REJECTED
    if rule == VoteRule.SIMPLE:
        adopted = f > (f + a) / 2
    elif rule == VoteRule.ABSOLUTE:
        adopted = f > entitled / 2
    elif rule == VoteRule.QUALIFIED:
        adopted = f >= qualified_share * (f + a) and f > 0
    else:
        adopted = a == 0 and f > 0
        if not unanimity_allows_abstention and tally.abstain_weight > 0:
            adopted = False
    return Outcome.ADOPTED if adopted else Outcome.REJECTED


@dataclass(frozen=True)
class Voter:
    """A present member entitled to cast a vote (or a consent answer), with its weight."""

    member_id: int
    perspective_id: int | None
    weight: float


def voters(seats: Sequence[Seat], rule: VoterRule) -> list[Voter]:
    """Present voters in seat order. Per-perspective rules: the first present member of each
    perspective speaks for it (the seats are given in seat order)."""
    present = [s for s in seats if s.present]
    if rule in (VoterRule.PERSPECTIVE, VoterRule.WEIGHTED_PERSPECTIVE):
        first: dict[int | None, Seat] = {}
        for seat in present:
            first.setdefault(seat.perspective_id, seat)
        present = list(first.values())
    return [Voter(s.member_id, s.perspective_id, vote_weight(s, rule)) for s in present]


def missing_for_quorum(seats: Sequence[Seat], rule: QuorumRule) -> list[int]:
    """Who is not there: member ids of absent voting members (for a perspective rule, of the
    perspectives with no one present)."""
    if rule == QuorumRule.PERSPECTIVE_SHARE:
        present = {s.perspective_id for s in seats if s.present}
        return [s.member_id for s in seats if s.perspective_id not in present]
    return [s.member_id for s in seats if not s.present]
