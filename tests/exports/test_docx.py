"""Word files a secretary sends: A4 with normal margins, the board and the meeting in the page
header, "page X of Y" fields in the footer, Word's heading styles, title and author in the
properties, tables with widths from their content and the header row repeated on each page."""

from __future__ import annotations

from docx import Document as Docx
from docx.oxml.ns import qn
from docx.shared import Mm

from boardroom.cli import main


def minutes_docx(demo_path, *extra: str):
    target = demo_path.with_name("verslag.docx")
    args = ["export", "minutes", "--db", str(demo_path), "--meeting", "2026-03-12", *extra]
    assert main([*args, "--format", "docx", "-o", str(target)]) == 0
    return Docx(str(target))


def test_pages_header_footer_and_properties(demo_path):
    document = minutes_docx(demo_path, "--lang", "nl")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 25
    header = " ".join(p.text for p in section.header.paragraphs)
    assert header == (
        "Regiotafel Zorg en Welzijn Lindewaard · Verslag vergadering 3 · do 12 mrt 2026 15:00"
        " · vastgesteld op 9 apr 2026"
    )
    footer = section.footer.paragraphs[0]._p
    fields = [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert "pagina" in section.footer.paragraphs[0].text and " van " in (
        section.footer.paragraphs[0].text
    )
    properties = document.core_properties
    assert (
        properties.title == "Verslag Regiotafel Zorg en Welzijn Lindewaard — do 12 mrt 2026 15:00"
    )
    assert properties.author == "Els Verhoeven"


def test_headings_are_word_headings_so_the_navigation_pane_shows_the_agenda(demo_path):
    document = minutes_docx(demo_path)
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[0] == ("Heading 1", "Minutes — Regiotafel Zorg en Welzijn Lindewaard")
    assert ("Heading 3", "4. Preventie en gezondheidsvaardigheden") in headings
    assert not [p for p in document.paragraphs if p.style.name == "Title"]


def test_tables_size_columns_from_their_content_and_repeat_their_header(demo_path):
    document = minutes_docx(demo_path)
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    answers = next(t for t in document.tables if t.rows[0].cells[0].text == "Member")
    widths = [column.width for column in answers.columns]
    assert widths[2] > widths[0] > widths[1]  # the reasons get the room, the answer least
    assert sum(widths) <= Mm(160) + 5000  # within the page's text width


def test_the_html_prints_on_a4_with_the_same_header_and_appendices_on_new_pages(demo_path):
    target = demo_path.with_name("verslag.html")
    args = ["export", "minutes", "--db", str(demo_path), "--meeting", "2026-03-12"]
    assert main([*args, "--format", "html", "-o", str(target)]) == 0
    html = target.read_text(encoding="utf-8")
    assert "@page { size: A4; margin: 20mm; }" in html
    assert (
        '<div class="running">Regiotafel Zorg en Welzijn Lindewaard · Minutes meeting 3'
        " · Thu 12 Mar 2026 15:00 · approved on 9 Apr 2026</div>"
    ) in html
    assert '<h2 class="appendix">Appendix: decisions of this meeting</h2>' in html
    assert '<div class="foot">Seal 20260312-' in html


def test_the_appendices_start_on_a_new_page_together_in_word(demo_path):
    """One page break before the appendices, not one each (no pages left two-thirds empty)."""
    document = minutes_docx(demo_path)
    appendix = next(p for p in document.paragraphs if p.text.startswith("Appendix: decisions"))
    assert appendix.paragraph_format.page_break_before is True
    actions = next(p for p in document.paragraphs if p.text.startswith("Appendix: open actions"))
    assert not actions.paragraph_format.page_break_before


def test_the_file_is_in_the_readers_language_and_says_when_it_was_made(demo_path, tmp_path):
    """Word spell-checks Dutch minutes as Dutch (the document's language in every style) and
    the properties are this file's: made at the export (the clock), by its author, revision 1,
    no template thumbnail or 2013 date."""
    import zipfile

    for lang, tag in (("nl", "nl-NL"), ("en", "en-GB")):
        document = minutes_docx(demo_path, "--lang", lang)
        defaults = document.styles.element.find(qn("w:docDefaults"))
        langs = [e.get(qn("w:val")) for e in defaults.iter(qn("w:lang"))]
        assert langs == [tag]
        properties = document.core_properties
        assert properties.language == tag
        assert properties.created.isoformat() == "2026-11-24T09:00:00+00:00"  # the clock
        assert (properties.modified, properties.revision) == (properties.created, 1)
        assert properties.author == properties.last_modified_by == "Els Verhoeven"
    names = zipfile.ZipFile(demo_path.with_name("verslag.docx")).namelist()
    assert not [n for n in names if "thumbnail" in n]


def test_labels_stay_with_what_they_introduce_and_rows_are_not_split(demo_path):
    document = minutes_docx(demo_path)
    body = list(document.paragraphs)
    labelled = [p for p in body if p.text.startswith("Round 1, version 1:")]
    assert labelled and all(p.paragraph_format.keep_with_next for p in labelled)
    present = next(p for p in body if p.text.strip() == "Present:")
    assert present.paragraph_format.keep_with_next
    assert all(
        p.paragraph_format.keep_with_next for p in body if p.style.name.startswith("Heading")
    )
    for table in document.tables:
        for row in table.rows[1:]:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    footer = document.sections[0].footer.paragraphs[0]._p
    sizes = {s.get(qn("w:val")) for f in footer.iter(qn("w:fldSimple")) for s in f.iter(qn("w:sz"))}
    assert sizes == {"16"}  # the page fields at the footer's 8 pt
