"""Two people at one meeting, each on their own laptop (two apps on one board file): what one
types or marks is never lost to the other's, and each sees the other's within a second.

Notes: everyone writes in their own notes on an item, so the chair and the secretary typing
at once never type over each other; each sees the other's beside their own; the minutes
carry both. Attendance, the item clock, the behaviour check and an amended proposal are
marked against what the screen showed: a mark over someone else's newer one is refused,
saying who, and the screen shows theirs."""

from __future__ import annotations

from itertools import zip_longest

from boardroom.domain import models as m
from boardroom.domain.enums import AttendanceStatus
from boardroom.services import meeting as live
from boardroom.services.minutes import build_minutes
from tests.tui.conftest import cells
from tests.tui.test_console import SIZE, Keys, attend_everyone, open_console, typed_notes
from tests.tui.test_live import until

CHAIR, SECRETARY = "Marianne van der Velde", "Els Verhoeven"


def others(app) -> str:
    return str(app.screen.query_one("#other-notes").content)


def mine(app) -> str:
    return app.screen.query_one("#notes").text


def in_the_same_instant(app, state) -> None:
    """Her screen as she saw it, her key pressed before her screen's next look at the board
    (on a slow machine that look would otherwise come first and show her the other's)."""
    app.screen.state = state
    app._seen_version = app.session.database.data_version()


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def test_two_people_typing_notes_at_once_keep_both_and_see_each_others(make_app):
    chair, secretary = make_app(CHAIR), make_app(SECRETARY)
    async with chair.run_test(size=SIZE) as pilot, secretary.run_test(size=SIZE) as other:
        keys = Keys(pilot)
        mid = await open_console(chair, keys)
        await attend_everyone(chair, keys)
        await other.press("f6", "enter")
        await other.pause()
        await pilot.press("e")
        await other.press("e")
        chairs, secretarys = "besluit akkoord met de aanpak", "actie Henk belt de GGD"
        for a, b in zip_longest(chairs, secretarys):  # key for key, at the same time
            if a is not None:
                await pilot.press("space" if a == " " else a)
            if b is not None:
                await other.press("space" if b == " " else b)
        await pilot.pause()
        await other.pause()
        assert sorted(typed_notes(chair, mid)) == [
            (SECRETARY, secretarys),
            (CHAIR, chairs),
        ]
        took = await until(pilot, lambda: secretarys in others(chair))
        await until(other, lambda: chairs in others(secretary))
        assert took < 1.0
        assert mine(chair).startswith(chairs) and mine(secretary) == secretarys
        await pilot.press("escape")  # out of the notes: her own stay hers on her screen
        await pilot.pause(0.5)
        assert mine(chair).startswith(chairs) and secretarys in others(chair)
    minutes = build_minutes(chair.session, mid)
    first = next(item for item in minutes.items if item.position == 1)
    assert sorted(first.notes_by) == [(SECRETARY, secretarys), (CHAIR, chairs)]


async def test_a_portfolio_holder_cannot_type_notes_and_sees_the_others(make_app):
    chair, henk = make_app(CHAIR), make_app("Henk Jansen")
    async with chair.run_test(size=SIZE) as pilot, henk.run_test(size=SIZE) as other:
        keys = Keys(pilot)
        mid = await open_console(chair, keys)
        await attend_everyone(chair, keys)
        await pilot.press("e")
        await type_text(pilot, "welkom")
        await other.press("f6", "enter")
        await other.pause()
        assert not henk.screen.query_one("#notes").display  # no notes of his own to type
        footer = [item.description for item in henk.screen.query_one("KeyFooter").items]
        assert "Notes" not in footer and "Vote" not in footer and "Open meeting" not in footer
        await type_text(other, "ekla")  # e, then letters: nothing typed, nothing saved
        assert typed_notes(chair, mid) == [(CHAIR, "welkom")]
        await until(other, lambda: "welkom" in others(henk))


async def test_the_chair_and_the_secretary_pressing_next_at_once_move_one_item(make_app):
    chair, secretary = make_app(CHAIR), make_app(SECRETARY)
    async with chair.run_test(size=SIZE) as pilot, secretary.run_test(size=SIZE) as other:
        keys = Keys(pilot)
        mid = await open_console(chair, keys)
        await attend_everyone(chair, keys)
        await other.press("f6", "enter")
        await other.pause()
        repo = chair.session.repo
        first = repo.model(m.AgendaItem, repo.model(m.Meeting, mid).current_item_id).position
        as_she_saw_it = secretary.screen.state  # her screen, before the chair's key shows
        await pilot.press("n")
        in_the_same_instant(secretary, as_she_saw_it)
        await other.press("n")
        now = repo.model(m.AgendaItem, repo.model(m.Meeting, mid).current_item_id)
        assert now.position == first + 1  # one step, not two
        said = [n.message for n in secretary._notifications]
        assert any(
            m.startswith(f"Marianne van der Velde moved the meeting on to item {now.position}.")
            for m in said
        ), said
        await until(other, lambda: secretary.screen.query_one("#item-title").content
                    .startswith(f"{now.position}. "))  # fmt: skip


async def test_an_attendance_mark_over_someone_elses_newer_one_is_refused(make_app):
    chair, secretary = make_app(CHAIR), make_app(SECRETARY)
    async with chair.run_test(size=SIZE) as pilot, secretary.run_test(size=SIZE) as other:
        keys = Keys(pilot)
        mid = await open_console(chair, keys)
        await keys("s")
        await other.press("f6", "enter", "a")  # the secretary's attendance list
        await other.pause()
        henk = chair.session.repo.member_by_name("Henk Jansen")
        table = secretary.screen.query_one("#table")
        table.move_cursor(row=table.get_row_index(str(henk.id)))
        as_she_saw_it = secretary.screen.state
        live.set_attendance(chair.session, mid, henk.id, AttendanceStatus.REMOTE)  # the chair
        in_the_same_instant(secretary, as_she_saw_it)
        await other.press("x")
        assert chair.session.repo.attendance(mid)[henk.id].status == AttendanceStatus.REMOTE
        said = [n.message for n in secretary._notifications]
        assert any("changed by Marianne van der Velde at" in m for m in said), said
        row = table.get_row_index(str(henk.id))
        await until(other, lambda: cells(secretary.screen)[row][3] == "remote")
