"""The decision list and the action list through Pilot, checked in the database."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from boardroom.tui.screens.decisions import DecisionScreen
from boardroom.tui.widgets.form import FormScreen

SIZE = (130, 40)


def first_column(app) -> list[str]:
    table = app.screen.query_one("#table", DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


async def test_search_as_you_type_and_open_a_decision(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        assert len(first_column(app)) == 21
        await pilot.press("slash", *"overbrug")
        await pilot.pause()
        assert first_column(app) == ["B2026-03-01"]
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        story = str(app.screen.query_one("#story").content)
        assert "Henk Jansen: objection — Zonder dekking" in story
        assert "[b]Round 2[/b] — version 2" in story


async def test_decision_filters_by_key(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7", "r")
        await pilot.pause()
        assert first_column(app) == ["B2026-06-01", "B2026-03-01", "B2026-02-01", "B2025-01-01"]
        await pilot.press("r", "s", "s")  # review off; status: in force → superseded
        await pilot.pause()
        assert first_column(app) == ["B2026-01-01"]


async def test_mark_an_action_done_and_cancel_another(make_app):
    app = make_app("Els Verhoeven")
    repo = app.session.repo
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        assert len(first_column(app)) == 9  # open ones
        await pilot.press("o")
        await pilot.pause()
        overdue = first_column(app)
        assert len(overdue) == 5
        await pilot.press("d")
        await pilot.pause()
        done = next(a for a in repo.models("actions") if a.number == overdue[0])
        assert (done.status.value, str(done.done_at)) == ("done", "2026-11-24")
        assert first_column(app) == overdue[1:]
        await pilot.press("c")
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-reason", Input).value = "Ingehaald door besluit B2026-09-01."
        await pilot.press("enter")
        await pilot.pause()
        cancelled = next(a for a in repo.models("actions") if a.number == overdue[1])
        assert (cancelled.status.value, cancelled.reason) == (
            "cancelled",
            "Ingehaald door besluit B2026-09-01.",
        )


async def test_my_actions_for_a_portfolio_holder(make_app):
    app = make_app("Lotte Kramer")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8", "m")
        await pilot.pause()
        assert first_column(app) == ["A2026-09-03", "A2026-09-02"]
