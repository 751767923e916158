"""`paper add|list|get`: a meeting's papers, kept in the board."""

from __future__ import annotations

import datetime as dt
import sys

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, Parser, common, host_path, meeting, output, words
from boardroom.domain.clock import shown_moment
from boardroom.domain.errors import ValidationProblem
from boardroom.host_files import STDIO


def register(commands: Commands) -> None:
    paper = commands.add_parser(
        "paper",
        help="a meeting's papers, kept in the board: add, list, get",
        description="Papers (vergaderstukken) are kept in the board itself, so every member's"
        " laptop, the replica and the backups have them. The same file attached twice is"
        " stored once; a replaced paper stays in the record.",
    )
    kinds = paper.add_subparsers(dest="paper_command", metavar="WHAT", parser_class=Parser)
    kinds.required = True
    add = kinds.add_parser(
        "add",
        help="attach a paper to an agenda item (secretary or chair)",
        description="Attach a file to item N of a meeting's agenda (N as the agenda numbers"
        " it). Over SSH send the file on standard input: --file - < FILE.",
    )
    common(add)
    meeting(add)
    add.add_argument("--item", required=True, type=int, metavar="N", help="the item's number")
    words(add, "--title", default="", metavar="TITLE", help="default: the file's name")
    host_path(
        add,
        "--file",
        dest="paper_file",
        stdio="in",
        required=True,
        metavar="FILE",
        help="the paper; - reads it from standard input",
    )
    words(add, "--name", default="", metavar="NAME", help="its file name (with --file -)")
    add.add_argument("--replaces", type=int, metavar="ID", help="the paper this one replaces")
    add.add_argument(
        "--max-mb", type=float, default=50, metavar="MB", help="the largest file taken in"
    )
    add.set_defaults(handler=run_add)

    listing = kinds.add_parser(
        "list", help="a meeting's papers", description="A meeting's papers, in agenda order."
    )
    common(listing)
    meeting(listing)
    listing.set_defaults(handler=run_list)

    get = kinds.add_parser(
        "get",
        help="a paper's exact bytes",
        description="Write a paper as it was attached (checked against its sha256) to FILE, or"
        " to standard output.",
    )
    common(get)
    get.add_argument("--paper", required=True, type=int, metavar="ID", help="from `paper list`")
    output(get)
    get.set_defaults(handler=run_get)


def run_add(inv: Invocation) -> int:
    from boardroom.services import papers
    from boardroom.services.record import find_meeting

    args = inv.args
    limit = int(args.max_mb * 2**20)
    if limit <= 0:
        raise ValidationProblem("must be more than 0", "--max-mb")
    with inv.session() as session:
        papers.require_attacher(session)  # before the file is read
        found = find_meeting(session, args.meeting)
        content, file_name = inv.files.read_bytes(args.paper_file, "--file", limit)
        added = papers.add_paper(
            session,
            found,
            args.item,
            args.title,
            content,
            args.name or file_name or "paper",
            replaces_id=args.replaces,
            limit=limit,
        )
    kept = "stored" if added.stored_new else "same content as a paper stored before"
    print(f"paper {added.paper_id} on item {args.item}: sha256 {added.sha256} ({kept})")
    return 0


def run_list(inv: Invocation) -> int:
    from boardroom.services import papers
    from boardroom.services.record import find_meeting

    with inv.session() as session:
        for row in papers.meeting_papers(session, find_meeting(session, inv.args.meeting)):
            flags = [] if row.stored else [f"not stored (was at {row.path})"]
            flags += [f"replaced by {row.replaced_by}"] if row.replaced_by else []
            flags += ["late"] if row.late and row.current else []
            sent = dt.datetime.fromisoformat(row.sent_at) if row.sent_at else None
            flags += [f"sent {shown_moment(sent)}"] if sent else []
            print(
                f"{row.id:>5}  {row.item_number:>2}. {row.title}  {row.file_name}"
                f"  {row.media_type}  {row.size} bytes  sha256 {row.sha256}"
                + (f"  ({'; '.join(flags)})" if flags else "")
            )
    return 0


def run_get(inv: Invocation) -> int:
    from boardroom.services import papers

    destination = None if inv.args.output in (None, STDIO) else inv.args.output
    if destination is None and sys.stdout.isatty():
        hint = "> FILE" if inv.over_ssh else "-o FILE or > FILE"
        raise ValidationProblem(f"a paper is not shown on a terminal: write it with {hint}", "-o")
    inv.files.writable(destination, "-o")
    with inv.session() as session:
        _paper, content = papers.paper_bytes(session, inv.args.paper)
    inv.files.write_bytes(destination, content, "-o")
    return 0
