"""The formats a document is written in, and writing it in one."""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from boardroom.exports.archival import deliver, to_archival_pdf
from boardroom.exports.document import Document
from boardroom.exports.markup import to_html, to_markdown
from boardroom.exports.word import to_docx
from boardroom.i18n import current_language

FORMATS = ("md", "html", "docx", "pdf")
BINARY = ("docx", "pdf")


def rendered(doc: Document, fmt: str) -> str:
    """A text format (md or html) of the document, in the interface's language."""
    return to_markdown(doc) if fmt == "md" else to_html(doc, current_language())


def document_bytes(doc: Document, fmt: str) -> bytes:
    """The document in a format (md, html, docx or pdf), as the bytes of its file."""
    if fmt in BINARY:
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
        deliver(to_archival_pdf(doc, current_language()), path)
    else:
        assert isinstance(path, Path)
        path.write_text(rendered(doc, fmt), encoding="utf-8")
