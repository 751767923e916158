"""What every screen shares: the app's session, and the id of the row under a table's cursor.
Kept light (imported on the start-up path by the dashboard)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textual.widgets import Static

from boardroom.domain.errors import BoardroomError, Conflict, ValidationProblem
from boardroom.host_files import HostFiles
from boardroom.i18n import _
from boardroom.services.session import Session
from boardroom.tui.internals.bindings import TranslatedBindings
from boardroom.tui.internals.screens import ResumedOnce

if TYPE_CHECKING:  # the dashboard, shown first, has no table: DataTable's import waits
    from textual.app import App
    from textual.widgets import DataTable

    from boardroom.domain.permissions import Capability


def row_id(table: DataTable[Any]) -> int | None:
    """The id (row key) of the row under the cursor, or None for an empty table."""
    if not table.row_count:
        return None
    key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    return int(key) if key is not None else None


class Destination(Protocol):
    """Where a file the app makes goes: the computer's files, or the member's browser."""

    def suggest(self, name: str) -> str:
        """What the file field offers first."""

    def check(self, name: str, where: str) -> None:
        """Refuse a name that cannot be written, before the work of making the file."""

    def put(self, app: App[Any], name: str, data: bytes) -> str:
        """Hand the bytes over (from a worker thread); what to tell the user."""


@dataclass(frozen=True)
class OnThisComputer:
    """Written to a file of the computer the app runs on (a laptop, or the host's owner)."""

    files: HostFiles

    def suggest(self, name: str) -> str:
        return str(Path.cwd() / name)

    def check(self, name: str, where: str) -> None:
        self.files.writable(name, where)

    def put(self, app: App[Any], name: str, data: bytes) -> str:
        return f"{_('Written')}: {self.files.write_bytes(name, data, where='path')}"


class ToTheBrowser:
    """Downloaded by the member's browser (the app served in a tab: the host's files are
    closed, and the member wants the file on their own computer)."""

    def suggest(self, name: str) -> str:
        return name

    def check(self, name: str, where: str) -> None:
        if not name or Path(name).name != name or name in (".", ".."):
            raise ValidationProblem(
                _("a file name only: your browser saves it with your downloads"), where
            )

    def put(self, app: App[Any], name: str, data: bytes) -> str:
        import io

        app.call_from_thread(app.deliver_binary, io.BytesIO(data), save_filename=name)
        return _("Sent to your browser: {name}").format(name=name)


class BoardScreen(TranslatedBindings, ResumedOnce):
    """A screen of the app: it works on the app's session."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: what `show_text` last put in each Static, by selector
        self._shown_texts: dict[str, str] = {}

    def reload(self) -> None:
        """Show the board as it is now (a screen that shows any of it says how)."""

    def show_text(self, selector: str, text: str) -> None:
        """A Static's text, drawn again only when it changed: every open session looks again
        at each commit of any other (twenty members following a meeting while they answer)."""
        if self._shown_texts.get(selector) != text:
            self._shown_texts[selector] = text
            self.query_one(selector, Static).update(text)

    def attempt(self, change: Callable[[], object], done: str = "") -> bool:
        """Run a service call; show its problem as a notification, never a traceback."""
        try:
            change()
        except BoardroomError as error:
            self.notify(str(error), severity="error", timeout=8)
            if isinstance(error, Conflict):  # someone else's newer change: show it now
                self.reload()
            return False
        if done:
            self.notify(done, timeout=4)
        self.reload()
        return True

    def write_in_background(self, to: Destination, name: str, make: Callable[[], bytes]) -> None:
        """Make a file's bytes in a thread and hand them to where they go (a long archival
        PDF takes seconds): the screen answers meanwhile; a notification says when it is
        written, or what went wrong. `make` reads nothing of the board (SQLite stays in the
        app's thread)."""
        self.notify(_("Making {name}…").format(name=Path(name).name), timeout=4)

        def work() -> None:
            try:
                said = to.put(self.app, name, make())
            except BoardroomError as error:
                self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
                return
            self.app.call_from_thread(self.notify, said, timeout=8)

        self.run_worker(work, thread=True, exit_on_error=False, group="exports")

    def allowed(self, capability: Capability, doing: str) -> bool:
        """Asked before a form opens: nobody types only to have it refused."""
        return self.permitted(lambda: self.session.require(capability, doing))

    def permitted(self, check: Callable[[], object]) -> bool:
        """A service's permission check (`require_…`), asked before a form or a file prompt
        opens; its refusal is shown as a notification."""
        try:
            check()
        except BoardroomError as error:
            self.notify(str(error), severity="error", timeout=8)
            return False
        return True

    @property
    def in_browser(self) -> bool:
        """The app is served in a browser tab (`boardroom serve`)."""
        return bool(getattr(self.app, "in_browser", False))

    @property
    def session(self) -> Session:
        return self.app.session  # type: ignore[attr-defined,no-any-return]

    def host_files(self, instead: str) -> HostFiles | None:
        """The host's files, when this session may name them; over SSH None, and a notice
        with the command that does it instead (`instead`), before any prompt for a path."""
        files: HostFiles = self.app.files  # type: ignore[attr-defined]
        if files.reachable:
            return files
        if self.in_browser:
            self.notify(
                _(
                    "In the browser the app opens no file of your computer. Ask the secretary,"
                    " or over SSH from your laptop: {command}"
                ).format(command=instead),
                severity="warning",
                timeout=15,
            )
            return None
        self.notify(
            _(
                "Over SSH the board host's files are out of reach. Instead, on your laptop: {command}"
            ).format(command=instead),
            severity="warning",
            timeout=15,
        )
        return None

    def destination(self, instead: str) -> Destination | None:
        """Where a file made here goes: the member's browser when the app is served in one,
        else the computer's files where this session may name them (over SSH, None and a
        notice with the command that does it instead)."""
        if self.in_browser:
            return ToTheBrowser()
        files = self.host_files(instead)
        return None if files is None else OnThisComputer(files)

    def board_changed(self) -> None:
        """Another session committed (the app noticed): show it, keeping the user's place
        (cursor, scroll, an open form on top). Screens that show the board override this."""
