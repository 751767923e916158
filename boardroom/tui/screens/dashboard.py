"""The dashboard: the board at a glance: next meeting, actions, requests, the record."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Header, Static

from boardroom.domain.errors import BoardroomError
from boardroom.i18n import _, label
from boardroom.services import overview
from boardroom.tui.screens.common import BoardScreen
from boardroom.tui.widgets.footer import KeyFooter


def card(title: str, body: str) -> str:
    return f"[b]{title}[/b]\n{body}"


class DashboardScreen(BoardScreen):
    RELOADS_ON_RESUME = True  # on_screen_resume fills the cards

    def compose(self) -> ComposeResult:
        yield Header()
        with Grid(id="dashboard"):
            for name in ("board", "next", "actions", "requests", "record", "composition"):
                yield Static(id=f"card-{name}", classes="card")
            yield Static(id="card-upcoming", classes="card wide")
        keys = ("ctrl+k", "J") if self.in_browser else ("ctrl+p", "f9")
        yield Static(
            _("Press {palette} for all commands; {year} shows the year in view.").format(
                palette=keys[0], year=keys[1]
            ),
            id="hint",
        )
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        """Also sent when the screen is first shown: fill the cards once per showing."""
        self.refresh_cards()

    def board_changed(self) -> None:
        self.refresh_cards()

    def _show(self, name: str, text: str) -> None:
        self.show_text(f"#card-{name}", text)

    def refresh_cards(self) -> None:
        try:
            data = overview.dashboard(self.session)
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        board, today = data.board, self.session.today
        who = self.session.user
        identity = (
            f"{who.name} ({', '.join(label(r) for r in who.roles)})"
            if who
            else f"[i]{_('read-only')}[/i]"
        )
        self._show(
            "board",
            card(
                board.name,
                f"{_('Region')}: {board.region}\n"
                f"{_('Decision method')}: {label(board.decision_method)}\n"
                f"{_('Quorum rule')}: {overview.quorum_text(board)}\n"
                f"{_('You are')}: {identity}",
            ),
        )
        meeting = data.next_meeting
        if meeting:
            days = overview.days_until(meeting, today)
            body = (
                f"[b]{overview.meeting_label(meeting)}[/b]\n{meeting.location}\n"
                f"{label(meeting.status)} · "
                + (_("in {days} days").format(days=days) if days else _("today"))
            )
        else:
            body = _("No meeting planned")
        if data.in_progress:
            body = (
                f"[b reverse] {_('A meeting is in progress')} [/]\n"
                + _("L: follow it, answer, ask for the floor")
                + f"\n\n{body}"
            )
        self._show("next", card(_("Next meeting"), body))
        overdue = (
            f"[b red]{data.overdue_actions} {_('overdue')}[/]"
            if data.overdue_actions
            else f"0 {_('overdue')}"
        )
        owners = ", ".join(f"{name} {n}" for name, n in data.overdue_owners[:2])
        self._show(
            "actions",
            card(
                _("Open actions"),
                f"[b]{data.open_actions}[/b] {_('open')}\n{overdue}"
                + (f"\n[dim]{owners}[/]" if owners else ""),
            ),
        )
        self._show(
            "requests", card(_("Pending agenda requests"), f"[b]{data.pending_requests}[/b]")
        )
        self._show(
            "record",
            card(
                _("Decisions in force"),
                f"[b]{data.decisions_in_force}[/b]\n{_('Meetings held')}: {data.meetings_held}\n"
                + (
                    f"[b yellow]{data.due_for_review} {_('due for review')}[/]"
                    if data.due_for_review
                    else f"0 {_('due for review')}"
                ),
            ),
        )
        self._show(
            "composition",
            card(
                _("Composition"),
                f"{data.perspectives} {_('Perspectives').lower()}\n"
                f"{data.active_members} {_('Members').lower()}"
                f" ({data.voting_members} {_('voting members')})\n"
                f"{data.themes} {_('Themes').lower()}",
            ),
        )
        lines = [
            f"{overview.meeting_label(x)}  {x.location}  [dim]{label(x.status)}[/dim]"
            for x in data.upcoming
        ]
        self._show(
            "upcoming", card(_("Upcoming meetings"), "\n".join(lines) or _("No meeting planned"))
        )
