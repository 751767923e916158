"""The werkagenda's status rules at their edges."""

import datetime as dt

import pytest

from boardroom.domain.enums import Frequency, KpiStatus
from boardroom.domain.werkagenda import Figure, Target, sparkline, standing

D = dt.date
#: waiting time for a mental-health intake: 14 weeks at 1 Jan 2026, 8 weeks by 1 Jan 2027
#: (lower is better); the path loses 1.5 weeks a quarter.
WAIT = Target(14.0, D(2026, 1, 1), 8.0, D(2027, 1, 1), Frequency.QUARTERLY)
#: share of over-75s living independently: 88 % → 92 % (higher is better)
HOME = Target(88.0, D(2026, 1, 1), 92.0, D(2027, 1, 1), Frequency.QUARTERLY)


def test_the_path_runs_straight_from_baseline_to_target():
    assert WAIT.path_at(D(2025, 6, 1)) == 14.0
    assert WAIT.path_at(D(2026, 7, 2)) == pytest.approx(14.0 - 6.0 * 182 / 365)
    assert WAIT.path_at(D(2027, 6, 1)) == 8.0
    assert not WAIT.higher_is_better and HOME.higher_is_better


def test_measuring_moments_follow_the_frequency_and_stop_at_the_target_date():
    assert WAIT.moments(D(2026, 10, 1)) == [D(2026, 4, 1), D(2026, 7, 1), D(2026, 10, 1)]
    assert WAIT.moments(D(2026, 3, 31)) == []
    assert WAIT.moments(D(2030, 1, 1))[-1] == D(2027, 1, 1)
    yearly = Target(0, D(2026, 1, 31), 10, D(2028, 1, 31), Frequency.MONTHLY)
    assert yearly.moments(D(2026, 4, 30)) == [D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)]


@pytest.mark.parametrize(
    ("figures", "on", "status"),
    [
        # no figure yet, and no moment passed: nothing to go on
        ([], D(2026, 3, 1), KpiStatus.NO_DATA),
        # exactly on the path at the first moment (12.5 weeks at 1 Apr): on track
        ([(D(2026, 4, 1), 14.0 - 6.0 * 90 / 365)], D(2026, 4, 2), KpiStatus.ON_TRACK),
        # a hair above the path (lower is better): behind
        ([(D(2026, 4, 1), 14.0 - 6.0 * 90 / 365 + 0.01)], D(2026, 4, 2), KpiStatus.BEHIND),
        # the target met early: achieved
        ([(D(2026, 4, 1), 8.0)], D(2026, 4, 2), KpiStatus.ACHIEVED),
        # the moment of 1 July passed without a figure about April–June: no data
        ([(D(2026, 4, 1), 12.0)], D(2026, 7, 1), KpiStatus.NO_DATA),
        # … and a figure dated 1 July (the day the period closes) counts for it
        ([(D(2026, 4, 1), 12.0), (D(2026, 7, 1), 11.0)], D(2026, 7, 1), KpiStatus.ON_TRACK),
        # below the path, two moves away from the target: at risk
        (
            [(D(2026, 4, 1), 13.0), (D(2026, 7, 1), 13.5), (D(2026, 10, 1), 14.5)],
            D(2026, 10, 5),
            KpiStatus.AT_RISK,
        ),
        # below the path, but the last move was towards the target: behind
        (
            [(D(2026, 4, 1), 13.0), (D(2026, 7, 1), 14.5), (D(2026, 10, 1), 13.5)],
            D(2026, 10, 5),
            KpiStatus.BEHIND,
        ),
        # only one move away (two figures): behind, not yet at risk
        ([(D(2026, 4, 1), 13.0), (D(2026, 7, 1), 13.5)], D(2026, 7, 5), KpiStatus.BEHIND),
    ],
)
def test_status_of_a_lower_is_better_kpi(figures, on, status):
    assert standing(WAIT, [Figure(d, v) for d, v in figures], on).status is status


def test_status_of_a_higher_is_better_kpi_and_a_later_figure_does_not_change_an_earlier_date():
    figures = [Figure(D(2026, 4, 1), 89.2), Figure(D(2026, 7, 1), 89.0)]
    at_april = standing(HOME, figures, D(2026, 4, 15))
    assert at_april.status is KpiStatus.ON_TRACK  # 89.2 ≥ 88.99 on the path
    assert at_april.latest == Figure(D(2026, 4, 1), 89.2)
    assert standing(HOME, figures, D(2026, 7, 15)).status is KpiStatus.BEHIND  # path 90.0
    assert standing(HOME, [*figures, Figure(D(2026, 10, 1), 92.5)], D(2026, 7, 15)).status is (
        KpiStatus.BEHIND
    )
    missed = standing(HOME, figures, D(2026, 10, 1))
    assert (missed.status, missed.missed) == (KpiStatus.NO_DATA, D(2026, 10, 1))


def test_sparkline_scales_the_shown_values():
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█"
    assert sparkline([5, 5, 5]) == "▄▄▄"
    assert sparkline([]) == ""
    assert sparkline(range(20), width=4) == "▁▃▆█"


@pytest.mark.parametrize("frequency", list(Frequency))
def test_the_last_period_is_the_one_the_list_of_moments_ends_with(frequency):
    target = Target(0, D(2025, 1, 31), 10, D(2030, 1, 31), frequency)
    for days in range(0, 6 * 365, 11):
        until = D(2025, 1, 1) + dt.timedelta(days=days)
        moments = [target.baseline_on, *target.moments(until)]
        expected = (moments[-2], moments[-1]) if len(moments) > 1 else None
        assert target.last_period(until) == expected, until


def test_the_path_is_compared_and_shown_at_the_precision_of_the_figures():
    """Whole numbers against a path of 60.99 (lower is better): a figure of 61 is on it and
    the path says 61, as the table shows it; where the figures are given in hundredths, the
    same figure is behind a path of 60.99."""
    spoed = Target(62.0, D(2025, 10, 1), 30.0, D(2027, 10, 1), Frequency.QUARTERLY)
    on = D(2025, 10, 24)
    assert 60.98 < spoed.path_at(on) < 60.995
    whole = standing(spoed, [Figure(D(2025, 10, 10), 62.0), Figure(on, 61.0)], on)
    assert (whole.status, whole.path) == (KpiStatus.ON_TRACK, 61.0)
    fine = standing(spoed, [Figure(D(2025, 10, 10), 61.25), Figure(on, 61.0)], on)
    assert (fine.status, fine.path) == (KpiStatus.BEHIND, 60.99)
