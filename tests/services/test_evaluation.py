"""The table's own evaluation: counts only (no member is linked to a score anywhere in the
record, the event log included), each evaluation compared with the one before, the behaviour
check's trend beside it, and bad counts refused with nothing written."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from boardroom.domain.errors import Conflict, NotFound, PermissionDenied, ValidationProblem
from boardroom.services import evaluation
from tests.conftest import plan_an_evaluation

SECRETARY = "Els Verhoeven"


def test_the_demo_has_two_evaluations_the_later_compared_with_the_earlier(open_demo):
    session = open_demo(SECRETARY)
    latest, earlier = evaluation.evaluations(session)
    assert (latest.held_on, latest.respondents, latest.previous_on) == (
        dt.date(2026, 10, 8),
        15,
        dt.date(2026, 4, 9),
    )
    first = latest.statements[0]
    assert first.counts == (0, 1, 3, 8, 3)
    assert first.mean == pytest.approx((1 * 0 + 2 * 1 + 3 * 3 + 4 * 8 + 5 * 3) / 15)
    assert first.previous == pytest.approx((2 * 2 + 3 * 5 + 4 * 6 + 5 * 1) / 14)
    assert round(first.change or 0, 2) == 0.44
    assert [round(s.change or 0, 1) for s in latest.statements[:5]] == [0.4, 0.5, 0.2, 0.5, -0.5]
    assert earlier.previous_on is None and earlier.statements[0].change is None
    assert latest.comments == [
        "Het belangenrondje helpt.",
        "Nog steeds te weinig tijd voor de werkagenda.",
    ]
    assert (round(latest.behaviour_kept or 0, 2), round(latest.behaviour_kept_before or 0, 2)) == (
        0.83,
        0.78,
    )


def test_no_member_is_linked_to_a_score_anywhere(open_demo):
    session = open_demo(SECRETARY)
    for table in ("evaluations", "evaluation_counts", "evaluation_statements"):
        columns = {r["name"] for r in session.repo.query(f"PRAGMA table_info({table})")}
        assert not {c for c in columns if "member" in c or c.endswith("_by_id")}, table
    logged = session.repo.query(
        "SELECT DISTINCT actor FROM event_log WHERE table_name LIKE 'evaluation%'"
    )
    assert [r["actor"] for r in logged] == [SECRETARY]  # who recorded the counts, no one else
    assert all(
        set(json.loads(r["after"]))
        == {"id", "evaluation_id", "statement_id", "score", "count", "created_at", "updated_at"}
        for r in session.repo.query(
            "SELECT after FROM event_log WHERE table_name = 'evaluation_counts'"
        )
    )


def test_counts_are_checked_before_anything_is_written(open_demo):
    session = open_demo(SECRETARY)
    ids = [s.id for s in evaluation.statements(session)]
    before = session.repo.scalar("SELECT count(*) FROM event_log")
    on = dt.date(2026, 11, 12)
    with pytest.raises(ValidationProblem, match="40 respondents, but the board has 18 members"):
        evaluation.record_evaluation(session, on, 40, {ids[0]: [0, 0, 0, 0, 1]})
    with pytest.raises(ValidationProblem, match="16 scores for one statement, but 15 took part"):
        evaluation.record_evaluation(session, on, 15, {ids[0]: [1, 2, 3, 4, 6]})
    with pytest.raises(ValidationProblem, match="five counts are needed"):
        evaluation.record_evaluation(session, on, 15, {ids[0]: [1, 2, 3]})
    with pytest.raises(NotFound):
        evaluation.record_evaluation(session, on, 15, {999: [1, 1, 1, 1, 1]})
    with pytest.raises(Conflict, match="there is an evaluation of 2026-10-08 already"):
        evaluation.record_evaluation(session, dt.date(2026, 10, 8), 15, {ids[0]: [1, 1, 1, 1, 1]})
    with pytest.raises(PermissionDenied):
        evaluation.record_evaluation(open_demo("Henk Jansen"), on, 3, {ids[0]: [0, 0, 1, 1, 1]})
    assert session.repo.scalar("SELECT count(*) FROM event_log") == before


def test_a_counts_file_names_statements_by_number_or_text(open_demo):
    session = open_demo(SECRETARY)
    ids = [s.id for s in evaluation.statements(session)]
    text = (
        "statement,1,2,3,4,5\n1,0,0,2,5,3\n"
        '"We spreken elkaar direct aan, niet over elkaar.",0,1,1,4,4\n'
    )
    counts = evaluation.read_counts(session, text, "evaluatie.csv")
    assert counts == {ids[0]: [0, 0, 2, 5, 3], ids[10]: [0, 1, 1, 4, 4]}
    with pytest.raises(NotFound, match="evaluatie.csv:2: no statement '99'"):
        evaluation.read_counts(session, "statement,1,2,3,4,5\n99,1,1,1,1,1\n", "evaluatie.csv")
    with pytest.raises(ValidationProblem, match="evaluatie.csv:3: this statement is counted twice"):
        evaluation.read_counts(
            session, "statement,1,2,3,4,5\n1,1,1,1,1,1\n1,1,1,1,1,1\n", "evaluatie.csv"
        )
    evaluation.record_evaluation(session, dt.date(2026, 11, 12), 10, counts, ["Beter."])
    latest = evaluation.evaluations(session)[0]
    assert latest.previous_on == dt.date(2026, 10, 8)
    assert [s.counts for s in latest.statements] == [(0, 0, 2, 5, 3), (0, 1, 1, 4, 4)]


def test_the_evaluations_are_planned_by_the_calendars_evaluation_items(open_demo):
    """The demo's year has its two evaluation items (April, October), both recorded; an
    evaluation item on the coming meeting makes that the next, and once that meeting is past
    it is the one to record — its date the meeting's, and only once."""
    session = open_demo(SECRETARY)
    assert [(p.on, p.recorded) for p in evaluation.planned(session)] == [
        (dt.date(2026, 4, 9), True),
        (dt.date(2026, 10, 8), True),
    ]
    assert evaluation.due(session) is None
    december = plan_an_evaluation(session)
    due = evaluation.due(session)
    assert due is not None and (due.meeting_id, due.on, due.recorded) == (
        december,
        dt.date(2026, 12, 10),
        False,
    )
    ids = [s.id for s in evaluation.statements(session)]
    evaluation.record_evaluation(session, None, 12, {ids[0]: [0, 1, 2, 6, 3]}, [], december)
    latest = evaluation.evaluations(session)[0]
    assert (latest.held_on, latest.meeting_id, latest.statements[0].counts) == (
        dt.date(2026, 12, 10),
        december,
        (0, 1, 2, 6, 3),
    )
    assert evaluation.due(session) is None
    with pytest.raises(Conflict, match="the meeting of 2026-12-10 is recorded already"):
        evaluation.record_evaluation(
            session, dt.date(2026, 12, 11), 12, {ids[0]: [0, 1, 2, 6, 3]}, [], december
        )
    with pytest.raises(ValidationProblem, match="a date is needed"):
        evaluation.record_evaluation(session, None, 12, {ids[0]: [0, 1, 2, 6, 3]})


@pytest.mark.parametrize(
    ("typed", "counts"),
    [
        ("0 1 4 6 3", [0, 1, 4, 6, 3]),
        ("0,1,4,6,3", [0, 1, 4, 6, 3]),
        (" 0; 1 ;4;6;3 ", [0, 1, 4, 6, 3]),
        ("0 · 1 · 4 · 6 · 3", [0, 1, 4, 6, 3]),
        ("12 0 0 0 1", [12, 0, 0, 0, 1]),
    ],
)
def test_a_statements_counts_typed_on_one_line(typed, counts):
    assert evaluation.counts_from_text(typed) == counts


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("0 1 4 6", "five counts are needed, one per score; 4 were given"),
        ("0 1 4 6 3 2", "five counts are needed, one per score; 6 were given"),
        ("0 1 x 6 3", "the counts must be whole numbers"),
        ("0 1 -4 6 3", "the counts must be whole numbers"),
        ("0 1 4.5 6 3", "the counts must be whole numbers"),
    ],
)
def test_bad_counts_are_named(typed, problem):
    with pytest.raises(ValidationProblem, match=problem) as raised:
        evaluation.counts_from_text(typed, "statement 3")
    assert raised.value.where == "statement 3"


def test_the_board_keeps_its_statements_as_one_list(open_demo):
    """A kept line stays the same statement (its scores still compare), a changed line rewords
    the statement in its place, a new line adds one, a line removed retires it."""
    session = open_demo(SECRETARY)
    before = evaluation.statements(session)
    texts = [s.text for s in before]
    texts[1] = "We besluiten op tijd."
    del texts[2]
    texts.append("We praten over de werkagenda, niet alleen over stukken.")
    assert evaluation.set_statements(session, texts) == (1, 1, 1)
    after = evaluation.statements(session)
    assert [s.text for s in after] == texts
    assert [s.id for s in after[:2]] == [before[0].id, before[1].id]  # reworded in its place
    assert before[2].id not in {s.id for s in after}
    assert after[-1].id not in {s.id for s in before}
    assert evaluation.set_statements(session, texts) == (0, 0, 0)  # the same list: no change
    latest = evaluation.evaluations(session)[0]
    assert before[2].text in [s.text for s in latest.statements]  # its old scores stay
    with pytest.raises(ValidationProblem, match="a statement is listed twice"):
        evaluation.set_statements(session, ["Een.", "een."])
    with pytest.raises(ValidationProblem, match="at least one statement is needed"):
        evaluation.set_statements(session, ["", "  "])
    with pytest.raises(PermissionDenied):
        evaluation.set_statements(open_demo("Henk Jansen"), ["Een."])
