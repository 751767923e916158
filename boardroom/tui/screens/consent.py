"""A consent round: around the table in seat order, one voter at a time, one key per answer.
Objections are shown together; then amend (a new version and round), withdraw or defer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Static

from boardroom.domain.enums import ConsentAnswerKind, ProposalStatus
from boardroom.i18n import N_, _, format_date, label
from boardroom.services import decide
from boardroom.services import meeting as live
from boardroom.tui.screens.base import cell_text
from boardroom.tui.screens.round import RoundScreen
from boardroom.tui.widgets.form import FormField, FormScreen


class ConsentScreen(RoundScreen):
    TITLE_TEXT = "Consent round"
    TABLE_ID = "answers"
    DEFAULT_CSS = """
    ConsentScreen #proposal { padding: 1 2; border-bottom: solid $primary-darken-2; height: auto; }
    ConsentScreen #asking { padding: 1 2; text-style: bold; color: $accent; height: auto; }
    ConsentScreen DataTable { height: 1fr; }
    ConsentScreen #outcome { padding: 1 2; height: auto; }
    """
    BINDINGS = [
        Binding("enter,c", "answer('consent')", N_("Consent")),
        Binding("z", "answer('concern')", N_("Concern")),
        Binding("o,b", "answer('objection')", N_("Objection")),
        Binding("p", "answer('pass')", N_("Pass")),
        Binding("l", "ask_later", N_("Ask later")),
        Binding("ctrl+s", "conclude", N_("Conclude")),
        Binding("r", "review_date", N_("Review date")),
        Binding("m", "amend", N_("Amend")),
        Binding("w", "end('withdrawn')", N_("Withdraw")),
        Binding("u", "end('deferred')", N_("Defer")),
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    def __init__(self, round_id: int) -> None:
        super().__init__(round_id)
        self.review: dt.date | None = None
        self.result: decide.ConsentResult | None = None

    def above_voters(self) -> Iterator[Widget]:
        yield Static(id="asking")

    def below_voters(self) -> Iterator[Widget]:
        yield Static(id="outcome")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.columns = table.add_columns(_("Voter"), _("Perspective"))
        # The answer column is as wide as the longest answer from the start (no re-layout per
        # answer, no word cut); a concern or reason widens its column when it arrives.
        widest = max(len(_("Answer")), *(len(label(kind)) for kind in ConsentAnswerKind))
        self.columns.append(table.add_column(_("Answer"), width=widest))
        self.columns.append(table.add_column(_("Own"), width=self.entered_width()))
        self.columns.append(table.add_column(_("Concern or reason")))
        self.review = decide.default_review_date(self.session, self.round_id)
        self.reload()
        self.call_after_refresh(self.fit_reasons)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_reasons)

    def fit_reasons(self) -> None:
        """A concern or reason gets the width the other columns leave (cut with … there; the
        whole text is in the minutes and on the decision's screen)."""
        table = self.query_one(DataTable)
        others = sum(table.columns[key].get_render_width(table) for key in self.columns[:4])
        column = table.columns[self.columns[4]]
        column.auto_width = False
        column.width = max(len(_("Concern or reason")), table.size.width - others - 4)
        table.refresh(layout=True)

    def reload(self) -> None:
        view = self.view()
        state = live.console(self.session, view.proposal.meeting_id)
        self.query_one("#proposal", Static).update(
            f"[b]{view.proposal.title}[/b] — {_('version')} {view.version.version},"
            f" {_('round')} {view.round.number}\n{view.version.text}"
        )
        final = {a.member_id: a for a in view.answers}

        def cells(voter: int) -> list[object]:
            answer = final.get(voter)
            note = answer.note if answer else ""
            return [
                label(answer.kind) if answer else "—",
                self.entered(view, voter),
                cell_text(note, cut=True),
            ]

        self.show_voters(view, state, self.columns, cells, ["", "", ""])
        asking = self.query_one("#asking", Static)
        if view.round.status == "open" and view.next_voter is not None:
            asking.update(
                f"{_('Now')}: {state.voter_name(view.next_voter)} —"
                f" {state.perspective_of(view.next_voter)}"
            )
        elif view.round.status == "open":
            asking.update(_("Everyone has answered: ctrl+s concludes the round."))
        else:
            asking.update("")
        self.query_one("#outcome", Static).update(self.outcome_text(state, view))

    def outcome_text(self, state: live.Console, view: decide.RoundView) -> str:
        if self.result is None and view.round.status != "open":  # concluded in another session
            if view.decision is not None:
                return f"[green]{_('ADOPTED')}[/] — {_('Decision')} {view.decision.number}"
            objections = [a for a in view.answers if a.kind == ConsentAnswerKind.OBJECTION]
            lines = [f"  {state.name(o.member_id)}: {o.note}" for o in objections]
            return "\n".join([f"[red]{_('OBJECTIONS')}[/]", *lines])
        if self.result is None:
            return (
                f"{_('Review date')}: {format_date(self.review, weekday=False)}"
                if (self.review)
                else ""
            )
        if self.result.adopted:
            return (
                f"[green]{_('ADOPTED')}[/] — {_('Decision')} {self.result.decision_number}\n"
                f"{_('Review date')}: {format_date(self.review, weekday=False)}"
                if self.review
                else ""
            )
        reasons = "\n".join(
            f"  {state.name(o.member_id)}: {o.note}" for o in self.result.objections
        )
        return f"[red]{_('OBJECTIONS')}[/]\n{reasons}\n" + _(
            "m: amend the proposal (a new round) · w: withdraw · u: defer"
        )

    def action_answer(self, kind: str) -> None:
        answer = ConsentAnswerKind(kind)
        if answer not in (ConsentAnswerKind.CONCERN, ConsentAnswerKind.OBJECTION):
            self.for_next_voter(
                lambda voter: decide.give_answer(self.session, self.round_id, voter, answer)
            )
            return
        view = self.view()
        voter = view.next_voter
        if view.round.status != "open" or voter is None:
            return
        prompt = _("Concern") if answer == ConsentAnswerKind.CONCERN else _("Reason")
        self.app.push_screen(
            FormScreen(
                label(answer),
                [FormField("note", prompt)],
                lambda v: decide.give_answer(self.session, self.round_id, voter, answer, v["note"]),
            ),
            lambda ok: self.reload(),
        )

    def action_ask_later(self) -> None:
        self.for_next_voter(lambda voter: decide.ask_later(self.session, self.round_id, voter))

    def action_review_date(self) -> None:
        def submit(values: dict) -> None:  # type: ignore[type-arg]
            self.review = values["review"]

        self.app.push_screen(
            FormScreen(
                _("Review date"),
                [FormField("review", _("Review date"), "date", self.review)],
                submit,
            ),
            lambda ok: self.reload(),
        )

    def action_conclude(self) -> None:
        if self.result is None:
            self.attempt(self._conclude)

    def _conclude(self) -> None:
        self.result = decide.close_consent(self.session, self.round_id, self.review)

    def action_amend(self) -> None:
        if self.result is None or self.result.adopted:
            self.notify(_("Amend after a round with objections."), severity="warning")
            return
        view = self.view()
        proposal_id = view.proposal.id or 0
        on_version = view.version.version

        def submit(values: dict) -> None:  # type: ignore[type-arg]
            decide.amend(self.session, proposal_id, values["text"], on_version=on_version)
            self.round_id = decide.open_round(self.session, proposal_id)

        def then(ok: bool | None) -> None:
            if ok:
                self.result = None
                self.reload()

        self.app.push_screen(
            FormScreen(
                _("Amend the proposal"),
                [FormField("text", _("Proposal"), "textarea", view.version.text)],
                submit,
            ),
            then,
        )

    def action_end(self, status: str) -> None:
        proposal_id = self.view().proposal.id or 0
        ended = ProposalStatus(status)
        if self.attempt(
            lambda: decide.end_proposal(self.session, proposal_id, ended), label(ended)
        ):
            self.app.pop_screen()
