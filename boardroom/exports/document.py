"""A small document model — headings, paragraphs, bullet lists, tables — written once and
rendered as Markdown, self-contained HTML, or DOCX (python-docx)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


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


Block = Heading | Paragraph | Bullets | Table


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)
    header: str = ""  # on every page of a paged format: the board, the meeting, the state
    footer: str = ""  # on every page, left of the page number (a seal code, for one)
    lead: list[Block] = field(default_factory=list)  # a page of its own first (a cover)

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
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
"""


def to_html(doc: Document, language: str) -> str:
    """One self-contained, printable file: no scripts, no external styles or fonts."""
    out = [
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">',
        f"<title>{html.escape(doc.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
    ]
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            label = f"<strong>{html.escape(block.label)}</strong> " if block.label else ""
            text = html.escape(block.text).replace("\n", "<br>")
            out.append(f"<p>{label}{text}</p>")
        elif isinstance(block, Bullets):
            out.append(
                "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in block.items) + "</ul>"
            )
        else:
            head = "".join(f"<th>{html.escape(h)}</th>" for h in block.headers)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def to_docx(doc: Document, path: Path | BinaryIO) -> None:
    """A Word document with real headings, lists and tables (opens in Word and LibreOffice),
    to a file or a binary stream (standard output over SSH)."""
    from docx import Document as Docx
    from docx.shared import Pt

    document = Docx()
    document.core_properties.title = doc.title
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)
    for block in doc.blocks:
        if isinstance(block, Heading):
            document.add_heading(
                block.text, level=min(block.level - 1, 3) if block.level > 1 else 0
            )
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            if block.label:
                paragraph.add_run(block.label + " ").bold = True
            paragraph.add_run(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        else:
            table = document.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
    document.save(path if not isinstance(path, Path) else str(path))


FORMATS = ("md", "html", "docx", "pdf")
BINARY = ("docx", "pdf")


def rendered(doc: Document, fmt: str) -> str:
    """A text format (md or html) of the document, in the interface's language."""
    from boardroom.i18n import current_language

    return to_markdown(doc) if fmt == "md" else to_html(doc, current_language())


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
