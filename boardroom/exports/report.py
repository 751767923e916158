"""The year report: meetings held, decisions by method and theme, actions done on time and
still open (overdue ones counted), proposals not adopted, attendance of the table's members,
interest rounds per perspective, the behaviour trend, the process evaluations."""

from __future__ import annotations

from boardroom.exports.document import Bullets, Document, Heading, Paragraph, Table
from boardroom.i18n import _, day_text, format_date, format_decimal, label, n_
from boardroom.services.evaluation import EvaluationResult
from boardroom.services.year import YearReport


def _mean(held: EvaluationResult) -> str:
    """The mean over every statement's scores."""
    scores = [(k + 1) * n for s in held.statements for k, n in enumerate(s.counts)]
    given = sum(n for s in held.statements for n in s.counts)
    return format_decimal(sum(scores) / given) if given else "—"


def report_document(board: str, report: YearReport) -> Document:
    view = report.view
    title = _("Year report {year}").format(year=view.year)
    doc = Document(f"{title} — {board}", header=f"{board} · {title}")
    on_time = "—" if report.on_time is None else f"{report.on_time:.0%}"
    doc.add(
        Heading(1, f"{title} — {board}"),
        Bullets(
            [
                _("{n} meetings held").format(n=report.meetings_held),
                _("{n} decisions").format(n=sum(n for _l, n in report.decisions_by_method)),
                _("{agreed} actions agreed, {done} done, {on_time} of those on time").format(
                    agreed=report.actions_agreed, done=report.actions_done, on_time=on_time
                ),
                _("{open} still open, {overdue} of them overdue").format(
                    open=report.actions_open, overdue=report.actions_overdue
                ),
                n_(
                    "{n} proposal not adopted", "{n} proposals not adopted", len(report.not_adopted)
                ).format(n=len(report.not_adopted)),
                n_(
                    "{n} process evaluation", "{n} process evaluations", len(report.evaluations)
                ).format(n=len(report.evaluations)),
            ]
        ),
        Heading(2, _("Decisions by method")),
        Table(
            [_("Method"), _("Decisions")],
            [[label(m), str(n)] for m, n in report.decisions_by_method],
        ),
        Heading(2, _("Decisions by theme")),
        Table(
            [_("Theme"), _("Decisions")],
            [[t or _("none"), str(n)] for t, n in report.decisions_by_theme],
        ),
        Heading(2, _("Attendance")),
        Table(
            [_("Member"), _("Present"), _("Substituted"), _("Meetings")],
            [[m, f"{a:.0%}", f"{s:.0%}", str(n)] for m, a, s, n in view.attendance],
        ),
        Heading(2, _("Interest rounds")),
        Table(
            [_("Perspective"), _("Held"), _("Target")],
            [[c.perspective, str(c.held), str(c.target)] for c in view.interest],
        ),
        Heading(2, _("Behaviour check")),
        Table(
            [_("Behaviour rule"), _("kept"), _("under pressure"), _("broken")],
            [[rule, str(k), str(u), str(b)] for rule, k, u, b in report.behaviour_counts],
        ),
    )
    if report.not_adopted:
        doc.add(
            Heading(2, _("Proposals not adopted")),
            Table(
                [_("Meeting"), _("Proposal"), _("Outcome")],
                [
                    [day_text(day), title, label(status)]
                    for day, title, status in report.not_adopted
                ],
            ),
        )
    if report.evaluations:
        doc.add(
            Heading(2, _("Process evaluations")),
            Table(
                [_("Date"), _("Respondents"), _("Mean (1–5)")],
                [
                    [
                        format_date(e.held_on, weekday=False),
                        str(e.respondents),
                        _mean(e),
                    ]
                    for e in report.evaluations
                ],
            ),
        )
    if view.at_risk:
        doc.add(
            Paragraph(
                ", ".join(c.perspective for c in view.at_risk), _("Interest rounds at risk") + ":"
            )
        )
    if report.werkagenda and report.werkagenda_on is not None:
        from boardroom.exports.werkagenda import werkagenda_blocks

        doc.add(
            Heading(2, _("Work agenda")),
            Paragraph(_("as it stood on {date}").format(date=format_date(report.werkagenda_on))),
            *werkagenda_blocks(report.werkagenda, 3),
        )
    return doc
