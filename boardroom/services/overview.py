"""What the dashboard and the command line's summaries show about a board."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boardroom.domain import models as m
from boardroom.domain.errors import NotFound
from boardroom.domain.permissions import Capability
from boardroom.i18n import _, format_date
from boardroom.services.session import Session


@dataclass(frozen=True)
class Dashboard:
    board: m.Board
    next_meeting: m.Meeting | None
    upcoming: list[m.Meeting]
    open_actions: int
    overdue_actions: int
    pending_requests: int
    decisions_in_force: int
    meetings_held: int
    active_members: int
    voting_members: int
    perspectives: int
    themes: int


def require_board(session: Session) -> m.Board:
    board = session.repo.board()
    if board is None:
        raise NotFound(_("this database holds no board yet"), str(session.database.path))
    return board


def dashboard(session: Session) -> Dashboard:
    """The dashboard's figures: a handful of indexed counts, whatever the board's age."""
    session.require(Capability.READ, "read the board")
    repo = session.repo
    board = require_board(session)
    now = session.local_now()
    counts = repo.counts(now.date())
    members = repo.members(include_inactive=False, on=now.date())
    upcoming = repo.upcoming_meetings(now, limit=4)
    return Dashboard(
        board=board,
        next_meeting=repo.next_meeting(now),
        upcoming=upcoming,
        open_actions=counts["open_actions"],
        overdue_actions=counts["overdue_actions"],
        pending_requests=counts["pending_requests"],
        decisions_in_force=counts["decisions_in_force"],
        meetings_held=counts["meetings_held"],
        active_members=len(members),
        voting_members=sum(
            1
            for x in members
            if x.perspective_id and (board.outer_circle_votes or x.circle == m.Circle.INNER)
        ),
        perspectives=int(repo.scalar("SELECT count(*) FROM perspectives")),
        themes=int(repo.scalar("SELECT count(*) FROM themes WHERE active = 1")),
    )


def summary(session: Session) -> str:
    """One paragraph: what the database holds."""
    repo = session.repo
    board = require_board(session)
    today = session.today
    counts = repo.counts(today)

    def n(table: str, where: str = "1") -> int:
        return int(repo.scalar(f"SELECT count(*) FROM {table} WHERE {where}"))

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


def quorum_text(board: m.Board) -> str:
    if board.quorum_rule == m.QuorumRule.MEMBER_COUNT:
        return _("at least {count} members").format(count=int(board.quorum_value))
    if board.quorum_rule == m.QuorumRule.PERSPECTIVE_SHARE:
        return _("more than {share:.0%} of the perspectives").format(share=board.quorum_value)
    return _("more than {share:.0%} of the voting members").format(share=board.quorum_value)


def meeting_label(meeting: m.Meeting) -> str:
    return format_date(meeting.starts_at, time=True)


def days_until(meeting: m.Meeting, today: dt.date) -> int:
    return (meeting.starts_at.date() - today).days
