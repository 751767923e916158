"""Perspectives: the groups the board represents, their seats and vote weight."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from boardroom.i18n import N_, _
from boardroom.services import composition as comp
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.form import FormField


class PerspectivesScreen(TableScreen):
    TITLE_TEXT = "Perspectives"
    COLUMNS = ("Perspective", "Seats", "Vote weight", "Members of the perspective")
    FLEX = "Members of the perspective"
    BINDINGS = [
        Binding("a", "add", N_("Add")),
        Binding("e", "edit", N_("Edit")),
        Binding("delete", "delete", N_("Delete")),
    ]

    def rows(self) -> list[Row]:
        board = comp.composition(self.session)
        self.perspectives = {p.id: p for p in board.perspectives}
        return [
            (
                p.id or 0,
                (
                    p.name,
                    str(p.seats),
                    f"{p.vote_weight:g}",
                    ", ".join(x.name for x in board.members_of(p.id) if x.active_until is None),
                ),
            )
            for p in board.perspectives
        ]

    def fields(self, values: dict[str, Any]) -> list[FormField]:
        return [
            FormField("name", _("Name"), value=values.get("name")),
            FormField("seats", _("Seats"), "int", values.get("seats", 1)),
            FormField("vote_weight", _("Vote weight"), "float", values.get("vote_weight", 1)),
        ]

    def action_add(self) -> None:
        self.open_form(
            _("Add perspective"),
            self.fields({}),
            lambda values: comp.save_perspective(self.session, values),
        )

    def action_edit(self) -> None:
        row_id = self.selected_id()
        if row_id is None:
            return
        current = self.perspectives[row_id].model_dump()
        self.open_form(
            _("Edit perspective"),
            self.fields(current),
            lambda values: comp.save_perspective(self.session, values, row_id),
        )

    def action_delete(self) -> None:
        row_id = self.selected_id()
        if row_id is not None:
            self.attempt(lambda: comp.delete_perspective(self.session, row_id), _("Deleted"))
