"""The app served in a browser tab (`boardroom serve`): the keys a browser keeps for itself are
not the ones shown, the palette has a key the browser leaves to the page, and the files the app
makes are downloaded by the member's browser instead of written on the host."""

from __future__ import annotations

import io

from textual.command import CommandPalette
from textual.widgets import Input

from boardroom.host_files import CLOSED
from boardroom.services.session import open_session
from boardroom.tui.app import BoardroomApp
from boardroom.tui.widgets.footer import KeyFooter
from boardroom.tui.widgets.form import FormScreen
from tests.conftest import fixed_now
from tests.tui.conftest import text_of

SIZE = (160, 40)


def in_a_tab(demo_path, name: str = "Els Verhoeven") -> BoardroomApp:
    session = open_session(demo_path, as_name=name, now=fixed_now)
    # as `boardroom web-session` opens it: the host's files closed
    return BoardroomApp(session, demo_path, name, files=CLOSED, in_browser=True)


def footer_line(app: BoardroomApp) -> str:
    return app.screen.query_one(KeyFooter).render().plain


async def test_the_footer_shows_the_letter_keys_and_the_palette_key_the_browser_leaves(
    demo_path, make_app
):
    app = in_a_tab(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        line = footer_line(app)
        assert line.startswith(" g Dashboard  M Members  P Perspectives  T Themes ")
        assert line.rstrip().endswith("▏^k palette")
        assert not any(f" f{n} " in line for n in range(1, 13)), line
        assert text_of(app, "#hint") == ("Press ctrl+k for all commands; J shows the year in view.")
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.press("J")  # every list by its letter
        assert app.current_mode == "year"
        assert not any(f" f{n} " in footer_line(app) for n in range(1, 13))
    app.session.close()
    terminal = make_app("Els Verhoeven")
    async with terminal.run_test(size=SIZE):
        assert footer_line(terminal).startswith(" f1 Dashboard  f2 Members ")
        assert footer_line(terminal).rstrip().endswith("▏^p palette")
        assert text_of(terminal, "#hint") == (
            "Press ctrl+p for all commands; f9 shows the year in view."
        )


async def test_an_export_is_downloaded_by_the_members_browser(demo_path, tmp_path, monkeypatch):
    here = tmp_path / "host"
    here.mkdir()
    monkeypatch.chdir(here)
    app = in_a_tab(demo_path)
    delivered: list[tuple[bytes, str]] = []

    def deliver_binary(data: io.BytesIO, *, save_filename: str) -> str:
        delivered.append((data.read(), save_filename))
        return "key"

    app.deliver_binary = deliver_binary  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("V", "a", "o")
        form = app.screen
        assert isinstance(form, FormScreen)
        field = form.query_one("#field-path", Input)
        assert field.value == "agenda-2026-12-10.html"  # a name: the browser chooses the folder
        field.value = "/etc/agenda.md"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(form.query_one("#form-error").content) == (
            "⚠ path: a file name only: your browser saves it with your downloads"
        )
        field.value = "agenda.md"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
    [(data, name)] = delivered
    assert name == "agenda.md"
    assert data.decode().splitlines()[0] == "# Agenda Regiotafel Zorg en Welzijn Lindewaard"
    assert "Sent to your browser: agenda.md" in said
    assert list(here.iterdir()) == []  # nothing written on the host
    app.session.close()


async def test_a_file_to_read_is_not_asked_for_in_the_browser(demo_path):
    app = in_a_tab(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("V", "a", "down", "f")
        assert not isinstance(app.screen, FormScreen)
        [said] = [str(n.message) for n in app._notifications]
    assert said.startswith("In the browser the app opens no file of your computer.")
    assert said.endswith("paper add --meeting 2026-12-10 --item 2 --file - < stuk.pdf")
    app.session.close()
