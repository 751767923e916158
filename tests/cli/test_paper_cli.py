"""`boardroom paper`: papers kept in the board — added from a file or standard input, the same
content stored once, handed back byte for byte, a tampered content caught; every bad input one
line, exit 2, nothing written."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from pathlib import Path

import pytest

from boardroom.cli import main
from tests.conftest import run

PDF = b"%PDF-1.4\n% regionale monitor wonen en zorg\n" + bytes(range(256)) * 40


def rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


class Stdin:
    """Standard input as a pipe gives it (bytes on .buffer, not a terminal)."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)

    def isatty(self) -> bool:
        return False


def add(capsys, db: Path, *extra: str) -> tuple[int, str, str]:
    return run(
        capsys, "paper", "add", "--db", str(db), "--as", "Els", "--meeting", "2026-12-10", *extra
    )


def test_add_from_a_file_and_from_standard_input_stored_once_and_got_back_exactly(
    capsys, demo_path, tmp_path, monkeypatch
):
    monitor = tmp_path / "monitor.pdf"
    monitor.write_bytes(PDF)
    digest = hashlib.sha256(PDF).hexdigest()
    before = rows(demo_path, "SELECT count(*) FROM paper_contents")[0][0]

    code, out, err = add(capsys, demo_path, "--item", "4", "--file", str(monitor))
    assert (code, err) == (0, "")
    first = int(out.split()[1])
    assert out == f"paper {first} on item 4: sha256 {digest} (stored)\n"

    monkeypatch.setattr("sys.stdin", Stdin(PDF))
    code, out, err = add(
        capsys, demo_path, "--item", "5", "--file", "-", "--name", "monitor.pdf", "--title", "Idem"
    )
    assert (code, err) == (0, "")
    assert out.endswith(f"sha256 {digest} (same content as a paper stored before)\n")
    assert rows(demo_path, "SELECT count(*) FROM paper_contents")[0][0] == before + 1
    assert rows(
        demo_path, f"SELECT title, file_name, media_type, size FROM papers WHERE id = {first}"
    ) == [("monitor", "monitor.pdf", "application/pdf", len(PDF))]

    code, out, _ = run(capsys, "paper", "list", "--db", str(demo_path), "--meeting", "2026-12-10")
    lines = [line for line in out.splitlines() if digest in line]
    assert len(lines) == 2 and " 4. monitor  monitor.pdf  application/pdf" in lines[0]
    assert " 5. Idem  monitor.pdf" in lines[1]

    target = tmp_path / "terug.pdf"
    code, out, err = run(
        capsys, "paper", "get", "--db", str(demo_path), "--paper", str(first), "-o", str(target)
    )
    assert (code, out, err) == (0, "", "")
    assert target.read_bytes() == PDF  # byte for byte


def test_paper_get_writes_the_bytes_to_standard_output(capfdbinary, demo_path, tmp_path):
    paper = tmp_path / "notitie.md"
    paper.write_bytes("# Notitie\n\nWachttijden GGZ — één regio.\n".encode())
    assert main(["paper", "add", "--db", str(demo_path), "--as", "Els", "--meeting",
                 "2026-12-10", "--item", "4", "--file", str(paper)]) == 0  # fmt: skip
    paper_id = capfdbinary.readouterr().out.split()[1].decode()
    assert main(["paper", "get", "--db", str(demo_path), "--paper", paper_id]) == 0
    assert capfdbinary.readouterr().out == paper.read_bytes()


def test_a_replaced_paper_stays_in_the_record(capsys, demo_path, tmp_path):
    (tmp_path / "v1.pdf").write_bytes(PDF)
    (tmp_path / "v2.pdf").write_bytes(PDF + b"% versie 2\n")
    _, out, _ = add(capsys, demo_path, "--item", "4", "--file", str(tmp_path / "v1.pdf"))
    old = out.split()[1]
    code, out, err = add(
        capsys, demo_path, "--item", "4", "--file", str(tmp_path / "v2.pdf"), "--replaces", old
    )
    assert (code, err) == (0, "")
    new = out.split()[1]
    assert rows(demo_path, f"SELECT replaced_by_id FROM papers WHERE id = {old}") == [(int(new),)]
    _, listing, _ = run(capsys, "paper", "list", "--db", str(demo_path), "--meeting", "2026-12-10")
    assert f"(replaced by {new})" in next(
        x for x in listing.splitlines() if x.startswith(f"{old:>5}")
    )
    code, _, err = add(
        capsys, demo_path, "--item", "4", "--file", str(tmp_path / "v2.pdf"), "--replaces", old
    )
    assert (code, err) == (
        2,
        f"boardroom: error: paper {old} was replaced already by paper {new}\n",
    )


def test_a_tampered_content_is_caught_by_verify_and_by_paper_get(capsys, demo_path, tmp_path):
    (tmp_path / "monitor.pdf").write_bytes(PDF)
    _, out, _ = add(capsys, demo_path, "--item", "4", "--file", str(tmp_path / "monitor.pdf"))
    paper_id, digest = out.split()[1], out.split()[6]
    conn = sqlite3.connect(demo_path)
    conn.execute(
        "UPDATE paper_contents SET content = ? WHERE sha256 = ?",
        (PDF.replace(b"1.4", b"1.7"), digest),
    )
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "verify", "--db", str(demo_path))
    assert code == 1
    assert f"paper content {digest[:12]}…: its bytes no longer match their sha256" in out
    code, out, err = run(
        capsys, "paper", "get", "--db", str(demo_path), "--paper", paper_id, "-o",
        str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert err == (
        f"boardroom: error: paper {paper_id}: its stored bytes no longer match its sha256 {digest[:12]}\n"
    )
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--item", "4", "--file", "weg.pdf"], "--file: cannot read weg.pdf: no such file"),
        (["--item", "4", "--file", "EMPTY"], "file: the file is empty"),
        (
            ["--item", "4", "--file", "BIG", "--max-mb", "0.001"],
            "--file: BIG is 2 kB; at most 1 kB is taken in",
        ),
        (
            ["--item", "12", "--file", "OK"],
            "item: the agenda of 2026-12-10 has items 1 to 9; there is no item 12",
        ),
        (["--item", "4", "--file", "OK", "--replaces", "999999"], "no paper with id 999999"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_written(
    capsys, demo_path, tmp_path, monkeypatch, args, message
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "EMPTY").write_bytes(b"")
    (tmp_path / "BIG").write_bytes(b"x" * 2000)
    (tmp_path / "OK").write_bytes(PDF)
    before = rows(demo_path, "SELECT count(*) FROM papers")
    code, out, err = add(capsys, demo_path, *args)
    assert (code, out, err) == (2, "", f"boardroom: error: {message}\n")
    assert rows(demo_path, "SELECT count(*) FROM papers") == before


def test_a_meeting_without_an_agenda_and_a_held_meeting_take_no_papers(capsys, demo_path, tmp_path):
    (tmp_path / "OK.pdf").write_bytes(PDF)
    base = ["paper", "add", "--db", str(demo_path), "--as", "Els", "--item", "1", "--file"]
    code, _, err = run(capsys, *base, str(tmp_path / "OK.pdf"), "--meeting", "2027-01-14")
    assert (code, err) == (2, "boardroom: error: the meeting of 2027-01-14 has no agenda yet\n")
    code, _, err = run(capsys, *base, str(tmp_path / "OK.pdf"), "--meeting", "2026-11-12")
    assert code == 2 and "has begun or was held" in err


def test_a_member_may_read_but_not_attach(capsys, demo_path, tmp_path):
    (tmp_path / "OK.pdf").write_bytes(PDF)
    code, _, err = run(
        capsys, "paper", "add", "--db", str(demo_path), "--as", "Henk", "--meeting",
        "2026-12-10", "--item", "4", "--file", str(tmp_path / "OK.pdf"),
    )  # fmt: skip
    assert code == 2 and "attach papers" in err
    code, out, _ = run(
        capsys, "paper", "list", "--db", str(demo_path), "--as", "Henk", "--meeting", "2026-12-10"
    )
    assert code == 0 and "Notitie Wonen, welzijn en zorg" in out
