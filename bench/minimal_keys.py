"""The floor for keypress latency: a minimal Textual app whose label changes on every key."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class MinimalKeys(App[None]):
    count = 0

    def compose(self) -> ComposeResult:
        yield Static("pressed 0", id="label")

    def on_key(self) -> None:
        self.count += 1
        self.query_one("#label", Static).update(f"pressed {self.count}")


if __name__ == "__main__":
    MinimalKeys().run()
