"""Tamper evidence: edit a copied database behind the app's back; `verify` must say where."""

from __future__ import annotations

import sqlite3

import pytest

from boardroom.cli import main
from boardroom.services import record
from boardroom.services.integrity import verify
from boardroom.storage.migrations import open_board_db
from tests.conftest import fixed_now


def report_for(path):
    database = open_board_db(path, fixed_now)
    try:
        return verify(database)
    finally:
        database.close()


def tamper(path, *statements):
    conn = sqlite3.connect(path)
    for sql, params in statements:
        conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_an_untouched_board_verifies(demo_path):
    report = report_for(demo_path)
    assert report.ok and report.chain_ok
    assert report.sealed == 10 and report.events > 800 and len(report.head) == 64


def test_work_done_through_the_app_keeps_it_consistent(open_demo, demo_path):
    chair = open_demo("Marianne van der Velde")
    closed = record.find_meeting(chair, "2026-11-12")
    record.approve_minutes(chair, closed.id)
    first = record.actions(chair, record.ActionFilter(status="open"))[0]
    record.complete_action(chair, first["id"])
    report = report_for(demo_path)
    assert report.ok and report.sealed == 11


def test_a_decision_edited_in_the_file_is_found_twice(demo_path):
    tamper(
        demo_path, ("UPDATE decisions SET text = 'Iets anders' WHERE number = ?", ("B2026-03-01",))
    )
    report = report_for(demo_path)
    assert report.chain_ok and not report.ok
    assert any(
        p.startswith("decisions #")
        and "(B2026-03-01): differs from its last logged state" in p
        and p.endswith("in text")
        for p in report.problems
    )
    assert any(
        p.startswith("meeting 2026-03-12T15:00: its approved record changed")
        for p in report.problems
    )


def test_an_edited_log_entry_breaks_the_chain_where_it_was_edited(demo_path):
    conn = sqlite3.connect(demo_path)
    event_id = conn.execute(
        "SELECT id FROM event_log WHERE table_name = 'decisions' ORDER BY id LIMIT 1 OFFSET 3"
    ).fetchone()[0]
    conn.close()
    tamper(demo_path, ("UPDATE event_log SET actor = 'Iemand' WHERE id = ?", (event_id,)))
    report = report_for(demo_path)
    assert not report.chain_ok
    assert report.problems[0].startswith(f"event_log #{event_id} ")
    assert "breaks the hash chain" in report.problems[0]


def test_a_removed_log_entry_breaks_the_chain(demo_path):
    tamper(demo_path, ("DELETE FROM event_log WHERE id = 100", ()))
    report = report_for(demo_path)
    assert report.problems[0].startswith("event_log #101 ")


def test_a_row_added_or_deleted_behind_the_apps_back(demo_path):
    tamper(
        demo_path,
        (
            "INSERT INTO action_updates (action_id, noted_on, note, created_at, updated_at)"
            " VALUES (1, '2026-11-24', 'stiekem', 'x', 'x')",
            (),
        ),
        ("DELETE FROM action_updates WHERE id = 1", ()),
    )
    problems = report_for(demo_path).problems
    assert any(p.endswith("not in the event log (written behind the app's back)") for p in problems)
    assert any(
        p.startswith("action_updates #1: missing, but never deleted in the log") for p in problems
    )


def test_a_forged_log_entry_to_match_an_edit_still_breaks_the_chain(demo_path):
    """Editing a row and its last logged state together is caught by the chain."""
    conn = sqlite3.connect(demo_path)
    row_id, event_id, after = conn.execute(
        "SELECT d.id, e.id, e.after FROM decisions d JOIN event_log e ON e.table_name = 'decisions'"
        " AND e.row_id = d.id WHERE d.number = 'B2025-01-01' ORDER BY e.id DESC LIMIT 1"
    ).fetchone()
    conn.close()
    forged = after.replace("De spoedpost Lindestad", "De spoedpost Beekdal")
    tamper(
        demo_path,
        (
            "UPDATE decisions SET text = replace(text, 'Lindestad', 'Beekdal') WHERE id = ?",
            (row_id,),
        ),
        ("UPDATE event_log SET after = ? WHERE id = ?", (forged, event_id)),
    )
    report = report_for(demo_path)
    assert not report.chain_ok and report.problems[0].startswith(f"event_log #{event_id} ")


def test_the_verify_command(capsys, demo_path):
    assert main(["verify", "--db", str(demo_path)]) == 0
    assert capsys.readouterr().out.strip().endswith("all consistent")
    tamper(demo_path, ("UPDATE actions SET status = 'done' WHERE number = ?", ("A2026-09-01",)))
    assert main(["verify", "--db", str(demo_path)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == (
        "actions #31 (A2026-09-01): differs from its last logged state"
        " (2026-11-12T16:04:53+00:00, Els Verhoeven) in status"
    )
    assert lines[-1].endswith("1 problem(s)")


@pytest.mark.parametrize("table", ["decisions", "actions"])
def test_full_text_search_follows_the_data_through_migrations(demo_path, table):
    conn = sqlite3.connect(demo_path)
    assert (
        conn.execute(f"SELECT count(*) FROM {table}_fts").fetchone()[0]
        == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    )
    conn.close()
