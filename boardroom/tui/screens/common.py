"""What every screen shares: the app's session, and the id of the row under a table's cursor.
Kept light (imported on the start-up path by the dashboard)."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import DataTable

from boardroom.services.session import Session
from boardroom.tui.bindings import TranslatedBindings


def row_id(table: DataTable[Any]) -> int | None:
    """The id (row key) of the row under the cursor, or None for an empty table."""
    if not table.row_count:
        return None
    key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    return int(key) if key is not None else None


class BoardScreen(TranslatedBindings, Screen[None]):
    """A screen of the app: it works on the app's session."""

    @property
    def session(self) -> Session:
        return self.app.session  # type: ignore[attr-defined,no-any-return]

    def board_changed(self) -> None:
        """Another session committed (the app noticed): show it, keeping the user's place
        (cursor, scroll, an open form on top). Screens that show the board override this."""
