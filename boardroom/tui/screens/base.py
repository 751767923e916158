"""A screen built around one table: load rows from a service, act on the selected row."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Input, Static
from textual.widgets.data_table import RowDoesNotExist

from boardroom.i18n import _
from boardroom.tui.screens.common import BoardScreen, row_id
from boardroom.tui.widgets.footer import KeyFooter
from boardroom.tui.widgets.form import FormField, FormScreen
from boardroom.tui.widgets.list_table import ListTable

if TYPE_CHECKING:
    from boardroom.exports.document import Document

Row = tuple[int, Iterable[Any]]


def cell_text(cell: Any, cut: bool = False) -> Any:
    """A cell as Rich Text, parsing markup only where there is some: the table measures every
    cell when it is rebuilt, and parsing plain text as markup was most of that cost. `cut`:
    the flexible column's text ends in … where the column is narrower than it."""
    if isinstance(cell, str):
        text = Text.from_markup(cell) if "[" in cell else Text(cell)
        if cut:
            text.no_wrap, text.overflow = True, "ellipsis"
        return text
    return cell


def counted(shown: int, count: int) -> str:
    """A list's count line: "721", or "100 of 3144" when it shows a page of them."""
    return (
        str(count) if shown >= count else _("{shown} of {count}").format(shown=shown, count=count)
    )


class TableScreen(BoardScreen):
    """Title, a one-line explanation, the table, the footer. Subclasses say what rows mean."""

    TITLE_TEXT = ""
    RELOADS_ON_RESUME = True  # on_screen_resume reads its rows when the board changed
    COLUMNS: tuple[str, ...] = ()
    #: The column of long free text (a title): it gets the width the others leave, and its
    #: text is cut with … there; every other column is as wide as its longest word or value.
    FLEX = ""
    SEARCH = False  # a search box above the table, searched as you type

    def __init__(self) -> None:
        super().__init__()
        # What is on screen now: a revisited screen rebuilds and re-lays out only what changed.
        self._shown_rows: list[tuple[int, tuple[Any, ...]]] | None = None
        self._shown_text: dict[str, str] = {}
        self._loaded_at: tuple[object, ...] | None = None  # board_mark() at the last reload

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.heading(), id="screen-title")
        if self.SEARCH:
            yield Input(placeholder=_("Search…  (/ to search, esc back to the list)"), id="search")
        yield ListTable(id="table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield KeyFooter()

    def heading(self) -> str:
        return _(self.TITLE_TEXT)

    def on_mount(self) -> None:
        table = self.query_one("#table", DataTable)
        self._column_keys = table.add_columns(*[_(c) for c in self.COLUMNS])
        self._widths: list[int] = []
        self.reload()
        first = self.initial_row()
        if first is not None:
            self.reload(select=first)
        table.focus()

    def initial_row(self) -> int | None:
        """The row to put the cursor on when the screen opens (default: the first)."""
        return None

    def on_screen_resume(self) -> None:
        """Shown again: its rows again, unless nothing changed since they were read (no
        commit by anyone, the same day) — then the list is as it was, and costs nothing."""
        if self._loaded_at != self.board_mark():
            self.reload()

    def board_mark(self) -> tuple[object, ...]:
        return (*self.session.database.change_mark(), self.session.today)

    def board_changed(self) -> None:
        self.reload()

    def rows(self) -> list[Row]:
        raise NotImplementedError

    def reload(self, select: int | None = None) -> None:
        table = self.query_one("#table", DataTable)
        keep = select if select is not None else self.selected_id()
        self._loaded_at = self.board_mark()
        rows = [(key, tuple(cells)) for key, cells in self.rows()]
        scrolled = table.scroll_y
        rebuilt = rows != self._shown_rows
        if rebuilt:
            self._shown_rows = rows
            table.clear()
            flex = self.COLUMNS.index(self.FLEX) if self.FLEX else -1
            widths = [len(_(label)) for label in self.COLUMNS]
            for key, cells in rows:
                texts = [cell_text(cell, n == flex) for n, cell in enumerate(cells)]
                table.add_row(*texts, key=str(key))
                widths = [  # each column's widest value
                    max(w, getattr(t, "cell_len", 0)) for w, t in zip(widths, texts, strict=True)
                ]
            self._widths = widths
            self.fit_flex()
        if keep is not None:
            with contextlib.suppress(RowDoesNotExist):  # the row is gone (deleted, filtered)
                table.move_cursor(
                    row=table.get_row_index(str(keep)), scroll=select is not None or not rebuilt
                )
        if rebuilt and select is None:  # another's change: the list stays where the user had it
            table.scroll_to(y=scrolled, animate=False, immediate=True)
        self.update_text("#screen-title", self.heading())
        self.show_detail()

    def fit_flex(self) -> None:
        """Every column as wide as its content; the flexible one takes the rest."""
        if self._widths:
            flex = self.COLUMNS.index(self.FLEX) if self.FLEX else None
            self.query_one("#table", ListTable).size_columns(self._widths, flex)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_flex)  # once the table has its new size

    def selected_id(self) -> int | None:
        return row_id(self.query_one("#table", DataTable))

    def show_detail(self) -> None:
        self.update_text("#detail", self.detail(self.selected_id()))

    def update_text(self, selector: str, text: str) -> None:
        """Update a text only when it changed: an update re-lays the screen out."""
        if self._shown_text.get(selector) != text:
            self._shown_text[selector] = text
            self.query_one(selector, Static).update(text)

    def detail(self, row_id: int | None) -> str:
        return ""

    def search_text(self) -> str:
        return self.query_one("#search", Input).value if self.SEARCH else ""

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one("#table", DataTable).focus()

    def action_search(self) -> None:
        if self.SEARCH:
            self.query_one("#search", Input).focus()

    def action_to_list(self) -> None:
        self.query_one("#table", DataTable).focus()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_edit()

    def mark(self, change: Callable[[int], object]) -> None:
        """Change the row under the cursor, then move on to the next (one key per row)."""
        selected = self.selected_id()
        if selected is not None and self.attempt(lambda: change(selected)):
            self.query_one("#table", DataTable).action_cursor_down()

    def open_form(
        self, title: str, fields: list[FormField], submit: Callable[[dict[str, Any]], object]
    ) -> None:
        def saved(ok: bool | None) -> None:
            if ok:
                self.notify(_("Saved."), timeout=3)
                self.reload()

        def save(values: dict[str, Any]) -> None:
            submit(values)

        self.app.push_screen(FormScreen(title, fields, save), saved)

    def open_export(
        self, title: str, default_name: str, document: Callable[[], Document], instead: str
    ) -> None:
        """Ask for a file (.md, .html, .docx or .pdf, from its suffix) and write the document
        there; over SSH, say which command does it instead (`instead`)."""
        from pathlib import Path

        from boardroom.domain.errors import ValidationProblem
        from boardroom.exports.formats import FORMATS, document_bytes
        from boardroom.services.style import house_style

        to = self.destination(instead)
        if to is None:
            return

        def submit(values: dict[str, Any]) -> None:
            name = values["path"].strip()
            fmt = Path(name).suffix.lstrip(".").lower()
            if fmt not in FORMATS:
                raise ValidationProblem(_("the file must end in .md, .html, .docx or .pdf"), "path")
            to.check(name, "path")
            made = document()
            made.made_at, made.style = self.session.now(), house_style(self.session)
            self.write_in_background(to, name, lambda: document_bytes(made, fmt))

        self.open_form(
            title,
            [
                FormField(
                    "path",
                    _("File (.md, .html, .docx or .pdf)"),
                    value=to.suggest(default_name),
                )
            ],
            submit,
        )

    def action_edit(self) -> None:  # overridden where rows can be edited
        pass
