"""A DataTable that keeps its drawn cells while it looks the same, and draws a plain line of
text without Rich's general machinery (see boardroom.tui.internals).

Textual applies the whole stylesheet again to every widget of a screen each time the screen is
shown (`ScreenResume`), and a DataTable answers every such pass by dropping every cell, row and
line it has drawn — so a list that did not change was drawn again from nothing on each
revisit (about 95 ms for a screenful of 40 rows at 160 columns, measured). This table drops
them only when what it looks like changed: its own styles or those of its parts (cursor,
header, stripes, which follow focus and the theme). The caches are keyed by the rows, the
cursor and the focus state already, so what stays is still right.

A cell is drawn through four nested Rich renderables (styled, padded, wrapped, cropped), about
a quarter of a millisecond each — most of a list's first drawing. For the cells these lists
hold (one line of text, no tabs, not justified) `_render_cell` makes the same segments
directly; anything else takes DataTable's own way. Both ways give the same segments (tested).

Private names of DataTable used: the five render caches, `_render_cell`,
`_get_row_renderables`, `_get_styles_to_render_cell`, `_row_locations`, `_column_locations`,
`_show_hover_cursor`, `_update_count`, `_pseudo_class_state`, `_component_styles`,
`_on_resize` (all listed in internals.PRIVATE). With the switch off it is a DataTable.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual._types import SegmentLines
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable

from boardroom.tui import internals

_NEWLINE = Text("\n")
_NULL = Style.null()


class CachedTable(DataTable[str]):
    _look: str | None = None  # the styles the rendered cells were made with
    _look_may_change = True
    _drawn_size: Size | None = None  # the size it was last drawn at
    _style_now: Style | None = None  # rich_style, while a drawing is under way

    def _on_resize(self, event: events.Resize) -> None:
        """DataTable draws every cell again on a resize; a list built ahead is first drawn at
        its size and only then told that size (measured: every cell drawn twice on the first
        opening). Drawn at this size already: nothing to draw again."""
        if event.size == self._drawn_size and internals.ENABLED:
            event.prevent_default()  # DataTable's own handler would drop every drawn cell

    def column_width_changed(self) -> None:
        """A column's width was set: its drawn cells are keyed by DataTable's update count,
        not by their width, so the count moves on (without the switch: every cache goes)."""
        if internals.ENABLED:
            self._update_count += 1
        else:
            DataTable.notify_style_update(self)
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        if not internals.ENABLED:
            return super().notify_style_update()
        Widget.notify_style_update(self)  # not DataTable's: it clears every cache at once
        self._look_may_change = True
        self.refresh()

    def _looks(self) -> str:
        parts = [self.styles.get_render_rules()]
        parts += [
            self._component_styles[name].get_render_rules()
            for name in sorted(self._component_styles)
        ]
        return repr([sorted(rules.items()) for rules in parts])

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._look_may_change and internals.ENABLED:
            self._look_may_change = False
            look = self._looks()
            if look != self._look:
                self._look = look
                self._clear_look_caches()
        self._drawn_size = self.size
        try:
            return super().render_lines(crop)
        finally:
            self._style_now = None

    @property
    def rich_style(self) -> Style:
        """Textual works this out from every ancestor's styles, and DataTable asks for it on
        every line it draws: once per drawing is enough (its styles cannot change meanwhile)."""
        if not internals.ENABLED:
            return super().rich_style
        if self._style_now is None:
            self._style_now = super().rich_style
        return self._style_now

    def _clear_look_caches(self) -> None:
        """What DataTable.notify_style_update clears."""
        self._row_render_cache.clear()
        self._cell_render_cache.clear()
        self._row_renderable_cache.clear()
        self._line_cache.clear()
        self._styles_cache.clear()
        self._get_styles_to_render_cell.cache_clear()

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        cell = self._plain_cell(row_index, column_index, width) if internals.ENABLED else None
        if cell is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        assert row_key is not None and column_key is not None  # _plain_cell found the cell
        key = (  # DataTable's own cell cache key
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        lines = self._cell_render_cache.get(key)
        if lines is None:
            lines = [
                self._plain_line(cell, row_index, column_index, base_style, width, cursor, hover)
            ]
            self._cell_render_cache[key] = lines
        return lines

    def _plain_cell(self, row_index: int, column_index: int, width: int) -> Text | None:
        """The cell's Text when the direct way draws it as DataTable would, else None."""
        if (
            row_index < self.fixed_rows
            or column_index < self.fixed_columns  # also the header (-1) and row labels (-1)
            or width <= 2 * self.cell_padding
        ):
            return None
        row_key = self._row_locations.get_key(row_index)
        if row_key is None or self.rows[row_key].height != 1:
            return None
        cell = self._get_row_renderables(row_index)[1][column_index]
        if (
            not isinstance(cell, Text)
            or cell.no_wrap is False
            or cell.justify not in (None, "default")
            or "\n" in cell.plain
            or "\t" in cell.plain
        ):
            return None
        return cell

    def _plain_line(
        self,
        cell: Text,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool,
        hover: bool,
    ) -> list[Segment]:
        """What Styled(Padding(cell)) rendered on one line of `width` gives, made directly."""
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        pre_style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        pre_style += component_style
        pad = self.cell_padding
        inner = width - 2 * pad
        console = self.app.console
        lines = cell.wrap(
            console, inner, justify="default", overflow=cell.overflow or "fold", no_wrap=True
        )
        text = list(_NEWLINE.join(lines).render(console))
        text = Segment.adjust_line_length(text, inner, style=_NULL, pad=True)
        edge = Segment(" " * pad, _NULL)
        return list(Segment.apply_style([edge, *text, edge], pre_style, post_style))
