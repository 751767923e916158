"""The board host for real: OpenSSH's sshd on 127.0.0.1, real `ssh` with keys made here, the
authorized_keys from `boardroom access authorized-keys` (docs/architecture.md §6)."""

from __future__ import annotations

import io
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from bench.console import Terminal
from boardroom.services import access, agenda
from boardroom.services.session import open_session
from tests.conftest import DEMO_PLAN, fixed_now
from tests.remote.conftest import PROGRAM, BoardHost, err, out


@pytest.fixture
def host(board_host: BoardHost, keys: dict[str, Path]) -> BoardHost:
    board_host.bind("Henk Jansen", keys["henk"])
    board_host.bind("Els Verhoeven", keys["els"])
    board_host.bind("Marianne van der Velde", keys["marianne"])
    board_host.start()
    return board_host


def requests_of(db: Path, who: str) -> list[str]:
    session = open_session(db, fixed_now, as_name=who)
    try:
        return [row.title for row in agenda.my_requests(session)]
    finally:
        session.close()


def test_a_portfolio_holder_files_a_request_over_ssh_as_the_key_s_member(host, keys):
    result = host.ssh(
        keys["henk"],
        "request --title 'Wachttijden GGZ-intake: stand van zaken' --minutes 20"
        " --purpose deciding --theme 'Mentale gezondheid'",
    )
    assert result.returncode == 0, err(result)
    assert out(result).startswith("request ") and "submitted: Wachttijden GGZ-intake" in out(result)
    assert "Wachttijden GGZ-intake: stand van zaken" in requests_of(host.db, "Henk Jansen")
    listed = host.ssh(keys["henk"], "request --list")
    assert "submitted: Wachttijden GGZ-intake: stand van zaken [20 min]" in out(listed)
    session = open_session(host.db, fixed_now)
    try:
        last = session.repo.query("SELECT actor FROM event_log ORDER BY id DESC LIMIT 1")
    finally:
        session.close()
    assert last == [{"actor": "Henk Jansen"}]  # the event log knows who, from the key


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (
            "request --as 'Els Verhoeven' --list",
            "--as: over SSH you are the key's member (Henk Jansen)",
        ),
        ("request --list --as=Els", "--as: over SSH you are the key's member (Henk Jansen)"),
        ("--db /tmp/other.db request --list", "--db: over SSH the board is the host's"),
        (
            "export minutes --meeting 2026-03-12 -o /tmp/verslag.md",
            "-o: files on the board host are out of reach over SSH; the output comes on"
            " standard output: ssh … > FILE",
        ),
        (
            "plan --year 2027 --from /etc/passwd",
            "--from: files on the board host are out of reach over SSH; send the file on"
            " standard input: --from - < FILE",
        ),
        ("--replica /tmp/elsewhere", "--replica: files on the board host are out of reach"),
        ("init --demo --db x.db", "--db: over SSH the board is the host's"),
        ("init --demo", "`init` is for the board host's owner, not over SSH"),
        ("backup /tmp/copy.db", "`backup` is for the board host's owner, not over SSH"),
        ("replicate --replica /tmp/elsewhere", "`replicate` is for the board host's owner"),
        ("restore --replica /tmp/elsewhere", "`restore` is for the board host's owner"),
        ("access authorized-keys", "`access authorized-keys` is for the board host's owner"),
        ("request --list; rm -rf ~", "unrecognized arguments: --list; rm -rf ~"),
        (
            "request --list $(touch /tmp/pwned)",
            "unrecognized arguments: $(touch /tmp/pwned)",
        ),
        ("request --list && id", "unrecognized arguments: && id"),
        ("sh -c id", "invalid choice: 'sh'"),
        (
            "agenda set --meeting 2026-12-10",
            "Henk Jansen (roles: portfolio_holder) may not set the agenda",
        ),
    ],
)
def test_what_a_member_may_not_do_over_ssh_is_one_line_and_exit_2(host, keys, command, message):
    result = host.ssh(keys["henk"], command)
    assert result.returncode == 2
    assert out(result) == ""
    lines = err(result).strip().splitlines()
    assert len(lines) == 1 and message in lines[0], err(result)
    assert not Path("/tmp/pwned").exists()


def test_a_long_or_multi_line_command_is_refused_before_parsing(host, keys):
    long = host.ssh(keys["henk"], "request --title " + "x" * 3000 + " --minutes 5")
    assert long.returncode == 2 and "at most 2000" in err(long)
    # A line break inside the command (as a script could send it) never reaches a parser.
    broken = host.ssh(keys["henk"], "request --list\nrm -rf ~")
    assert broken.returncode == 2 and "control character (0x0a" in err(broken)


def test_the_minutes_come_out_on_standard_output_as_word(host, keys):
    result = host.ssh(keys["henk"], "export minutes --meeting 2026-03-12 --format docx")
    assert result.returncode == 0, err(result)
    with zipfile.ZipFile(io.BytesIO(result.stdout)) as docx:
        assert "B2026-03-01" in docx.read("word/document.xml").decode()


def test_files_come_in_on_standard_input(host, keys, tmp_path):
    # The secretary gives a new member's key over SSH: the key on standard input.
    newcomer = tmp_path / "keys" / "stranger.pub"
    added = host.ssh(
        keys["els"], "access add --member 'Ingrid Smit' --key -", stdin=newcomer.read_text()
    )
    assert added.returncode == 0, err(added)
    assert out(added).startswith("Ingrid Smit: ssh-ed25519 SHA256:")
    # A plan on standard input, with the standard agenda shipped with boardroom.
    plan = DEMO_PLAN.read_text()
    planned = host.ssh(keys["els"], "plan --year 2027 --from - --dry-run", stdin=plan)
    assert planned.returncode == 0, err(planned)
    assert out(planned).endswith(
        "2027: 9 new, 2 changed, 0 removed, 0 kept as they are; 0 could not be placed\n"
    )
    refused = host.ssh(keys["henk"], "plan --year 2027 --from - --dry-run", stdin=plan)
    assert refused.returncode == 2 and "may not plan the year" in err(refused)


def test_a_paper_goes_in_on_standard_input_and_comes_back_byte_for_byte(host, keys, tmp_path):
    pdf = b"%PDF-1.4\n% notitie wonen\n" + bytes(range(256)) * 64
    added = host.ssh(
        keys["els"],
        "paper add --meeting 2026-12-10 --item 4 --title 'Notitie wonen' --file - --name n.pdf",
        stdin=pdf,
    )
    assert added.returncode == 0, err(added)
    paper_id = out(added).split()[1]
    got = host.ssh(keys["henk"], f"paper get --paper {paper_id}")
    assert got.returncode == 0 and got.stdout == pdf
    # a path on the host is out of reach, in and out
    on_host = host.ssh(keys["els"], "paper add --meeting 2026-12-10 --item 4 --file /etc/passwd")
    assert on_host.returncode == 2 and "send the file on standard input: --file - < FILE" in err(
        on_host
    )
    to_host = host.ssh(keys["henk"], f"paper get --paper {paper_id} -o /tmp/x.pdf")
    assert to_host.returncode == 2 and "ssh … > FILE" in err(to_host)


def test_a_removed_key_and_a_deactivated_member_are_refused_at_the_next_login(host, keys):
    assert host.ssh(keys["henk"], "request --list").returncode == 0
    session = open_session(host.db, fixed_now, as_name="Els Verhoeven")
    try:
        access.remove_keys(session, member_name="Henk Jansen")
    finally:
        session.close()
    # The authorized_keys file still has the line: the forced command itself refuses.
    refused = host.ssh(keys["henk"], "request --list")
    assert refused.returncode == 2
    assert "this key has no access to the board; ask the secretary" in err(refused)
    host.write_keys()  # once the file is written again, sshd itself refuses the key
    denied = host.ssh(keys["henk"], "request --list")
    assert denied.returncode == 255 and "Permission denied (publickey)" in err(denied)
    # A member who leaves the table loses access at once, though the key is still bound.
    session = open_session(host.db, fixed_now, as_name="Els Verhoeven")
    try:
        marianne = session.repo.member_by_name("Marianne van der Velde")
        from boardroom.services.composition import deactivate_member

        deactivate_member(session, marianne.id or 0)
    finally:
        session.close()
    gone = host.ssh(keys["marianne"], "request --list")
    assert gone.returncode == 2
    assert "Marianne van der Velde is no longer an active member; access ended" in err(gone)


def test_a_stranger_s_key_cannot_log_in(host, keys):
    result = host.ssh(keys["stranger"], "request --list")
    assert result.returncode == 255 and "Permission denied (publickey)" in err(result)


def test_the_app_over_ssh_opens_as_the_key_s_member(host, keys):
    terminal = Terminal([*host.ssh_command(keys["henk"], tty=True)])
    try:
        terminal.wait_for("Henk Jansen", timeout=20)
        terminal.wait_for("portfolio holder", timeout=5)
        terminal.send("q", settle=0.5)
        deadline = time.monotonic() + 10
        while terminal.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert terminal.process.returncode == 0
    finally:
        if terminal.process.poll() is None:
            terminal.close()


def test_without_a_terminal_the_app_says_to_use_ssh_t(host, keys):
    result = host.ssh(keys["henk"])
    assert result.returncode == 2
    assert "the app needs a terminal: connect with ssh -t" in err(result)


@pytest.mark.parametrize("board_host", ["command"], indirect=True)
def test_as_authorized_keys_command_a_removed_key_is_refused_by_sshd(host, keys):
    """sshd asks `boardroom access authorized-keys` at each login: no file to keep current."""
    assert host.ssh(keys["henk"], "request --list").returncode == 0
    session = open_session(host.db, fixed_now, as_name="Els Verhoeven")
    try:
        gone = access.remove_keys(session, member_name="henk")
    finally:
        session.close()
    assert [row.member for row in gone] == ["Henk Jansen"]
    denied = host.ssh(keys["henk"], "request --list")
    assert denied.returncode == 255 and "Permission denied (publickey)" in err(denied)
    assert host.ssh(keys["els"], "request --list").returncode == 0


def test_authorized_keys_lines_force_the_command_and_restrict_the_session(host, keys):
    text = subprocess.run(
        [*PROGRAM, "access", "authorized-keys", "--db", str(host.db)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = text.splitlines()
    assert len(lines) == 3
    for line in lines:
        assert line.startswith('restrict,pty,command="')
        assert " ssh-session --db " in line and " --key SHA256:" in line
        assert " ssh-ed25519 AAAA" in line
    assert lines[0].endswith("boardroom:Marianne_van_der_Velde")


async def test_a_request_filed_over_ssh_shows_in_the_secretarys_open_app(host, keys):
    """The holder over SSH, the secretary's app open on the host's board: live, no key."""
    import asyncio

    from textual.widgets import DataTable

    from boardroom.tui.app import BoardroomApp

    session = open_session(host.db, fixed_now, as_name="Els Verhoeven")
    app = BoardroomApp(session, host.db, "Els Verhoeven")
    async with app.run_test(size=(130, 42)) as pilot:
        await pilot.press("f11")
        await pilot.pause()
        table = app.screen.query_one("#table", DataTable)
        before = table.row_count
        result = await asyncio.to_thread(
            host.ssh, keys["henk"], "request --title 'Via SSH: wachtlijsten' --minutes 15"
        )
        assert result.returncode == 0, err(result)
        started = time.monotonic()
        while table.row_count == before:
            assert time.monotonic() - started < 1.0, "not on the secretary's screen within 1 s"
            await pilot.pause(0.02)
        assert "Via SSH: wachtlijsten" in str(table.get_row_at(0)[1])
        assert "Henk Jansen" in str(table.get_row_at(0)[7])
    session.close()
