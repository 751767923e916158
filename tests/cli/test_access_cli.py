"""`boardroom access`: binding members' keys on the command line; each bad input one line,
exit 2, nothing written; every change in the event log."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run


@pytest.fixture
def key(tmp_path: Path) -> Path:
    path = tmp_path / "henk"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "henk@laptop", "-f", str(path)],
        check=True,
    )
    return path


def keys_in(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT member_id, fingerprint FROM member_keys").fetchall()
    finally:
        conn.close()


def test_add_list_remove_with_the_event_log(capsys, demo_path, key):
    fingerprint = subprocess.run(
        ["ssh-keygen", "-lf", f"{key}.pub"], capture_output=True, text=True, check=True
    ).stdout.split()[1]
    code, out, _ = run(
        capsys,
        "access",
        "add",
        "--db",
        str(demo_path),
        "--as",
        "Els Verhoeven",
        "--member",
        "henk",
        "--key",
        f"{key}.pub",
    )
    assert code == 0 and out == f"Henk Jansen: ssh-ed25519 {fingerprint} added\n"
    code, out, _ = run(capsys, "access", "list", "--db", str(demo_path))
    assert code == 0
    assert out.startswith(f"Henk Jansen  {fingerprint}  ssh-ed25519  added ")
    assert out.rstrip().endswith("added 2026-11-24 10:00:00 CET by Els Verhoeven")  # board time
    code, out, _ = run(
        capsys,
        "access",
        "remove",
        "--db",
        str(demo_path),
        "--as",
        "Els",
        "--key",
        fingerprint.removeprefix("SHA256:"),
    )
    assert code == 0 and out == f"Henk Jansen: {fingerprint} removed\n"
    assert keys_in(demo_path) == []
    conn = sqlite3.connect(demo_path)
    logged = conn.execute(
        "SELECT operation, actor FROM event_log WHERE table_name = 'member_keys' ORDER BY id"
    ).fetchall()
    conn.close()
    assert logged == [("insert", "Els Verhoeven"), ("delete", "Els Verhoeven")]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--member", "henk", "--key", "{private}"], "this is a private key"),
        (["--member", "henk", "--key", "{missing}"], "x.pub: no such file"),
        (["--member", "henk", "--key", "{notakey}"], "not an OpenSSH public key"),
        (["--member", "nobody", "--key", "{public}"], "--member: no member named 'nobody'"),
    ],
)
def test_bad_keys_and_members_are_one_line_and_nothing_is_written(
    capsys, demo_path, key, tmp_path, argv, message
):
    notakey = tmp_path / "notes.txt"
    notakey.write_text("Beste Els, hierbij mijn sleutel!\n")
    files = {
        "{private}": str(key),
        "{public}": f"{key}.pub",
        "{missing}": str(tmp_path / "x.pub"),
        "{notakey}": str(notakey),
    }
    argv = [files.get(a, a) for a in argv]
    code, out, err = run(capsys, "access", "add", "--db", str(demo_path), "--as", "Els", *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert keys_in(demo_path) == []


def test_a_key_belongs_to_one_member_only(capsys, demo_path, key):
    base = ["access", "add", "--db", str(demo_path), "--as", "Els", "--key", f"{key}.pub"]
    assert run(capsys, *base, "--member", "henk")[0] == 0
    code, _, err = run(capsys, *base, "--member", "ingrid")
    assert code == 2 and "is bound to Henk Jansen already" in err
    assert len(keys_in(demo_path)) == 1


def test_removing_what_is_not_there_and_adding_without_the_role(capsys, demo_path, key):
    code, _, err = run(
        capsys, "access", "remove", "--db", str(demo_path), "--as", "Els", "--key", "SHA256:nope"
    )
    assert code == 2 and "--key: no key with fingerprint SHA256:nope" in err
    code, _, err = run(
        capsys,
        "access",
        "add",
        "--db",
        str(demo_path),
        "--as",
        "Henk Jansen",
        "--member",
        "henk",
        "--key",
        f"{key}.pub",
    )
    assert code == 2 and "may not give or take access to the board" in err
    assert keys_in(demo_path) == []
