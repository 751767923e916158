"""No silent overwrite (docs/architecture.md §6): a save made over someone else's later change is refused,
saying who changed it and when; nothing of either change is lost."""

from __future__ import annotations

import pytest

from boardroom.domain import models as m
from boardroom.domain.errors import Conflict, StaleEdit
from boardroom.services import agenda, record
from boardroom.services import composition as comp


def test_a_theme_saved_over_a_later_change_is_refused(open_demo):
    els, marianne = open_demo("Els Verhoeven"), open_demo("Marianne van der Velde")
    theme = comp.find_theme(els, "Mentale gezondheid")
    seen = els.version("themes", theme.id)
    comp.save_theme(marianne, {"target_slots": 5}, row_id=theme.id)
    with pytest.raises(StaleEdit) as refused:
        comp.save_theme(els, {"target_slots": 2}, row_id=theme.id, seen=seen)
    assert refused.value.actor == "Marianne van der Velde"
    assert str(refused.value).startswith("changed by Marianne van der Velde at 10:00:00")
    assert comp.find_theme(els, "Mentale gezondheid").target_slots == 5
    # Seen afresh, the same save goes through.
    comp.save_theme(els, {"target_slots": 2}, row_id=theme.id, seen=els.version("themes", theme.id))
    assert comp.find_theme(els, "Mentale gezondheid").target_slots == 2


def test_an_agenda_item_saved_over_a_later_change_is_refused(open_demo):
    els, marianne = open_demo("Els Verhoeven"), open_demo("Marianne van der Velde")
    meeting = els.repo.meeting_at("2026-12-10T15:00")  # agenda draft
    item = els.repo.items(meeting.id)[3]
    form = {"title": item.title, "kind": item.kind, "purpose": item.purpose, "minutes": 25}
    seen = els.version("agenda_items", item.id)
    agenda.edit_item(marianne, item.id, form)
    with pytest.raises(StaleEdit):
        agenda.edit_item(els, item.id, {**form, "title": "Nieuwe titel", "minutes": 40}, seen)
    current = els.repo.model(m.AgendaItem, item.id)
    assert (current.title, current.timebox_minutes) == (item.title, 25)


def test_an_action_closed_twice_says_who_closed_it_first(open_demo):
    els, marianne = open_demo("Els Verhoeven"), open_demo("Marianne van der Velde")
    action = next(a for a in record.actions(els, record.ActionFilter(status="open")))
    record.complete_action(marianne, action["id"])
    with pytest.raises(Conflict) as refused:
        record.cancel_action(els, action["id"], "dubbel")
    assert str(refused.value) == (
        f"action {action['number']} is done already (by Marianne van der Velde at 10:00:00)"
    )
    assert els.repo.model(m.Action, action["id"]).status.value == "done"
