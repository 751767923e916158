"""A table that only shows: it never takes the focus, so every key stays a screen command."""

from textual.widgets import DataTable


class DisplayTable(DataTable[str], can_focus=False):
    pass
