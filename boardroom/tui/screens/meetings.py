"""Meetings: the year around today; enter opens a meeting's console."""

from __future__ import annotations

from textual.binding import Binding

from boardroom.i18n import N_, _, format_date, label
from boardroom.services import meeting as live
from boardroom.tui.screens.base import Row, TableScreen


class MeetingsScreen(TableScreen):
    TITLE_TEXT = "Meetings"
    COLUMNS = ("Date", "Status", "Location", "Kind")
    FLEX = "Location"
    BINDINGS = [
        Binding("enter,o", "open", N_("Open the console")),
        Binding("a", "agenda", N_("Build the agenda")),
        Binding("v", "approve", N_("Approve the minutes")),
        Binding("x", "export_minutes", N_("Export the minutes")),
        Binding("w", "amend", N_("Amend the minutes")),
    ]

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

    def action_approve(self) -> None:
        from boardroom.services import record

        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.attempt(
                lambda: record.approve_minutes(self.session, meeting_id),
                _("The minutes are approved; this meeting's record is now read-only."),
            )

    def action_amend(self) -> None:
        from boardroom.services import record
        from boardroom.tui.widgets.form import FormField

        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.open_form(
                _("Amend the minutes"),
                [FormField("text", _("Amendment"), "textarea")],
                lambda v: record.amend_minutes(self.session, meeting_id, v["text"]),
            )

    def action_export_minutes(self) -> None:
        from boardroom.exports.minutes import minutes_document
        from boardroom.services.minutes import build_minutes

        meeting_id = self.selected_id()
        if meeting_id is None:
            return
        current = live.meeting(self.session, meeting_id)
        day = f"{current.starts_at:%Y-%m-%d}"
        self.open_export(
            _("Export the minutes"),
            f"verslag-{day}.html",
            lambda: minutes_document(build_minutes(self.session, meeting_id)),
            f"ssh … export minutes --meeting {day} --format docx > verslag-{day}.docx",
        )

    def action_agenda(self) -> None:
        from boardroom.tui.screens.agenda import open_agenda

        meeting_id = self.selected_id()
        if meeting_id is not None:
            open_agenda(self, meeting_id)

    def action_open(self) -> None:
        from boardroom.tui.screens.console import MeetingConsole

        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.app.push_screen(MeetingConsole(meeting_id))
