"""Members answering for themselves, from their own sessions: a ballot and a consent answer
entered by the voter (and changed until the chair concludes, each change kept), beside the
chair's recording; who entered each is in the record and its event; only the perspective's
voter answers for it; a secret ballot is counted in the room."""

from __future__ import annotations

import pytest

from boardroom.domain import models as m
from boardroom.domain.enums import Choice, ConsentAnswerKind, DecisionMethod
from boardroom.domain.errors import Conflict, PermissionDenied, ValidationProblem
from boardroom.services import answering, decide
from boardroom.services.minutes import build_minutes
from boardroom.services.session import open_session
from tests.services.test_meeting import Clock, deciding_item, member, opened


@pytest.fixture
def clock() -> Clock:
    return Clock()  # Thu 10 Dec 2026, 15:00: the demo's next meeting


@pytest.fixture
def chair(demo_path, clock):
    session = open_session(demo_path, as_name="Marianne van der Velde", now=clock)
    yield session
    session.close()


@pytest.fixture
def as_member(demo_path, clock):
    sessions = []

    def open_as(name: str):
        session = open_session(demo_path, as_name=name, now=clock)
        sessions.append(session)
        return session

    yield open_as
    for session in sessions:
        session.close()


def a_round(chair, method: DecisionMethod, *, secret: bool = False) -> int:
    item = deciding_item(chair, opened(chair))
    proposal = decide.put_proposal(chair, item.id, "Regionale aanpak.", method, secret=secret)
    return decide.open_round(chair, proposal)


def test_a_voter_votes_and_changes_their_vote_until_the_chair_concludes(chair, as_member):
    round_id = a_round(chair, DecisionMethod.VOTE)
    henk = as_member("Henk Jansen")
    now = answering.round_now(henk)
    assert (now.round_id, now.entitled, now.mine, now.answered) == (round_id, True, None, 0)
    assert (now.title, now.version, now.text) == ("Wonen, welzijn en zorg", 1, "Regionale aanpak.")
    answering.vote(henk, round_id, Choice.AGAINST)
    answering.vote(henk, round_id, Choice.FOR)  # changed: one ballot, the change logged
    with pytest.raises(Conflict, match="that is your vote already"):
        answering.vote(henk, round_id, Choice.FOR)
    [ballot] = chair.repo.ballots(round_id)
    me = member(chair, "Henk Jansen")
    assert (ballot.voter_id, ballot.choice, ballot.entered_by_id) == (me, Choice.FOR, me)
    events = chair.repo.query(
        "SELECT operation, actor FROM event_log WHERE table_name = 'ballots' AND row_id = ?"
        " ORDER BY id",
        (ballot.id,),
    )
    assert [(e["operation"], e["actor"]) for e in events] == [
        ("insert", "Henk Jansen"),
        ("update", "Henk Jansen"),
    ]
    assert answering.round_now(henk).mine == Choice.FOR
    with pytest.raises(Conflict, match="Henk Jansen has voted already"):
        decide.cast_ballot(chair, round_id, me, Choice.AGAINST)  # the chair cannot overwrite it
    voters = chair.repo.model(m.Round, round_id).voter_order
    for voter in voters:
        if voter != me:
            decide.cast_ballot(chair, round_id, voter, Choice.FOR)  # recorded by the chair
    entered = {b.voter_id: b.entered_by_id for b in chair.repo.ballots(round_id)}
    chair_id = member(chair, "Marianne van der Velde")
    assert entered == {v: (me if v == me else chair_id) for v in voters}
    decide.close_vote(chair, round_id)
    with pytest.raises(Conflict):
        answering.vote(henk, round_id, Choice.AGAINST)  # concluded: closed
    assert answering.round_now(henk) is None


def test_a_consent_answer_from_the_members_own_screen(chair, as_member):
    round_id = a_round(chair, DecisionMethod.CONSENT)
    henk = as_member("Henk Jansen")
    with pytest.raises(ValidationProblem, match="an objection needs a reason"):
        answering.answer(henk, round_id, ConsentAnswerKind.OBJECTION)
    answering.answer(henk, round_id, ConsentAnswerKind.PASS)
    with pytest.raises(Conflict, match="that is your answer already"):
        answering.answer(henk, round_id, ConsentAnswerKind.PASS)
    answering.answer(henk, round_id, ConsentAnswerKind.OBJECTION, "Geen dekking.")
    with pytest.raises(Conflict, match="you passed once already"):
        answering.answer(henk, round_id, ConsentAnswerKind.PASS)
    answering.answer(henk, round_id, ConsentAnswerKind.CONCERN, "Evalueer na een jaar.")
    with pytest.raises(Conflict, match="that is your answer already"):  # a second session
        answering.answer(henk, round_id, ConsentAnswerKind.CONCERN, "Evalueer na een jaar.")
    now = answering.round_now(henk)
    assert (now.mine, now.note, now.answered) == (
        ConsentAnswerKind.CONCERN,
        "Evalueer na een jaar.",
        1,
    )
    rows = chair.repo.answers(round_id)
    me = member(chair, "Henk Jansen")
    assert [(a.answer, a.entered_by_id) for a in rows] == [
        (ConsentAnswerKind.PASS, me),
        (ConsentAnswerKind.OBJECTION, me),
        (ConsentAnswerKind.CONCERN, me),
    ]
    for voter in chair.repo.model(m.Round, round_id).voter_order:
        if voter != me:
            decide.give_answer(chair, round_id, voter, ConsentAnswerKind.CONSENT)
    result = decide.close_consent(chair, round_id)
    assert result.adopted and [c.note for c in result.concerns] == ["Evalueer na een jaar."]


def test_only_the_perspectives_voter_answers_for_it(chair, as_member):
    round_id = a_round(chair, DecisionMethod.VOTE)
    els = as_member("Els Verhoeven")  # the secretary: no perspective's seat
    now = answering.round_now(els)
    assert now is not None and not now.entitled  # she follows the round, without keys
    with pytest.raises(PermissionDenied, match="Els Verhoeven does not answer in this round"):
        answering.vote(els, round_id, Choice.FOR)
    reader = open_session(chair.database.path, now=lambda: chair.now())
    try:
        with pytest.raises(
            PermissionDenied, match=r"viewer \(roles: guest\) may not answer in a round"
        ):
            answering.vote(reader, round_id, Choice.FOR)
    finally:
        reader.close()
    assert chair.repo.ballots(round_id) == []


def test_a_secret_ballot_is_not_answered_from_a_screen(chair, as_member):
    round_id = a_round(chair, DecisionMethod.VOTE, secret=True)
    henk = as_member("Henk Jansen")
    now = answering.round_now(henk)
    assert now is not None and now.secret and not now.entitled
    with pytest.raises(Conflict, match="secret ballot: it is counted in the room"):
        answering.vote(henk, round_id, Choice.FOR)
    assert chair.repo.ballots(round_id) == []


def test_two_sessions_of_one_member_answering_at_once_record_one_answer(chair, as_member):
    """The same member on the laptop and in the browser, the same key in the same instant:
    the second is refused in one line, one ballot is kept."""
    round_id = a_round(chair, DecisionMethod.VOTE)
    laptop, browser = as_member("Henk Jansen"), as_member("Henk Jansen")
    answering.vote(laptop, round_id, Choice.FOR)
    with pytest.raises(Conflict, match="^that is your vote already$"):
        answering.vote(browser, round_id, Choice.FOR)
    assert [(b.choice, b.entered_by_id) for b in chair.repo.ballots(round_id)] == [
        (Choice.FOR, member(chair, "Henk Jansen"))
    ]


def test_the_floor_queue_in_order_with_perspectives_and_remote_members_marked(
    chair, as_member, clock
):
    from boardroom.domain.enums import AttendanceStatus
    from boardroom.services import floor, meeting, room

    mid = opened(chair)
    sophie_id = member(chair, "Sophie Mulder")
    meeting.set_attendance(chair, mid, sophie_id, AttendanceStatus.REMOTE)
    item = deciding_item(chair, mid)
    meeting.go_to_item(chair, mid, item.id)
    henk, sophie = as_member("Henk Jansen"), as_member("Sophie Mulder")
    els = as_member("Els Verhoeven")  # not recorded as present
    assert floor.ask_for_floor(sophie) == 1
    assert floor.ask_for_floor(henk) == 2
    with pytest.raises(Conflict, match="you are on the speakers' list already"):
        floor.ask_for_floor(henk)
    with pytest.raises(Conflict, match="Els Verhoeven is not recorded as present"):
        floor.ask_for_floor(els)
    with pytest.raises(PermissionDenied, match="Henk Jansen .* may not give the floor"):
        floor.next_speaker(henk, mid)
    queue = floor.floor(chair, item.id)
    assert [(s.name, s.perspective, s.remote) for s in queue.queue] == [
        ("Sophie Mulder", "Ouderenzorg (VVT)", True),
        ("Henk Jansen", "Ouderenzorg (VVT)", False),
    ]
    assert (queue.place_of(member(chair, "Henk Jansen")), queue.speaking) == (2, None)
    floor.withdraw_floor(henk)
    with pytest.raises(Conflict, match="you are not on the speakers' list"):
        floor.withdraw_floor(henk)
    assert floor.ask_for_floor(henk) == 2  # asked again after withdrawing: at the back
    with pytest.raises(Conflict, match="you are on the speakers' list already"):
        floor.ask_for_floor(henk)
    first = queue.queue[0].request_id  # Sophie, as the chair's and the secretary's screens show
    els_recording = as_member("Els Verhoeven")
    assert floor.next_speaker(chair, mid, seen_first=first).name == "Sophie Mulder"
    with pytest.raises(
        Conflict, match="^Marianne van der Velde gave the floor to Sophie Mulder at 15:00:00$"
    ):
        floor.next_speaker(els_recording, mid, seen_first=first)  # both pressed h at once
    now = floor.floor(chair, item.id)  # Henk still waits: not given the floor by the second h
    assert ([s.name for s in now.spoke], [s.name for s in now.queue]) == (
        ["Sophie Mulder"],
        ["Henk Jansen"],
    )
    clock.advance(minutes=3)
    assert floor.next_speaker(chair, mid).name == "Henk Jansen"
    with pytest.raises(Conflict, match="nobody is waiting for the floor"):
        floor.next_speaker(chair, mid)
    view = room.room(els)
    assert view.floor is not None and view.floor.speaking.name == "Henk Jansen"
    assert [s.name for s in view.floor.spoke] == ["Sophie Mulder", "Henk Jansen"]
    assert [(s.member_id, s.remote) for s in chair.repo.speakers(mid)] == [
        (sophie_id, True),
        (member(chair, "Henk Jansen"), False),
    ]
    minutes = build_minutes(chair, mid)
    spoken = next(i for i in minutes.items if i.position == item.position)
    assert spoken.speakers == [("Sophie Mulder", True), ("Henk Jansen", False)]
