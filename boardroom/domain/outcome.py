"""A decision's outcome as facts: how it was taken, the quorum, the count.

The record keeps the facts, never the sentence (boardroom.i18n.record renders them in the
reader's language): minutes of a meeting run in English read entirely in Dutch when exported
with `--lang nl`, and the plural is right in both ("1 zorg", "2 zorgen").
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict

from boardroom.domain.enums import VoterRule, VoteRule
from boardroom.domain.voting import QuorumResult, Tally


class DecisionOutcome(BaseModel):
    """The facts of a vote or consent round that adopted a decision (empty for acclamation).

    `round`: the round that adopted it; the quorum as counted when the round closed; for a
    vote the rule, who voted (the voter rule) and the weights; for consent the number of
    concerns noted (the concerns themselves are the round's answers)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    round: int | None = None
    secret: bool = False
    rule: VoteRule | None = None
    voters: VoterRule | None = None
    quorum_present: int | None = None
    quorum_total: int | None = None
    quorum_needed: int | None = None
    quorum_unit: Literal["members", "perspectives"] | None = None
    for_weight: float | None = None
    against_weight: float | None = None
    abstain_weight: float | None = None
    entitled_weight: float | None = None
    concerns: int = 0

    @classmethod
    def of_vote(
        cls,
        round_number: int,
        *,
        secret: bool,
        rule: VoteRule,
        voters: VoterRule,
        quorum: QuorumResult,
        tally: Tally,
        entitled: float,
    ) -> DecisionOutcome:
        return cls(
            round=round_number,
            secret=secret,
            rule=rule,
            voters=voters,
            **_quorum(quorum),
            for_weight=tally.for_weight,
            against_weight=tally.against_weight,
            abstain_weight=tally.abstain_weight,
            entitled_weight=entitled,
        )

    @classmethod
    def of_consent(
        cls, round_number: int, *, quorum: QuorumResult | None, concerns: int
    ) -> DecisionOutcome:
        return cls(round=round_number, **(_quorum(quorum) if quorum else {}), concerns=concerns)

    def to_json(self) -> str:
        """The stored form: only what is known (the same facts, the same text)."""
        return json.dumps(self.model_dump(mode="json", exclude_defaults=True))

    @classmethod
    def from_json(cls, text: str | None) -> DecisionOutcome:
        return cls.model_validate(json.loads(text or "{}"))


def _quorum(quorum: QuorumResult) -> dict[str, object]:
    return {
        "quorum_present": quorum.present,
        "quorum_total": quorum.total,
        "quorum_needed": quorum.needed,
        "quorum_unit": quorum.unit,
    }
