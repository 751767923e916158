import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardroom.domain.consent import (
    Answer,
    adopted,
    check_answer,
    is_complete,
    may_pass,
    next_voter,
    objections,
)
from boardroom.domain.enums import ConsentAnswerKind as K
from boardroom.domain.errors import ValidationProblem

ORDER = [11, 12, 13, 14]


def test_the_round_goes_in_seat_order_and_asks_passers_again_at_the_end():
    given_answers: list[Answer] = []
    assert next_voter(ORDER, given_answers) == 11
    given_answers.append(Answer(11, K.PASS))
    assert next_voter(ORDER, given_answers) == 12
    given_answers += [Answer(12, K.CONSENT), Answer(13, K.CONCERN, "let op"), Answer(14, K.CONSENT)]
    assert next_voter(ORDER, given_answers) == 11 and not is_complete(ORDER, given_answers)
    assert not may_pass(11, given_answers)
    given_answers.append(Answer(11, K.OBJECTION, "geen dekking"))
    assert is_complete(ORDER, given_answers)
    assert [a.member_id for a in objections(given_answers)] == [11]
    assert not adopted(ORDER, given_answers)


@pytest.mark.parametrize(
    ("kind", "note"), [(K.OBJECTION, ""), (K.OBJECTION, "  "), (K.CONCERN, "")]
)
def test_objections_need_a_reason_and_concerns_a_text(kind, note):
    with pytest.raises(ValidationProblem):
        check_answer(kind, note)


final_kinds = st.sampled_from([K.CONSENT, K.CONCERN, K.OBJECTION])


@given(st.lists(st.tuples(st.booleans(), final_kinds), min_size=1, max_size=12))
def test_adopted_iff_the_completed_round_has_no_objection(plan):
    """Whatever the passes, a complete round is adopted exactly when no final answer objects."""
    order = list(range(len(plan)))
    answers: list[Answer] = []
    while (voter := next_voter(order, answers)) is not None:
        passes_first, final = plan[voter]
        if passes_first and may_pass(voter, answers):
            answers.append(Answer(voter, K.PASS))
        else:
            answers.append(Answer(voter, final, "reden"))
    assert is_complete(order, answers)
    assert adopted(order, answers) == all(final != K.OBJECTION for _, final in plan)
    assert len(answers) == len(plan) + sum(1 for passes_first, _ in plan if passes_first)


@given(st.lists(final_kinds, min_size=1, max_size=12))
def test_no_voter_is_skipped_or_asked_twice_without_a_pass(finals):
    order = list(range(len(finals)))
    asked = []
    answers: list[Answer] = []
    while (voter := next_voter(order, answers)) is not None:
        asked.append(voter)
        answers.append(Answer(voter, finals[voter], "reden"))
    assert asked == order
