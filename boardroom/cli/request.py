"""`request`: a portfolio holder asks for agenda space, or sees what became of their requests."""

from __future__ import annotations

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, common, date, words
from boardroom.domain.errors import ValidationProblem


def register(commands: Commands) -> None:
    request = commands.add_parser(
        "request",
        help="request agenda space (as a portfolio holder)",
        description="Ask the secretary and chair for time on an agenda. They schedule it into a"
        " meeting with room, or decline it with a reason; `boardroom request --list` shows what"
        " became of your requests.",
    )
    common(request)
    request.add_argument("--list", action="store_true", help="show your requests and their status")
    words(request, "--theme", metavar="THEME", help="the theme's name")
    words(request, "--title", metavar="TEXT", help="the item's title")
    request.add_argument(
        "--purpose", choices=("informing", "opinion", "deciding"), default="informing"
    )
    request.add_argument("--minutes", type=int, metavar="N", help="minutes needed")
    when = request.add_mutually_exclusive_group()
    when.add_argument("--meeting", metavar="DATE|NR", help="the meeting wanted (2027-02-11)")
    when.add_argument("--month", metavar="YYYY-MM", help="the month wanted")
    request.add_argument("--papers-ready", type=date, metavar="DATE", help="papers ready on")
    request.set_defaults(handler=run_request)


def run_request(inv: Invocation) -> int:
    from boardroom.i18n import label
    from boardroom.services import agenda

    args = inv.args
    with inv.session() as session:
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
