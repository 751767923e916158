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

from boardroom.exports.document import (
    CHART_SIZE,
    PAD,
    Block,
    Bullets,
    Chart,
    Document,
    Heading,
    Paragraph,
    Table,
    chart_geometry,
)
from boardroom.i18n import _

FONT = "Vera"
MARGIN_MM = 20


@cache
def _fonts() -> str:
    """Register the embedded font family once; returns its name."""
    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    for name, file, bold, italic in (
        (FONT, "Vera.ttf", 0, 0),
        (f"{FONT}-Bold", "VeraBd.ttf", 1, 0),
        (f"{FONT}-Italic", "VeraIt.ttf", 0, 1),
        (f"{FONT}-BoldItalic", "VeraBI.ttf", 1, 1),
    ):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        addMapping(FONT, bold, italic, name)
    return FONT


@cache
def _styles() -> dict[str | int, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    font = _fonts()
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


def measure(table: Table, font_size: float = 9, pad: float = 11) -> tuple[list[float], list[float]]:
    """Per column: the least width (its longest word, or its header) and the natural width
    (its longest cell on one line), in points, `pad` (the cell's padding and a little air)
    included."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = _fonts()
    columns = list(zip(table.headers, *table.rows, strict=True))
    least, natural = [], []
    for n, cells in enumerate(columns):
        words = [w for cell in cells for w in str(cell).split()] or [""]
        head = stringWidth(table.headers[n], f"{font}-Bold", font_size)
        least.append(max(max(stringWidth(w, font, font_size) for w in words), head) + pad)
        longest = max(
            (stringWidth(line, font, font_size) for c in cells[1:] for line in str(c).split("\n")),
            default=0,
        )
        natural.append(max(longest + pad, least[-1]))
    return least, natural


def column_widths(
    table: Table, available: float, font_size: float = 9, pad: float = 11
) -> list[float]:
    """Each column at least as wide as its longest word (so no word is broken) and its
    header; the room left is shared in proportion to how much more each column's longest
    cell would take. Columns of short values stay narrow; the text column gets the room."""
    least, natural = measure(table, font_size, pad)
    if sum(natural) <= available:
        spare = available - sum(natural)  # everything fits on one line: share the rest evenly
        return [w + spare / len(natural) for w in natural]
    if sum(least) >= available:  # squeezed: keep the words whole, scale only what is left
        return [w * available / sum(least) for w in least]
    # Short columns (a name, a date, a status) get their whole width while it is no more than
    # a fair share of what is left; the long ones share the rest in proportion to their text.
    widths = [0.0] * len(natural)
    left, open_columns = available, sorted(range(len(natural)), key=lambda n: natural[n])
    while open_columns and natural[open_columns[0]] <= left / len(open_columns):
        n = open_columns.pop(0)
        widths[n], left = natural[n], left - natural[n]
    total = sum(natural[n] for n in open_columns) or 1
    for n in open_columns:
        widths[n] = max(least[n], left * natural[n] / total)
    if sum(widths) > available:  # a long column's longest word took more than its share
        scale = (available - sum(least)) / (sum(widths) - sum(least))
        widths = [low + (w - low) * scale for w, low in zip(widths, least, strict=True)]
    return widths


def _chart(chart: Chart) -> Any:
    """The chart as vector drawing: figures, the dashed path, the value range and dates."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
    from reportlab.lib.colors import HexColor

    from boardroom.exports.werkagenda import number

    width, height = CHART_SIZE
    points, ((x1, y1), (x2, y2)), (low, high) = chart_geometry(chart, width, height, False)
    left, top, right, bottom = PAD
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=8)
    drawing.add(
        Rect(
            left,
            bottom,
            width - left - right,
            height - top - bottom,
            fillColor=HexColor("#f7f7fb"),
            strokeColor=HexColor("#cccccc"),
        )
    )
    drawing.add(Line(x1, y1, x2, y2, strokeColor=HexColor("#999999"), strokeDashArray=[4, 3]))
    if len(points) > 1:
        drawing.add(
            PolyLine([c for p in points for c in p], strokeColor=HexColor("#333355"), strokeWidth=2)
        )
    for x, y in points:
        drawing.add(Circle(x, y, 2.5, fillColor=HexColor("#333355"), strokeColor=None))
    small = {"fontName": FONT, "fontSize": 8}
    drawing.add(
        String(left - 4, height - top - 8, number(round(high, 1)), textAnchor="end", **small)
    )
    drawing.add(String(left - 4, bottom, number(round(low, 1)), textAnchor="end", **small))
    drawing.add(String(left, 6, chart.baseline[0].isoformat(), **small))
    drawing.add(String(width - right, 6, chart.target[0].isoformat(), textAnchor="end", **small))
    drawing.add(String(left, height - 10, chart.title, fontName=f"{FONT}-Bold", fontSize=9))
    return drawing


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
            out.append(_chart(block))
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


def _page_decoration(header: str, footer: str, total: int | None):  # type: ignore[no-untyped-def]
    """Draws the running header and "page X of Y" on each page (Y known from a first pass)."""
    from reportlab.lib.units import mm

    def decorate(canvas: Any, template: Any) -> None:
        width, height = template.pagesize
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

    _fonts()
    buffer = io.BytesIO()
    widest = max((sum(measure(b)[0]) for b in doc.blocks if isinstance(b, Table)), default=0)
    page = A4 if widest <= A4[0] - 2 * MARGIN_MM * mm else landscape(A4)  # a wide list: across

    class Template(SimpleDocTemplate):
        depth = -1  # the last bookmark's level: a level may go one deeper at a time

        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 (ReportLab's name)
            level = getattr(flowable, "outline_level", None)
            if level is None or level > 4:
                return
            depth = min(level - 1, self.depth + 1)
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
    decorate = _page_decoration(doc.header, doc.footer, total)
    template.build(story(), onFirstPage=decorate, onLaterPages=decorate)
    return deliver(buffer.getvalue(), path)


def deliver(data: bytes, path: Path | BinaryIO | None) -> bytes:
    """Write a made PDF to a file or a stream when one is given; return its bytes."""
    if isinstance(path, Path):
        path.write_bytes(data)
    elif path is not None:
        path.write(data)
    return data
