"""The floor: a minimal Textual app that paints one line (bench/startup.py stops it once the
line is on the terminal)."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("minimal")


if __name__ == "__main__":
    Minimal().run()
