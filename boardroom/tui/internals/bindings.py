"""Key bindings in the reader's language (see boardroom.tui.internals).

A screen's BINDINGS are made when its module is imported, which may be before the language
is chosen (and a test process runs both languages), so their descriptions are English message
ids marked with `N_()`; each screen translates its own copy when it is made. That copy is
Textual's private `_bindings`; with the switch off it is left as it is (the footer translates
what it shows for itself; Textual's key panel then speaks English).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.binding import BindingsMap

from boardroom.i18n import _
from boardroom.tui import internals


def translated(bindings: BindingsMap) -> BindingsMap:
    """The same bindings with their descriptions in the current language."""
    return BindingsMap.from_keys(
        {
            key: [replace(b, description=_(b.description)) if b.description else b for b in group]
            for key, group in bindings.key_to_bindings.items()
        }
    )


class TranslatedBindings:
    """Mixin for the app and its screens: the footer and the key help speak the language
    chosen at start-up (`--lang`), whatever it was when the class was imported."""

    _bindings: BindingsMap

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if internals.ENABLED:
            self._bindings = translated(self._bindings)
