"""The action list (actielijst): my actions, overdue ones, done, cancelled, updates."""

from __future__ import annotations

from textual.binding import Binding

from boardroom.i18n import N_, _, label
from boardroom.services import record
from boardroom.tui.screens.base import Row, TableScreen, counted
from boardroom.tui.widgets.form import FormField

SHOWN = 100  # rows drawn at once (a few screens); the count line says how many match


class ActionsScreen(TableScreen):
    TITLE_TEXT = "Actions"
    SEARCH = True
    COLUMNS = ("Number", "Action", "Owner", "Due", "Status", "Meeting")
    FLEX = "Action"
    BINDINGS = [
        Binding("slash", "search", N_("Search")),
        Binding("escape", "to_list", N_("List"), show=False),
        Binding("m", "toggle_mine", N_("My actions")),
        Binding("o", "toggle_overdue", N_("Overdue")),
        Binding("s", "cycle_status", N_("Status")),
        Binding("d", "done", N_("Done")),
        Binding("c", "cancel", N_("Cancel action")),
        Binding("u", "update", N_("Update")),
    ]
    STATUSES = ("open", None, "done", "cancelled")

    mine = False
    overdue = False
    status: str | None = "open"
    count = 0

    def heading(self) -> str:
        parts = [_("Actions")]
        if self.mine:
            parts.append(_("mine"))
        if self.overdue:
            parts.append(_("overdue"))
        parts.append(label(self.status) if self.status else _("all"))
        return f"{' · '.join(parts)}   [dim]{counted(min(self.count, SHOWN), self.count)}[/]"

    def rows(self) -> list[Row]:
        """One page of the list (the count line tells how many match in all)."""
        owner = self.session.user.id if self.mine and self.session.user else None
        found, self.count = record.action_page(
            self.session,
            record.ActionFilter(
                owner_id=owner, status=self.status, overdue=self.overdue, text=self.search_text()
            ),
            limit=SHOWN,
        )
        today = self.session.today.isoformat()
        self.rows_by_id = {r["id"]: r for r in found}
        shown: list[Row] = []
        for r in found:
            late = r["status"] == "open" and r["due_date"] and r["due_date"] < today
            due = f"[b red]{r['due_date']}[/]" if late else (r["due_date"] or "")
            shown.append(
                (
                    r["id"],
                    (
                        r["number"],
                        r["text"],
                        r["owner"],
                        due,
                        label(r["status"]),
                        r["held_on"] or "",
                    ),
                )
            )
        return shown

    def detail(self, row_id: int | None) -> str:
        row = getattr(self, "rows_by_id", {}).get(row_id)
        if row is None:
            return ""
        lines = [f"[b]{row['number']}[/b] {row['text']}"]
        if row["decision_number"]:
            lines.append(f"{_('Decision')}: {row['decision_number']}")
        if row["reason"]:
            lines.append(f"{_('Reason')}: {row['reason']}")
        for update in record.action_history(self.session, row["id"])[-3:]:
            lines.append(
                f"{update['noted_on']}  {update['note']}  [dim]{update['by_name'] or ''}[/]"
            )
        return "\n".join(lines)

    def action_toggle_mine(self) -> None:
        self.mine = not self.mine
        self.reload()

    def action_toggle_overdue(self) -> None:
        self.overdue = not self.overdue
        self.reload()

    def action_cycle_status(self) -> None:
        self.status = self.STATUSES[(self.STATUSES.index(self.status) + 1) % len(self.STATUSES)]
        self.reload()

    def action_done(self) -> None:
        action_id = self.selected_id()
        if action_id is not None:
            self.attempt(lambda: record.complete_action(self.session, action_id), _("Done"))

    def action_cancel(self) -> None:
        action_id = self.selected_id()
        if action_id is not None:
            self.open_form(
                _("Cancel action"),
                [FormField("reason", _("Reason"))],
                lambda v: record.cancel_action(self.session, action_id, v["reason"]),
            )

    def action_update(self) -> None:
        action_id = self.selected_id()
        if action_id is not None:
            self.open_form(
                _("Update"),
                [FormField("note", _("Note"))],
                lambda v: record.add_update(self.session, action_id, v["note"]),
            )
