"""The command line: parses, calls services, prints. One clear line on stderr for a user error.

Each command lives in a module of this package that declares its arguments (`register`,
with `set_defaults(handler=…)`) and runs them as that handler, given an `Invocation`: the
parsed arguments, the board, the user, the process's one clock and the gate to the host's
files. `COMMANDS` names each command's module; opening the app reads nothing else (building
every command's parser is about 12 ms of start-up).

Exit codes: 0 done; 1 a check found a difference (`verify`, `check`); 2 bad input or a problem
the user can fix (a file, a flag, the database), one line on stderr; 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from boardroom import __version__
from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import EXIT_USAGE, Parser, common, host_path
from boardroom.domain.errors import BoardroomError, ValidationProblem
from boardroom.host_files import LOCAL, reason

#: Every command, and the module of this package that declares and runs it.
COMMANDS: dict[str, str] = {
    "demo": "board",
    "init": "board",
    "check": "board",
    "verify": "board",
    "backup": "board",
    "present": "board",
    "plan": "plan",
    "request": "request",
    "agenda": "agenda",
    "export": "export",
    "paper": "paper",
    "werkagenda": "werkagenda",
    "access": "access",
    "style": "style",
    "replicate": "replica",
    "restore": "replica",
    "ssh-session": "ssh",
    "serve": "web",
    "web-session": "web",
}


def opens_app(argv: Sequence[str]) -> bool:
    """No command and no help asked: the app opens, and only the options it reads are
    parsed."""
    return not any(arg in COMMANDS or arg in ("-h", "--help") for arg in argv)


def build_parser(commands_too: bool = True) -> argparse.ArgumentParser:
    parser = Parser(
        prog="boardroom",
        description="Run a regional health-and-welfare board table: calendar, agendas, live"
        " meetings, decisions and actions. Without a command: open the app.",
    )
    parser.add_argument("--version", action="version", version=f"boardroom {__version__}")
    common(parser)
    host_path(
        parser,
        "--replica",
        stdio=None,
        metavar="URL",
        help="replicate the board while the app is open: a folder, sftp://… or s3://…"
        " (default: $BOARDROOM_REPLICA or the config file)",
    )
    parser.set_defaults(command=None, handler=None)
    if not commands_too:
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in dict.fromkeys(COMMANDS.values()):
        import_module(f"boardroom.cli.{module}").register(commands)
    return parser


def invocation(args: argparse.Namespace) -> Invocation:
    """The run the arguments ask for, on a laptop or by the host's owner: flags, then the
    environment, then the config file."""
    from boardroom.clock import process_clock
    from boardroom.config import (
        load_settings,
        resolve_db,
        resolve_language,
        resolve_replica,
        resolve_user,
    )
    from boardroom.i18n import set_language

    settings = load_settings()
    set_language(resolve_language(args.lang, settings))
    try:
        now = process_clock()
    except ValueError as error:
        raise ValidationProblem(str(error)) from None
    return Invocation(
        args,
        resolve_db(args.db, settings),
        resolve_user(args.as_name, settings),
        now,
        LOCAL,
        resolve_replica(getattr(args, "replica", None), settings),
        settings.replica_days,
    )


def run(inv: Invocation) -> int:
    """The command asked for, or the app."""
    if inv.args.handler is None:
        from boardroom.cli.board import open_app

        return open_app(inv)
    return int(inv.args.handler(inv))


def fail(message: str) -> int:
    print(f"boardroom: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up allocates many long-lived objects (modules, classes, widgets); collecting them
    # repeatedly only costs time. The app turns the collector back on after its first frame.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args, unknown = (
        build_parser(commands_too=False).parse_known_args(argv) if opens_app(argv) else (None, [])
    )
    if args is None or unknown:  # a command, help, or a word the app does not know: all of it
        args = build_parser().parse_args(argv)
    try:
        return run(invocation(args))
    except BoardroomError as error:
        return fail(str(error))
    except BrokenPipeError:  # `… | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:  # a file the user named that no command caught: still one line
        name = f"{error.filename}: " if error.filename else ""
        return fail(f"{name}{reason(error)}")
    except KeyboardInterrupt:
        return 130
