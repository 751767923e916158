"""The decision list and the action list through Pilot, checked in the database."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from boardroom.domain import models as m
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


async def test_approve_and_export_minutes_from_the_meetings_list(make_app, tmp_path):
    app = make_app("Marianne van der Velde")
    repo = app.session.repo
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        table = app.screen.query_one("#table", DataTable)
        closed = next(m for m in repo.models("meetings") if m.status.value == "closed")
        table.move_cursor(row=table.get_row_index(str(closed.id)))
        await pilot.press("v")
        await pilot.pause()
        assert repo.model(m.Meeting, closed.id).status.value == "minutes_approved"
        await pilot.press("x")
        target = tmp_path / "verslag.md"
        app.screen.query_one("#field-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Minutes — Regiotafel Zorg en Welzijn Lindewaard")
        assert "**Status:** approved" in text


async def test_the_actions_review_item_lists_open_actions_overdue_first(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(
            "f6", "enter", "s", "n", "n"
        )  # open; on to "Actielijst en besluitenlijst"
        await pilot.pause()
        records = str(app.screen.query_one("#records").content)
        assert records.startswith("[b]Open actions[/b] (9)")
        lines = records.splitlines()
        assert lines[1].startswith("A2025-02-03 [red]2026-01-22[/]")  # the oldest overdue first
        assert "Decisions due for review" in records and "B2026-06-01 2026-12-11" in records


async def test_the_dashboard_summarises_and_f9_shows_the_year(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "[b yellow]4 due for review[/]" in str(app.screen.query_one("#card-record").content)
        assert "Bram Willems 2" in str(app.screen.query_one("#card-actions").content)
        await pilot.press("f9")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "YearScreen"
        interest = str(app.screen.query_one("#card-interest").content)
        assert "2/1 GGZ" in interest and "at risk" not in interest
        assert "Marianne van der Velde   100% present" in str(
            app.screen.query_one("#card-attendance").content
        )


async def test_supersede_a_decision_from_its_page_in_a_running_meeting(make_app):
    from boardroom.services import meeting as live

    app = make_app("Marianne van der Velde")
    repo = app.session.repo
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7", "slash", *"spoedpost", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        await pilot.press("s")
        await pilot.pause()
        assert any("open the meeting first" in n.message for n in app._notifications)
        live.start_meeting(app.session, repo.meeting_at("2026-12-10T15:00").id)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-title", Input).value == (
            "Supersedes B2025-01-01: Regionale spoedpost: vervolgfase"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
    old = next(d for d in repo.models("decisions") if d.number == "B2025-01-01")
    new = next(d for d in repo.models("decisions") if d.number == "B2026-10-01")
    assert old.status.value == "superseded" and new.supersedes_id == old.id


async def test_the_decision_list_by_theme(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7", "t")  # themes in name order: Acute zorg first
        await pilot.pause()
        assert first_column(app) == ["B2026-05-01", "B2025-01-02", "B2025-01-01"]
        assert "Acute zorg" in str(app.screen.query_one("#screen-title").content)


async def test_at_130_columns_the_decision_list_cuts_only_the_title(make_app):
    """Whole words (issue 11): every column as wide as its longest value; the title takes
    what is left and ends in … where it is longer."""
    from rich.text import Text
    from textual.widgets import DataTable

    app = make_app("Els Verhoeven")
    async with app.run_test(size=(130, 42)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#table", DataTable)
        columns = list(table.columns.values())
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        for n, column in enumerate(columns):
            longest = max(Text.from_markup(str(row[n])).cell_len for row in rows)
            shown = column.content_width if column.auto_width else column.width
            if str(column.label) == "Decision":
                assert shown < longest and rows[0][n].overflow == "ellipsis"
            else:
                assert shown >= longest, column.label
        total = sum(c.get_render_width(table) for c in columns)
        assert total <= 130


async def test_the_action_list_shows_a_page_and_says_how_many_there_are(make_app, monkeypatch):
    from boardroom.tui.screens import actions

    monkeypatch.setattr(actions, "SHOWN", 4)
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("s")  # every status: 33 actions, the first four shown
        await pilot.pause()
        title = str(app.screen.query_one("#screen-title").content)
        assert title.endswith("Actions · all   [dim]4 of 33[/]")
        assert first_column(app) == [r["number"] for r in app.session.repo.action_rows(limit=4)]
