"""The document model as PDF (ReportLab): A4, fonts embedded (Bitstream Vera, shipped with
ReportLab), a running header, "page X of Y" in the footer, headings as bookmarks, tables whose
columns are as wide as their content needs (no word broken) with the header row repeated on
every page. No office suite and no browser are involved."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from boardroom.exports.chart import drawing
from boardroom.exports.document import Block, Bullets, Chart, Document, Heading, Paragraph, Table
from boardroom.exports.layout import FONT, column_widths, fonts, measure
from boardroom.i18n import _

MARGIN_MM = 20


@cache
def _styles() -> dict[str | int, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    font = fonts()
    body = ParagraphStyle(
        "body", fontName=font, bulletFontName=font, fontSize=10, leading=13.5, spaceAfter=5
    )
    accent = HexColor("#333355")
    styles: dict[str | int, Any] = {
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        "head": ParagraphStyle(
            "head", parent=body, fontName=f"{font}-Bold", fontSize=9, leading=11.5, spaceAfter=0
        ),
    }
    # heading level → size, leading, space before, space after
    for level, (size, leading, before, after) in {
        1: (17, 21, 0, 10),
        2: (13, 17, 10, 5),
        3: (11, 14, 8, 4),
        4: (10, 13, 6, 3),
    }.items():
        styles[level] = ParagraphStyle(
            f"h{level}",
            parent=body,
            fontName=f"{font}-Bold",
            fontSize=size,
            leading=leading,
            spaceBefore=before,
            spaceAfter=after,
            textColor=accent if level <= 2 else body.textColor,
            keepWithNext=level > 1,
        )
    return styles


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _flowables(blocks: list[Block], width: float) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import ListFlowable, ListItem, PageBreak, Spacer, TableStyle
    from reportlab.platypus import Paragraph as P
    from reportlab.platypus import Table as T

    styles = _styles()
    out: list[Any] = []
    for block in blocks:
        if isinstance(block, Heading):
            if block.appendix:
                out.append(PageBreak())
            heading = P(_text(block.text), styles[min(block.level, 4)])
            heading.outline_level = block.level  # type: ignore[attr-defined]
            out.append(heading)
        elif isinstance(block, Paragraph):
            label = f"<b>{_text(block.label)}</b> " if block.label else ""
            out.append(P(label + _text(block.text), styles["body"]))
        elif isinstance(block, Chart):
            out.append(drawing(block))
        elif isinstance(block, Bullets):
            out.append(
                ListFlowable(
                    [ListItem(P(_text(i), styles["body"]), leftIndent=12) for i in block.items],
                    bulletType="bullet",
                    start="•",
                    leftIndent=12,
                    bulletFontName=FONT,
                )
            )
        else:
            rows = [[P(_text(h), styles["head"]) for h in block.headers]]
            rows += [[P(_text(str(c)), styles["cell"]) for c in row] for row in block.rows]
            table = T(rows, colWidths=column_widths(block, width), repeatRows=1, hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), FONT),
                        ("GRID", (0, 0), (-1, -1), 0.4, HexColor("#999999")),
                        ("BACKGROUND", (0, 0), (-1, 0), HexColor("#e6e6f2")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 4),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ]
                )
            )
            out += [table, Spacer(1, 6)]
    return out


def _page_decoration(  # type: ignore[no-untyped-def]
    header: str, footer: str, total: int | None, watermark: str = ""
):
    """Draws the running header and "page X of Y" on each page (Y known from a first pass),
    and a watermark across it ("CONCEPT") while the document is not final."""
    from reportlab.lib.units import mm

    def decorate(canvas: Any, template: Any) -> None:
        width, height = template.pagesize
        if watermark:
            canvas.saveState()
            canvas.setFont(FONT, 96)
            canvas.setFillGray(0.88)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -32, watermark)
            canvas.restoreState()
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillGray(0.35)
        if header:
            canvas.drawString(MARGIN_MM * mm, height - 12 * mm, header)
        if total is not None:
            page = _("page {n} of {total}").format(n=canvas.getPageNumber(), total=total)
            canvas.drawRightString(width - MARGIN_MM * mm, 10 * mm, page)
        if footer:
            canvas.drawString(MARGIN_MM * mm, 10 * mm, footer)
        canvas.restoreState()

    return decorate


def to_pdf(
    doc: Document,
    path: Path | BinaryIO | None = None,
    *,
    author: str = "",
    numbered: bool = True,
    lead: list[Block] | None = None,
) -> bytes:
    """Render the document; write it to `path` (a file or a stream) when given, and return
    the bytes. `lead`: blocks on a page of their own before the document (a cover)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    fonts()
    buffer = io.BytesIO()
    widest = max((sum(measure(b)[0]) for b in doc.blocks if isinstance(b, Table)), default=0)
    page = A4 if widest <= A4[0] - 2 * MARGIN_MM * mm else landscape(A4)  # a wide list: across

    class Template(SimpleDocTemplate):
        depth = -1  # the last bookmark's level: a level may go one deeper at a time
        top = 1  # the heading level of the outline's first level (a paper may start at 2)

        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 (ReportLab's name)
            level = getattr(flowable, "outline_level", None)
            if level is None or level > 4:
                return
            if self.depth < 0:
                self.top = level
            depth = max(0, min(level - self.top, self.depth + 1))
            self.depth = depth
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=depth, closed=depth > 0)

    template = Template(
        buffer,
        pagesize=page,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=doc.title,
        author=author or doc.author,
        creator="boardroom",
        lang=None,
        initialFontName=FONT,  # no page falls back on an unembedded Helvetica
    )
    width = page[0] - 2 * MARGIN_MM * mm

    def story() -> list[Any]:
        flowables = []
        if lead:
            flowables += [*_flowables(lead, width), PageBreak()]
        return flowables + _flowables(doc.blocks, width)

    total = None
    if numbered:  # a first pass counts the pages, so every page can say "of Y"
        counting = Template(io.BytesIO(), pagesize=page, topMargin=22 * mm, bottomMargin=20 * mm,
                            leftMargin=MARGIN_MM * mm, rightMargin=MARGIN_MM * mm)  # fmt: skip
        counting.build(story())
        total = counting.page
    decorate = _page_decoration(doc.header, doc.footer, total, doc.watermark)
    template.build(story(), onFirstPage=decorate, onLaterPages=decorate)
    return deliver(buffer.getvalue(), path)


def deliver(data: bytes, path: Path | BinaryIO | None) -> bytes:
    """Write a made PDF to a file or a stream when one is given; return its bytes."""
    if isinstance(path, Path):
        path.write_bytes(data)
    elif path is not None:
        path.write(data)
    return data
