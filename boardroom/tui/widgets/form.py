"""One form for every entity: fields described as data, values handed to a service.

The form converts what was typed (numbers, dates, month lists); the service validates it with
the domain model. A problem is shown beside the form and nothing is saved until it is fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import (
    Button,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    Switch,
    TextArea,
)

from boardroom.domain.errors import BoardroomError
from boardroom.i18n import N_, _
from boardroom.tui.internals.bindings import TranslatedBindings

Kind = Literal[
    "text",
    "textarea",
    "int",
    "float",
    "optional_float",
    "date",
    "select",
    "multi",
    "switch",
    "months",
]


@dataclass
class FormField:
    name: str
    label: str
    kind: Kind = "text"
    value: Any = None
    options: list[tuple[str, Any]] = field(default_factory=list)
    hint: str = ""
    suggestions: list[str] = field(default_factory=list)  # completions for a text field
    preview: Callable[[str], str] | None = None  # what the typed text means, shown as typed
    where: str = ""  # how the service names this field in a problem, when not by `name`


class FieldProblem(ValueError):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field_name = field_name


def convert(spec: FormField, raw: Any) -> Any:
    """What was typed, as the value the service expects."""
    if spec.kind in ("select", "multi", "switch"):
        return None if raw is Select.NULL else raw
    if spec.kind == "textarea":
        return str(raw or "").strip()
    text = str(raw or "").strip()
    try:
        if spec.kind == "int":
            return int(text)
        if spec.kind == "float":
            return float(text.replace(",", "."))
        if spec.kind == "optional_float":
            return float(text.replace(",", ".")) if text else None
        if spec.kind == "date":
            return dt.date.fromisoformat(text) if text else None
        if spec.kind == "months":
            return [int(part) for part in text.replace(";", ",").split(",") if part.strip()]
    except ValueError:
        expected = {
            "int": _("a whole number"),
            "float": _("a number"),
            "optional_float": _("a number or empty"),
            "date": _("a date YYYY-MM-DD or empty"),
            "months": _("month numbers, e.g. 3, 9"),
        }[spec.kind]
        raise FieldProblem(
            spec.name,
            _("{label}: expected {expected}, got {text!r}").format(
                label=spec.label, expected=expected, text=text
            ),
        ) from None
    return text


class FormScreen(TranslatedBindings, ModalScreen[bool]):
    """A modal form; `submit(values)` saves or raises a BoardroomError that the form shows."""

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
    }

    #form {
        width: 72;
        max-height: 90%;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }

    .form-title {
        text-style: bold;
        margin-bottom: 1;
    }

    .form-label {
        margin-top: 1;
        width: 100%;  /* a long label wraps, never cut */
    }

    .form-hint {
        color: $text-muted;
    }

    #form TextArea {
        height: 8;
    }

    #form SelectionList {
        height: auto;
        max-height: 10;
    }

    .invalid {
        border: tall $error;
    }

    #form-error {
        color: $error;
        margin-top: 1;
    }

    .form-buttons {
        height: auto;
        margin-top: 1;
    }

    .form-buttons Button {
        margin-right: 2;
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "save", N_("Save")),
    ]

    def __init__(
        self, title: str, fields: list[FormField], submit: Callable[[dict[str, Any]], None]
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.submit = submit

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(self.form_title, classes="form-title")
            for spec in self.fields:
                yield Label(spec.label, classes="form-label")
                yield self._widget(spec).add_class("form-field")
                if spec.hint or spec.preview:
                    yield Static(
                        self._hint(spec, spec.value), classes="form-hint", id=f"hint-{spec.name}"
                    )
            yield Static("", id="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(_("Save") + " (ctrl+s)", variant="primary", id="save")
                yield Button(_("Cancel") + " (esc)", id="cancel")

    def _widget(self, spec: FormField) -> Any:
        widget_id = f"field-{spec.name}"
        if spec.kind == "select":
            return Select(
                spec.options,
                value=spec.value if spec.value is not None else Select.NULL,
                id=widget_id,
                allow_blank=True,
                prompt="—",
            )
        if spec.kind == "multi":
            chosen = set(spec.value or [])
            return SelectionList(
                *[(label, value, value in chosen) for label, value in spec.options], id=widget_id
            )
        if spec.kind == "switch":
            return Switch(value=bool(spec.value), id=widget_id)
        if spec.kind == "textarea":
            return TextArea(str(spec.value or ""), id=widget_id, soft_wrap=True)
        if spec.kind == "months":
            value = ", ".join(str(x) for x in spec.value or [])
        elif spec.kind in ("float", "optional_float") and spec.value is not None:
            value = f"{spec.value:g}"
        else:
            value = "" if spec.value is None else str(spec.value)
        suggester = (
            SuggestFromList(spec.suggestions, case_sensitive=False) if spec.suggestions else None
        )
        return Input(value=value, id=widget_id, suggester=suggester)

    @staticmethod
    def _hint(spec: FormField, text: object) -> str:
        if spec.preview is None:
            return spec.hint
        return f"{spec.hint} {spec.preview(str(text or ''))}".strip()

    @on(Input.Changed)
    def _show_preview(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        spec = next((s for s in self.fields if s.name == name), None)
        if spec is not None and spec.preview is not None:
            self.query_one(f"#hint-{name}", Static).update(self._hint(spec, event.value))

    def values(self) -> dict[str, Any]:
        values = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, SelectionList):
                raw: Any = list(widget.selected)
            elif isinstance(widget, TextArea):
                raw = widget.text
            else:
                raw = widget.value  # type: ignore[attr-defined]
            values[spec.name] = convert(spec, raw)
        return values

    def _show_problem(self, message: str, field_name: str | None) -> None:
        self.query_one("#form-error", Static).update(f"⚠ {message}")
        at = next((s for s in self.fields if field_name in (s.name, s.where)), None)
        for spec in self.fields:
            self.query_one(f"#field-{spec.name}").set_class(spec is at, "invalid")
        if at is not None:
            self.query_one(f"#field-{at.name}").focus()
        if self.query_one("#form", VerticalScroll).max_scroll_y > 0:
            # a form taller than the screen: its error line may be out of sight
            self.notify(message, severity="error", timeout=8)

    def action_save(self) -> None:
        try:
            self.submit(self.values())
        except FieldProblem as problem:
            self._show_problem(str(problem), problem.field_name)
            return
        except BoardroomError as error:
            where = (error.where or "").split(".")[0] or None
            self._show_problem(str(error), where)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_mount(self) -> None:
        first = self.query(".form-field").first()
        first.focus()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last one it saves."""
        event.stop()
        fields = list(self.query(".form-field"))
        if event.input is fields[-1]:
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
