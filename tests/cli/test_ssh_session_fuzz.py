"""The front door fuzzed: thousands of generated SSH_ORIGINAL_COMMANDs through `ssh-session`,
as sshd would start it for a member's key — every command and option of the parser, quoted
and unquoted, with `--`, `=` forms, control characters, long values, paths on the host,
shell syntax and unicode. For each: no traceback (one line, or the command's own output),
no file of the host opened (an audit hook sees every open, directory listing and process),
and nothing written to the board unless the command was valid and allowed (exit 0).

A second test sends a sample of them through the real sshd (tests/remote), where the same
holds for what reaches the member's terminal."""

from __future__ import annotations

import argparse
import base64
import contextlib
import io
import shlex
import sqlite3
import struct
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from boardroom.cli import build_parser, main
from boardroom.cli.parsing import HostPath, Words
from boardroom.services import access
from boardroom.services.session import open_session
from tests.conftest import fixed_now

pytestmark = pytest.mark.date_free  # generated command lines: no date in what it checks
EXAMPLES = int(__import__("os").environ.get("FUZZ_EXAMPLES", "2000"))
PACKAGE = Path(__file__).resolve().parents[2] / "boardroom"
#: files a run may open that no member chose: Python's own, boardroom's, the time zones
ALWAYS = (
    sys.prefix,
    sys.base_prefix,
    sys.exec_prefix,
    str(PACKAGE),
    "/usr/share/zoneinfo",
    "/usr/lib/python3",
)
#: audit events that run something or change files: never, whatever is typed
NEVER = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "pty.spawn",
         "os.fork", "os.remove", "os.rename", "shutil.", "os.chmod", "os.chown")  # fmt: skip


class Watch:
    """What the process opens while `on`: (event, argument) pairs."""

    on = False
    seen: list[tuple[str, str]] = []

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:  # type: ignore[type-arg]
        if not cls.on:
            return
        if event in ("open", "sqlite3.connect", "os.listdir", "os.scandir") and args:
            target = args[0]
            if isinstance(target, bytes):
                target = target.decode(errors="replace")
            if isinstance(target, str | Path):
                cls.seen.append((event, str(target)))
                return
        if event.startswith(NEVER):
            cls.seen.append((event, repr(args)[:200]))


sys.addaudithook(Watch.hook)


def grammar() -> dict[tuple[str, ...], list[argparse.Action]]:
    """Every command (as its words) and its options, from the parser itself."""
    found: dict[tuple[str, ...], list[argparse.Action]] = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        found[path] = [a for a in parser._actions if a.option_strings]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, (*path, name))

    walk(build_parser(), ())
    return found


GRAMMAR = grammar()
TRICKY = [
    "-", "--", "=", "/etc/passwd", "/proc/self/environ", "/proc/1/environ", "~/.ssh/authorized_keys",
    "../../../etc/shadow", "/root", ".", "2026-12-10", "2026/10", "2027-02", "13", "0", "-1",
    "1e309", "nan", "Henk", "Els Verhoeven", "Marianne van der Velde", "Mentale gezondheid",
    "$(id)", "`id`", "; id", "&& id", "| cat /etc/passwd", "> /tmp/x", "'", '"', "\\", "*",
    "x" * 300, "é", "Zoë’s GGZ's", "🙂", "\x1b[31m", "\x00", "\t", "\n", "\r", "\x7f",
    "SHA256:abc", "--db=/tmp/x", "--as=Els", "-o/etc/passwd", "--file=/etc/passwd",
]  # fmt: skip


#: commands that are valid (for the secretary at least) and write, with their free parts
VALID = [
    "request --title {text} --minutes {n}",
    "request --title {text} --minutes {n} --theme Mentale gezondheid --purpose deciding",
    "werkagenda figure --kpi Wachttijd GGZ-intake --date 2026-09-30 --value {n}",
    "werkagenda statements --add {text}",
    "request --list",
    "access list",
    "paper list --meeting 2026-12-10",
    "export decisions --format csv",
    "werkagenda show --at 2026-10-01",
]


@st.composite
def valid_lines(draw: st.DrawFn) -> str:
    """A command that can succeed, its free text quoted as a member would, or not."""
    template = draw(st.sampled_from(VALID))
    text = draw(st.sampled_from(["Wachtlijsten GGZ", "GGZ's in de wijk", "Zoë", "x"]))
    if draw(st.booleans()):
        text = shlex.quote(text)
    return template.format(text=text, n=draw(st.integers(1, 120)))


@st.composite
def command_lines(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 3)) == 0:
        return draw(valid_lines())
    path = draw(st.sampled_from(sorted(GRAMMAR)))
    tokens = list(path)
    value = st.one_of(st.sampled_from(TRICKY), st.text(max_size=24))
    for action in draw(st.lists(st.sampled_from(GRAMMAR[path] or [None]), max_size=5)):
        if action is None:
            continue
        flag = draw(st.sampled_from(action.option_strings))
        if action.nargs == 0:
            tokens.append(flag)
            continue
        if action.choices and draw(st.booleans()):
            given_value = str(draw(st.sampled_from(list(action.choices))))
        else:
            given_value = draw(value)
        if draw(st.integers(0, 4)) == 0:
            tokens.append(f"{flag}={given_value}")
        else:
            tokens.append(flag)
            tokens.append(given_value)
            if isinstance(action, Words | HostPath) and draw(st.booleans()):
                tokens.append(draw(value))
    for _ in range(draw(st.integers(0, 2))):
        tokens.insert(draw(st.integers(0, len(tokens))), draw(value))
    quoting = draw(st.sampled_from(["raw", "shlex", "double", "mixed"]))
    if quoting == "shlex":
        tokens = [shlex.quote(t) for t in tokens]
    elif quoting == "double":
        tokens = [f'"{t}"' for t in tokens]
    elif quoting == "mixed":
        tokens = [shlex.quote(t) if draw(st.booleans()) else t for t in tokens]
    line = draw(st.sampled_from([" ", "  ", "\t"])).join(tokens)
    if draw(st.integers(0, 20)) == 0:
        line = line * draw(st.integers(20, 200))  # far too long
    return line.replace("\x00", "")  # an environment variable ends at a NUL: sshd sends none


def demo_key(n: int, member: str) -> str:
    blob = b"".join(struct.pack(">I", len(p)) + p for p in (b"ssh-ed25519", bytes([n]) * 32))
    return f"ssh-ed25519 {base64.b64encode(blob).decode()} {n}@laptop"


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> tuple[Path, dict]:
    """A copy of the demo with the secretary's and a portfolio holder's keys bound."""
    import shutil

    db = tmp_path_factory.mktemp("fuzz") / "board.db"
    shutil.copy(demo_template, db)
    prints = {}
    with open_session(db, fixed_now, as_name="Els Verhoeven") as session:
        for n, member in enumerate(("Els Verhoeven", "Henk Jansen"), 1):
            prints[member] = access.add_key(session, member, demo_key(n, member)).fingerprint
    return db, prints


def commits(db: Path) -> tuple[int, int]:
    """The event log's last entry and its length: every write of the board is logged."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT coalesce(max(id), 0), count(*) FROM event_log").fetchone()


def through_ssh_session(
    db: Path, fingerprint: str, line: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    """`ssh-session --db DB --key FP` with SSH_ORIGINAL_COMMAND=line, as sshd runs it, in this
    process: (exit code, stdout, stderr)."""
    monkeypatch.setenv("SSH_ORIGINAL_COMMAND", line)
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code = 0
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = main(["ssh-session", "--db", str(db), "--key", fingerprint])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 2
    stdout.flush()
    stderr.flush()
    return (
        code,
        stdout.buffer.getvalue().decode(errors="replace"),
        stderr.buffer.getvalue().decode(errors="replace"),
    )


def host_files_opened(db: Path) -> list[tuple[str, str]]:
    board = {str(db), *(f"{db}{suffix}" for suffix in ("-wal", "-shm", "-writer", "-journal"))}
    return [
        (event, target)
        for event, target in Watch.seen
        if not (
            event in ("open", "sqlite3.connect", "os.listdir", "os.scandir")
            and (target in board or target.startswith(ALWAYS))
        )
    ]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(line=command_lines(), who=st.sampled_from(["Els Verhoeven", "Henk Jansen"]))
def test_no_command_line_reaches_the_host_or_a_traceback(board, monkeypatch, line, who):
    db, prints = board
    before = commits(db)
    Watch.seen = []
    Watch.on = True
    try:
        code, out, err = through_ssh_session(db, prints[who], line, monkeypatch)
    finally:
        Watch.on = False
    event(f"exit {code}")
    event("wrote" if commits(db) != before else "wrote nothing")
    shown = f"{line!r} as {who}: exit {code}; {err[:300]!r}"
    assert "Traceback" not in err + out, shown
    assert "something went wrong on the board host" not in err, shown
    assert not host_files_opened(db), (shown, host_files_opened(db))
    if code != 0:
        assert commits(db) == before, shown  # refused: nothing written
        assert len(err.strip().splitlines()) <= 1 or err.startswith("usage:"), shown
