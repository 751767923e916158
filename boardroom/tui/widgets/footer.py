"""The footer of every screen: the keys of what can be done here, drawn as one line."""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from boardroom.i18n import _

#: Keys a browser keeps for itself (reload, caret browsing, full screen, developer tools,
#: print, close or open a tab or window): in a browser tab the footer shows another key
#: for the same action (every list has a letter beside its F-key).
BROWSER_KEYS = frozenset({f"f{n}" for n in range(1, 13)} | {"ctrl+p", "ctrl+w", "ctrl+t", "ctrl+n"})


class FooterItem(NamedTuple):
    """One key as the footer shows it."""

    key: str  # what pressing it sends (a click sends the same)
    display: str  # how it is written: "f2", "^p"
    description: str
    enabled: bool
    tooltip: str


class KeyFooter(Widget, can_focus=False):
    """The keys of the screen, in the look of Textual's footer (its theme variables).

    Textual's Footer makes a widget per key, some twenty-five of them, and makes them all
    again whenever the keys change; styling, laying out and drawing them was a quarter of
    the first frame after start (23 ms of 96, measured with bench/startup.py). This footer
    is one widget that draws one line and draws it again only when the keys changed.

    What fits is shown whole: a key that does not fit is left out rather than cut (every key
    is also in the command palette, docked at the right as in Textual's). A click on a key
    presses it, a disabled key rings the bell, and the key under the mouse is highlighted.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
        "footer-key--divider",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover {
            background: $block-hover-background;
        }
        .footer-key--divider {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.items: tuple[FooterItem, ...] = ()
        self.palette: FooterItem | None = None
        #: where each shown key was drawn: (first cell, after last cell, item)
        self._spans: list[tuple[int, int, FooterItem]] = []
        self._hover: FooterItem | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._read_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen and self._read_keys():
            self.refresh()

    def _read_keys(self) -> bool:
        """The screen's keys now, one per action as Textual's footer has it; True if they
        differ from the keys drawn."""
        app = self.app
        items: dict[str, FooterItem] = {}
        palette = None
        owned = BROWSER_KEYS if getattr(app, "in_browser", False) else frozenset()
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.key in owned:
                continue
            on_palette = binding.action in ("command_palette", "app.command_palette")
            # (translated already, unless Textual's internals are switched off: then here)
            display = app.get_key_display(binding)
            description = _(binding.description) if binding.description else ""
            # (the palette's key says what it does when hovered, as in Textual's footer)
            hint = tooltip or (description if on_palette else "")
            item = FooterItem(binding.key, display, description, enabled, hint)
            if on_palette:
                if palette is None and app.ENABLE_COMMAND_PALETTE:
                    palette = item
            elif binding.show and binding.action not in items:
                items[binding.action] = item
        shown = tuple(items.values())
        if (shown, palette) == (self.items, self.palette):
            return False
        self.items, self.palette = shown, palette
        return True

    def render(self) -> Text:
        width = self.size.width
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        dim = Style(dim=True)
        palette = self._palette_text(key_style, description_style)
        room = width - palette.cell_len
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        for item in self.items:
            piece = Text.assemble(
                *(
                    ((f" {item.display} ", key_style), (f"{item.description} ", description_style))
                    if item.description
                    else ((item.display, key_style),)
                )
            )
            if line.cell_len + piece.cell_len > room:
                break
            if not item.enabled:
                piece.stylize(dim)
            if item == self._hover:
                piece.stylize(self._hover_style())
            self._spans.append((line.cell_len, line.cell_len + piece.cell_len, item))
            line.append_text(piece)
        line.append(" " * max(room - line.cell_len, 0))
        if palette.cell_len and self.palette is not None:
            self._spans.append((width - palette.cell_len, width, self.palette))
            line.append_text(palette)
        return line

    def _palette_text(self, key_style: Style, description_style: Style) -> Text:
        """The command palette's key, at the right behind a thin line (as Textual draws it)."""
        item = self.palette
        if item is None:
            return Text()
        piece = Text.assemble(
            ("▏", self.get_component_rich_style("footer-key--divider")),
            (item.display, key_style),
            (f" {item.description} ", description_style),
        )
        if item == self._hover:
            piece.stylize(self._hover_style(), 1)
        return piece if piece.cell_len <= self.size.width else Text()

    def _hover_style(self) -> Style:
        """The key under the mouse: its background lit, its colours kept."""
        return Style(bgcolor=self.get_component_rich_style("footer-key--hover").bgcolor)

    def _item_at(self, x: int) -> FooterItem | None:
        return next((item for start, end, item in self._spans if start <= x < end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self._item_at(event.x)
        if item != self._hover:
            self._hover = item
            self.tooltip = item.tooltip if item is not None and item.tooltip else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    @property
    def shown(self) -> list[str]:
        """The descriptions of the keys drawn, left to right (the palette's last)."""
        return [item.description for _start, _end, item in self._spans]
