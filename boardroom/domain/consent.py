"""Consent rounds, as pure functions over the answers given so far.

The round goes around the present voters in seat order. Each gives consent, consent with a
concern (the concern is recorded), an objection (a reason is required) or passes (and is asked
again at the end of the round; a second pass is not allowed). The round ends when everyone has
answered; it is adopted when no one objected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from boardroom.domain.enums import ConsentAnswerKind
from boardroom.domain.errors import ValidationProblem


@dataclass(frozen=True)
class Answer:
    member_id: int
    kind: ConsentAnswerKind
    note: str = ""


def check_answer(kind: ConsentAnswerKind, note: str) -> None:
    """An objection needs its reason, a concern its text."""
    if kind == ConsentAnswerKind.OBJECTION and not note.strip():
        raise ValidationProblem("an objection needs a reason", "reason")
    if kind == ConsentAnswerKind.CONCERN and not note.strip():
        raise ValidationProblem("a concern needs to be written down", "concern")


def final_answers(answers: Sequence[Answer]) -> dict[int, Answer]:
    """Each voter's last answer (a pass is replaced by the answer given when asked again)."""
    last: dict[int, Answer] = {}
    for answer in answers:
        last[answer.member_id] = answer
    return last


def next_voter(order: Sequence[int], answers: Sequence[Answer]) -> int | None:
    """Who is asked now: the first in seat order without an answer, then those who passed."""
    answered = {a.member_id for a in answers}
    for member_id in order:
        if member_id not in answered:
            return member_id
    final = final_answers(answers)
    for member_id in order:
        if final[member_id].kind == ConsentAnswerKind.PASS:
            return member_id
    return None


def may_pass(member_id: int, answers: Sequence[Answer]) -> bool:
    """A voter may pass once per round."""
    return not any(a.member_id == member_id and a.kind == ConsentAnswerKind.PASS for a in answers)


def is_complete(order: Sequence[int], answers: Sequence[Answer]) -> bool:
    return next_voter(order, answers) is None


def objections(answers: Sequence[Answer]) -> list[Answer]:
    return [a for a in final_answers(answers).values() if a.kind == ConsentAnswerKind.OBJECTION]


def concerns(answers: Sequence[Answer]) -> list[Answer]:
    return [a for a in final_answers(answers).values() if a.kind == ConsentAnswerKind.CONCERN]


def adopted(order: Sequence[int], answers: Sequence[Answer]) -> bool:
    """Adopted when the round is complete and no one objects."""
    return is_complete(order, answers) and not objections(answers)
