"""Attendance in a few keys: one key per status, the cursor moves on, quorum shown live."""

from __future__ import annotations

from textual.binding import Binding

from boardroom.domain.enums import AttendanceStatus
from boardroom.i18n import N_, _, label
from boardroom.services import meeting as live
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.form import FormField, FormScreen


class AttendanceScreen(TableScreen):
    TITLE_TEXT = "Attendance"
    COLUMNS = ("Name", "Perspective", "Circle", "Status", "Substitute")
    BINDINGS = [
        Binding("p", "mark('present')", N_("Present")),
        Binding("r", "mark('remote')", N_("Remote")),
        Binding("n", "mark('absent_with_notice')", N_("Absent with notice")),
        Binding("x", "mark('absent')", N_("Absent")),
        Binding("s", "substitute", N_("Substitute")),
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.state: live.Console | None = None

    def rows(self) -> list[Row]:
        self.state = state = live.console(self.session, self.meeting_id)
        rows: list[Row] = []
        for member in state.members:
            present = state.attendance.get(member.id or 0)
            rows.append(
                (
                    member.id or 0,
                    (
                        member.name,
                        state.perspective_of(member.id or 0),
                        label(member.circle),
                        label(present.status) if present else "—",
                        present.substitute_name if present else "",
                    ),
                )
            )
        return rows

    def heading(self) -> str:
        if self.state is None:
            return _(self.TITLE_TEXT)
        quorum = self.state.quorum
        mark = "[green]✔[/]" if quorum.result.met else "[red]✘[/]"
        return f"{mark} {_('Quorum')}: {quorum.explain()}"

    def detail(self, row_id: int | None) -> str:
        if self.state is None:
            return ""
        return f"{_('missing')}: {', '.join(self.state.quorum.missing) or _('none')}"

    def seen(self, member_id: int) -> int:
        """The version of the member's attendance this screen shows (0: not marked yet)."""
        return self.state.attendance_seen.get(member_id, 0) if self.state else 0

    def action_mark(self, status: str) -> None:
        self.mark(
            lambda member_id: live.set_attendance(
                self.session,
                self.meeting_id,
                member_id,
                AttendanceStatus(status),
                seen=self.seen(member_id),
            )
        )

    def action_substitute(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            return
        seen = self.seen(member_id)

        def submit(values: dict) -> None:  # type: ignore[type-arg]
            live.set_attendance(
                self.session,
                self.meeting_id,
                member_id,
                AttendanceStatus.SUBSTITUTE,
                values["name"],
                seen=seen,
            )

        def then(ok: bool | None) -> None:
            if ok:
                self.mark(lambda _member: None)  # saved in the form: refresh and move on

        self.app.push_screen(
            FormScreen(_("Substitute"), [FormField("name", _("Name of the substitute"))], submit),
            then,
        )
