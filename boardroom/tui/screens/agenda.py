"""Build one meeting's agenda: the items with their clock times against the meeting's length,
the pending requests beside them (schedule here, or decline with a reason), papers, set it."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Static

from boardroom.domain.enums import ItemKind, Purpose
from boardroom.domain.errors import ValidationProblem
from boardroom.i18n import N_, _, format_date, label
from boardroom.services import agenda
from boardroom.services.composition import active_themes
from boardroom.tui.screens.base import Row, TableScreen, cell_text
from boardroom.tui.screens.common import BoardScreen, row_id
from boardroom.tui.widgets.footer import KeyFooter
from boardroom.tui.widgets.form import FormField
from boardroom.tui.widgets.list_table import ListTable


def open_agenda(screen: BoardScreen, meeting_id: int) -> None:
    """Open a meeting's agenda. The one opened last is kept and shown again as it was left,
    reloaded only if the board changed (as a list is): building it anew each time was most
    of an opening (bench/screens.py)."""
    screen.app.push_kept(  # type: ignore[attr-defined]
        f"agenda-{meeting_id}", lambda: AgendaScreen(meeting_id)
    )


def short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class AgendaScreen(TableScreen):
    TITLE_TEXT = "Agenda"
    COLUMNS = ("#", "Time", "Item", "Purpose", "Presenter", "Min", "Papers")
    FLEX = "Item"
    AUTO_FOCUS = "#table"
    DEFAULT_CSS = """
    AgendaScreen #agenda-body { height: 1fr; }
    AgendaScreen #table { width: 1fr; }
    AgendaScreen #side {
        width: 38%; min-width: 38; max-width: 66; border-left: solid $primary-darken-2;
    }
    AgendaScreen #requests { height: 1fr; }
    AgendaScreen #side-title { background: $boost; padding: 0 1; text-style: bold; }
    AgendaScreen #detail { max-height: 12; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("n", "add", N_("Add an item")),
        Binding("e", "edit", N_("Edit the item")),
        Binding("d", "remove", N_("Remove the item")),
        Binding("shift+up,minus", "move(-1)", N_("Move up")),
        Binding("shift+down,plus", "move(1)", N_("Move down")),
        Binding("s", "schedule", N_("Schedule the request here")),
        Binding("x", "decline", N_("Decline the request")),
        Binding("tab", "switch", N_("Items / requests"), show=False),
        Binding("f", "attach", N_("Attach a paper")),
        Binding("F", "remove_paper", N_("Remove a paper")),
        Binding("t", "papers_sent", N_("Mark papers sent")),
        Binding("S", "set_agenda", N_("Set the agenda")),
        Binding("o", "export", N_("Export the agenda")),
        Binding("b", "bundle", N_("Export the meeting bundle")),
        Binding("w", "werkagenda", N_("Work agenda")),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.view: agenda.AgendaView | None = None
        self.request_widths: list[int] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="screen-title")
        with Horizontal(id="agenda-body"):
            yield ListTable(id="table", cursor_type="row", zebra_stripes=True)
            with Vertical(id="side"):
                yield Static(_("Pending requests"), id="side-title")
                yield ListTable(id="requests", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield KeyFooter()

    # -- reading ---------------------------------------------------------------------------

    def heading(self) -> str:
        if self.view is None:
            return _(self.TITLE_TEXT)
        view = self.view
        meeting = view.meeting
        used = view.planned_minutes
        total = f"{used}/{meeting.duration_minutes} min"
        if view.free < 0:
            total = f"[red]{total} ({-view.free} {_('too many')})[/]"
        return (
            f"{_('Agenda')} {format_date(meeting.starts_at, time=True)}–{view.ends:%H:%M} · "
            f"{label(meeting.status)} · {total} · {_('papers due')} "
            f"{format_date(view.deadline, weekday=False)}"
        )

    def rows(self) -> list[Row]:
        self.view = agenda.agenda_view(self.session, self.meeting_id)
        self.fill_requests()
        rows: list[Row] = []
        for line in self.view.lines:
            item = line.item
            late = sum(1 for p in line.papers if p.late)
            papers = str(len(line.papers)) if line.papers else ""
            if late:
                papers += f" [red]{late} {_('late')}[/]"
            rows.append(
                (
                    item.id or 0,
                    (
                        str(line.number),
                        f"{line.starts:%H:%M}",
                        short(item.title, 32),
                        label(item.purpose),
                        short(line.presenter, 14),
                        str(item.timebox_minutes),
                        papers,
                    ),
                )
            )
        return rows

    #: the pending requests beside the agenda; the title takes the room the others leave, and
    #: the detail line below says the rest of the selected one (who, what the marks mean)
    REQUEST_COLUMNS = ("Title", "Min", "Wanted", "")

    def fill_requests(self) -> None:
        assert self.view is not None
        table = self.query_one("#requests", ListTable)
        if not table.columns:
            table.add_columns(*[_(c) if c else "" for c in self.REQUEST_COLUMNS])
        keep = row_id(table)
        table.clear()
        widths = [len(_(c)) if c else 0 for c in self.REQUEST_COLUMNS]
        for request, fits, late in self.view.pending:
            flags = ("" if fits else "[red]![/]") + ("[yellow]![/]" if late else "")
            texts = [
                cell_text(request.title, cut=True),
                cell_text(str(request.minutes)),
                cell_text(request.preferred),
                cell_text(flags),
            ]
            table.add_row(*texts, key=str(request.id))
            widths = [max(w, t.cell_len) for w, t in zip(widths, texts, strict=True)]
        self.request_widths = widths
        table.size_columns(widths, flex=0, least=12)
        if keep is not None and str(keep) in {k.value for k in table.rows}:
            table.move_cursor(row=table.get_row_index(str(keep)))

    def fit_flex(self) -> None:
        super().fit_flex()
        if self.request_widths:
            requests = self.query_one("#requests", ListTable)
            requests.size_columns(self.request_widths, flex=0, least=12)

    def detail(self, item_id: int | None) -> str:
        if self.view is None or item_id is None:
            return ""
        line = self.view.line_of(item_id)
        if line is None:
            return ""
        item = line.item
        parts = [
            f"[b]{line.number}. {item.title}[/b] · {line.starts:%H:%M}–{line.ends:%H:%M} · "
            f"{label(item.kind)} · {label(item.purpose)}"
            + (f" · {line.theme}" if line.theme else "")
        ]
        from boardroom.exports.agenda import paper_text

        deadline = format_date(self.view.deadline, weekday=False)
        for paper in line.papers:
            text = paper_text(paper, deadline)
            sent = "✓" if paper.sent_at else "·"
            parts.append(f"{sent} " + (f"[red]{text}[/]" if paper.late else text))
        if item.kind == ItemKind.ACTIONS_REVIEW:
            actions = self.view.open_actions
            day = self.view.meeting.starts_at.date().isoformat()
            parts.append(f"[b]{_('Open actions')}[/b] ({len(actions)})")
            for a in actions[:6]:
                due = a["due_date"] or ""
                due = f"[red]{due}[/]" if due and due < day else due
                parts.append(f"{a['number']} {due} {a['owner']}: {a['text'][:60]}")
            if self.view.due_decisions:
                parts.append(
                    f"[b]{_('Decisions due for review')}[/b]: "
                    + ", ".join(d["number"] for d in self.view.due_decisions)
                )
        return "\n".join(parts)

    def request_id(self) -> int | None:
        return row_id(self.query_one("#requests", DataTable))

    def request_detail(self, request_id: int | None) -> str:
        """The selected pending request in full: who asks, for how long, when, and why a mark."""
        assert self.view is not None
        found = next(((r, f, late) for r, f, late in self.view.pending if r.id == request_id), None)
        if found is None:
            return ""
        request, fits, late = found
        parts = [
            f"[b]{request.title}[/b] · {request.requester} · {request.minutes} {_('min')}"
            + (f" · {_('Wanted')}: {request.preferred}" if request.preferred else "")
        ]
        if not fits:
            parts.append(f"[red]! {_('too long')}[/]")
        if late:
            parts.append(f"[yellow]! {_('papers late')}[/]")
        parts.append(_("s: schedule it here · x: decline it"))
        return "\n".join(parts)

    def show_detail(self) -> None:
        requests = self.query_one("#requests", DataTable)
        if requests.has_focus and self.view is not None:
            self.update_text("#detail", self.request_detail(self.request_id()))
        else:
            super().show_detail()

    def on_descendant_focus(self) -> None:
        self.show_detail()

    # -- acting ----------------------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_switch(self) -> None:
        table = self.query_one("#table", DataTable)
        requests = self.query_one("#requests", DataTable)
        (requests if table.has_focus else table).focus()

    def item_fields(self, item: object | None = None) -> list[FormField]:
        from boardroom.services.composition import composition

        people = composition(self.session)
        members = [(x.name, x.id) for x in people.members]
        themes = [(t.name, t.id) for t in active_themes(self.session)]

        def get(name: str, default: object = None) -> object:
            return getattr(item, name, default)  # a new item: None has none of them

        return [
            FormField("title", _("Title"), value=get("title", "")),
            FormField(
                "kind",
                _("Kind"),
                "select",
                get("kind", ItemKind.OTHER),
                options=[(label(k), k) for k in ItemKind],
            ),
            FormField(
                "purpose",
                _("Purpose"),
                "select",
                get("purpose", Purpose.INFORMING),
                options=[(label(p), p) for p in Purpose],
            ),
            FormField("minutes", _("Minutes"), "int", get("timebox_minutes", 15)),
            FormField("presenter_id", _("Presenter"), "select", get("presenter_id"), members),
            FormField("theme_id", _("Theme"), "select", get("theme_id"), themes),
            FormField("proposal", _("Proposed decision"), "textarea", get("proposal", "")),
        ]

    def action_add(self) -> None:
        self.open_form(
            _("Add an item"),
            self.item_fields(),
            lambda v: agenda.add_item(self.session, self.meeting_id, v),
        )

    def action_edit(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        seen = self.session.version("agenda_items", item_id)  # before the row: see MembersScreen
        self.reload()
        line = self.view.line_of(item_id) if self.view else None
        if line is None:
            return
        self.open_form(
            _("Edit the item"),
            self.item_fields(line.item),
            lambda v: agenda.edit_item(self.session, item_id, v, seen),
        )

    def action_remove(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.attempt(lambda: agenda.remove_item(self.session, item_id), _("Removed."))

    def action_move(self, delta: int) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.attempt(lambda: agenda.move_item(self.session, item_id, delta))
            self.reload(select=item_id)

    def action_schedule(self) -> None:
        request_id = self.request_id()
        if request_id is None:
            self.notify(_("No pending requests."), severity="warning")
            return
        self.attempt(
            lambda: agenda.schedule_request(self.session, request_id, self.meeting_id),
            _("Scheduled into this meeting."),
        )

    def action_decline(self) -> None:
        request_id = self.request_id()
        if request_id is None:
            return
        self.open_form(
            _("Decline the request"),
            [FormField("reason", _("Reason (the requester sees it)"), "textarea")],
            lambda v: agenda.decline_request(self.session, request_id, v["reason"]),
        )

    def action_werkagenda(self) -> None:
        """The werkagenda of the selected item's theme; under a monitoring item, all of it."""
        from boardroom.services.werkagenda import item_themes
        from boardroom.tui.screens.werkagenda import WerkagendaScreen

        line = self.view.line_of(self.selected_id() or 0) if self.view else None
        self.app.push_screen(WerkagendaScreen(theme_ids=item_themes(line.item if line else None)))

    def action_attach(self) -> None:
        from boardroom.services import papers

        item_id = self.selected_id()
        if item_id is None or not self.permitted(lambda: papers.require_attacher(self.session)):
            return
        line = self.view.line_of(item_id) if self.view else None
        day = f"{self.view.meeting.starts_at:%Y-%m-%d}" if self.view else "…"
        number = line.number if line is not None else "N"
        files = self.host_files(
            f"ssh … paper add --meeting {day} --item {number} --file - < stuk.pdf"
        )
        if files is None:
            return

        def submit(values: dict[str, Any]) -> None:
            content, name = files.read_bytes(values["path"].strip(), "path", papers.SIZE_LIMIT)
            papers.attach_paper(self.session, item_id, content, name, values["title"])

        self.open_form(
            _("Attach a paper"),
            [
                FormField("path", _("File"), hint=_("its content is kept in the board")),
                FormField("title", _("Title (default: the file's name)")),
            ],
            submit,
        )

    def action_remove_paper(self) -> None:
        item_id = self.selected_id()
        line = self.view.line_of(item_id) if self.view and item_id else None
        if line is None or not line.papers:
            self.notify(_("This item has no papers."), severity="warning")
            return
        papers = [(f"{p.title} ({p.short_hash})", p.id) for p in line.papers]
        self.open_form(
            _("Remove a paper"),
            [FormField("paper", _("Paper"), "select", papers[-1][1], options=papers)],
            lambda v: agenda.remove_paper(self.session, v["paper"]),
        )

    def action_papers_sent(self) -> None:
        count = []
        if self.attempt(
            lambda: count.append(agenda.mark_papers_sent(self.session, self.meeting_id))
        ):
            self.notify(_("{n} paper(s) marked sent.").format(n=count[0]), timeout=4)

    def action_set_agenda(self) -> None:
        self.attempt(
            lambda: agenda.set_agenda(self.session, self.meeting_id), _("The agenda is set.")
        )

    def action_bundle(self) -> None:
        """The meeting's papers as one PDF to send round (see exports.bundle)."""

        assert self.view is not None
        meeting = self.view.meeting
        day = f"{meeting.starts_at:%Y-%m-%d}"
        to = self.destination(f"ssh … export bundle --meeting {day} > bundel-{day}.pdf")
        if to is None:
            return

        def submit(values: dict[str, Any]) -> None:
            from boardroom.exports.bundle import bundle_pdf
            from boardroom.services import papers
            from boardroom.services.style import house_style

            name = values["path"].strip()
            if not name.lower().endswith(".pdf"):
                raise ValidationProblem(_("the file must end in .pdf"), "path")
            to.check(name, "path")
            who = self.session.user.name if self.session.user else ""
            style, parts = house_style(self.session), papers.bundle(self.session, meeting)
            self.write_in_background(to, name, lambda: bundle_pdf(parts, author=who, style=style))

        self.open_form(
            _("Export the meeting bundle"),
            [
                FormField(
                    "path",
                    _("File (.pdf)"),
                    value=to.suggest(f"bundel-{meeting.starts_at:%Y-%m-%d}.pdf"),
                )
            ],
            submit,
        )

    def action_export(self) -> None:
        from boardroom.exports.agenda import agenda_document

        assert self.view is not None
        day = f"{self.view.meeting.starts_at:%Y-%m-%d}"
        self.open_export(
            _("Export the agenda"),
            f"agenda-{day}.html",
            lambda: agenda_document(agenda.agenda_view(self.session, self.meeting_id)),
            f"ssh … export agenda --meeting {day} --format docx > agenda-{day}.docx",
        )
