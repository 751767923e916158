"""The footer of every screen: Textual's, made again only when its keys change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """Textual's footer rebuilds all its key widgets whenever the screen's bindings are
    refreshed: on every screen switch, focus change and resume, even when the keys shown are
    the same. Measured on the ten-year board, that rebuild (mounting and styling some twenty
    key widgets) was the largest part of switching between lists. This footer rebuilds only
    when the keys, their labels or whether they are enabled changed."""

    _shown: tuple[tuple[str, str, bool, str], ...] | None = None

    def on_mount(self) -> None:
        # A screen built ahead, off-screen (the app's warm-up builds the lists): its keys now,
        # so it opens with its footer made. A screen being shown gets them as it is shown.
        if self.screen is self.app.screen:
            return
        self._shown = self._keys(self.screen)
        self._bindings_ready = True
        self.call_next(self.recompose)

    @staticmethod
    def _keys(screen: Screen) -> tuple[tuple[str, str, bool, str], ...]:
        return tuple(
            (binding.key, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        """Textual's keys, each made in the footer's style before it is mounted: a key is
        made compact and then bound to the footer's (not compact), and each of the two
        changes restyled it — some forty restylings of a screen's first footer, a sixth of
        the console's first opening (measured)."""
        for widget in super().compose():
            # (the palette's key is not bound to the footer: it stays compact, as Textual has it)
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)  # as its watcher does
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if screen is not self.screen:
            return
        shown = self._keys(screen)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
