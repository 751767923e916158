import datetime as dt

import pytest

from boardroom.domain.dates import parse_due
from boardroom.domain.errors import ValidationProblem

TODAY = dt.date(2026, 12, 10)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("+2w", dt.date(2026, 12, 24)),
        ("+10d", dt.date(2026, 12, 20)),
        ("+1m", dt.date(2027, 1, 10)),
        ("+ 3 W", dt.date(2026, 12, 31)),
        ("2027-02-01", dt.date(2027, 2, 1)),
        ("15-1-2027", dt.date(2027, 1, 15)),
        ("20/12", dt.date(2026, 12, 20)),
        ("5/1", dt.date(2027, 1, 5)),  # a day and month already past this year: next year
        ("2026-12-10", TODAY),
    ],
)
def test_due_dates_as_people_type_them(text, due):
    assert parse_due(text, TODAY) == due


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "a due date is required"),
        ("next week", "not a date: 'next week'"),
        ("31-2-2027", "not a date: '31-2-2027'"),
        ("2026-12-01", f"due date 2026-12-01 is before {TODAY.isoformat()}"),
    ],
)
def test_bad_due_dates_say_why(text, message):
    with pytest.raises(ValidationProblem, match=message):
        parse_due(text, TODAY)
