"""Every screen and pushed screen on the demo board (pytest-textual-snapshot), at 80×24 and
160×48, in English and Dutch. Each SVG was looked at before it was accepted; a change to a
screen shows here as a picture to look at again (`pytest --snapshot-update`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardroom.i18n import set_language
from boardroom.tui.app import BoardroomApp

CHAIR, SECRETARY = "Marianne van der Velde", "Els Verhoeven"
#: The chair opens the 10 December meeting, everyone present, on item 4 (a deciding item).
MEETING = ["f6", "enter", "s", "a", *["p"] * 18, "escape", "n", "n", "n"]
#: one statement's counts typed in the evaluation form: how many gave 1, 2, 3, 4, 5
COUNTS = ["0", "space", "1", "space", "4", "space", "6", "space", "1"]

#: screen → (who, the keys that reach it from the dashboard)
JOURNEYS: dict[str, tuple[str, list[str]]] = {
    "dashboard": (SECRETARY, []),
    "members": (SECRETARY, ["f2"]),
    "member_form": (SECRETARY, ["f2", "e"]),
    "access": (SECRETARY, ["f2", "k"]),
    "board_settings": (SECRETARY, ["f2", "b"]),
    "perspectives": (SECRETARY, ["f3"]),
    "themes": (SECRETARY, ["f4"]),
    "rules": (SECRETARY, ["f5"]),
    "meetings": (CHAIR, ["f6"]),
    "console_planned": (CHAIR, ["f6", "enter"]),
    "attendance": (CHAIR, ["f6", "enter", "s", "a"]),
    "console_in_progress": (CHAIR, MEETING),
    "vote": (CHAIR, [*MEETING, "v", "ctrl+s", "f", "a"]),
    "console_with_a_vote": (CHAIR, [*MEETING, "v", "ctrl+s", "f", "a", "escape"]),
    "consent": (CHAIR, [*MEETING, "c", "ctrl+s", "enter", "enter"]),
    "taking_part": (CHAIR, [*MEETING, "c", "ctrl+s", "escape", "L"]),
    "room_display": (CHAIR, [*MEETING, "c", "ctrl+s", "enter", "enter", "escape", "r"]),
    "behaviour": (CHAIR, [*MEETING, "b", "k", "down", "u"]),
    "summary": (CHAIR, [*MEETING, "b", "X"]),
    "decisions": (SECRETARY, ["f7"]),
    "decision": (SECRETARY, ["f7", "enter"]),
    "actions": (SECRETARY, ["f8"]),
    "year": (SECRETARY, ["f9"]),
    "calendar": (SECRETARY, ["f10"]),
    "agenda": (SECRETARY, ["f10", "enter"]),
    "requests": (SECRETARY, ["f11"]),
    "werkagenda": (SECRETARY, ["f12", "down", "down"]),
    "evaluation": (SECRETARY, ["f12", "e"]),
    "evaluation_form": (SECRETARY, ["f12", "e", "n", "tab", "1", "2", "tab", *COUNTS]),
    "welcome": ("", []),
}
SIZES = {"80x24": (80, 24), "160x48": (160, 48)}


def _bind_demo_keys(app) -> None:
    """Two members' keys, made from fixed bytes so that the fingerprints never change."""
    import base64
    import struct

    from boardroom.services import access

    for n, member in enumerate(("Henk Jansen", "Marianne van der Velde"), 1):
        blob = b"".join(struct.pack(">I", len(p)) + p for p in (b"ssh-ed25519", bytes([n]) * 32))
        line = f"ssh-ed25519 {base64.b64encode(blob).decode()} {member.split()[0].lower()}@laptop"
        access.add_key(app.session, member, line)


def _reach(keys: list[str]):
    async def run_before(pilot) -> None:
        """Press the journey's keys; toasts are cleared (they fade on a timer, and would make
        the picture depend on the clock). The keys are pressed after the warm-up (it builds
        the lists ahead), as a user who looks at the dashboard first would."""
        while not pilot.app.warmed_up:
            await pilot.pause(0.05)
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", JOURNEYS)
def test_screen(snap_compare, make_app, screen, size, language):
    set_language(language)
    who, keys = JOURNEYS[screen]
    if screen == "welcome":  # a path that does not exist (nothing is written without enter)
        app = BoardroomApp(None, Path("new-board.db"), "Anna de Wit")
    else:
        app = make_app(who)
    if screen == "access":
        _bind_demo_keys(app)
    assert snap_compare(app, run_before=_reach(keys), terminal_size=SIZES[size])
