"""Themes (programme lines): portfolio holders, programme manager, agenda slots per year."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from boardroom.i18n import N_, _
from boardroom.services import composition as comp
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.form import FormField


class ThemesScreen(TableScreen):
    TITLE_TEXT = "Themes"
    COLUMNS = (
        "Name",
        "Portfolio holders",
        "Programme manager",
        "Slots per year",
        "Preferred months",
        "Active",
    )
    FLEX = "Name"
    BINDINGS = [
        Binding("a", "add", N_("Add")),
        Binding("e", "edit", N_("Edit")),
        Binding("x", "toggle_active", N_("Deactivate/Reactivate")),
    ]

    def rows(self) -> list[Row]:
        self.board = comp.composition(self.session)
        return [
            (
                theme.id or 0,
                (
                    f"[{theme.colour}]■[/] {theme.name}",
                    ", ".join(
                        self.board.member_name(i) for i in self.board.holders.get(theme.id or 0, [])
                    ),
                    self.board.member_name(theme.programme_manager_id),
                    str(theme.target_slots),
                    ", ".join(str(x) for x in theme.preferred_months),
                    _("yes") if theme.active else _("no"),
                ),
            )
            for theme in self.board.themes
        ]

    def fields(self, values: dict[str, Any], holders: list[int]) -> list[FormField]:
        today = self.session.today
        people = [(x.name, x.id) for x in self.board.members if x.is_active(today)]
        return [
            FormField("name", _("Name"), value=values.get("name")),
            FormField("holders", _("Portfolio holders"), "multi", holders, people),
            FormField(
                "programme_manager_id",
                _("Programme manager"),
                "select",
                values.get("programme_manager_id"),
                people,
            ),
            FormField("target_slots", _("Slots per year"), "int", values.get("target_slots", 4)),
            FormField(
                "preferred_months",
                _("Preferred months"),
                "months",
                values.get("preferred_months", []),
                hint=_("comma-separated") + ": 3, 9",
            ),
            FormField("colour", _("Colour"), value=values.get("colour", "#4a90d9")),
            FormField("active", _("Active"), "switch", values.get("active", True)),
        ]

    def _submit(self, values: dict[str, Any], row_id: int | None, seen: int | None = None) -> None:
        holders = values.pop("holders")
        comp.save_theme(self.session, values, holders, row_id, seen)

    def action_add(self) -> None:
        self.open_form(_("Add theme"), self.fields({}, []), lambda v: self._submit(v, None))

    def action_edit(self) -> None:
        row_id = self.selected_id()
        if row_id is None:
            return
        seen = self.session.version("themes", row_id)  # before the row: see MembersScreen
        self.reload()
        theme = next((t for t in self.board.themes if t.id == row_id), None)
        if theme is None:
            return
        self.open_form(
            _("Edit theme"),
            self.fields(theme.model_dump(), self.board.holders.get(row_id, [])),
            lambda v: self._submit(v, row_id, seen),
        )

    def action_toggle_active(self) -> None:
        row_id = self.selected_id()
        theme = next((t for t in self.board.themes if t.id == row_id), None)
        if theme is None:
            return
        self.attempt(
            lambda: comp.save_theme(self.session, {"active": not theme.active}, None, row_id),
            _("Saved."),
        )
