"""The live meeting through its services, on the demo's next meeting (Thu 10 Dec 2026)."""

import datetime as dt

import pytest

from boardroom.domain import models as m
from boardroom.domain.enums import (
    AttendanceStatus,
    BehaviourScore,
    Choice,
    ConsentAnswerKind,
    DecisionMethod,
    ItemStatus,
    MeetingStatus,
    ProposalStatus,
    VoterRule,
    VoteRule,
)
from boardroom.domain.errors import Conflict, NotFound, PermissionDenied, ValidationProblem
from boardroom.domain.outcome import DecisionOutcome
from boardroom.i18n import set_language
from boardroom.i18n.record import decision_outcome
from boardroom.services import decide, meeting
from boardroom.services.session import open_session

P = AttendanceStatus.PRESENT


class Clock:
    def __init__(self) -> None:
        self.value = dt.datetime(2026, 12, 10, 14, 0, tzinfo=dt.UTC)  # 15:00 in Amsterdam

    def __call__(self) -> dt.datetime:
        return self.value

    def advance(self, **delta) -> None:
        self.value += dt.timedelta(**delta)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def chair(demo_path, clock):
    session = open_session(demo_path, as_name="Marianne van der Velde", now=clock)
    yield session
    session.close()


def next_meeting_id(session):
    return session.repo.meeting_at("2026-12-10T15:00").id


def member(session, name):
    return session.repo.member_by_name(name).id


def first_of_each_perspective(session):
    seen, ids = set(), []
    for x in session.repo.members():
        if (
            x.perspective_id
            and x.circle.value == "inner"
            and x.is_active(dt.date(2026, 12, 10))
            and x.perspective_id not in seen
        ):
            seen.add(x.perspective_id)
            ids.append(x.id)
    return ids


def opened(session, present=None):
    mid = next_meeting_id(session)
    meeting.start_meeting(session, mid)
    for member_id in present if present is not None else first_of_each_perspective(session):
        meeting.set_attendance(session, mid, member_id, P)
    return mid


def deciding_item(session, mid):
    return next(
        i
        for i in session.repo.items(mid)
        if i.purpose.value == "deciding" and i.kind.value == "theme"
    )


def test_only_the_chair_opens_and_closes(demo_path, clock):
    secretary = open_session(demo_path, as_name="Els Verhoeven", now=clock)
    mid = next_meeting_id(secretary)
    with pytest.raises(PermissionDenied, match="Els Verhoeven .* may not open the meeting"):
        meeting.start_meeting(secretary, mid)
    assert secretary.repo.model(m.Meeting, mid).status == MeetingStatus.AGENDA_DRAFT
    vice = open_session(demo_path, as_name="Joost Bakker", now=clock)
    meeting.start_meeting(vice, mid)
    started = vice.repo.model(m.Meeting, mid)
    assert started.status == MeetingStatus.IN_PROGRESS
    assert started.current_item_id == vice.repo.items(mid)[0].id
    with pytest.raises(PermissionDenied, match="may not close the meeting"):
        meeting.close_meeting(secretary, mid)
    meeting.close_meeting(vice, mid)
    assert vice.repo.model(m.Meeting, mid).status == MeetingStatus.CLOSED
    secretary.close()
    vice.close()


def test_quorum_is_live_and_names_who_is_missing(chair):
    mid = opened(chair, present=[])
    everyone = first_of_each_perspective(chair)
    for member_id in everyone[:4]:
        meeting.set_attendance(chair, mid, member_id, P)
    view = meeting.quorum_now(chair, mid)
    assert (view.result.met, view.explain()) == (False, "4 of 9 perspectives present, 5 needed")
    assert "Kees Hendriks" in view.missing and "Marianne van der Velde" not in view.missing
    ggd = member(chair, "Kees Hendriks")
    with pytest.raises(ValidationProblem, match="substitute's name is required"):
        meeting.set_attendance(chair, mid, ggd, AttendanceStatus.SUBSTITUTE)
    meeting.set_attendance(chair, mid, ggd, AttendanceStatus.SUBSTITUTE, "Tom de GGD-arts")
    assert meeting.quorum_now(chair, mid).result.met  # a substitute counts for the member


def test_no_decision_without_quorum(chair):
    mid = opened(chair, present=first_of_each_perspective(chair)[:3])
    item = deciding_item(chair, mid)
    proposal = decide.put_proposal(
        chair, item.id, "Wij stellen de agenda vast.", DecisionMethod.VOTE
    )
    with pytest.raises(Conflict, match="no quorum: 3 of 9 perspectives present, 5 needed"):
        decide.open_round(chair, proposal)
    assert chair.repo.rounds(proposal) == []


def test_a_roll_call_vote_becomes_a_numbered_decision(chair):
    mid = opened(chair)
    item = deciding_item(chair, mid)
    proposal = decide.put_proposal(
        chair, item.id, "De tafel stelt het plan vast.", DecisionMethod.VOTE
    )
    round_id = decide.open_round(chair, proposal)
    voters = chair.repo.model(m.Round, round_id).voter_order
    assert voters == first_of_each_perspective(chair)  # one voter per perspective, seat order
    choices = [Choice.FOR] * 5 + [Choice.AGAINST] * 2 + [Choice.ABSTAIN] * 2
    for voter, choice in zip(voters, choices, strict=True):
        decide.cast_ballot(chair, round_id, voter, choice)
    with pytest.raises(Conflict, match="has voted already"):
        decide.cast_ballot(chair, round_id, voters[0], Choice.AGAINST)
    with pytest.raises(Conflict, match="Fatima El Amrani is not entitled to vote"):
        decide.cast_ballot(chair, round_id, member(chair, "Fatima El Amrani"), Choice.FOR)
    result = decide.close_vote(chair, round_id)
    assert (result.tally.for_weight, result.tally.against_weight, result.tally.abstain_weight) == (
        5,
        2,
        2,
    )
    assert result.outcome.value == "adopted" and result.entitled == 9
    assert result.decision_number == "B2026-10-01"  # the year's 10th meeting, first decision
    decision = chair.repo.model(m.Decision, result.decision_id)
    assert (
        decision.text == "De tafel stelt het plan vast." and decision.method == DecisionMethod.VOTE
    )
    assert decision.outcome.model_dump(exclude_defaults=True) == {
        "round": 1,
        "rule": VoteRule.SIMPLE,
        "voters": VoterRule.PERSPECTIVE,
        "quorum_present": 9,
        "quorum_total": 9,
        "quorum_needed": 5,
        "quorum_unit": "perspectives",
        "for_weight": 5,
        "against_weight": 2,
        "abstain_weight": 2,
        "entitled_weight": 9,
    }
    assert decision.outcome_summary == ""  # the record keeps facts, not a sentence
    assert decision_outcome(decision) == (
        "roll-call vote, simple majority, one vote per perspective; quorum 9 of 9 perspectives present,"
        " 5 needed; 5 for, 2 against, 2 abstentions; 9 entitled to vote; adopted"
    )
    set_language("nl")
    try:
        assert decision_outcome(decision) == (
            "hoofdelijke stemming, gewone meerderheid, één stem per perspectief; quorum 9 van 9"
            " perspectieven aanwezig, 5 nodig; 5 voor, 2 tegen, 2 onthoudingen;"
            " 9 stemgerechtigden; aangenomen"
        )
    finally:
        set_language("en")
    assert len(chair.repo.ballots(round_id)) == 9


def test_a_tie_is_rejected_and_gives_no_decision(chair):
    mid = opened(chair, present=first_of_each_perspective(chair)[:6])
    item = deciding_item(chair, mid)
    proposal = decide.put_proposal(chair, item.id, "Voorstel", DecisionMethod.VOTE)
    round_id = decide.open_round(chair, proposal)
    for voter, choice in zip(
        chair.repo.model(m.Round, round_id).voter_order,
        [Choice.FOR, Choice.FOR, Choice.AGAINST, Choice.AGAINST, Choice.ABSTAIN, Choice.ABSTAIN],
        strict=True,
    ):
        decide.cast_ballot(chair, round_id, voter, choice)
    result = decide.close_vote(chair, round_id)
    assert result.outcome.value == "rejected" and result.decision_id is None
    assert chair.repo.model(m.Proposal, proposal).status == ProposalStatus.REJECTED


def test_a_secret_ballot_stores_counts_only(chair):
    mid = opened(chair)
    item = deciding_item(chair, mid)
    proposal = decide.put_proposal(chair, item.id, "Geheim", DecisionMethod.VOTE, secret=True)
    round_id = decide.open_round(chair, proposal)
    with pytest.raises(Conflict, match="record the counts only"):
        decide.cast_ballot(chair, round_id, first_of_each_perspective(chair)[0], Choice.FOR)
    with pytest.raises(ValidationProblem, match="10 votes counted but only 9 can be cast"):
        decide.record_counts(chair, round_id, 6, 3, 1)
    decide.record_counts(chair, round_id, 6, 2, 1)
    result = decide.close_vote(chair, round_id)
    assert result.outcome.value == "adopted" and chair.repo.ballots(round_id) == []


def test_consent_with_an_objection_an_amendment_and_a_second_round(chair, clock):
    mid = opened(chair)
    item = deciding_item(chair, mid)
    proposal = decide.put_proposal(chair, item.id, "Versie één.", DecisionMethod.CONSENT)
    first = decide.open_round(chair, proposal)
    order = chair.repo.model(m.Round, first).voter_order
    vvt = member(chair, "Henk Jansen")
    with pytest.raises(ValidationProblem, match="an objection needs a reason"):
        decide.give_answer(chair, first, vvt, ConsentAnswerKind.OBJECTION)
    for voter in order:
        if voter == vvt:
            decide.give_answer(chair, first, voter, ConsentAnswerKind.OBJECTION, "Geen dekking.")
        elif voter == order[0]:
            decide.give_answer(chair, first, voter, ConsentAnswerKind.PASS)
        else:
            decide.give_answer(chair, first, voter, ConsentAnswerKind.CONSENT)
    assert decide.next_in_round(chair, first) == order[0]  # the one who passed, asked again
    with pytest.raises(Conflict, match="passed once already"):
        decide.give_answer(chair, first, order[0], ConsentAnswerKind.PASS)
    with pytest.raises(Conflict, match="not everyone has answered"):
        decide.close_consent(chair, first)
    decide.give_answer(chair, first, order[0], ConsentAnswerKind.CONSENT)
    result = decide.close_consent(chair, first)
    assert not result.adopted and [o.note for o in result.objections] == ["Geen dekking."]
    assert chair.repo.model(m.Proposal, proposal).status == ProposalStatus.OPEN
    decide.amend(chair, proposal, "Versie twee, met dekking.")
    second = decide.open_round(chair, proposal)
    for voter in order:
        if voter == vvt:
            decide.give_answer(
                chair, second, voter, ConsentAnswerKind.CONCERN, "Evalueer na zes maanden."
            )
        else:
            decide.give_answer(chair, second, voter, ConsentAnswerKind.CONSENT)
    result = decide.close_consent(chair, second)
    assert result.adopted and result.decision_number == "B2026-10-01"
    decision = chair.repo.model(m.Decision, result.decision_id)
    assert decision.text == "Versie twee, met dekking."
    assert decision.review_date == dt.date(2027, 6, 10)  # six months on
    assert decision.outcome.round == 2 and decision.outcome.concerns == 1
    assert decision_outcome(decision) == (
        "consent in round 2; quorum 9 of 9 perspectives present, 5 needed; 1 concern"
    )
    assert [v.text for v in chair.repo.versions(proposal)] == [
        "Versie één.",
        "Versie twee, met dekking.",
    ]
    assert [r.outcome for r in chair.repo.rounds(proposal)] == ["objection", "adopted"]


def test_actions_in_one_line(chair):
    mid = opened(chair)
    item = deciding_item(chair, mid)
    action_id, number = decide.add_action(
        chair, mid, "Werk het plan uit", "kees", "+2w", item_id=item.id
    )
    action = chair.repo.model(m.Action, action_id)
    assert (number, action.owner_id, action.due_date) == (
        "A2026-10-01",
        member(chair, "Kees Hendriks"),
        dt.date(2026, 12, 24),
    )
    assert decide.add_action(chair, mid, "Tweede", "Ingrid Smit", "2027-01-31")[1] == "A2026-10-02"
    with pytest.raises(NotFound, match="no member named 'Nobody'"):
        decide.add_action(chair, mid, "X", "Nobody", "+1w")
    with pytest.raises(ValidationProblem, match="2026-12-01 is before 2026-12-10"):
        decide.add_action(chair, mid, "X", "Kees", "2026-12-01")
    with pytest.raises(NotFound, match="more than one member matches 'A': .*Annemiek de Boer"):
        decide.add_action(chair, mid, "X", "A", "+1w")
    assert decide.add_action(chair, mid, "Derde", "smit", "+1m")[1] == "A2026-10-03"
    assert len(chair.repo.actions_of(mid)) == 3
    assert chair.repo.actions_of(mid)[2].owner_id == member(chair, "Ingrid Smit")


def test_a_decision_by_acclamation(chair):
    mid = opened(chair)
    decision_id, number = decide.record_decision(chair, mid, None, "Verslag vastgesteld", "")
    assert number == "B2026-10-01"
    decision = chair.repo.model(m.Decision, decision_id)
    assert decision.outcome == DecisionOutcome() and decision_outcome(decision) == "by acclamation"


def test_the_clock_survives_a_restart(chair, clock, demo_path):
    mid = opened(chair)
    items = chair.repo.items(mid)
    clock.advance(minutes=7)
    meeting.step(chair, mid, +1)
    clock.advance(minutes=3, seconds=30)
    reopened = open_session(demo_path, as_name="Marianne van der Velde", now=clock)
    state = reopened.repo.model(m.Meeting, mid)
    assert state.current_item_id == items[1].id
    assert meeting.item_elapsed(state, reopened.repo.items(mid)[1], clock()) == 210
    assert reopened.repo.items(mid)[0].elapsed_seconds == 420
    assert reopened.repo.items(mid)[0].status == ItemStatus.DONE
    reopened.close()


def test_deferring_an_item_puts_it_on_the_next_agenda(chair):
    mid = opened(chair)
    item = deciding_item(chair, mid)
    target = meeting.defer_item(chair, item.id)
    assert chair.repo.model(m.Meeting, target).starts_at == dt.datetime(2027, 1, 14, 15, 0)
    assert chair.repo.model(m.AgendaItem, item.id).status == ItemStatus.DEFERRED
    assert chair.repo.items(target)[-1].title == item.title


def test_interest_round_behaviour_check_and_close(chair):
    mid = opened(chair)
    round_ = chair.repo.interest_rounds_of(mid)[0]
    meeting.record_interest(chair, round_.id, "Eén loket", "Financiering", "Steun bij de inkoop")
    assert chair.repo.model(m.InterestRound, round_.id).status.value == "held"
    rules = chair.repo.rules("behaviour_rules", active_only=True)
    for rule in rules:
        meeting.score_rule(chair, mid, rule.id, BehaviourScore.KEPT)
    meeting.score_rule(chair, mid, rules[2].id, BehaviourScore.UNDER_PRESSURE, "Stukken laat")
    item = deciding_item(chair, mid)
    proposal = decide.put_proposal(chair, item.id, "Open", DecisionMethod.CONSENT)
    decide.open_round(chair, proposal)
    with pytest.raises(Conflict, match="round is still open"):
        meeting.close_meeting(chair, mid)
    decide.end_proposal(chair, proposal, ProposalStatus.DEFERRED)
    meeting.close_meeting(chair, mid)
    summary = meeting.summary(chair, mid)
    assert summary.behaviour == {"kept": 5, "under_pressure": 1}
    assert summary.attendance == {AttendanceStatus.PRESENT: 9}
    with pytest.raises(Conflict, match="not in progress"):
        decide.record_decision(chair, mid, None, "Te laat", "")


def test_the_rule_can_be_chosen_per_proposal(chair):
    """6 for, 3 against: adopted by simple majority, rejected under a 3/4 rule or unanimity."""
    from boardroom.domain.enums import VoteRule

    mid = opened(chair)
    items = [i for i in chair.repo.items(mid) if i.kind.value == "theme"]
    outcomes = []
    for item, rule in zip(items, (VoteRule.UNANIMITY, VoteRule.ABSOLUTE), strict=True):
        round_id = decide.propose(chair, item.id, "Voorstel", DecisionMethod.VOTE, vote_rule=rule)
        voters = chair.repo.model(m.Round, round_id).voter_order
        for voter, choice in zip(voters, [Choice.FOR] * 6 + [Choice.AGAINST] * 3, strict=True):
            decide.cast_ballot(chair, round_id, voter, choice)
        outcomes.append(decide.close_vote(chair, round_id).outcome.value)
    assert outcomes == ["rejected", "adopted"]  # unanimity fails; 6 > 9/2 under absolute


def test_the_chair_may_ask_a_voter_later(chair):
    mid = opened(chair)
    item = deciding_item(chair, mid)
    round_id = decide.propose(chair, item.id, "Voorstel", DecisionMethod.CONSENT)
    order = chair.repo.model(m.Round, round_id).voter_order
    decide.give_answer(chair, round_id, order[0], ConsentAnswerKind.CONSENT)
    decide.ask_later(chair, round_id, order[1])
    assert chair.repo.model(m.Round, round_id).voter_order == [order[0], *order[2:], order[1]]
    assert decide.next_in_round(chair, round_id) == order[2]
    with pytest.raises(Conflict, match="has answered already"):
        decide.ask_later(chair, round_id, order[0])


def test_a_perspective_names_another_present_member_as_its_voter(chair):
    mid = opened(chair)
    fatima = member(chair, "Fatima El Amrani")
    meeting.set_attendance(chair, mid, fatima, P)  # both hospital members are present
    item = deciding_item(chair, mid)
    round_id = decide.propose(chair, item.id, "Voorstel", DecisionMethod.VOTE)
    joost = member(chair, "Joost Bakker")
    assert joost in chair.repo.model(m.Round, round_id).voter_order
    assert decide.switch_voter(chair, round_id, joost) == fatima
    order = chair.repo.model(m.Round, round_id).voter_order
    assert fatima in order and joost not in order
    decide.cast_ballot(chair, round_id, fatima, Choice.FOR)
    with pytest.raises(Conflict, match="Joost Bakker is not entitled"):
        decide.cast_ballot(chair, round_id, joost, Choice.FOR)
    with pytest.raises(Conflict, match="no other member of this perspective is present"):
        decide.switch_voter(chair, round_id, member(chair, "Kees Hendriks"))


def test_an_action_due_in_two_weeks_counts_from_the_meeting_not_from_today(open_demo):
    """Recorded on 24 November for the 10 December meeting (as the demo does): +2w is
    24 December, two weeks after the meeting, not 8 December."""
    import datetime as dt

    from boardroom.services import decide
    from boardroom.services import meeting as live
    from boardroom.services.session import open_session
    from tests.conftest import NOW
    from tests.services.meeting_script import MEETING_AT

    chair = open_demo("Marianne van der Velde")
    assert chair.today == NOW.date() == dt.date(2026, 11, 24)
    mid = chair.repo.meeting_at(MEETING_AT).id
    early = open_session(chair.database.path, as_name="Marianne van der Velde", now=lambda: NOW)
    live.start_meeting(early, mid)
    action_id, _number = decide.add_action(early, mid, "Uitwerken", "kees", "+2w")
    assert early.repo.model(m.Action, action_id).due_date == dt.date(2026, 12, 24)
    early.close()
