import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardroom.domain.models import AttendanceStatus as S
from boardroom.domain.models import Choice, Circle, QuorumRule, TieRule, VoterRule, VoteRule
from boardroom.domain.voting import (
    Outcome,
    Seat,
    Tally,
    entitled_weight,
    outcome,
    quorum,
    voting_seats,
)

ADOPTED, REJECTED = Outcome.ADOPTED, Outcome.REJECTED


def seat(member, perspective, attendance=S.PRESENT, circle=Circle.INNER, mw=None, pw=1.0):
    return Seat(member, perspective, circle, mw, pw, attendance)


@pytest.mark.parametrize(
    ("rule", "f", "a", "e", "entitled", "expected"),
    [
        (VoteRule.SIMPLE, 5, 4, 0, 12, ADOPTED),
        (VoteRule.SIMPLE, 4, 4, 3, 12, REJECTED),  # tie
        (VoteRule.SIMPLE, 1, 0, 8, 12, ADOPTED),  # abstentions are not votes cast
        (VoteRule.SIMPLE, 0, 0, 5, 12, REJECTED),
        (VoteRule.ABSOLUTE, 6, 0, 0, 12, REJECTED),  # 6 is not more than 12/2
        (VoteRule.ABSOLUTE, 7, 1, 0, 12, ADOPTED),
        (VoteRule.QUALIFIED, 6, 3, 0, 12, ADOPTED),  # 6 >= 2/3 * 9
        (VoteRule.QUALIFIED, 5, 3, 0, 12, REJECTED),  # 5 < 2/3 * 8
        (VoteRule.UNANIMITY, 9, 0, 2, 12, ADOPTED),
        (VoteRule.UNANIMITY, 9, 1, 0, 12, REJECTED),
        (VoteRule.UNANIMITY, 0, 0, 3, 12, REJECTED),
    ],
)
def test_majority_rules(rule, f, a, e, entitled, expected):
    assert outcome(Tally(f, a, e), rule, entitled) == expected


def test_qualified_share_is_configurable():
    assert outcome(Tally(3, 2, 0), VoteRule.QUALIFIED, 5, qualified_share=0.6) == ADOPTED
    assert outcome(Tally(3, 2, 0), VoteRule.QUALIFIED, 5, qualified_share=0.75) == REJECTED


def test_unanimity_can_refuse_abstentions():
    tally = Tally(8, 0, 1)
    assert outcome(tally, VoteRule.UNANIMITY, 9, unanimity_allows_abstention=False) == REJECTED


@pytest.mark.parametrize(("chair", "expected"), [(Choice.FOR, ADOPTED), (Choice.AGAINST, REJECTED)])
def test_a_tie_goes_to_the_chairs_casting_vote_only_when_the_board_says_so(chair, expected):
    tally = Tally(4, 4, 1)
    assert (
        outcome(tally, VoteRule.SIMPLE, 9, tie_rule=TieRule.CHAIR_CASTING, chair_choice=chair)
        == expected
    )
    assert outcome(tally, VoteRule.SIMPLE, 9, chair_choice=chair) == REJECTED


def test_tally_adds_weights_per_choice():
    assert Tally.of(
        [(Choice.FOR, 3), (Choice.FOR, 1), (Choice.AGAINST, 2), (Choice.ABSTAIN, 1)]
    ) == Tally(4, 2, 1)


def test_quorum_more_than_half_of_members_with_substitutes_counting():
    seats = [
        seat(1, 1),
        seat(2, 1, S.SUBSTITUTE),
        seat(3, 2, S.ABSENT),
        seat(4, 3, S.ABSENT_WITH_NOTICE),
    ]
    result = quorum(seats, QuorumRule.MEMBER_SHARE, 0.5)
    assert (result.met, result.present, result.total, result.needed) == (False, 2, 4, 3)
    seats[2] = seat(3, 2, S.REMOTE)
    assert quorum(seats, QuorumRule.MEMBER_SHARE, 0.5).met


def test_quorum_by_perspectives_and_by_count():
    seats = [seat(1, 1), seat(2, 1, S.ABSENT), seat(3, 2, S.ABSENT), seat(4, 3)]
    by_perspective = quorum(seats, QuorumRule.PERSPECTIVE_SHARE, 0.5)
    assert (by_perspective.met, by_perspective.present, by_perspective.total) == (True, 2, 3)
    assert quorum(seats, QuorumRule.MEMBER_COUNT, 3).met is False
    assert quorum(seats, QuorumRule.MEMBER_COUNT, 2).met is True


def test_only_the_inner_circle_votes_unless_the_board_says_otherwise():
    seats = [seat(1, 1), seat(2, 2, circle=Circle.OUTER)]
    assert [s.member_id for s in voting_seats(seats, outer_circle_votes=False)] == [1]
    assert len(voting_seats(seats, outer_circle_votes=True)) == 2


def test_entitled_weight_per_voter_rule():
    seats = [seat(1, 1, mw=3, pw=2), seat(2, 1, pw=2), seat(3, 2, S.ABSENT, pw=1)]
    assert entitled_weight(seats, VoterRule.MEMBER) == 3
    assert entitled_weight(seats, VoterRule.PERSPECTIVE) == 2
    assert entitled_weight(seats, VoterRule.WEIGHTED_MEMBER) == 5  # 3 + 1 + 1
    assert entitled_weight(seats, VoterRule.WEIGHTED_PERSPECTIVE) == 3  # 2 + 1


weights = st.integers(min_value=0, max_value=50)
rules = st.sampled_from(list(VoteRule))


@given(weights, weights, weights, weights)
def test_an_abstention_never_changes_a_simple_majority(f, a, e, extra):
    before = outcome(Tally(f, a, e), VoteRule.SIMPLE, 100)
    assert outcome(Tally(f, a, e + extra), VoteRule.SIMPLE, 100) == before


@given(weights, weights, rules)
def test_swapping_for_and_against_flips_the_outcome_except_on_a_tie(f, a, rule):
    if f == a or rule in (VoteRule.ABSOLUTE,):
        return
    first = outcome(Tally(f, a, 0), rule, f + a)
    swapped = outcome(Tally(a, f, 0), rule, f + a)
    if rule == VoteRule.SIMPLE:
        assert first != swapped
    else:  # stricter rules: never both adopted
        assert not (first == ADOPTED and swapped == ADOPTED)


@given(weights, weights, rules)
def test_a_tie_is_always_rejected_without_a_casting_vote(w, e, rule):
    assert outcome(Tally(w, w, e), rule, 2 * w + e) == REJECTED
