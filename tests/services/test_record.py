"""The decision list, its search, the action list and approving minutes, on the demo board."""

import datetime as dt

import pytest

from boardroom.domain import models as m
from boardroom.domain.errors import Conflict, NotFound, PermissionDenied, ValidationProblem
from boardroom.domain.outcome import DecisionOutcome
from boardroom.services import record
from boardroom.services.record import ActionFilter, DecisionFilter


def numbers(rows):
    return [row["number"] for row in rows]


def test_the_decision_list_is_newest_first_and_complete(open_demo):
    session = open_demo()
    rows = record.decisions(session)
    assert len(rows) == 21
    assert numbers(rows)[:3] == ["B2026-09-02", "B2026-09-01", "B2026-08-02"]
    assert rows[0]["held_on"] == "2026-11-12"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("preventieagenda", ["B2026-09-01", "B2026-03-02"]),
        ("prevent", ["B2026-09-01", "B2026-03-02"]),  # as you type: prefixes
        ("REGIONALE   preventie", ["B2026-09-01", "B2026-03-02"]),  # any order, any case
        ("preventie agenda", []),  # "agenda" starts no word of theirs
        ("gegevens infra", ["B2026-06-02", "B2025-02-02"]),  # title and text together
        ("B2026-07", ["B2026-07-02", "B2026-07-01"]),
        ("overbruggingsbudget", ["B2026-03-01"]),  # the amended text of the consent decision
        ("spoedpost", ["B2025-01-01"]),
        ("zzz", []),
    ],
)
def test_search_finds_exactly_the_expected_decisions(open_demo, typed, expected):
    assert numbers(record.decisions(open_demo(), DecisionFilter(text=typed))) == expected


@pytest.mark.parametrize("typed", ['"', "'", "*", "-", "(((", "^", ":"])
def test_fts_syntax_alone_finds_nothing_and_never_raises(open_demo, typed):
    assert record.decisions(open_demo(), DecisionFilter(text=typed)) == []


def test_a_blank_search_box_shows_every_decision(open_demo):
    assert len(record.decisions(open_demo(), DecisionFilter(text="   "))) == 21


@pytest.mark.parametrize(
    ("typed", "as_words"),
    [
        ("NEAR(spoed post)", "near spoed post"),
        ('title:"prevent', "title prevent"),
        ("preventie AND", "preventie and"),
        ("OR OR", "or or"),
        ("NOT -preventie", "not preventie"),
        ("prevent*", "prevent"),
        ('"regionale preventie"', "regionale preventie"),
    ],
)
def test_fts_syntax_is_searched_as_plain_words(open_demo, typed, as_words):
    session = open_demo()
    found = numbers(record.decisions(session, DecisionFilter(text=typed)))
    assert found == numbers(record.decisions(session, DecisionFilter(text=as_words)))
    if typed in ("prevent*", '"regionale preventie"'):
        assert found == ["B2026-09-01", "B2026-03-02"]


def test_filters(open_demo):
    session = open_demo()
    assert len(record.decisions(session, DecisionFilter(year=2025))) == 4
    assert numbers(record.decisions(session, DecisionFilter(status="superseded"))) == [
        "B2026-01-01"
    ]
    theme = next(t for t in session.repo.themes() if t.name == "Mentale gezondheid")
    assert numbers(record.decisions(session, DecisionFilter(theme_id=theme.id))) == [
        "B2026-07-02",
        "B2026-07-01",
        "B2026-01-02",
        "B2026-01-01",
    ]
    due = record.decisions(session, DecisionFilter(due_for_review=True))
    assert all(r["review_date"] <= "2027-01-23" and r["status"] == "in_force" for r in due)
    assert numbers(due) == ["B2026-06-01", "B2026-03-01", "B2026-02-01", "B2025-01-01"]


def test_a_decisions_story_rounds_answers_versions_and_lineage(open_demo):
    session = open_demo()
    consent = next(r for r in record.decisions(session) if r["number"] == "B2026-03-01")
    detail = record.decision_detail(session, consent["id"])
    assert [v.version for v in detail.versions] == [1, 2]
    assert [r.round.number for r in detail.rounds] == [1, 2]
    first = detail.rounds[0]
    assert [a for a in first.answers if a[1] == "objection"][0][0] == "Henk Jansen"
    assert detail.rounds[1].version.version == 2
    superseded = next(r for r in record.decisions(session) if r["number"] == "B2026-01-01")
    old = record.decision_detail(session, superseded["id"])
    assert [d["number"] for d in old.superseded_by] == ["B2026-07-02"]
    newer = record.decision_detail(session, old.superseded_by[0]["id"])
    assert newer.supersedes.number == "B2026-01-01"
    vote = next(r for r in record.decisions(session) if r["method"] == "vote")
    ballots = record.decision_detail(session, vote["id"]).rounds[0].ballots
    assert vote["number"] == "B2026-08-01"
    choices = [ballot.choice for ballot in ballots]
    assert {ballot.entered for ballot in ballots} == {
        record.Entered(False, "Els Verhoeven")
    }  # at the console
    assert (choices.count("for"), choices.count("against"), choices.count("abstain")) == (5, 3, 1)
    facts = DecisionOutcome.from_json(vote["outcome"])
    assert (facts.for_weight, facts.against_weight, facts.abstain_weight) == (5, 3, 1)
    assert (facts.entitled_weight, facts.round) == (9, 1)


def test_the_action_list_open_overdue_first(open_demo):
    session = open_demo()
    rows = record.actions(session)
    assert len(rows) == 33
    open_rows = [r for r in rows if r["status"] == "open"]
    assert rows[: len(open_rows)] == open_rows
    assert [r["due_date"] for r in open_rows] == sorted(r["due_date"] for r in open_rows)
    overdue = record.actions(session, ActionFilter(overdue=True))
    assert len(overdue) == 5 and all(r["due_date"] < "2026-11-24" for r in overdue)


def test_my_actions_done_cancelled_and_updates(open_demo):
    secretary = open_demo("Els Verhoeven")
    open_rows = record.actions(secretary, ActionFilter(status="open"))
    first, second = open_rows[0], open_rows[1]
    owner = secretary.repo.model(m.Member, first["owner_id"]).name
    mine = open_demo(owner)
    assert {r["owner_id"] for r in record.actions(mine, ActionFilter(owner_id=mine.user.id))} == {
        mine.user.id
    }
    record.add_update(mine, first["id"], "Gesprek met de achterban gepland.")
    assert (
        record.action_history(mine, first["id"])[-1]["note"] == "Gesprek met de achterban gepland."
    )
    record.complete_action(mine, first["id"], dt.date(2026, 11, 20))
    done = secretary.repo.model(m.Action, first["id"])
    assert (done.status.value, str(done.done_at)) == ("done", "2026-11-20")
    with pytest.raises(Conflict, match="is done already"):
        record.complete_action(secretary, first["id"])
    with pytest.raises(ValidationProblem, match="needs a reason"):
        record.cancel_action(secretary, second["id"], "  ")
    with pytest.raises(ValidationProblem, match="in the future"):
        record.complete_action(secretary, second["id"], dt.date(2026, 12, 1))
    record.cancel_action(secretary, second["id"], "Vervallen door besluit B2026-09-01.")
    assert (
        secretary.repo.model(m.Action, second["id"]).reason == "Vervallen door besluit B2026-09-01."
    )


def test_a_member_may_not_close_someone_elses_action(open_demo):
    session = open_demo("Ahmed Yilmaz")
    theirs = next(
        r
        for r in record.actions(session, ActionFilter(status="open"))
        if r["owner_id"] != session.user.id
    )
    with pytest.raises(PermissionDenied):
        record.complete_action(session, theirs["id"])


def test_approving_minutes_chair_only_and_closed_only(open_demo):
    secretary, chair = open_demo("Els Verhoeven"), open_demo("Marianne van der Velde")
    closed = record.find_meeting(chair, "2026-11-12")
    with pytest.raises(PermissionDenied, match="may not approve the minutes"):
        record.approve_minutes(secretary, closed.id)
    record.approve_minutes(chair, closed.id)
    assert chair.repo.model(m.Meeting, closed.id).status.value == "minutes_approved"
    with pytest.raises(Conflict, match="only a closed meeting's minutes"):
        record.approve_minutes(chair, closed.id)


@pytest.mark.parametrize(
    ("reference", "starts"),
    [
        ("2026-11-12", "2026-11-12 15:00"),
        ("2026/9", "2026-11-12 15:00"),
        ("2025/1", "2025-11-13 15:00"),
        ("10", "2026-12-10 15:00"),
    ],
)
def test_meetings_by_date_or_number(open_demo, reference, starts):
    assert f"{record.find_meeting(open_demo(), reference).starts_at:%Y-%m-%d %H:%M}" == starts


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("2026-11-13", "no meeting on 2026-11-13"),
        ("2026/40", "2026 has no meeting number 40"),
        ("next", "not a meeting date or number"),
        ("2026-02-30", "not a meeting date or number"),
    ],
)
def test_unknown_meetings_are_named(open_demo, reference, message):
    with pytest.raises((NotFound, ValidationProblem), match=message):
        record.find_meeting(open_demo(), reference)


def test_approved_minutes_take_amendments_and_show_them(open_demo):
    from boardroom.exports.markup import to_markdown
    from boardroom.exports.minutes import minutes_document
    from boardroom.services.minutes import build_minutes

    secretary = open_demo("Els Verhoeven")
    approved = record.find_meeting(secretary, "2026-03-12")
    record.amend_minutes(
        secretary, approved.id, "Bij punt 4: Joost Bakker was afwezig met bericht."
    )
    text = to_markdown(minutes_document(build_minutes(secretary, approved.id)))
    assert "## Amendments after approval" in text
    assert (
        "| 24 Nov 2026 | Els Verhoeven | Bij punt 4: Joost Bakker was afwezig met bericht. |"
        in text
    )
    closed = record.find_meeting(secretary, "2026-11-12")
    with pytest.raises(Conflict, match="only approved minutes are amended"):
        record.amend_minutes(secretary, closed.id, "x")
    with pytest.raises(PermissionDenied):
        record.amend_minutes(open_demo("Ahmed Yilmaz"), approved.id, "x")
    from boardroom.services.integrity import verify

    assert verify(secretary.database).ok  # the amendment is logged and chained like any write


def test_the_action_list_as_it_stood_at_each_meeting(open_demo):
    """Carry-over: at every meeting, exactly the actions agreed by then and not yet done or
    cancelled on its day are open."""
    session = open_demo()
    repo = session.repo
    starts = {m.id: m.starts_at for m in repo.models("meetings")}
    actions = repo.models("actions")
    checked = 0
    for meeting in repo.models("meetings", "status IN ('closed', 'minutes_approved')"):
        day = meeting.starts_at.date()
        listed = {
            r["number"]
            for r in repo.actions_open_at(
                meeting.starts_at.isoformat(timespec="minutes"), day.isoformat()
            )
        }
        for action in actions:
            agreed = starts[action.meeting_id] <= meeting.starts_at
            finished_by_then = (action.status.value == "done" and action.done_at <= day) or (
                action.status.value == "cancelled" and action.updated_at[:10] <= day.isoformat()
            )
            assert (action.number in listed) == (agreed and not finished_by_then), (
                meeting.starts_at,
                action.number,
            )
            checked += 1
    assert checked == 11 * 33


def test_a_page_of_actions_and_how_many_there_are(open_demo):
    session = open_demo()
    every = record.actions(session)
    page, count = record.action_page(session, limit=10)
    assert (page, count) == (every[:10], 33)
    overdue, late = record.action_page(session, ActionFilter(overdue=True), limit=3)
    assert late == 5 and overdue == record.actions(session, ActionFilter(overdue=True))[:3]
    found, matched = record.action_page(session, ActionFilter(text="!!"), limit=3)
    assert (found, matched) == ([], 0)  # only punctuation: nothing to search for


def test_the_whole_action_list_has_every_action_however_many(open_demo):
    """An export reads the list whole: no cap may drop the oldest (one was at 20,000)."""
    session = open_demo()
    conn = session.database.conn
    with conn:
        conn.execute(
            "INSERT INTO actions (number, text, owner_id, due_date, status, created_at,"
            " updated_at) WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n"
            " WHERE k < 20000) SELECT 'X' || k, 'Bulk ' || k, (SELECT min(id) FROM members),"
            " '2030-01-01', 'done', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n"
        )
    every = record.actions(session)
    assert len(every) == 20_033 == record.action_page(session, limit=1)[1]
    assert every[-1]["number"] == "X9999"  # done ones last, by due date then number
