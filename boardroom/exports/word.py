"""The document as Word (python-docx): what a secretary can send and still edit."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from boardroom.exports.chart import chart_png
from boardroom.exports.document import Bullets, Chart, Document, Heading, Paragraph, Table
from boardroom.exports.layout import column_widths
from boardroom.i18n import _

TABLE_PT = 9.5  # the size of text in Word tables


def _docx_widths(table: Table, available_twips: int) -> list[int]:
    """Column widths for Word, from the content, as the PDF measures them (a word never wider
    than its column), in twentieths of a point."""
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

    document = Docx()
    document.core_properties.title = doc.title
    document.core_properties.author = author or doc.author or "boardroom"
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(25)
    if doc.header or doc.watermark:
        header = section.header.paragraphs[0]
        if doc.watermark:  # on every page, before the running header
            mark = header.add_run(doc.watermark + "    ")
            mark.bold = True
            mark.font.size = Pt(14)
        if doc.header:
            header.add_run(doc.header).font.size = Pt(8)
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
            document.add_picture(io.BytesIO(chart_png(block)), width=Cm(13))
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
