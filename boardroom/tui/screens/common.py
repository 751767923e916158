"""What every screen shares: the app's session, and the id of the row under a table's cursor.
Kept light (imported on the start-up path by the dashboard)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from boardroom.host_files import HostFiles
from boardroom.i18n import _
from boardroom.services.session import Session
from boardroom.tui.internals.bindings import TranslatedBindings
from boardroom.tui.internals.screens import ResumedOnce

if TYPE_CHECKING:  # the dashboard, shown first, has no table: DataTable's import waits
    from textual.widgets import DataTable


def row_id(table: DataTable[Any]) -> int | None:
    """The id (row key) of the row under the cursor, or None for an empty table."""
    if not table.row_count:
        return None
    key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    return int(key) if key is not None else None


class BoardScreen(TranslatedBindings, ResumedOnce):
    """A screen of the app: it works on the app's session."""

    @property
    def session(self) -> Session:
        return self.app.session  # type: ignore[attr-defined,no-any-return]

    def host_files(self, instead: str) -> HostFiles | None:
        """The host's files, when this session may name them; over SSH None, and a notice
        with the command that does it instead (`instead`), before any prompt for a path."""
        files: HostFiles = self.app.files  # type: ignore[attr-defined]
        if files.reachable:
            return files
        self.notify(
            _(
                "Over SSH the board host's files are out of reach. Instead, on your laptop: {command}"
            ).format(command=instead),
            severity="warning",
            timeout=15,
        )
        return None

    def board_changed(self) -> None:
        """Another session committed (the app noticed): show it, keeping the user's place
        (cursor, scroll, an open form on top). Screens that show the board override this."""
