"""Live screens (docs/architecture.md §6): two apps on one database file, as two laptops on one board host.
What one commits shows on the other's screen within a second, without a key, and the other
keeps its place: cursor, an open form, a round in progress."""

from __future__ import annotations

import asyncio
import time

from textual.widgets import DataTable

from boardroom.services import agenda
from boardroom.services import composition as comp
from boardroom.tui.screens.vote import VoteScreen
from boardroom.tui.widgets.form import FormScreen
from tests.tui.conftest import cells
from tests.tui.test_console import SIZE, Keys, attend_everyone, open_console


async def until(pilot, condition, timeout: float = 1.0) -> float:
    """Seconds until `condition()` holds on screen; fails after `timeout`."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"not on screen within {timeout} s")
        await pilot.pause(0.02)
    return time.monotonic() - started


async def test_a_request_filed_elsewhere_shows_in_the_secretarys_list_within_a_second(make_app):
    els, henk = make_app("Els Verhoeven"), make_app("Henk Jansen")
    async with els.run_test(size=SIZE) as pilot, henk.run_test(size=SIZE):
        await pilot.press("f11")  # the secretary starts on every request
        await pilot.pause()
        table = els.screen.query_one("#table", DataTable)
        table.move_cursor(row=3)
        kept = els.screen.selected_id()
        before = table.row_count
        agenda.submit_request(
            henk.session, {"title": "Wachtlijsten GGZ-intake", "minutes": 20, "theme": None}
        )
        took = await until(pilot, lambda: table.row_count == before + 1)
        assert any("Wachtlijsten GGZ-intake" in " ".join(row) for row in cells(els.screen))
        assert els.screen.selected_id() == kept  # the secretary's cursor stays on its row
        assert took < 1.0


async def test_the_secretary_sees_each_ballot_the_chair_records(make_app):
    chair, secretary = make_app("Marianne van der Velde"), make_app("Els Verhoeven")
    async with chair.run_test(size=SIZE) as pilot, secretary.run_test(size=SIZE) as other:
        keys = Keys(pilot)
        await open_console(chair, keys)
        await attend_everyone(chair, keys)
        await keys("n", "n", "n", "v", "ctrl+s")
        assert isinstance(chair.screen, VoteScreen)
        round_id = chair.screen.round_id
        await other.press("f6", "enter")  # the secretary's console on the same meeting
        await other.pause()
        records = lambda: str(secretary.screen.query_one("#records").content)  # noqa: E731
        assert (
            "[b]Vote[/b] (v to follow it): For 0 · Against 0 · Abstain 0 · not yet 9" in records()
        )
        await keys("f")  # the chair's first ballot shows on the secretary's console
        await until(other, lambda: "For 1 · Against 0 · Abstain 0 · not yet 8" in records())
        await other.press("v")  # resumes the open round
        await other.pause()
        assert isinstance(secretary.screen, VoteScreen) and secretary.screen.round_id == round_id
        ballots = lambda: [row[3] for row in cells(secretary.screen, "#voters")]  # noqa: E731
        for n, key in enumerate(["a", "o"], 2):
            await keys(key)
            await until(other, lambda n=n: sum(b != "—" for b in ballots()) == n)
        assert ballots()[:3] == ["for", "against", "abstain"]
        tally = lambda: str(secretary.screen.query_one("#tally").content)  # noqa: E731
        assert tally().startswith("For 1 · Against 1 · Abstain 1")
        await keys(*["f"] * 6, "ctrl+s")  # the chair counts on her laptop
        await until(other, lambda: "Decision B2026-10-01" in tally())
        assert (
            "ADOPTED" in tally() and "7 for, 1 against, 1 abstention; 9 entitled to vote" in tally()
        )
        assert ballots()[:3] == ["for", "against", "abstain"]  # whole words, not cut


async def test_a_second_save_of_the_same_member_is_refused_and_the_form_keeps_its_text(make_app):
    els, marianne = make_app("Els Verhoeven"), make_app("Marianne van der Velde")
    async with els.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        table = els.screen.query_one("#table", DataTable)
        henk = els.session.repo.member_by_name("Henk Jansen")
        table.move_cursor(row=table.get_row_index(str(henk.id)))
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(els.screen, FormScreen)
        els.screen.query_one("#field-mandate").value = "Zorgverzekeraar Lindewaard (Els)"
        # Meanwhile the chair changes the same member on her laptop.
        comp.save_member(marianne.session, {"organisation": "Lindewaard Zorgverzekeraar"}, henk.id)
        await asyncio.sleep(0.6)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(els.screen, FormScreen)  # not saved, still open
        problem = str(els.screen.query_one("#form-error").content)
        assert "changed by Marianne van der Velde at " in problem and "nothing saved" in problem
        assert els.screen.query_one("#field-mandate").value == "Zorgverzekeraar Lindewaard (Els)"
        current = els.session.repo.member_by_name("Henk Jansen")
        assert current.organisation == "Lindewaard Zorgverzekeraar"
        assert current.mandate == henk.mandate  # the chair's change stands, nothing overwritten


async def test_a_change_arriving_while_a_screen_is_being_pushed_waits_for_its_mount(make_app):
    """Another laptop commits just as the console is pushed: the watcher leaves the console
    that has no widgets yet to read the board when it mounts (it failed on its notes field
    before), and the console shows the change."""
    from boardroom.services import meeting as live
    from boardroom.tui.screens.console import MeetingConsole

    els, marianne = make_app("Els Verhoeven"), make_app("Marianne van der Velde")
    async with els.run_test(size=SIZE) as pilot:
        december = agenda.open_meetings(els.session)[0].id or 0
        console = MeetingConsole(december)
        els.push_screen(console)  # not awaited: in the stack, not mounted
        assert console in els.screen_stack and not console.is_mounted
        marianne.session.now = els.session.now
        live.start_meeting(marianne.session, december)  # the chair opens it meanwhile
        els._watch_board()  # the watcher's tick comes now
        await pilot.pause()
        assert console.is_mounted and els.screen is console
        assert console.state is not None and console.state.meeting.status.value == "in_progress"


async def test_an_open_dashboard_redraws_only_the_card_whose_text_changed(make_app, monkeypatch):
    """Every session's dashboard looks again at each commit of any other: a card is drawn
    again when its text changed, and only then (twenty open dashboards once slowed the
    chair's ballots by redrawing all seven cards at each)."""
    from textual.widgets import Static

    els, henk = make_app("Els Verhoeven"), make_app("Henk Jansen")
    async with els.run_test(size=SIZE) as pilot, henk.run_test(size=SIZE):
        await pilot.pause()
        drawn: list[str] = []
        update = Static.update

        def counted(widget: Static, *args: object, **kwargs: object) -> None:
            drawn.append(widget.id or "")
            update(widget, *args, **kwargs)

        monkeypatch.setattr(Static, "update", counted)
        agenda.submit_request(henk.session, {"title": "Wachtlijsten", "minutes": 20, "theme": None})
        await until(
            pilot, lambda: "[b]4[/b]" in str(els.screen.query_one("#card-requests").content)
        )
        await pilot.pause(0.6)  # the watcher's next looks change nothing more
        assert drawn == ["card-requests"]
