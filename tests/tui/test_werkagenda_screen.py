"""The werkagenda screen (F12): every KPI with its status first, trend and figures; a
programme manager records the missing figure in a form and the status changes."""

from textual.widgets import Input, Static

from boardroom.domain import models as m
from boardroom.tui.widgets.form import FormScreen
from tests.tui.conftest import cells, text_of

SIZE = (120, 40)


async def console_on_a_theme_item(app, pilot):
    """The chair opens the 10 December meeting, everyone present, and moves on to the first
    item with a theme; returns the console."""
    from boardroom.tui.screens.console import MeetingConsole

    await pilot.press("f6", "enter", "s", "a", *["p"] * 18, "escape", "n", "n", "n")
    await pilot.pause()
    console = app.screen
    assert isinstance(console, MeetingConsole)
    for _ in range(12):
        if console.state.current_item.theme_id:
            return console
        await pilot.press("n")
        await pilot.pause()
    raise AssertionError("no item with a theme")


async def test_the_table_sees_which_agreements_are_behind_and_records_a_figure(make_app):
    app = make_app("Yvonne Dekker")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        rows = cells(app.screen)
        assert [(r[0], r[1]) for r in rows] == [
            ("on track", "Uren overvolle SEH per maand"),
            ("on track", "Aandeel 75-plussers zelfstandig thuis"),
            ("at risk", "Wachttijd intake ggz"),
            ("behind", "Deelnemers valpreventie per kwartaal"),
            ("no data", "Verzuim zorgpersoneel"),
            ("achieved", "Gemeenten met sluitende aanpak eenzaamheid"),
        ]
        assert rows[2][2:5] == ["▁▂▅█", "15.2 weken", "8 weken"]
        title = text_of(app, "#screen-title")
        assert "at risk 1" in title and "no data 1" in title
        for _ in range(4):
            await pilot.press("down")
        assert "no figure for 1 Oct 2026" in text_of(app, "#detail")
        await pilot.press("f")
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-on", Input).value == "2026-10-01"  # the missed one
        app.screen.query_one("#field-value", Input).value = "7,1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        assert cells(app.screen)[4][:4] == ["on track", "Verzuim zorgpersoneel", "█▆▃▁", "7.1%"]
        assert (
            app.session.repo.scalar(
                "SELECT entered_by_id FROM kpi_measurements WHERE measured_on = '2026-10-01'"
                " AND value = 7.1"
            )
            == app.session.user.id
        )


async def test_a_portfolio_holder_is_told_and_nothing_changes(make_app):
    app = make_app("Henk Jansen")
    async with app.run_test(size=SIZE) as pilot:
        before = app.session.repo.scalar("SELECT count(*) FROM event_log")
        await pilot.press("W")
        for key in ("f", "i"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, FormScreen)  # not asked to type in vain
        messages = [n.message for n in app._notifications]
        assert messages == ["Henk Jansen (roles: portfolio_holder) may not keep the werkagenda"] * 2
        assert app.session.repo.scalar("SELECT count(*) FROM event_log") == before


async def test_a_programme_manager_adds_a_result_agreement_and_its_kpi(make_app):
    from textual.widgets import Select

    app = make_app("Thomas Peters")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await pilot.press("a")
        assert isinstance(app.screen, FormScreen)
        form = app.screen
        assert form.query_one("#field-theme", Select).value == "Acute zorg"  # the row's theme
        form.query_one("#field-title", Input).value = "Snellere ambulancezorg"
        form.query_one("#field-owner", Input).value = "Thomas Peters"
        form.query_one("#field-parties", Input).value = "RAV Lindewaard; Meldkamer"
        form.query_one("#field-aim", Select).value = "experience"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        agreement = app.session.repo.query(
            "SELECT * FROM result_agreements WHERE title = 'Snellere ambulancezorg'"
        )[0]
        assert (agreement["parties"], agreement["scale"], agreement["aim"]) == (
            '["RAV Lindewaard", "Meldkamer"]',
            "region",
            "experience",
        )
        await pilot.press("k")
        form = app.screen
        form.query_one("#field-agreement_id", Select).value = agreement["id"]
        form.query_one("#field-name", Input).value = "Responstijd A1 binnen 15 minuten"
        form.query_one("#field-unit", Input).value = "%"
        form.query_one("#field-baseline", Input).value = "91"
        form.query_one("#field-baseline_on", Input).value = "2026-01-01"
        form.query_one("#field-target", Input).value = "95"
        form.query_one("#field-target_on", Input).value = "2025-12-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # the target date before the baseline's
        assert "the target date must be after the baseline date" in str(
            form.query_one("#form-error", Static).content
        )
        form.query_one("#field-target_on", Input).value = "2027-12-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        row = next(r for r in cells(app.screen) if r[1] == "Responstijd A1 binnen 15 minuten")
        assert (row[0], row[3], row[4], row[5]) == ("no data", "—", "95%", "Acute zorg")


async def test_from_a_theme_item_in_the_console_the_werkagenda_of_its_theme(make_app):
    from boardroom.tui.screens.werkagenda import WerkagendaScreen

    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        console = await console_on_a_theme_item(app, pilot)
        item = console.state.current_item
        theme = app.session.repo.model(m.Theme, item.theme_id).name
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WerkagendaScreen)
        assert {row[5] for row in cells(app.screen)} == {theme}
        assert f"Work agenda · {theme}" in text_of(app, "#screen-title")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is console


async def test_the_process_evaluation_compares_with_the_one_before_and_leads_back(make_app):
    from boardroom.tui.screens.evaluation import EvaluationScreen
    from boardroom.tui.screens.werkagenda import WerkagendaScreen

    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12", "e")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        assert text_of(app, "#screen-title") == (
            "Process evaluation 8 Oct 2026 · 15 respondents · compared with 9 Apr 2026"
        )
        assert cells(app.screen)[4][1:] == ["3.1", "-0.5", "1 · 3 · 6 · 4 · 1"]
        detail = text_of(app, "#detail")
        assert "behaviour rules kept 83% (before 78%)" in detail
        assert "— Het belangenrondje helpt." in detail
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert text_of(app, "#screen-title") == "Process evaluation 9 Apr 2026 · 14 respondents"
        assert cells(app.screen)[0][1:] == ["3.4", "", "0 · 2 · 5 · 6 · 1"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WerkagendaScreen)


async def test_from_an_agenda_line_the_werkagenda_of_its_theme(make_app):
    from boardroom.tui.screens.agenda import AgendaScreen
    from boardroom.tui.screens.werkagenda import WerkagendaScreen

    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "a")  # the next meeting's agenda (10 December)
        await pilot.pause()
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        line = next(line for line in agenda.view.lines if line.item.theme_id)
        agenda.reload(select=line.item.id)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WerkagendaScreen)
        assert {row[5] for row in cells(app.screen)} == {line.theme}
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is agenda


async def test_the_chair_records_a_steering_decision_on_the_item_s_agreement(make_app):
    from textual.widgets import Select

    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        console = await console_on_a_theme_item(app, pilot)
        theme_id = console.state.current_item.theme_id
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        choice = form.query_one("#field-agreement_id", Select)
        agreement = app.session.repo.query(
            "SELECT id FROM result_agreements WHERE theme_id = ?", (theme_id,)
        )[0]["id"]
        choice.value = agreement
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is console
        row = app.session.repo.query(
            "SELECT number, agreement_id FROM decisions ORDER BY id DESC LIMIT 1"
        )[0]
        assert row["agreement_id"] == agreement
        await pilot.press("w")
        await pilot.pause()
        assert f"Steering decisions: {row['number']}" in text_of(app, "#detail")
