"""Access: each member's SSH keys and passkeys, who gave them and when; invitation links for
members to make a passkey with (`i`). Reached from the members screen with `k`; `esc` goes
back."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any

from textual.binding import Binding

from boardroom.domain.errors import ValidationProblem
from boardroom.i18n import N_, _, format_date, n_
from boardroom.services import access, passkeys
from boardroom.services import composition as comp
from boardroom.services.session import AMSTERDAM
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.form import FormField


class AccessScreen(TableScreen):
    TITLE_TEXT = "Access"
    # The fingerprint last: at 80 columns the rest shows, and the line below gives it whole.
    COLUMNS = ("Member", "Access", "Added", "By", "Type", "Fingerprint")
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back")),
        Binding("a", "add", N_("Add a key")),
        Binding("i", "invite", N_("Invite to the browser")),
        Binding("d,delete", "remove", N_("Remove the key")),
    ]

    shown: dict[int, access.KeyRow] = {}
    held: dict[int, passkeys.PasskeyRow] = {}
    asked: list[passkeys.InvitationRow] = []

    def rows(self) -> list[Row]:
        self.shown = {row.id: row for row in access.keys(self.session)}
        #: passkeys by minus their id (the table's rows are keyed by number)
        self.held = {-row.id: row for row in passkeys.passkeys(self.session)}
        self.asked = [i for i in passkeys.invitations(self.session) if i.state == "open"]
        keys: list[Row] = [
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
        held: list[Row] = [
            (
                key,
                (
                    row.member,
                    _("yes") if row.active else f"[red]{_('no: member not active')}[/]",
                    format_date(
                        dt.datetime.fromisoformat(row.added_at).astimezone(AMSTERDAM), time=True
                    ),
                    row.invited_by,
                    _("passkey"),
                    row.label,
                ),
            )
            for key, row in self.held.items()
        ]
        return keys + held

    def heading(self) -> str:
        open_links = (
            "   "
            + n_("{n} invitation link open", "{n} invitation links open", len(self.asked)).format(
                n=len(self.asked)
            )
            if self.asked
            else ""
        )
        return _("A member's SSH key or passkey opens the board as that member") + open_links

    def detail(self, row_id: int | None) -> str:
        if row_id is not None and row_id < 0 and row_id in self.held:
            held = self.held[row_id]
            used = held.last_used_at or _("not used yet")
            return f"{held.member}: {_('passkey')} {held.id} {held.label} · {used}"
        row = self.shown.get(row_id or 0) if row_id else None
        if row is None:
            return _("No keys yet: a to add a member's public key (the .pub file's line).")
        return f"{row.member}: {row.fingerprint}" + (f" ({row.comment})" if row.comment else "")

    def _member_form(
        self, title: str, fields: list[FormField], act: Callable[[str, dict[str, Any]], None]
    ) -> None:
        """A form about one member's access (the secretary's or chair's): the member first,
        chosen from the board's, then `fields`; `act(member, values)` does it."""
        if not self.permitted(lambda: access.require_manager(self.session)):
            return
        members = [(x.name, x.name) for x in comp.composition(self.session).members]

        def submit(values: dict[str, Any]) -> None:
            if not values["member"]:
                raise ValidationProblem(_("choose the member"), "member")
            act(values["member"], values)

        member = FormField("member", _("Member"), "select", None, members)
        self.open_form(title, [member, *fields], submit)

    def action_invite(self) -> None:
        """A one-time link for a member to make a passkey with: shown and copied."""

        def invite(member: str, values: dict[str, Any]) -> None:
            made = passkeys.invite(self.session, member, values["public_url"], values["hours"])
            self.app.copy_to_clipboard(made.link)
            until = dt.datetime.fromisoformat(made.expires_at).astimezone(AMSTERDAM)
            self.notify(
                f"{made.member}: {made.link}\n"
                + _("(copied; works once, until {until})").format(
                    until=format_date(until, time=True)
                ),
                timeout=60,
            )

        self._member_form(
            _("Invite to the browser"),
            [
                FormField("hours", _("Hours the link works"), "int", passkeys.INVITATION_HOURS),
                FormField(
                    "public_url",
                    _("The board's address (https://…)"),
                    value=os.environ.get("BOARDROOM_PUBLIC_URL", ""),
                    where="--public-url",
                ),
            ],
            invite,
        )

    def action_add(self) -> None:
        def add(member: str, values: dict[str, Any]) -> None:
            text = values["key"]
            if text.strip().startswith(("/", "~")):  # a path: read it (not over SSH)
                text = self.app.files.read_text(text.strip(), "key", 64_000)  # type: ignore[attr-defined]
            row = access.add_key(self.session, member, text, "key")
            self.notify(f"{row.member}: {row.fingerprint}", timeout=6)

        self._member_form(
            _("Add a key"),
            [
                FormField(
                    "key",
                    _("Public key"),
                    "textarea",
                    "",
                    hint=_("paste the line of the member's .pub file, or type its path"),
                )
            ],
            add,
        )

    def action_remove(self) -> None:
        from boardroom.tui.widgets.confirm import ConfirmScreen

        selected = self.selected_id() or 0
        if selected < 0 and selected in self.held:
            held = self.held[selected]

            def answered_passkey(yes: bool | None) -> None:
                if yes:
                    self.attempt(
                        lambda: passkeys.remove_passkey(self.session, held.id),
                        _("Removed: this passkey signs no one in again."),
                    )

            self.app.push_screen(
                ConfirmScreen(
                    _("Remove this passkey?"),
                    f"{held.member}\n{_('passkey')} {held.id} {held.label}",
                    _("Remove"),
                ),
                answered_passkey,
            )
            return
        row = self.shown.get(selected)
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
