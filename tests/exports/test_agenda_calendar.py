"""The agenda as members receive it (line by line) and the year as iCalendar, parsed back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document as Docx
from icalendar import Calendar

from boardroom.exports.agenda import agenda_document
from boardroom.exports.formats import write_document
from boardroom.exports.ics import calendar_ics
from boardroom.exports.markup import to_markdown
from boardroom.services import agenda, papers, planning
from boardroom.services.calendar import board_key, calendar_view, ics_meta
from boardroom.services.record import find_meeting
from tests.conftest import DEMO_PLAN, plan_source

GOLDEN = Path(__file__).parent / "golden"
PLAN = DEMO_PLAN


def december_with_a_late_paper(open_demo, tmp_path):
    els = open_demo("Els")
    december = find_meeting(els, "2026-12-10").id or 0
    els.now = lambda: dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)  # the demo's papers in time
    agenda.mark_papers_sent(els, december)
    paper = tmp_path / "monitor.pdf"
    paper.write_bytes(b"Regionale monitor wonen en zorg\n" * 400)
    item = agenda.agenda_view(els, december).lines[3].item.id or 0
    papers.attach_paper(els, item, paper.read_bytes(), paper.name, "Monitor wonen en zorg 2026")
    els.now = lambda: dt.datetime(2026, 12, 5, 16, 30, tzinfo=dt.UTC)  # after 3 December
    agenda.mark_papers_sent(els, december)
    return els, december


def test_the_members_agenda_markdown_line_by_line(open_demo, tmp_path):
    """What is sent: papers numbered per item, the minutes to adopt, the next meeting; no
    hashes, no lateness, no deadline (the secretary's)."""
    els, december = december_with_a_late_paper(open_demo, tmp_path)
    text = to_markdown(agenda_document(agenda.agenda_view(els, december)))
    expected = (GOLDEN / "agenda-2026-12-10.members.en.md").read_text(encoding="utf-8")
    assert text.splitlines() == expected.splitlines()
    assert not any(word in text for word in ("sha256", "LATE", "later than", "papers due"))


def test_the_secretarys_agenda_markdown_line_by_line(open_demo, tmp_path):
    els, december = december_with_a_late_paper(open_demo, tmp_path)
    text = to_markdown(agenda_document(agenda.agenda_view(els, december), internal=True))
    expected = (GOLDEN / "agenda-2026-12-10.en.md").read_text(encoding="utf-8").splitlines()
    assert text.splitlines() == expected


def test_the_agenda_docx_and_html_say_the_same(open_demo, tmp_path):
    els, december = december_with_a_late_paper(open_demo, tmp_path)
    view = agenda.agenda_view(els, december)
    members = docx_paragraphs(agenda_document(view), tmp_path / "members.docx")
    assert "4b. Monitor wonen en zorg 2026 (13 kB)" in members
    assert "Next meeting: Thu 14 Jan 2027 15:00, Gemeentehuis Lindestad, Raadzaal" in members
    write_document(agenda_document(view, internal=True), "docx", tmp_path / "agenda.docx")
    paragraphs = [p.text for p in Docx(str(tmp_path / "agenda.docx")).paragraphs]
    assert paragraphs[0] == "Agenda Regiotafel Zorg en Welzijn Lindewaard"
    assert "4. Wonen, welzijn en zorg" in paragraphs
    assert any(
        p.startswith("4b. Monitor wonen en zorg 2026 (13 kB, sha256 ") and "LATE: sent 5 Dec" in p
        for p in paragraphs
    )
    write_document(agenda_document(view, internal=True), "html", tmp_path / "agenda.html")
    html = (tmp_path / "agenda.html").read_text(encoding="utf-8")
    assert "<h2>4. Wonen, welzijn en zorg</h2>" in html and "LATE: sent 5 Dec 2026" in html


def docx_paragraphs(document, path) -> list[str]:
    write_document(document, "docx", path)
    return [p.text for p in Docx(str(path)).paragraphs]


def export(session, year: int) -> Calendar:
    view = calendar_view(session, year)
    return Calendar.from_ical(calendar_ics(view, ics_meta(session, view)))


def test_the_year_as_icalendar_parsed_back_event_by_event(open_demo):
    els = open_demo("Els")
    planning.apply_plan(els, planning.preview_plan(els, plan_source(PLAN), 2027))
    calendar = export(els, 2027)
    assert str(calendar["version"]) == "2.0" and "boardroom" in str(calendar["prodid"])
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = calendar.walk("VEVENT")
    assert len(events) == 11
    rows = [
        (
            ev.decoded("dtstart").isoformat(),
            ev.decoded("dtstart").utcoffset().total_seconds() / 3600,
            (ev.decoded("dtend") - ev.decoded("dtstart")).total_seconds() / 60,
            str(ev.get("location", "")),
        )
        for ev in events
    ]
    assert rows[2:5] == [
        ("2027-03-11T15:00:00+01:00", 1.0, 150.0, "Gemeentehuis Lindestad, Raadzaal"),
        ("2027-04-08T15:00:00+02:00", 2.0, 150.0, "Gemeentehuis Lindestad, Raadzaal"),
        ("2027-05-13T15:00:00+02:00", 2.0, 150.0, "Gemeentehuis Lindestad, Raadzaal"),
    ]
    assert rows[-1] == ("2027-12-16T13:30:00+01:00", 1.0, 210.0, "Gemeentehuis Lindestad, Raadzaal")
    assert all(ev["dtstart"].params["TZID"] == "Europe/Amsterdam" for ev in events)
    assert str(events[2]["description"]).splitlines()[:2] == [
        "Themes: Acute zorg, Arbeidsmarkt en digitale zorg",
        "Status: agenda draft",
    ]
    assert str(events[-1]["summary"]) == "Regiotafel Zorg en Welzijn Lindewaard (evaluation)"


def test_uids_are_stable_and_a_change_raises_the_sequence(open_demo):
    els = open_demo("Els")
    planning.apply_plan(els, planning.preview_plan(els, plan_source(PLAN), 2027))
    first = {str(ev["uid"]): int(ev["sequence"]) for ev in export(els, 2027).walk("VEVENT")}
    second = {str(ev["uid"]): int(ev["sequence"]) for ev in export(els, 2027).walk("VEVENT")}
    assert first == second and len(set(first)) == 11
    assert all(uid.endswith("@boardroom") for uid in first)
    january = find_meeting(els, "2027-01-14").id or 0
    els.repo.update("meetings", january, {"starts_at": "2027-01-14T14:00"})
    third = {str(ev["uid"]): int(ev["sequence"]) for ev in export(els, 2027).walk("VEVENT")}
    assert third.keys() == first.keys()
    key = board_key("Regiotafel Zorg en Welzijn Lindewaard", els.repo.board_row()["created_at"])
    moved = f"meeting-{january}-{key}@boardroom"
    assert [uid for uid in first if third[uid] != first[uid]] == [moved]
    assert third[moved] == first[moved] + 1
