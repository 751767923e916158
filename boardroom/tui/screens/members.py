"""Members: who sits at the table, for which perspective, in which roles. Deactivate, never delete."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from boardroom.domain import models as m
from boardroom.domain.permissions import Capability
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
        Binding("k", "access", N_("Access")),
        Binding("b", "board_settings", N_("Board settings")),
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

    def action_board_settings(self) -> None:
        """The board's name, region, language, lead times and house style; its logo and font
        are files, named here when this session may open the computer's files (over SSH:
        `boardroom style` on the host)."""
        from boardroom.domain.style import FONT_LIMIT, LOGO_LIMIT
        from boardroom.services import style

        if not self.allowed(Capability.EDIT_COMPOSITION, _("change the board's settings")):
            return
        board, seen = style.settings_to_edit(self.session)
        files = self.app.files  # type: ignore[attr-defined]
        fields = [
            FormField("name", _("Name"), value=board.name),
            FormField("region", _("Region"), value=board.region),
            FormField(
                "language",
                _("Language of documents"),
                kind="select",
                options=[("Nederlands", m.Language.NL), ("English", m.Language.EN)],
                value=board.language,
            ),
            FormField(
                "papers_lead_days",
                _("Papers sent (days before)"),
                kind="int",
                value=board.papers_lead_days,
            ),
            FormField(
                "consent_review_months",
                _("Review consent decisions after (months)"),
                kind="int",
                value=board.consent_review_months,
            ),
            FormField(
                "accent",
                _("Accent colour"),
                value=board.accent,
                hint=_("#RRGGBB: headings, rules and table heads in every document"),
            ),
        ]
        kept = {"logo": board.logo_name, "font": board.font_name, "font_bold": board.font_bold_name}
        names = {"logo": _("Logo"), "font": _("Font"), "font_bold": _("Bold font")}
        kinds = {
            "logo": _("PNG or JPEG"),
            "font": _("TrueType .ttf"),
            "font_bold": _("TrueType .ttf"),
        }
        if files.reachable:
            fields += [
                FormField(
                    part,
                    f"{names[part]} ({kinds[part]})",
                    value="",
                    hint=_("a file on this computer; empty keeps {now}").format(now=kept[part])
                    if kept[part]
                    else _("a file on this computer (none yet)"),
                )
                for part in style.FILES
            ]
        else:
            fields[-1].hint += " · " + _("logo and font: boardroom style on the host")

        def submit(values: dict[str, Any]) -> None:
            chosen = {}
            for part in style.FILES:
                name = (values.pop(part, "") or "").strip()
                if name:
                    limit = LOGO_LIMIT if part == "logo" else FONT_LIMIT
                    content, file_name = files.read_bytes(name, part, limit)
                    chosen[part] = style.StyleFile(file_name, content)
            style.save_settings(self.session, values, seen, chosen)

        self.open_form(_("Board settings"), fields, submit)

    def action_toggle_inactive(self) -> None:
        self.show_inactive = not self.show_inactive
        self.reload()
