"""A small document model — headings, paragraphs, bullet lists, tables — written once and
rendered as Markdown, self-contained HTML, or DOCX (python-docx)."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    appendix: bool = False  # printed from a new page


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""  # shown in bold before the text


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Chart:
    """A small line chart: figures over time against the straight path from a baseline
    (value, date) to a target (value, date). Drawn in HTML (inline SVG), PDF (vector) and
    DOCX (an image); Markdown leaves it to the table next to it."""

    title: str
    baseline: tuple[dt.date, float]
    target: tuple[dt.date, float]
    points: list[tuple[dt.date, float]]
    unit: str = ""


Block = Heading | Paragraph | Bullets | Table | Chart

#: a chart's size in points (PDF), pixels (SVG) and, times SCALE, the DOCX image
CHART_SIZE = (360, 150)
PAD = (40, 14, 10, 22)  # left, top, right, bottom


def chart_geometry(
    chart: Chart, width: float, height: float, y_down: bool = True
) -> tuple[
    list[tuple[float, float]], tuple[tuple[float, float], tuple[float, float]], tuple[float, float]
]:
    """The points and the path line in a width × height box (y growing down, as SVG and
    Pillow draw, or up, as PDF does), and the value range shown (low, high)."""
    start = chart.baseline[0]
    last = max([chart.target[0], *[d for d, _v in chart.points]])
    values = [chart.baseline[1], chart.target[1], *[v for _d, v in chart.points]]
    low, high = min(values), max(values)
    margin = (high - low) * 0.1 or 1.0
    low, high = low - margin, high + margin
    left, top, right, bottom = PAD
    span = max((last - start).days, 1)

    def at(day: dt.date, value: float) -> tuple[float, float]:
        x = left + (width - left - right) * (day - start).days / span
        share = (value - low) / (high - low)
        inner = height - top - bottom
        y = top + inner * (1 - share) if y_down else bottom + inner * share
        return (round(x, 1), round(y, 1))

    path = (at(*chart.baseline), at(*chart.target))
    return [at(d, v) for d, v in chart.points], path, (low, high)


def chart_svg(chart: Chart) -> str:
    from boardroom.exports.werkagenda import number

    width, height = CHART_SIZE
    points, ((x1, y1), (x2, y2)), (low, high) = chart_geometry(chart, width, height)
    left, top, right, bottom = PAD
    line = " ".join(f"{x},{y}" for x, y in points)
    dots = "".join(f'<circle cx="{x}" cy="{y}" r="2.5" fill="#335"/>' for x, y in points)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(chart.title)}">'
        f'<rect x="{left}" y="{top}" width="{width - left - right}" height="{height - top - bottom}"'
        ' fill="#f7f7fb" stroke="#ccc"/>'
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#999" stroke-dasharray="4 3"/>'
        f'<polyline points="{line}" fill="none" stroke="#335" stroke-width="2"/>{dots}'
        f'<text x="{left - 4}" y="{top + 8}" font-size="9" text-anchor="end">{number(round(high, 1))}</text>'
        f'<text x="{left - 4}" y="{height - bottom}" font-size="9" text-anchor="end">{number(round(low, 1))}</text>'
        f'<text x="{left}" y="{height - 6}" font-size="9">{chart.baseline[0].isoformat()}</text>'
        f'<text x="{width - right}" y="{height - 6}" font-size="9" text-anchor="end">{chart.target[0].isoformat()}</text>'
        f'<text x="{left}" y="10" font-size="10" font-weight="bold">{html.escape(chart.title)}</text>'
        "</svg>"
    )


def chart_png(chart: Chart, scale: int = 3) -> bytes:
    """The chart as a PNG (for Word, which does not take SVG everywhere)."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    width, height = (CHART_SIZE[0] * scale, CHART_SIZE[1] * scale)
    from boardroom.exports.werkagenda import number

    points, path, (low, high) = chart_geometry(chart, CHART_SIZE[0], CHART_SIZE[1])
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = (p * scale for p in PAD)
    draw.rectangle([left, top, width - right, height - bottom], fill="#f7f7fb", outline="#cccccc")
    (x1, y1), (x2, y2) = path
    steps = 40
    for n in range(0, steps, 2):  # a dashed path
        a, b = n / steps, (n + 1) / steps
        draw.line(
            [
                (scale * (x1 + (x2 - x1) * a), scale * (y1 + (y2 - y1) * a)),
                (scale * (x1 + (x2 - x1) * b), scale * (y1 + (y2 - y1) * b)),
            ],
            fill="#999999",
            width=scale,
        )
    scaled = [(x * scale, y * scale) for x, y in points]
    if len(scaled) > 1:
        draw.line(scaled, fill="#333355", width=2 * scale)
    for x, y in scaled:
        draw.ellipse([x - 3 * scale, y - 3 * scale, x + 3 * scale, y + 3 * scale], fill="#333355")
    font = ImageFont.load_default(size=9 * scale)
    grey = "#333333"
    draw.text((left - 4 * scale, top), number(round(high, 1)), fill=grey, font=font, anchor="ra")
    draw.text(
        (left - 4 * scale, height - bottom),
        number(round(low, 1)),
        fill=grey,
        font=font,
        anchor="rs",
    )
    draw.text(
        (left, height - 4 * scale), chart.baseline[0].isoformat(), fill=grey, font=font, anchor="ls"
    )
    draw.text(
        (width - right, height - 4 * scale),
        chart.target[0].isoformat(),
        fill=grey,
        font=font,
        anchor="rs",
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)
    header: str = ""  # on every page of a paged format: the board, the meeting, the state
    footer: str = ""  # on every page, left of the page number (a seal code, for one)
    lead: list[Block] = field(default_factory=list)  # a page of its own first (a cover)
    author: str = ""  # in the file's properties (docx, pdf)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: Document) -> str:
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * block.level} {block.text}", ""]
        elif isinstance(block, Paragraph):
            label = f"**{block.label}** " if block.label else ""
            lines += [(label + block.text).rstrip(), ""]
        elif isinstance(block, Bullets):
            lines += [f"- {item}" for item in block.items] + [""]
        elif isinstance(block, Chart):
            continue  # the figures are in the table beside it
        else:
            lines.append("| " + " | ".join(_md_cell(h) for h in block.headers) + " |")
            lines.append("|" + "---|" * len(block.headers))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


STYLE = """
body { font-family: "Segoe UI", Arial, sans-serif; max-width: 48em; margin: 2em auto;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; border-bottom: 2px solid #335; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; color: #335; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #eef; }
figure.chart { margin: .3em 0 1em; }
.running { color: #666; font-size: .8em; border-bottom: 1px solid #ccc; padding-bottom: .3em; }
.foot { color: #666; font-size: .8em; border-top: 1px solid #ccc; margin-top: 2em; padding-top: .3em; }
@page { size: A4; margin: 20mm; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               .appendix { break-before: page; } }
"""


def to_html(doc: Document, language: str) -> str:
    """One self-contained, printable file: no scripts, no external styles or fonts."""
    out = [
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">',
        f"<title>{html.escape(doc.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
    ]
    if doc.header:
        out.append(f'<div class="running">{html.escape(doc.header)}</div>')
    for block in doc.blocks:
        if isinstance(block, Heading):
            tag = f"h{block.level}" + (' class="appendix"' if block.appendix else "")
            out.append(f"<{tag}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            label = f"<strong>{html.escape(block.label)}</strong> " if block.label else ""
            text = html.escape(block.text).replace("\n", "<br>")
            out.append(f"<p>{label}{text}</p>")
        elif isinstance(block, Bullets):
            out.append(
                "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in block.items) + "</ul>"
            )
        elif isinstance(block, Chart):
            out.append(f'<figure class="chart">{chart_svg(block)}</figure>')
        else:
            head = "".join(f"<th>{html.escape(h)}</th>" for h in block.headers)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    if doc.footer:
        out.append(f'<div class="foot">{html.escape(doc.footer)}</div>')
    out.append("</body>\n</html>\n")
    return "\n".join(out)


TABLE_PT = 9.5  # the size of text in Word tables


def _docx_widths(table: Table, available_twips: int) -> list[int]:
    """Column widths for Word, from the content, as the PDF measures them (a word never wider
    than its column), in twentieths of a point."""
    from boardroom.exports.pdf import column_widths

    # Measured with Vera, as wide as the widest font Word or LibreOffice may use for Calibri,
    # and Word's cell margins (2 × 5.4 pt) with some air.
    widths = column_widths(table, available_twips / 20, font_size=TABLE_PT, pad=16)
    return [int(w * 20) for w in widths]


def _repeat_header(row: Any) -> None:
    """The table's first row comes back at the top of every page (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the pages out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def to_docx(doc: Document, path: Path | BinaryIO, *, author: str = "") -> None:
    """A Word document a secretary can send: A4 with normal margins, the board and the
    meeting in the page header, "page X of Y" in the footer, Word's heading styles (the
    navigation pane shows the agenda), tables with columns as wide as their content needs and
    the header row repeated on every page; title and author in the file's properties. To a
    file or a binary stream (standard output over SSH)."""
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, Twips

    from boardroom.i18n import _

    document = Docx()
    document.core_properties.title = doc.title
    document.core_properties.author = author or doc.author or "boardroom"
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(25)
    if doc.header:
        header = section.header.paragraphs[0]
        header.text = doc.header
        header.runs[0].font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    words = _("page {n} of {total}")
    before, rest = words.split("{n}", 1)
    between, after = rest.split("{total}", 1)
    if doc.footer:
        footer.add_run(doc.footer + "    ")
    footer.add_run(before)
    _field(footer, "PAGE")
    footer.add_run(between)
    _field(footer, "NUMPAGES")
    footer.add_run(after)
    for run in footer.runs:
        run.font.size = Pt(8)
    available = int((section.page_width - section.left_margin - section.right_margin) / 635)
    for block in doc.blocks:
        if isinstance(block, Heading):
            heading = document.add_heading(block.text, level=min(block.level, 9))
            heading.paragraph_format.page_break_before = block.appendix
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            if block.label:
                paragraph.add_run(block.label + " ").bold = True
            paragraph.add_run(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Chart):
            import io

            from docx.shared import Cm

            document.add_paragraph(block.title).runs[0].bold = True
            document.add_picture(io.BytesIO(chart_png(block)), width=Cm(12))
        else:
            table = document.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            table.autofit = False
            widths = _docx_widths(block, available)
            for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            _repeat_header(table.rows[0])
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            run.font.size = Pt(TABLE_PT)
            for column, width in zip(table.columns, widths, strict=True):
                column.width = Twips(width)
                for cell in column.cells:
                    cell.width = Twips(width)
    document.save(path if not isinstance(path, Path) else str(path))


FORMATS = ("md", "html", "docx", "pdf")
BINARY = ("docx", "pdf")


def rendered(doc: Document, fmt: str) -> str:
    """A text format (md or html) of the document, in the interface's language."""
    from boardroom.i18n import current_language

    return to_markdown(doc) if fmt == "md" else to_html(doc, current_language())


def document_bytes(doc: Document, fmt: str) -> bytes:
    """The document in a format (md, html, docx or pdf), as the bytes of its file."""
    if fmt in BINARY:
        import io

        buffer = io.BytesIO()
        write_document(doc, fmt, buffer)
        return buffer.getvalue()
    return rendered(doc, fmt).encode("utf-8")


def write_document(doc: Document, fmt: str, path: Path | BinaryIO) -> None:
    """Write the document to a file in a format (md, html, docx or pdf; the binary ones also
    to a stream)."""
    if fmt == "docx":
        to_docx(doc, path)
    elif fmt == "pdf":
        from boardroom.exports.pdf import to_pdf

        to_pdf(doc, path)
    else:
        assert isinstance(path, Path)
        path.write_text(rendered(doc, fmt), encoding="utf-8")
