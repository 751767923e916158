"""The board's settings (members → b): its name, lead times and house style, the logo and
font as files on this computer; a portfolio holder cannot open them; over SSH the files are
not asked for."""

from __future__ import annotations

from boardroom.host_files import HostFiles
from boardroom.services import style
from boardroom.tui.screens.members import MembersScreen
from boardroom.tui.widgets.form import FormScreen
from tests.exports.test_house_style import FAMILY, house_font, logo
from tests.tui.test_console import SIZE


async def test_the_secretary_sets_the_boards_settings_and_style(make_app, tmp_path):
    app = make_app("Els Verhoeven")
    font, image = house_font(tmp_path), logo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "b")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-name").value == "Regiotafel Zorg en Welzijn Lindewaard"
        assert form.query_one("#field-accent").value == "#333355"
        form.query_one("#field-papers_lead_days").value = "10"
        form.query_one("#field-accent").value = "#00665E"
        form.query_one("#field-logo").value = str(image)
        form.query_one("#field-font").value = str(font)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
    board = style.the_board(app.session)
    assert (board.papers_lead_days, board.accent) == (10, "#00665e")
    assert (board.logo_name, board.font_name, board.font_bold_name) == (
        "logo.png",
        "huisfont.ttf",
        "",
    )
    assert style.house_style(app.session).family == FAMILY


async def test_a_bad_file_is_said_in_its_field_and_nothing_is_saved(make_app, tmp_path):
    app = make_app("Els Verhoeven")
    (tmp_path / "logo.gif").write_bytes(b"GIF89a not ours")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "b")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-papers_lead_days").value = "12"
        form.query_one("#field-logo").value = str(tmp_path / "logo.gif")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # still open, saying what is wrong
        assert (
            str(form.query_one("#form-error").content)
            == "⚠ logo: a logo must be a PNG or JPEG image"
        )
        assert form.query_one("#field-logo").has_class("invalid")
    assert style.the_board(app.session).papers_lead_days == 7  # nothing of it was written


async def test_over_ssh_the_form_asks_for_no_file(make_app):
    app = make_app("Els Verhoeven")
    app.files = HostFiles(reachable=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "b")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert not form.query("#field-logo") and not form.query("#field-font")
        assert "boardroom style on the host" in str(form.query_one("#hint-accent").content)


async def test_a_portfolio_holder_cannot_open_the_settings(make_app):
    app = make_app("Henk Jansen")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "b")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        said = [n.message for n in app._notifications]
        assert any("may not change the board's settings" in m for m in said), said
