"""The demo board: deterministic, complete, and consistent with the rules."""

import datetime as dt
import json
from collections import Counter

from boardroom.domain.numbering import meeting_number
from boardroom.services.demo import build_demo
from boardroom.services.setup import dump_board
from tests.conftest import ANCHOR, fixed_now


def test_two_builds_with_the_same_anchor_are_identical(tmp_path):
    first = build_demo(tmp_path / "a.db", fixed_now, anchor=ANCHOR)
    second = build_demo(tmp_path / "b.db", fixed_now, anchor=ANCHOR)
    assert json.dumps(dump_board(first)) == json.dumps(dump_board(second))
    first.close()
    second.close()


def test_the_demo_has_what_the_issue_asks_for(open_demo):
    repo = open_demo().repo
    board = repo.board()
    assert board.name == "Regiotafel Zorg en Welzijn Lindewaard"
    assert len(repo.perspectives()) == 9
    active = [x for x in repo.members() if x.is_active(ANCHOR)]
    assert len(active) == 18
    roles = Counter(role.value for x in active for role in x.roles)
    assert roles["chair"] == 1 and roles["vice_chair"] == 1 and roles["secretary"] == 1
    assert roles["portfolio_holder"] >= 6 and roles["programme_manager"] == 4
    assert {x.circle.value for x in active} == {"inner", "outer"}
    gemeenten = repo.member_by_name("Marianne van der Velde")
    assert "17 gemeenten" in gemeenten.mandate
    assert len(repo.themes()) == 6
    assert repo.scalar("SELECT count(*) FROM leading_principles") == 7
    statuses = Counter(r["status"] for r in repo.query("SELECT status FROM meetings"))
    assert statuses == {"minutes_approved": 10, "closed": 1, "agenda_draft": 1, "planned": 2}
    methods = Counter(r["method"] for r in repo.query("SELECT method FROM decisions"))
    assert methods["vote"] >= 2 and methods["consent"] >= 5
    counts = repo.counts(ANCHOR)
    assert counts["overdue_actions"] >= 3 and counts["pending_requests"] == 3
    assert repo.scalar("SELECT count(*) FROM interest_rounds WHERE status = 'held'") == 11
    assert repo.scalar("SELECT count(*) FROM behaviour_checks") == 11 * 6
    assert repo.scalar("SELECT count(*) FROM agenda_requests WHERE status = 'declined'") == 1


def test_a_consent_decision_came_through_an_objection_and_an_amended_proposal(open_demo):
    repo = open_demo().repo
    rows = repo.query(
        "SELECT p.id, count(DISTINCT v.id) AS versions, count(DISTINCT r.id) AS rounds"
        " FROM proposals p JOIN proposal_versions v ON v.proposal_id = p.id"
        " JOIN rounds r ON r.proposal_id = p.id WHERE p.method = 'consent' GROUP BY p.id"
        " HAVING versions = 2"
    )
    assert len(rows) == 1
    proposal = rows[0]["id"]
    answers = repo.query(
        "SELECT r.number, a.answer, a.note FROM consent_answers a JOIN rounds r ON r.id = a.round_id"
        " WHERE r.proposal_id = ? ORDER BY r.number, a.seq",
        (proposal,),
    )
    objections = [a for a in answers if a["answer"] == "objection"]
    assert [a["number"] for a in objections] == [1]
    assert "overbruggingsbudget" in objections[0]["note"]
    assert all(a["answer"] != "objection" for a in answers if a["number"] == 2)
    decision = repo.query("SELECT text FROM decisions WHERE proposal_id = ?", (proposal,))[0]
    assert "€ 150.000" in decision["text"]


def test_a_rejected_vote_gave_no_decision(open_demo):
    repo = open_demo().repo
    rejected = repo.query("SELECT id FROM proposals WHERE status = 'rejected'")
    assert len(rejected) == 1
    assert (
        repo.scalar("SELECT count(*) FROM decisions WHERE proposal_id = ?", (rejected[0]["id"],))
        == 0
    )
    tally = repo.query("SELECT * FROM rounds WHERE proposal_id = ?", (rejected[0]["id"],))[0]
    assert tally["outcome"] == "rejected" and tally["against_weight"] >= tally["for_weight"]


def test_every_number_follows_the_numbering_rule_and_its_meeting(open_demo):
    repo = open_demo().repo
    starts = {
        r["id"]: dt.datetime.fromisoformat(r["starts_at"])
        for r in repo.query("SELECT id, starts_at FROM meetings")
    }
    for table, prefix in (("decisions", "B"), ("actions", "A")):
        seen: dict[int, list[int]] = {}
        for row in repo.query(f"SELECT number, meeting_id FROM {table} ORDER BY id"):
            start = starts[row["meeting_id"]]
            nr = meeting_number(start, starts.values())
            assert row["number"].startswith(f"{prefix}{start.year}-{nr:02}-"), row
            seen.setdefault(row["meeting_id"], []).append(int(row["number"].rsplit("-", 1)[1]))
        for sequence in seen.values():
            assert sequence == list(range(1, len(sequence) + 1))


def test_the_record_is_internally_consistent(open_demo):
    session = open_demo()
    conn = session.database.conn
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    repo = session.repo
    # every decision and action comes from a held meeting
    assert (
        repo.scalar(
            "SELECT count(*) FROM decisions d JOIN meetings m ON m.id = d.meeting_id"
            " WHERE m.status NOT IN ('closed', 'minutes_approved')"
        )
        == 0
    )
    # a superseded decision is named by the one that replaced it
    superseded = repo.query("SELECT id FROM decisions WHERE status = 'superseded'")
    assert len(superseded) == 1
    assert (
        repo.scalar(
            "SELECT count(*) FROM decisions WHERE supersedes_id = ?", (superseded[0]["id"],)
        )
        == 1
    )
    # every write is in the event log
    for table in ("decisions", "actions", "members", "meetings"):
        logged = repo.scalar(
            "SELECT count(DISTINCT row_id) FROM event_log WHERE table_name = ? AND operation = 'insert'",
            (table,),
        )
        assert logged == repo.scalar(f"SELECT count(*) FROM {table}")


def test_the_history_was_made_by_the_use_cases_as_the_members_who_do_them(open_demo):
    """The demo calls the same use cases a user does (permissions checked, the log says who):
    each request inserted by its requester, each update by its action's owner, the meeting
    opened and closed and the minutes sealed by the chair, the rest recorded by the secretary;
    the system wrote the board's set-up only (and the meetings' calendar and interest turns)."""
    session = open_demo()
    repo = session.repo
    names = {x.id: x.name for x in repo.members()}

    def inserted_by(table: str) -> dict[int, str]:
        rows = repo.query(
            "SELECT row_id, actor FROM event_log WHERE table_name = ? AND operation = 'insert'",
            (table,),
        )
        return {r["row_id"]: r["actor"] for r in rows}

    requests = repo.query("SELECT id, requester_id FROM agenda_requests")
    by = inserted_by("agenda_requests")
    assert len(requests) == 29
    assert all(by[r["id"]] == names[r["requester_id"]] for r in requests)
    updates = repo.query("SELECT id, by_member_id FROM action_updates")
    assert len(updates) == 4
    assert all(inserted_by("action_updates")[u["id"]] == names[u["by_member_id"]] for u in updates)
    assert set(inserted_by("seals").values()) == {"Marianne van der Velde"}
    for table in ("decisions", "actions", "ballots", "consent_answers", "attendance", "papers"):
        assert set(inserted_by(table).values()) == {"Els Verhoeven"}, table
    opened = repo.query(
        "SELECT DISTINCT actor FROM event_log WHERE table_name = 'meetings'"
        " AND operation = 'update' AND after LIKE '%\"status\": \"in_progress\"%'"
        ' AND before NOT LIKE \'%"status": "in_progress"%\''
    )
    assert [r["actor"] for r in opened] == ["Marianne van der Velde"]
    system = repo.query("SELECT DISTINCT table_name FROM event_log WHERE actor = 'system'")
    assert {r["table_name"] for r in system} == {
        "boards",
        "perspectives",
        "members",
        "themes",
        "theme_holders",
        "leading_principles",
        "behaviour_rules",
    }


def test_the_demo_counts_its_votes_where_the_rule_is_kept(monkeypatch, tmp_path):
    """A rule changed once is changed in the demo: every vote of the demo's history is
    counted by the one outcome rule close_vote applies, not by a copy of it."""
    from boardroom.domain import models as m
    from boardroom.services import decide

    counted: list[m.VoteRule] = []
    real = decide.outcome

    def spy(tally, rule, *args, **kwargs):
        counted.append(rule)
        return real(tally, rule, *args, **kwargs)

    monkeypatch.setattr(decide, "outcome", spy)
    session = build_demo(tmp_path / "spied.db", fixed_now, anchor=ANCHOR)
    rounds = session.repo.query("SELECT count(*) AS n FROM rounds WHERE kind = 'vote'")[0]["n"]
    assert rounds == 4
    assert len(counted) == rounds
    session.close()
