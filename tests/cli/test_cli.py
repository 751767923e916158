"""The command line: summaries, round trips, and one clear line (exit 2) for every user error."""

import json
import sqlite3
import subprocess
import sys

import pytest

from boardroom.cli import main
from boardroom.storage.schema import LATEST
from tests.conftest import EXAMPLE_BOARD, run

EXAMPLE = EXAMPLE_BOARD.read_text(encoding="utf-8")


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_init_from_file_prints_a_summary(capsys, tmp_path):
    code, out, err = run(
        capsys, "init", "--db", str(tmp_path / "b.db"), "--from", str(EXAMPLE_BOARD), "--lang", "en"
    )
    assert code == 0 and err == ""
    assert out.startswith("Board 'Regiotafel Zorg en Welzijn Voorbeeldstreek' (Voorbeeldstreek)")
    assert (
        "5 perspectives, 8 members (8 active), 2 themes, 3 behaviour rules, 2 leading principles"
        in out
    )


def test_init_demo_prints_a_summary(capsys, tmp_path):
    code, out, _ = run(
        capsys,
        "init",
        "--db",
        str(tmp_path / "d.db"),
        "--demo",
        "--anchor",
        "2026-11-24",
        "--lang",
        "en",
    )
    assert code == 0
    assert "Board 'Regiotafel Zorg en Welzijn Lindewaard' (Lindewaard)" in out
    assert "9 perspectives, 19 members (18 active), 6 themes" in out


def test_init_summary_in_dutch(capsys, tmp_path):
    code, out, _ = run(
        capsys, "init", "--db", str(tmp_path / "b.db"), "--from", str(EXAMPLE_BOARD), "--lang", "nl"
    )
    assert code == 0 and out.startswith("Tafel 'Regiotafel Zorg en Welzijn Voorbeeldstreek'")


def write(tmp_path, text):
    path = tmp_path / "board.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace('name = "Acute zorg"', 'name = "Acute zorg'), "not valid TOML"),
        (
            lambda t: t.replace(
                'portfolio_holders = ["Bart Claassen"]', 'portfolio_holders = ["Bert"]'
            ),
            "themes[0].portfolio_holders: unknown member 'Bert'",
        ),
        (
            lambda t: t.replace('name = "Esra Faber"', 'name = "Dirk Evers"'),
            "members[4].name: duplicate name 'Dirk Evers'",
        ),
        (
            lambda t: t.replace('name = "Regiotafel Zorg en Welzijn Voorbeeldstreek"', ""),
            "board.name: required field is missing",
        ),
        (
            lambda t: t.replace("seats = 2", "seats = -2", 1),
            "perspectives[2].seats: Input should be greater than or equal to 0",
        ),
    ],
)
def test_bad_board_files_give_one_line_with_file_and_line(capsys, tmp_path, edit, expected):
    source = write(tmp_path, edit(EXAMPLE))
    db = tmp_path / "b.db"
    code, out, err = run(capsys, "init", "--db", str(db), "--from", str(source))
    line = one_error_line(err)
    assert code == 2 and out == ""
    assert line.startswith(f"boardroom: error: {source}:")
    assert expected in line
    assert not db.exists()


def test_missing_file_unwritable_path_and_existing_database(capsys, tmp_path):
    code, _, err = run(
        capsys, "init", "--db", str(tmp_path / "b.db"), "--from", str(tmp_path / "nope.toml")
    )
    assert (
        code == 2
        and one_error_line(err)
        == f"boardroom: error: --from: cannot read {tmp_path / 'nope.toml'}: no such file"
    )
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(capsys, "init", "--db", str(blocker / "b.db"), "--from", str(EXAMPLE_BOARD))
    assert code == 2 and "cannot create file (Not a directory)" in one_error_line(err)
    run(capsys, "init", "--db", str(tmp_path / "b.db"), "--from", str(EXAMPLE_BOARD))
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "b.db"), "--from", str(EXAMPLE_BOARD))
    assert code == 2 and "a database exists here already" in one_error_line(err)


def test_corrupt_and_newer_databases(capsys, tmp_path):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"garbage" * 500)
    code, _, err = run(capsys, "check", "--db", str(corrupt))
    assert code == 2 and "not a usable SQLite database" in one_error_line(err)
    code, _, err = run(capsys, "export", "board", "--db", str(corrupt))
    assert code == 2 and "not a usable SQLite database" in one_error_line(err)

    newer = tmp_path / "newer.db"
    run(capsys, "init", "--db", str(newer), "--from", str(EXAMPLE_BOARD))
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO schema_version VALUES (?, 'future', 'x')", (LATEST + 1,))
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "export", "board", "--db", str(newer))
    assert (
        code == 2
        and f"schema version {LATEST + 1} is newer than this boardroom knows" in one_error_line(err)
    )
    code, out, _ = run(capsys, "check", "--db", str(newer))
    assert code == 1 and f"schema version {LATEST + 1}" in out


def test_unknown_member_for_as(capsys, demo_path):
    code, _, err = run(capsys, "export", "board", "--db", str(demo_path), "--as", "Nobody")
    assert code == 2 and one_error_line(err) == "boardroom: error: --as: no member named 'Nobody'"


def test_check_backup_and_json_round_trip(capsys, demo_path, tmp_path):
    code, out, _ = run(capsys, "check", "--db", str(demo_path))
    assert (
        code == 0
        and out.strip()
        == f"{demo_path}: integrity ok; foreign keys ok; schema version {LATEST} (latest {LATEST})"
    )
    code, out, _ = run(capsys, "backup", "--db", str(demo_path), str(tmp_path / "copy.db"))
    assert code == 0 and out.startswith(f"backup written: {tmp_path / 'copy.db'}")
    dump = tmp_path / "board.json"
    assert (
        run(capsys, "export", "board", "--db", str(demo_path), "--format", "json", "-o", str(dump))[
            0
        ]
        == 0
    )
    assert run(capsys, "init", "--db", str(tmp_path / "r.db"), "--from-json", str(dump))[0] == 0
    code, again, _ = run(capsys, "export", "board", "--db", str(tmp_path / "r.db"))
    assert json.loads(again) == json.loads(dump.read_text())


def test_usage_errors_are_one_line_with_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["init", "--db", "x.db"])
    _, err = capsys.readouterr()
    assert caught.value.code == 2
    assert one_error_line(err).startswith("boardroom init: error: one of the arguments")
    with pytest.raises(SystemExit) as caught:
        main(["init", "--db", "x.db", "--demo", "--anchor", "24-11-2026"])
    _, err = capsys.readouterr()
    assert caught.value.code == 2 and "not a date (YYYY-MM-DD): '24-11-2026'" in one_error_line(err)


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["agenda", "papers-sent", "--meeting=--"], "--meeting"),  # found by the fuzz test
        (["export", "minutes", "--meeting", "2026-12-10", "-o--"], "-o"),
        (["request", "--title=--", "--minutes", "5"], "--title"),
        (["init", "--db=--", "--demo"], "--db"),
    ],
)
def test_two_dashes_as_a_value_is_a_usage_error(capsys, demo_path, argv, option):
    """Python 3.11's argparse reads `--meeting=--` as an empty list: no value, no type."""
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--db", str(demo_path)] if "--db=--" not in argv else argv)
    _, err = capsys.readouterr()
    assert caught.value.code == 2
    assert f"error: {option}: '--' is not a value" in one_error_line(err)


@pytest.mark.parametrize(
    "command", [[], ["demo"], ["init"], ["check"], ["backup"], ["export", "board"]]
)
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as caught:
        main([*command, "--help"])
    out, _ = capsys.readouterr()
    assert caught.value.code == 0 and out.startswith("usage: boardroom")


def test_the_installed_entry_point_runs_without_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "boardroom", "check", "--db", str(tmp_path / "absent.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"boardroom: error: {tmp_path / 'absent.db'}: no database here (create one with `boardroom init`)"
    )


def test_the_app_parses_only_its_own_options_and_a_typo_gets_the_full_message(capsys):
    """Opening the app builds no command's parser; the list of commands it skips is the
    parser's own, and a mistyped command still gets argparse's message with the choices."""
    import argparse

    from boardroom.cli import COMMANDS, build_parser, opens_app

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(COMMANDS)
    assert opens_app(["--db", "x.db", "--as", "Els Verhoeven", "--lang", "nl"])
    assert not opens_app(["verify", "--db", "x.db"])
    assert not opens_app(["--help"])
    args = build_parser(commands_too=False).parse_args(["--db", "x.db", "--lang", "nl"])
    assert (args.command, args.db, args.lang) == (None, "x.db", "nl")
    with pytest.raises(SystemExit) as exited:
        main(["verfy", "--db", "x.db"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'verfy'" in err and "'verify'" in err


def test_a_device_is_written_in_place_and_a_full_disk_is_one_line(capsys, demo_path):
    """`-o /dev/null` writes to the device (never renames a file over it, even as root), and
    a disk that is full (/dev/full) is one line naming the file, exit 2."""
    import os
    import stat

    code, out, err = run(capsys, "export", "decisions", "--db", str(demo_path), "-o", "/dev/null")
    assert code == 0 and out == "" and err == ""
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    code, out, err = run(capsys, "export", "decisions", "--db", str(demo_path), "-o", "/dev/full")
    assert code == 2 and out == ""
    assert one_error_line(err) == "boardroom: error: -o: cannot write /dev/full: the disk is full"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_the_room_display_without_a_board_says_so_and_makes_none(capsys, tmp_path):
    missing = tmp_path / "nope.db"
    code, out, err = run(capsys, "present", "--db", str(missing), "--lang", "en")
    assert (code, out) == (2, "")
    assert one_error_line(err) == f"boardroom: error: {missing}: no board here"
    assert not missing.exists()  # nothing made where a board was expected
