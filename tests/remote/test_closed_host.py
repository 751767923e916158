"""A closed host: a member's key reaches the board and nothing else of the host, over the real
sshd. Every argument the command line declares a host path is tried with the host's files
(and a missing one): refused while parsing, one line, exit 2, and not a byte of the file in
what comes back — whether the file exists or not (the answer must not tell which files do).
A command added later with a file argument is tried here by being declared one."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardroom.cli import build_parser
from boardroom.cli.parsing import host_paths
from tests.remote.conftest import BoardHost, err, out

#: the host's files a key must never reach, and what of them would show a leak
PASSWD = "/etc/passwd"
ENVIRON = "/proc/self/environ"
MISSING = "/nonexistent/boardroom-test/missing.toml"
LEAKS = ("root:x:0:0", ":/bin/", "nologin", "PATH=", "BOARDROOM_NOW=", "HOME=")


def attempts() -> list[tuple[str, str]]:
    """(the command with the path in place of PATH, which argument) for every host path of
    every command; --db, which every command has, on a few of them."""
    found = []
    db_seen = 0
    for command, action in host_paths(build_parser()):
        if action.dest == "db":
            db_seen += 1
            if db_seen > 3:
                continue
        flag = action.option_strings[0] if action.option_strings else ""
        words = [command, flag, "PATH"] if flag else [command, "PATH"]
        found.append((" ".join(w for w in words if w), f"{command} {flag or action.dest}"))
    return found


ATTEMPTS = attempts()


def test_the_walk_finds_every_kind_of_host_path():
    named = {what for _, what in ATTEMPTS}
    assert {
        " --replica",
        "init --from",
        "init --from-json",
        "backup target",
        "plan --from",
        "export minutes -o",
        "export bundle -o",
        "paper add --file",
        "paper get -o",
        "werkagenda import --file",
        "werkagenda evaluation --file",
        "access add --key",
        "access authorized-keys --program",
        "style --logo",
        "style --font",
        "style --font-bold",
        "replicate --replica",
        "restore --replica",
    } <= named
    assert len(ATTEMPTS) >= 25


@pytest.fixture
def host(board_host: BoardHost, keys: dict[str, Path]) -> BoardHost:
    board_host.bind("Els Verhoeven", keys["els"])  # the secretary: every command is hers
    board_host.start()
    return board_host


def test_every_host_path_of_every_command_is_refused_over_ssh(host, keys):
    shared = host.multiplexed()  # one connection, a session per command
    results = {
        (command, path): host.ssh(keys["els"], command.replace("PATH", path), options=shared)
        for command, _ in ATTEMPTS
        for path in (PASSWD, ENVIRON, MISSING)
    }
    answers: dict[str, dict[str, str]] = {}
    for (command, path), result in results.items():
        said = err(result)
        shown = f"{command.replace('PATH', path)!r}: {said!r}"
        assert result.returncode == 2, shown
        assert out(result) == "" and len(said.strip().splitlines()) == 1, shown
        assert "Traceback" not in said and not any(leak in said for leak in LEAKS), shown
        answers.setdefault(command, {})[path] = said.replace(path, "PATH")
    for command, said in answers.items():  # the same answer, whether the file exists or not
        assert said[PASSWD] == said[ENVIRON] == said[MISSING], (command, said)


#: command lines a member (or someone with a member's key) might send, through the real sshd
NASTY = [
    "request --list; cat /etc/passwd",
    "request --list && cat /proc/self/environ",
    "`cat /etc/passwd`",
    "werkagenda import --file=/etc/passwd",
    "paper add --meeting 2026-12-10 --item 4 --file ../../../../etc/passwd",
    "export minutes --meeting 2026-03-12 --output=/proc/self/environ",
    "--replica=/tmp/elsewhere",
    "-- --db /etc/passwd",
    "plan --from /etc/passwd --dry-run",
    "access add --member Henk --key /etc/ssh/ssh_host_ed25519_key",
    "paper get --paper 1 -o /home/board/.ssh/authorized_keys",
    "backup --db /etc/passwd /tmp/x",
    "'unbalanced",
    "x" * 3000,
    "request --title \x1b]0;pwned\x07 --minutes 5",
]


def test_a_members_key_gets_one_line_and_nothing_of_the_host(host, keys):
    shared = host.multiplexed()
    literal = host.ssh(keys["els"], "request --title $(cat /etc/passwd) --minutes 5")
    assert literal.returncode == 0  # no shell: the words are the title, as typed
    assert out(literal).endswith("submitted: $(cat /etc/passwd) (5 min)\n")
    for line in NASTY:
        result = host.ssh(keys["els"], line, options=shared)
        said = err(result)
        assert result.returncode == 2 and out(result) == "", (line, said)
        assert len(said.strip().splitlines()) == 1, (line, said)
        assert "Traceback" not in said and not any(leak in said for leak in LEAKS), (line, said)


def test_a_word_file_on_a_members_terminal_asks_for_a_redirect(host, keys):
    import subprocess

    command = [*host.ssh_command(keys["els"], tty=True), "export agenda --meeting 2026-12-10"]
    result = subprocess.run([*command[:-1], f"{command[-1]} --format docx"], capture_output=True)
    assert result.returncode == 2
    said = result.stdout.decode(errors="replace")  # one terminal: what it said is on it
    assert "--output: docx needs a file: add > FILE" in said and "-o FILE" not in said
