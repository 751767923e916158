"""The lists' table: columns sized to their content by the screen, one flexible column that
takes the room the others leave (drawing it fast is boardroom.tui.internals.table's)."""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets.data_table import ColumnKey

from boardroom.tui.internals.table import CachedTable


class ListTable(CachedTable):
    _sized: tuple[list[int], int | None, int] | None = None  # the last size_columns asked
    _sized_for = 0  # the width the flexible column was given its room for

    def set_column_width(self, key: ColumnKey, width: int) -> None:
        """A fixed width for a column; its cells are drawn again only if it changed."""
        column = self.columns[key]
        if column.auto_width or column.width != width:
            column.auto_width = False
            column.width = width
            self.column_width_changed()

    def size_columns(self, widths: list[int], flex: int | None = None, least: int = 24) -> None:
        """Every column as wide as its widest cell or heading (`widths`, in column order) —
        set here, not left to DataTable, which measures new rows only when it is idle and so
        drew a list filled while hidden squeezed to its headings until its next change. The
        `flex` column takes what the others leave of the table's width (at least its heading
        and 12 cells); when less than `least` is left, it fills the screen after the columns
        before it, and those after it scroll into view."""
        self._sized = (widths, flex, least)
        self._sized_for = self.size.width
        keys = list(self.columns)
        padding = 2 * self.cell_padding
        width = self.size.width or self.app.size.width
        for n, key in enumerate(keys):
            if n != flex:
                self.set_column_width(key, widths[n])
        if flex is None:
            return
        others = sum(w + padding for n, w in enumerate(widths) if n != flex)
        room = width - others - padding - 2  # the scrollbar
        if room < least:
            room = width - sum(w + padding for w in widths[:flex]) - padding - 2
        heading = self.columns[keys[flex]].label.cell_len
        self.set_column_width(keys[flex], max(min(widths[flex], room), heading, 12))

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._sized is not None and self._sized_for != self.size.width:
            # sized before the table had its width (a new screen): the flexible column gets
            # its room now, before the first drawing, not after it (every cell drawn twice)
            self.size_columns(*self._sized)
        return super().render_lines(crop)
