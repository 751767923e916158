"""Show what a change would do and ask: y / enter applies, n / esc cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from boardroom.i18n import N_, _
from boardroom.tui.internals.bindings import TranslatedBindings


class ConfirmScreen(TranslatedBindings, ModalScreen[bool | None]):
    """y applies (True); n declines (False); esc leaves without an answer (None). Where "no"
    means "do the other thing", `no_label` names it on its button."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen #confirm {
        width: 90%; max-width: 130; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    ConfirmScreen #confirm-title { text-style: bold; margin-bottom: 1; }
    ConfirmScreen #confirm-body { height: auto; max-height: 30; }
    ConfirmScreen Horizontal { height: auto; margin-top: 1; }
    ConfirmScreen Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("y,enter", "answer(True)", N_("Apply")),
        Binding("n", "answer(False)", N_("Cancel")),
        Binding("escape", "leave", N_("Back")),
    ]

    def __init__(self, title: str, body: str, apply_label: str = "", no_label: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.apply_label = apply_label or _("Apply")
        self.no_label = no_label or _("Cancel")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="confirm"):
            yield Static(self.title_text, id="confirm-title")
            yield Static(self.body, id="confirm-body", markup=False)
            with Horizontal():
                yield Button(f"{self.apply_label} (y)", variant="primary", id="yes")
                yield Button(f"{self.no_label} (n)", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_leave(self) -> None:
        self.dismiss(None)
