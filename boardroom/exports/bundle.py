"""The meeting bundle (vergaderbundel): one PDF with a cover, the agenda with every paper's
sha256, and then every PDF paper behind its item — bookmarks per item and per paper, page
numbers across the whole bundle. Papers that are not PDF are listed with their name and
sha256 (members fetch them with `boardroom paper get`).

Made with ReportLab (the cover and agenda) and pypdf (joining the papers, bookmarks, and
stamping the page numbers on every page); no office suite, no browser.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from boardroom.domain.file_size import size_text
from boardroom.exports.agenda import agenda_document
from boardroom.exports.document import Block, Document, Heading, Paragraph, Table
from boardroom.i18n import _, format_date
from boardroom.services.papers import Bundle


@dataclass(frozen=True)
class Placed:
    """Where a PDF paper starts in the bundle (0-based page) and how many pages it has."""

    start: int
    pages: int


def _front(bundle: Bundle, starts: dict[int, int] | None) -> Document:
    """Cover and agenda; `starts`: each PDF paper's first page (1-based), once known."""
    view = bundle.view
    meeting = view.meeting
    agenda = agenda_document(view)
    doc = Document(agenda.title, header=agenda.header)
    cover: list[Block] = [
        Heading(1, _("Meeting papers")),
        Paragraph(view.board),
        Paragraph(f"{_('Meeting')} {view.number} · {format_date(meeting.starts_at, time=True)}"),
        Paragraph(meeting.location or "—", _("Where:")),
        Paragraph(
            _(
                "{n} papers; each paper's sha256 is listed after the agenda, so you can check"
                " that you read what was sent."
            ).format(n=len(bundle.papers))
        ),
    ]
    doc.blocks = list(agenda.blocks)
    doc.lead = cover
    if bundle.werkagenda and bundle.werkagenda_on is not None:
        from boardroom.exports.werkagenda import werkagenda_blocks

        doc.blocks += [
            Heading(2, _("Werkagenda")),
            Paragraph(_("as it stood on {date}").format(date=format_date(bundle.werkagenda_on))),
            *werkagenda_blocks(bundle.werkagenda, 3),
        ]
    if bundle.papers:
        rows = []
        for part in bundle.papers:
            paper = part.paper
            note, where = "", "—"
            if not paper.stored:
                note = _("not kept in the board (attached from {path})").format(path=paper.path)
            elif part.content is None:
                note = _("not in the bundle: boardroom paper get --paper {id}").format(id=paper.id)
            elif starts and paper.id in starts:
                where = str(starts[paper.id])
            text = f"{paper.title}\n{paper.file_name} · {size_text(paper.size)}"
            text += f"\nsha256 {paper.sha256}" + (f"\n{note}" if note else "")
            rows.append([str(paper.item_number), text, where])
        doc.blocks += [
            Heading(2, _("Papers in this bundle")),
            Table([_("Item"), _("Paper"), _("Page")], rows),
        ]
    return doc


def _stamp(pages: list[tuple[float, float]], text: str) -> io.BytesIO:
    """One overlay page per bundle page (of its size): "page X of N" at the foot."""
    from reportlab.pdfgen.canvas import Canvas

    from boardroom.exports.layout import fonts

    font = fonts()
    out = io.BytesIO()
    canvas = Canvas(out)
    for n, (width, height) in enumerate(pages, start=1):
        canvas.setPageSize((width, height))
        canvas.setFont(font, 8)
        canvas.setFillGray(0.35)
        canvas.drawString(40, 18, text)
        canvas.drawRightString(
            width - 40, 18, _("page {n} of {total}").format(n=n, total=len(pages))
        )
        canvas.showPage()
    canvas.save()
    out.seek(0)
    return out


def bundle_pdf(bundle: Bundle, path: Path | BinaryIO | None = None, *, author: str = "") -> bytes:
    """Write the bundle; returns its bytes."""
    from pypdf import PdfReader, PdfWriter

    from boardroom.exports.pdf import deliver, to_pdf

    readers = {
        part.paper.id: PdfReader(io.BytesIO(part.content))
        for part in bundle.papers
        if part.content is not None
    }
    starts: dict[int, int] | None = None
    for _attempt in range(3):  # the paper table's page numbers can move the agenda's length
        front_doc = _front(bundle, starts)
        front = to_pdf(front_doc, numbered=False, author=author, lead=front_doc.lead)
        front_pages = len(PdfReader(io.BytesIO(front)).pages)
        placed, page = {}, front_pages
        for paper_id, reader in readers.items():
            placed[paper_id] = Placed(page, len(reader.pages))
            page += len(reader.pages)
        new_starts = {k: v.start + 1 for k, v in placed.items()}
        if new_starts == starts:
            break
        starts = new_starts

    writer = PdfWriter()
    front_reader = PdfReader(io.BytesIO(front))
    writer.append(front_reader, import_outline=False)
    for reader in readers.values():
        writer.append(reader, import_outline=False)
    view = bundle.view
    writer.add_outline_item(title=_("Meeting papers"), page_number=0)
    agenda_mark = writer.add_outline_item(title=_("Agenda"), page_number=1)
    headings = _heading_pages(front_reader)
    for line in view.lines:
        title = f"{line.number}. {line.item.title}"
        pdfs = [p for p in bundle.papers if p.paper.item_number == line.number and p.content]
        target = placed[pdfs[0].paper.id].start if pdfs else headings.get(title, 1)
        item_mark = writer.add_outline_item(
            title=title, page_number=target, parent=agenda_mark, is_open=False
        )
        for part in pdfs:
            writer.add_outline_item(
                title=part.paper.title, page_number=placed[part.paper.id].start, parent=item_mark
            )
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in writer.pages]
    label = f"{_('Meeting papers')} · {view.board} · {format_date(view.meeting.starts_at)}"
    overlay = PdfReader(_stamp(sizes, label))
    for sheet, stamp in zip(writer.pages, overlay.pages, strict=True):
        sheet.merge_page(stamp)
    writer.add_metadata(
        {
            "/Title": f"{_('Meeting papers')} {view.board} — {format_date(view.meeting.starts_at)}",
            "/Author": author,
            "/Creator": "boardroom",
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return deliver(out.getvalue(), path)


def _heading_pages(reader: object) -> dict[str, int]:
    """Each heading of the front matter (its own bookmarks) → its page."""
    found: dict[str, int] = {}

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.setdefault(str(item.title), reader.get_destination_page_number(item))  # type: ignore[attr-defined]

    walk(reader.outline)  # type: ignore[attr-defined]
    return found
