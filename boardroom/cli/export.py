"""`export`: the board and its documents and lists, to standard output or a file.

Every export is made whole in memory and then written in one go through the host-files gate
(`-o FILE`, or standard output): a file is written completely or not at all, and over SSH
it always goes to standard output (`ssh board@host export … > verslag.docx`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, Parser, common, date, meeting, output, words
from boardroom.domain.errors import ValidationProblem
from boardroom.host_files import STDIO

if TYPE_CHECKING:
    from boardroom.exports.document import Document
    from boardroom.services.session import Session

BINARY = ("docx", "pdf")
TO_STDOUT = "write here (default: standard output; docx and pdf there only when redirected: > FILE)"


def register(commands: Commands) -> None:
    export = commands.add_parser("export", help="write the board or its lists to a file")
    kinds = export.add_subparsers(dest="what", metavar="WHAT", parser_class=Parser)
    kinds.required = True
    for kind in KINDS:
        parser = kinds.add_parser(kind.name, help=kind.help, description=kind.description)
        kind.options(parser)
        _export(parser, kind.formats, kind.make)


def _export(
    parser: argparse.ArgumentParser,
    formats: tuple[str, ...],
    make: Callable[[Session, argparse.Namespace], bytes],
) -> None:
    """What every export has: the common options, its formats, -o, and the one handler that
    checks where it goes, makes it and writes it."""
    common(parser)
    parser.add_argument("--format", choices=formats, default=formats[0])
    output(
        parser, TO_STDOUT if any(f in BINARY for f in formats) else "write here (default: stdout)"
    )
    parser.set_defaults(handler=run_export, make=make)


def run_export(inv: Invocation) -> int:
    args = inv.args
    destination = None if args.output in (None, STDIO) else args.output
    if destination is None and args.format in BINARY and sys.stdout.isatty():
        hint = "add > FILE" if inv.over_ssh else "add -o FILE (or > FILE)"
        raise ValidationProblem(f"{args.format} needs a file: {hint}", "--output")
    inv.files.writable(destination, "-o")  # before the work of making it
    with inv.session() as session:
        data = args.make(session, args)
    inv.files.write_bytes(destination, data, "-o")
    return 0


def _document(doc: Document, fmt: str, session: Session) -> bytes:
    from boardroom.exports.formats import document_bytes
    from boardroom.services.style import house_style

    doc.made_at, doc.style = session.now(), house_style(session)
    return document_bytes(doc, fmt)


def export_board(session: Session, args: argparse.Namespace) -> bytes:
    from boardroom.services.setup import dump_board

    return (json.dumps(dump_board(session), ensure_ascii=False, indent=1) + "\n").encode()


def export_minutes(session: Session, args: argparse.Namespace) -> bytes:
    from boardroom.exports.minutes import minutes_document
    from boardroom.services.minutes import build_minutes
    from boardroom.services.record import find_meeting

    minutes = build_minutes(session, find_meeting(session, args.meeting).id or 0)
    return _document(minutes_document(minutes), args.format, session)


def export_agenda(session: Session, args: argparse.Namespace) -> bytes:
    from boardroom.exports.agenda import agenda_document
    from boardroom.services.agenda import agenda_view
    from boardroom.services.record import find_meeting

    view = agenda_view(session, find_meeting(session, args.meeting).id or 0)
    return _document(agenda_document(view, internal=args.internal), args.format, session)


def export_bundle(session: Session, args: argparse.Namespace) -> bytes:
    from boardroom.exports.bundle import bundle_pdf
    from boardroom.services.papers import bundle
    from boardroom.services.record import find_meeting
    from boardroom.services.style import house_style

    parts = bundle(session, find_meeting(session, args.meeting))
    author = session.user.name if session.user else ""
    return bundle_pdf(parts, author=author, style=house_style(session))


def export_calendar(session: Session, args: argparse.Namespace) -> bytes:
    from boardroom.exports.ics import calendar_ics
    from boardroom.services.calendar import calendar_view, ics_meta

    _check_year(args.year)
    view = calendar_view(session, args.year)
    if not view.meetings:
        raise ValidationProblem(f"{args.year} has no meetings (plan it first)", "--year")
    return calendar_ics(view, ics_meta(session, view))


def export_report(session: Session, args: argparse.Namespace) -> bytes:
    from boardroom.exports.report import report_document
    from boardroom.services.overview import board_summary
    from boardroom.services.year import year_report

    _check_year(args.year)
    doc = report_document(board_summary(session).name, year_report(session, args.year))
    return _document(doc, args.format, session)


def export_werkagenda(session: Session, args: argparse.Namespace) -> bytes:
    from boardroom.exports.werkagenda import rows_text, werkagenda_document, werkagenda_rows
    from boardroom.services.overview import board_summary
    from boardroom.services.werkagenda import werkagenda

    on = args.at or session.today
    views = werkagenda(session, on, args.theme)
    if args.format in ("csv", "json"):
        return rows_text(werkagenda_rows(views), args.format).encode("utf-8")
    return _document(
        werkagenda_document(board_summary(session).name, views, on), args.format, session
    )


def export_list(session: Session, args: argparse.Namespace) -> bytes:
    from boardroom.exports.lists import list_bytes
    from boardroom.services import record
    from boardroom.services.composition import find_theme
    from boardroom.services.session import member_named

    if args.what == "decisions":
        theme_id = find_theme(session, args.theme, "--theme").id if args.theme else None
        rows = record.decisions(
            session, record.DecisionFilter(year=args.year, theme_id=theme_id, status=args.status)
        )
    else:
        owner = member_named(session, args.owner, "--owner").id if args.owner else None
        rows = record.actions(
            session, record.ActionFilter(owner_id=owner, status=args.status, overdue=args.overdue)
        )
    from boardroom.services.overview import board_summary

    rows = record.with_substance(session, rows, args.what)
    from boardroom.services.style import house_style

    return list_bytes(
        rows,
        args.what,
        args.format,
        board_summary(session).name,
        session.today,
        session.now(),
        house_style(session),
    )


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ValidationProblem(f"not a year: {year}", "--year")


def _year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True, metavar="YEAR")


def _werkagenda_options(parser: argparse.ArgumentParser) -> None:
    words(parser, "--theme", metavar="THEME", help="one theme only")
    parser.add_argument("--at", type=date, metavar="DATE", help="as it stood then (default: today)")


def _agenda_options(parser: argparse.ArgumentParser) -> None:
    meeting(parser)
    parser.add_argument(
        "--internal",
        action="store_true",
        help="the secretary's version: papers deadline, sha256 and lateness of each paper",
    )


def _decisions_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", metavar="STATUS", choices=("in_force", "superseded", "revoked"))
    parser.add_argument("--year", type=int, metavar="YEAR")
    words(parser, "--theme", metavar="THEME", help="a theme's name")


def _actions_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", metavar="STATUS", choices=("open", "done", "cancelled"))
    words(parser, "--owner", metavar="NAME", help="a few letters of the name")
    parser.add_argument("--overdue", action="store_true", help="open and past due")


@dataclass(frozen=True)
class Kind:
    """What can be exported: its name, its help, its own options, its formats (the first is
    the default) and what makes it."""

    name: str
    help: str
    description: str
    options: Callable[[argparse.ArgumentParser], None]
    formats: tuple[str, ...]
    make: Callable[[Session, argparse.Namespace], bytes]


DOCUMENT = ("md", "html", "docx", "pdf")
KINDS = (
    Kind("board", "the whole board (every table) as JSON",
         "Dump every table as JSON; `init --from-json` restores it exactly.",
         lambda _parser: None, ("json",), export_board),
    Kind("minutes", "a meeting's minutes (md, html, docx, pdf)",
         "The minutes of one meeting: attendance, per item the notes and outcome, every"
         " decision with its tally or consent record, new actions, deferred items, the"
         " interest round and the behaviour check, with the decision and action lists.",
         meeting, DOCUMENT, export_minutes),
    Kind("agenda", "a meeting's agenda as members receive it (md, html, docx, pdf)",
         "The agenda of one meeting as members receive it: board, date, time, place; the"
         " numbered items with purpose, presenter and clock times; their papers numbered per"
         " item (4a, 4b); the minutes to adopt; the open actions and decisions due for review"
         " under the actions review; the next meeting. --internal: the secretary's version,"
         " with the papers deadline, each paper's sha256 and whether it came late.",
         _agenda_options, DOCUMENT, export_agenda),
    Kind("bundle", "a meeting's papers as one PDF (vergaderbundel)",
         "One portrait PDF to send round: a cover, the agenda, the werkagenda as it stood on"
         " the meeting's day, the papers with their sha256, then every paper behind its item"
         " (PDFs as they are, Markdown and text typeset), each first page stamped with its"
         " number and item; bookmarks for every section, item and paper (a paper's own under"
         " it) and page numbers across the whole bundle. Another kind of file is listed as"
         " sent separately.",
         meeting, ("pdf",), export_bundle),
    Kind("calendar", "the year's meetings as iCalendar (.ics)",
         "One event per meeting (Europe/Amsterdam), with stable UIDs: importing the file"
         " again updates the events instead of adding them twice.",
         _year, ("ics",), export_calendar),
    Kind("report", "the year report (md, html, pdf)",
         "The year: meetings held, decisions by method and theme, actions done on time,"
         " attendance, interest rounds per perspective, the behaviour trend.",
         _year, ("md", "html", "pdf"), export_report),
    Kind("werkagenda", "the werkagenda (md, html, docx, pdf, csv, json)",
         "Per theme the result agreements and every KPI as it stood on a date: baseline,"
         " figures, the path value, target and status; csv and json as facts.",
         _werkagenda_options, (*DOCUMENT, "csv", "json"), export_werkagenda),
    Kind("decisions", "the decision list (md, csv, json, docx, pdf)",
         "Write the decision list, filtered.",
         _decisions_options, ("md", "csv", "json", "docx", "pdf"), export_list),
    Kind("actions", "the action list (md, csv, json, docx, pdf)",
         "Write the action list, filtered.",
         _actions_options, ("md", "csv", "json", "docx", "pdf"), export_list),
)  # fmt: skip
