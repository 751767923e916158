"""Planning a year is pure: a fixed plan gives exactly these meetings, spreads and reports."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardroom.domain.boardfile import parse_toml_model
from boardroom.domain.enums import ItemKind, ItemSource, MeetingKind, Purpose
from boardroom.domain.errors import ValidationProblem
from boardroom.domain.planning import (
    BoardFacts,
    PlanFile,
    PlannedItem,
    PlannedMeeting,
    TemplateFile,
    plan_dates,
    plan_year,
)
from tests.conftest import DEMO_PLAN, ROOT

AGENDAS = ROOT / "agendas"
PERSPECTIVES = [
    "Ziekenhuizen",
    "Huisartsen",
    "GGZ",
    "Ouderenzorg (VVT)",
    "Zorgverzekeraar",
    "Gemeenten",
    "GGD",
    "Sociaal domein en welzijn",
    "Burgers en patiënten",
]
BOARD = BoardFacts(
    themes={
        "Acute zorg": (4, [3, 9]),
        "Ouderen langer thuis": (4, []),
        "Mentale gezondheid": (3, []),
        "Preventie en gezondheidsvaardigheden": (3, []),
        "Arbeidsmarkt en digitale zorg": (4, []),
        "Wonen, welzijn en zorg": (3, [4, 10]),
    },
    perspectives=PERSPECTIVES,
)


def example() -> tuple[PlanFile, TemplateFile]:
    plan_path = DEMO_PLAN
    plan = parse_toml_model(plan_path.read_text(), str(plan_path), PlanFile)
    template_path = DEMO_PLAN.parent / plan.template
    return plan, parse_toml_model(template_path.read_text(), str(template_path), TemplateFile)


def small(**changes: object) -> PlanFile:
    """A short plan: the first Thursday of Jan–Jun 2027, 120 minutes, no template items."""
    data: dict[str, object] = {
        "series": {
            "rrule": "FREQ=MONTHLY;BYDAY=1TH;BYMONTH=1,2,3,4,5,6",
            "start": "10:00",
            "duration": 120,
        },
        "interest_rounds": {"per_year": 0},
        "evaluations": {"count": 0},
    }
    data.update(changes)
    return PlanFile.model_validate(data)


EMPTY = TemplateFile(items=[{"kind": "opening", "title": "Opening", "minutes": 0}])


def test_the_example_plan_gives_exactly_these_meetings_across_the_dst_changes():
    plan, template = example()
    result = plan_year(plan, 2027, BOARD, template)
    assert [
        (x.starts_at.isoformat(), x.utc().strftime("%H:%MZ"), x.duration, x.kind)
        for x in result.meetings
    ] == [
        ("2027-01-14T15:00:00", "14:00Z", 150, MeetingKind.REGULAR),
        ("2027-02-11T15:00:00", "14:00Z", 150, MeetingKind.REGULAR),
        ("2027-03-11T15:00:00", "14:00Z", 150, MeetingKind.REGULAR),
        # summer time from 28 March: the same 15:00 is an hour earlier in UTC
        ("2027-04-08T15:00:00", "13:00Z", 150, MeetingKind.REGULAR),
        ("2027-05-13T15:00:00", "13:00Z", 150, MeetingKind.REGULAR),
        ("2027-06-10T15:00:00", "13:00Z", 150, MeetingKind.REGULAR),
        ("2027-09-09T15:00:00", "13:00Z", 150, MeetingKind.REGULAR),
        # 14 October is an exdate; 21 October is its extra date; winter time from 31 October
        ("2027-10-21T15:00:00", "13:00Z", 150, MeetingKind.REGULAR),
        ("2027-11-11T15:00:00", "14:00Z", 150, MeetingKind.REGULAR),
        ("2027-12-09T15:00:00", "14:00Z", 150, MeetingKind.REGULAR),
        ("2027-12-16T13:30:00", "12:30Z", 210, MeetingKind.EVALUATION),
    ]
    assert result.unplaced == []


def test_the_example_plan_spreads_themes_and_interest_rounds_exactly():
    plan, template = example()
    result = plan_year(plan, 2027, BOARD, template)
    months = {
        theme: [x.starts_at.month for x in result.meetings if theme in x.themes()]
        for theme in BOARD.themes
    }
    assert months == {
        "Acute zorg": [3, 4, 9, 11],  # preferred March and September first
        "Ouderen langer thuis": [2, 5, 9, 12],
        "Mentale gezondheid": [2, 6, 12],
        "Preventie en gezondheidsvaardigheden": [2, 5, 10],  # never in December
        "Arbeidsmarkt en digitale zorg": [1, 3, 11, 12],
        "Wonen, welzijn en zorg": [4, 10, 11],  # preferred April and October
    }
    turns = {x.starts_at.strftime("%m-%d"): x.perspectives() for x in result.meetings}
    assert turns == {
        "01-14": ["Ziekenhuizen"],
        "02-11": ["Huisartsen"],
        "03-11": [],
        "04-08": ["GGZ", "Gemeenten"],
        "05-13": ["Ouderenzorg (VVT)"],
        "06-10": ["Ziekenhuizen", "Zorgverzekeraar"],
        "09-09": [],
        "10-21": ["GGD"],
        "11-11": ["Gemeenten"],
        "12-09": ["Sociaal domein en welzijn"],
        "12-16": ["Burgers en patiënten"],
    }
    assert result.theme_counts() == result.theme_targets
    assert result.interest_counts() == result.interest_targets
    evaluations = [
        x.starts_at.strftime("%m-%d") for x in result.meetings if x.has(ItemKind.EVALUATION)
    ]
    assert evaluations == ["06-10", "12-16"]
    fixed = [
        (x.starts_at.month, i.title)
        for x in result.meetings
        for i in x.items
        if i.kind == ItemKind.OTHER and i.source == ItemSource.PLAN
    ]
    assert fixed == [
        (3, "Monitoring regioplan"),
        (5, "Jaarverslag 2026"),
        (9, "Monitoring regioplan"),
        (10, "Begroting 2028"),
    ]


def test_planned_items_go_where_the_template_says_and_never_past_the_length():
    plan, template = example()
    result = plan_year(plan, 2027, BOARD, template)
    march = result.meetings[2]
    assert [i.title for i in march.items] == [
        "Opening en mededelingen",
        "Check-in: hoe zitten we aan tafel?",
        "Verslag vorige vergadering",
        "Actielijst en besluitenlijst",
        "Monitoring regioplan",
        "Acute zorg",
        "Arbeidsmarkt en digitale zorg",
        "Rondvraag",
        "Spelregelcheck",
        "Sluiting",
    ]
    assert [x.free for x in result.meetings] == [60, 5, 20, 20, 15, 20, 20, 5, 0, 0, 120]


def test_what_does_not_fit_is_reported_with_the_reason():
    plan = small(
        themes=[
            {"name": "Acute zorg", "slots": 6, "minutes": 60},
            {"name": "Mentale gezondheid", "slots": 6, "minutes": 60},
        ],
        fixed=[
            {"title": "Begroting", "months": [7], "minutes": 30},
            {"title": "Jaarverslag", "months": [5], "minutes": 150},
        ],
    )
    result = plan_year(plan, 2027, BOARD, EMPTY)
    assert [str(x) for x in result.unplaced] == [
        "Begroting (month 7): no meeting to plan in that month",
        "Jaarverslag (month 5): needs 150 minutes; the meetings of that month have 120 free",
    ]
    assert all(x.free == 0 for x in result.meetings)  # 2 × 60 in each of the 6 meetings

    crowded = small(
        themes=[
            {"name": "Acute zorg", "slots": 6, "minutes": 90},
            {"name": "Mentale gezondheid", "slots": 2, "minutes": 60},
        ]
    )
    result = plan_year(crowded, 2027, BOARD, EMPTY)
    assert [str(x) for x in result.unplaced] == [
        "Mentale gezondheid (1 of 2): no meeting left with 60 minutes free",
        "Mentale gezondheid (2 of 2): no meeting left with 60 minutes free",
    ]


def test_locked_meetings_keep_their_items_and_count_towards_the_targets():
    held = PlannedMeeting(
        dt.datetime(2027, 1, 7, 10, 0),
        120,
        "",
        MeetingKind.REGULAR,
        [
            PlannedItem(
                ItemKind.THEME, "Acute zorg", Purpose.OPINION, 30, ItemSource.MANUAL, "Acute zorg"
            )
        ],
        locked=True,
    )
    plan = small(themes=[{"name": "Acute zorg", "slots": 3}])
    result = plan_year(plan, 2027, BOARD, EMPTY, locked=[held])
    assert result.meetings[0] is held and len(held.items) == 1
    assert result.theme_counts()["Acute zorg"] == 3
    assert sum(1 for x in result.meetings[1:] if "Acute zorg" in x.themes()) == 2


def test_kept_items_take_their_time_on_a_planned_meeting():
    request = PlannedItem(ItemKind.OTHER, "Verzoek", Purpose.DECIDING, 100, ItemSource.REQUEST)
    plan = small(themes=[{"name": "Acute zorg", "slots": 6, "minutes": 30}])
    result = plan_year(plan, 2027, BOARD, EMPTY, kept={dt.date(2027, 1, 7): [request]})
    january = result.meetings[0]
    assert request in january.items and january.themes() == []
    assert [str(x) for x in result.unplaced] == [
        "Acute zorg (6 of 6): no meeting left with 30 minutes free"
    ]


@pytest.mark.parametrize(
    ("changes", "where", "message"),
    [
        (
            {"series": {"rrule": "FREQ=SOMETIMES", "start": "10:00"}},
            "series.rrule",
            "not a valid RRULE 'FREQ=SOMETIMES': invalid 'FREQ': SOMETIMES",
        ),
        (
            {"series": {"rrule": "BYDAY=TH", "start": "10:00"}},
            "series.rrule",
            "not a valid RRULE 'BYDAY=TH'",
        ),
        (
            {"series": {"rrule": "FREQ=DAILY", "start": "10:00"}},
            "series.rrule",
            "'FREQ=DAILY' makes 365 meetings in 2027; at most 60",
        ),
        (
            {
                "series": {
                    "rrule": "FREQ=MONTHLY;BYDAY=1TH",
                    "start": "10:00",
                    "exdates": ["2027-07-08"],
                }
            },
            "series.exdates[0]",
            "2027-07-08 is not a date of the series in 2027",
        ),
        (
            {"extra": [{"date": "2027-01-07"}]},
            "extra[0].date",
            "the series has a meeting on 2027-01-07 already",
        ),
        ({"extra": [{"date": "2028-01-07"}]}, "extra[0].date", "2028-01-07 is not in 2027"),
        ({"themes": [{"name": "Sport"}]}, "themes[0].name", "the board has no theme 'Sport'"),
        (
            {"interest_rounds": {"perspectives": {"Apothekers": 2}}},
            "interest_rounds.perspectives",
            "the board has no perspective 'Apothekers'",
        ),
        (
            {"themes": [{"name": "Acute zorg", "slots": 7}]},
            "themes[0].slots",
            "7 slots for 'Acute zorg', but 2027 has 6 meetings to plan",
        ),
        (
            {"themes": [{"name": "Acute zorg", "slots": 5, "not_months": [1, 2]}]},
            "themes[0].slots",
            "5 slots for 'Acute zorg', but 2027 has 4 meetings to plan outside months 1, 2",
        ),
        (
            {"fixed": [{"title": "Begroting", "months": [5], "theme": "Sport"}]},
            "fixed[0].theme",
            "the board has no theme 'Sport'",
        ),
        ({"year": 2028}, "year", "the plan is for 2028, not 2027"),
    ],
)
def test_bad_plans_name_the_field_and_the_value(changes, where, message):
    with pytest.raises(ValidationProblem) as problem:
        plan_year(small(**changes), 2027, BOARD, EMPTY)
    assert problem.value.where == where
    assert problem.value.message.startswith(message)


def test_a_template_longer_than_the_meeting_is_refused():
    template = TemplateFile(items=[{"kind": "opening", "title": "Opening", "minutes": 130}])
    with pytest.raises(ValidationProblem) as problem:
        plan_year(small(), 2027, BOARD, template)
    assert str(problem.value) == (
        "template: the standard items take 130 minutes, more than the 120 of the meeting of"
        " 2027-01-07"
    )


def test_plan_dates_are_the_series_and_extra_dates():
    plan = small(extra=[{"date": "2027-09-16", "start": "14:00"}])
    assert [d.isoformat() for d in plan_dates(plan, 2027)] == [
        "2027-01-07T10:00:00",
        "2027-02-04T10:00:00",
        "2027-03-04T10:00:00",
        "2027-04-01T10:00:00",
        "2027-05-06T10:00:00",
        "2027-06-03T10:00:00",
        "2027-09-16T14:00:00",
    ]


# -- properties ------------------------------------------------------------------------------

theme_names = list(BOARD.themes)
months = st.lists(st.integers(1, 12), max_size=4, unique=True)


@st.composite
def plans(draw: st.DrawFn) -> PlanFile:
    bymonth = draw(st.lists(st.integers(1, 12), min_size=4, max_size=12, unique=True))
    themes = [
        {
            "name": name,
            "slots": draw(st.integers(0, 3)),
            "months": draw(months),
            "not_months": draw(months),
            "minutes": draw(st.sampled_from([15, 20, 30, 45, 60])),
        }
        for name in draw(st.lists(st.sampled_from(theme_names), unique=True, max_size=6))
    ]
    return PlanFile.model_validate(
        {
            "series": {
                "rrule": f"FREQ=MONTHLY;BYDAY=2TH;BYMONTH={','.join(map(str, sorted(bymonth)))}",
                "start": "15:00",
                "duration": draw(st.sampled_from([60, 90, 120, 150])),
            },
            "themes": themes,
            "interest_rounds": {
                "per_year": draw(st.integers(0, 2)),
                "minutes": draw(st.sampled_from([5, 10, 20])),
            },
            "evaluations": {"count": draw(st.integers(0, 3)), "months": draw(months)},
            "fixed": [{"title": "Begroting", "months": draw(months) or [10], "minutes": 30}],
        }
    )


def plan_or_refusal(plan: PlanFile):
    try:
        return plan_year(plan, 2027, BOARD, EMPTY)
    except ValidationProblem as problem:  # more slots than meetings: refused, not planned
        assert problem.where and problem.where.endswith(".slots")
        return None


@settings(max_examples=150, deadline=None)
@given(plans())
def test_planning_never_overfills_and_never_uses_an_excluded_month(plan):
    result = plan_or_refusal(plan)
    if result is None:
        return
    for meeting in result.meetings:
        assert meeting.free >= 0
        for entry in plan.themes:
            if entry.name in meeting.themes():
                assert meeting.starts_at.month not in entry.not_months
        assert len(set(meeting.themes())) == len(meeting.themes())
        assert len(set(meeting.perspectives())) == len(meeting.perspectives())
    placed = sum(result.theme_counts().values()) + sum(result.interest_counts().values())
    wanted = sum(result.theme_targets.values()) + sum(result.interest_targets.values())
    themes_and_turns_unplaced = [
        u for u in result.unplaced if "month" not in u.what and "Evaluat" not in u.what
    ]
    assert placed + len(themes_and_turns_unplaced) == wanted


@settings(max_examples=60, deadline=None)
@given(plans())
def test_planning_is_deterministic(plan):
    first, second = plan_or_refusal(plan), plan_or_refusal(plan.model_copy(deep=True))
    if first is None:
        assert second is None
        return
    assert second is not None
    assert [(x.starts_at, x.items) for x in first.meetings] == [
        (x.starts_at, x.items) for x in second.meetings
    ]
    assert first.unplaced == second.unplaced
