"""`werkagenda`: the result agreements and their KPIs (show, figure, agreement, kpi, import) and
the table's own evaluation (statements, evaluation, evaluations)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Parser, common, date, host_path, words
from boardroom.domain.errors import ValidationProblem

if TYPE_CHECKING:
    from boardroom.services.evaluation import EvaluationResult
    from boardroom.services.werkagenda import Loaded


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    werkagenda = commands.add_parser(
        "werkagenda",
        help="the result agreements and their KPIs: show, record a figure, load figures",
        description="The werkagenda: per theme the result agreements, each KPI from its"
        " baseline to its target, the figures measured and the status (achieved, on track,"
        " behind, at risk, no data). Figures are kept by the secretary, the chair and the"
        " programme managers.",
    )
    steps = werkagenda.add_subparsers(
        dest="werkagenda_command", metavar="WHAT", parser_class=Parser
    )
    steps.required = True

    show = steps.add_parser(
        "show", help="every KPI and its status", description="Every KPI and where it stands."
    )
    common(show)
    words(show, "--theme", metavar="THEME", help="one theme only")
    show.add_argument("--at", type=date, metavar="DATE", help="as it stood then (default: today)")
    show.set_defaults(handler=run_show)

    figure = steps.add_parser(
        "figure",
        help="record one figure for a KPI",
        description="Record the figure a KPI had on a date; a figure for the same date"
        " corrects the one recorded before.",
    )
    common(figure)
    words(figure, "--kpi", required=True, metavar="NAME", help="the KPI's name")
    figure.add_argument(
        "--date", required=True, type=date, metavar="DATE", help="the date it is about"
    )
    figure.add_argument("--value", required=True, type=float, metavar="NUMBER")
    words(figure, "--source", default="", metavar="TEXT", help="where the figure comes from")
    words(figure, "--note", default="", metavar="TEXT")
    figure.set_defaults(handler=run_figure)

    agreement = steps.add_parser(
        "agreement",
        help="add a result agreement to a theme",
        description="A result agreement: what parties agreed to achieve on a theme, at which"
        " scale, serving which aim of the quadruple (quintuple) aim. Prints its id.",
    )
    common(agreement)
    words(agreement, "--theme", required=True, metavar="THEME")
    words(agreement, "--title", required=True, metavar="TEXT")
    words(agreement, "--owner", default="", metavar="NAME", help="who answers for it")
    words(agreement, "--parties", default="", metavar="A;B", help="the carrying parties, ; between")
    agreement.add_argument(
        "--scale", choices=("region", "subregion", "municipality"), default="region"
    )
    agreement.add_argument(
        "--aim",
        required=True,
        choices=("population_health", "experience", "costs", "work_satisfaction", "equity"),
    )
    words(agreement, "--line", default="", metavar="TEXT", help="the programme line")
    agreement.set_defaults(handler=run_agreement)

    kpi = steps.add_parser(
        "kpi",
        help="add a KPI to a result agreement",
        description="A KPI: from its baseline (value and date) to its target (value and date),"
        " measured at a frequency, from a source. Its name is how figure files name it.",
    )
    common(kpi)
    kpi.add_argument("--agreement", required=True, type=int, metavar="ID")
    words(kpi, "--name", required=True, metavar="NAME")
    words(kpi, "--unit", default="", metavar="UNIT", help="e.g. %%, weken, uur")
    kpi.add_argument("--baseline", required=True, type=float, metavar="NUMBER")
    kpi.add_argument("--baseline-on", required=True, type=date, metavar="DATE")
    kpi.add_argument("--target", required=True, type=float, metavar="NUMBER")
    kpi.add_argument("--target-on", required=True, type=date, metavar="DATE")
    kpi.add_argument(
        "--frequency",
        choices=("monthly", "quarterly", "half_yearly", "yearly"),
        default="quarterly",
    )
    words(kpi, "--source", default="", metavar="TEXT")
    kpi.set_defaults(handler=run_kpi)

    load = steps.add_parser(
        "import",
        help="load figures from a CSV file",
        description="Load a CSV file of figures (header: kpi,date,value,source,note; comma or"
        " semicolon separated; 12.5 or 12,5; dates 2026-03-31 or 31-03-2026). Every line is"
        " checked first: with any bad line nothing is loaded and each bad line is named. A"
        " figure loaded twice changes nothing; a new value for a date corrects the old one."
        " Over SSH send the file on standard input: --file - < FILE.",
    )
    common(load)
    host_path(
        load,
        "--file",
        dest="figures_file",
        stdio="in",
        required=True,
        metavar="FILE",
        help="- reads standard input",
    )
    load.set_defaults(handler=run_import)

    statements = steps.add_parser(
        "statements",
        help="the statements of the table's evaluation, numbered",
        description="The statements members score 1 (not at all) to 5 (entirely); with none"
        " yet, --defaults makes them from the leading principles and behaviour rules.",
    )
    common(statements)
    statements.add_argument("--defaults", action="store_true", help="make the default statements")
    words(statements, "--add", metavar="TEXT", help="add a statement")
    words(statements, "--reword", metavar="N TEXT", help="give statement N a new text")
    statements.set_defaults(handler=run_statements)

    record = steps.add_parser(
        "evaluation",
        help="record a process evaluation's counts (anonymous)",
        description="Record how many members gave each statement each score — counts only,"
        " never who gave which. The file: a header statement,1,2,3,4,5 and a line per"
        " statement (its number or its text) with the five counts. Over SSH send the file on"
        " standard input: --file - < FILE.",
    )
    common(record)
    record.add_argument(
        "--date", type=date, metavar="DATE", help="when it was held (default: the meeting's date)"
    )
    record.add_argument("--respondents", required=True, type=int, metavar="N")
    host_path(
        record,
        "--file",
        dest="counts_file",
        stdio="in",
        required=True,
        metavar="FILE",
        help="- reads standard input",
    )
    words(record, "--comment", default=[], metavar="TEXT", help="a comment (repeat)")
    record.add_argument(
        "--meeting", metavar="DATE|NR", help="the meeting it was held at (its evaluation item)"
    )
    record.set_defaults(handler=run_evaluation)

    results = steps.add_parser(
        "evaluations",
        help="every evaluation compared with the one before",
        description="Per evaluation each statement's mean score and its change since the"
        " evaluation before, the comments, and the behaviour check's share of rules kept.",
    )
    common(results)
    results.set_defaults(handler=run_evaluations)


def run_show(inv: Invocation) -> int:
    from boardroom.exports.werkagenda import figures_text, status_text
    from boardroom.i18n import with_unit
    from boardroom.services import werkagenda

    with inv.session() as session:
        for agreement in werkagenda.werkagenda(session, inv.args.at, inv.args.theme):
            print(f"{agreement.theme} — {agreement.title} ({agreement.owner or '-'})")
            for kpi in agreement.kpis:
                print(
                    f"  {kpi.name}: {status_text(kpi)} — figures {figures_text(kpi.figures)};"
                    f" target {with_unit(kpi.target.target, kpi.unit)} by {kpi.target.target_on}"
                )
    return 0


def run_figure(inv: Invocation) -> int:
    from boardroom.services import werkagenda

    args = inv.args
    with inv.session() as session:
        loaded = werkagenda.record_figure(
            session, args.kpi, args.date, args.value, args.source, args.note
        )
    _print_loaded(loaded)
    return 0


def run_import(inv: Invocation) -> int:
    from boardroom.services import werkagenda

    name = inv.args.figures_file
    with inv.session() as session:
        werkagenda.require_keeper(session)  # before the file is read
        text = inv.files.read_text(name, "--file")
        loaded = werkagenda.import_figures(session, text, "<stdin>" if name == "-" else name)
    _print_loaded(loaded)
    return 0


def _print_loaded(loaded: Loaded) -> None:
    print(
        f"{loaded.added} figure(s) added, {loaded.corrected} corrected,"
        f" {loaded.unchanged} unchanged"
    )


def run_agreement(inv: Invocation) -> int:
    from boardroom.services import werkagenda

    args = inv.args
    with inv.session() as session:
        made = werkagenda.save_agreement(
            session,
            {name: getattr(args, name) for name in ("theme", "title", "owner", "scale", "aim")}
            | {
                "parties": [p.strip() for p in args.parties.split(";") if p.strip()],
                "programme_line": args.line,
            },
        )
    print(f"result agreement {made}: {args.title}")
    return 0


def run_kpi(inv: Invocation) -> int:
    from boardroom.services import werkagenda

    args = inv.args
    fields = ("name", "unit", "baseline", "baseline_on", "target", "target_on", "frequency")
    with inv.session() as session:
        made = werkagenda.save_kpi(
            session,
            {name: getattr(args, name) for name in (*fields, "source")}
            | {"agreement_id": args.agreement},
        )
    print(f"KPI {made}: {args.name}")
    return 0


def run_statements(inv: Invocation) -> int:
    from boardroom.services import evaluation

    args = inv.args
    with inv.session() as session:
        if args.defaults:
            print(f"{evaluation.default_statements(session)} statement(s) added")
        if args.add:
            evaluation.save_statement(session, args.add)
        if args.reword:
            number, _space, text = args.reword.partition(" ")
            current = evaluation.statements(session)
            if not number.isdigit() or not 1 <= int(number) <= len(current):
                raise ValidationProblem(f"no statement {number}", "--reword")
            if not text.strip():
                raise ValidationProblem("give the number and the new text: N TEXT", "--reword")
            evaluation.save_statement(session, text.strip(), current[int(number) - 1].id)
        for n, statement in enumerate(evaluation.statements(session), 1):
            print(f"{n:>3}. {statement.text}")
    return 0


def run_evaluation(inv: Invocation) -> int:
    from boardroom.services import evaluation
    from boardroom.services.record import find_meeting

    args = inv.args
    with inv.session() as session:
        evaluation.require_recorder(session)  # before the file is read
        meeting = find_meeting(session, args.meeting) if args.meeting else None
        if meeting is None and args.date is None:
            raise ValidationProblem("give --date or --meeting", "--date")
        held_on = args.date or (meeting.starts_at.date() if meeting else None)
        text = inv.files.read_text(args.counts_file, "--file")
        source = "<stdin>" if args.counts_file == "-" else args.counts_file
        counts = evaluation.read_counts(session, text, source)
        evaluation.record_evaluation(
            session,
            held_on,
            args.respondents,
            counts,
            args.comment,
            meeting.id if meeting else None,
        )
    print(f"evaluation of {held_on}: {len(counts)} statement(s), {args.respondents} respondents")
    return 0


def run_evaluations(inv: Invocation) -> int:
    from boardroom.services import evaluation

    with inv.session() as session:
        due = evaluation.due(session)
        if due is not None:
            when = "to record" if due.on <= session.today else "next planned"
            print(f"{when}: the evaluation of the meeting of {due.on}")
        for result in evaluation.evaluations(session):
            print(_evaluation_text(result))
    return 0


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
