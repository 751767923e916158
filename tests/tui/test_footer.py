"""The footer draws the screen's keys as one line in the look of Textual's footer (cell for cell,
colours and all); what does not fit is left out whole; a click presses a key; it follows the
keys as focus moves; a disabled key is dim and rings the bell."""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Input

from boardroom.tui.widgets.footer import KeyFooter


class Keys(App[None]):
    BINDINGS = [
        Binding("f1", "note('one')", "Dashboard"),
        Binding("f2,M", "note('two')", "Members"),
        Binding("f3", "note('three')", "Perspectives"),
        Binding("x", "note('hidden')", "Hidden", show=False),
        Binding("d", "note('disabled')", "Disabled"),
    ]

    def __init__(self, footer: type = KeyFooter, with_input: bool = False) -> None:
        super().__init__()
        self.footer, self.with_input, self.notes = footer, with_input, []

    def compose(self) -> ComposeResult:
        if self.with_input:
            yield Input(id="field")
        yield self.footer()

    def action_note(self, what: str) -> None:
        self.notes.append(what)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if parameters == ("disabled",) else True


def last_line(app: App) -> list[tuple[str, object, object, bool]]:
    """The screen's last line, cell by cell: the character, its colours and boldness."""
    strip = app.screen._compositor.render_strips()[-1]
    return [
        (char, seg.style.color, seg.style.bgcolor, bool(seg.style.bold))
        for seg in strip
        for char in seg.text
    ]


async def test_the_line_is_textual_footers_line_cell_for_cell():
    lines = []
    for footer in (Footer, KeyFooter):
        app = Keys(footer)
        async with app.run_test(size=(100, 5)) as pilot:
            await pilot.pause()
            lines.append(last_line(app))
    textual, ours = lines
    assert "".join(c for c, *_ in ours).rstrip() == (
        " f1 Dashboard  f2 Members  f3 Perspectives  d Disabled " + " " * 33 + "▏^p palette"
    )
    # the same characters, colours and boldness (the colour of a blank cell is not seen: the
    # free cells are compared by their background); the disabled key is dim in both
    assert [cell if cell[0] != " " else cell[2] for cell in ours] == [
        cell if cell[0] != " " else cell[2] for cell in textual
    ]


async def test_keys_that_do_not_fit_are_left_out_whole():
    app = Keys()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert footer.shown == ["Dashboard", "Members", "palette"]
        assert "".join(c for c, *_ in last_line(app)) == (
            " f1 Dashboard  f2 Members   ▏^p palette "
        )


async def test_a_click_presses_the_key_and_a_disabled_key_rings_the_bell():
    app = Keys()
    bells = []
    async with app.run_test(size=(100, 5)) as pilot:
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        await pilot.click(footer, offset=(17, 0))  # on "Members"
        await pilot.click(footer, offset=(2, 0))  # on "f1"
        await pilot.click(footer, offset=(47, 0))  # on "Disabled"
        await pilot.click(footer, offset=(70, 0))  # between the keys and the palette
        await pilot.pause()
        assert app.notes == ["two", "one"]
        assert bells == [1]


async def test_the_key_under_the_mouse_is_lit_and_tells_its_tooltip():
    app = Keys()
    async with app.run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        plain = last_line(app)
        await pilot.hover(footer, offset=(17, 0))
        await pilot.pause()
        lit = last_line(app)
        changed = [i for i, (a, b) in enumerate(zip(plain, lit, strict=True)) if a != b]
        assert changed == list(range(14, 26))  # " f2 Members "
        assert lit[17][1] == plain[17][1]  # the colours of the text are kept
        assert footer.tooltip is None  # the key has no tooltip of its own
        await pilot.hover(footer, offset=(95, 0))  # on "^p palette"
        await pilot.pause()
        palette = app.screen.active_bindings["ctrl+p"].binding
        assert footer.tooltip == (palette.tooltip or palette.description) != ""
        await pilot.hover(footer, offset=(60, 0))  # on no key
        await pilot.pause()
        assert footer.tooltip is None and last_line(app) == plain


async def test_the_keys_follow_the_focus():
    app = Keys(with_input=True)
    async with app.run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        # a focused Input takes letters: the key bound to "d" is not offered, f1 still is
        assert footer.shown == ["Dashboard", "Members", "Perspectives", "palette"]
        app.set_focus(None)
        await pilot.pause()
        assert footer.shown == ["Dashboard", "Members", "Perspectives", "Disabled", "palette"]
