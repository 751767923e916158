"""Work that start-up defers, done right after the first frame so no keypress pays for it."""

from __future__ import annotations


def warm_up() -> None:
    """Import sqlite-utils (the first write needs it) and build every model's validator (the
    first read of each kind needs it): about 55 ms that would otherwise land on early keys.
    Safe to run in a thread: it touches no screen and no database."""
    import sqlite_utils  # noqa: F401

    from boardroom.storage.repo import table_models

    for model in table_models().values():
        model.model_rebuild(force=True)
