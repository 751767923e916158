"""First start: no board in the database yet. Open the demo or create a board from a file."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from boardroom.domain.errors import BoardroomError
from boardroom.i18n import N_, _
from boardroom.tui.internals.bindings import TranslatedBindings
from boardroom.tui.widgets.footer import KeyFooter


class WelcomeScreen(TranslatedBindings, Screen[None]):
    DEFAULT_CSS = """
    #welcome {
        padding: 2 4;
    }

    #welcome Input {
        margin-top: 1;
        width: 80;
    }

    #welcome-error {
        color: $error;
    }
    """
    BINDINGS = [
        Binding("ctrl+d", "demo", N_("Open the demo board")),
        Binding("ctrl+q", "app.quit", N_("Quit")),
    ]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome"):
            yield Static(
                "[b]boardroom[/b]\n\n"
                + _("There is no board in {path} yet.").format(path=self.db_path)
                + "\n\n"
                + _(
                    "Press ctrl+d to open the demo board (a fictional region with a year of"
                    " history), or type the path of a board file (see agendas/board.example.toml)"
                    " and press enter to create your board."
                ),
                id="welcome-text",
            )
            yield Input(placeholder="agendas/board.example.toml", id="board-file")
            yield Static("", id="welcome-error")
        yield KeyFooter()

    def action_demo(self) -> None:
        from boardroom.config import data_dir
        from boardroom.services.demo import DEMO_CHAIR, build_demo

        demo_path = data_dir() / "demo.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{demo_path}{suffix}").unlink(missing_ok=True)
        try:
            build_demo(demo_path, self.app.clock).close()  # type: ignore[attr-defined]
            self.app.open_board(demo_path, DEMO_CHAIR)  # type: ignore[attr-defined]
        except BoardroomError as error:
            self.query_one("#welcome-error", Static).update(f"⚠ {error}")

    @on(Input.Submitted, "#board-file")
    def create_from_file(self, event: Input.Submitted) -> None:
        from boardroom.host_files import beside
        from boardroom.services.setup import init_from_text

        name = event.value.strip()
        try:
            text = self.app.files.read_text(name, _("board file"))  # type: ignore[attr-defined]
            read = beside(self.app.files, name)  # type: ignore[attr-defined]
            init_from_text(self.db_path, text, name, self.app.clock, read).close()  # type: ignore[attr-defined]
            self.app.open_board(self.db_path, self.app.user)  # type: ignore[attr-defined]
        except BoardroomError as error:
            self.query_one("#welcome-error", Static).update(f"⚠ {error}")
