"""The command line for issue 3: plan, request, export agenda, export calendar."""

from __future__ import annotations

import sqlite3

import pytest
from icalendar import Calendar

from tests.cli.test_cli import one_error_line
from tests.conftest import DEMO_PLAN, run

PLAN = DEMO_PLAN


def count(db, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def meetings_2027(db) -> int:
    return count(db, "SELECT count(*) FROM meetings WHERE starts_at LIKE '2027-%'")


def test_plan_shows_the_changes_and_writes_only_with_apply(capsys, demo_path):
    base = ["plan", "--db", str(demo_path), "--as", "Els", "--year", "2027", "--from", str(PLAN)]
    events = count(demo_path, "SELECT count(*) FROM event_log")
    code, out, _ = run(capsys, *base, "--dry-run")
    assert code == 0 and meetings_2027(demo_path) == 2
    lines = out.splitlines()
    assert lines[0] == (
        "~ Thu 14 Jan 2027 15:00  draft agenda: 9 items, 60 minutes free;"
        " themes: Arbeidsmarkt en digitale zorg"
    )
    assert lines[2].startswith("+ Thu 11 Mar 2027 15:00  draft agenda: 10 items, 20 minutes")
    assert lines[-1] == (
        "2027: 9 new, 2 changed, 0 removed, 0 kept as they are; 0 could not be placed"
    )
    code, out, _ = run(capsys, *base)  # the year has meetings: ask for --apply
    assert code == 1 and out.splitlines()[-1] == (
        "2027 has meetings already: nothing written; run again with --apply"
    )
    assert count(demo_path, "SELECT count(*) FROM event_log") == events
    code, out, _ = run(capsys, *base, "--apply")
    assert code == 0 and meetings_2027(demo_path) == 11
    assert count(demo_path, "SELECT count(*) FROM year_plans WHERE year = 2027") == 1
    code, out, _ = run(capsys, *base, "--apply")  # again: nothing changes
    assert code == 0 and out.splitlines()[-1] == "nothing to change"
    assert all(line.startswith("  ") for line in out.splitlines()[:-2])


def test_an_empty_year_is_planned_at_once(capsys, demo_path, tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_text(
        PLAN.read_text()
        .replace("year = 2027", "year = 2028")
        .replace("2027-10-14", "2028-10-12")
        .replace("2027-10-21", "2028-10-19")
        .replace("2027-12-16", "2028-12-21")
    )
    (tmp_path / "standard-meeting.toml").write_text(
        (PLAN.parent / "standard-meeting.toml").read_text()
    )
    code, out, _ = run(
        capsys, "plan", "--db", str(demo_path), "--as", "Els", "--year", "2028", "--from", str(plan)
    )
    assert code == 0 and out.splitlines()[-1] == f"written to {demo_path}"
    assert count(demo_path, "SELECT count(*) FROM meetings WHERE starts_at LIKE '2028-%'") == 11


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            ("BYMONTH=1,2,3,4,5,6,9,10,11,12", "BYMONTH=13"),
            ":19: series.rrule: 'FREQ=MONTHLY;BYDAY=2TH;BYMONTH=13' makes no meetings in 2027",
        ),
        (("BYDAY=2TH", "BYDAY=2XX"), ":19: series.rrule: not a valid RRULE"),
        (
            ("exdates = [2027-10-14]", "exdates = [2027-10-15]"),
            ":25: series.exdates[0]: 2027-10-15 is not a date of the series in 2027",
        ),
        (('name = "Acute zorg"', 'name = "Sport"'), ":45: themes[0].name: the board has no theme"),
        (
            ("slots = 4\nmonths = [3, 9]", "slots = 12\nmonths = [3, 9]"),
            ":46: themes[0].slots: 12 slots for 'Acute zorg', but 2027 has 11 meetings to plan",
        ),
        (
            ('"Gemeenten" = 2', '"Apothekers" = 2'),
            ":84: interest_rounds.perspectives: the board has no perspective 'Apothekers'",
        ),
        (
            ("duration = 150", "duration = 5"),
            ":21: series.duration: Input should be greater than or equal to 15 (got 5)",
        ),
    ],
)
def test_bad_plan_files_name_file_line_field_and_value(capsys, demo_path, tmp_path, edit, expected):
    old, new = edit
    text = PLAN.read_text()
    assert old in text
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace(old, new, 1))
    (tmp_path / "standard-meeting.toml").write_text(
        (PLAN.parent / "standard-meeting.toml").read_text()
    )
    events = count(demo_path, "SELECT count(*) FROM event_log")
    code, _, err = run(
        capsys,
        "plan",
        "--db",
        str(demo_path),
        "--as",
        "Els",
        "--year",
        "2027",
        "--from",
        str(plan),
        "--apply",
    )
    assert code == 2
    line = one_error_line(err)
    assert line.startswith(f"boardroom: error: {plan}{expected}"), line
    assert count(demo_path, "SELECT count(*) FROM event_log") == events


def test_plan_errors_for_a_missing_file_and_a_portfolio_holder(capsys, demo_path, tmp_path):
    code, _, err = run(
        capsys,
        "plan",
        "--db",
        str(demo_path),
        "--as",
        "Els",
        "--year",
        "2027",
        "--from",
        str(tmp_path / "nope.toml"),
    )
    assert code == 2 and one_error_line(err) == (
        f"boardroom: error: --from: cannot read {tmp_path / 'nope.toml'}: no such file"
    )
    code, _, err = run(
        capsys,
        "plan",
        "--db",
        str(demo_path),
        "--as",
        "Ingrid",
        "--year",
        "2027",
        "--from",
        str(PLAN),
    )
    assert code == 2 and "Ingrid Smit (roles: portfolio_holder) may not plan the year" in err


def test_request_and_see_its_status(capsys, demo_path):
    base = ["request", "--db", str(demo_path), "--as", "Ingrid"]
    code, out, _ = run(
        capsys,
        *base,
        "--theme",
        "mentale gezondheid",
        "--title",
        "Suïcidepreventie",
        "--purpose",
        "deciding",
        "--minutes",
        "20",
        "--meeting",
        "2027-01-14",
        "--papers-ready",
        "2027-01-05",
    )
    assert code == 0 and out.startswith("request ") and "Suïcidepreventie (20 min)" in out
    code, out, _ = run(capsys, *base, "--list")
    assert out.splitlines()[0] == "submitted: Suïcidepreventie [20 min]"
    assert "scheduled → 2026-12-10: Mentale gezondheidsnetwerk (evaluatie) [30 min]" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--title", "X", "--minutes", "0"], "minutes: Input should be greater than 0 (got 0)"),
        (["--title", "X", "--minutes", "-5"], "minutes: Input should be greater than 0 (got -5)"),
        (["--title", "X", "--minutes", "10", "--theme", "Sport"], "theme: no theme named 'Sport'"),
        (
            ["--title", "X", "--minutes", "10", "--meeting", "2027-01-15"],
            "--meeting: no meeting on 2027-01-15",
        ),
        (
            ["--title", "X", "--minutes", "10", "--meeting", "2026-11-12"],
            "the meeting of Thu 12 Nov 2026 has begun or was held",
        ),
        (
            [
                "--title",
                "X",
                "--minutes",
                "10",
                "--meeting",
                "2027-01-14",
                "--papers-ready",
                "2027-01-20",
            ],
            "papers_ready: 2027-01-20 is after the meeting of 2027-01-14",
        ),
        (
            ["--title", "X", "--minutes", "10", "--month", "2027-13"],
            "month: String should match pattern",
        ),
        (["--minutes", "10"], "--title: required (or use --list)"),
    ],
)
def test_bad_requests_are_one_line_and_write_nothing(capsys, demo_path, args, expected):
    before = count(demo_path, "SELECT count(*) FROM agenda_requests")
    code, _, err = run(capsys, "request", "--db", str(demo_path), "--as", "Ingrid", *args)
    assert code == 2 and one_error_line(err).startswith(f"boardroom: error: {expected}")
    assert count(demo_path, "SELECT count(*) FROM agenda_requests") == before


def test_export_agenda_and_calendar(capsys, demo_path, tmp_path):
    code, out, _ = run(
        capsys, "export", "agenda", "--db", str(demo_path), "--meeting", "2026-12-10"
    )
    assert code == 0 and out.startswith("# Agenda Regiotafel Zorg en Welzijn Lindewaard\n")
    target = tmp_path / "agenda.docx"
    code, _, _ = run(
        capsys,
        "export",
        "agenda",
        "--db",
        str(demo_path),
        "--meeting",
        "2026/10",
        "--format",
        "docx",
        "-o",
        str(target),
    )
    assert code == 0 and target.read_bytes()[:2] == b"PK"
    code, _, err = run(
        capsys, "export", "agenda", "--db", str(demo_path), "--meeting", "2026-12-11"
    )
    assert (
        code == 2 and one_error_line(err) == "boardroom: error: --meeting: no meeting on 2026-12-11"
    )
    ics = tmp_path / "2026.ics"
    code, _, _ = run(
        capsys, "export", "calendar", "--db", str(demo_path), "--year", "2026", "-o", str(ics)
    )
    assert code == 0
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert len(events) == 10
    code, _, err = run(capsys, "export", "calendar", "--db", str(demo_path), "--year", "2031")
    assert code == 2 and "--year: 2031 has no meetings (plan it first)" in err


def test_the_example_plan_plans_the_example_board_in_the_year_it_names(capsys, tmp_path):
    from tests.conftest import EXAMPLE_BOARD, EXAMPLE_PLAN

    db = str(tmp_path / "board.db")
    assert run(capsys, "init", "--db", db, "--from", str(EXAMPLE_BOARD))[0] == 0
    code, out, err = run(capsys, "plan", "--db", db, "--as", "Greet", "--from", str(EXAMPLE_PLAN))
    assert code == 0, err
    assert out.splitlines()[-2:] == [
        "2027: 11 new, 0 changed, 0 removed, 0 kept as they are; 0 could not be placed",
        f"written to {db}",
    ]
    assert meetings_2027(db) == 11
    code, _, err = run(
        capsys, "plan", "--db", db, "--as", "Greet", "--year", "2028", "--from", str(EXAMPLE_PLAN)
    )
    assert code == 2 and one_error_line(err) == (
        "boardroom: error: --year: 2028 contradicts the plan file's year = 2027"
    )


def test_a_plan_without_a_year_needs_one(capsys, demo_path, tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_text(DEMO_PLAN.read_text().replace("year = 2027\n", ""))
    (tmp_path / "standard-meeting.toml").write_text(
        (DEMO_PLAN.parent / "standard-meeting.toml").read_text()
    )
    code, _, err = run(capsys, "plan", "--db", str(demo_path), "--as", "Els", "--from", str(plan))
    assert code == 2 and one_error_line(err) == (
        f"boardroom: error: {plan}: year: which year? give --year, or year = … in the plan file"
    )
    code, out, _ = run(
        capsys, "plan", "--db", str(demo_path), "--as", "Els", "--year", "2027", "--from",
        str(plan), "--dry-run",
    )  # fmt: skip
    assert code == 0 and out.splitlines()[-1].startswith("2027: ")
