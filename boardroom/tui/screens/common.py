"""What every screen shares: the app's session, and the id of the row under a table's cursor.
Kept light (imported on the start-up path by the dashboard)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.screen import Screen

from boardroom.host_files import HostFiles
from boardroom.i18n import _
from boardroom.services.session import Session
from boardroom.tui.bindings import TranslatedBindings

if TYPE_CHECKING:  # the dashboard, shown first, has no table: DataTable's import waits
    from textual.widgets import DataTable


def row_id(table: DataTable[Any]) -> int | None:
    """The id (row key) of the row under the cursor, or None for an empty table."""
    if not table.row_count:
        return None
    key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    return int(key) if key is not None else None


class BoardScreen(TranslatedBindings, Screen[None]):
    """A screen of the app: it works on the app's session."""

    _resume_posted = False  # a ScreenResume is on its way and not yet handled
    styled_ahead = False  # built ahead by the warm-up, styled, never shown yet

    def post_message(self, message: Message) -> bool:
        """Textual posts two ScreenResume on a mode's first opening (one as it makes the
        mode's stack, one as it switches to it): each styled the whole screen again and
        reloaded its rows, measured a fifth of a first opening. One is enough; a resume
        after a suspend is always delivered."""
        if isinstance(message, events.ScreenResume):
            if self._resume_posted:
                return True
            self._resume_posted = True
            if self.styled_ahead and self._css_update_count == self.app._css_update_count:
                # built ahead and styled with the stylesheet as it still is: its first
                # showing need not style every widget again (a sixth of that opening)
                message = events.ScreenResume(refresh_styles=False)
            self.styled_ahead = False
        elif isinstance(message, events.ScreenSuspend):
            self._resume_posted = False
        return super().post_message(message)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        self._resume_posted = False

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
