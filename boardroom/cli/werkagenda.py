"""`werkagenda`: the result agreements and their KPIs (show, figure, agreement, kpi, import);
the table's own evaluation, in the same group, is `cli/evaluation.py`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from boardroom.cli import evaluation
from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, Parser, common, date, host_path, words

if TYPE_CHECKING:
    from boardroom.services.werkagenda import Loaded


def register(commands: Commands) -> None:
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
    for declare in (
        _declare_show,
        _declare_figure,
        _declare_agreement,
        _declare_kpi,
        _declare_import,
        evaluation.declare_statements,
        evaluation.declare_evaluation,
        evaluation.declare_evaluations,
    ):
        declare(steps)


def _declare_show(steps: Commands) -> None:
    show = steps.add_parser(
        "show", help="every KPI and its status", description="Every KPI and where it stands."
    )
    common(show)
    words(show, "--theme", metavar="THEME", help="one theme only")
    show.add_argument("--at", type=date, metavar="DATE", help="as it stood then (default: today)")
    show.set_defaults(handler=run_show)


def run_show(inv: Invocation) -> int:
    from boardroom.exports.werkagenda import figures_text, status_text
    from boardroom.i18n import with_unit
    from boardroom.services import werkagenda

    with inv.session() as session:
        for agreement in werkagenda.werkagenda(session, inv.args.at, inv.args.theme):
            print(f"{agreement.theme} — {agreement.title} ({agreement.owner or '-'})")
            for kpi in agreement.kpis:
                print(
                    f"  {kpi.name}: {status_text(kpi)} — figures {figures_text(kpi.figures, dated=False)};"
                    f" target {with_unit(kpi.target.target, kpi.unit)} by {kpi.target.target_on}"
                )
    return 0


def _declare_figure(steps: Commands) -> None:
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


def run_figure(inv: Invocation) -> int:
    from boardroom.services import werkagenda

    args = inv.args
    with inv.session() as session:
        loaded = werkagenda.record_figure(
            session, args.kpi, args.date, args.value, args.source, args.note
        )
    _print_loaded(loaded)
    return 0


def _declare_import(steps: Commands) -> None:
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


def _declare_agreement(steps: Commands) -> None:
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


def _declare_kpi(steps: Commands) -> None:
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
