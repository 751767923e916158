"""Through the screens: request → schedule → the agenda shows it → the requester sees
'scheduled'; plan a year from the calendar screen and move a theme."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from boardroom.tui.screens.agenda import AgendaScreen
from boardroom.tui.screens.calendar import CalendarScreen
from boardroom.tui.widgets.confirm import ConfirmScreen
from boardroom.tui.widgets.form import FormScreen
from tests.conftest import DEMO_PLAN
from tests.tui.conftest import text_of

SIZE = (140, 42)
PLAN = DEMO_PLAN
TITLE = "Suïcidepreventie: regionale aanpak"


def rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_request_schedule_agenda_and_the_requester_sees_scheduled(make_app):
    ingrid = make_app("Ingrid Smit")
    async with ingrid.run_test(size=SIZE) as pilot:
        await pilot.press("f11")
        assert "my requests" in text_of(ingrid, "#screen-title")
        await pilot.press("n")
        form = ingrid.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-title", Input).value = TITLE
        form.query_one("#field-theme", Select).value = "Mentale gezondheid"
        form.query_one("#field-minutes", Input).value = "20"
        form.query_one("#field-meeting", Select).value = "2026-12-10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        first = rows(ingrid.screen.query_one("#table", DataTable))[0]
        assert "submitted" in first[0] and first[1:6] == [
            TITLE,
            "Mentale gezondheid",
            "informing",
            "20",
            "2026-12-10",
        ]

    els = make_app("Els Verhoeven")
    async with els.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "a")  # the meetings list opens on the next meeting
        screen = els.screen
        assert isinstance(screen, AgendaScreen)
        assert text_of(els, "#screen-title").startswith(
            "Agenda Thu 10 Dec 2026 15:00–17:30 · agenda draft · 125/150 min"
        )
        requests = screen.query_one("#requests", DataTable)
        titles = [row[0] for row in rows(requests)]
        await pilot.press("tab")
        assert requests.has_focus
        requests.move_cursor(row=titles.index(TITLE))  # whole: cut by the column, not the text
        await pilot.press("s")
        await pilot.pause()
        items = rows(screen.query_one("#table", DataTable))
        assert items[6][:6] == ["7", "16:45", TITLE[:31] + "…", "informing", "Ingrid Smit", "20"]
        assert "145/150 min" in text_of(els, "#screen-title")
        assert TITLE not in [row[0] for row in rows(requests)]

    ingrid = make_app("Ingrid Smit")
    async with ingrid.run_test(size=SIZE) as pilot:
        await pilot.press("f11")
        first = rows(ingrid.screen.query_one("#table", DataTable))
        mine = next(row for row in first if row[1] == TITLE)
        assert "scheduled" in mine[0] and mine[6] == "Thu 10 Dec 2026 15:00"


async def test_decline_from_the_agenda_screen_with_a_reason(make_app):
    els = make_app("Els Verhoeven")
    async with els.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "a", "tab", "x")
        form = els.screen
        assert isinstance(form, FormScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(form.query_one("#form-error").content) == (
            "⚠ reason: say why the request is declined"
        )
        form.query_one("#field-reason").text = "Eerst in de programmalijn bespreken."
        await pilot.press("ctrl+s")
        await pilot.pause()
        statuses = els.session.repo.query(
            "SELECT status, reason FROM agenda_requests WHERE reason LIKE 'Eerst in de prog%'"
        )
        assert statuses == [
            {"status": "declined", "reason": "Eerst in de programmalijn bespreken."}
        ]


async def test_plan_the_year_from_the_calendar_screen_and_move_a_theme(make_app):
    els = make_app("Els Verhoeven")
    async with els.run_test(size=SIZE) as pilot:
        await pilot.press("f10")
        screen = els.screen
        assert isinstance(screen, CalendarScreen)
        assert text_of(els, "#screen-title") == "Annual calendar 2027"
        await pilot.press("p")
        els.screen.query_one("#field-path", Input).value = str(PLAN)
        await pilot.press("ctrl+s")
        await pilot.pause()
        confirm = els.screen
        assert isinstance(confirm, ConfirmScreen)
        body = str(confirm.query_one("#confirm-body").content)
        assert body.splitlines()[-1] == (
            "2027: 9 new, 2 changed, 0 removed, 0 kept as they are; 0 could not be placed"
        )
        await pilot.press("y")
        await pilot.pause()
        assert els.screen is screen
        table = screen.query_one("#table", DataTable)
        assert table.row_count == 13  # 11 meetings, July and August empty
        targets = text_of(els, "#targets")
        assert (
            " 4/4  [green]✓[/] Acute zorg" in targets and " 2/2  [green]✓[/] Gemeenten" in targets
        )
        # January → the evaluation meeting of 16 December
        table.move_cursor(row=0)
        await pilot.press("m")
        form = els.screen
        december = screen.view.meetings[-1].id
        form.query_one("#field-to", Select).value = december
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rows(table)[0][4] == "—" and "Arbeidsmarkt" in rows(table)[-1][4]
        assert rows(table)[0][3] == "90" and rows(table)[-1][3] == "90"
        assert " 4/4  [green]✓[/] Arbeidsmarkt en digitale zo…" in text_of(els, "#targets")


async def test_a_portfolio_holder_cannot_set_an_agenda(make_app):
    ingrid = make_app("Ingrid Smit")
    async with ingrid.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "a", "S")
        await pilot.pause()
        assert (
            ingrid.session.repo.scalar(
                "SELECT status FROM meetings WHERE starts_at = '2026-12-10T15:00'"
            )
            == "agenda_draft"
        )
        assert any("may not set the agenda" in str(n.message) for n in ingrid._notifications)


async def test_export_the_agenda_from_its_screen(make_app, tmp_path):
    els = make_app("Els Verhoeven")
    async with els.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "a", "o")
        form = els.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-path", Input).value.endswith("agenda-2026-12-10.html")
        form.query_one("#field-path", Input).value = str(tmp_path / "agenda.txt")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(form.query_one("#form-error").content) == (
            "⚠ path: the file must end in .md, .html, .docx or .pdf"
        )
        form.query_one("#field-path", Input).value = str(tmp_path / "agenda.md")
        await pilot.press("ctrl+s")
        await els.workers.wait_for_complete()
        await pilot.pause()
    lines = (tmp_path / "agenda.md").read_text(encoding="utf-8").splitlines()
    assert lines[:3] == [
        "# Agenda Regiotafel Zorg en Welzijn Lindewaard",
        "",
        "**When:** Thu 10 Dec 2026, 15:00–17:30",
    ]


async def test_export_the_meeting_bundle_from_the_agenda_screen(make_app, tmp_path):
    from pypdf import PdfReader

    els = make_app("Els Verhoeven")
    async with els.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "a", "b")
        form = els.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-path", Input).value.endswith("bundel-2026-12-10.pdf")
        form.query_one("#field-path", Input).value = str(tmp_path / "bundel.docx")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(form.query_one("#form-error").content) == "⚠ path: the file must end in .pdf"
        form.query_one("#field-path", Input).value = str(tmp_path / "bundel.pdf")
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = [str(n.message) for n in els._notifications]
        assert "Making bundel.pdf…" in said  # made in a thread: the screen answers meanwhile
        await els.workers.wait_for_complete()
        await pilot.pause()
        said = [str(n.message) for n in els._notifications]
        assert f"Written: {tmp_path / 'bundel.pdf'}" in said
    reader = PdfReader(tmp_path / "bundel.pdf")
    assert [item.title for item in reader.outline if not isinstance(item, list)] == [
        "Meeting papers",
        "Agenda",
        "Work agenda",
        "Papers in this bundle",
    ]
    assert "Agenda Regiotafel Zorg en Welzijn Lindewaard" in reader.pages[1].extract_text()


async def test_the_requests_list_shows_the_newest_and_the_whole_history_on_h(make_app, monkeypatch):
    from boardroom.services import agenda
    from boardroom.tui.screens.requests import RequestsScreen

    monkeypatch.setattr(RequestsScreen, "SHOWN", 5)
    els = make_app("Els Verhoeven")
    async with els.run_test(size=SIZE) as pilot:
        await pilot.press("f11")
        await pilot.pause()
        table = els.screen.query_one("#table")
        title = str(els.screen.query_one("#screen-title").content)
        total = len(agenda.all_requests(els.session))
        assert table.row_count == 5
        assert title == (
            f"Agenda requests · all requests · the newest 5 of {total} (h: the whole history)"
        )
        await pilot.press("h")
        await pilot.pause()
        assert table.row_count == total
        assert str(els.screen.query_one("#screen-title").content) == (
            "Agenda requests · all requests"
        )


async def test_a_slow_export_leaves_the_screen_answering(make_app, tmp_path, monkeypatch):
    """A long archival PDF takes seconds: it is made in a thread, and the keys go on working."""
    import threading

    from boardroom.exports import formats

    release = threading.Event()
    real = formats.document_bytes

    def slow(doc, fmt):
        release.wait(10)
        return real(doc, fmt)

    monkeypatch.setattr(formats, "document_bytes", slow)
    els = make_app("Els Verhoeven")
    async with els.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "a", "o")
        els.screen.query_one("#field-path", Input).value = str(tmp_path / "agenda.pdf")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f8")  # while the PDF is being made
        await pilot.pause()
        assert els.screen.__class__.__name__ == "ActionsScreen"
        assert not (tmp_path / "agenda.pdf").exists()
        release.set()
        await els.workers.wait_for_complete()
    assert (tmp_path / "agenda.pdf").read_bytes().startswith(b"%PDF-")
