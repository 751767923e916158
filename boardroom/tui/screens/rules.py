"""Behaviour rules (spelregels) and leading principles (leidende principes), one list at a time."""

from __future__ import annotations

from textual.binding import Binding

from boardroom.i18n import N_, _
from boardroom.services import composition as comp
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.form import FormField


class RulesScreen(TableScreen):
    TITLE_TEXT = "Rules and principles"
    COLUMNS = ("Order", "Text", "Active")
    FLEX = "Text"
    BINDINGS = [
        Binding("s", "switch_list", N_("Switch list")),
        Binding("a", "add", N_("Add")),
        Binding("e", "edit", N_("Edit")),
        Binding("x", "toggle_active", N_("Deactivate/Reactivate")),
        Binding("ctrl+up", "move(-1)", N_("Move up")),
        Binding("ctrl+down", "move(1)", N_("Move down")),
    ]

    table_name: comp.RuleTable = "behaviour_rules"

    def heading(self) -> str:
        own = (
            _("Behaviour rules")
            if self.table_name == "behaviour_rules"
            else _("Leading principles")
        )
        other = (
            _("Leading principles")
            if self.table_name == "behaviour_rules"
            else _("Behaviour rules")
        )
        return f"[b]{own}[/b]   [dim]s: {other}[/dim]"

    def current(self) -> list:
        board = comp.composition(self.session)
        return (
            board.behaviour_rules
            if self.table_name == "behaviour_rules"
            else (board.leading_principles)
        )

    def rows(self) -> list[Row]:
        self.items = {rule.id: rule for rule in self.current()}
        return [
            (rule.id or 0, (str(n), rule.text, _("yes") if rule.active else _("no")))
            for n, rule in enumerate(self.items.values(), start=1)
        ]

    def detail(self, row_id: int | None) -> str:
        rule = self.items.get(row_id)
        return rule.text if rule else ""

    def action_switch_list(self) -> None:
        self.table_name = (
            "leading_principles" if self.table_name == "behaviour_rules" else "behaviour_rules"
        )
        self.reload()

    def _title(self, adding: bool) -> str:
        if self.table_name == "behaviour_rules":
            return _("Add rule") if adding else _("Edit rule")
        return _("Add principle") if adding else _("Edit principle")

    def action_add(self) -> None:
        table = self.table_name
        self.open_form(
            self._title(True),
            [FormField("text", _("Text"))],
            lambda v: comp.save_rule(self.session, table, v),
        )

    def action_edit(self) -> None:
        row_id = self.selected_id()
        rule = self.items.get(row_id)
        if rule is None:
            return
        table = self.table_name
        self.open_form(
            self._title(False),
            [FormField("text", _("Text"), value=rule.text)],
            lambda v: comp.save_rule(self.session, table, v, row_id),
        )

    def action_toggle_active(self) -> None:
        row_id = self.selected_id()
        rule = self.items.get(row_id)
        if rule is None or row_id is None:
            return
        self.attempt(
            lambda: comp.set_rule_active(self.session, self.table_name, row_id, not rule.active),
            _("Saved."),
        )

    def action_move(self, delta: int) -> None:
        row_id = self.selected_id()
        if row_id is not None:
            self.attempt(
                lambda: comp.move_rule(self.session, self.table_name, row_id, delta), _("Saved.")
            )
