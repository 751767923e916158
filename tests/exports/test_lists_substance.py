"""The decision list and the action list say what a secretary sends them for: the board and
the day they stand on, each decision's text, method, outcome and lineage both ways with a
passed review date flagged, each action's state of affairs, overdue or why it was cancelled;
CSV and JSON keep the same facts."""

from __future__ import annotations

import json

from tests.conftest import run


def test_the_decision_list_document_has_each_decisions_substance(capsys, demo_path):
    code, out, err = run(capsys, "export", "decisions", "--db", str(demo_path), "--format", "md")
    assert (code, err) == (0, "")
    lines = [line for line in out.splitlines() if line]
    assert lines[:2] == [
        "# Decision list — Regiotafel Zorg en Welzijn Lindewaard",
        "**As of:** 24 Nov 2026",
    ]

    def block(number: str) -> list[str]:
        first = next(k for k, line in enumerate(lines) if line.startswith(f"## {number}:"))
        last = next(
            (k for k in range(first + 1, len(lines)) if lines[k].startswith("## ")), len(lines)
        )
        return lines[first + 1 : last]

    assert block("B2025-01-01") == [
        "13 Nov 2025 · Acute zorg · consent · in force",
        "De spoedpost Lindestad gaat over naar 24/7 bezetting met één gezamenlijke triage door"
        " huisartsen en SEH.",
        "**Outcome:** consent in round 1; quorum 9 of 9 perspectives present, 5 needed",
        "**Review date:** 13 May 2026 (passed)",
    ]
    assert block("B2026-01-01")[-2:] == [
        "**Superseded by:** B2026-07-02",
        "**Review date:** 8 Jul 2026",  # superseded: nothing left to review
    ]
    assert block("B2026-07-02")[-1] == "**Supersedes:** B2026-01-01"


def test_the_action_list_document_says_where_each_action_stands(capsys, demo_path):
    code, out, _ = run(capsys, "export", "actions", "--db", str(demo_path), "--format", "md")
    assert code == 0
    lines = out.splitlines()
    assert lines[2] == "**As of:** 24 Nov 2026"
    assert lines[4] == "| Number | Action | Owner | Due | Status |"
    assert lines[6] == (
        "| A2025-02-03 | Lever cijfers aan over arbeidsmarkt en digitale zorg. State of affairs"
        " (19 Jan 2026): Loopt; afstemming met de achterban duurt langer dan gepland."
        " | Nicole Brouwer | 22 Jan 2026 (overdue) | open |"
    )
    cancelled = [line for line in lines if "| cancelled: " in line]
    assert cancelled and all(
        line.endswith("| cancelled: Vervallen door besluit van de tafel. |") for line in cancelled
    )
    assert any(line.endswith("| done 20 Nov 2025 |") for line in lines)


def test_csv_and_json_keep_the_same_facts(capsys, demo_path):
    _, out, _ = run(
        capsys, "export", "decisions", "--db", str(demo_path), "--format", "json", "--year", "2025"
    )
    review = next(d for d in json.loads(out) if d["number"] == "B2025-01-01")
    assert (review["superseded_by"], review["review_passed"]) == ([], True)
    _, out, _ = run(capsys, "export", "decisions", "--db", str(demo_path), "--format", "json")
    superseded = next(d for d in json.loads(out) if d["number"] == "B2026-01-01")
    assert (superseded["superseded_by"], superseded["review_passed"]) == (["B2026-07-02"], False)
    _, out, _ = run(capsys, "export", "actions", "--db", str(demo_path), "--format", "csv")
    header, *rows = out.splitlines()
    assert header.endswith(",reason,overdue,update_on,update")
    first = next(row for row in rows if row.startswith("A2025-02-03,"))
    assert first.endswith(
        ",true,2026-01-19,Loopt; afstemming met de achterban duurt langer dan gepland."
    )
