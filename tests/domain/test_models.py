import datetime as dt

import pytest
from pydantic import ValidationError

from boardroom.domain.models import Board, Member, Role, Theme


def test_member_roles_are_deduplicated_and_never_empty():
    assert Member(name="A", roles=["chair", "chair", "secretary"]).roles == [
        Role.CHAIR,
        Role.SECRETARY,
    ]
    assert Member(name="A", roles=[]).roles == [Role.MEMBER]


@pytest.mark.parametrize(
    ("start", "end", "day", "active"),
    [
        (None, None, dt.date(2026, 1, 1), True),
        (dt.date(2026, 5, 1), None, dt.date(2026, 4, 30), False),
        (dt.date(2026, 5, 1), None, dt.date(2026, 5, 1), True),
        (None, dt.date(2026, 4, 30), dt.date(2026, 4, 30), True),
        (None, dt.date(2026, 4, 30), dt.date(2026, 5, 1), False),
    ],
)
def test_member_active_period(start, end, day, active):
    assert Member(name="A", active_from=start, active_until=end).is_active(day) is active


@pytest.mark.parametrize(
    ("model", "values", "field"),
    [
        (Member, {"name": ""}, "name"),
        (Member, {"name": "A", "email": "not an address"}, "email"),
        (Member, {"name": "A", "vote_weight": -1}, "vote_weight"),
        (Theme, {"name": "T", "preferred_months": [13]}, "preferred_months"),
        (Theme, {"name": "T", "colour": "red"}, "colour"),
        (Board, {"name": "B", "region": "R", "quorum_value": 2.5}, "quorum_value"),
        (Board, {"name": "B", "region": "R", "papers_lead_days": -1}, "papers_lead_days"),
    ],
)
def test_invalid_values_name_their_field(model, values, field):
    with pytest.raises(ValidationError) as caught:
        model(**values)
    assert caught.value.errors()[0]["loc"] == (field,)


def test_theme_months_are_sorted_and_unique():
    assert Theme(name="T", preferred_months=[9, 3, 9]).preferred_months == [3, 9]
