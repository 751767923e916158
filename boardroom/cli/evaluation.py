"""`werkagenda statements|evaluation|evaluations`: the table's own process evaluation — the
statements members score, the anonymous counts of an evaluation, and every evaluation
compared with the one before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, common, date, host_path, words
from boardroom.domain.errors import ValidationProblem

if TYPE_CHECKING:
    from boardroom.services.evaluation import EvaluationResult


def declare_statements(steps: Commands) -> None:
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


def declare_evaluation(steps: Commands) -> None:
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


def declare_evaluations(steps: Commands) -> None:
    results = steps.add_parser(
        "evaluations",
        help="every evaluation compared with the one before",
        description="Per evaluation each statement's mean score and its change since the"
        " evaluation before, the comments, and the behaviour check's share of rules kept.",
    )
    common(results)
    results.set_defaults(handler=run_evaluations)


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
