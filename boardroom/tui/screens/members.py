"""Members: who sits at the table, for which perspective, in which roles. Deactivate, never delete."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from boardroom.domain import models as m
from boardroom.i18n import N_, _, label
from boardroom.services import composition as comp
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.form import FormField


def active_period(member: m.Member) -> str:
    if member.active_from and member.active_until:
        return f"{member.active_from} – {member.active_until}"
    if member.active_until:
        return f"{_('until')} {member.active_until}"
    if member.active_from:
        return f"{_('since')} {member.active_from}"
    return ""


class MembersScreen(TableScreen):
    TITLE_TEXT = "Members"
    COLUMNS = ("Name", "Perspective", "Roles", "Circle", "Weight", "Active")
    FLEX = "Roles"
    BINDINGS = [
        Binding("a", "add", N_("Add")),
        Binding("e", "edit", N_("Edit")),
        Binding("x", "toggle_active", N_("Deactivate/Reactivate")),
        Binding("i", "toggle_inactive", N_("Show inactive")),
        Binding("k", "access", N_("Access over SSH")),
    ]

    show_inactive = False

    def rows(self) -> list[Row]:
        self.board = comp.composition(self.session)
        today = self.session.today
        rows: list[Row] = []
        for member in self.board.members:
            active = member.is_active(today)
            if not active and not self.show_inactive:
                continue
            weight = "" if member.vote_weight is None else f"{member.vote_weight:g}"
            rows.append(
                (
                    member.id or 0,
                    (
                        member.name if active else f"[dim]{member.name}[/dim]",
                        self.board.perspective_name(member.perspective_id),
                        ", ".join(label(r) for r in member.roles),
                        label(member.circle),
                        weight,
                        active_period(member) or _("active"),
                    ),
                )
            )
        return rows

    def heading(self) -> str:
        suffix = f" ({_('Show inactive').lower()})" if self.show_inactive else ""
        return _("Members") + suffix

    def detail(self, row_id: int | None) -> str:
        member = next((x for x in self.board.members if x.id == row_id), None)
        if member is None:
            return ""
        parts = [f"[b]{member.name}[/b] — {member.organisation}"]
        if member.mandate:
            parts.append(f"{_('Mandate')}: {member.mandate}")
        if member.email:
            parts.append(member.email)
        return "\n".join(parts)

    def fields(self, values: dict[str, Any]) -> list[FormField]:
        perspectives = [(p.name, p.id) for p in self.board.perspectives]
        return [
            FormField("name", _("Name"), value=values.get("name")),
            FormField("organisation", _("Organisation"), value=values.get("organisation", "")),
            FormField(
                "perspective_id",
                _("Perspective"),
                "select",
                values.get("perspective_id"),
                perspectives,
            ),
            FormField(
                "roles",
                _("Roles"),
                "multi",
                values.get("roles", [m.Role.MEMBER]),
                [(label(r), r) for r in m.Role],
            ),
            FormField(
                "circle",
                _("Circle"),
                "select",
                values.get("circle", m.Circle.INNER),
                [(label(c), c) for c in m.Circle],
            ),
            FormField("mandate", _("Mandate"), value=values.get("mandate", "")),
            FormField(
                "vote_weight",
                _("Vote weight"),
                "optional_float",
                values.get("vote_weight"),
                hint=_("empty: the perspective's weight"),
            ),
            FormField("email", _("E-mail"), value=values.get("email", "")),
            FormField(
                "active_from",
                _("Active from"),
                "date",
                values.get("active_from"),
                hint=_("YYYY-MM-DD or empty"),
            ),
            FormField(
                "active_until",
                _("Active until"),
                "date",
                values.get("active_until"),
                hint=_("YYYY-MM-DD or empty"),
            ),
        ]

    def action_add(self) -> None:
        self.open_form(
            _("Add member"), self.fields({}), lambda v: comp.save_member(self.session, v)
        )

    def action_edit(self) -> None:
        row_id = self.selected_id()
        if row_id is None:
            return
        member, seen = comp.member_to_edit(self.session, row_id)
        self.open_form(
            _("Edit member"),
            self.fields(member.model_dump()),
            lambda v: comp.save_member(self.session, v, row_id, seen),
        )

    def action_toggle_active(self) -> None:
        row_id = self.selected_id()
        member = next((x for x in self.board.members if x.id == row_id), None)
        if member is None or row_id is None:
            return
        if member.is_active(self.session.today):
            self.attempt(
                lambda: comp.deactivate_member(self.session, row_id),
                f"{_('Deactivated')}: {member.name}",
            )
        else:
            self.attempt(
                lambda: comp.reactivate_member(self.session, row_id),
                f"{_('Reactivated')}: {member.name}",
            )

    def action_access(self) -> None:
        from boardroom.tui.screens.access import AccessScreen

        self.app.push_screen(AccessScreen())

    def action_toggle_inactive(self) -> None:
        self.show_inactive = not self.show_inactive
        self.reload()
