"""The year in view and the year report on the demo board (today: 24 Nov 2026)."""

import datetime as dt

import pytest

from boardroom.cli import main
from boardroom.domain.checks import InterestCoverage, attendance_rates, on_time_share, trend_marks
from boardroom.domain.enums import AttendanceStatus as S
from boardroom.domain.enums import BehaviourScore as B
from boardroom.services.year import year_report, year_view


@pytest.mark.parametrize(
    ("held", "planned", "target", "left", "at_risk"),
    [
        (0, 0, 1, 1, False),
        (0, 0, 1, 0, True),
        (0, 0, 3, 2, True),
        (1, 1, 3, 1, False),
        (2, 0, 2, 0, False),
        (0, 1, 1, 0, False),
    ],
)
def test_a_perspective_is_at_risk_when_its_shortfall_exceeds_the_meetings_left(
    held, planned, target, left, at_risk
):
    assert InterestCoverage("GGD", held, planned, target).at_risk(left) is at_risk


def test_on_time_attendance_and_trend_rules():
    day = dt.date
    assert (
        on_time_share(
            [
                (day(2026, 3, 1), day(2026, 2, 28)),
                (day(2026, 3, 1), day(2026, 3, 2)),
                (day(2026, 3, 1), None),
            ]
        )
        == 0.5
    )
    assert on_time_share([(day(2026, 3, 1), None)]) is None
    assert attendance_rates([S.PRESENT, S.REMOTE, S.SUBSTITUTE, S.ABSENT]) == (0.5, 0.25)
    assert attendance_rates([]) is None
    assert trend_marks([B.KEPT, B.UNDER_PRESSURE, None, B.BROKEN]) == "●◐·○"


def test_the_year_in_view(open_demo):
    view = year_view(open_demo())
    assert view.year == 2026 and view.meetings_left == 1
    assert view.overdue_by_owner[0] == ("Bram Willems", 2)
    assert sum(n for _o, n in view.overdue_by_owner) == 5
    assert [number for number, _d, _t in view.due_for_review] == [
        "B2026-06-01",
        "B2026-03-01",
        "B2026-02-01",
        "B2025-01-01",
    ]
    assert {c.perspective: (c.held, c.planned) for c in view.interest}["GGZ"] == (1, 1)
    assert view.at_risk == []
    assert all(len(marks) == 8 for _rule, marks in view.trends) and len(view.trends) == 6
    attendance = {m: (a, s, n) for m, a, s, n in view.attendance}
    assert attendance["Marianne van der Velde"] == (1.0, 0.0, 9)
    assert attendance["Gert-Jan Bos"][2] == 3  # he left the table in April
    assert "Els Verhoeven" not in attendance  # the table's members; not who supports it
    assert len(attendance) == 14


def test_the_year_report_figures(open_demo):
    report = year_report(open_demo(), 2026)
    assert report.meetings_held == 9
    assert report.decisions_by_method == [("acclamation", 9), ("consent", 6), ("vote", 2)]
    assert (report.actions_agreed, report.actions_done, report.on_time) == (27, 17, 1.0)
    # done on time is not the whole story: 8 are still open, 4 of them past their date
    assert (report.actions_open, report.actions_overdue) == (8, 4)
    assert report.not_adopted == [
        ("2026-05-14", "Regionale spoedpost: vervolgfase (voortgang)", "rejected")
    ]
    assert [(e.held_on, e.respondents) for e in report.evaluations] == [
        (dt.date(2026, 4, 9), 14),
        (dt.date(2026, 10, 8), 15),
    ]
    assert [k + u + b for _rule, k, u, b in report.behaviour_counts] == [9] * 6


def test_the_report_command(capsys, demo_path):
    assert main(["export", "report", "--db", str(demo_path), "--year", "2026", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "# Year report 2026 — Regiotafel Zorg en Welzijn Lindewaard"
    assert out[2:8] == [
        "- 9 meetings held",
        "- 17 decisions",
        "- 27 actions agreed, 17 done, 100% of those on time",
        "- 8 still open, 4 of them overdue",
        "- 1 proposal not adopted",
        "- 2 process evaluations",
    ]
    text = "\n".join(out)
    assert "| 14 May 2026 | Regionale spoedpost: vervolgfase (voortgang) | rejected |" in text
    assert "| 9 Apr 2026 | 14 | 3.3 |" in text and "| 8 Oct 2026 | 15 | 3.6 |" in text
    assert main(["export", "report", "--db", str(demo_path), "--year", "20267"]) == 2
    assert "--year: not a year: 20267" in capsys.readouterr().err
