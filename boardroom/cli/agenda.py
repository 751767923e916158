"""`agenda set` and `agenda papers-sent`: the steps of building an agenda that need no screen."""

from __future__ import annotations

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, Parser, common, meeting


def register(commands: Commands) -> None:
    agenda = commands.add_parser(
        "agenda",
        help="set a meeting's agenda, or mark its papers sent (secretary or chair)",
        description="Steps of building an agenda that need no screen: `set` (the agenda goes"
        " out as it is) and `papers-sent` (every paper not yet sent is sent now).",
    )
    steps = agenda.add_subparsers(dest="agenda_command", metavar="STEP", parser_class=Parser)
    steps.required = True
    for step, what in (("set", "set the agenda"), ("papers-sent", "mark the papers sent")):
        parser = steps.add_parser(step, help=what, description=f"{what.capitalize()}.")
        common(parser)
        meeting(parser)
        parser.set_defaults(handler=run_step)


def run_step(inv: Invocation) -> int:
    from boardroom.services import agenda
    from boardroom.services.record import find_meeting

    with inv.session() as session:
        found = find_meeting(session, inv.args.meeting)
        if inv.args.agenda_command == "set":
            agenda.set_agenda(session, found.id or 0)
            print(f"agenda of {found.starts_at:%Y-%m-%d} set")
        else:
            count = agenda.mark_papers_sent(session, found.id or 0)
            print(f"{count} paper(s) of {found.starts_at:%Y-%m-%d} marked sent")
        return 0
