import pytest

from boardroom.tui.widgets.timer import timer_state


@pytest.mark.parametrize(
    ("elapsed", "box", "text", "state"),
    [
        (0, 30, "30:00 left", "ok"),
        (26 * 60 + 59, 30, "03:01 left", "ok"),
        (27 * 60, 30, "03:00 left", "warning"),  # a 30-minute box warns in its last tenth
        (8 * 60, 10, "02:00 left", "warning"),  # short boxes warn in their last 2 minutes
        (30 * 60, 30, "00:00 left", "warning"),
        (30 * 60 + 192, 30, "+03:12 over", "over"),
        (100 * 60, 120, "20:00 left", "ok"),
        (108 * 60, 120, "12:00 left", "warning"),
        (10, 0, "+00:10 over", "over"),
    ],
)
def test_time_left_warning_and_overrun(elapsed, box, text, state):
    assert timer_state(elapsed, box) == (text, state)
