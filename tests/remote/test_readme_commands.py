"""Every command the README shows, run as typed, in the order it shows them — as a new user
following it would: against this test's real sshd in front of the README's board host, the
board made by the README's own `init`, the keys, the plan file and the replica it names.

What is substituted, and only that: the board host `board@tafel.example.nl` is this test's
sshd (an `ssh` first on the PATH adds its address, port and the secretary's key, and logs in
as the user running the tests); `/home/board` and `/mnt/backup/tafel` are folders of the test;
the example moment of `restore --at` is one the test's replica holds. `~` is a home of the
test's. A line shown twice (the Dutch section repeats the English) runs once. `./dev test` is
the suite itself and is not run from inside it.

A command that opens the app runs on a pseudo-terminal until its first screen shows (in the
language it asks for), then `q` closes it. `replicate` runs until its replica is up to date,
then stops on SIGTERM as its service would."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.console import Terminal
from bench.sshd import make_key
from boardroom.domain.clock import BOARD_ZONE
from boardroom.services import access
from boardroom.services.session import open_session
from tests.conftest import ROOT, fixed_now
from tests.exports.test_house_style import house_font, logo
from tests.remote.conftest import BoardHost

README = ROOT / "README.md"
HOST = "tafel.example.nl"
#: what a synopsis (the command table, a pattern in prose) has and a command one types has not
PLACEHOLDERS = {
    "PATH", "NAME", "FILE", "DATE", "NR", "URL", "ID", "CMD", "COMMAND", "FINGERPRINT",
    "TARGET", "Y", "N", "T", "S", "MB", "TEXT", "AIM", "D", "V", "F", "U", "THEME", "MEMBER",
    "CODE", "ARGS", "KEY", "YYYY-MM", "WHERE", "WHAT", "REPO", "HOST",
}  # fmt: skip
COMMAND = re.compile(r"^(?:[A-Z_]+=(?:\"[^\"]*\"|\S+)\s+)*(?:boardroom(?:-keys)?|ssh|\./dev)\s")
EXAMPLE_MOMENT = '"2026-12-10 16:05"'


def synopsis(text: str) -> bool:
    if any(mark in text for mark in ("…", "[", "|", "(--")):
        return True
    words = re.split(r"[\s=()\[\]]+", text)
    return any(w.strip('."') in PLACEHOLDERS or w.endswith(("FILE.pub", "NEW.db")) for w in words)


def readme_commands(text: str) -> list[str]:
    """Every command line of the README's code blocks, and every command in its prose (inline
    code that is a whole command, not a synopsis), in order, each once."""
    found = []
    fenced = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            if stripped.startswith("./dev"):
                stripped = re.sub(r"\s+#.*$", "", stripped)
            if COMMAND.match(stripped) and not synopsis(stripped):
                found.append(stripped)
        elif not stripped.startswith("|"):  # a table's rows are synopses
            found += [span for span in re.findall(r"`([^`]+)`", line)
                      if COMMAND.match(span) and not synopsis(span)]  # fmt: skip
    return [c for c in dict.fromkeys(found) if not c.startswith("./dev test")]


def opens_app(command: str) -> bool:
    words = command.split()
    rest = words[words.index("boardroom") + 1 :] if "boardroom" in words else words[1:]
    if words[0] == "ssh":
        return "-t" in words and rest[rest.index(next(w for w in rest if HOST in w)) + 1 :] in (
            [],
            ["--", "--lang", "nl"],
        )
    if words[0] == "./dev":
        return words[1] == "demo"
    return not rest or rest[0] in ("demo",) or rest[0].startswith("--")


def test_the_readme_names_the_commands_a_new_user_types():
    commands = readme_commands(README.read_text(encoding="utf-8"))
    assert len(commands) >= 25
    assert "ssh -t board@tafel.example.nl -- --lang nl" in commands
    assert any(c.startswith("boardroom access add") for c in commands)
    assert not any(synopsis(c) for c in commands)
    assert not synopsis(
        'ssh board@tafel.example.nl request --title "Wachtlijsten GGZ" --minutes 20'
    )
    assert synopsis("boardroom export agenda --db PATH --meeting DATE")


@pytest.fixture
def laptop(tmp_path: Path) -> dict[str, Path]:
    """A new user's folders: the laptop's working folder (with the README's files), a home, the
    board account's home on the host, the replica's folder, and `ssh` for the README's host."""
    places = {name: tmp_path / name for name in ("work", "home", "board", "replica", "bin")}
    for place in places.values():
        place.mkdir()
    work = places["work"]
    (places["board"] / ".ssh").mkdir(mode=0o700)
    shutil.copytree(ROOT / "agendas", work / "agendas")
    shutil.copytree(ROOT / "agendas", work / "boardroom" / "agendas")  # the board's checkout
    shutil.copy(ROOT / "agendas" / "jaarkalender.example.toml", work / "jaarkalender.toml")
    for member in ("carla", "anna", "greet"):
        make_key(work, member)
    house_style_files(work)
    return places


def house_style_files(work: Path) -> None:
    """The board's logo and font the README's `style` names (a font of the board's own)."""
    logo(work)
    house_font(work, "Vera.ttf", "Huisfont.ttf")
    house_font(work, "VeraBd.ttf", "Huisfont-Bold.ttf")


def ssh_for(host: BoardHost, key: Path, places: dict[str, Path]) -> None:
    """`ssh` first on the PATH: the README's host is this test's sshd."""
    config = places["bin"] / "ssh_config"
    config.write_text(
        f"Host {HOST}\n  HostName 127.0.0.1\n  Port {host.port}\n  IdentityFile {key}\n"
        "  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n"
        "  LogLevel ERROR\n  BatchMode yes\n"
    )
    wrapper = places["bin"] / "ssh"
    wrapper.write_text(
        f"#!{sys.executable}\nimport os, sys\n"
        f"args = [a.replace('board@{HOST}', '{getpass.getuser()}@{HOST}') for a in sys.argv[1:]]\n"
        f"os.execv('/usr/bin/ssh', ['ssh', '-F', {str(config)!r}, *args])\n"
    )
    wrapper.chmod(0o755)


def substituted(command: str, places: dict[str, Path], moment: str | None) -> str:
    command = command.replace("/home/board", str(places["board"]))
    command = command.replace("/mnt/backup/tafel", str(places["replica"]))
    if moment is not None:
        command = command.replace(EXAMPLE_MOMENT, f'"{moment}"')
    return command


def test_every_command_in_the_readme_works_as_typed(laptop, tmp_path):
    places = laptop
    host_db = places["board"] / "tafel.db"
    host = BoardHost(host_db, tmp_path / "sshd", "command")
    host.folder.mkdir()
    host.start()
    ssh_for(host, places["work"] / "greet", places)
    env = {
        **os.environ,
        "PATH": f"{places['bin']}:{Path(sys.executable).parent}:{os.environ['PATH']}",
        "HOME": str(places["home"]),
        "BOARDROOM_CONFIG": "/nonexistent",
        "BOARDROOM_LANG": "en",
    }
    env.pop("BOARDROOM_DB", None)
    greet_bound = False
    moment: str | None = None
    ran = []
    try:
        for command in readme_commands(README.read_text(encoding="utf-8")):
            line = substituted(command, places, moment)
            cwd = ROOT if line.startswith("./dev") else places["work"]
            if opens_app(command):
                marker = "Komende vergaderingen" if "--lang nl" in line else "Upcoming meetings"
                run_app(line, cwd, env, marker)
            elif " replicate " in f" {line} ":
                moment = run_replicate(line, cwd, env)
            else:
                done = subprocess.run(
                    ["bash", "-c", line], cwd=cwd, env=env, capture_output=True, timeout=120
                )
                said = done.stderr.decode(errors="replace")
                assert done.returncode == 0, f"{command}\n→ exit {done.returncode}: {said}"
                assert "Traceback" not in said, command
            ran.append(command)
            if host_db.exists() and not greet_bound:  # the secretary's own key, as she would
                with open_session(host_db, fixed_now, as_name="Greet Hofman") as session:
                    pub = (places["work"] / "greet.pub").read_text()
                    access.add_key(session, "Greet Hofman", pub)
                greet_bound = True
    finally:
        host.stop()
    assert len(ran) >= 25
    assert (places["work"] / "agenda.docx").read_bytes()[:2] == b"PK"  # a Word file came back
    assert (places["work"] / "then.db").exists() and (places["home"] / "tafel.db").exists()
    assert not list(places["work"].glob("then.db-*"))  # a restore leaves the file alone


def run_app(line: str, cwd: Path, env: dict[str, str], marker: str) -> None:
    terminal = Terminal(["bash", "-c", line], env=env, cwd=cwd)
    try:
        terminal.wait_for(marker, timeout=60)
        time.sleep(0.5)
        terminal.send("q", settle=0.2)
        deadline = time.monotonic() + 20
        while terminal.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert terminal.process.returncode == 0, f"{line}: exit {terminal.process.returncode}"
    finally:
        if terminal.process.poll() is None:
            terminal.close()


def run_replicate(line: str, cwd: Path, env: dict[str, str]) -> str:
    """The service: until the replica is up to date, a little longer, then SIGTERM; returns a
    moment the replica holds (the board's time), for `restore --at`."""
    import datetime as dt

    service = subprocess.Popen(
        ["bash", "-c", f"exec {line}"], cwd=cwd, env=env, stdout=subprocess.PIPE, text=True
    )
    assert service.stdout is not None
    lines = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        said = service.stdout.readline()
        lines.append(said)
        if "up to date" in said:
            break
    assert "up to date" in lines[-1], lines
    assert re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d CES?T up to date$", lines[-1].strip()), lines
    time.sleep(1.5)
    moment = dt.datetime.now(BOARD_ZONE).strftime("%Y-%m-%d %H:%M:%S")
    time.sleep(1.5)
    service.send_signal(signal.SIGTERM)
    assert service.wait(timeout=20) == 0
    return moment
