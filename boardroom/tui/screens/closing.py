"""The close: the behaviour check (kept / under pressure / broken, with a note), then the chair
closes the meeting and sees its summary."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from boardroom.domain.enums import BehaviourScore
from boardroom.domain.errors import BoardroomError
from boardroom.i18n import _, label
from boardroom.services import meeting as live
from boardroom.services.session import Session
from boardroom.tui.screens.common import BoardScreen, row_id
from boardroom.tui.widgets.form import FormField, FormScreen


class BehaviourScreen(BoardScreen):
    TITLE_TEXT = "Behaviour check"
    DEFAULT_CSS = """
    BehaviourScreen DataTable { height: 1fr; }
    BehaviourScreen #help { padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("k", "score('kept')", _("Kept")),
        Binding("u", "score('under_pressure')", _("Under pressure")),
        Binding("b", "score('broken')", _("Broken")),
        Binding("n", "note", _("Note")),
        Binding("X", "close_meeting", _("Close meeting")),
        Binding("escape", "app.pop_screen", _("Back")),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Score each behaviour rule; then X closes the meeting."), id="help")
        yield DataTable(id="rules", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Behaviour rule"), _("Score"), _("Note"))
        self.reload()
        table.focus()

    def reload(self) -> None:
        state = live.console(self.session, self.meeting_id)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for rule in state.rules:
            check = state.scores.get(rule.id or 0)
            table.add_row(
                rule.text[:70],
                label(check.score) if check else "—",
                check.note if check else "",
                key=str(rule.id),
            )
        table.move_cursor(row=min(row, max(0, table.row_count - 1)))

    def selected(self) -> int | None:
        return row_id(self.query_one(DataTable))

    def action_score(self, score: str) -> None:
        rule_id = self.selected()
        if rule_id is None:
            return
        state = live.console(self.session, self.meeting_id)
        note = state.scores[rule_id].note if rule_id in state.scores else ""
        try:
            live.score_rule(self.session, self.meeting_id, rule_id, BehaviourScore(score), note)
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        self.reload()
        self.query_one(DataTable).action_cursor_down()

    def action_note(self) -> None:
        rule_id = self.selected()
        state = live.console(self.session, self.meeting_id)
        if rule_id is None or rule_id not in state.scores:
            self.notify(_("Score the rule first (k, u or b)."), severity="warning")
            return
        check = state.scores[rule_id]
        self.app.push_screen(
            FormScreen(
                _("Note"),
                [FormField("note", _("Note"), value=check.note)],
                lambda v: live.score_rule(
                    self.session, self.meeting_id, rule_id, check.score, v["note"]
                ),
            ),
            lambda ok: self.reload(),
        )

    def action_close_meeting(self) -> None:
        try:
            live.close_meeting(self.session, self.meeting_id)
        except BoardroomError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self.app.switch_screen(SummaryScreen(self.meeting_id))


class SummaryScreen(BoardScreen):
    """What the meeting decided and agreed, at a glance, after the close."""

    TITLE_TEXT = "Summary"
    DEFAULT_CSS = "SummaryScreen #summary { padding: 1 2; }"
    BINDINGS = [Binding("escape", "app.pop_screen", _("Back"))]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield Footer()

    def on_mount(self) -> None:
        session: Session = self.app.session  # type: ignore[attr-defined]
        state = live.console(session, self.meeting_id)
        self.app.sub_title = f"{_('Meeting')} {state.number} · {label(state.meeting.status)}"
        summary = live.summary(session, self.meeting_id)
        lines = [f"[b]{_('Decisions')}[/b]"]
        lines += [f"  {d.number}  {d.title} — {d.outcome_summary}" for d in summary.decisions]
        lines += ["", f"[b]{_('Actions')}[/b]"]
        names = {x.id: x.name for x in session.repo.members()}
        lines += [
            f"  {a.number}  {a.text} — {names.get(a.owner_id, '')}, {a.due_date}"
            for a in summary.actions
        ]
        lines += ["", f"[b]{_('Deferred items')}[/b]"]
        lines += [f"  {i.title}" for i in summary.deferred] or [f"  {_('none')}"]
        lines += ["", f"[b]{_('Attendance')}[/b]"]
        lines += [f"  {label(s)}: {n}" for s, n in sorted(summary.attendance.items())]
        lines += [f"  {_('substitute for')} {m}: {s}" for m, s in summary.substitutes]
        lines += ["", f"[b]{_('Behaviour check')}[/b]"]
        lines += [f"  {label(k)}: {n}" for k, n in summary.behaviour.items()]
        self.query_one("#summary", Static).update("\n".join(lines))
