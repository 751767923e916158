"""The item timer: time left, a warning near the end, the overrun after it."""

from __future__ import annotations

from typing import Literal

from textual.widgets import Static

from boardroom.i18n import _

State = Literal["ok", "warning", "over"]


def timer_state(elapsed_seconds: int, timebox_minutes: int) -> tuple[str, State]:
    """`12:30 left` (ok), `01:45 left` (warning: the last 2 minutes, or the last 10% of a long
    box), `+03:12 over` (over)."""
    box = timebox_minutes * 60
    left = box - elapsed_seconds
    if left < 0:
        over = -left
        return _("+{m:02}:{s:02} over").format(m=over // 60, s=over % 60), "over"
    warning_from = max(120, box // 10) if box else 0
    state: State = "warning" if left <= warning_from else "ok"
    return _("{m:02}:{s:02} left").format(m=left // 60, s=left % 60), state


class ItemTimer(Static):
    """Shows the current item's clock; the console updates it every second."""

    DEFAULT_CSS = """
    ItemTimer {
        height: 3;
        content-align: center middle;
        text-style: bold;
        border: round $primary;
        width: 30;
    }
    ItemTimer.warning { border: round $warning; color: $warning; }
    ItemTimer.over { border: round $error; color: $error; }
    """

    def show(self, elapsed_seconds: int, timebox_minutes: int) -> None:
        text, state = timer_state(elapsed_seconds, timebox_minutes)
        self.update(text)
        self.set_class(state == "warning", "warning")
        self.set_class(state == "over", "over")
