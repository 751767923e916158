"""The document as Word (python-docx): what a secretary can send and still edit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, BinaryIO

from boardroom.domain.style import HouseStyle
from boardroom.exports.chart import chart_png
from boardroom.exports.document import Bullets, Chart, Document, Heading, Paragraph, Table
from boardroom.exports.layout import column_widths
from boardroom.exports.style import tint
from boardroom.i18n import _, current_language

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


def _field(paragraph: Any, instruction: str, half_points: int = 16) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the pages out, at the
    footer's size."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(half_points))
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


#: the language Word is told the text is in, per language of the app
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}


def _language(document: Any, tag: str) -> None:
    """The document's language for Word's spelling and a screen reader: in the default run
    properties (every style inherits it) and in the file's properties."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in run.findall(qn("w:lang")):
        run.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    run.append(lang)
    for style in document.styles:  # a style that names its own language names this one
        properties = style.element.find(qn("w:rPr"))
        if properties is not None:
            for own in properties.findall(qn("w:lang")):
                own.set(qn("w:val"), tag)
    document.core_properties.language = tag


def _honest_properties(document: Any, doc: Document, author: str) -> None:
    """The file's properties are this document's: made now (not the template's 2013), by its
    author, revision 1, no template thumbnail."""
    properties = document.core_properties
    properties.title = doc.title
    properties.author = properties.last_modified_by = author or doc.author or "boardroom"
    properties.revision = 1
    properties.comments = ""
    if doc.made_at is not None:
        made = doc.made_at.astimezone(dt.UTC).replace(tzinfo=None)
        properties.created = properties.modified = made
    package = document.part.package
    for key, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[key]


def _unbroken(paragraph: Any, text: str) -> None:
    """Text whose hyphens are Word's non-breaking ones (w:noBreakHyphen)."""
    from docx.oxml import OxmlElement

    for k, part in enumerate(text.split("-")):
        if k:
            run = paragraph.add_run()
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if part:
            paragraph.add_run(part)


def _fonts(style: Any, family: str) -> None:
    """A style's text in the house font, its theme fonts (which Word prefers) taken away."""
    from docx.oxml.ns import qn

    style.font.name = family
    fonts = style.element.rPr.find(qn("w:rFonts"))
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:cs"), family)


def _house_style(document: Any, style: HouseStyle) -> None:
    """The board's font (Calibri, what every Word reader has, when the board has none: the
    PDF embeds the product's own) and accent colour on the text and the headings."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    family = style.family or "Calibri"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), family)
    normal = document.styles["Normal"]
    _fonts(normal, family)
    normal.font.size = Pt(10.5)
    accent = RGBColor.from_string(style.accent.lstrip("#").upper())
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        heading = document.styles[name]
        _fonts(heading, family)
        heading.font.color.rgb = accent if name in ("Title", "Heading 1", "Heading 2") else None
        if name not in ("Title", "Heading 1", "Heading 2"):
            heading.font.color.rgb = RGBColor(0x22, 0x22, 0x22)


def _shade(cell: Any, colour: str) -> None:
    """A table cell's background (the header row's, in the accent's tint)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _keep_together(row: Any) -> None:
    """A table row is not split over two pages (w:cantSplit)."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


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
    _honest_properties(document, doc, author)
    _language(document, LANGUAGE_TAGS.get(current_language(), "en-GB"))
    _house_style(document, doc.style)
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
    if doc.style.logo:  # at the head of the document, on the right
        import io

        logo = document.add_paragraph()
        logo.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        logo.add_run().add_picture(io.BytesIO(doc.style.logo), height=Mm(15))
    for index, block in enumerate(doc.blocks):
        following = doc.blocks[index + 1] if index + 1 < len(doc.blocks) else None
        if isinstance(block, Heading):
            heading = document.add_heading(block.text, level=min(block.level, 9))
            heading.paragraph_format.page_break_before = block.appendix
            heading.paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            if index and isinstance(doc.blocks[index - 1], Table):  # air below a table
                paragraph.paragraph_format.space_before = Pt(8)
            if block.label:
                paragraph.add_run(block.label + " ").bold = True
            if block.whole:  # Word's non-breaking hyphen keeps a code on one line
                _unbroken(paragraph, block.text)
            else:
                paragraph.add_run(block.text)
            # a label and what it introduces (its table, its list) stay on one page
            introduces = isinstance(following, (Table, Bullets, Chart))
            paragraph.paragraph_format.keep_with_next = bool(block.label) and (
                not block.text or introduces
            )
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
                added = table.add_row()
                _keep_together(added)
                for cell, text in zip(added.cells, row, strict=True):
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
            for cell in table.rows[0].cells:  # after the width: Word reads them in order
                _shade(cell, tint(doc.style.accent, 0.18))
    document.save(path if not isinstance(path, Path) else str(path))
