"""The SSH front door: what a member's key may run on the board host (DESIGN §7).

OpenSSH authenticates the key and, by the `command="…"` that `boardroom access
authorized-keys` wrote for it, always starts `boardroom ssh-session --db DB --key FP`; what the
member typed after `ssh board@host` arrives in SSH_ORIGINAL_COMMAND. This module touches
nothing else: no shell ever sees that text. It is split into words the way a POSIX shell
would quote them (`shlex`, no expansion, no `;`, no `$(…)`: those stay literal words, which the
command line then refuses as unknown arguments) and handed to the ordinary argument parser.

What is refused, each with one line on stderr and exit code 2, and why:
- a control character (a newline, an escape) or more than MAX_COMMAND characters: a line
  nobody typed by hand; nothing in it is worth trying to parse;
- `--db` and `--as`: the board is the one the key opens and the identity is the key's;
- a path on the host (`-o FILE`, `--from FILE`, `--key FILE`): the host's files are out of
  reach; data comes in on standard input (`-`) and goes out on standard output;
- `init`, `backup`, `demo`, `replicate`, `restore`, `access authorized-keys` and `ssh-session`
  itself: they make, copy or replicate databases or reveal the host's set-up, which is the
  host owner's work, not a member's.
Everything else is what the member's roles allow, decided by the services as on a laptop.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from pathlib import Path

from boardroom.domain.errors import BoardroomError, PermissionDenied, ValidationProblem
from boardroom.i18n import set_language

#: Longer than any command a person types (a request title included), short enough that
#: nothing is spent on a line that a script or an attack made.
MAX_COMMAND = 2000
#: Commands that make, copy or reveal the host's files: never over SSH.
REFUSED = {"init", "backup", "demo", "ssh-session", "replicate", "restore"}
#: Options naming a file on the host, and the one value they may take over SSH.
HOST_PATHS = {
    "output": "-o",
    "plan_file": "--from",
    "key_file": "--key",
    "paper_file": "--file",
}


class RemoteRefused(BoardroomError):
    """What the member asked over SSH is not possible there; the message says why."""


def split_command(original: str) -> list[str]:
    """SSH_ORIGINAL_COMMAND as words, as a POSIX shell would quote them, never expanded."""
    if len(original) > MAX_COMMAND:
        raise RemoteRefused(
            f"the command is {len(original)} characters long; at most {MAX_COMMAND}", "ssh"
        )
    for position, char in enumerate(original, 1):
        if (ord(char) < 32 and char != "\t") or ord(char) == 127:
            raise RemoteRefused(
                f"the command has a control character ({ord(char):#04x}, a line break?) at"
                f" position {position}",
                "ssh",
            )
    try:
        words = shlex.split(original, comments=False, posix=True)
    except ValueError as error:
        raise RemoteRefused(f"cannot read the command ({error})", "ssh") from None
    if words and words[0] in ("boardroom", "br"):
        words = words[1:]  # `ssh host boardroom request …` means the same as `ssh host request …`
    return words


def refuse_flags(words: list[str], member: str) -> None:
    """--db and --as anywhere, alone or as --db=…, the only spellings the parser accepts (it
    takes no abbreviations)."""
    for word in words:
        name = word.split("=", 1)[0]
        if name == "--db":
            raise RemoteRefused("over SSH the board is the host's; leave --db out", "--db")
        if name == "--as":
            raise RemoteRefused(
                f"over SSH you are the key's member ({member}); leave --as out", "--as"
            )


def check_parsed(args: object) -> None:
    """The parsed command: no refused command, no path on the host."""
    command = getattr(args, "command", None)
    if command in REFUSED or getattr(args, "access_command", None) == "authorized-keys":
        what = command if command in REFUSED else "access authorized-keys"
        raise RemoteRefused(f"`{what}` is for the board host's owner, not over SSH", "ssh")
    for attribute, flag in HOST_PATHS.items():
        value = getattr(args, attribute, None)
        if value is not None and (value != "-" or attribute == "output"):
            hint = (
                "the output comes on standard output: ssh … > FILE"
                if flag == "-o"
                else f"send it on standard input: {flag} - < FILE"
            )
            raise RemoteRefused(f"files on the host are out of reach; {hint}", flag)


def ssh_session(
    db_path: Path,
    fingerprint: str,
    original: str | None,
    parse: Callable[[list[str]], object],
    run: Callable[[object], int],
    open_app: Callable[[Path, str], int],
) -> int:
    """One SSH login: who the key is, then the TUI (nothing typed after `ssh host`) or the
    command the member typed, always as that member on this board."""
    from boardroom.services.access import member_for_key
    from boardroom.services.session import open_session

    session = open_session(db_path)
    try:
        member = member_for_key(session, fingerprint)
    finally:
        session.close()
    words = split_command(original or "")
    refuse_flags(words, member.name)
    # The board is the key's: --db goes last, so the innermost command (`export minutes`) has it.
    args = parse([*words, "--db", str(db_path)])
    check_parsed(args)
    args.as_name = member.name  # type: ignore[attr-defined]
    if getattr(args, "lang", None):
        set_language(args.lang)  # type: ignore[attr-defined]
    if getattr(args, "command", None) is None:  # nothing but options: the app
        if not sys.stdin.isatty():
            raise PermissionDenied(
                "the app needs a terminal: connect with ssh -t (ssh -t board@host)"
            )
        return open_app(db_path, member.name)
    return run(args)


def read_stdin_bytes(where: str, limit: int, shown: str) -> bytes:
    """Standard input as sent with `< FILE`, at most `limit` bytes (`shown`: the limit said)."""
    if sys.stdin is None or sys.stdin.isatty():
        raise ValidationProblem("nothing on standard input (send the file with < FILE)", where)
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise ValidationProblem(f"more than {shown} on standard input", where)
    return data


def read_stdin(where: str) -> str:
    """Standard input as text (a plan or a key sent with `< FILE`)."""
    data = read_stdin_bytes(where, 1_000_000, "1 MB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationProblem("standard input is not UTF-8 text", where) from None
