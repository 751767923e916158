"""What the dashboard and the command line's summaries show about a board."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boardroom.domain.enums import DecisionMethod, MeetingStatus, QuorumRule
from boardroom.domain.errors import NotFound
from boardroom.domain.permissions import Capability
from boardroom.i18n import _, format_date
from boardroom.services.session import Session

REVIEW_WINDOW = dt.timedelta(days=60)  # "due for review": within two months, or past


@dataclass(frozen=True)
class BoardSummary:
    name: str
    region: str
    decision_method: DecisionMethod
    quorum_rule: QuorumRule
    quorum_value: float
    outer_circle_votes: bool


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    starts_at: dt.datetime
    location: str
    status: MeetingStatus

    @classmethod
    def of(cls, row: dict) -> MeetingSummary:
        return cls(
            row["id"],
            dt.datetime.fromisoformat(row["starts_at"]),
            row["location"],
            MeetingStatus(row["status"]),
        )


@dataclass(frozen=True)
class Dashboard:
    """What the dashboard shows: a projection of plain values (no model validation)."""

    board: BoardSummary
    next_meeting: MeetingSummary | None
    upcoming: list[MeetingSummary]
    open_actions: int
    overdue_actions: int
    pending_requests: int
    decisions_in_force: int
    meetings_held: int
    active_members: int
    voting_members: int
    perspectives: int
    themes: int
    overdue_owners: list[tuple[str, int]]
    due_for_review: int
    #: a meeting is in progress now (members follow it and take part with `L`)
    in_progress: bool = False


def meeting_to_resume(session: Session) -> int | None:
    """The meeting in progress, if any (the app reopens on it after a close or a kill)."""
    return session.repo.meeting_in_progress_id()


def board_summary(session: Session) -> BoardSummary:
    row = session.repo.board_row()
    if row is None:
        raise NotFound(_("this database holds no board yet"), str(session.database.path))
    return BoardSummary(
        name=row["name"],
        region=row["region"],
        decision_method=DecisionMethod(row["decision_method"]),
        quorum_rule=QuorumRule(row["quorum_rule"]),
        quorum_value=row["quorum_value"],
        outer_circle_votes=bool(row["outer_circle_votes"]),
    )


def dashboard(session: Session) -> Dashboard:
    """The dashboard's figures: a handful of indexed counts, whatever the board's age."""
    session.require(Capability.READ, "read the board")
    repo = session.repo
    board = board_summary(session)
    now = session.local_now()
    counts = repo.counts(now.date())
    active, voting = repo.active_member_counts(now.date(), board.outer_circle_votes)
    upcoming = [MeetingSummary.of(r) for r in repo.meeting_rows(now, open_only=False, limit=4)]
    following = repo.meeting_rows(now, open_only=True, limit=1)
    return Dashboard(
        board=board,
        next_meeting=MeetingSummary.of(following[0]) if following else None,
        upcoming=upcoming,
        open_actions=counts["open_actions"],
        overdue_actions=counts["overdue_actions"],
        pending_requests=counts["pending_requests"],
        decisions_in_force=counts["decisions_in_force"],
        meetings_held=counts["meetings_held"],
        active_members=active,
        voting_members=voting,
        perspectives=repo.row_count("perspectives"),
        themes=repo.active_theme_count(),
        overdue_owners=[
            (r["owner"], r["n"]) for r in repo.overdue_by_owner(now.date().isoformat())
        ],
        due_for_review=repo.decision_count(review_by=now.date() + REVIEW_WINDOW),
        in_progress=repo.meeting_in_progress_id() is not None,
    )


def summary(session: Session) -> str:
    """One paragraph: what the database holds."""
    repo = session.repo
    board = board_summary(session)
    today = session.today
    counts = repo.counts(today)

    n = repo.row_count
    members = repo.members()
    active = sum(1 for x in members if x.is_active(today))
    return _(
        "Board {name!r} ({region}) in {path}: {perspectives} perspectives, {members} members"
        " ({active} active), {themes} themes, {rules} behaviour rules, {principles} leading"
        " principles; {meetings} meetings ({held} held), {decisions} decisions, {actions} actions"
        " ({open} open, {overdue} overdue), {requests} agenda requests ({pending} pending)."
    ).format(
        name=board.name,
        region=board.region,
        path=session.database.path,
        perspectives=n("perspectives"),
        members=len(members),
        active=active,
        themes=n("themes"),
        rules=n("behaviour_rules"),
        principles=n("leading_principles"),
        meetings=n("meetings"),
        held=counts["meetings_held"],
        decisions=n("decisions"),
        actions=n("actions"),
        open=counts["open_actions"],
        overdue=counts["overdue_actions"],
        requests=n("agenda_requests"),
        pending=counts["pending_requests"],
    )


def quorum_text(board: BoardSummary) -> str:
    if board.quorum_rule == QuorumRule.MEMBER_COUNT:
        return _("at least {count} members").format(count=int(board.quorum_value))
    if board.quorum_rule == QuorumRule.PERSPECTIVE_SHARE:
        return _("more than {share:.0%} of the perspectives").format(share=board.quorum_value)
    return _("more than {share:.0%} of the voting members").format(share=board.quorum_value)


def meeting_label(meeting: MeetingSummary) -> str:
    return format_date(meeting.starts_at, time=True)


def days_until(meeting: MeetingSummary, today: dt.date) -> int:
    return (meeting.starts_at.date() - today).days
