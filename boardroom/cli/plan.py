"""`plan`: a year's meetings and draft agendas from a plan file."""

from __future__ import annotations

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, common, host_path
from boardroom.host_files import plan_text


def register(commands: Commands) -> None:
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
    common(plan)
    plan.add_argument(
        "--year", type=int, metavar="YEAR", help="the year (default: the plan file's `year`)"
    )
    host_path(
        plan,
        "--from",
        dest="plan_file",
        stdio="in",
        required=True,
        metavar="FILE",
        help="the plan file; - reads it from standard input (with the standard agenda)",
    )
    mode = plan.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    mode.add_argument("--apply", action="store_true", help="write the changes")
    plan.set_defaults(handler=run_plan)


def run_plan(inv: Invocation) -> int:
    from boardroom.services.planning import apply_plan, preview_plan, require_planner

    args = inv.args
    with inv.session() as session:
        require_planner(session)  # before the file is read
        preview = preview_plan(session, plan_text(inv.files, args.plan_file), args.year)
        for line in preview.lines():
            print(line)
        print(preview.summary())
        if args.dry_run:
            return 0
        if preview.had_meetings and not args.apply:
            print(f"{preview.year} has meetings already: nothing written; run again with --apply")
            return 1
        if not preview.changed:
            print("nothing to change")
            return 0
        apply_plan(session, preview)
        print(f"written to {inv.board_label}")
        return 0
