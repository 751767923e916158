"""Columns shown whole: a list filled while it was hidden (another session's change) and the
agenda's pending requests beside it are drawn as wide as their content, in both languages."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from boardroom.i18n import set_language
from boardroom.services import agenda
from tests.tui.conftest import cells


def drawn(table, rows: int = 6) -> list[str]:
    """The table's lines as the terminal gets them."""
    strips = table.render_lines(Region(0, 0, table.size.width, rows))
    return ["".join(segment.text for segment in strip) for strip in strips]


@pytest.mark.parametrize(("language", "submitted"), [("en", "submitted"), ("nl", "ingediend")])
async def test_a_list_filled_while_hidden_is_drawn_whole(make_app, language, submitted):
    set_language(language)
    els, henk = make_app("Els Verhoeven"), make_app("Henk Jansen")
    async with els.run_test(size=(160, 48)) as pilot:
        while not els.warmed_up:  # the requests list is built ahead, and then hidden
            await pilot.pause(0.05)
        agenda.submit_request(henk.session, {"title": "Wachtlijsten GGZ-intake", "minutes": 20})
        await pilot.pause(0.6)  # the live refresh: the hidden list reads it when shown
        await pilot.press("f11")
        await pilot.pause()
        table = els.screen.query_one("#table")
        lines = drawn(table)
        assert any(f" {submitted} " in line for line in lines[1:]), lines
        wanted = {row[5] for row in cells(els.screen) if row[5]}
        assert wanted and all(any(value in line for line in drawn(table, 40)) for value in wanted)


@pytest.mark.parametrize(("language", "heading"), [("en", "Wanted"), ("nl", "Gewenst")])
@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
async def test_the_pending_requests_beside_the_agenda_show_the_meeting_wanted(
    make_app, language, heading, size
):
    set_language(language)
    henk = make_app("Henk Jansen")
    agenda.submit_request(
        henk.session, {"title": "Wachtlijsten GGZ", "minutes": 20, "meeting": "2026-12-10"}
    )
    els = make_app("Els Verhoeven")
    async with els.run_test(size=size) as pilot:
        await pilot.press("f6", "a")  # the next meeting's agenda, the requests beside it
        await pilot.pause()
        side = els.screen.query_one("#requests")
        lines = drawn(side, 8)
        assert heading in lines[0], lines
        assert any("2026-12-10" in line for line in lines[1:]), lines
