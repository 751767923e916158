"""A decision's outcome as facts (how it was taken, the quorum, the count), and the one
sentence every screen and document renders from them in the reader's language.

The record keeps the facts, never the sentence: minutes of a meeting run in English read
entirely in Dutch when exported with `--lang nl`, and the plural is right in both ("1 zorg",
"2 zorgen").
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict

from boardroom.domain.enums import DecisionMethod, VoterRule, VoteRule
from boardroom.domain.voting import QuorumResult, Tally
from boardroom.i18n import _, label, n_


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


def rule_name(rule: VoteRule) -> str:
    return {
        VoteRule.SIMPLE: _("simple majority"),
        VoteRule.ABSOLUTE: _("absolute majority"),
        VoteRule.QUALIFIED: _("qualified majority"),
        VoteRule.UNANIMITY: _("unanimity"),
    }[rule]


def voters_name(rule: VoterRule) -> str:
    return {
        VoterRule.MEMBER: _("one vote per member"),
        VoterRule.PERSPECTIVE: _("one vote per perspective"),
        VoterRule.WEIGHTED_MEMBER: _("votes weighted per member"),
        VoterRule.WEIGHTED_PERSPECTIVE: _("votes weighted per perspective"),
    }[rule]


def describe_quorum(present: int, total: int, needed: int, unit: str) -> str:
    """`8 of 9 perspectives present, 5 needed`."""
    return _("{present} of {total} {unit} present, {needed} needed").format(
        present=present, total=total, unit=_(unit), needed=needed
    )


def describe(
    method: DecisionMethod | str,
    facts: DecisionOutcome,
    recorded: str = "",
    *,
    result: str | None = "adopted",
) -> str:
    """The outcome in one sentence, in the current language. `recorded`: the sentence a
    decision stored before its facts were (shown only where no facts could be found);
    `result`: a vote's result (a decision's is adopted; a rejected vote has none; None
    leaves it out, where the screen says it in words of its own)."""
    method = DecisionMethod(method)
    if method == DecisionMethod.ACCLAMATION:
        return _("by acclamation")
    if facts.round is None:
        return recorded or label(method)
    parts = []
    if method == DecisionMethod.VOTE:
        how = _("secret ballot") if facts.secret else _("roll-call vote")
        if facts.round > 1:
            how += " " + _("(round {n})").format(n=facts.round)
        parts.append(
            ", ".join(
                [how]
                + ([rule_name(facts.rule)] if facts.rule else [])
                + ([voters_name(facts.voters)] if facts.voters else [])
            )
        )
    else:
        parts.append(_("consent in round {n}").format(n=facts.round))
    if facts.quorum_present is not None:
        parts.append(
            _("quorum")
            + " "
            + describe_quorum(
                facts.quorum_present,
                facts.quorum_total or 0,
                facts.quorum_needed or 0,
                facts.quorum_unit or "members",
            )
        )
    if method == DecisionMethod.VOTE and facts.for_weight is not None:
        parts.append(
            _("{f:g} for, {a:g} against, {e:g} abstained of {entitled:g} entitled").format(
                f=facts.for_weight,
                a=facts.against_weight or 0,
                e=facts.abstain_weight or 0,
                entitled=facts.entitled_weight or 0,
            )
        )
        if result is not None:
            parts.append(label(result))
    if facts.concerns:
        parts.append(n_("{n} concern", "{n} concerns", facts.concerns).format(n=facts.concerns))
    return "; ".join(parts)
