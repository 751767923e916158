"""The table's own evaluation: counts only (no member is linked to a score anywhere in the
record, the event log included), each evaluation compared with the one before, the behaviour
check's trend beside it, and bad counts refused with nothing written."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from boardroom.domain.errors import Conflict, NotFound, PermissionDenied, ValidationProblem
from boardroom.services import evaluation

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
