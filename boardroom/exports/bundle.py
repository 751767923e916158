"""The meeting bundle (vergaderbundel): one portrait PDF with a cover, the agenda members
receive, the werkagenda as it stood on the meeting's day, the list of papers with their sha256,
and then every paper behind its item — PDFs as they are, Markdown and plain text typeset —
each first page stamped with its number and item ("Paper 4a to item 4"), bookmarks for every
front section, item and paper (a paper's own bookmarks nested under it), page numbers across
the whole bundle. Another kind of file (a Word document) is listed, saying it is sent
separately.

Made in the board's house style by the engine of every PDF (WeasyPrint: the cover, agenda and
typeset papers), markdown-it (reading Markdown), ReportLab (the stamps) and pypdf (joining
the papers, bookmarks, and stamping every page); no office suite, no browser.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from boardroom.domain.file_size import size_text
from boardroom.domain.style import HouseStyle
from boardroom.exports.agenda import agenda_document
from boardroom.exports.archival import ENGINE_TURN, deliver, laid_out, render_pdf, written
from boardroom.exports.document import Block, Bullets, Document, Heading, Paragraph, Table
from boardroom.exports.office import office, office_pdfs
from boardroom.i18n import _, current_language, format_date
from boardroom.services.papers import CONVERTED, Bundle, BundlePaper


@dataclass(frozen=True)
class Placed:
    """Where a PDF paper starts in the bundle (0-based page) and how many pages it has."""

    start: int
    pages: int


def _front(
    bundle: Bundle, starts: dict[int, int] | None, left_out: dict[int, str] | None = None
) -> Document:
    """Cover and agenda; `starts`: each PDF paper's first page (1-based), once known;
    `left_out`: papers not bound, and why (a damaged PDF, a Word file not turned into one)."""
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
            Heading(2, _("Work agenda")),
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
            elif left_out and paper.id in left_out:
                note = left_out[paper.id]
            elif part.content is None:
                note = _("not in the bundle ({kind} file): sent separately").format(
                    kind=_kind(paper.file_name)
                )
            elif starts and paper.id in starts:
                where = str(starts[paper.id])
            text = f"{paper.title}\n{paper.file_name} · {size_text(paper.size)}"
            text += f"\nsha256 {_grouped(paper.sha256)}" + (f"\n{note}" if note else "")
            rows.append([part.number, text, where])
        doc.blocks += [
            Heading(2, _("Papers in this bundle")),
            Table([_("No."), _("Paper"), _("Page")], rows),
        ]
    return doc


def _kind(file_name: str) -> str:
    """A file's kind as people name it: DOCX, ODT."""
    return file_name.rsplit(".", 1)[-1].upper() if "." in file_name else ""


def _grouped(sha256: str) -> str:
    """A sha256 in four groups of sixteen: it wraps at fixed places, never widens a page."""
    return " ".join(sha256[k : k + 16] for k in range(0, len(sha256), 16))


def _typeset(part: BundlePaper, style: HouseStyle) -> bytes:
    """A Markdown or plain-text paper as PDF pages of the bundle's look."""
    text = (part.content or b"").decode("utf-8", errors="replace")
    doc = Document(part.paper.title, style=style)
    if part.paper.media_type == "text/markdown":
        doc.blocks = _markdown_blocks(text)
    else:
        doc.blocks = [Paragraph(chunk.strip()) for chunk in text.split("\n\n") if chunk.strip()]
    return render_pdf(doc, current_language(), None, numbered=False)


def _markdown_blocks(text: str) -> list[Block]:
    """Markdown's headings, paragraphs, lists and code as the document's blocks."""
    from markdown_it import MarkdownIt

    blocks: list[Block] = []
    items: list[str] | None = None  # the list being read
    depth = 0
    level = 0
    for token in MarkdownIt("commonmark").parse(text):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            items = [] if items is None else items
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0 and items is not None:
                blocks.append(Bullets(items))
                items = None
        elif token.type == "heading_open":
            level = int(token.tag[1:])
        elif token.type == "inline":
            content = _plain(token)
            if level:
                blocks.append(Heading(min(level + 1, 4), content))
                level = 0
            elif items is not None:
                items.append(("– " * (depth - 1)) + content)
            else:
                blocks.append(Paragraph(content))
        elif token.type in ("fence", "code_block"):
            blocks.append(Paragraph(token.content.rstrip("\n")))
    return blocks


def _plain(token: Any) -> str:
    """An inline token's text without its markup (emphasis, links, code marks)."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" " if child.type == "softbreak" else "\n")
    return "".join(parts)


def _stamp(
    pages: list[tuple[float, float]], text: str, firsts: dict[int, str] | None = None
) -> io.BytesIO:
    """One overlay page per bundle page (of its size): "page X of N" at the foot; on a paper's
    first page (`firsts`: page index → words) its number and item at the top right."""
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
        if firsts and (n - 1) in firsts:
            canvas.setFont(f"{font}-Bold", 10)
            canvas.setFillGray(0.1)
            canvas.drawRightString(width - 40, height - 24, firsts[n - 1])
        canvas.showPage()
    canvas.save()
    out.seek(0)
    return out


def bundle_pdf(
    bundle: Bundle,
    path: Path | BinaryIO | None = None,
    *,
    author: str = "",
    style: HouseStyle | None = None,
) -> bytes:
    """Write the bundle in the board's house style; returns its bytes."""
    with ENGINE_TURN:  # the PDF engine's fonts are shared: one document at a time
        return _bundle_pdf(bundle, path, author, style or HouseStyle())


def _bundle_pdf(
    bundle: Bundle, path: Path | BinaryIO | None, author: str, style: HouseStyle
) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError, PdfStreamError

    readers: dict[int, PdfReader] = {}
    left_out: dict[int, str] = {}  # paper → why it is not bound
    converted = office_pdfs(
        {
            part.paper.id: (part.content, part.paper.media_type)
            for part in bundle.papers
            if part.content is not None and part.paper.id and part.paper.media_type in CONVERTED
        }
    )
    for part in bundle.papers:
        paper = part.paper
        if part.content is None or paper.id is None:
            continue
        if paper.media_type in CONVERTED:
            data = converted.get(paper.id)
            if data is None:
                left_out[paper.id] = (
                    (
                        _("not in the bundle ({kind} file; LibreOffice could not turn it into PDF)")
                        if office()
                        else _("not in the bundle ({kind} file; this host has no LibreOffice)")
                    ).format(kind=_kind(paper.file_name))
                    + ": "
                    + _("sent separately")
                )
                continue
        else:
            data = part.content if part.is_pdf else _typeset(part, style)
        try:
            if not data.lstrip()[:5] == b"%PDF-":
                raise ValueError("not a PDF")
            readers[paper.id] = reader = PdfReader(io.BytesIO(data))
            len(reader.pages)  # a damaged file fails here, not halfway through the bundle
        except (PdfReadError, PdfStreamError, ValueError):
            readers.pop(paper.id, None)
            left_out[paper.id] = _("not in the bundle (its PDF cannot be read): sent separately")
    starts: dict[int, int] | None = None
    for _attempt in range(3):  # the paper table's page numbers can move the agenda's length
        front_doc = _front(bundle, starts, left_out)
        front_doc.author, front_doc.style = author, style
        laid = laid_out(front_doc, current_language(), numbered=False)
        placed, page = {}, len(laid.pages)
        for paper_id, reader in readers.items():
            placed[paper_id] = Placed(page, len(reader.pages))
            page += len(reader.pages)
        new_starts = {k: v.start + 1 for k, v in placed.items()}
        if new_starts == starts:
            break
        starts = new_starts
    front = written(laid, None)

    writer = PdfWriter()
    front_reader = PdfReader(io.BytesIO(front))
    writer.append(front_reader, import_outline=False)
    for reader in readers.values():
        writer.append(reader, import_outline=False)  # its own bookmarks: under it, below
    view = bundle.view
    writer.add_outline_item(title=_("Meeting papers"), page_number=0)
    agenda_mark = writer.add_outline_item(title=_("Agenda"), page_number=1)
    headings = _heading_pages(front_reader)
    for line in view.lines:
        title = f"{line.number}. {line.item.title}"
        pdfs = [
            p for p in bundle.papers if p.paper.item_number == line.number and p.paper.id in placed
        ]
        target = placed[pdfs[0].paper.id].start if pdfs else headings.get(title, 1)
        item_mark = writer.add_outline_item(
            title=title, page_number=target, parent=agenda_mark, is_open=False
        )
        for part in pdfs:
            start = placed[part.paper.id].start
            mark = writer.add_outline_item(
                title=f"{part.number}. {part.paper.title}", page_number=start, parent=item_mark
            )
            _nest(writer, readers[part.paper.id], start, mark)
    for section in (_("Work agenda"), _("Papers in this bundle")):
        if section in headings:
            writer.add_outline_item(title=section, page_number=headings[section])
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in writer.pages]
    label = f"{_('Meeting papers')} · {view.board} · {format_date(view.meeting.starts_at)}"
    firsts = {
        placed[part.paper.id].start: _("Paper {number} to item {item}").format(
            number=part.number, item=part.paper.item_number
        )
        for part in bundle.papers
        if part.paper.id in placed
    }
    overlay = PdfReader(_stamp(sizes, label, firsts))
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


def _nest(writer: object, reader: object, start: int, parent: object) -> None:
    """A paper's own bookmarks, under its bookmark in the bundle (pages offset by `start`)."""

    def walk(items: list, under: object) -> None:  # type: ignore[type-arg]
        last = under
        for item in items:
            if isinstance(item, list):
                walk(item, last)
                continue
            page = reader.get_destination_page_number(item)  # type: ignore[attr-defined]
            last = writer.add_outline_item(  # type: ignore[attr-defined]
                title=str(item.title), page_number=start + page, parent=under
            )

    walk(reader.outline, parent)  # type: ignore[attr-defined]


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
