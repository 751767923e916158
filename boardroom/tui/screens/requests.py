"""Agenda requests: a portfolio holder asks for space and sees what became of it; the secretary
and chair see every request (schedule them from a meeting's agenda screen)."""

from __future__ import annotations

from textual.binding import Binding

from boardroom.domain.enums import Purpose
from boardroom.domain.permissions import Capability
from boardroom.i18n import N_, _, format_date, label
from boardroom.services import agenda
from boardroom.services.composition import active_themes
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.form import FormField


class RequestsScreen(TableScreen):
    TITLE_TEXT = "Agenda requests"
    COLUMNS = ("Status", "Title", "Theme", "Purpose", "Min", "Wanted", "Scheduled for", "By")
    FLEX = "Title"
    AUTO_FOCUS = "#table"
    BINDINGS = [
        Binding("n", "new", N_("Request agenda space")),
        Binding("w", "withdraw", N_("Withdraw the request")),
        Binding("a", "toggle_all", N_("Mine / all requests")),
        Binding("h", "history", N_("Whole history")),
    ]
    SHOWN = 200  # open requests first, then the newest: the whole history on h

    def __init__(self) -> None:
        super().__init__()
        self.show_all: bool | None = None
        self.shown: dict[int, agenda.RequestRow] = {}
        self.limit: int | None = self.SHOWN
        self.total = 0

    def heading(self) -> str:
        which = _("all requests") if self.show_all else _("my requests")
        heading = f"{_('Agenda requests')} · {which}"
        if len(self.shown) < self.total:
            heading += " · " + _("the newest {n} of {total} (h: the whole history)").format(
                n=len(self.shown), total=self.total
            )
        return heading

    def rows(self) -> list[Row]:
        if self.show_all is None:  # organisers start on every request, others on their own
            self.show_all = self.session.user is None or self.session.can(Capability.BUILD_AGENDA)
        requests, self.total = agenda.request_page(
            self.session, mine=not self.show_all, limit=self.limit
        )
        self.shown = {r.id: r for r in requests}
        colours = {"submitted": "yellow", "scheduled": "green", "declined": "red"}
        return [
            (
                r.id,
                (
                    f"[{colours.get(r.status.value, 'dim')}]{label(r.status)}[/]",
                    r.title,
                    r.theme,
                    label(r.purpose),
                    str(r.minutes),
                    r.preferred,
                    format_date(r.scheduled_for, time=True) if r.scheduled_for else "",
                    r.requester,
                ),
            )
            for r in requests
        ]

    def detail(self, request_id: int | None) -> str:
        request = self.shown.get(request_id or 0)
        if request is None:
            return _("n: request agenda space")
        lines = [f"[b]{request.title}[/b] — {label(request.status)}"]
        if request.scheduled_for:
            lines.append(
                _("On the agenda of {day}.").format(
                    day=format_date(request.scheduled_for, time=True)
                )
            )
        if request.reason:
            lines.append(f"{_('Reason')}: {request.reason}")
        if request.papers_ready:
            lines.append(f"{_('Papers ready')}: {format_date(request.papers_ready)}")
        return "\n".join(lines)

    def action_history(self) -> None:
        self.limit = None if self.limit else self.SHOWN
        self.reload()

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.reload()

    def action_new(self) -> None:
        themes = [(t.name, t.name) for t in active_themes(self.session)]
        meetings = [
            (format_date(x.starts_at, time=True), x.starts_at.date().isoformat())
            for x in agenda.open_meetings(self.session)
        ]
        self.open_form(
            _("Request agenda space"),
            [
                FormField("title", _("Title")),
                FormField("theme", _("Theme"), "select", options=themes),
                FormField(
                    "purpose",
                    _("Purpose"),
                    "select",
                    Purpose.INFORMING,
                    options=[(label(p), p) for p in Purpose],
                ),
                FormField("minutes", _("Minutes needed"), "int", 20),
                FormField("meeting", _("Meeting wanted"), "select", options=meetings),
                FormField("month", _("Or a month (YYYY-MM)")),
                FormField("papers_ready", _("Papers ready on"), "date"),
            ],
            lambda v: agenda.submit_request(self.session, v),
        )

    def action_withdraw(self) -> None:
        request_id = self.selected_id()
        if request_id is not None:
            self.attempt(lambda: agenda.withdraw_request(self.session, request_id), _("Withdrawn."))
