"""Papers (vergaderstukken) kept in the board: attach one to an agenda item (from a file, or
standard input over SSH), replace it (the old version stays, the item is flagged), list a
meeting's papers, and hand a paper's exact bytes back, checked against its sha256.

The bytes are stored once per content (the same file attached twice is stored once), so they
are shared with every member's laptop, replicated and backed up with the rest of the record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from boardroom.domain import models as m
from boardroom.domain.enums import ItemStatus
from boardroom.domain.errors import Conflict, NotFound, StorageProblem, ValidationProblem
from boardroom.domain.file_size import size_text
from boardroom.domain.numbering import paper_number
from boardroom.domain.permissions import Capability
from boardroom.i18n import _
from boardroom.services.agenda import papers_deadline, require_editable
from boardroom.services.session import Session, one_transaction
from boardroom.storage.paper_store import media_type

#: The largest paper taken in, unless the caller says otherwise.
SIZE_LIMIT = 50 * 1024 * 1024


def too_big(size: int, limit: int) -> ValidationProblem:
    return ValidationProblem(
        _("the file is {size}; papers up to {limit} are taken in").format(
            size=size_text(size), limit=size_text(limit)
        ),
        "file",
    )


@dataclass(frozen=True)
class PaperRow:
    id: int
    item_number: int
    item_title: str
    title: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    sent_at: str | None
    stored: bool
    path: str  # where it was attached from, for a paper attached before papers were stored
    replaced_by: int | None
    late: bool

    @property
    def current(self) -> bool:
        return self.replaced_by is None


def numbered_items(session: Session, meeting_id: int) -> list[tuple[int, m.AgendaItem]]:
    """The agenda's items with their numbers as members read them (deferred ones skipped)."""
    items = [i for i in session.repo.items(meeting_id) if i.status != ItemStatus.DEFERRED]
    return list(enumerate(items, start=1))


def item_by_number(session: Session, meeting: m.Meeting, number: int) -> m.AgendaItem:
    items = numbered_items(session, meeting.id or 0)
    if not items:
        raise Conflict(
            _("the meeting of {day} has no agenda yet").format(day=meeting.starts_at.date())
        )
    for n, item in items:
        if n == number:
            return item
    raise ValidationProblem(
        _("the agenda of {day} has items 1 to {last}; there is no item {n}").format(
            day=meeting.starts_at.date(), last=len(items), n=number
        ),
        "item",
    )


@dataclass(frozen=True)
class Added:
    paper_id: int
    sha256: str
    stored_new: bool  # False: the same content was in the board already (stored once)


def require_attacher(session: Session) -> None:
    """May this user attach papers? (Asked before a paper's file is read.)"""
    session.require(Capability.BUILD_AGENDA, _("attach papers"))


@one_transaction
def add_paper(
    session: Session,
    meeting: m.Meeting,
    item_number: int,
    title: str,
    content: bytes,
    file_name: str,
    *,
    replaces_id: int | None = None,
    limit: int = SIZE_LIMIT,
) -> Added:
    """Attach a paper's bytes to an item of the meeting's agenda. With `replaces_id`, the new
    paper replaces that one (which stays in the record, marked replaced)."""
    require_attacher(session)
    require_editable(meeting)
    item = item_by_number(session, meeting, item_number)
    if not content:
        raise ValidationProblem(_("the file is empty"), "file")
    if len(content) > limit:
        raise too_big(len(content), limit)
    old = None
    if replaces_id is not None:
        old = session.repo.model(m.Paper, replaces_id)
        if old.agenda_item_id != item.id:
            raise ValidationProblem(
                _("paper {id} belongs to another item").format(id=replaces_id), "replaces"
            )
        if old.replaced_by_id is not None:
            raise Conflict(
                _("paper {id} was replaced already by paper {by}").format(
                    id=replaces_id, by=old.replaced_by_id
                )
            )
    now = session.now().astimezone(dt.UTC).isoformat(timespec="seconds")
    name = file_name.strip() or "paper"
    with session.database.transaction():
        digest, new = session.repo.store_paper_content(content, now)
        paper_id = session.repo.insert(
            "papers",
            m.Paper(
                agenda_item_id=item.id or 0,
                title=title.strip() or (old.title if old else name.rsplit(".", 1)[0]),
                file_name=name,
                media_type=media_type(name, content[:8]),
                sha256=digest,
                size=len(content),
                added_by_id=session.user.id if session.user else None,
            ),
        )
        if old is not None:
            session.repo.update("papers", replaces_id or 0, {"replaced_by_id": paper_id})
    return Added(paper_id, digest, new)


def meeting_papers(session: Session, meeting: m.Meeting) -> list[PaperRow]:
    """Every paper of the meeting, replaced ones too, in agenda order."""
    session.require(Capability.READ, _("read the papers"))
    board = session.repo.board()
    deadline = papers_deadline(meeting, board.papers_lead_days if board else 7)
    by_item = session.repo.papers_of_meeting(meeting.id or 0)
    today = session.today
    rows = []
    for number, item in numbered_items(session, meeting.id or 0):
        for p in by_item.get(item.id or 0, []):
            sent = dt.datetime.fromisoformat(p["sent_at"]).date() if p["sent_at"] else None
            rows.append(
                PaperRow(
                    p["id"],
                    number,
                    item.title,
                    p["title"],
                    p["file_name"],
                    p["media_type"],
                    p["size"],
                    p["sha256"],
                    p["sent_at"],
                    bool(p["stored"]),
                    p["path"],
                    p["replaced_by_id"],
                    sent > deadline if sent else today > deadline,
                )
            )
    return rows


def paper_bytes(session: Session, paper_id: int) -> tuple[m.Paper, bytes]:
    """A paper and its exact bytes, checked against the sha256 it was attached with."""
    session.require(Capability.READ, _("read the papers"))
    try:
        paper: m.Paper = session.repo.model(m.Paper, paper_id)
    except NotFound:
        raise NotFound(_("no paper {id}").format(id=paper_id)) from None
    content = session.repo.paper_content(paper.sha256)
    if content is None:
        raise NotFound(
            _("paper {id} is not kept in the board (it was attached from {path})").format(
                id=paper_id, path=paper.path or "?"
            )
        )
    if hashlib.sha256(content).hexdigest() != paper.sha256:
        raise StorageProblem(
            _("paper {id}: its stored bytes no longer match its sha256 {sha}").format(
                id=paper_id, sha=paper.sha256[:12]
            )
        )
    return paper, content


#: the papers the bundle binds as they are (PDF) or typesets (text)
TYPESET = ("text/markdown", "text/plain")
#: word-processor papers the bundle turns into PDF where the host has LibreOffice
CONVERTED = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/msword",
    "application/rtf",
)


@dataclass(frozen=True)
class BundlePaper:
    paper: PaperRow
    #: the paper's bytes (checked): a PDF bound as it is, Markdown or plain text to be
    #: typeset, a word-processor file to be turned into PDF; None for another kind of file
    #: (listed only)
    content: bytes | None
    number: str = ""  # its number on the agenda: 4a, 4b

    @property
    def is_pdf(self) -> bool:
        return self.paper.media_type == "application/pdf"


@dataclass(frozen=True)
class Bundle:
    """What the meeting bundle (vergaderbundel) holds: the agenda and, in agenda order, every
    current paper — PDFs with their bytes, the others to be listed with their sha256."""

    view: Any
    papers: list[BundlePaper]
    #: of the meeting's themes, as it stood on the meeting's day (the same bundle twice is the
    #: same bundle)
    werkagenda: list[Any] = field(default_factory=list)
    werkagenda_on: dt.date | None = None


def bundle(session: Session, meeting: m.Meeting) -> Bundle:
    """The bundle's parts; a stored paper whose bytes fail their sha256 stops it (StorageProblem).
    A paper not kept in the board (attached by path before papers were) is listed, not bound."""
    from boardroom.services.agenda import agenda_view

    view = agenda_view(session, meeting.id or 0)
    if not view.lines:
        raise Conflict(
            _("the meeting of {day} has no agenda yet").format(day=meeting.starts_at.date())
        )
    parts = []
    per_item: dict[int, int] = {}
    for row in meeting_papers(session, meeting):
        if not row.current:
            continue
        bound = row.stored and (
            row.media_type == "application/pdf" or row.media_type in (*TYPESET, *CONVERTED)
        )
        content = paper_bytes(session, row.id)[1] if bound else None
        index = per_item.get(row.item_number, 0)
        per_item[row.item_number] = index + 1
        parts.append(BundlePaper(row, content, paper_number(row.item_number, index)))
    from boardroom.services.werkagenda import of_meeting

    day = meeting.starts_at.date()
    return Bundle(view, parts, of_meeting(session, meeting.id or 0, day), day)


def attach_paper(
    session: Session, item_id: int, content: bytes, file_name: str, title: str = ""
) -> int:
    """Attach a file's bytes (read by the face) to an item of the agenda: kept in the board."""
    require_attacher(session)
    item = session.repo.model(m.AgendaItem, item_id)
    meeting = session.repo.model(m.Meeting, item.meeting_id)
    number = next((n for n, x in numbered_items(session, meeting.id or 0) if x.id == item.id), None)
    if number is None:
        raise Conflict(_("a deferred item takes no papers"))
    return add_paper(session, meeting, number, title, content, file_name).paper_id
