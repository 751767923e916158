"""The close: the behaviour check (kept / under pressure / broken, with a note), then the chair
closes the meeting and sees its summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from boardroom.domain.enums import BehaviourScore
from boardroom.i18n import N_, _, label
from boardroom.i18n.record import decision_outcome
from boardroom.services import meeting as live
from boardroom.services.session import Session
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.screens.common import BoardScreen
from boardroom.tui.widgets.footer import KeyFooter
from boardroom.tui.widgets.form import FormField

if TYPE_CHECKING:
    from boardroom.domain.models import BehaviourCheck


class BehaviourScreen(TableScreen):
    TITLE_TEXT = "Score each behaviour rule; then X closes the meeting."
    COLUMNS = ("Behaviour rule", "Score", "Note")
    FLEX = "Behaviour rule"
    BINDINGS = [
        Binding("k", "score('kept')", N_("Kept")),
        Binding("u", "score('under_pressure')", N_("Under pressure")),
        Binding("b", "score('broken')", N_("Broken")),
        Binding("n", "note", N_("Note")),
        Binding("X", "close_meeting", N_("Close meeting")),
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.scores: dict[int, BehaviourCheck] = {}
        self.scores_seen: dict[int, int] = {}

    def rows(self) -> list[Row]:
        state = live.console(self.session, self.meeting_id)
        self.scores, self.scores_seen = state.scores, state.scores_seen
        return [
            (
                rule.id or 0,
                (
                    rule.text[:70],
                    label(self.scores[rule.id].score) if rule.id in self.scores else "—",
                    self.scores[rule.id].note if rule.id in self.scores else "",
                ),
            )
            for rule in state.rules
        ]

    def action_score(self, score: str) -> None:
        def give(rule_id: int) -> None:
            note = self.scores[rule_id].note if rule_id in self.scores else ""
            seen = self.scores_seen.get(rule_id, 0)
            live.score_rule(
                self.session, self.meeting_id, rule_id, BehaviourScore(score), note, seen=seen
            )

        self.mark(give)

    def action_note(self) -> None:
        rule_id = self.selected_id()
        if rule_id is None or rule_id not in self.scores:
            self.notify(_("Score the rule first (k, u or b)."), severity="warning")
            return
        check = self.scores[rule_id]
        seen = self.scores_seen.get(rule_id, 0)
        self.open_form(
            _("Note"),
            [FormField("note", _("Note"), value=check.note)],
            lambda v: live.score_rule(
                self.session, self.meeting_id, rule_id, check.score, v["note"], seen=seen
            ),
        )

    def action_close_meeting(self) -> None:
        if self.attempt(lambda: live.close_meeting(self.session, self.meeting_id)):
            self.app.switch_screen(SummaryScreen(self.meeting_id))


class SummaryScreen(BoardScreen):
    """What the meeting decided and agreed, at a glance, after the close."""

    TITLE_TEXT = "Summary"
    DEFAULT_CSS = "SummaryScreen #summary { padding: 1 2; }"
    BINDINGS = [Binding("escape", "app.pop_screen", N_("Back"))]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        session: Session = self.app.session  # type: ignore[attr-defined]
        state = live.console(session, self.meeting_id)
        self.sub_title = f"{_('Meeting')} {state.number} · {label(state.meeting.status)}"
        summary = live.summary(session, self.meeting_id)
        lines = [f"[b]{_('Decisions')}[/b]"]
        lines += [f"  {d.number}  {d.title} — {decision_outcome(d)}" for d in summary.decisions]
        lines += ["", f"[b]{_('Actions')}[/b]"]
        lines += [
            f"  {a.number}  {a.text} — {state.name(a.owner_id)}, {a.due_date}"
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
