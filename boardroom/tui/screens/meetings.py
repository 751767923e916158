"""Meetings: the year around today; enter opens a meeting's console."""

from __future__ import annotations

from textual.binding import Binding

from boardroom.i18n import _, format_date, label
from boardroom.services import meeting as live
from boardroom.tui.screens.base import Row, TableScreen


class MeetingsScreen(TableScreen):
    TITLE_TEXT = "Meetings"
    COLUMNS = ("Date", "Status", "Location", "Kind")
    BINDINGS = [Binding("enter,o", "open", _("Open the console"))]

    def rows(self) -> list[Row]:
        meetings = live.meetings_around(self.session, self.session.today)
        self.upcoming = next(
            (x.id for x in meetings if x.starts_at.date() >= self.session.today), None
        )
        return [
            (
                x.id or 0,
                (format_date(x.starts_at, time=True), label(x.status), x.location, label(x.kind)),
            )
            for x in meetings
        ]

    def initial_row(self) -> int | None:
        return self.upcoming  # the next meeting

    def on_data_table_row_selected(self, _event: object) -> None:
        self.action_open()

    def action_open(self) -> None:
        from boardroom.tui.screens.console import MeetingConsole

        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.app.push_screen(MeetingConsole(meeting_id))
