"""The TUI through Pilot: every screen opens, edits land in the database, errors are shown."""

from pathlib import Path

from textual.widgets import DataTable, Input, SelectionList

from boardroom.domain.models import Role
from boardroom.tui.app import BoardroomApp
from boardroom.tui.widgets.footer import KeyFooter
from boardroom.tui.widgets.form import FormScreen
from tests.conftest import EXAMPLE_BOARD
from tests.tui.conftest import text_of

SIZE = (120, 40)


def table(app) -> DataTable:
    return app.screen.query_one("#table", DataTable)


def column(app, index: int) -> list[str]:
    grid = table(app)
    cells = [grid.get_row_at(row)[index] for row in range(grid.row_count)]
    return [getattr(cell, "markup", str(cell)) for cell in cells]  # Rich Text: with its style


async def test_dashboard_shows_the_board_at_a_glance(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.title == "Regiotafel Zorg en Welzijn Lindewaard"
        assert app.sub_title == "Els Verhoeven · secretary"
        assert text_of(app, "#card-next").splitlines()[1:] == [
            "[b]Thu 10 Dec 2026 15:00[/b]",
            "Ziekenhuis Rivierenland, Auditorium",
            "agenda draft · in 16 days",
        ]
        actions = text_of(app, "#card-actions")
        assert "[b]9[/b] open" in actions and "5 overdue" in actions
        assert "[b]3[/b]" in text_of(app, "#card-requests")
        assert "Meetings held: 11" in text_of(app, "#card-record")
        assert "18 members (12 voting members)" in text_of(app, "#card-composition")


async def test_every_screen_opens_by_key(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        assert app.screen.__class__.__name__ == "MembersScreen" and table(app).row_count == 18
        await pilot.press("f3")
        assert column(app, 0)[:2] == ["Ziekenhuizen", "Huisartsen"] and table(app).row_count == 9
        await pilot.press("f4")
        assert table(app).row_count == 6
        await pilot.press("f5")
        assert table(app).row_count == 6
        await pilot.press("s")
        assert table(app).row_count == 7
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "DashboardScreen"


async def test_edit_a_member_and_see_it_in_the_database(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        names = column(app, 0)
        table(app).move_cursor(row=names.index("Lotte Kramer"))
        await pilot.press("e")
        assert isinstance(app.screen, FormScreen)
        roles = app.screen.query_one("#field-roles", SelectionList)
        assert roles.selected == [Role.MEMBER]
        mandate = app.screen.query_one("#field-mandate", Input)
        mandate.value = "Namens de welzijnsorganisaties van Lindewaard"
        roles.select(Role.PORTFOLIO_HOLDER)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        lotte = app.session.repo.member_by_name("Lotte Kramer")
        assert lotte.mandate == "Namens de welzijnsorganisaties van Lindewaard"
        assert lotte.roles == [Role.MEMBER, Role.PORTFOLIO_HOLDER]
        row = column(app, 0).index("Lotte Kramer")
        assert str(table(app).get_row_at(row)[2]) == "member, portfolio holder"


async def test_a_bad_field_is_shown_in_the_form_and_nothing_is_saved(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "a")
        form = app.screen
        form.query_one("#field-name", Input).value = "Apothekers"
        form.query_one("#field-seats", Input).value = "twee"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert (
            str(form.query_one("#form-error").content)
            == "⚠ Seats: expected a whole number, got 'twee'"
        )
        assert form.query_one("#field-seats").has_class("invalid")
        form.query_one("#field-seats", Input).value = "1"
        form.query_one("#field-name", Input).value = "ggd"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(form.query_one("#form-error").content) == "⚠ name: 'ggd' exists already"
        assert app.session.repo.scalar("SELECT count(*) FROM perspectives") == 9
        form.query_one("#field-name", Input).value = "Apothekers"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert column(app, 0)[-1] == "Apothekers"
        assert app.session.repo.scalar("SELECT count(*) FROM perspectives") == 10


async def test_deactivate_hides_a_member_until_inactive_are_shown(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        table(app).move_cursor(row=column(app, 0).index("Sophie Mulder"))
        await pilot.press("x")
        await pilot.pause()
        assert "Sophie Mulder" not in column(app, 0)
        assert str(app.session.repo.member_by_name("Sophie Mulder").active_until) == "2026-11-23"
        await pilot.press("i")
        shown = column(app, 0)
        assert "[dim]Sophie Mulder[/dim]" in shown and "[dim]Gert-Jan Bos[/dim]" in shown


async def test_a_member_without_the_right_role_is_told_and_nothing_changes(make_app):
    app = make_app("Ahmed Yilmaz")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        before = app.session.repo.scalar("SELECT count(*) FROM event_log")
        await pilot.press("x")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("may not edit the board's composition" in m for m in messages)
        assert app.session.repo.scalar("SELECT count(*) FROM event_log") == before


async def test_rules_can_be_added_moved_and_switched(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "a")
        app.screen.query_one("#field-text", Input).value = "We houden het kort."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert column(app, 1)[-1] == "We houden het kort."
        table(app).move_cursor(row=6)
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert column(app, 1)[5] == "We houden het kort."
        rules = app.session.repo.models("behaviour_rules", order="position")
        assert rules[5].text == "We houden het kort."


async def test_the_command_palette_reaches_every_screen_and_action(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for expected in (
            "Go to: Dashboard",
            "Go to: Members",
            "Go to: Perspectives",
            "Go to: Themes",
            "Go to: Rules and principles",
            "Add · Members",
            "Edit · Members",
            "Deactivate/Reactivate · Members",
            "Show inactive · Members",
        ):
            assert expected in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to themes")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen.__class__.__name__ == "ThemesScreen"


async def test_first_start_without_a_board_creates_one_from_a_file(tmp_path: Path):
    db = tmp_path / "new.db"
    app = BoardroomApp(None, db, "Anna de Wit")
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.__class__.__name__ == "WelcomeScreen"
        app.screen.query_one("#board-file", Input).value = str(tmp_path / "missing.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert "missing.toml: no such file" in str(app.screen.query_one("#welcome-error").content)
        app.screen.query_one("#board-file", Input).value = str(EXAMPLE_BOARD)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "DashboardScreen"
        assert app.title == "Regiotafel Zorg en Welzijn Voorbeeldstreek"
        assert app.session.user.name == "Anna de Wit"
    app.session.close()


async def test_enter_on_a_row_opens_its_form(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        table(app).move_cursor(row=column(app, 0).index("Kees Hendriks"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-name", Input).value == "Kees Hendriks"


async def test_the_warm_up_builds_the_lists_ahead_and_they_open_on_the_board_as_it_is(make_app):
    """Issue 12: the lists are built off-screen after the first frame, so a first F-key costs
    what a revisit costs; what changed after they were built shows when they open."""
    from boardroom.services import composition
    from boardroom.tui.app import SCREENS

    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        while not app.warmed_up:
            await pilot.pause(0.05)
        assert sorted(app._prebuilt) == sorted(set(SCREENS) - {"dashboard"})
        members = app._prebuilt["members"]
        assert members.query_one("#table", DataTable).row_count == 18
        perspective = app.session.repo.member_by_name("Lotte Kramer").perspective_id
        composition.save_member(
            app.session,
            {"name": "Fenna de Boer", "perspective_id": perspective, "roles": ["member"]},
        )
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen is members  # the screen built ahead, not a new one
        assert "Fenna de Boer" in column(app, 0)
        assert table(app).row_count == 19
        assert app.screen.query_one(KeyFooter).shown[:3] == ["Add", "Edit", "Deactivate/Reactivate"]
        await pilot.press("f2")  # nothing built ahead is left over once a list was opened
        assert "members" not in app._prebuilt


async def test_garbage_is_collected_between_keys_not_during_them(make_app, monkeypatch):
    import gc
    import time

    from boardroom.tui.internals import collect as app_module

    collected: list[int] = []
    monkeypatch.setattr(app_module.gc, "collect", lambda generation=2: collected.append(generation))
    counts = [(0, 0, 0)]  # nothing due while the test awaits (the app's own timer runs then)
    monkeypatch.setattr(app_module.gc, "get_count", lambda: counts[0])

    def collect_with(now: tuple[int, int, int]) -> list[int]:
        counts[0], collected[:] = now, []
        app._collect_garbage()
        counts[0] = (0, 0, 0)
        return list(collected)

    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not gc.isenabled()  # Python does not collect in the middle of a key's work
        before = app.last_input
        await pilot.press("f2")
        assert app.last_input > before  # the app notes each key
        app.last_input = time.monotonic()
        assert collect_with((25_000, 3, 1)) == []  # a key was just pressed: not now
        app.last_input -= app_module.QUIET
        assert collect_with((25_000, 3, 1)) == [0]  # quiet, the young generation is due
        assert collect_with((100, 12, 3)) == [1]  # the middle one is due (not the young)
        assert collect_with((100, 12, 11)) == [2]
        assert collect_with((19_000, 2, 3)) == []  # nothing is due
    assert gc.isenabled()  # the process goes on without the app
