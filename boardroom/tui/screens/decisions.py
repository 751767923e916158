"""The decision list (besluitenlijst): filter, search as you type, open a decision's story."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from boardroom.i18n import N_, _, format_date, label
from boardroom.i18n.record import decision_outcome, entered_label
from boardroom.services import record
from boardroom.services.session import Session
from boardroom.tui.internals.bindings import TranslatedBindings
from boardroom.tui.screens.base import Row, TableScreen, counted
from boardroom.tui.widgets.footer import KeyFooter

SHOWN = 100  # rows drawn at once (a few screens); the count line says how many match


def entered_text(entered: record.Entered) -> str:
    said = entered_label(*entered)
    return f" · {said}" if said else ""


def short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class DecisionsScreen(TableScreen):
    TITLE_TEXT = "Decisions"
    SEARCH = True
    COLUMNS = ("Number", "Date", "Decision", "Theme", "Method", "Status", "Review date")
    FLEX = "Decision"
    BINDINGS = [
        Binding("slash", "search", N_("Search")),
        Binding("escape", "to_list", N_("List"), show=False),
        Binding("y", "cycle_year", N_("Year")),
        Binding("s", "cycle_status", N_("Status")),
        Binding("t", "cycle_theme", N_("Theme")),
        Binding("r", "toggle_review", N_("Due for review")),
    ]
    STATUSES = (None, "in_force", "superseded", "revoked")

    year: int | None = None
    status: str | None = None
    review = False
    theme: tuple[int, str] | None = None
    count = 0

    def heading(self) -> str:
        parts = [_("Decisions")]
        if self.year:
            parts.append(str(self.year))
        if self.status:
            parts.append(label(self.status))
        if self.review:
            parts.append(_("due for review"))
        if self.theme:
            parts.append(self.theme[1])
        return f"{' · '.join(parts)}   [dim]{counted(min(self.count, SHOWN), self.count)}[/]"

    def rows(self) -> list[Row]:
        """One page of the list (the count line tells how many match in all)."""
        filters = record.DecisionFilter(
            year=self.year,
            status=self.status,
            due_for_review=self.review,
            theme_id=self.theme[0] if self.theme else None,
            text=self.search_text(),
        )
        found, self.count = record.decision_page(self.session, filters, limit=SHOWN)
        return [
            (
                r["id"],
                (
                    r["number"],
                    r["held_on"],
                    r["title"],
                    r["theme"] or "",
                    label(r["method"]),
                    label(r["status"]),
                    r["review_date"] or "",
                ),
            )
            for r in found
        ]

    def detail(self, row_id: int | None) -> str:
        return _("enter: the decision in full") if row_id else ""

    def action_cycle_year(self) -> None:
        this_year = self.session.today.year
        years = [None, this_year, this_year - 1, this_year - 2]
        self.year = years[(years.index(self.year) + 1) % len(years)] if self.year in years else None
        self.reload()

    def action_cycle_status(self) -> None:
        self.status = self.STATUSES[(self.STATUSES.index(self.status) + 1) % len(self.STATUSES)]
        self.reload()

    def action_cycle_theme(self) -> None:
        from boardroom.services import composition

        themes = [(t.id or 0, t.name) for t in composition.composition(self.session).themes]
        options: list[tuple[int, str] | None] = [None, *themes]
        self.theme = options[(options.index(self.theme) + 1) % len(options)]
        self.reload()

    def action_toggle_review(self) -> None:
        self.review = not self.review
        self.reload()

    def action_edit(self) -> None:
        decision_id = self.selected_id()
        if decision_id is not None:
            self.app.push_screen(DecisionScreen(decision_id))


class DecisionScreen(TranslatedBindings, Screen[None]):
    """One decision in full: text, tally or consent record, origin, lineage. A decision is
    never edited: it is superseded or revoked by a new decision in a meeting in progress."""

    TITLE_TEXT = "Decision"
    DEFAULT_CSS = "DecisionScreen #story { padding: 1 2; }"
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back")),
        Binding("s", "replace(False)", N_("Supersede")),
        Binding("r", "replace(True)", N_("Revoke")),
    ]

    def action_replace(self, revokes: bool) -> None:
        """Record a new decision that names this one, in the meeting in progress."""
        from boardroom.services import decide
        from boardroom.services.overview import meeting_to_resume
        from boardroom.tui.widgets.form import FormField, FormScreen

        session: Session = self.app.session  # type: ignore[attr-defined]
        running = meeting_to_resume(session)
        if running is None:
            self.notify(
                _("A decision is taken in a meeting: open the meeting first."), severity="warning"
            )
            return
        old = record.decision_detail(session, self.decision_id).decision
        verb = _("Revokes") if revokes else _("Supersedes")
        fields = [
            FormField("title", _("Decision"), value=f"{verb} {old.number}: {old.title}"),
            FormField("text", _("Text"), "textarea", "" if revokes else old.text),
        ]

        def submit(values: dict) -> None:  # type: ignore[type-arg]
            number = decide.record_decision(
                session,
                running,
                None,
                values["title"],
                values["text"],
                supersedes_id=self.decision_id,
                revokes=revokes,
            )[1]
            self.notify(f"{_('Recorded')}: {number}", timeout=6)

        self.app.push_screen(FormScreen(verb, fields, submit), lambda ok: self.on_mount())

    def __init__(self, decision_id: int) -> None:
        super().__init__()
        self.decision_id = decision_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(id="story")
        yield KeyFooter()

    def board_changed(self) -> None:
        self.on_mount()  # superseded or revoked meanwhile: the page says so

    def on_mount(self) -> None:
        session: Session = self.app.session  # type: ignore[attr-defined]
        d = record.decision_detail(session, self.decision_id)
        decision = d.decision
        lines = [
            f"[b]{decision.number}[/b]  [b]{decision.title}[/b]",
            " · ".join(  # an item named after its theme is said once
                dict.fromkeys(
                    x for x in (format_date(d.held_on, time=True), d.item_title, d.theme) if x
                )
            ),
            f"{label(decision.status)}"
            + (
                f" · {_('Review date')}: {format_date(decision.review_date, weekday=False)}"
                if decision.review_date
                else ""
            ),
            "",
            decision.text,
            "",
            f"[b]{label(decision.method)}[/b]: {decision_outcome(decision)}",
        ]
        if d.supersedes:
            lines.append(
                f"{_('This decision supersedes {number}.').format(number=d.supersedes.number)}"
            )
        for later in d.superseded_by:
            lines.append(f"[b]{label(decision.status)}[/b] → {later['number']} {later['title']}")
        for current in d.rounds:
            lines += [
                "",
                f"[b]{_('Round')} {current.round.number}[/b] — {_('version')}"
                f" {current.version.version}: {current.version.text}",
            ]
            lines += [
                f"  {b.voter}: {label(b.choice)} ({b.weight:g}){entered_text(b.entered)}"
                for b in current.ballots
            ]
            lines += [
                f"  {a.member}: {label(a.answer)}"
                + (f" — {a.note}" if a.note else "")
                + entered_text(a.entered)
                for a in current.answers
            ]
        self.query_one("#story", Static).update("\n".join(lines))
