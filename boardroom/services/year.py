"""The year in view: what the dashboard watches and what the year report says."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from boardroom.domain.checks import (
    InterestCoverage,
    attendance_rates,
    on_time_share,
    trend_marks,
)
from boardroom.domain.enums import AttendanceStatus, BehaviourScore
from boardroom.domain.permissions import Capability
from boardroom.i18n import _
from boardroom.services import record
from boardroom.services.calendar import yearly_targets
from boardroom.services.session import Session

if TYPE_CHECKING:
    from boardroom.services.evaluation import EvaluationResult
    from boardroom.services.werkagenda import AgreementView

TREND_MEETINGS = 8


@dataclass(frozen=True)
class YearView:
    year: int
    overdue_by_owner: list[tuple[str, int]]
    due_for_review: list[tuple[str, str, str]]  # number, review date, title
    interest: list[InterestCoverage]
    meetings_left: int
    trends: list[tuple[str, str]]  # rule, marks oldest → newest
    attendance: list[tuple[str, float, float, int]]  # member, attended, substituted, meetings

    @property
    def at_risk(self) -> list[InterestCoverage]:
        return [c for c in self.interest if c.at_risk(self.meetings_left)]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def year_view(session: Session, year: int | None = None) -> YearView:
    session.require(Capability.READ, _("read the board"))
    repo = session.repo
    now = session.local_now()
    year = year or now.year
    coverage: dict[str, dict[str, int]] = {}
    for row in repo.interest_rounds_in_year(year):
        counts = coverage.setdefault(row["perspective"], {"held": 0, "planned": 0})
        if row["status"] == "held":
            counts["held"] += 1
        elif row["status"] == "planned" and row["day"] and row["day"] >= now.date().isoformat():
            counts["planned"] += 1
    held = repo.held_meetings(last=TREND_MEETINGS)
    scores: dict[tuple[int, int], BehaviourScore] = {
        (r["rule_id"], r["meeting_id"]): BehaviourScore(r["score"])
        for r in repo.behaviour_scores([m["id"] for m in held])
    }
    trends = [
        (rule["text"], trend_marks([scores.get((rule["id"], m["id"])) for m in held]))
        for rule in repo.active_rule_texts()
    ]
    statuses: dict[str, list[AttendanceStatus]] = defaultdict(list)
    year_meetings = [m["id"] for m in repo.held_meetings(year=year)]
    for row in repo.attendance_in(year_meetings):
        if row["perspective_id"] is not None:  # the table's members (not who supports it)
            statuses[row["member"]].append(AttendanceStatus(row["status"]))
    attendance = []
    for member, member_statuses in statuses.items():
        rates = attendance_rates(member_statuses)
        if rates:
            attendance.append((member, rates[0], rates[1], len(member_statuses)))
    due = record.decisions(session, record.DecisionFilter(due_for_review=True), limit=8)
    interest_targets = yearly_targets(session, year)[1]
    return YearView(
        year=year,
        overdue_by_owner=[
            (r["owner"], r["n"]) for r in repo.overdue_by_owner(now.date().isoformat())
        ],
        due_for_review=[(r["number"], r["review_date"], r["title"]) for r in due],
        interest=[
            InterestCoverage(name, c["held"], c["planned"], interest_targets.get(name, 0))
            for name, c in coverage.items()
        ],
        meetings_left=repo.meetings_left(now.isoformat(timespec="minutes"), year),
        trends=trends,
        attendance=attendance,
    )


@dataclass(frozen=True)
class YearReport:
    view: YearView
    meetings_held: int
    decisions_by_method: list[tuple[str, int]]
    decisions_by_theme: list[tuple[str, int]]
    actions_agreed: int
    actions_done: int
    on_time: float | None
    behaviour_counts: list[tuple[str, int, int, int]]  # rule, kept, under pressure, broken
    #: the year's actions still open at the report's date, and how many of those are overdue
    actions_open: int = 0
    actions_overdue: int = 0
    #: proposals that did not become a decision: (meeting day, title, status)
    not_adopted: list[tuple[str, str, str]] = field(default_factory=list)
    #: the process evaluations held in the year
    evaluations: list[EvaluationResult] = field(default_factory=list)
    #: the werkagenda at the year's end (today, for the year under way)
    werkagenda_on: dt.date | None = None
    werkagenda: list[AgreementView] = field(default_factory=list)


def year_report(session: Session, year: int) -> YearReport:
    from boardroom.services.evaluation import evaluations
    from boardroom.services.werkagenda import werkagenda

    repo = session.repo
    on = min(dt.date(year, 12, 31), session.today)
    view = year_view(session, year)
    dates = repo.action_dates(year)
    held = repo.held_meetings(year=year)
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    order = [BehaviourScore.KEPT, BehaviourScore.UNDER_PRESSURE, BehaviourScore.BROKEN]
    for row in repo.behaviour_scores([m["id"] for m in held]):
        counts[row["rule_id"]][order.index(BehaviourScore(row["score"]))] += 1
    return YearReport(
        view=view,
        meetings_held=len(held),
        decisions_by_method=[(r["label"], r["n"]) for r in repo.decisions_by(year, "method")],
        decisions_by_theme=[(r["label"], r["n"]) for r in repo.decisions_by(year, "theme")],
        actions_agreed=len(dates),
        actions_done=sum(1 for r in dates if r["status"] == "done"),
        on_time=on_time_share([(_date(r["due_date"]), _date(r["done_at"])) for r in dates]),
        actions_open=sum(1 for r in dates if r["status"] == "open"),
        actions_overdue=sum(
            1
            for r in dates
            if r["status"] == "open" and r["due_date"] and r["due_date"] < on.isoformat()
        ),
        not_adopted=[(r["day"], r["title"], r["status"]) for r in repo.proposals_not_adopted(year)],
        evaluations=sorted(
            (e for e in evaluations(session) if e.held_on.year == year), key=lambda e: e.held_on
        ),
        behaviour_counts=[(rule["text"], *counts[rule["id"]]) for rule in repo.active_rule_texts()],
        werkagenda_on=on,
        werkagenda=werkagenda(session, on),
    )
