"""Minutes and lists as files, for a known meeting of the demo board (anchor 2026-11-24)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document as Docx

from boardroom.cli import main
from tests.conftest import run

GOLDEN = Path(__file__).parent / "golden"


def test_minutes_markdown_line_by_line(capsys, demo_path):
    code, out, err = run(
        capsys,
        "export",
        "minutes",
        "--db",
        str(demo_path),
        "--meeting",
        "2026-03-12",
        "--lang",
        "en",
    )
    assert (code, err) == (0, "")
    expected = (GOLDEN / "minutes-2026-03-12.en.md").read_text(encoding="utf-8").splitlines()
    assert out.splitlines() == expected


def test_minutes_by_number_are_the_same_document(capsys, demo_path):
    _, by_date, _ = run(
        capsys, "export", "minutes", "--db", str(demo_path), "--meeting", "2026-03-12"
    )
    _, by_number, _ = run(
        capsys, "export", "minutes", "--db", str(demo_path), "--meeting", "2026/3"
    )
    assert by_date == by_number


class Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[str] = []
        self.external: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_heading = tag in ("h1", "h2", "h3", "h4")
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.external.append(value)

    def handle_endtag(self, tag):
        self._in_heading = False

    def handle_data(self, data):
        if self._in_heading and data.strip():
            self.headings.append(data.strip())


def test_minutes_html_is_one_self_contained_printable_file(capsys, demo_path, tmp_path):
    target = tmp_path / "minutes.html"
    assert (
        run(
            capsys,
            "export",
            "minutes",
            "--db",
            str(demo_path),
            "--meeting",
            "2026-03-12",
            "--format",
            "html",
            "-o",
            str(target),
            "--lang",
            "nl",
        )[0]
        == 0
    )
    text = target.read_text(encoding="utf-8")
    outline = Outline()
    outline.feed(text)
    assert outline.external == [] and "script" not in outline.tags
    assert '<html lang="nl">' in text and "@media print" in text
    assert outline.headings[:3] == [
        "Verslag — Regiotafel Zorg en Welzijn Lindewaard",
        "Presentie",
        "Agenda",
    ]
    assert "Besluit B2026-03-01: Gezondheidsvaardigheden in de spreekkamer" in outline.headings
    assert (
        outline.tags.count("table") == 10
    )  # 2 consent rounds, 2 action tables, 2 of the werkagenda, behaviour, signatures, 2
    # appendices


def test_minutes_docx_reads_back(capsys, demo_path, tmp_path):
    target = tmp_path / "minutes.docx"
    assert (
        run(
            capsys,
            "export",
            "minutes",
            "--db",
            str(demo_path),
            "--meeting",
            "2026-03-12",
            "--format",
            "docx",
            "-o",
            str(target),
            "--lang",
            "en",
        )[0]
        == 0
    )
    doc = Docx(str(target))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Minutes — Regiotafel Zorg en Welzijn Lindewaard"
    assert "Decision B2026-03-01: Gezondheidsvaardigheden in de spreekkamer" in headings
    rounds = [t for t in doc.tables if t.rows[0].cells[0].text == "Member"]
    assert len(rounds) == 2
    objection = [row.cells[2].text for row in rounds[0].rows if row.cells[1].text == "objection"]
    assert objection == [
        "Zonder dekking voor de extra inzet van de VVT kunnen wij dit niet uitvoeren;"
        " wij vragen een overbruggingsbudget."
    ]


def test_decision_list_csv_line_by_line_and_json(capsys, demo_path):
    code, out, _ = run(
        capsys, "export", "decisions", "--db", str(demo_path), "--year", "2025", "--format", "csv"
    )
    assert code == 0
    assert (
        out.splitlines() == (GOLDEN / "decisions-2025.csv").read_text(encoding="utf-8").splitlines()
    )
    _, out, _ = run(
        capsys,
        "export",
        "decisions",
        "--db",
        str(demo_path),
        "--theme",
        "acute zorg",
        "--format",
        "json",
    )
    assert [d["number"] for d in json.loads(out)] == ["B2026-05-01", "B2025-01-02", "B2025-01-01"]


def test_action_list_filters(capsys, demo_path):
    _, out, _ = run(
        capsys, "export", "actions", "--db", str(demo_path), "--overdue", "--format", "json"
    )
    overdue = json.loads(out)
    assert len(overdue) == 5 and all(
        a["status"] == "open" and a["due_date"] < "2026-11-24" for a in overdue
    )
    _, out, _ = run(
        capsys, "export", "actions", "--db", str(demo_path), "--owner", "kees", "--format", "json"
    )
    assert {a["owner"] for a in json.loads(out)} == {"Kees Hendriks"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "minutes", "--meeting", "2026-03-13"], "--meeting: no meeting on 2026-03-13"),
        (["export", "minutes", "--meeting", "2026/99"], "2026 has no meeting number 99"),
        (
            ["export", "minutes", "--meeting", "2026-03-12", "-o", "/nonexistent/dir/m.md"],
            "-o: cannot write /nonexistent/dir/m.md: no such folder",
        ),
        (["export", "decisions", "--theme", "Onbekend"], "--theme: no theme named 'Onbekend'"),
        (["export", "actions", "--owner", "zz"], "--owner: no member named 'zz'"),
    ],
)
def test_export_errors_are_one_line_exit_2(capsys, demo_path, argv, message):
    code, out, err = run(capsys, *argv, "--db", str(demo_path))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_docx_goes_to_standard_output_when_it_is_not_a_terminal(capfdbinary, demo_path):
    """As over SSH: `export minutes --format docx > verslag.docx`."""
    import io
    import zipfile

    code = main(
        ["export", "minutes", "--db", str(demo_path), "--meeting", "2026-03-12", "--format", "docx"]
    )
    data = capfdbinary.readouterr().out
    assert code == 0 and data[:2] == b"PK"
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        body = docx.read("word/document.xml").decode()
    assert "B2026-03-01" in body


def test_docx_to_a_terminal_needs_a_file(capsys, demo_path, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code, out, err = run(
        capsys,
        "export",
        "minutes",
        "--db",
        str(demo_path),
        "--meeting",
        "2026-03-12",
        "--format",
        "docx",
    )
    assert code == 2 and "docx needs a file: add -o FILE (or > FILE)" in err


def test_an_unknown_format_is_refused_by_the_parser(capsys, demo_path):
    with pytest.raises(SystemExit) as caught:
        main(
            [
                "export",
                "minutes",
                "--db",
                str(demo_path),
                "--meeting",
                "2026-03-12",
                "--format",
                "odt",
            ]
        )
    assert caught.value.code == 2
    assert "invalid choice: 'odt'" in capsys.readouterr().err
