"""The floor: a minimal Textual app that paints one line and reports its first frame."""

import os
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("minimal")

    def on_ready(self) -> None:
        Path(os.environ["BOARDROOM_BENCH_READY_FILE"]).write_text(f"{time.time():.6f}")
        self.exit()


if __name__ == "__main__":
    Minimal().run()
