"""No dead ends (issue 11): every list is reached by its F-key from anywhere, every screen
opened on top of one leads back with esc, and the header always describes the screen shown."""

from __future__ import annotations

from textual.screen import ModalScreen

from boardroom.tui.app import SCREENS
from boardroom.tui.screens.console import MeetingConsole
from tests.tui.test_console import SIZE

F_KEYS = {
    "dashboard": "f1",
    "members": "f2",
    "perspectives": "f3",
    "themes": "f4",
    "rules": "f5",
    "meetings": "f6",
    "decisions": "f7",
    "actions": "f8",
    "year": "f9",
    "calendar": "f10",
    "requests": "f11",
    "werkagenda": "f12",
}
#: From a list: a key that opens a screen on top of it (those with a row to open).
PUSHED = {
    "members": ["k"],
    "meetings": ["enter", "a"],
    "decisions": ["enter"],
    "calendar": ["enter"],
    "werkagenda": ["e"],
}
#: From the console: the screens of a meeting (it is opened first with s, everyone present).
IN_CONSOLE = ["a", "b", "v", "c", "w"]


def base_class(mode: str) -> str:
    return SCREENS[mode][0].rsplit(".", 1)[1]


async def test_every_f_key_reaches_its_list_from_every_list(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        for mode, key in F_KEYS.items():
            for other in ("f1", "f6", "f12"):
                await pilot.press(other)
                await pilot.press(key)
                await pilot.pause()
                assert app.screen.__class__.__name__ == base_class(mode), (other, key)
                assert len(app.screen_stack) == 1


async def test_every_pushed_screen_leads_back_with_esc_and_f_keys_reach_the_lists(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        for mode, keys in PUSHED.items():
            for key in keys:
                await pilot.press(F_KEYS[mode])
                await pilot.pause()
                await pilot.press(key)
                await pilot.pause()
                pushed = app.screen
                assert len(app.screen_stack) == 2, (mode, key)
                await pilot.press("escape")
                await pilot.pause()
                assert app.screen.__class__.__name__ == base_class(mode), (mode, key, pushed)
                # the same screen again, left with the F-key of its own list this time
                await pilot.press(key)
                await pilot.pause()
                await pilot.press(F_KEYS[mode])
                await pilot.pause()
                assert app.screen.__class__.__name__ == base_class(mode)
                assert len(app.screen_stack) == 1


async def test_the_meeting_s_screens_lead_back_to_the_console_and_out(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingConsole)
        assert "Meeting 10 · Thu 10 Dec 2026 15:00" in app.screen.sub_title
        await pilot.press("s", "a", *["p"] * 18, "escape", "n", "n", "n")
        await pilot.pause()
        for key in IN_CONSOLE:
            await pilot.press(key)
            await pilot.pause()
            if isinstance(app.screen, ModalScreen):  # a new proposal's form, then its round
                await pilot.press("ctrl+s")
                await pilot.pause()
            assert not isinstance(app.screen, MeetingConsole), key
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, MeetingConsole), key
        await pilot.press("escape")  # out of the console, back to the meetings list
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MeetingsScreen"
        # the header describes the list again, not the meeting that was open
        assert "Meeting 10" not in (app.screen.sub_title or app.sub_title)
        assert app.sub_title == "Marianne van der Velde · chair, portfolio holder"


async def test_a_chair_in_the_wrong_meeting_gets_out_with_esc_or_f6(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "down", "enter")  # the empty 11 Feb 2027 meeting
        await pilot.pause()
        assert isinstance(app.screen, MeetingConsole)
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MeetingsScreen"
        await pilot.press("enter", "f1")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "DashboardScreen"
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MeetingsScreen"  # not the console again
