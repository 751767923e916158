"""Everything two people can change at once during a meeting, at the services: nothing typed
is lost, nothing is overwritten without a word.

- notes: each author their own; one author in two sessions is merged (both texts kept);
- attendance, a behaviour score, an interest round: saved against the version seen, a save
  over someone else's newer change refused (who, when), theirs standing;
- the item clock: `next` from an item the meeting has left is refused, saying where it is;
- an amended proposal: amending a version someone else amended meanwhile is refused;
- a second vote or consent round on an item with an open one is refused."""

from __future__ import annotations

import pytest

from boardroom.domain import models as m
from boardroom.domain.enums import AttendanceStatus, BehaviourScore, DecisionMethod
from boardroom.domain.errors import Conflict, StaleEdit
from boardroom.services import decide, notes
from boardroom.services import meeting as live


@pytest.fixture
def meeting(open_demo):
    """The 10 December meeting open, everyone present, on its first item; the chair's and the
    secretary's sessions on it (two laptops)."""
    chair, secretary = open_demo("Marianne van der Velde"), open_demo("Els Verhoeven")
    mid = chair.repo.scalar("SELECT id FROM meetings WHERE starts_at LIKE '2026-12-10%'")
    live.start_meeting(chair, mid)
    for member in live.console(chair, mid).members:
        live.set_attendance(chair, mid, member.id, AttendanceStatus.PRESENT)
    return chair, secretary, mid


def current_item(session, mid: int) -> int:
    return session.repo.model(m.Meeting, mid).current_item_id


def test_one_author_typing_in_two_sessions_keeps_both(meeting, open_demo):
    _chair, laptop, mid = meeting
    phone = open_demo("Els Verhoeven")
    item = current_item(laptop, mid)
    first = notes.save_notes(laptop, item, "Opening door de voorzitter", seen=0, base="")
    # the phone began before the laptop's save reached it: its view is still empty
    second = notes.save_notes(phone, item, "Welkom aan Mirjam Kok", seen=0, base="")
    assert second.merged and second.text == "Opening door de voorzitter\nWelkom aan Mirjam Kok"
    third = notes.save_notes(
        laptop, item, "Opening door de voorzitter.", seen=first.version, base=first.text
    )
    assert third.merged
    assert third.text.splitlines() == [
        "Opening door de voorzitter",
        "Welkom aan Mirjam Kok",
        "Opening door de voorzitter.",
    ]  # nothing either typed is dropped; the laptop's edit comes after the phone's
    view = notes.notes_on(laptop, [item])[item]
    assert [(a.author, a.text) for a in view.authors] == [("Els Verhoeven", third.text)]


def test_two_authors_never_touch_each_others_notes(meeting):
    chair, secretary, mid = meeting
    item = current_item(chair, mid)
    notes.write_notes(chair, item, "De voorzitter opent")
    notes.write_notes(secretary, item, "Notulen: Els")
    view = notes.notes_on(chair, [item])[item]
    assert [(a.author, a.text) for a in view.authors] == [
        ("Marianne van der Velde", "De voorzitter opent"),
        ("Els Verhoeven", "Notulen: Els"),
    ]
    assert [a.author for a in view.others(chair.user.id)] == ["Els Verhoeven"]


def test_a_portfolio_holder_takes_no_notes(meeting, open_demo):
    chair, _secretary, mid = meeting
    with pytest.raises(Exception, match="may not take notes"):
        notes.save_notes(open_demo("Henk Jansen"), current_item(chair, mid), "x", seen=0, base="")


def test_attendance_over_a_newer_mark_is_refused(meeting):
    chair, secretary, mid = meeting
    henk = chair.repo.member_by_name("Henk Jansen").id
    seen = live.console(secretary, mid).attendance_seen[henk]
    live.set_attendance(chair, mid, henk, AttendanceStatus.REMOTE)
    with pytest.raises(StaleEdit, match="changed by Marianne van der Velde at"):
        live.set_attendance(secretary, mid, henk, AttendanceStatus.ABSENT, seen=seen)
    assert chair.repo.attendance(mid)[henk].status == AttendanceStatus.REMOTE
    fresh = live.console(secretary, mid).attendance_seen[henk]
    live.set_attendance(secretary, mid, henk, AttendanceStatus.ABSENT, seen=fresh)  # now fine


def test_next_from_an_item_the_meeting_has_left_is_refused(meeting):
    chair, secretary, mid = meeting
    seen = current_item(secretary, mid)
    live.step(chair, mid, 1, seen_item=seen)
    moved_to = current_item(chair, mid)
    with pytest.raises(Conflict, match="Marianne van der Velde moved the meeting on to item 2"):
        live.step(secretary, mid, 1, seen_item=seen)
    assert current_item(chair, mid) == moved_to


def test_a_behaviour_score_over_a_newer_one_is_refused(meeting):
    chair, secretary, mid = meeting
    rule = live.console(chair, mid).rules[0].id
    live.score_rule(chair, mid, rule, BehaviourScore.KEPT, seen=0)
    with pytest.raises(StaleEdit, match="changed by Marianne van der Velde"):
        live.score_rule(secretary, mid, rule, BehaviourScore.BROKEN, seen=0)
    assert live.console(chair, mid).scores[rule].score == BehaviourScore.KEPT


def test_an_interest_round_saved_over_a_newer_one_is_refused(meeting):
    chair, secretary, mid = meeting
    turn = live.console(chair, mid).interest_rounds[0].id
    seen = secretary.version("interest_rounds", turn)
    live.record_interest(chair, turn, "samenwerking", "", "", seen=seen)
    with pytest.raises(StaleEdit, match="changed by Marianne van der Velde"):
        live.record_interest(secretary, turn, "", "wachtlijsten", "", seen=seen)
    assert chair.repo.model(m.InterestRound, turn).helps == "samenwerking"


def test_an_amendment_of_an_amended_proposal_is_refused(meeting):
    chair, secretary, mid = meeting
    item = next(i for i in live.console(chair, mid).items if i.kind.value == "theme")
    live.go_to_item(chair, mid, item.id)
    round_id = decide.propose(chair, item.id, "Wij starten de pilot.", DecisionMethod.CONSENT)
    view = decide.round_view(chair, round_id)
    for voter in view.round.voter_order:
        decide.give_answer(chair, round_id, voter, "objection", "te snel")
    decide.close_consent(chair, round_id)
    proposal = view.proposal.id
    decide.amend(chair, proposal, "Wij starten de pilot in maart.", on_version=1)
    with pytest.raises(Conflict, match="Marianne van der Velde amended the proposal meanwhile"):
        decide.amend(secretary, proposal, "Wij starten de pilot in april.", on_version=1)
    assert [v.text for v in chair.repo.versions(proposal)][-1] == "Wij starten de pilot in maart."


def test_a_second_round_on_an_item_with_an_open_one_is_refused(meeting):
    chair, secretary, mid = meeting
    item = next(i for i in live.console(chair, mid).items if i.kind.value == "theme")
    live.go_to_item(chair, mid, item.id)
    decide.propose(chair, item.id, "Wij starten de pilot.", DecisionMethod.VOTE)
    with pytest.raises(Conflict, match="this item has an open proposal already"):
        decide.propose(secretary, item.id, "Wij starten de pilot.", DecisionMethod.CONSENT)
