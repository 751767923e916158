"""The command line: parses, calls services, prints. One clear line on stderr for a user error.

Exit codes: 0 done, 2 bad input or a problem the user can fix (file, flag, database).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn

from boardroom import __version__
from boardroom.config import (
    data_dir,
    load_settings,
    resolve_db,
    resolve_language,
    resolve_replica,
    resolve_user,
)
from boardroom.domain.errors import BoardroomError, StorageProblem, ValidationProblem
from boardroom.i18n import set_language

if TYPE_CHECKING:
    from boardroom.exports.document import Document
    from boardroom.services.evaluation import EvaluationResult
    from boardroom.services.replication import Replication
    from boardroom.services.session import Session
    from boardroom.storage.db import Database

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit code 2), and no abbreviated options
    (`--d` for `--db`): an option is what it says, also in a command that came over SSH."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _common(parser: argparse.ArgumentParser, *, db_required: bool = False) -> None:
    parser.add_argument(
        "--db",
        required=db_required,
        metavar="PATH",
        help="the board's database file (default: $BOARDROOM_DB, the config file, or the user"
        " data directory)",
    )
    parser.add_argument("--as", dest="as_name", metavar="NAME", help="who is using the app")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of the interface")


#: the commands (each a subparser of build_parser; a test holds the two the same)
COMMANDS = frozenset(
    {
        "demo", "init", "check", "verify", "backup", "plan", "request", "agenda", "export",
        "replicate", "restore", "paper", "werkagenda", "access", "ssh-session",
    }
)  # fmt: skip


def opens_app(argv: Sequence[str]) -> bool:
    """No command and no help asked: the app opens, and only the options it reads are
    parsed (building every command's parser is about 12 ms of start-up, measured)."""
    return not any(arg in COMMANDS or arg in ("-h", "--help") for arg in argv)


def build_parser(commands_too: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="boardroom",
        description="Run a regional health-and-welfare board table: calendar, agendas, live"
        " meetings, decisions and actions. Without a command: open the app.",
    )
    parser.add_argument("--version", action="version", version=f"boardroom {__version__}")
    _common(parser)
    parser.add_argument(
        "--replica",
        metavar="URL",
        help="replicate the board while the app is open: a folder, sftp://… or s3://…"
        " (default: $BOARDROOM_REPLICA or the config file)",
    )
    if not commands_too:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser(
        "demo",
        help="open a complete demo board in a fresh database",
        description="Create the Lindewaard demo board in a fresh database and open the app on"
        " it, as the demo's chair unless --as says otherwise.",
    )
    _common(demo)
    demo.add_argument(
        "--anchor", type=_date, metavar="DATE", help="the demo's 'today' (default: today)"
    )

    init = commands.add_parser(
        "init",
        help="create a board database from a file, a JSON dump or the demo",
        description="Create a new board database. Prints a one-paragraph summary.",
    )
    _common(init, db_required=True)
    source = init.add_mutually_exclusive_group(required=True)
    source.add_argument("--from", dest="from_file", metavar="FILE", help="a board file (TOML)")
    source.add_argument(
        "--from-json", metavar="FILE", help="a dump made by `export board --format json`"
    )
    source.add_argument("--demo", action="store_true", help="the demo board")
    init.add_argument("--anchor", type=_date, metavar="DATE", help="the demo's 'today'")

    check = commands.add_parser(
        "check",
        help="integrity and schema version check",
        description="Run SQLite's integrity check, the foreign key check and the schema version"
        " check. Exit 0 when all is well, 1 when not.",
    )
    _common(check, db_required=True)

    verify = commands.add_parser(
        "verify",
        help="check the record against its event log (tamper evidence)",
        description="Check that the event log is an unbroken hash chain, that every row equals"
        " its last logged state, and that every approved meeting still has its sealed record."
        " Exit 0 when all holds, 1 with one line per difference.",
    )
    _common(verify, db_required=True)
    verify.add_argument(
        "--seal",
        metavar="CODE",
        help="the seal code at the foot of approved minutes (20260312-ABCD-EFGH-JKLM): does the"
        " record still match the document you hold?",
    )

    backup = commands.add_parser(
        "backup",
        help="write a consistent copy of the database",
        description="Copy the database with SQLite's online backup API; safe while the app is"
        " open.",
    )
    _common(backup, db_required=True)
    backup.add_argument("target", metavar="TARGET", help="the new backup file")

    plan = commands.add_parser(
        "plan",
        help="plan a year's meetings and draft agendas from a plan file",
        description="Plan a year from a plan file (see agendas/jaarkalender.example.toml): the"
        " meetings of the series and the extra dates, each with the standard agenda, and the"
        " themes, interest rounds, evaluations and fixed items spread over them. A year without"
        " meetings is planned at once; when the year has meetings already, the changes are"
        " shown and written only with --apply. Meetings whose agenda is set, or that were held,"
        " are never changed.",
    )
    _common(plan, db_required=True)
    plan.add_argument("--year", type=int, required=True, metavar="YEAR")
    plan.add_argument(
        "--from",
        dest="plan_file",
        required=True,
        metavar="FILE",
        help="the plan file; - reads it from standard input (with the standard agenda)",
    )
    plan_mode = plan.add_mutually_exclusive_group()
    plan_mode.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    plan_mode.add_argument("--apply", action="store_true", help="write the changes")

    request = commands.add_parser(
        "request",
        help="request agenda space (as a portfolio holder)",
        description="Ask the secretary and chair for time on an agenda. They schedule it into a"
        " meeting with room, or decline it with a reason; `boardroom request --list` shows what"
        " became of your requests.",
    )
    _common(request, db_required=True)
    request.add_argument("--list", action="store_true", help="show your requests and their status")
    request.add_argument("--theme", metavar="THEME", help="the theme's name")
    request.add_argument("--title", metavar="TEXT", help="the item's title")
    request.add_argument(
        "--purpose", choices=("informing", "opinion", "deciding"), default="informing"
    )
    request.add_argument("--minutes", type=int, metavar="N", help="minutes needed")
    when = request.add_mutually_exclusive_group()
    when.add_argument("--meeting", metavar="DATE|NR", help="the meeting wanted (2027-02-11)")
    when.add_argument("--month", metavar="YYYY-MM", help="the month wanted")
    request.add_argument("--papers-ready", type=_date, metavar="DATE", help="papers ready on")

    _access_parsers(commands)
    _replica_parsers(commands)
    _paper_parsers(commands)
    _werkagenda_parsers(commands)

    agenda_command = commands.add_parser(
        "agenda",
        help="set a meeting's agenda, or mark its papers sent (secretary or chair)",
        description="Steps of building an agenda that need no screen: `set` (the agenda goes"
        " out as it is) and `papers-sent` (every paper not yet sent is sent now).",
    )
    agenda_steps = agenda_command.add_subparsers(
        dest="agenda_command", metavar="STEP", parser_class=_Parser
    )
    agenda_steps.required = True
    for step, what in (("set", "set the agenda"), ("papers-sent", "mark the papers sent")):
        parser_step = agenda_steps.add_parser(step, help=what, description=f"{what.capitalize()}.")
        _common(parser_step, db_required=True)
        _meeting_arg(parser_step)

    export = commands.add_parser("export", help="write the board or its lists to a file")
    export_kinds = export.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser)
    export_kinds.required = True
    board = export_kinds.add_parser(
        "board",
        help="the whole board (every table) as JSON",
        description="Dump every table as JSON; `init --from-json` restores it exactly.",
    )
    _common(board, db_required=True)
    board.add_argument("--format", choices=("json",), default="json")
    board.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")

    minutes = export_kinds.add_parser(
        "minutes",
        help="a meeting's minutes (md, html, docx, pdf)",
        description="The minutes of one meeting: attendance, per item the notes and outcome,"
        " every decision with its tally or consent record, new actions, deferred items, the"
        " interest round and the behaviour check, with the decision and action lists.",
    )
    _common(minutes, db_required=True)
    _meeting_arg(minutes)
    minutes.add_argument("--format", choices=("md", "html", "docx", "pdf"), default="md")
    minutes.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here (default: standard output; docx there only when redirected: > FILE)",
    )

    agenda = export_kinds.add_parser(
        "agenda",
        help="a meeting's agenda as members receive it (md, html, docx, pdf)",
        description="The agenda of one meeting: board, date, time, place; the numbered items"
        " with purpose, presenter and clock times; papers with their sha256 and late flags;"
        " the open actions and decisions due for review under the actions review.",
    )
    _common(agenda, db_required=True)
    _meeting_arg(agenda)
    agenda.add_argument("--format", choices=("md", "html", "docx", "pdf"), default="md")
    agenda.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here (default: standard output; docx there only when redirected: > FILE)",
    )

    bundle = export_kinds.add_parser(
        "bundle",
        help="a meeting's papers as one PDF (vergaderbundel)",
        description="One PDF to send round: a cover, the agenda with every paper's sha256,"
        " then every PDF paper behind its item, with bookmarks per item and paper and page"
        " numbers across the whole bundle. Papers that are not PDF are listed (fetch them with"
        " `boardroom paper get`).",
    )
    _common(bundle, db_required=True)
    _meeting_arg(bundle)
    bundle.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here (default: standard output, when redirected)",
    )

    ics = export_kinds.add_parser(
        "calendar",
        help="the year's meetings as iCalendar (.ics)",
        description="One event per meeting (Europe/Amsterdam), with stable UIDs: importing the"
        " file again updates the events instead of adding them twice.",
    )
    _common(ics, db_required=True)
    ics.add_argument("--year", type=int, required=True, metavar="YEAR")
    ics.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")

    report = export_kinds.add_parser(
        "report",
        help="the year report (md, html, pdf)",
        description="The year: meetings held, decisions by method and theme, actions done on"
        " time, attendance, interest rounds per perspective, the behaviour trend.",
    )
    _common(report, db_required=True)
    report.add_argument("--year", type=int, required=True, metavar="YEAR")
    report.add_argument("--format", choices=("md", "html", "pdf"), default="md")
    report.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")

    werk = export_kinds.add_parser(
        "werkagenda",
        help="the werkagenda (md, html, docx, pdf, csv, json)",
        description="Per theme the result agreements and every KPI as it stood on a date:"
        " baseline, figures, the path value, target and status; csv and json as facts.",
    )
    _common(werk, db_required=True)
    werk.add_argument("--theme", metavar="THEME", help="one theme only")
    werk.add_argument("--at", type=_date, metavar="DATE", help="as it stood then (default: today)")
    werk.add_argument(
        "--format", choices=("md", "html", "docx", "pdf", "csv", "json"), default="md"
    )
    werk.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")

    for kind, what in (("decisions", "the decision list"), ("actions", "the action list")):
        listing = export_kinds.add_parser(
            kind,
            help=f"{what} (md, csv, json, docx, pdf)",
            description=f"Write {what}, filtered.",
        )
        _common(listing, db_required=True)
        listing.add_argument("--format", choices=("md", "csv", "json", "docx", "pdf"), default="md")
        listing.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="write here (default: standard output; docx there only when redirected: > FILE)",
        )
        listing.add_argument(
            "--status",
            metavar="STATUS",
            choices=("in_force", "superseded", "revoked")
            if kind == "decisions"
            else ("open", "done", "cancelled"),
        )
        if kind == "decisions":
            listing.add_argument("--year", type=int, metavar="YEAR")
            listing.add_argument("--theme", metavar="THEME", help="a theme's name")
        else:
            listing.add_argument("--owner", metavar="NAME", help="a few letters of the name")
            listing.add_argument("--overdue", action="store_true", help="open and past due")
    return parser


def _replica_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    replicate = commands.add_parser(
        "replicate",
        help="replicate the board continuously (Litestream), until stopped",
        description="Replicate the board to its replica with Litestream until stopped (ctrl+c or"
        " SIGTERM): the board host's service. The replica must be empty or this board's own.",
    )
    _common(replicate, db_required=True)
    replicate.add_argument("--replica", metavar="URL", help="folder, sftp://… or s3://…")
    restore = commands.add_parser(
        "restore",
        help="restore a board from its replica into a new file, and verify it",
        description="Restore the board from its replica into a new database file (never over an"
        " existing one), as it stood at --at or at its latest; then verify it and print the"
        " chain head.",
    )
    _common(restore, db_required=True)
    restore.add_argument("--replica", metavar="URL", help="folder, sftp://… or s3://…")
    restore.add_argument(
        "--at", metavar="MOMENT", help="the board's time, e.g. '2026-12-10 16:05' (default: latest)"
    )


def _meeting_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--meeting",
        required=True,
        metavar="DATE|NR",
        help="the meeting's date (2026-12-10) or number in its year (2026/10)",
    )


def _paper_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    paper = commands.add_parser(
        "paper",
        help="a meeting's papers, kept in the board: add, list, get",
        description="Papers (vergaderstukken) are kept in the board itself, so every member's"
        " laptop, the replica and the backups have them. The same file attached twice is"
        " stored once; a replaced paper stays in the record.",
    )
    kinds = paper.add_subparsers(dest="paper_command", metavar="WHAT", parser_class=_Parser)
    kinds.required = True
    add = kinds.add_parser(
        "add",
        help="attach a paper to an agenda item (secretary or chair)",
        description="Attach a file to item N of a meeting's agenda (N as the agenda numbers"
        " it). Over SSH send the file on standard input: --file - < FILE.",
    )
    _common(add, db_required=True)
    _meeting_arg(add)
    add.add_argument("--item", required=True, type=int, metavar="N", help="the item's number")
    add.add_argument("--title", default="", metavar="TITLE", help="default: the file's name")
    add.add_argument(
        "--file",
        dest="paper_file",
        required=True,
        metavar="FILE",
        help="the paper; - reads it from standard input",
    )
    add.add_argument("--name", default="", metavar="NAME", help="its file name (with --file -)")
    add.add_argument("--replaces", type=int, metavar="ID", help="the paper this one replaces")
    add.add_argument(
        "--max-mb", type=float, default=50, metavar="MB", help="the largest file taken in"
    )
    listing = kinds.add_parser(
        "list", help="a meeting's papers", description="A meeting's papers, in agenda order."
    )
    _common(listing, db_required=True)
    _meeting_arg(listing)
    get = kinds.add_parser(
        "get",
        help="a paper's exact bytes",
        description="Write a paper as it was attached (checked against its sha256) to FILE, or"
        " to standard output.",
    )
    _common(get, db_required=True)
    get.add_argument("--paper", required=True, type=int, metavar="ID", help="from `paper list`")
    get.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")


def _werkagenda_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    werkagenda = commands.add_parser(
        "werkagenda",
        help="the result agreements and their KPIs: show, record a figure, load figures",
        description="The werkagenda: per theme the result agreements, each KPI from its"
        " baseline to its target, the figures measured and the status (achieved, on track,"
        " behind, at risk, no data). Figures are kept by the secretary, the chair and the"
        " programme managers.",
    )
    steps = werkagenda.add_subparsers(
        dest="werkagenda_command", metavar="WHAT", parser_class=_Parser
    )
    steps.required = True
    show = steps.add_parser(
        "show", help="every KPI and its status", description="Every KPI and where it stands."
    )
    _common(show, db_required=True)
    show.add_argument("--theme", metavar="THEME", help="one theme only")
    show.add_argument("--at", type=_date, metavar="DATE", help="as it stood then (default: today)")
    figure = steps.add_parser(
        "figure",
        help="record one figure for a KPI",
        description="Record the figure a KPI had on a date; a figure for the same date"
        " corrects the one recorded before.",
    )
    _common(figure, db_required=True)
    figure.add_argument("--kpi", required=True, metavar="NAME", help="the KPI's name")
    figure.add_argument(
        "--date", required=True, type=_date, metavar="DATE", help="the date it is about"
    )
    figure.add_argument("--value", required=True, type=float, metavar="NUMBER")
    figure.add_argument("--source", default="", metavar="TEXT", help="where the figure comes from")
    figure.add_argument("--note", default="", metavar="TEXT")
    agreement = steps.add_parser(
        "agreement",
        help="add a result agreement to a theme",
        description="A result agreement: what parties agreed to achieve on a theme, at which"
        " scale, serving which aim of the quadruple (quintuple) aim. Prints its id.",
    )
    _common(agreement, db_required=True)
    agreement.add_argument("--theme", required=True, metavar="THEME")
    agreement.add_argument("--title", required=True, metavar="TEXT")
    agreement.add_argument("--owner", default="", metavar="NAME", help="who answers for it")
    agreement.add_argument(
        "--parties", default="", metavar="A;B", help="the carrying parties, ; between them"
    )
    agreement.add_argument(
        "--scale", choices=("region", "subregion", "municipality"), default="region"
    )
    agreement.add_argument(
        "--aim",
        required=True,
        choices=("population_health", "experience", "costs", "work_satisfaction", "equity"),
    )
    agreement.add_argument("--line", default="", metavar="TEXT", help="the programme line")
    kpi = steps.add_parser(
        "kpi",
        help="add a KPI to a result agreement",
        description="A KPI: from its baseline (value and date) to its target (value and date),"
        " measured at a frequency, from a source. Its name is how figure files name it.",
    )
    _common(kpi, db_required=True)
    kpi.add_argument("--agreement", required=True, type=int, metavar="ID")
    kpi.add_argument("--name", required=True, metavar="NAME")
    kpi.add_argument("--unit", default="", metavar="UNIT", help="e.g. %%, weken, uur")
    kpi.add_argument("--baseline", required=True, type=float, metavar="NUMBER")
    kpi.add_argument("--baseline-on", required=True, type=_date, metavar="DATE")
    kpi.add_argument("--target", required=True, type=float, metavar="NUMBER")
    kpi.add_argument("--target-on", required=True, type=_date, metavar="DATE")
    kpi.add_argument(
        "--frequency",
        choices=("monthly", "quarterly", "half_yearly", "yearly"),
        default="quarterly",
    )
    kpi.add_argument("--source", default="", metavar="TEXT")
    listing = steps.add_parser(
        "statements",
        help="the statements of the table's evaluation, numbered",
        description="The statements members score 1 (not at all) to 5 (entirely); with none"
        " yet, --defaults makes them from the leading principles and behaviour rules.",
    )
    _common(listing, db_required=True)
    listing.add_argument("--defaults", action="store_true", help="make the default statements")
    listing.add_argument("--add", metavar="TEXT", help="add a statement")
    listing.add_argument(
        "--reword", nargs=2, metavar=("N", "TEXT"), help="give statement N a new text"
    )
    record = steps.add_parser(
        "evaluation",
        help="record a process evaluation's counts (anonymous)",
        description="Record how many members gave each statement each score — counts only,"
        " never who gave which. The file: a header statement,1,2,3,4,5 and a line per"
        " statement (its number or its text) with the five counts.",
    )
    _common(record, db_required=True)
    record.add_argument(
        "--date", type=_date, metavar="DATE", help="when it was held (default: the meeting's date)"
    )
    record.add_argument("--respondents", required=True, type=int, metavar="N")
    record.add_argument("--file", dest="counts_file", required=True, metavar="FILE")
    record.add_argument(
        "--comment", action="append", default=[], metavar="TEXT", help="a comment (repeat)"
    )
    record.add_argument(
        "--meeting", metavar="DATE|NR", help="the meeting it was held at (its evaluation item)"
    )
    results = steps.add_parser(
        "evaluations",
        help="every evaluation compared with the one before",
        description="Per evaluation each statement's mean score and its change since the"
        " evaluation before, the comments, and the behaviour check's share of rules kept.",
    )
    _common(results, db_required=True)
    load = steps.add_parser(
        "import",
        help="load figures from a CSV file",
        description="Load a CSV file of figures (header: kpi,date,value,source,note; comma or"
        " semicolon separated; 12.5 or 12,5; dates 2026-03-31 or 31-03-2026). Every line is"
        " checked first: with any bad line nothing is loaded and each bad line is named. A"
        " figure loaded twice changes nothing; a new value for a date corrects the old one."
        " Over SSH send the file on standard input: --file - < FILE.",
    )
    _common(load, db_required=True)
    load.add_argument(
        "--file", dest="figures_file", required=True, metavar="FILE", help="- reads standard input"
    )


def _access_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    access = commands.add_parser(
        "access",
        help="who may reach the board over SSH: members' public keys",
        description="Bind members' public SSH keys to them (the key is the identity on the"
        " board host), list and remove them, and print the host's authorized_keys. See the"
        " README, 'Sharing a board'.",
    )
    kinds = access.add_subparsers(dest="access_command", metavar="WHAT", parser_class=_Parser)
    kinds.required = True
    add = kinds.add_parser(
        "add",
        help="bind a member's public key (secretary or chair)",
        description="Bind a public key (ed25519, ECDSA or RSA of 2048 bits or more) to a"
        " member. A key belongs to one member only.",
    )
    _common(add, db_required=True)
    add.add_argument("--member", required=True, metavar="MEMBER", help="a few letters of the name")
    add.add_argument(
        "--key",
        dest="key_file",
        required=True,
        metavar="FILE.pub",
        help="the member's public key file; - reads it from standard input",
    )
    listing = kinds.add_parser(
        "list",
        help="every bound key: member, fingerprint, added when and by whom",
        description="Every bound key. A key of a member who is no longer active opens nothing.",
    )
    _common(listing, db_required=True)
    remove = kinds.add_parser(
        "remove",
        help="take a key (or every key of a member) away (secretary or chair)",
        description="Remove a key by its fingerprint, or every key of a member. The next login"
        " with it is refused.",
    )
    _common(remove, db_required=True)
    which = remove.add_mutually_exclusive_group(required=True)
    which.add_argument("--key", dest="fingerprint", metavar="FINGERPRINT", help="SHA256:…")
    which.add_argument("--member", metavar="MEMBER", help="every key of this member")
    keys = kinds.add_parser(
        "authorized-keys",
        help="print the board host's authorized_keys",
        description="One line per key of an active member, forced into `boardroom ssh-session`"
        " as that key's member (restrict,pty,command=…). Write it to the host account's"
        " ~/.ssh/authorized_keys, or let sshd run this command as its AuthorizedKeysCommand.",
    )
    _common(keys, db_required=True)
    keys.add_argument(
        "--program",
        metavar="COMMAND",
        help="how the host starts boardroom (default: this Python with -m boardroom)",
    )
    session = commands.add_parser(
        "ssh-session",
        help="(run by sshd for a member's key) open the board as that key's member",
        description="The forced command of a key in authorized_keys: the TUI, or the command"
        " in SSH_ORIGINAL_COMMAND, as the key's member. Not for people to run.",
    )
    _common(session, db_required=True)
    session.add_argument("--key", dest="fingerprint", required=True, metavar="FINGERPRINT")


def _fail(message: str) -> int:
    print(f"boardroom: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _write_output(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    path = Path(output)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise ValidationProblem(f"cannot write ({error.strerror})", str(path)) from None


def _verify_seal(database: Database, code: str) -> int:
    """`verify --seal CODE`: exit 0 when the record matches the minutes a member holds."""
    from boardroom.i18n import format_date
    from boardroom.services.integrity import verify_seal

    try:
        check = verify_seal(database, code)
    finally:
        database.close()
    held = format_date(dt.datetime.fromisoformat(check.meeting_starts_at), time=True)
    if check.ok:
        print(f"seal {check.code}: matches — the record of the meeting of {held} is as approved")
        return 0
    why = (
        "its record was changed after approval"
        if check.record_changed
        else "the record or the history before its approval was rewritten since these minutes"
        " went out"
    )
    print(f"seal {check.code}: does NOT match the meeting of {held} — {why}")
    return 1


def _write_bytes(content: bytes, path: Path) -> None:
    """Bytes to a file, whole or not at all (written beside it, then renamed)."""
    if path.is_dir() or not path.parent.exists():
        raise ValidationProblem("not a writable file path", str(path))
    part = path.with_name(f".{path.name}.part")
    try:
        part.write_bytes(content)
        part.replace(path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise ValidationProblem(f"cannot write ({error.strerror})", str(path)) from None


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    set_language(resolve_language(args.lang, settings))
    db_path = resolve_db(args.db, settings)
    user = resolve_user(args.as_name, settings)

    if args.command == "verify":
        from boardroom.services.integrity import verify
        from boardroom.storage.migrations import open_board_db

        database = open_board_db(db_path)
        if args.seal is not None:
            return _verify_seal(database, args.seal)
        try:
            report = verify(database)
        finally:
            database.close()
        for problem in report.problems:
            print(problem)
        print(
            f"{db_path}: {report.events} events, {report.rows} rows, {report.sealed} sealed"
            f" meetings, {report.papers} stored papers; chain head {report.head[:16]}; "
            + ("all consistent" if report.ok else f"{len(report.problems)} problem(s)")
        )
        return 0 if report.ok else 1
    if args.command == "ssh-session":
        from boardroom.remote import ssh_session

        return ssh_session(
            db_path,
            args.fingerprint,
            os.environ.get("SSH_ORIGINAL_COMMAND"),
            build_parser().parse_args,
            run,  # type: ignore[arg-type]
            _open_app,
        )
    if args.command == "access":
        return _access(args, db_path, user)
    if args.command in ("replicate", "restore"):
        return _replica_command(args, db_path, resolve_replica(args.replica, settings))
    if args.command == "agenda":
        return _agenda_step(args, db_path, user)
    if args.command == "paper":
        return _paper(args, db_path, user)
    if args.command == "werkagenda":
        return _werkagenda(args, db_path, user)
    if args.command == "plan":
        return _plan(args, db_path, user)
    if args.command == "request":
        return _request(args, db_path, user)
    if args.command in ("init", "check", "backup", "export"):
        return _run_command(args, db_path, user)
    if args.command == "demo":
        from boardroom.services.demo import DEMO_CHAIR, build_demo

        if not args.db:
            db_path = data_dir() / "demo.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        build_demo(db_path, anchor=args.anchor).close()
        user = args.as_name or DEMO_CHAIR
    return _open_app(db_path, user, resolve_replica(getattr(args, "replica", None), settings))


def _replica_command(args: argparse.Namespace, db_path: Path, url: str | None) -> int:
    from boardroom.services import replication
    from boardroom.storage.litestream import parse_replica

    if not url:
        raise ValidationProblem(
            "no replica: give --replica URL (or set BOARDROOM_REPLICA)", "--replica"
        )
    replica = parse_replica(url)
    if args.command == "restore":
        at = replication.parse_moment(args.at) if args.at else None
        restored = replication.restore_board(replica, db_path, at)
        for problem in restored.report.problems:
            print(problem)
        report = restored.report
        print(
            f"{db_path}: {restored.board}; {report.events} events, {report.rows} rows; chain head"
            f" {report.head[:16]}; "
            + ("all consistent" if report.ok else f"{len(report.problems)} problem(s)")
        )
        return 0 if report.ok else 1
    return _replicate(db_path, replication.Replication(db_path, replica))


def _replicate(db_path: Path, running: Replication) -> int:
    """In the foreground until ctrl+c or SIGTERM, a line when the state changes."""
    import signal
    import time

    from boardroom.storage.migrations import open_board_db

    open_board_db(db_path).close()  # the board exists and is migrated before it is replicated
    running.start()
    if running.elsewhere:
        raise StorageProblem(
            "another boardroom on this machine replicates this board already", str(db_path)
        )
    print(f"replicating {db_path} to {running.replica.label} (ctrl+c stops)", flush=True)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    shown = ""
    try:
        while not stop:
            state = running.state()
            line = (
                f"failing: {state.error}"
                if state.error
                else ("up to date" if state.synced_at else "starting")
            )
            if line != shown:
                print(f"{time.strftime('%H:%M:%S')} {line}", flush=True)
                shown = line
            if not state.running:
                return 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
    return 0


def _run_command(args: argparse.Namespace, db_path: Path, user: str | None) -> int:
    """The commands that do their work and exit (imported only when used: start-up time)."""
    from boardroom.services import setup
    from boardroom.services.overview import summary

    if args.command == "init":
        if args.demo:
            from boardroom.services.demo import build_demo

            session = build_demo(db_path, anchor=args.anchor)
        elif args.from_file:
            session = setup.init_from_file(db_path, Path(args.from_file))
        else:
            session = setup.init_from_json(db_path, Path(args.from_json))
        print(summary(session))
        session.close()
        return 0
    if args.command == "check":
        report = setup.check_database(db_path)
        print(
            f"{db_path}: integrity {report.integrity}; foreign keys "
            f"{'ok' if not report.foreign_key_problems else f'{report.foreign_key_problems} problem(s)'};"
            f" schema version {report.schema_version} (latest {report.latest})"
            f"{'' if report.schema_version == report.latest else ' — run boardroom once to migrate'}"
        )
        return 0 if report.ok else 1
    if args.command == "backup":
        target = setup.backup_database(db_path, Path(args.target))
        print(f"backup written: {target} ({target.stat().st_size:,} bytes)")
        return 0
    from boardroom.services.session import open_session

    session = open_session(db_path, as_name=user)
    try:
        if args.what == "board":
            text = json.dumps(setup.dump_board(session), ensure_ascii=False, indent=1)
            _write_output(text + "\n", args.output)
        elif args.what == "minutes":
            _export_minutes(session, args)
        elif args.what == "report":
            _export_report(session, args)
        elif args.what == "agenda":
            _export_agenda(session, args)
        elif args.what == "calendar":
            _export_calendar(session, args)
        elif args.what == "bundle":
            _export_bundle(session, args)
        elif args.what == "werkagenda":
            _export_werkagenda(session, args)
        else:
            _export_list(session, args)
    finally:
        session.close()
    return 0


def _plan(args: argparse.Namespace, db_path: Path, user: str | None) -> int:
    from boardroom.services.planning import apply_plan, preview_plan
    from boardroom.services.session import open_session

    session = open_session(db_path, as_name=user)
    try:
        if args.plan_file == "-":
            from boardroom.remote import read_stdin

            text = read_stdin("--from -")
            preview = preview_plan(session, args.year, Path("<stdin>"), text)
        else:
            preview = preview_plan(session, args.year, Path(args.plan_file))
        for line in preview.lines():
            print(line)
        print(preview.summary())
        if args.dry_run:
            return 0
        if preview.had_meetings and not args.apply:
            print(f"{args.year} has meetings already: nothing written; run again with --apply")
            return 1
        if not preview.changed:
            print("nothing to change")
            return 0
        apply_plan(session, preview)
        print(f"written to {db_path}")
        return 0
    finally:
        session.close()


def _access(args: argparse.Namespace, db_path: Path, user: str | None) -> int:
    from boardroom.services import access
    from boardroom.services.session import open_session

    session = open_session(db_path, as_name=user)
    try:
        if args.access_command == "add":
            if args.key_file == "-":
                from boardroom.remote import read_stdin

                text, where = read_stdin("--key -"), "--key -"
            else:
                text, where = access.read_key_file(args.key_file)
            row = access.add_key(session, args.member, text, where)
            print(f"{row.member}: {row.algorithm} {row.fingerprint} added")
        elif args.access_command == "remove":
            gone = access.remove_keys(
                session, fingerprint=args.fingerprint, member_name=args.member
            )
            for row in gone:
                print(f"{row.member}: {row.fingerprint} removed")
        elif args.access_command == "list":
            rows = access.keys(session)
            width = max((len(r.member) for r in rows), default=6)
            for r in rows:
                state = "" if r.active else "  (member not active: no access)"
                added = f"added {r.added_at[:16].replace('T', ' ')} UTC" + (
                    f" by {r.added_by}" if r.added_by else ""
                )
                print(f"{r.member:<{width}}  {r.fingerprint}  {r.algorithm:<11}  {added}{state}")
            if not rows:
                print("no keys yet: boardroom access add --member NAME --key FILE.pub")
        else:
            import shlex

            program = (
                shlex.split(args.program) if args.program else [sys.executable, "-m", "boardroom"]
            )
            sys.stdout.write(access.authorized_keys(session, program, db_path))
        return 0
    finally:
        session.close()


def _agenda_step(args: argparse.Namespace, db_path: Path, user: str | None) -> int:
    from boardroom.services import agenda
    from boardroom.services.record import find_meeting
    from boardroom.services.session import open_session

    session = open_session(db_path, as_name=user)
    try:
        meeting = find_meeting(session, args.meeting)
        if args.agenda_command == "set":
            agenda.set_agenda(session, meeting.id or 0)
            print(f"agenda of {meeting.starts_at:%Y-%m-%d} set")
        else:
            count = agenda.mark_papers_sent(session, meeting.id or 0)
            print(f"{count} paper(s) of {meeting.starts_at:%Y-%m-%d} marked sent")
        return 0
    finally:
        session.close()


def _read_paper(args: argparse.Namespace, limit: int) -> tuple[bytes, str]:
    """The paper's bytes and file name, from --file (or standard input), or one clear line."""
    from boardroom.services.papers import size_text, too_big

    if args.paper_file == "-":
        from boardroom.remote import read_stdin_bytes

        return read_stdin_bytes("--file", limit, size_text(limit)), args.name or "paper"
    path = Path(args.paper_file).expanduser()
    if not path.is_file():
        raise ValidationProblem(f"no such file: {args.paper_file}", "--file")
    try:
        if path.stat().st_size > limit:  # refused before it is read
            raise too_big(path.stat().st_size, limit)
        return path.read_bytes(), args.name or path.name
    except OSError as error:
        raise ValidationProblem(f"cannot read {path}: {error.strerror}", "--file") from None


def _paper(args: argparse.Namespace, db_path: Path, user: str | None) -> int:
    from boardroom.services import papers
    from boardroom.services.record import find_meeting
    from boardroom.services.session import open_session

    limit = int(args.max_mb * 2**20) if args.paper_command == "add" else 0
    if args.paper_command == "add" and limit <= 0:
        raise ValidationProblem("must be more than 0", "--max-mb")
    content, name = _read_paper(args, limit) if args.paper_command == "add" else (b"", "")
    session = open_session(db_path, as_name=user)
    try:
        if args.paper_command == "add":
            meeting = find_meeting(session, args.meeting)
            added = papers.add_paper(
                session,
                meeting,
                args.item,
                args.title,
                content,
                name,
                replaces_id=args.replaces,
                limit=limit,
            )
            kept = "stored" if added.stored_new else "same content as a paper stored before"
            print(f"paper {added.paper_id} on item {args.item}: sha256 {added.sha256} ({kept})")
        elif args.paper_command == "list":
            meeting = find_meeting(session, args.meeting)
            for row in papers.meeting_papers(session, meeting):
                flags = [] if row.stored else [f"not stored (was at {row.path})"]
                flags += [f"replaced by {row.replaced_by}"] if row.replaced_by else []
                flags += ["late"] if row.late and row.current else []
                flags += [f"sent {row.sent_at[:10]}"] if row.sent_at else []
                print(
                    f"{row.id:>5}  {row.item_number:>2}. {row.title}  {row.file_name}"
                    f"  {row.media_type}  {row.size} bytes  sha256 {row.sha256}"
                    + (f"  ({'; '.join(flags)})" if flags else "")
                )
        else:
            _paper_out, content = papers.paper_bytes(session, args.paper)
            if args.output:
                _write_bytes(content, Path(args.output))
            elif sys.stdout.isatty():
                raise ValidationProblem(
                    "a paper is not shown on a terminal: write it with -o FILE or > FILE", "-o"
                )
            else:
                sys.stdout.flush()
                sys.stdout.buffer.write(content)
                sys.stdout.buffer.flush()
        return 0
    finally:
        session.close()


def _werkagenda(args: argparse.Namespace, db_path: Path, user: str | None) -> int:
    from boardroom.exports.werkagenda import figures_text, status_text, with_unit
    from boardroom.services import werkagenda
    from boardroom.services.session import open_session

    if args.werkagenda_command in ("statements", "evaluation", "evaluations"):
        return _evaluation(args, db_path, user)
    text = ""
    if args.werkagenda_command == "import":
        if args.figures_file == "-":
            from boardroom.remote import read_stdin

            text = read_stdin("--file")
        else:
            path = Path(args.figures_file).expanduser()
            if not path.is_file():
                raise ValidationProblem(f"no such file: {args.figures_file}", "--file")
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                reason = getattr(error, "strerror", None) or "not UTF-8 text"
                raise ValidationProblem(f"cannot read {path}: {reason}", "--file") from None
    session = open_session(db_path, as_name=user)
    try:
        if args.werkagenda_command == "show":
            for agreement in werkagenda.werkagenda(session, args.at, args.theme):
                print(f"{agreement.theme} — {agreement.title} ({agreement.owner or '-'})")
                for kpi in agreement.kpis:
                    print(
                        f"  {kpi.name}: {status_text(kpi)} — figures {figures_text(kpi.figures)};"
                        f" target {with_unit(kpi.target.target, kpi.unit)}"
                        f" by {kpi.target.target_on}"
                    )
            return 0
        if args.werkagenda_command == "agreement":
            fields = ("theme", "title", "owner", "scale", "aim")
            made = werkagenda.save_agreement(
                session,
                {name: getattr(args, name) for name in fields}
                | {
                    "parties": [p.strip() for p in args.parties.split(";") if p.strip()],
                    "programme_line": args.line,
                },
            )
            print(f"result agreement {made}: {args.title}")
            return 0
        if args.werkagenda_command == "kpi":
            kpi_fields = ("name", "unit", "baseline", "baseline_on", "target", "target_on")
            made = werkagenda.save_kpi(
                session,
                {name: getattr(args, name) for name in (*kpi_fields, "frequency", "source")}
                | {"agreement_id": args.agreement},
            )
            print(f"KPI {made}: {args.name}")
            return 0
        if args.werkagenda_command == "figure":
            loaded = werkagenda.record_figure(
                session, args.kpi, args.date, args.value, args.source, args.note
            )
        else:
            loaded = werkagenda.import_figures(session, text, args.figures_file)
        print(
            f"{loaded.added} figure(s) added, {loaded.corrected} corrected,"
            f" {loaded.unchanged} unchanged"
        )
        return 0
    finally:
        session.close()


def _evaluation(args: argparse.Namespace, db_path: Path, user: str | None) -> int:
    from boardroom.services import evaluation
    from boardroom.services.session import open_session

    text = ""
    if args.werkagenda_command == "evaluation":
        path = Path(args.counts_file).expanduser()
        if not path.is_file():
            raise ValidationProblem(f"no such file: {args.counts_file}", "--file")
        text = path.read_text(encoding="utf-8-sig")
    session = open_session(db_path, as_name=user)
    try:
        if args.werkagenda_command == "statements":
            if args.defaults:
                print(f"{evaluation.default_statements(session)} statement(s) added")
            if args.add:
                evaluation.save_statement(session, args.add)
            if args.reword:
                number, text = args.reword
                current = evaluation.statements(session)
                if not number.isdigit() or not 1 <= int(number) <= len(current):
                    raise ValidationProblem(f"no statement {number}", "--reword")
                evaluation.save_statement(session, text, current[int(number) - 1].id)
            for n, statement in enumerate(evaluation.statements(session), 1):
                print(f"{n:>3}. {statement.text}")
        elif args.werkagenda_command == "evaluation":
            from boardroom.services.record import find_meeting

            meeting = find_meeting(session, args.meeting) if args.meeting else None
            if meeting is None and args.date is None:
                raise ValidationProblem("give --date or --meeting", "--date")
            held_on = args.date or (meeting.starts_at.date() if meeting else None)
            counts = evaluation.read_counts(session, text, args.counts_file)
            evaluation.record_evaluation(
                session,
                held_on,
                args.respondents,
                counts,
                args.comment,
                meeting.id if meeting else None,
            )
            print(
                f"evaluation of {held_on}: {len(counts)} statement(s), {args.respondents} respondents"
            )
        else:
            due = evaluation.due(session)
            if due is not None:
                when = "to record" if due.on <= session.today else "next planned"
                print(f"{when}: the evaluation of the meeting of {due.on}")
            for result in evaluation.evaluations(session):
                print(_evaluation_text(result))
        return 0
    finally:
        session.close()


def _evaluation_text(result: EvaluationResult) -> str:
    since = f" (compared with {result.previous_on})" if result.previous_on else ""
    lines = [f"{result.held_on}: {result.respondents} respondents{since}"]
    for statement in result.statements:
        mean = "-" if statement.mean is None else f"{statement.mean:.1f}"
        change = "" if statement.change is None else f" ({statement.change:+.1f})"
        lines.append(f"  {mean}{change}  {statement.text}")
    if result.behaviour_kept is not None:
        before = (
            ""
            if result.behaviour_kept_before is None
            else f", {result.behaviour_kept_before:.0%} before"
        )
        lines.append(f"  behaviour rules kept: {result.behaviour_kept:.0%}{before}")
    lines += [f"  — {comment}" for comment in result.comments]
    return "\n".join(lines)


def _request(args: argparse.Namespace, db_path: Path, user: str | None) -> int:
    from boardroom.i18n import label
    from boardroom.services import agenda
    from boardroom.services.session import open_session

    session = open_session(db_path, as_name=user)
    try:
        if args.list:
            for row in agenda.my_requests(session):
                where = f" → {row.scheduled_for:%Y-%m-%d}" if row.scheduled_for else ""
                reason = f" ({row.reason})" if row.reason else ""
                print(f"{label(row.status)}{where}: {row.title} [{row.minutes} min]{reason}")
            return 0
        for flag in ("title", "minutes"):
            if getattr(args, flag) is None:
                raise ValidationProblem("required (or use --list)", f"--{flag}")
        request_id = agenda.submit_request(
            session,
            {
                "theme": args.theme,
                "title": args.title,
                "purpose": args.purpose,
                "minutes": args.minutes,
                "meeting": args.meeting,
                "month": args.month,
                "papers_ready": args.papers_ready,
            },
        )
        print(f"request {request_id} submitted: {args.title} ({args.minutes} min)")
        return 0
    finally:
        session.close()


def _export_agenda(session: Session, args: argparse.Namespace) -> None:
    from boardroom.exports.agenda import agenda_document
    from boardroom.services.agenda import agenda_view
    from boardroom.services.record import find_meeting

    path = _output_path(args)
    view = agenda_view(session, find_meeting(session, args.meeting).id or 0)
    _write_document(agenda_document(view), args.format, path)


def _export_bundle(session: Session, args: argparse.Namespace) -> None:
    from boardroom.exports.bundle import bundle_pdf
    from boardroom.services.papers import bundle
    from boardroom.services.record import find_meeting

    args.format = "pdf"
    path = _output_path(args)
    parts = bundle(session, find_meeting(session, args.meeting))
    author = session.user.name if session.user else ""
    if path is None:
        _binary_to_stdout(lambda stream: bundle_pdf(parts, stream, author=author))
    else:
        _write_bytes(bundle_pdf(parts, author=author), path)


def _export_calendar(session: Session, args: argparse.Namespace) -> None:
    from boardroom.exports.ics import calendar_ics
    from boardroom.services.calendar import calendar_view, ics_meta

    _check_year(args.year)
    args.format = "ics"
    path = _output_path(args)
    view = calendar_view(session, args.year)
    if not view.meetings:
        raise ValidationProblem(f"{args.year} has no meetings (plan it first)", "--year")
    data = calendar_ics(view, ics_meta(session, view))
    if path is None:
        sys.stdout.buffer.write(data)
        return
    try:
        path.write_bytes(data)
    except OSError as error:
        raise ValidationProblem(f"cannot write ({error.strerror})", str(path)) from None


def _output_path(args: argparse.Namespace) -> Path | None:
    if args.output is None:
        if args.format in ("docx", "pdf") and sys.stdout.isatty():
            raise ValidationProblem(
                f"{args.format} needs a file: add -o FILE (or > FILE)", "--output"
            )
        return None
    path = Path(args.output)
    if path.is_dir() or not path.parent.exists():
        raise ValidationProblem("not a writable file path", str(path))
    return path


def _export_minutes(session: Session, args: argparse.Namespace) -> None:
    from boardroom.exports.minutes import minutes_document
    from boardroom.services.minutes import build_minutes
    from boardroom.services.record import find_meeting

    path = _output_path(args)
    minutes = build_minutes(session, find_meeting(session, args.meeting).id or 0)
    _write_document(minutes_document(minutes), args.format, path)


def _write_document(doc: Document, fmt: str, path: Path | None) -> None:
    """A document to its file, or (md, html) to stdout."""
    from boardroom.exports.document import rendered, write_document

    if path is None:
        if fmt in ("docx", "pdf"):
            _binary_to_stdout(lambda stream: write_document(doc, fmt, stream))
        else:
            sys.stdout.write(rendered(doc, fmt))
        return
    try:
        write_document(doc, fmt, path)
    except OSError as error:
        raise ValidationProblem(f"cannot write ({error.strerror})", str(path)) from None


def _binary_to_stdout(write: Callable[[BinaryIO], object]) -> None:
    """A Word or PDF file on standard output (`ssh host export … --format docx > file.docx`)."""
    import io

    buffer = io.BytesIO()
    write(buffer)
    sys.stdout.flush()
    sys.stdout.buffer.write(buffer.getvalue())
    sys.stdout.buffer.flush()


def _export_report(session: Session, args: argparse.Namespace) -> None:
    from boardroom.exports.report import report_document
    from boardroom.services.overview import board_summary
    from boardroom.services.year import year_report

    _check_year(args.year)
    path = _output_path(args)
    doc = report_document(board_summary(session).name, year_report(session, args.year))
    _write_document(doc, args.format, path)


def _export_werkagenda(session: Session, args: argparse.Namespace) -> None:
    from boardroom.exports.werkagenda import rows_text, werkagenda_document, werkagenda_rows
    from boardroom.services.overview import board_summary
    from boardroom.services.werkagenda import werkagenda

    path = _output_path(args)
    on = args.at or session.today
    views = werkagenda(session, on, args.theme)
    if args.format in ("csv", "json"):
        _write_output(rows_text(werkagenda_rows(views), args.format), args.output)
        return
    _write_document(werkagenda_document(board_summary(session).name, views, on), args.format, path)


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ValidationProblem(f"not a year: {year}", "--year")


def _export_list(session: Session, args: argparse.Namespace) -> None:
    from boardroom.exports.lists import write_list
    from boardroom.services import record
    from boardroom.services.composition import find_theme
    from boardroom.services.session import find_member

    path = _output_path(args)
    if args.what == "decisions":
        theme_id = find_theme(session, args.theme, "--theme").id if args.theme else None
        rows = record.decisions(
            session, record.DecisionFilter(year=args.year, theme_id=theme_id, status=args.status)
        )
    else:
        owner = find_member(session.repo, args.owner, "--owner").id if args.owner else None
        rows = record.actions(
            session, record.ActionFilter(owner_id=owner, status=args.status, overdue=args.overdue)
        )
    if path is None and args.format in ("docx", "pdf"):
        _binary_to_stdout(lambda stream: write_list(rows, args.what, args.format, stream))
        return
    try:
        text = write_list(rows, args.what, args.format, path)
    except OSError as error:
        raise ValidationProblem(f"cannot write ({error.strerror})", str(path)) from None
    if text is not None:
        sys.stdout.write(text)


def _open_app(db_path: Path, user: str | None, replica: str | None = None) -> int:
    from boardroom.services.session import open_session
    from boardroom.tui.app import BoardroomApp

    session = None
    if db_path.exists():
        session = open_session(db_path, as_name=user)
    app = BoardroomApp(session=session, db_path=db_path, user=user, replica=replica)
    try:
        app.run()
    finally:
        app.stop_replication()
    if app.session is not None:
        app.session.close()
    return app.return_code or 0


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
        return run(args)
    except BoardroomError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
