"""The minutes as a document: what a secretary sends after the meeting (md, html, docx)."""

from __future__ import annotations

from boardroom.exports.document import Bullets, Document, Heading, Paragraph, Table
from boardroom.i18n import _, format_date, label
from boardroom.services.minutes import Minutes, MinutesDecision


def _decision_blocks(decision: MinutesDecision) -> list:
    blocks: list = [Heading(4, f"{_('Decision')} {decision.number}: {decision.title}")]
    if decision.text:
        blocks.append(Paragraph(decision.text))
    blocks.append(Paragraph(decision.outcome, label(decision.method) + ":"))
    if decision.supersedes:
        blocks.append(
            Paragraph(_("This decision supersedes {number}.").format(number=decision.supersedes))
        )
    if decision.review_date:
        blocks.append(
            Paragraph(format_date(decision.review_date, weekday=False), _("Review date") + ":")
        )
    for current in decision.rounds:
        if current.round.kind.value == "vote":
            if current.ballots:
                blocks.append(
                    Table(
                        [_("Voter"), _("Ballot"), _("Weight")],
                        [
                            [name, label(choice), f"{weight:g}"]
                            for name, choice, weight in current.ballots
                        ],
                    )
                )
            elif decision.secret:
                blocks.append(Paragraph(_("Secret ballot: the counts only.")))
        else:
            blocks.append(
                Paragraph(
                    current.version.text,
                    f"{_('Round')} {current.round.number}, {_('version')} {current.version.version}:",
                )
            )
            blocks.append(
                Table(
                    [_("Member"), _("Answer"), _("Concern or reason")],
                    [[name, label(answer), note] for name, answer, note in current.answers],
                )
            )
    return blocks


def minutes_document(minutes: Minutes) -> Document:
    when = format_date(minutes.starts_at, time=True)
    doc = Document(f"{_('Minutes')} {minutes.board} — {when}")
    status = _("approved") if minutes.approved else _("draft")
    if minutes.approved_on:
        status = _("approved on {day}").format(day=format_date(minutes.approved_on, weekday=False))
    doc.header = " · ".join(
        [minutes.board, f"{_('Minutes')} {_('meeting')} {minutes.number}", when, status]
    )
    doc.author = minutes.secretary
    if minutes.seal:
        doc.footer = f"{_('Seal')} {minutes.seal}"
    doc.add(
        Heading(1, f"{_('Minutes')} — {minutes.board}"),
        Paragraph(f"{_('Meeting')} {minutes.number} · {when} · {minutes.location}"),
        Paragraph(minutes.chair, _("Chair") + ":"),
        Paragraph(minutes.secretary, _("Secretary") + ":"),
        Paragraph(status, _("Status") + ":"),
        *(
            [
                Paragraph(
                    _("{code} — check it with: boardroom verify --seal {code}").format(
                        code=minutes.seal
                    ),
                    _("Seal") + ":",
                )
            ]
            if minutes.seal
            else []
        ),
        Heading(2, _("Attendance")),
    )
    attendance = [
        (_("Present"), minutes.present),
        (_("Remote"), minutes.remote),
        (
            _("Substitutes"),
            [
                _("{substitute} for {member}").format(substitute=s, member=m)
                for s, m in minutes.substitutes
            ],
        ),
        (_("Absent with notice"), minutes.with_notice),
        (_("Absent"), minutes.absent),
    ]
    doc.add(*[Paragraph(", ".join(people), f"{title}:") for title, people in attendance if people])
    doc.add(Heading(2, _("Agenda")))
    for item in minutes.items:
        heading = f"{item.position}. {item.title}" if item.position else item.title
        if item.deferred:
            heading += f" ({_('deferred to the next meeting')})"
        doc.add(Heading(3, heading))
        if item.purpose:
            doc.add(Paragraph(f"{label(item.purpose)} · {item.presenter}"))
        if item.notes:
            doc.add(Paragraph(item.notes, _("Notes") + ":"))
        for author, text in item.notes_by:  # each author's notes, their name beside them
            alone = len(item.notes_by) == 1 and not item.notes
            heading = _("Notes") if alone else _("Notes ({author})").format(author=author)
            doc.add(Paragraph(text, heading + ":"))
        if item.outcome:
            doc.add(Paragraph(item.outcome, _("Outcome") + ":"))
        for decision in item.decisions:
            doc.add(*_decision_blocks(decision))
        if item.actions:
            doc.add(
                Table(
                    [_("Action"), _("Text"), _("Owner"), _("Due")], [list(a) for a in item.actions]
                )
            )
    if minutes.werkagenda:
        from boardroom.exports.werkagenda import werkagenda_blocks

        doc.add(
            Heading(2, _("Werkagenda")),
            Paragraph(_("The figures as the table had them at this meeting.")),
            *werkagenda_blocks(minutes.werkagenda, 3),
        )
    if minutes.interest_rounds:
        doc.add(Heading(2, _("Interest round")))
        for perspective, helps, pinches, asks in minutes.interest_rounds:
            doc.add(
                Heading(3, perspective),
                Bullets(
                    [
                        f"{_('What helps')}: {helps}",
                        f"{_('What pinches')}: {pinches}",
                        f"{_('What they ask of the table')}: {asks}",
                    ]
                ),
            )
    if minutes.behaviour:
        doc.add(
            Heading(2, _("Behaviour check")),
            Table(
                [_("Behaviour rule"), _("Score"), _("Note")],
                [[rule, label(score), note] for rule, score, note in minutes.behaviour],
            ),
        )
    if minutes.amendments:
        doc.add(
            Heading(2, _("Amendments after approval")),
            Table([_("Date"), _("By"), _("Amendment")], [list(a) for a in minutes.amendments]),
        )
    doc.add(Heading(2, _("Appendix: decisions of this meeting"), appendix=True))
    doc.add(
        Table(
            [_("Number"), _("Decision"), _("Method")],
            [[n, t, label(method)] for n, t, method in minutes.decision_list],
        )
        if minutes.decision_list
        else Paragraph(_("none"))
    )
    doc.add(Heading(2, _("Appendix: open actions"), appendix=True))
    doc.add(
        Table(
            [_("Action"), _("Text"), _("Owner"), _("Due")], [list(a) for a in minutes.open_actions]
        )
        if minutes.open_actions
        else Paragraph(_("none"))
    )
    return doc
