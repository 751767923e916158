"""Access over SSH: each member's public keys, who added them and when (issue 9). Reached from
the members screen with `k`; `esc` goes back there."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.binding import Binding

from boardroom.i18n import N_, _, format_date
from boardroom.services import access
from boardroom.services import composition as comp
from boardroom.services.session import AMSTERDAM
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.form import FormField


class AccessScreen(TableScreen):
    TITLE_TEXT = "Access over SSH"
    # The fingerprint last: at 80 columns the rest shows, and the line below gives it whole.
    COLUMNS = ("Member", "Access", "Added", "By", "Type", "Fingerprint")
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back")),
        Binding("a", "add", N_("Add a key")),
        Binding("d,delete", "remove", N_("Remove the key")),
    ]

    def rows(self) -> list[Row]:
        self.shown = {row.id: row for row in access.keys(self.session)}
        return [
            (
                row.id,
                (
                    row.member,
                    _("yes") if row.active else f"[red]{_('no: member not active')}[/]",
                    format_date(
                        dt.datetime.fromisoformat(row.added_at).astimezone(AMSTERDAM), time=True
                    ),
                    row.added_by,
                    row.algorithm.removeprefix("ssh-"),
                    row.fingerprint,
                ),
            )
            for row in self.shown.values()
        ]

    def heading(self) -> str:
        return _("Access over SSH: a member's key opens the board as that member (ssh -t)")

    def detail(self, row_id: int | None) -> str:
        row = self.shown.get(row_id or 0) if row_id else None
        if row is None:
            return _("No keys yet: a to add a member's public key (the .pub file's line).")
        return f"{row.member}: {row.fingerprint}" + (f" ({row.comment})" if row.comment else "")

    def action_add(self) -> None:
        if not self.permitted(lambda: access.require_manager(self.session)):
            return
        members = [(x.name, x.name) for x in comp.composition(self.session).members]

        def submit(values: dict[str, Any]) -> None:
            if not values["member"]:
                from boardroom.domain.errors import ValidationProblem

                raise ValidationProblem(_("choose the member"), "member")
            text = values["key"]
            if text.strip().startswith(("/", "~")):  # a path: read it (not over SSH)
                text = self.app.files.read_text(text.strip(), "key", 64_000)  # type: ignore[attr-defined]
            row = access.add_key(self.session, values["member"], text, "key")
            self.notify(f"{row.member}: {row.fingerprint}", timeout=6)

        self.open_form(
            _("Add a key"),
            [
                FormField("member", _("Member"), "select", None, members),
                FormField(
                    "key",
                    _("Public key"),
                    "textarea",
                    "",
                    hint=_("paste the line of the member's .pub file, or type its path"),
                ),
            ],
            submit,
        )

    def action_remove(self) -> None:
        from boardroom.tui.widgets.confirm import ConfirmScreen

        row = self.shown.get(self.selected_id() or 0)
        if row is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.attempt(
                    lambda: access.remove_keys(self.session, fingerprint=row.fingerprint),
                    _("Removed: the next login with this key is refused."),
                )

        self.app.push_screen(
            ConfirmScreen(
                _("Remove this key?"),
                f"{row.member}\n{row.fingerprint}",
                _("Remove"),
            ),
            answered,
        )
