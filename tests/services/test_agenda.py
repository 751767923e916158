"""Agenda requests, building an agenda, papers, and re-planning that keeps what is set."""

from __future__ import annotations

import hashlib

import pytest

from boardroom.domain.enums import ItemSource, MeetingStatus, RequestStatus
from boardroom.domain.errors import (
    BoardroomError,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationProblem,
)
from boardroom.host_files import LOCAL
from boardroom.services import agenda, calendar, papers, planning
from boardroom.services.record import find_meeting
from boardroom.services.year import year_view
from tests.conftest import DEMO_PLAN, plan_source

PLAN = DEMO_PLAN
DECEMBER = "2026-12-10"  # the demo's next meeting: agenda draft, 125 of 150 minutes


def meeting_id(session, day: str = DECEMBER) -> int:
    return find_meeting(session, day).id or 0


def request(session, **values) -> int:
    data = {"title": "Regionale aanpak personeelstekort", "minutes": 20, **values}
    return agenda.submit_request(session, data)


def test_a_portfolio_holder_requests_and_sees_it_scheduled(open_demo):
    ingrid = open_demo("Ingrid")
    request_id = request(
        ingrid,
        theme="Mentale gezondheid",
        purpose="deciding",
        meeting=DECEMBER,
        papers_ready="2026-12-01",
    )
    mine = agenda.my_requests(ingrid)
    assert (mine[0].id, mine[0].status, mine[0].preferred) == (
        request_id,
        RequestStatus.SUBMITTED,
        DECEMBER,
    )
    els = open_demo("Els")
    view = agenda.agenda_view(els, meeting_id(els))
    pending = {r.id: (fits, late) for r, fits, late in view.pending}
    assert pending[request_id] == (True, False)
    item_id = agenda.schedule_request(els, request_id, meeting_id(els))
    view = agenda.agenda_view(els, meeting_id(els))
    line = view.line_of(item_id)
    assert line is not None
    assert (line.number, f"{line.starts:%H:%M}", line.presenter, line.item.source) == (
        7,  # before any other business
        "16:45",
        "Ingrid Smit",
        ItemSource.REQUEST,
    )
    assert (view.planned_minutes, view.free) == (145, 5)
    mine = next(r for r in agenda.my_requests(ingrid) if r.id == request_id)
    assert (mine.status, f"{mine.scheduled_for:%Y-%m-%d %H:%M}") == (
        RequestStatus.SCHEDULED,
        "2026-12-10 15:00",
    )


def test_scheduling_checks_the_time_left(open_demo):
    ingrid = open_demo("Ingrid")
    request_id = request(ingrid, minutes=30)  # 25 minutes are free in December
    els = open_demo("Els")
    with pytest.raises(Conflict) as problem:
        agenda.schedule_request(els, request_id, meeting_id(els))
    assert str(problem.value) == "needs 30 minutes; the meeting of Thu 10 Dec 2026 has 25 free"
    mine = next(r for r in agenda.my_requests(ingrid) if r.id == request_id)
    assert mine.status == RequestStatus.SUBMITTED


def test_a_request_fills_its_themes_planned_slot(open_demo):
    els = open_demo("Els")
    preview = planning.preview_plan(els, plan_source(PLAN), 2027)
    planning.apply_plan(els, preview)
    january = meeting_id(els, "2027-01-14")
    before = agenda.agenda_view(els, january)
    slot = next(x for x in before.lines if x.item.title == "Arbeidsmarkt en digitale zorg")
    ruud = open_demo("Ruud")
    request_id = request(
        ruud,
        theme="Arbeidsmarkt en digitale zorg",
        minutes=45,
        title="Zorginkoop: regionale afspraken",
    )
    item_id = agenda.schedule_request(els, request_id, january)
    after = agenda.agenda_view(els, january)
    assert item_id == slot.item.id and len(after.lines) == len(before.lines)
    assert after.line_of(item_id).item.title == "Zorginkoop: regionale afspraken"
    assert after.planned_minutes == before.planned_minutes + 15
    # re-planning keeps the request's item and plans around it
    again = planning.preview_plan(els, plan_source(PLAN), 2027)
    planning.apply_plan(els, again)
    titles = [x.item.title for x in agenda.agenda_view(els, january).lines]
    assert "Zorginkoop: regionale afspraken" in titles


def test_declining_needs_a_reason_and_the_requester_sees_it(open_demo):
    ingrid = open_demo("Ingrid")
    request_id = request(ingrid)
    els = open_demo("Els")
    with pytest.raises(ValidationProblem) as problem:
        agenda.decline_request(els, request_id, "  ")
    assert str(problem.value) == "reason: say why the request is declined"
    agenda.decline_request(els, request_id, "Past beter in het voorjaar.")
    mine = next(r for r in agenda.my_requests(ingrid) if r.id == request_id)
    assert (mine.status, mine.reason) == (RequestStatus.DECLINED, "Past beter in het voorjaar.")
    with pytest.raises(Conflict, match="this request is declined already"):
        agenda.schedule_request(els, request_id, meeting_id(els))


@pytest.mark.parametrize(
    ("values", "error", "text"),
    [
        ({"minutes": 0}, ValidationProblem, "minutes: Input should be greater than 0 (got 0)"),
        ({"minutes": -10}, ValidationProblem, "minutes: Input should be greater than 0 (got -10)"),
        ({"theme": "Sport"}, NotFound, "theme: no theme named 'Sport'"),
        ({"meeting": "2026-12-11"}, NotFound, "--meeting: no meeting on 2026-12-11"),
        (
            {"meeting": DECEMBER, "papers_ready": "2026-12-11"},
            ValidationProblem,
            "papers_ready: 2026-12-11 is after the meeting of 2026-12-10",
        ),
        (
            {"month": "2027-02", "papers_ready": "2027-03-01"},
            ValidationProblem,
            "papers_ready: 2027-03-01 is after the month asked for (2027-02)",
        ),
    ],
)
def test_bad_requests_are_refused_whole(open_demo, values, error, text):
    ingrid = open_demo("Ingrid")
    before = len(agenda.all_requests(ingrid))
    with pytest.raises(error) as problem:
        request(ingrid, **values)
    assert str(problem.value) == text
    assert len(agenda.all_requests(ingrid)) == before


def test_a_deciding_request_with_late_papers_is_flagged(open_demo):
    ingrid = open_demo("Ingrid")
    request_id = request(ingrid, purpose="deciding", minutes=15, papers_ready="2026-12-05")
    els = open_demo("Els")
    view = agenda.agenda_view(els, meeting_id(els))
    assert next((fits, late) for r, fits, late in view.pending if r.id == request_id) == (
        True,
        True,  # papers due 3 December (lead time 7 days)
    )


def test_items_add_edit_move_remove_keep_positions(open_demo):
    els = open_demo("Els")
    december = meeting_id(els)
    item_id = agenda.add_item(els, december, {"title": "Mededeling GGD", "minutes": 5})
    titles = [x.item.title for x in agenda.agenda_view(els, december).lines]
    assert titles[-4:] == ["Mededeling GGD", "Rondvraag", "Spelregelcheck", "Sluiting"]
    agenda.move_item(els, item_id, -1)
    lines = agenda.agenda_view(els, december).lines
    assert [x.item.title for x in lines][5:7] == ["Mededeling GGD", "Belangenronde: GGZ"]
    assert [x.item.position for x in lines] == list(range(1, 11))
    agenda.edit_item(
        els,
        item_id,
        {"title": "Mededeling GGD (griep)", "minutes": 10, "purpose": "informing", "kind": "other"},
    )
    view = agenda.agenda_view(els, december)
    assert (view.line_of(item_id).item.title, view.planned_minutes) == (
        "Mededeling GGD (griep)",
        135,
    )
    with pytest.raises(ValidationProblem, match="minutes"):
        agenda.edit_item(els, item_id, {"title": "x", "minutes": -1})
    agenda.remove_item(els, item_id)
    assert agenda.agenda_view(els, december).planned_minutes == 125


def test_removing_a_scheduled_item_reopens_its_request(open_demo):
    ingrid = open_demo("Ingrid")
    request_id = request(ingrid)
    els = open_demo("Els")
    item_id = agenda.schedule_request(els, request_id, meeting_id(els))
    agenda.remove_item(els, item_id)
    mine = next(r for r in agenda.my_requests(ingrid) if r.id == request_id)
    assert mine.status == RequestStatus.SUBMITTED


def test_papers_store_size_and_sha256_and_late_ones_are_flagged(open_demo, tmp_path):
    els = open_demo("Els")
    december = meeting_id(els)
    paper = tmp_path / "notitie.pdf"
    paper.write_bytes(b"%PDF-1.4 regionale notitie\n" * 100)
    first = agenda.agenda_view(els, december).lines[3].item.id or 0
    paper_id = papers.attach_paper(els, first, paper.read_bytes(), paper.name, "Notitie wonen")
    row = els.repo.get("papers", paper_id)
    assert (row["title"], row["size"], row["sha256"], row["sent_at"]) == (
        "Notitie wonen",
        2700,
        hashlib.sha256(paper.read_bytes()).hexdigest(),
        None,
    )
    extra = papers.attach_paper(els, first, paper.read_bytes(), paper.name, "Dubbel toegevoegd")
    agenda.remove_paper(els, extra)
    assert [p.title for p in agenda.agenda_view(els, december).lines[3].papers] == [
        "Notitie Wonen, welzijn en zorg",
        "Notitie wonen",
    ]
    with pytest.raises(ValidationProblem) as problem:  # read by the face, through the gate
        LOCAL.read_bytes(str(tmp_path / "weg.pdf"), "path", 1000)
    assert str(problem.value) == f"path: cannot read {tmp_path / 'weg.pdf'}: no such file"
    # today (24 Nov) is before the deadline (3 Dec): not late yet; sent now, with the two notes
    # the demo's secretary attached when drafting the agenda: on time
    assert agenda.mark_papers_sent(els, december) == 3
    line = agenda.agenda_view(els, december).lines[3]
    assert [(p.title, p.late) for p in line.papers][-1] == ("Notitie wonen", False)


def test_a_paper_sent_after_the_deadline_is_late(open_demo, tmp_path):
    import datetime as dt

    els = open_demo("Els")
    december = meeting_id(els)
    paper = tmp_path / "laat.pdf"
    paper.write_bytes(b"late")
    agenda.mark_papers_sent(els, december)  # the demo's notes, on 24 Nov: in time
    item = agenda.agenda_view(els, december).lines[4].item.id or 0
    papers.attach_paper(els, item, paper.read_bytes(), paper.name)
    els.now = lambda: dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)
    agenda.mark_papers_sent(els, december)
    late = [p for p in agenda.agenda_view(els, december).lines[4].papers if p.late]
    assert [(p.title, f"{p.sent_at:%Y-%m-%d %H:%M}") for p in late] == [
        ("laat", "2026-12-06 13:00")
    ]


def test_setting_the_agenda_is_for_the_chair_and_secretary(open_demo):
    ingrid = open_demo("Ingrid")
    with pytest.raises(PermissionDenied):
        agenda.set_agenda(ingrid, meeting_id(ingrid))
    els = open_demo("Els")
    agenda.set_agenda(els, meeting_id(els))
    assert find_meeting(els, DECEMBER).status == MeetingStatus.AGENDA_SET
    agenda.mark_papers_sent(els, meeting_id(els))
    assert find_meeting(els, DECEMBER).status == MeetingStatus.PAPERS_SENT
    with pytest.raises(Conflict, match="cannot be set now"):
        agenda.set_agenda(els, meeting_id(els))


def test_a_held_meeting_agenda_cannot_change(open_demo):
    els = open_demo("Els")
    with pytest.raises(Conflict, match="has begun or was held"):
        agenda.add_item(els, meeting_id(els, "2026-11-12"), {"title": "x", "minutes": 5})


def test_replanning_never_touches_a_set_meeting_and_removes_dropped_dates(open_demo, tmp_path):
    els = open_demo("Els")
    planning.apply_plan(els, planning.preview_plan(els, plan_source(PLAN), 2027))
    march = meeting_id(els, "2027-03-11")
    agenda.set_agenda(els, march)
    march_items = [x.item for x in agenda.agenda_view(els, march).lines]
    changed = tmp_path / "plan.toml"
    changed.write_text(
        PLAN.read_text()
        .replace("BYMONTH=1,2,3,4,5,6,9,10,11,12", "BYMONTH=1,2,3,4,5,6,9,10,11")
        .replace('location = "Gemeentehuis Lindestad, Raadzaal"', 'location = "Online"')
    )
    (tmp_path / "standard-meeting.toml").write_text(
        (PLAN.parent / "standard-meeting.toml").read_text()
    )
    preview = planning.preview_plan(els, plan_source(changed), 2027)
    kinds = {c.starts_at.strftime("%m-%d"): c.kind for c in preview.changes}
    assert kinds["03-11"] == "keep" and kinds["12-09"] == "remove" and kinds["01-14"] == "change"
    assert "= Thu 11 Mar 2027 15:00  kept as it is (agenda set)" in preview.lines()
    planning.apply_plan(els, preview)
    assert [x.item for x in agenda.agenda_view(els, march).lines] == march_items
    assert find_meeting(els, "2027-01-14").location == "Online"
    with pytest.raises(NotFound):
        find_meeting(els, "2027-12-09")
    view = calendar.calendar_view(els, 2027)
    assert dict((t, (n, target)) for t, n, target in view.themes)["Acute zorg"] == (4, 4)


def test_moving_a_theme_updates_the_calendar_and_checks_room(open_demo):
    els = open_demo("Els")
    planning.apply_plan(els, planning.preview_plan(els, plan_source(PLAN), 2027))
    view = calendar.calendar_view(els, 2027)
    january, february = view.meetings[0], view.meetings[1]
    item_id, theme = january.themes[0]
    with pytest.raises(Conflict, match="has 5 free"):
        calendar.move_theme(els, item_id, february.id)  # 30 minutes into 5 free
    evaluation = view.meetings[-1]
    calendar.move_theme(els, item_id, evaluation.id)
    after = calendar.calendar_view(els, 2027)
    assert after.meetings[0].themes == [] and (item_id, theme) in after.meetings[-1].themes
    assert (after.meetings[0].free, after.meetings[-1].free) == (90, 90)
    with pytest.raises(PermissionDenied):
        calendar.move_theme(open_demo("Ingrid"), item_id, january.id)


def test_the_year_plan_sets_the_interest_round_numbers(open_demo):
    els = open_demo("Els")
    before = {c.perspective: c.target for c in year_view(els, 2027).interest}
    assert before["Gemeenten"] == 1
    planning.apply_plan(els, planning.preview_plan(els, plan_source(PLAN), 2027))
    after = {c.perspective: c.target for c in year_view(els, 2027).interest}
    assert (after["Gemeenten"], after["Ziekenhuizen"], after["GGD"]) == (2, 2, 1)


def test_without_a_user_nothing_can_be_requested(open_demo):
    viewer = open_demo()
    with pytest.raises(BoardroomError) as problem:
        request(viewer)
    assert str(problem.value).startswith("viewer (roles: guest) may not request agenda space")


def test_a_page_of_requests_open_ones_first_and_the_count_of_all(open_demo):
    els = open_demo("Els")
    everything = agenda.all_requests(els)
    page, total = agenda.request_page(els, mine=False, limit=5)
    assert total == len(everything) and len(page) == 5
    assert [r.id for r in page] == [r.id for r in everything[:5]]
    assert page[0].status.value == "submitted"  # what still needs an answer comes first
    whole, total = agenda.request_page(els, mine=False, limit=None)
    assert [r.id for r in whole] == [r.id for r in everything] and total == len(everything)
    henk = open_demo("Henk")
    mine, count = agenda.request_page(henk, mine=True, limit=2)
    assert count == len(agenda.my_requests(henk)) and len(mine) == min(2, count)


def test_a_deciding_item_carries_the_decision_it_asks_for_to_the_meeting(open_demo, tmp_path):
    """The beslispunt is kept with the item, sent with the agenda both members and the
    secretary receive, and is the proposal the console offers when the meeting decides."""
    from boardroom.exports.agenda import agenda_document
    from boardroom.exports.markup import to_markdown

    els = open_demo("Els")
    december = meeting_id(els)
    asked = "De tafel stelt de regionale woonzorgvisie vast."
    item_id = agenda.add_item(
        els,
        december,
        {"title": "Woonzorgvisie", "minutes": 10, "purpose": "deciding", "proposal": asked},
    )
    view = agenda.agenda_view(els, december)
    assert view.line_of(item_id).item.proposal == asked
    for internal in (False, True):
        text = to_markdown(agenda_document(view, internal=internal))
        heading = f"## {view.line_of(item_id).number}. Woonzorgvisie"
        after = text.split(heading, 1)[1].split("\n## ", 1)[0]
        assert f"**Proposed decision:** {asked}" in after
    with pytest.raises(ValidationProblem, match="proposal"):
        agenda.edit_item(els, item_id, {"title": "Woonzorgvisie", "minutes": 10,
                                        "proposal": "x" * 20_001})  # fmt: skip
