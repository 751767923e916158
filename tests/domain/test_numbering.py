import datetime as dt

import pytest

from boardroom.domain.numbering import (
    action_number,
    decision_number,
    meeting_number,
    next_sequence,
)

YEAR = [dt.datetime(2026, month, 12, 15) for month in (1, 2, 3, 9, 10)]


@pytest.mark.parametrize(
    ("starts_at", "expected"),
    [(YEAR[0], 1), (YEAR[2], 3), (YEAR[3], 4), (YEAR[4], 5)],
)
def test_meeting_number_counts_the_years_meetings_in_date_order(starts_at, expected):
    shuffled = [YEAR[3], YEAR[0], YEAR[4], YEAR[2], YEAR[1], dt.datetime(2025, 12, 11, 15)]
    assert meeting_number(starts_at, shuffled) == expected


def test_meeting_number_of_an_unknown_meeting_is_an_error():
    with pytest.raises(ValueError):
        meeting_number(dt.datetime(2026, 4, 1, 15), YEAR)


@pytest.mark.parametrize(
    ("maker", "args", "expected"),
    [
        (decision_number, (2026, 3, 2), "B2026-03-02"),
        (decision_number, (2027, 11, 1), "B2027-11-01"),
        (action_number, (2026, 1, 12), "A2026-01-12"),
        (action_number, (2026, 1, 123), "A2026-01-123"),
    ],
)
def test_numbers_follow_the_design(maker, args, expected):
    assert maker(*args) == expected


def test_next_sequence_is_one_past_the_highest_ever_given_for_that_meeting():
    given = ["B2026-03-01", "B2026-03-04", "B2026-04-09", "A2026-03-07", "B2025-03-08"]
    assert next_sequence(given, "B", 2026, 3) == 5
    assert next_sequence(given, "A", 2026, 3) == 8
    assert next_sequence(given, "B", 2026, 5) == 1
