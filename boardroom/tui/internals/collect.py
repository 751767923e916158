"""Garbage collected between keys (see boardroom.tui.internals).

Python collects cyclic garbage when allocations pass a threshold, that is in the middle of a
key's work (a screen being built): a collection of the older generation took 40 ms there, and
was most of the console's and the agenda's 100–130 ms openings in bench/screens.py. The app
collects instead between keys: the same generations at the same thresholds, checked twice a
second, when no key or click came in the last QUIET seconds. The young generation is 20,000
objects, not 700: a screen switch makes tens of thousands of short-lived cycles that,
collected young and often, were promoted and swept in the old generation instead, 60–120 ms
at a time. Start-up objects (modules, classes, the screens built ahead) are frozen out of the
full sweeps. With the switch off, Python collects as it always does.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

from boardroom.tui import internals

if TYPE_CHECKING:
    from textual.app import App

    AppBase = App[None]
else:
    AppBase = object

THRESHOLDS = (20_000, 10, 10)
INTERVAL = 0.5
QUIET = 0.3


class CollectBetweenKeys(AppBase):
    """The app's part. `last_input` is when the last key or click came in (the app keeps it);
    `collect_between_keys()` starts, `freeze_garbage()` moves what exists now out of the
    collector's sweeps, `collect_as_usual()` gives the process back its collector."""

    last_input = 0.0

    def collect_between_keys(self) -> None:
        self.freeze_garbage()
        if not internals.ENABLED:
            gc.enable()
            return
        gc.disable()  # (also paused by the command line for start-up)
        self.set_interval(INTERVAL, self._collect_garbage)

    def freeze_garbage(self) -> None:
        """What exists now lives as long as the app: keep it out of the full sweeps, which
        would otherwise stall a keypress by ~80 ms."""
        if internals.ENABLED:
            gc.freeze()

    def collect_as_usual(self) -> None:
        gc.enable()  # the process goes on without the app (tests, the command line)

    def _collect_garbage(self) -> None:
        if time.monotonic() - self.last_input < QUIET:
            return
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] >= THRESHOLDS[generation]:
                gc.collect(generation)
                return
