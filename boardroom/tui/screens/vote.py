"""A vote: the entitled voters by the rule in force, one key per ballot, a live tally, the
outcome under the rule. A secret ballot takes the counts only."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Static

from boardroom.domain.enums import Choice
from boardroom.i18n import N_, _, label
from boardroom.i18n.record import decision_outcome, rule_name
from boardroom.services import decide
from boardroom.services import meeting as live
from boardroom.tui.screens.round import RoundScreen
from boardroom.tui.widgets.form import FormField, FormScreen


class VoteScreen(RoundScreen):
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
        super().__init__(round_id)
        self.result: decide.VoteResult | None = None
        self.closed = False  # counted, here or in another session

    def below_voters(self) -> Iterator[Widget]:
        yield Static(id="tally")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.columns = table.add_columns(_("Voter"), _("Perspective"), _("Weight"))
        # As wide as the longest choice from the start: a ballot rewrites one cell, never the
        # table's layout, and no word is cut ("against", "tegen", "onthouding").
        widest = max(len(_("Ballot")), *(len(label(choice)) for choice in Choice))
        self.columns.append(table.add_column(_("Ballot"), width=widest))
        self.columns.append(table.add_column(_("Own"), width=self.entered_width()))
        self.reload()
        view = self.view()
        if view.proposal.secret and view.round.status == "open":
            self.ask_counts()

    def reload(self) -> None:
        view = self.view()
        state = live.console(self.session, view.proposal.meeting_id)
        self.query_one("#proposal", Static).update(
            f"[b]{view.proposal.title}[/b] — {_('version')} {view.version.version}"
            + (f" · {rule_name(view.proposal.vote_rule)}" if view.proposal.vote_rule else "")
            + f"\n{view.version.text}"
        )
        if not view.proposal.secret:

            def cells(voter: int) -> list[object]:
                choice = view.ballots.get(voter)
                return [
                    f"{view.weights[voter]:g}",
                    label(choice) if choice else "—",
                    self.entered(view, voter),
                ]

            self.show_voters(view, state, self.columns, cells, ["", "", ""])
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
        if self.result is None:
            self.for_next_voter(
                lambda voter: decide.cast_ballot(
                    self.session, self.round_id, voter, Choice(choice)
                ),
                none_left=_("Everyone has voted: ctrl+s counts."),
            )

    def action_switch_voter(self) -> None:
        """The perspective names another of its present members as its voter."""
        if self.result is None:
            self.for_next_voter(
                lambda voter: decide.switch_voter(self.session, self.round_id, voter)
            )

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
        if self.result is None:
            self.attempt(self._count)

    def _count(self) -> None:
        self.result = decide.close_vote(self.session, self.round_id)
