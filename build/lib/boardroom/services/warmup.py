"""Work that start-up defers, done right after the first frame so no keypress pays for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial


def warm_up_steps() -> Iterator[Callable[[], object]]:
    """Small steps (a few ms each): import sqlite-utils (the first write needs it) and build
    each model's validator (the first read of each kind needs it). The app runs one step per
    tick on its own thread — no worker threads, so nothing can deadlock on import locks."""

    def load_sqlite_utils() -> None:
        import sqlite_utils  # noqa: F401

    yield load_sqlite_utils
    from boardroom.storage.repo import table_models

    for model in table_models().values():
        yield partial(model.model_rebuild, force=True)
