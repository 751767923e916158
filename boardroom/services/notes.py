"""Taking notes at a meeting: everyone who records (the secretary, the chair) keeps their own
notes on an item, saved as they type, and sees the others' live beside them.

Two people typing at once never type over each other: each writes in their own notes. One
person typing in two sessions at once (a laptop and a second terminal) is merged, never
dropped (domain.notes). The minutes show each author's notes under the item; an item's
notes from before notes had an author stay as they were, shown first.
"""

from __future__ import annotations

from dataclasses import dataclass

from boardroom.domain import models as m
from boardroom.domain.enums import MeetingStatus
from boardroom.domain.errors import Conflict, PermissionDenied
from boardroom.domain.notes import merge_notes
from boardroom.domain.permissions import Capability
from boardroom.i18n import _
from boardroom.services.session import Session, one_transaction


@dataclass(frozen=True)
class AuthorNotes:
    """One author's notes on an item, and the version this session saw of them."""

    author_id: int
    author: str
    text: str
    version: int  # 0: not written yet


@dataclass(frozen=True)
class ItemNotes:
    earlier: str  # the item's notes from before notes had authors
    authors: tuple[AuthorNotes, ...]

    def of(self, member_id: int | None) -> AuthorNotes | None:
        return next((a for a in self.authors if a.author_id == member_id), None)

    def others(self, member_id: int | None) -> list[AuthorNotes]:
        return [a for a in self.authors if a.author_id != member_id and a.text.strip()]


@dataclass(frozen=True)
class Saved:
    """What is stored after a save: the text (merged when another session of the same author
    saved in between) and its version, to save the next keystroke against."""

    text: str
    version: int
    merged: bool


def require_notetaker(session: Session) -> None:
    """May this user take notes? (Asked before the notes take the keys.)"""
    session.require(Capability.RECORD, _("take notes"))
    if session.user is None:
        raise PermissionDenied(_("notes are taken by a member: start with --as NAME"))


def notes_on(session: Session, item_ids: list[int]) -> dict[int, ItemNotes]:
    """Every author's notes on these items (one read), keyed by item."""
    session.require(Capability.READ, _("read the notes"))
    repo = session.repo
    earlier = {item.id or 0: item.notes for item in repo.items_by_id(item_ids)}
    by_item: dict[int, list[AuthorNotes]] = {item_id: [] for item_id in item_ids}
    for row in repo.item_notes(item_ids):
        by_item[row["agenda_item_id"]].append(
            AuthorNotes(row["author_id"], row["author"], row["text"], row["version"])
        )
    return {
        item_id: ItemNotes(earlier.get(item_id, ""), tuple(authors))
        for item_id, authors in by_item.items()
    }


@one_transaction
def save_notes(session: Session, item_id: int, text: str, *, seen: int, base: str) -> Saved:
    """The current user's own notes on an item, saved on every change. `seen` and `base`: the
    version and the text of their notes as this session last loaded or saved them; when
    another session of theirs saved in between, the two texts are merged."""
    require_notetaker(session)
    assert session.user is not None
    repo = session.repo
    item = repo.model(m.AgendaItem, item_id)
    meeting = repo.model(m.Meeting, item.meeting_id)
    if meeting.status == MeetingStatus.MINUTES_APPROVED:
        raise Conflict(_("the minutes of this meeting are approved; record an amendment"))
    row = repo.item_note_of(item_id, session.user.id)
    merged = False
    if row is None:
        if seen != 0 and base.strip():  # theirs was removed meanwhile: keep what was typed
            merged = True
        note_id = repo.insert(
            "item_notes", {"agenda_item_id": item_id, "author_id": session.user.id, "text": text}
        )
    else:
        note_id = row["id"]
        if repo.version("item_notes", note_id) != seen:
            merged_text = merge_notes(base, text, row["text"])
            merged = merged_text != text
            text = merged_text
        repo.update("item_notes", note_id, {"text": text})
    return Saved(text, repo.version("item_notes", note_id), merged)


def write_notes(session: Session, item_id: int, text: str) -> Saved:
    """Set the current user's notes on an item to a whole text (a script's, not typing)."""
    require_notetaker(session)
    assert session.user is not None
    mine = notes_on(session, [item_id])[item_id].of(session.user.id)
    seen, base = (mine.version, mine.text) if mine else (0, "")
    return save_notes(session, item_id, text, seen=seen, base=base)
