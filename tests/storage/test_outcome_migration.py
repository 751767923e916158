"""Migration 8: a board whose decisions kept their outcome as a sentence (in the language of
whoever recorded it) gets each outcome's facts from its rounds, logged, with `verify` clean,
every earlier seal still checking, and documents rendered wholly in the reader's language."""

from __future__ import annotations

import json

from boardroom.cli import main
from boardroom.domain import models as m
from boardroom.domain.outcome import DecisionOutcome
from boardroom.i18n.record import decision_outcome
from boardroom.services.integrity import verify
from boardroom.storage.db import Database
from boardroom.storage.migrations import migrate, schema_version
from boardroom.storage.repo import Repo
from tests.conftest import fixed_now, stamp

OLD_VOTE = (
    "stemming, gewone meerderheid, één stem per perspectief; quorum 9/9 perspectieven;"
    " 5 voor, 3 tegen, 1 onthouding van 9 stemgerechtigd"
)


def as_schema_7(path) -> dict[str, DecisionOutcome]:
    """Turn a current demo board into what boardroom wrote before schema 8 — every change
    logged as that version logged it — and return each decision's facts as recorded live."""
    database = Database(path)
    repo = Repo(database, actor="boardroom 0.1", clock=stamp)
    facts = {}
    with database.transaction():
        for row in repo.query("SELECT id, number, method, outcome FROM decisions ORDER BY id"):
            facts[row["number"]] = DecisionOutcome.from_json(row["outcome"])
            sentence = OLD_VOTE if row["method"] == "vote" else "consent in ronde 1"
            if row["method"] == "acclamation":
                sentence = "bij acclamatie"
            repo.update("decisions", row["id"], {"outcome": "{}", "outcome_summary": sentence})
        for seal in repo.query("SELECT id, meeting_id FROM seals"):
            repo.update(
                "seals", seal["id"], {"hash": repo.seal_hash(seal["meeting_id"], 1), "scheme": 1}
            )
        for row in repo.query("SELECT id FROM agenda_items WHERE proposal != ''"):
            repo.update("agenda_items", row["id"], {"proposal": ""})  # schema 12's
        for table in ("ballots", "consent_answers"):  # schema 15's: who entered them
            for row in repo.query(f"SELECT id FROM {table} WHERE entered_by_id IS NOT NULL"):
                repo.update(table, row["id"], {"entered_by_id": None})
        for table in ("item_notes", "result_agreements", "evaluations", "evaluation_statements"):
            for row in repo.query(f"SELECT id FROM {table}"):  # schema 10's and 11's rows
                repo.delete(table, row["id"])  # (with their KPIs, figures and counts)
        database.conn.execute("DELETE FROM schema_version WHERE version >= 8")
    assert verify(database).ok
    conn = database.conn
    for column in ("accent", *(f"{f}_{p}" for f in ("logo", "font", "font_bold")
                               for p in ("sha256", "name"))):  # fmt: skip
        conn.execute(f"ALTER TABLE boards DROP COLUMN {column}")  # what migration 13 added
    conn.execute("ALTER TABLE agenda_items DROP COLUMN proposal")  # what migration 12 added
    conn.execute("DROP TABLE floor_requests")  # what migration 16 added
    conn.execute("DROP TABLE item_notes")  # what migration 11 added
    for table in ("ballots", "consent_answers"):  # what migration 15 added
        conn.execute(f"DROP INDEX idx_{table}_entered_by")
        conn.execute(f"ALTER TABLE {table} DROP COLUMN entered_by_id")
    conn.execute("DROP TABLE passkeys")  # what migration 14 added
    conn.execute("DROP TABLE invitations")
    for table in ("decisions", "proposals"):  # what migration 10 added to them
        conn.execute(f"DROP INDEX idx_{table}_agreement")
        conn.execute(f"ALTER TABLE {table} DROP COLUMN agreement_id")
    conn.execute("ALTER TABLE decisions DROP COLUMN outcome")
    conn.execute("ALTER TABLE seals DROP COLUMN scheme")
    for table in (  # what migration 10 added
        "kpi_measurements",
        "kpis",
        "result_agreements",
        "evaluation_counts",
        "evaluations",
        "evaluation_statements",
    ):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP TABLE paper_contents")  # and what migration 9 added
    for index in ("added_by", "replaced_by", "sha256"):
        conn.execute(f"DROP INDEX idx_papers_{index}")
    for column in ("file_name", "media_type", "added_by_id", "replaced_by_id"):
        conn.execute(f"ALTER TABLE papers DROP COLUMN {column}")
    assert schema_version(database) == 7
    database.close()
    return facts


def test_old_decisions_get_their_facts_from_their_rounds(demo_path, capsys):
    live = as_schema_7(demo_path)
    database = Database(demo_path)
    assert migrate(database, fixed_now) == [8, 9, 10, 11, 12, 13, 14, 15, 16]
    repo = Repo(database)
    rows = repo.query("SELECT number, method, outcome, outcome_summary FROM decisions")
    migrated = {r["number"]: DecisionOutcome.from_json(r["outcome"]) for r in rows}
    assert migrated == live  # the facts the rounds hold are the facts recorded live
    by_method = {m: sum(1 for r in rows if r["method"] == m) for m in ("vote", "consent")}
    assert all(by_method.values())
    assert all(migrated[r["number"]].round for r in rows if r["method"] != "acclamation")
    # each change is in the event log, by the migration, and the chain holds
    logged = repo.query(
        "SELECT row_id, after FROM event_log WHERE actor = 'migration 8' ORDER BY id"
    )
    assert len(logged) == by_method["vote"] + by_method["consent"]
    assert json.loads(logged[0]["after"])["outcome"] != "{}"
    report = verify(database)
    assert report.ok, report.problems
    assert report.sealed >= 10  # the seals made before the migration still check (scheme 1)
    database.close()

    assert main(["export", "minutes", "--db", str(demo_path), "--meeting", "2026-03-12"]) == 0
    minutes = capsys.readouterr().out
    assert "consent in round 2; quorum 9 of 9 perspectives present, 5 needed; 3 concerns" in (
        minutes
    )
    assert "consent in ronde" not in minutes and "zorg(en)" not in minutes
    args = ["export", "minutes", "--db", str(demo_path), "--meeting", "2026-03-12", "--lang", "nl"]
    assert main(args) == 0
    assert "consent in ronde 2; quorum 9 van 9 perspectieven aanwezig, 5 nodig; 3 zorgen" in (
        capsys.readouterr().out
    )


def test_a_decision_without_its_round_keeps_the_sentence_it_was_recorded_with(open_demo):
    session = open_demo()
    row = session.repo.query("SELECT id FROM decisions WHERE method = 'vote' ORDER BY id LIMIT 1")[
        0
    ]
    session.repo.update(
        "decisions", row["id"], {"outcome": "{}", "outcome_summary": OLD_VOTE, "proposal_id": None}
    )
    decision = session.repo.model(m.Decision, row["id"])
    assert decision_outcome(decision) == OLD_VOTE
