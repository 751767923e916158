"""The SSH front door: what a member's key may run on the board host.

OpenSSH authenticates the key and, by the `command="…"` that `boardroom-keys` (or `boardroom
access authorized-keys`) wrote for it, always starts `boardroom ssh-session --db DB --key FP`;
what the member typed after `ssh board@host` arrives in SSH_ORIGINAL_COMMAND. This module
touches nothing else: no shell ever sees that text. It is split into words the way a POSIX
shell would quote them (`shlex`, no expansion: `;`, `$(…)` stay literal words, which the
parser refuses as unknown) — or, when its quotes do not pair up (`GGZ's`: ssh passes the
words without the member's quotes), at the spaces — and handed to the ordinary parser, in
which free text takes the words up to the next option.

A key reaches the board and nothing else. Refused, each with one line on stderr and exit
code 2, and why:
- a control character (a newline, an escape) or more than MAX_COMMAND characters: a line
  nobody typed by hand; nothing in it is worth trying to parse;
- `--db` and `--as`: the board is the one the key opens and the identity is the key's;
- every file or folder on the host, wherever a command takes one (`cli.parsing.HostPath`):
  files come in on standard input (`-`) and go out on standard output; the check happens
  while parsing, before anything is opened, and the app's file prompts are closed too;
- the host owner's commands (`init`, `backup`, `demo`, `replicate`, `restore`,
  `access authorized-keys`, `ssh-session` itself): they make, copy or replicate databases or
  reveal the host's set-up.
Everything else is what the member's roles allow, decided by the services as on a laptop.
Access is asked again at every write, and the app closes within a second of a key being
removed or its member deactivated (services.access). Something that goes wrong inside
boardroom is one line to the member, and the details go to the host's log, not to them.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import traceback

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, common, over_ssh, owner_commands
from boardroom.domain.errors import BoardroomError, PermissionDenied
from boardroom.host_files import CLOSED

#: Longer than any command a person types (a request title included), short enough that
#: nothing is spent on a line that a script or an attack made.
MAX_COMMAND = 2000


class RemoteRefused(BoardroomError):
    """What the member asked over SSH is not possible there; the message says why."""


def register(commands: Commands) -> None:
    session = commands.add_parser(
        "ssh-session",
        help="(run by sshd for a member's key) open the board as that key's member",
        description="The forced command of a key in authorized_keys: the TUI, or the command"
        " in SSH_ORIGINAL_COMMAND, as the key's member. Not for people to run.",
    )
    common(session, db_required=True)
    session.add_argument("--key", dest="fingerprint", required=True, metavar="FINGERPRINT")
    session.set_defaults(handler=run_session, owner_only=True)


def split_command(original: str) -> list[str]:
    """SSH_ORIGINAL_COMMAND as words, as a POSIX shell would quote them, never expanded; at the
    spaces when its quotes do not pair up."""
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
    except ValueError:  # an apostrophe in a word ssh passed without the member's quotes
        words = original.split()
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


def parse(words: list[str]) -> argparse.Namespace:
    """The member's words, parsed as the board host parses them: the host owner's commands
    refused first, then every host path as it is parsed."""
    from boardroom.cli import build_parser, opens_app

    with over_ssh():
        if opens_app(words):
            args, unknown = build_parser(commands_too=False).parse_known_args(words)
            if not unknown:
                return args
        parser = build_parser()
        refuse_owner_commands(parser, words)
        return parser.parse_args(words)


def refuse_owner_commands(parser: argparse.ArgumentParser, words: list[str]) -> None:
    """`init`, `backup`, `access authorized-keys`…: the command the words name (its first two
    words, past the program's own options), before anything else is looked at."""
    named: list[str] = []
    value_next = False
    for word in words:
        if value_next:
            value_next = False
        elif word in ("--lang", "--replica"):  # the program's options that take a value
            value_next = True
        elif not word.startswith("-"):
            named.append(word)
            if len(named) == 2:
                break
    for owned in owner_commands(parser):
        path = owned.split()
        if named[: len(path)] == path:
            raise RemoteRefused(f"`{owned}` is for the board host's owner, not over SSH", "ssh")


def run_session(inv: Invocation) -> int:
    """One SSH login: who the key is, then the app (nothing typed after `ssh host`) or the
    command the member typed, always as that member on this board."""
    try:
        return _session(inv)
    except (BoardroomError, SystemExit, KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception:  # a bug: one line for the member, the details for the host's owner
        _log_for_owner(traceback.format_exc())
        print(
            "boardroom: error: something went wrong on the board host (a fault in boardroom,"
            " not in what you typed); the host's owner finds the details in its log",
            file=sys.stderr,
        )
        return 2


def _session(inv: Invocation) -> int:
    from boardroom.config import load_settings, resolve_language
    from boardroom.i18n import set_language
    from boardroom.services.access import open_key_session

    fingerprint = inv.args.fingerprint
    with open_key_session(inv.db_path, inv.now, fingerprint) as session:  # refused: not bound
        assert session.user is not None
        member = session.user.name
    words = split_command(os.environ.get("SSH_ORIGINAL_COMMAND") or "")
    refuse_flags(words, member)
    args = parse(words)
    set_language(resolve_language(args.lang, load_settings()))
    remote = Invocation(args, inv.db_path, member, inv.now, CLOSED, replica=None, key=fingerprint)
    if args.handler is None:  # nothing but options: the app
        if not sys.stdin.isatty():
            raise PermissionDenied(
                "the app needs a terminal: connect with ssh -t (ssh -t board@host)"
            )
        from boardroom.cli.board import open_app

        return open_app(remote)
    return int(args.handler(remote))


def _log_for_owner(details: str) -> None:
    """A fault's traceback, for the host's owner: in the board account's log folder."""
    try:
        import platformdirs

        folder = platformdirs.user_log_path("boardroom", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with (folder / "ssh-session.log").open("a", encoding="utf-8") as log:
            log.write(details + "\n")
    except OSError:
        pass
