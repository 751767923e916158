"""The seal on approved minutes: read back from the DOCX and PDF footers, checked with
`verify --seal`; a record changed and its whole hash chain rewritten passes `verify` but not
the code that went out with the minutes."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3

from docx import Document as Docx
from pypdf import PdfReader

from boardroom.cli import main
from boardroom.storage.db import Database
from boardroom.storage.repo import Repo
from boardroom.storage.schema import event_hash

CODE = re.compile(r"\b\d{8}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}\b")


def export(demo_path, fmt: str):
    target = demo_path.with_name(f"verslag.{fmt}")
    args = ["export", "minutes", "--db", str(demo_path), "--meeting", "2026-03-12"]
    assert main([*args, "--format", fmt, "-o", str(target)]) == 0
    return target


def code_in_docx(path) -> str:
    footer = Docx(str(path)).sections[0].footer
    return CODE.findall(" ".join(p.text for p in footer.paragraphs))[0]


def code_in_pdf(path) -> str:
    codes = {c for page in PdfReader(path).pages for c in CODE.findall(page.extract_text())}
    assert len(codes) == 1  # the same code on every page
    return codes.pop()


def rewrite_everything(path, meeting_day: str) -> None:
    """What someone with the file and this source code could do: change a decision of an
    approved meeting, make its logged state say the same, re-seal the meeting, and rebuild
    the whole hash chain so that every link holds."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    decision = conn.execute(
        "SELECT d.* FROM decisions d JOIN meetings m ON m.id = d.meeting_id"
        " WHERE substr(m.starts_at, 1, 10) = ? ORDER BY d.id LIMIT 1",
        (meeting_day,),
    ).fetchone()
    conn.execute(
        "UPDATE decisions SET title = 'Iets anders besloten' WHERE id = ?", (decision["id"],)
    )
    last = conn.execute(
        "SELECT id, after FROM event_log WHERE table_name = 'decisions' AND row_id = ?"
        " ORDER BY id DESC LIMIT 1",
        (decision["id"],),
    ).fetchone()
    after = json.loads(last["after"])
    after["title"] = "Iets anders besloten"
    conn.execute(
        "UPDATE event_log SET after = ? WHERE id = ?",
        (json.dumps(after, sort_keys=True), last["id"]),
    )
    conn.commit()
    conn.close()
    database = Database(path)
    repo = Repo(database)
    seal = repo.query(
        "SELECT s.* FROM seals s JOIN meetings m ON m.id = s.meeting_id"
        " WHERE substr(m.starts_at, 1, 10) = ?",
        (meeting_day,),
    )[0]
    new_hash = repo.seal_hash(seal["meeting_id"], seal["scheme"])
    conn = database.conn
    conn.execute("UPDATE seals SET hash = ? WHERE id = ?", (new_hash, seal["id"]))
    for event in repo.query(
        "SELECT id, after FROM event_log WHERE table_name = 'seals' AND row_id = ?", (seal["id"],)
    ):
        logged = json.loads(event["after"])
        logged["hash"] = new_hash
        conn.execute(
            "UPDATE event_log SET after = ? WHERE id = ?",
            (json.dumps(logged, sort_keys=True), event["id"]),
        )
    previous = ""
    for event in list(repo.iter_event_log()):
        previous = event_hash(previous, event)
        conn.execute("UPDATE event_log SET hash = ? WHERE id = ?", (previous, event["id"]))
    conn.commit()
    database.close()


def test_the_code_on_the_minutes_matches_the_record(demo_path, capsys):
    docx_code = code_in_docx(export(demo_path, "docx"))
    pdf_code = code_in_pdf(export(demo_path, "pdf"))
    html = export(demo_path, "html").read_text(encoding="utf-8")
    assert docx_code == pdf_code and docx_code.startswith("20260312-")
    assert f"Seal {docx_code}" in html
    capsys.readouterr()
    assert main(["verify", "--db", str(demo_path), "--seal", docx_code.lower()]) == 0
    assert capsys.readouterr().out == (
        f"seal {docx_code}: matches — the record of the meeting of Thu 12 Mar 2026 15:00 is as"
        " approved\n"
    )


def test_a_rewritten_chain_passes_verify_but_not_the_seal(demo_path, tmp_path, capsys):
    code = code_in_pdf(export(demo_path, "pdf"))
    copy = tmp_path / "herschreven.db"
    shutil.copy(demo_path, copy)
    rewrite_everything(copy, "2026-03-12")
    capsys.readouterr()
    assert main(["verify", "--db", str(copy)]) == 0  # the file alone cannot tell
    assert capsys.readouterr().out.rstrip().endswith("all consistent")
    assert main(["verify", "--db", str(copy), "--seal", code]) == 1
    assert capsys.readouterr().out == (
        f"seal {code}: does NOT match the meeting of Thu 12 Mar 2026 15:00 — the record or the"
        " history before its approval was rewritten since these minutes went out\n"
    )


def test_a_changed_record_without_a_rewrite_is_named(demo_path, capsys):
    code = code_in_pdf(export(demo_path, "pdf"))
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE decisions SET title = 'Anders' WHERE number = 'B2026-03-01'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["verify", "--db", str(demo_path), "--seal", code]) == 1
    assert "its record was changed after approval" in capsys.readouterr().out


def test_bad_seal_codes_are_one_line(demo_path, capsys):
    assert main(["verify", "--db", str(demo_path), "--seal", "ABCD"]) == 2
    assert "--seal: not a seal code" in capsys.readouterr().err
    assert main(["verify", "--db", str(demo_path), "--seal", "20250101-AAAA-BBBB-CCCC"]) == 2
    assert "no approved minutes of a meeting on 2025-01-01" in capsys.readouterr().err


def test_the_code_is_never_broken_over_two_lines_and_reads_back_as_copied(demo_path, capsys):
    """HTML keeps it on one line, Word with its non-breaking hyphens; a code copied from
    either (with those hyphens) is read as typed."""
    from docx.oxml.ns import qn

    html = export(demo_path, "html").read_text(encoding="utf-8")
    code = CODE.search(html).group(0)
    assert f'<span class="whole">{code}</span>' in html
    document = Docx(str(export(demo_path, "docx")))
    seal = next(p for p in document.paragraphs if p.text.startswith("Seal:"))
    assert len(list(seal._p.iter(qn("w:noBreakHyphen")))) == 3
    assert "".join(r.text for r in seal.runs[1:]) == code  # Word copies them as hyphens
    for hyphen in ("\u2011", "\u2010"):
        copied = code.replace("-", hyphen).lower()
        assert main(["verify", "--db", str(demo_path), "--seal", copied]) == 0, hyphen
        assert "matches" in capsys.readouterr().out
