"""A vote: the entitled voters by the rule in force, one key per ballot, a live tally, the
outcome under the rule. A secret ballot takes the counts only."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from boardroom.domain.enums import Choice
from boardroom.domain.errors import BoardroomError
from boardroom.i18n import N_, _, label
from boardroom.i18n.record import decision_outcome, rule_name
from boardroom.services import decide
from boardroom.services import meeting as live
from boardroom.tui.screens.common import BoardScreen
from boardroom.tui.widgets.display_table import DisplayTable
from boardroom.tui.widgets.footer import KeyFooter
from boardroom.tui.widgets.form import FormField, FormScreen


class VoteScreen(BoardScreen):
    AUTO_FOCUS = ""  # off: the table only shows; every key is a command of this screen
    TITLE_TEXT = "Vote"
    DEFAULT_CSS = """
    VoteScreen #proposal { padding: 1 2; border-bottom: solid $primary-darken-2; height: auto; }
    VoteScreen DataTable { height: 1fr; }
    VoteScreen #tally { padding: 1 2; height: auto; text-style: bold; }
    """
    BINDINGS = [
        Binding("f,v,1", "ballot('for')", N_("For")),
        Binding("a,t,2", "ballot('against')", N_("Against")),
        Binding("o,3", "ballot('abstain')", N_("Abstain")),
        Binding("w", "switch_voter", N_("Other voter")),
        Binding("ctrl+s", "count", N_("Count the votes")),
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    def __init__(self, round_id: int) -> None:
        super().__init__()
        self.round_id = round_id
        self.result: decide.VoteResult | None = None
        self.closed = False  # counted, here or in another session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="proposal")
        yield DisplayTable(id="voters", cursor_type="row")
        yield Static(id="tally")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.columns = table.add_columns(_("Voter"), _("Perspective"), _("Weight"))
        # As wide as the longest choice from the start: a ballot rewrites one cell, never the
        # table's layout, and no word is cut ("against", "tegen", "onthouding").
        widest = max(len(_("Ballot")), *(len(label(choice)) for choice in Choice))
        self.columns.append(table.add_column(_("Ballot"), width=widest))
        self.reload()
        view = decide.round_view(self.session, self.round_id)
        if view.proposal.secret and view.round.status == "open":
            self.ask_counts()

    def board_changed(self) -> None:
        self.reload()

    def reload(self) -> None:
        view = decide.round_view(self.session, self.round_id)
        state = live.console(self.session, view.proposal.meeting_id)
        self.query_one("#proposal", Static).update(
            f"[b]{view.proposal.title}[/b] — {_('version')} {view.version.version}"
            + (f" · {rule_name(view.proposal.vote_rule)}" if view.proposal.vote_rule else "")
            + f"\n{view.version.text}"
        )
        table = self.query_one(DataTable)
        if not view.proposal.secret:
            keys = [str(voter) for voter in view.round.voter_order]
            if keys != getattr(self, "row_keys", None):  # first show, or another voter named
                self.row_keys = keys
                table.clear()
                for voter in view.round.voter_order:
                    table.add_row(
                        "",
                        state.perspective_of(voter),
                        f"{view.weights[voter]:g}",
                        "",
                        key=str(voter),
                    )
            for voter in view.round.voter_order:  # only the cells that change are rewritten
                choice = view.ballots.get(voter)
                marker = "▶ " if voter == view.next_voter else "  "
                table.update_cell(str(voter), self.columns[0], marker + state.voter_name(voter))
                table.update_cell(str(voter), self.columns[3], label(choice) if choice else "—")
        closed = self.result is not None or view.round.status != "open"
        if closed != self.closed:
            self.closed = closed
            self.refresh_bindings()
        t = view.tally
        waiting = sum(1 for v in view.round.voter_order if v not in view.ballots)
        text = (
            f"{_('For')} {t.for_weight:g} · {_('Against')} {t.against_weight:g} · "
            f"{_('Abstain')} {t.abstain_weight:g}"
        )
        if not view.proposal.secret:
            text += f" · {_('not yet')} {waiting}"
        if self.result is not None:
            colour = "green" if self.result.outcome.value == "adopted" else "red"
            text += f"\n[{colour}]{label(self.result.outcome).upper()}[/]  {self.result.counted}"
            if self.result.decision_number:
                text += f"\n{_('Decision')} {self.result.decision_number}"
        elif view.round.status != "open":  # counted in another session (the chair's laptop)
            outcome = label(view.round.outcome or view.round.status).upper()
            colour = "green" if view.decision is not None else "red"
            text += f"\n[{colour}]{outcome}[/]"
            if view.decision is not None:
                text += (
                    f"  {decision_outcome(view.decision, with_result=False)}"
                    f"\n{_('Decision')} {view.decision.number}"
                )
        self.query_one("#tally", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once counted, the ballot keys and the count are gone from the footer."""
        if action in ("ballot", "switch_voter", "count"):
            return not self.closed
        return True

    def action_ballot(self, choice: str) -> None:
        if self.result is not None:
            return
        view = decide.round_view(self.session, self.round_id)
        voter = view.next_voter
        if voter is None:
            self.notify(_("Everyone has voted: ctrl+s counts."))
            return
        try:
            decide.cast_ballot(self.session, self.round_id, voter, Choice(choice))
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        self.reload()

    def action_switch_voter(self) -> None:
        """The perspective names another of its present members as its voter."""
        view = decide.round_view(self.session, self.round_id)
        if self.result is not None or view.next_voter is None:
            return
        try:
            decide.switch_voter(self.session, self.round_id, view.next_voter)
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        self.reload()

    def ask_counts(self) -> None:
        fields = [
            FormField("for_count", _("For"), "float", 0),
            FormField("against", _("Against"), "float", 0),
            FormField("abstain", _("Abstain"), "float", 0),
        ]

        def submit(values: dict) -> None:  # type: ignore[type-arg]
            decide.record_counts(
                self.session,
                self.round_id,
                values["for_count"],
                values["against"],
                values["abstain"],
            )

        self.app.push_screen(
            FormScreen(_("Secret ballot: the counts"), fields, submit),
            lambda ok: self.action_count() if ok else None,
        )

    def action_count(self) -> None:
        if self.result is not None:
            return
        try:
            self.result = decide.close_vote(self.session, self.round_id)
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        self.reload()
