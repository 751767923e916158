"""The record in words: a decision's outcome, a quorum, a majority rule, a refused save —
made from the facts the record keeps, in the reader's language (the domain keeps facts and
knows no language)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from boardroom.domain.clock import local_time
from boardroom.domain.enums import DecisionMethod, VoterRule, VoteRule
from boardroom.domain.outcome import DecisionOutcome
from boardroom.i18n import _, format_number, label, n_

if TYPE_CHECKING:
    from boardroom.domain.models import Decision


def entered_label(own: bool, by: str) -> str:
    """How a ballot or answer came into the record: from the voter's own screen, or recorded
    for them by the chair or the secretary ("" when the record does not say: before 2026)."""
    if own:
        return _("own screen")
    return _("recorded by {name}").format(name=by) if by else ""


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


def _count(weight: float) -> int:
    """The count a plural form is chosen by: one for exactly 1, else many (a weight of 1.5)."""
    return 1 if weight == 1 else 2


def tally_text(
    for_weight: float, against: float, abstained: float, entitled: float | None = None
) -> str:
    """`5 for, 3 against, 1 abstention; 9 entitled to vote` — in Dutch with its plurals
    (`1 onthouding`, `2 onthoudingen`) and decimal commas."""
    abstentions = n_("{n} abstention", "{n} abstentions", _count(abstained))
    text = _("{f} for, {a} against, {abstentions}").format(
        f=format_number(for_weight),
        a=format_number(against),
        abstentions=abstentions.format(n=format_number(abstained)),
    )
    if entitled is not None:
        voters = n_("{n} entitled to vote", "{n} entitled to vote", _count(entitled))
        text += "; " + voters.format(n=format_number(entitled))
    return text


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
            tally_text(
                facts.for_weight,
                facts.against_weight or 0,
                facts.abstain_weight or 0,
                facts.entitled_weight or 0,
            )
        )
        if result is not None:
            parts.append(label(result))
    if facts.concerns:
        parts.append(n_("{n} concern", "{n} concerns", facts.concerns).format(n=facts.concerns))
    return "; ".join(parts)


def decision_outcome(decision: Decision, *, with_result: bool = True) -> str:
    """How a decision was taken, in one sentence (`with_result`: the word adopted at its end,
    left out where a screen says it in large letters)."""
    return describe(
        decision.method,
        decision.outcome,
        decision.outcome_summary,
        result="adopted" if with_result else None,
    )


def stale_message(actor: str, at: str) -> str:
    """ "changed by NAME at 16:05:12 since you opened it; nothing saved"."""
    return _("changed by {name} at {time} since you opened it; nothing saved").format(
        name=actor, time=local_time(at)
    )
