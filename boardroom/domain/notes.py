"""Notes typed at a meeting, by more than one person at once.

Everyone who takes notes on an item writes in their own notes (the secretary hers, the
chair his), so two people typing never type over each other, and each sees the other's as
they come. The one case left is one person typing in two places at once (a laptop and a
phone over SSH): their own notes changed elsewhere since this session last saved. Then the
two texts are merged, never one dropped: what this session typed goes in after what the
other session saved, line for line, without repeating a line the other has already.
"""

from __future__ import annotations

from difflib import SequenceMatcher


def merge_notes(base: str, mine: str, theirs: str) -> str:
    """The notes after two sessions of one author both changed `base`: `theirs` was saved
    first, `mine` comes second. Every line of both is kept; where the two changed the same
    place, theirs comes first, then mine."""
    if theirs in (base, mine):
        return mine
    if mine == base:
        return theirs
    base_lines, mine_lines = base.splitlines(), mine.splitlines()
    mine_added: list[str] = []
    for tag, _i1, _i2, j1, j2 in SequenceMatcher(a=base_lines, b=mine_lines).get_opcodes():
        if tag in ("replace", "insert"):
            mine_added.extend(mine_lines[j1:j2])
    theirs_lines = theirs.splitlines()
    missing = [line for line in mine_added if line not in theirs_lines]
    if not missing:
        return theirs
    return "\n".join([*theirs_lines, *missing])
