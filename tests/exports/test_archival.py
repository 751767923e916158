"""The archival PDF: the minutes, the decision list and the action list as PDF/A-2a, read back
from the files: the PDF/A identification in their XMP metadata, an sRGB output intent, the
document language, a structure tree with the document's headings and tables, every font
embedded."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from boardroom.cli import main
from tests.exports.test_pdf import embedded


def structure_tags(reader: PdfReader) -> set[str]:
    """Every structure type in the file's structure tree."""
    found: set[str] = set()

    def walk(node) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "get") and "/S" in node:
            found.add(str(node["/S"]))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"].get_object()["/K"])
    return found


TABLE = {"/Table", "/THead", "/TBody", "/TR", "/TH", "/TD"}


@pytest.mark.parametrize(
    ("document", "language", "structure"),
    [
        (["minutes", "--meeting", "2026-05-14"], "nl", {"/H1", "/H2", "/H3", "/P", "/L", "/LI"}),
        (["minutes", "--meeting", "2026-03-12"], "en", {"/H1", "/H2", "/H3", "/P"} | TABLE),
        (["decisions"], "nl", {"/H1", "/H2", "/P"}),
        (["actions"], "en", {"/H1", "/P"} | TABLE),
    ],
)
def test_minutes_and_lists_are_tagged_pdf_a(demo_path, document, language, structure):
    target = demo_path.with_name(f"{document[0]}.{language}.pdf")
    args = ["export", *document, "--db", str(demo_path), "--lang", language]
    assert main([*args, "--format", "pdf", "-o", str(target)]) == 0
    reader = PdfReader(target)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfaid:part="2"', xmp) and re.search(r'pdfaid:conformance="A"', xmp)
    assert root["/Lang"] == language
    assert bool(root["/MarkInfo"]["/Marked"])
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    tags = structure_tags(reader)
    assert structure <= tags, tags
    for page in reader.pages:
        assert all(embedded(font) for font in page["/Resources"]["/Font"].values())
