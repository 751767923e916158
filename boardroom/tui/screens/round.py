"""What a vote and a consent round share: the proposal on top, the voters in their order with
▶ before the one whose turn it is, a key that records for that voter, and the round as it is
on every screen (another session's answer, or the chair concluding, shows within a second)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import DataTable, Header, Static
from textual.widgets.data_table import ColumnKey

from boardroom.i18n import _
from boardroom.services import decide
from boardroom.services import meeting as live
from boardroom.tui.screens.common import BoardScreen
from boardroom.tui.widgets.display_table import DisplayTable
from boardroom.tui.widgets.footer import KeyFooter


class RoundScreen(BoardScreen):
    AUTO_FOCUS = ""  # off: the table only shows; every key is a command of the screen
    TABLE_ID = "voters"

    def __init__(self, round_id: int) -> None:
        super().__init__()
        self.round_id = round_id
        self.row_keys: list[str] | None = None  # the voters shown, in their order

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="proposal")
        yield from self.above_voters()
        yield DisplayTable(id=self.TABLE_ID, cursor_type="row")
        yield from self.below_voters()
        yield KeyFooter()

    def above_voters(self) -> Iterator[Widget]:
        yield from ()

    def below_voters(self) -> Iterator[Widget]:
        yield from ()

    def board_changed(self) -> None:
        self.reload()

    def entered(self, view: decide.RoundView, voter: int) -> str:
        """✓ for a ballot or answer the voter entered from their own screen (the others were
        recorded here, at the console)."""
        return "✓" if view.answered_themselves(voter) else ""

    def entered_width(self) -> int:
        return len(_("Own"))

    def view(self) -> decide.RoundView:
        return decide.round_view(self.session, self.round_id)

    def show_voters(
        self,
        view: decide.RoundView,
        state: live.Console,
        columns: Sequence[ColumnKey],
        cells: Callable[[int], list[object]],
        blank: list[str],
    ) -> None:
        """One row per voter in the round's order (made again only when the order changed);
        then only the cells that change are rewritten: the name with ▶ for whose turn it is,
        and `cells(voter)` for the columns from the third on (`blank` their first filling)."""
        table = self.query_one(DataTable)
        keys = [str(voter) for voter in view.round.voter_order]
        if keys != self.row_keys:  # first show, a new round, or another voter named
            self.row_keys = keys
            table.clear()
            for voter in view.round.voter_order:
                table.add_row("", state.perspective_of(voter), *blank, key=str(voter))
        turn = view.next_voter if view.round.status == "open" else None
        for voter in view.round.voter_order:
            marker = "▶ " if voter == turn else "  "
            table.update_cell(str(voter), columns[0], marker + state.voter_name(voter))
            for column, value in zip(columns[2:], cells(voter), strict=True):
                table.update_cell(str(voter), column, value)

    def for_next_voter(self, record: Callable[[int], object], none_left: str = "") -> None:
        """Record for the voter whose turn it is (nothing once the round is closed)."""
        view = self.view()
        voter = view.next_voter
        if view.round.status != "open":
            return
        if voter is None:
            if none_left:
                self.notify(none_left)
            return
        self.attempt(lambda: record(voter))
