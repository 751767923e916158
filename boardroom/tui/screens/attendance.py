"""Attendance in a few keys: one key per status, the cursor moves on, quorum shown live."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from boardroom.domain.enums import AttendanceStatus
from boardroom.domain.errors import BoardroomError
from boardroom.i18n import _, label
from boardroom.services import meeting as live
from boardroom.tui.screens.common import BoardScreen, row_id
from boardroom.tui.widgets.form import FormField, FormScreen


class AttendanceScreen(BoardScreen):
    TITLE_TEXT = "Attendance"
    DEFAULT_CSS = """
    AttendanceScreen #quorum { padding: 0 1; height: auto; background: $boost; }
    AttendanceScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("p", "mark('present')", _("Present")),
        Binding("r", "mark('remote')", _("Remote")),
        Binding("n", "mark('absent_with_notice')", _("Absent with notice")),
        Binding("x", "mark('absent')", _("Absent")),
        Binding("s", "substitute", _("Substitute")),
        Binding("escape", "app.pop_screen", _("Back")),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="quorum")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Name"), _("Perspective"), _("Circle"), _("Status"), _("Substitute"))
        self.reload()
        table.focus()

    def reload(self) -> None:
        state = live.console(self.session, self.meeting_id)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for member in state.members:
            present = state.attendance.get(member.id or 0)
            table.add_row(
                member.name,
                state.perspective_of(member.id or 0),
                label(member.circle),
                label(present.status) if present else "—",
                present.substitute_name if present else "",
                key=str(member.id),
            )
        table.move_cursor(row=min(row, table.row_count - 1))
        quorum = state.quorum
        mark = "[green]✔[/]" if quorum.result.met else "[red]✘[/]"
        missing = ", ".join(quorum.missing) or _("none")
        self.query_one("#quorum", Static).update(
            f"{mark} {_('Quorum')}: {quorum.explain()}\n{_('missing')}: {missing}"
        )

    def selected(self) -> int | None:
        return row_id(self.query_one(DataTable))

    def record(self, status: AttendanceStatus, name: str = "") -> None:
        member_id = self.selected()
        if member_id is None:
            return
        try:
            live.set_attendance(self.session, self.meeting_id, member_id, status, name)
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        self.reload()
        self.query_one(DataTable).action_cursor_down()

    def action_mark(self, status: str) -> None:
        self.record(AttendanceStatus(status))

    def action_substitute(self) -> None:
        member_id = self.selected()
        if member_id is None:
            return

        def submit(values: dict) -> None:  # type: ignore[type-arg]
            live.set_attendance(
                self.session,
                self.meeting_id,
                member_id,
                AttendanceStatus.SUBSTITUTE,
                values["name"],
            )

        def then(ok: bool | None) -> None:
            if ok:
                self.reload()
                self.query_one(DataTable).action_cursor_down()

        self.app.push_screen(
            FormScreen(_("Substitute"), [FormField("name", _("Name of the substitute"))], submit),
            then,
        )
