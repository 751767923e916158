"""`boardroom werkagenda` and `boardroom export werkagenda`: the example file loads, a bad file
is named line by line with exit 2 and nothing written, the exports carry the figures."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from pathlib import Path

from boardroom.cli import main
from tests.conftest import ROOT, run

EXAMPLE = ROOT / "agendas" / "werkagenda-metingen.example.csv"


def figures(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM kpi_measurements").fetchone()[0]
    finally:
        conn.close()


def test_the_example_file_loads_and_the_missing_figure_is_there(demo_path, capsys):
    before = figures(demo_path)
    code, out, _err = run(
        capsys,
        "werkagenda",
        "import",
        "--db",
        str(demo_path),
        "--as",
        "Els Verhoeven",
        "--file",
        str(EXAMPLE),
    )
    assert (code, out) == (0, "1 figure(s) added, 2 corrected, 3 unchanged\n")
    assert figures(demo_path) == before + 1
    code, out, _err = run(
        capsys,
        "werkagenda",
        "show",
        "--db",
        str(demo_path),
        "--theme",
        "Arbeidsmarkt en digitale zorg",
        "--at",
        "2026-11-24",
    )
    assert out.splitlines() == [
        "Arbeidsmarkt en digitale zorg — Minder verzuim in zorg en welzijn (Yvonne Dekker)",
        "  Verzuim zorgpersoneel: on track — figures 7.7 · 7.5 · 7.3 · 7.1; target 6.5%"
        " by 2027-10-01",
    ]


def test_a_bad_file_is_refused_whole_with_exit_2(demo_path, tmp_path, capsys):
    bad = tmp_path / "metingen.csv"
    bad.write_text("kpi,date,value\nWachttijd intake ggz,2026-12-31,14\nOnbekend,2026-12-31,1\n")
    before = figures(demo_path)
    code, out, err = run(
        capsys,
        "werkagenda",
        "import",
        "--db",
        str(demo_path),
        "--as",
        "Els Verhoeven",
        "--file",
        str(bad),
    )
    assert (code, out) == (2, "")
    assert err == (
        f"boardroom: error: {bad}: nothing was loaded; fix these lines:"
        " line 3: no KPI named 'Onbekend'\n"
    )
    assert figures(demo_path) == before
    code, _out, err = run(
        capsys,
        "werkagenda",
        "import",
        "--db",
        str(demo_path),
        "--as",
        "Els Verhoeven",
        "--file",
        str(tmp_path / "nowhere.csv"),
    )
    assert code == 2 and "no such file" in err
    code, _out, err = run(
        capsys,
        "werkagenda",
        "figure",
        "--db",
        str(demo_path),
        "--as",
        "Henk Jansen",
        "--kpi",
        "Wachttijd intake ggz",
        "--date",
        "2026-12-31",
        "--value",
        "12",
    )
    assert code == 2 and "may not keep the werkagenda" in err
    assert figures(demo_path) == before


def test_the_export_as_facts_and_as_a_document(demo_path, tmp_path, capsys):
    code, out, _err = run(
        capsys,
        "export",
        "werkagenda",
        "--db",
        str(demo_path),
        "--at",
        "2026-11-24",
        "--format",
        "json",
    )
    rows = json.loads(out)
    wait = next(r for r in rows if r["kpi"] == "Wachttijd intake ggz")
    assert (wait["status"], wait["latest"], wait["latest_on"], wait["target"]) == (
        "at_risk",
        15.2,
        "2026-10-01",
        8.0,
    )
    assert next(r for r in rows if r["status"] == "no_data")["missed_on"] == "2026-10-01"
    code, out, _err = run(
        capsys,
        "export",
        "werkagenda",
        "--db",
        str(demo_path),
        "--at",
        "2026-11-24",
        "--lang",
        "nl",
    )
    assert code == 0
    assert (
        "| Wachttijd intake ggz (weken) | 14 (1 okt 2025) | 13,8 (1 jan 2026) · 14,1 (1 apr 2026)"
        " · 14,6 (1 jul 2026) · 15,2 (1 okt 2026) |" in out
    )
    assert "| in gevaar |" in out and "geen gegevens (geen meetwaarde voor 1 okt 2026)" in out
    # the charts: a line of the figures against the dashed path, for every KPI with figures
    code, out, _err = run(
        capsys,
        "export",
        "werkagenda",
        "--db",
        str(demo_path),
        "--at",
        "2026-11-24",
        "--format",
        "html",
    )
    charts = re.findall(r"<svg .*?</svg>", out, re.S)
    assert len(charts) == 6
    # each: its figures as dots, the dashed path (and the legend's), the target as a diamond
    assert [c.count('r="2.4"') for c in charts] == [4, 4, 4, 4, 3, 4]
    assert all(c.count("stroke-dasharray: 4, 3") == 2 for c in charts)
    assert all("figures" in c and "path to the target" in c for c in charts)
    assert 'aria-label="Wachttijd intake ggz: at risk"' in out
    assert "<title>Wachttijd intake ggz: at risk</title>" in out
    # the values at round steps, with the unit; the ends as dates
    ggz = next(c for c in charts if "Wachttijd intake ggz" in c)
    assert [t for t in re.findall(r">([^<>]+)</text>", ggz) if "weken" in t] == [
        "8 weken",
        "10 weken",
        "12 weken",
        "14 weken",
        "16 weken",
    ]
    assert ">1 Oct 2025</text>" in ggz and ">1 Oct 2027</text>" in ggz
    docx = tmp_path / "werkagenda.docx"
    assert (
        main(["export", "werkagenda", "--db", str(demo_path), "--format", "docx", "-o", str(docx)])
        == 0
    )
    with zipfile.ZipFile(docx) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert len(images) == 6
    pdf = tmp_path / "werkagenda.pdf"
    code, _out, _err = run(
        capsys, "export", "werkagenda", "--db", str(demo_path), "--format", "pdf", "-o", str(pdf)
    )
    assert code == 0
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Wachttijd intake ggz: at risk" in text and "1 Oct 2027" in text


def test_a_programme_manager_adds_an_agreement_and_its_kpi(demo_path, capsys):
    db = ("--db", str(demo_path), "--as", "Thomas Peters")
    code, out, _err = run(
        capsys,
        "werkagenda",
        "agreement",
        *db,
        "--theme",
        "acute zorg",
        "--title",
        "Snellere ambulancezorg",
        "--parties",
        "RAV Lindewaard; Meldkamer",
        "--aim",
        "experience",
    )
    assert (code, out) == (0, "result agreement 7: Snellere ambulancezorg\n")
    code, out, _err = run(
        capsys,
        "werkagenda",
        "kpi",
        *db,
        "--agreement",
        "7",
        "--name",
        "Responstijd A1",
        "--unit",
        "%",
        "--baseline",
        "91",
        "--baseline-on",
        "2026-01-01",
        "--target",
        "95",
        "--target-on",
        "2027-12-31",
        "--frequency",
        "monthly",
    )
    assert (code, out) == (0, "KPI 7: Responstijd A1\n")
    code, out, _err = run(
        capsys,
        "werkagenda",
        "figure",
        *db,
        "--kpi",
        "responstijd a1",
        "--date",
        "2026-11-01",
        "--value",
        "93.5",
    )
    assert (code, out) == (0, "1 figure(s) added, 0 corrected, 0 unchanged\n")
    code, out, _err = run(
        capsys, "werkagenda", "show", *db, "--theme", "Acute zorg", "--at", "2026-11-24"
    )
    assert out.splitlines()[-1] == (
        "  Responstijd A1: on track — figures 93.5; target 95% by 2027-12-31"
    )
    code, _out, err = run(
        capsys,
        "werkagenda",
        "kpi",
        *db,
        "--agreement",
        "99",
        "--name",
        "x",
        "--baseline",
        "1",
        "--baseline-on",
        "2026-01-01",
        "--target",
        "2",
        "--target-on",
        "2027-01-01",
    )
    assert (code, err) == (2, "boardroom: error: no result agreement with id 99\n")


def test_the_year_report_ends_with_the_werkagenda_at_the_year_s_end(demo_path, capsys):
    code, out, _err = run(capsys, "export", "report", "--db", str(demo_path), "--year", "2025")
    assert code == 0
    section = out.split("## Work agenda\n", 1)[1]
    assert section.startswith("\nas it stood on Wed 31 Dec 2025\n")
    # on 31 December 2025 no measuring moment had passed and no figure was known
    assert (
        "| Wachttijd intake ggz (weken) | 14 (1 Oct 2025) | — | — | 8 (1 Oct 2027) | no data |"
        in section
    )


def test_an_evaluation_from_a_counts_file_and_the_comparison(demo_path, tmp_path, capsys):
    counts = tmp_path / "evaluatie.csv"
    counts.write_text("statement,1,2,3,4,5\n1,0,0,2,6,4\n5,0,1,3,6,2\n")
    db = ("--db", str(demo_path), "--as", "Els Verhoeven")
    code, out, _err = run(
        capsys,
        "werkagenda",
        "evaluation",
        *db,
        "--date",
        "2026-11-12",
        "--respondents",
        "12",
        "--file",
        str(counts),
        "--comment",
        "Goede vergadering.",
        "--meeting",
        "2026-11-12",
    )
    assert (code, out) == (0, "evaluation of 2026-11-12: 2 statement(s), 12 respondents\n")
    code, out, _err = run(capsys, "werkagenda", "evaluations", *db)
    latest = out.split("\n2026-10-08")[0].splitlines()
    assert latest[0] == "2026-11-12: 12 respondents (compared with 2026-10-08)"
    assert latest[1].startswith("  4.2 (+0.3)  We richten ons op de gezamenlijke ambitie")
    assert latest[2] == "  3.8 (+0.7)  We zijn transparant over sectorale besluitvormingsprocessen."
    assert latest[-1] == "  — Goede vergadering."
    code, _out, err = run(
        capsys,
        "werkagenda",
        "evaluation",
        *db,
        "--date",
        "2026-11-13",
        "--respondents",
        "3",
        "--file",
        str(counts),
    )
    assert (code, err) == (
        2,
        "boardroom: error: statement 1: 12 scores for one statement, but 3 took part\n",
    )


def test_the_secretary_adds_and_rewords_statements(demo_path, capsys):
    db = ("--db", str(demo_path), "--as", "Els Verhoeven")
    code, out, _err = run(
        capsys, "werkagenda", "statements", *db, "--add", "Voeren we het goede gesprek?"
    )
    assert code == 0 and out.splitlines()[-1] == " 14. Voeren we het goede gesprek?"
    code, out, _err = run(
        capsys, "werkagenda", "statements", *db, "--reword", "14", "We voeren het goede gesprek."
    )
    assert out.splitlines()[-1] == " 14. We voeren het goede gesprek."
    code, _out, err = run(capsys, "werkagenda", "statements", *db, "--reword", "15", "x")
    assert (code, err) == (2, "boardroom: error: --reword: no statement 15\n")
