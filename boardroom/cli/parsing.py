"""How the command line reads its arguments: one-line errors, free text in several words, and
every argument that names a file on the host declared as one, here.

Two kinds of argument need more than argparse gives:

- A **host path** (`HostPath`, declared with `host_path()`): a file or folder on the machine
  boardroom runs on. Over SSH (while `over_ssh()` is in force) any value but `-` — standard
  input or output, where the argument allows it — is refused as it is parsed, before
  anything is opened; a new command with a file argument is covered by declaring it so.
  `tests/remote` walks the parser for every HostPath and tries each over a real sshd.
- **Free text** (`Words`): a title, a name, a comment. `ssh board@host request --title
  "Wachtlijsten GGZ"` reaches the host as `request --title Wachtlijsten GGZ` (ssh joins its
  words with spaces and the quotes are lost), so such an option takes the words up to the
  next option, joined by one space — over SSH and on a laptop alike.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from typing import Any, Literal, NoReturn, TypeAlias

from boardroom.host_files import STDIO, out_of_reach_hint

EXIT_USAGE = 2
#: where a command module adds its commands (a group of subcommands)
Commands: TypeAlias = "argparse._SubParsersAction[Any]"
_OVER_SSH: ContextVar[bool] = ContextVar("over_ssh", default=False)


@contextlib.contextmanager
def over_ssh() -> Iterator[None]:
    """Parse as the board host's forced command: every host path is refused."""
    token = _OVER_SSH.set(True)
    try:
        yield
    finally:
        _OVER_SSH.reset(token)


class HelpFormatter(argparse.HelpFormatter):
    def _format_args(self, action: argparse.Action, default_metavar: str) -> str:
        if isinstance(action, Words):
            return f"{self._metavar_formatter(action, default_metavar)(1)[0]}…"
        return super()._format_args(action, default_metavar)


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit code 2), and no abbreviated options
    (`--d` for `--db`): an option is what it says, also in a command that came over SSH."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        for arg in args or ():
            if arg == "--":
                break
            option = _given_dashes(arg)
            if option is not None:
                self.error(f"{option}: '--' is not a value")
        return super().parse_known_args(args, namespace)


def _given_dashes(arg: str) -> str | None:
    """The option of `--title=--` or `-o--`, which Python 3.11's argparse reads as an empty
    list (no value at all, no type applied): refused as a usage error instead."""
    if arg.startswith("--") and arg.endswith("=--"):
        return arg[: -len("=--")]
    if len(arg) == 4 and arg[0] == "-" and arg[1] != "-" and arg[2:] == "--":
        return arg[:2]
    return None


class HostPath(argparse.Action):
    """An argument naming a file or folder on the machine boardroom runs on.

    `stdio` says what `-` means for it: "in" (read standard input), "out" (write standard
    output) or None (nothing: a real path is needed). Over SSH only `-` passes, and only
    where `stdio` allows it."""

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str,
        stdio: Literal["in", "out"] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(option_strings, dest, **kwargs)
        self.stdio = stdio

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if _OVER_SSH.get() and not (self.stdio is not None and values == STDIO):
            where = option_string or str(self.metavar or self.dest)
            parser.error(f"{where}: {out_of_reach_hint(where, self.stdio)}")
        setattr(namespace, self.dest, values)


def host_path(
    parser: argparse._ActionsContainer,
    *flags: str,
    stdio: Literal["in", "out"] | None,
    **kwargs: Any,
) -> argparse.Action:
    """Declare an argument that names a file on the host (see HostPath)."""
    return parser.add_argument(*flags, action=HostPath, stdio=stdio, **kwargs)


class Words(argparse.Action):
    """Free text that may come as several words: joined by one space."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("nargs", "+")
        super().__init__(option_strings, dest, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        text = " ".join(values)
        if self.default == [] or isinstance(getattr(namespace, self.dest, None), list):
            setattr(namespace, self.dest, [*(getattr(namespace, self.dest, None) or []), text])
        else:
            setattr(namespace, self.dest, text)


def words(parser: argparse._ActionsContainer, *flags: str, **kwargs: Any) -> argparse.Action:
    """Declare a free-text option (see Words); `default=[]` collects each use in a list."""
    return parser.add_argument(*flags, action=Words, **kwargs)


def date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def common(parser: argparse.ArgumentParser, *, db_required: bool = False) -> None:
    """--db, --as and --lang, on the program and on each command. On a command they default to
    nothing at all (SUPPRESS), so `boardroom --lang nl request …` keeps the program's."""
    top = not isinstance(parser, Parser) or parser.prog == "boardroom"
    default = None if top else argparse.SUPPRESS
    host_path(
        parser,
        "--db",
        stdio=None,
        required=db_required,
        default=default,
        metavar="PATH",
        help="the board's database file (default: $BOARDROOM_DB, the config file, or the user"
        " data directory)",
    )
    words(
        parser, "--as", dest="as_name", default=default, metavar="NAME", help="who is using the app"
    )
    parser.add_argument(
        "--lang", choices=("nl", "en"), default=default, help="language of the interface"
    )


def meeting(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument(
        "--meeting",
        required=required,
        metavar="DATE|NR",
        help="the meeting's date (2026-12-10) or number in its year (2026/10)",
    )


def output(
    parser: argparse.ArgumentParser, help: str = "write here (default: standard output)"
) -> None:
    """-o FILE: where a document or list goes; `-` (or leaving it out) is standard output."""
    host_path(parser, "-o", "--output", stdio="out", metavar="FILE", help=help)


def owner_commands(parser: argparse.ArgumentParser) -> Iterator[str]:
    """The commands (`init`, `access authorized-keys`) set down as the host owner's
    (`set_defaults(owner_only=True)`): never over SSH."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = f"{sub.prog.removeprefix('boardroom').strip()}"
                if sub.get_default("owner_only"):
                    yield path or name
                yield from owner_commands(sub)


def host_paths(parser: argparse.ArgumentParser) -> Iterator[tuple[str, HostPath]]:
    """Every HostPath of a parser and its commands, with the command it belongs to
    (`export minutes`): what the SSH tests try."""
    for action in parser._actions:
        if isinstance(action, HostPath):
            yield parser.prog.removeprefix("boardroom").strip(), action
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from host_paths(sub)
