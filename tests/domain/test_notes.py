"""One author typing notes in two sessions at once: both texts kept, theirs first."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardroom.domain.notes import merge_notes


@pytest.mark.parametrize(
    ("base", "mine", "theirs", "merged"),
    [
        ("a", "a\nb", "a", "a\nb"),  # only I typed: mine
        ("a", "a", "a\nc", "a\nc"),  # only they typed: theirs
        ("a", "a\nb", "a\nc", "a\nc\nb"),  # both added: theirs, then mine
        ("a\nb", "a\nB", "a\nb\nc", "a\nb\nc\nB"),  # I changed a line they kept: both kept
        ("", "besluit genomen", "actie voor Henk", "actie voor Henk\nbesluit genomen"),
        ("a", "a\nb", "a\nb", "a\nb"),  # the same typed twice: once
    ],
)
def test_two_sessions_of_one_author_are_merged(base, mine, theirs, merged):
    assert merge_notes(base, mine, theirs) == merged


lines = st.lists(st.text(alphabet="abc xyz", min_size=1, max_size=6), max_size=5)


@given(lines, lines, lines)
def test_no_line_typed_in_either_session_is_lost(base, mine, theirs):
    merged = merge_notes("\n".join(base), "\n".join(mine), "\n".join(theirs)).splitlines()
    added_by_me = [line for line in mine if line not in base]
    added_by_them = [line for line in theirs if line not in base]
    assert all(line in merged for line in added_by_them)
    assert all(line in merged for line in added_by_me)
