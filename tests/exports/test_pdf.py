"""PDF: the minutes and the lists (fonts embedded, page X of Y, bookmarks, header), and the
meeting bundle (cover, agenda with sha256s, the PDF papers behind their items, bookmarks per
item and paper, page numbers across the whole bundle). The papers are real PDFs made here."""

from __future__ import annotations

import io
import sqlite3

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from boardroom.cli import main
from boardroom.domain.errors import StorageProblem
from boardroom.exports.bundle import bundle_pdf
from boardroom.services import papers
from boardroom.services.record import find_meeting


def make_pdf(name: str, pages: int) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    for n in range(1, pages + 1):
        canvas.drawString(100, 700, f"{name} page {n}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def outline(reader: PdfReader) -> list:
    def walk(items: list) -> list:
        out: list = []
        for item in items:
            if isinstance(item, list):
                out.append(walk(item))
            else:
                out.append((item.title, reader.get_destination_page_number(item)))
        return out

    return walk(reader.outline)


def embedded(font) -> bool:
    """Whether a PDF font carries its glyphs (a composite font in its descendant)."""
    font = font.get_object()
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font["/FontDescriptor"].get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_the_minutes_as_pdf_with_embedded_fonts_page_numbers_and_bookmarks(capsys, demo_path):
    args = ["export", "minutes", "--db", str(demo_path), "--meeting", "2026-03-12"]
    assert main([*args, "--format", "pdf", "-o", str(demo_path.with_name("m.pdf"))]) == 0
    reader = PdfReader(demo_path.with_name("m.pdf"))
    total = len(reader.pages)
    assert total >= 2
    for n, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"page {n} of {total}" in text
        assert "Regiotafel Zorg en Welzijn Lindewaard · Minutes meeting 3 · Thu 12 Mar 2026" in text
        assert "approved on 9 Apr 2026" in text
        fonts = page["/Resources"]["/Font"]
        assert fonts and all(embedded(font) for font in fonts.values())
    top, children = outline(reader)[:2]
    assert top == ("Minutes — Regiotafel Zorg en Welzijn Lindewaard", 0)
    assert [c[0] for c in children if isinstance(c, tuple)] == [
        "Attendance",
        "Agenda",
        "Work agenda",
        "Interest round",
        "Behaviour check",
        "Adoption",
        "Appendix: decisions of this meeting",
        "Appendix: open actions",
    ]
    assert (
        reader.metadata.title
        == "Minutes Regiotafel Zorg en Welzijn Lindewaard — Thu 12 Mar 2026 15:00"
    )
    assert "consent in round 2; quorum 9 of 9 perspectives present, 5 needed; 3 concerns" in (
        " ".join(p.extract_text() for p in reader.pages).replace("\n", " ")
    )


def test_the_decision_list_as_pdf_keeps_every_number_whole(demo_path):
    target = demo_path.with_name("besluiten.pdf")
    args = ["export", "decisions", "--db", str(demo_path), "--format", "pdf", "-o", str(target)]
    assert main(args) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    for number in ("B2026-09-02", "B2025-01-01", "B2026-03-01"):
        assert number in [w.rstrip(":,") for w in text.split()]  # not broken over two lines


@pytest.fixture
def december(open_demo):
    els = open_demo("Els")
    meeting = find_meeting(els, "2026-12-10")
    monitor = papers.add_paper(els, meeting, 4, "Monitor wonen", make_pdf("Monitor", 3), "m.pdf")
    notes = papers.add_paper(els, meeting, 4, "Notities", b"# Notities\n", "notities.md")
    netwerk = papers.add_paper(els, meeting, 5, "Evaluatie", make_pdf("Evaluatie", 2), "e.pdf")
    return els, meeting, monitor, notes, netwerk


def test_the_bundle_binds_every_paper_behind_its_item(december):
    """PDFs as they are, Markdown typeset (the demo's notes and the test's), each first page
    stamped with its number and item, its own bookmarks under it; another kind of file listed;
    portrait throughout; the werkagenda as it stood on the meeting's day."""
    els, meeting, monitor, notes, netwerk = december
    papers.add_paper(els, meeting, 5, "Advies", b"PK\x03\x04 word", "advies.docx")
    data = bundle_pdf(papers.bundle(els, meeting), author="Els Verhoeven")
    reader = PdfReader(io.BytesIO(data))
    total = len(reader.pages)
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in reader.pages} == {(595, 842)}  # fmt: skip
    tree = outline(reader)
    assert tree[0] == ("Meeting papers", 0) and tree[1] == ("Agenda", 1)
    items = tree[2]
    heads = [t[0] for t in items if isinstance(t, tuple)]
    assert heads[3:5] == ["4. Wonen, welzijn en zorg", "5. Mentale gezondheidsnetwerk (evaluatie)"]
    four, five = items[4], items[6]
    assert [t[0] for t in four if isinstance(t, tuple)] == [
        "4a. Notitie Wonen, welzijn en zorg",
        "4b. Monitor wonen",
        "4c. Notities",
    ]
    note_start = four[0][1]
    assert four[1] == [("Notitie Wonen, welzijn en zorg", note_start), [
        ("Aanleiding", note_start), ("Voorstel", note_start)]]  # fmt: skip
    monitor_start = four[2][1]
    assert monitor_start == note_start + 1 and four[3][1] == monitor_start + 3  # 3 pages
    assert [t[0] for t in five if isinstance(t, tuple)] == [
        "5a. Notitie Mentale gezondheidsnetwerk (evaluatie)",
        "5b. Evaluatie",
    ]
    assert total == monitor_start + 3 + 1 + 1 + 2  # Monitor, Notities, 5a, Evaluatie
    assert [t[0] for t in tree[3:] if isinstance(t, tuple)] == [
        "Work agenda",
        "Papers in this bundle",
    ]
    texts = [page.extract_text() for page in reader.pages]
    assert "Paper 4b to item 4" in texts[monitor_start] and "Monitor page 1" in texts[monitor_start]
    assert "Paper 4b to item 4" not in texts[monitor_start + 1]
    assert "Paper 4a to item 4" in texts[note_start] and "Aanleiding" in texts[note_start]
    assert "Evaluatie page 2" in texts[total - 1]
    for n, text in enumerate(texts, start=1):
        assert f"page {n} of {total}" in text  # numbered across the whole bundle
    front = " ".join(texts[:note_start]).replace("\n", " ")
    for added in (monitor, notes, netwerk):
        grouped = " ".join(added.sha256[k : k + 16] for k in range(0, 64, 16))
        assert grouped in front  # each paper's sha256, in four groups, before the papers
    assert "not in the bundle (DOCX file; LibreOffice could not turn it into PDF): sent" in front
    assert "boardroom paper get" not in front
    assert reader.metadata.author == "Els Verhoeven"
    # the werkagenda of the meeting's theme items as it stood on the meeting's day
    assert "Work agenda as it stood on Thu 10 Dec 2026" in front
    assert "Gemeenten met sluitende aanpak eenzaamheid: achieved" in front


def test_a_paper_whose_bytes_fail_their_sha256_stops_the_bundle(december, demo_path, capsys):
    els, meeting, monitor, _notes, _netwerk = december
    conn = sqlite3.connect(demo_path)
    conn.execute(
        "UPDATE paper_contents SET content = ? WHERE sha256 = ?",
        (make_pdf("Vervalst", 3), monitor.sha256),
    )
    conn.commit()
    conn.close()
    with pytest.raises(StorageProblem, match="no longer match its sha256"):
        papers.bundle(els, meeting)
    target = demo_path.with_name("bundel.pdf")
    code = main(["export", "bundle", "--db", str(demo_path), "--meeting", "2026-12-10", "-o",
                 str(target)])  # fmt: skip
    assert code == 2 and not target.exists()
    assert "its stored bytes no longer match its sha256" in capsys.readouterr().err


def test_the_bundle_on_the_command_line(december, demo_path, capsys, tmp_path):
    target = tmp_path / "bundel.pdf"
    base = ["export", "bundle", "--db", str(demo_path), "--meeting", "2026-12-10", "-o"]
    assert main([*base, str(target)]) == 0
    assert len(PdfReader(target).pages) >= 7
    assert main([*base, str(tmp_path)]) == 2  # a folder is not a file
    assert ": is a folder, not a file" in capsys.readouterr().err
    code = main(["export", "bundle", "--db", str(demo_path), "--meeting", "2027-01-14"])
    assert code == 2
    assert "the meeting of 2027-01-14 has no agenda yet" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("what", "args", "expected"),
    [
        ("agenda", ["--meeting", "2026-12-10"], "Agenda Regiotafel Zorg en Welzijn Lindewaard"),
        ("report", ["--year", "2026"], "Year report 2026"),
        ("actions", ["--status", "open"], "Action list"),
    ],
)
def test_every_document_as_pdf(demo_path, what, args, expected):
    target = demo_path.with_name(f"{what}.pdf")
    assert main(["export", what, "--db", str(demo_path), *args, "--format", "pdf", "-o",
                 str(target)]) == 0  # fmt: skip
    reader = PdfReader(target)
    assert expected in reader.pages[0].extract_text()
    assert f"page 1 of {len(reader.pages)}" in reader.pages[0].extract_text()


def test_a_markdown_paper_is_typeset_without_its_markup():
    from boardroom.exports.bundle import _markdown_blocks
    from boardroom.exports.document import Bullets, Heading, Paragraph

    text = (
        "# Notitie *wonen*\n\nEen **vet** woord, een [link](https://example.org) en `code`\n"
        "op twee regels.\n\n- een\n- twee\n  - dieper\n\n1. eerst\n\n```\nblok\n```\n"
    )
    assert _markdown_blocks(text) == [
        Heading(2, "Notitie wonen"),
        Paragraph("Een vet woord, een link en code op twee regels."),
        Bullets(["een", "twee", "– dieper"]),
        Bullets(["eerst"]),
        Paragraph("blok"),
    ]


def test_a_paper_that_is_no_readable_pdf_is_listed_not_bound(december):
    """A file named .pdf that is damaged (or no PDF at all) does not stop the bundle: it is
    listed as sent separately, and every other paper is bound."""
    els, meeting, monitor, notes, netwerk = december
    broken = papers.add_paper(els, meeting, 5, "Kapot", b"%PDF-1.4 half a file", "kapot.pdf")
    papers.add_paper(els, meeting, 5, "Geen PDF", b"Regionale monitor\n" * 20, "monitor.pdf")
    reader = PdfReader(io.BytesIO(bundle_pdf(papers.bundle(els, meeting))))
    front = " ".join(page.extract_text() for page in reader.pages[:5]).replace("\n", " ")
    assert front.count("not in the bundle (its PDF cannot be read): sent separately") == 2
    assert broken.sha256[:16] in front
    texts = [page.extract_text() for page in reader.pages]
    assert any("Monitor page 3" in text for text in texts)
    assert any("Evaluatie page 2" in text for text in texts)


def word_paper(text: str) -> bytes:
    from docx import Document as Docx

    document = Docx()
    document.add_heading("Advies werkgroep", level=1)
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_paper_is_turned_into_pdf_pages_by_libreoffice(december):
    """The host has LibreOffice (./dev installs it): a DOCX paper is bound behind its item like
    a PDF, stamped, with its number; the list says nothing is sent separately."""
    els, meeting, *_ = december
    papers.add_paper(els, meeting, 5, "Advies", word_paper("De werkgroep adviseert ja."), "a.docx")
    reader = PdfReader(io.BytesIO(bundle_pdf(papers.bundle(els, meeting))))
    texts = [page.extract_text() for page in reader.pages]
    page = next(k for k, text in enumerate(texts) if "De werkgroep adviseert ja." in text)
    assert "Paper 5c to item 5" in texts[page]
    assert not any("sent separately" in text for text in texts)
    five = outline(reader)[2][6]
    assert "5c. Advies" in [t[0] for t in five if isinstance(t, tuple)]


def test_without_libreoffice_a_word_paper_is_listed_saying_so(december, monkeypatch):
    els, meeting, *_ = december
    papers.add_paper(els, meeting, 5, "Advies", word_paper("Ja."), "advies.docx")
    monkeypatch.setenv("PATH", "/nonexistent")  # a host without LibreOffice
    reader = PdfReader(io.BytesIO(bundle_pdf(papers.bundle(els, meeting))))
    front = " ".join(page.extract_text() for page in reader.pages[:5]).replace("\n", " ")
    assert "not in the bundle (DOCX file; this host has no LibreOffice): sent separately" in front
