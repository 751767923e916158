"""The list table draws a line of text directly, and gives exactly the segments DataTable's own
way gives (plain, marked up, cut with …, too long, wide characters, under the cursor); it keeps
its drawn cells when a screen is shown again and drops them when its look changes."""

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from boardroom.tui.screens.base import cell_text
from boardroom.tui.widgets.list_table import ListTable

CELLS = [
    "Besluit over de inkoop van wijkverpleging",
    "[b red]at risk[/]",
    "[green]on track[/] and more",
    "2026/11-04",
    "Zorgcoöperatie 👩‍⚕️ wachttijd 長い",
    "",
    "x" * 90,
]


class Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield ListTable(id="table", cursor_type="row", zebra_stripes=True)


def both_ways(table: ListTable, row: int, column: int, width: int, cursor: bool, hover: bool):
    style = table.rich_style
    table._cell_render_cache.clear()
    fast = table._render_cell(row, column, style, width, cursor, hover)
    table._cell_render_cache.clear()
    slow = DataTable._render_cell(table, row, column, style, width, cursor, hover)
    return fast, slow


async def test_a_line_of_text_is_drawn_as_datatable_draws_it():
    app = Lists()
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(ListTable)
        table.add_columns("Title", "Status", "Number")
        for n, text in enumerate(CELLS):
            cut = cell_text(text, cut=True)
            table.add_row(cell_text(text), cut, Text(str(n)), key=str(n))
        await pilot.pause()
        compared = 0
        for row in range(len(CELLS)):
            for column in range(3):
                for width in (3, 12, 40, 95):
                    for cursor, hover in ((False, False), (True, False), (False, True)):
                        fast, slow = both_ways(table, row, column, width, cursor, hover)
                        assert fast == slow, (CELLS[row], column, width, cursor, hover)
                        compared += 1
        assert compared == len(CELLS) * 3 * 4 * 3
        assert table._plain_cell(0, 0, 40) is not None  # the direct way was taken
        assert table._plain_cell(0, 0, 2) is None  # narrower than its padding: DataTable's


async def test_cells_stay_drawn_until_the_look_changes():
    app = Lists()
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(ListTable)
        table.add_columns("Title")
        table.add_row("Een besluit", key="1")
        table.add_row("Nog een besluit", key="2")
        await pilot.pause()
        cache = table._cell_render_cache
        drawn = {key: cache[key] for key in cache.keys()}  # noqa: SIM118 (no __iter__)
        assert len(drawn) == 3  # the heading and two cells
        app.update_styles(table)  # what a screen's resume does to every widget
        table.refresh()
        await pilot.pause()
        assert all(table._cell_render_cache.get(k) is v for k, v in drawn.items())  # kept
        app.theme = "textual-light"  # a new look: drawn again, in it
        await pilot.pause()
        assert not any(cache.get(k) is v for k, v in drawn.items())
        assert len(cache) == 3
