"""The members and perspectives a session reads at every commit of anyone are read once per
change of the board: another session's commit, this session's own write, and a write rolled
back are each seen at the next read — never a list from before."""

from __future__ import annotations

import pytest

from boardroom.services import composition


def names(session) -> list[str]:
    return [x.name for x in session.repo.members()]


def test_the_members_read_again_after_any_change(open_demo):
    mine, other = open_demo("Els Verhoeven"), open_demo("Els Verhoeven")
    before = names(mine)
    assert names(mine) == before  # nothing changed: the same list
    composition.save_member(other, {"name": "Anna de Wit", "organisation": "GGD"})
    assert names(mine) == [*before, "Anna de Wit"]  # another session's commit
    composition.save_member(mine, {"name": "Bert Kok", "organisation": "GGD"})
    assert names(mine)[-1] == "Bert Kok"  # its own write
    with pytest.raises(RuntimeError), mine.database.transaction():
        mine.repo.insert("members", {"name": "Cor Smit", "organisation": "", "roles": "[]"})
        assert "Cor Smit" in names(mine)  # inside the transaction: as it is there
        raise RuntimeError("undone")
    assert "Cor Smit" not in names(mine)  # rolled back: not kept from inside it
    perspective = mine.repo.perspectives()[0]
    mine.repo.update("perspectives", perspective.id, {"name": "Ziekenhuiszorg"})
    assert mine.repo.perspectives()[0].name == "Ziekenhuiszorg"
