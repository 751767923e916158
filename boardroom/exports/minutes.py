"""The minutes as a document: what a secretary sends after the meeting (md, html, docx)."""

from __future__ import annotations

from boardroom.exports.document import Block, Bullets, Document, Heading, Paragraph, Table
from boardroom.i18n import _, day_text, format_date, format_decimal, format_number, label
from boardroom.i18n.record import entered_label, tally_text
from boardroom.services.evaluation import EvaluationResult
from boardroom.services.minutes import Attendee, Minutes, MinutesDecision, MinutesProposal
from boardroom.services.record import RoundRecord


def _attendee(person: Attendee) -> str:
    """A name as the presence list gives it: "Name (organisation), perspective"; a
    substitute "X, for Y (organisation), perspective"."""
    text = person.name
    if person.substitute_for:
        text = _("{substitute}, for {member}").format(
            substitute=person.name, member=person.substitute_for
        )
    if person.organisation:
        text += f" ({person.organisation})"
    if person.perspective:
        text += f", {person.perspective}"
    elif person.role:
        text += f", {label(person.role)}"
    if person.remote:
        text += f" — {_('remote')}"
    return text


def _attendance(minutes: Minutes) -> list[Block]:
    """The four sections a Dutch board's minutes open with, then who was absent unannounced."""
    blocks: list[Block] = [Heading(2, _("Attendance"))]
    sections = [
        (_("Present"), minutes.present),
        (_("Also present"), minutes.also_present),
        (_("Absent with notice given"), minutes.with_notice),
        (_("Absent without notice"), minutes.absent),
    ]
    for title, people in sections:
        if people:
            blocks += [Paragraph("", title + ":"), Bullets([_attendee(p) for p in people])]
    if minutes.secretary:
        blocks.append(Paragraph(minutes.secretary, _("Minutes taken by") + ":"))
    return blocks


def _recorded_by(current: RoundRecord) -> list[Block]:
    """Who entered a round's ballots or answers: when some voters answered from their own
    screens, the table says it row by row; when none did, one line names who recorded them
    (nothing for a round from before this was kept)."""
    if current.answered_themselves:
        return []
    names = current.recorded_by
    return [Paragraph(", ".join(names), _("Recorded by") + ":")] if names else []


def _round_blocks(rounds: list[RoundRecord], secret: bool, tally: bool) -> list[Block]:
    """Each round's ballots or answers; `tally`: a vote's count said under its ballots (a
    decision says it in its outcome already)."""
    blocks: list[Block] = []
    for current in rounds:
        if current.round.kind.value == "vote":
            if current.ballots:
                own = current.answered_themselves
                blocks.append(
                    Table(
                        [_("Voter"), _("Ballot"), _("Weight")] + ([_("Entered")] if own else []),
                        [
                            [b.voter, label(b.choice), format_number(b.weight)]
                            + ([entered_label(*b.entered)] if own else [])
                            for b in current.ballots
                        ],
                    )
                )
                blocks += _recorded_by(current)
            elif secret:
                blocks.append(Paragraph(_("Secret ballot: the counts only.")))
            if tally and current.round.for_weight is not None:
                counted = tally_text(
                    current.round.for_weight or 0,
                    current.round.against_weight or 0,
                    current.round.abstain_weight or 0,
                    current.round.entitled_weight,
                )
                outcome = label(current.round.outcome or "")
                blocks.append(Paragraph(f"{counted} — {outcome}", _("Count") + ":"))
        else:
            blocks.append(
                Paragraph(
                    current.version.text,
                    _("Round {round}, version {version}:").format(
                        round=current.round.number, version=current.version.version
                    ),
                )
            )
            own = current.answered_themselves
            blocks.append(
                Table(
                    [_("Member"), _("Answer"), _("Concern or reason")]
                    + ([_("Entered")] if own else []),
                    [
                        [a.member, label(a.answer), a.note]
                        + ([entered_label(*a.entered)] if own else [])
                        for a in current.answers
                    ],
                )
            )
            blocks += _recorded_by(current)
    return blocks


def _proposal_blocks(proposal: MinutesProposal) -> list[Block]:
    """A proposal that did not become a decision, and how it ended."""
    return [
        Heading(4, f"{_('Proposal')}: {proposal.title}"),
        Paragraph(proposal.text),
        Paragraph(label(proposal.status), _("Outcome") + ":"),
        *_round_blocks(proposal.rounds, proposal.secret, tally=True),
    ]


def _evaluation_blocks(held: EvaluationResult) -> list[Block]:
    """The evaluation held under its item: how many took part, each statement's mean."""
    blocks: list[Block] = [
        Paragraph(
            _("{n} members took part in the evaluation.").format(n=held.respondents),
        ),
        Table(
            [_("Statement"), _("Mean (1–5)")],
            [
                [r.text, format_decimal(r.mean) if r.mean is not None else "—"]
                for r in held.statements
            ],
        ),
    ]
    if held.comments:
        blocks += [Paragraph("", _("Comments") + ":"), Bullets(list(held.comments))]
    return blocks


def _decision_blocks(decision: MinutesDecision) -> list:
    blocks: list = [Heading(4, f"{_('Decision')} {decision.number}: {decision.title}")]
    if decision.text:
        blocks.append(Paragraph(decision.text))
    blocks.append(Paragraph(decision.outcome, _("Outcome") + ":"))  # it names the method
    if decision.supersedes:
        blocks.append(
            Paragraph(_("This decision supersedes {number}.").format(number=decision.supersedes))
        )
    if decision.review_date:
        blocks.append(
            Paragraph(format_date(decision.review_date, weekday=False), _("Review date") + ":")
        )
    blocks += _round_blocks(decision.rounds, decision.secret, tally=False)
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
        *([Paragraph(minutes.seal, _("Seal") + ":", whole=True)] if minutes.seal else []),
    )
    if not minutes.approved:
        doc.watermark = _("DRAFT")
    doc.add(*_attendance(minutes))
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
        if item.speakers:
            doc.add(
                Paragraph(
                    ", ".join(
                        f"{name} ({_('remote')})" if remote else name
                        for name, remote in item.speakers
                    ),
                    _("Speakers") + ":",
                )
            )
        if item.outcome:
            doc.add(Paragraph(item.outcome, _("Outcome") + ":"))
        for adopted in item.adopted_minutes:
            doc.add(
                Paragraph(
                    _("the minutes of the meeting of {day}").format(
                        day=format_date(adopted, weekday=False)
                    ),
                    _("Adopted") + ":",
                )
            )
        if item.evaluation is not None:
            doc.add(*_evaluation_blocks(item.evaluation))
        for decision in item.decisions:
            doc.add(*_decision_blocks(decision))
        for proposal in item.proposals:
            doc.add(*_proposal_blocks(proposal))
        if item.actions:
            doc.add(
                Table(
                    [_("Action"), _("Text"), _("Owner"), _("Due")],
                    [[n, text, owner, day_text(due)] for n, text, owner, due in item.actions],
                )
            )
    if minutes.werkagenda:
        from boardroom.exports.werkagenda import werkagenda_blocks

        doc.add(
            Heading(2, _("Work agenda")),
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
            Table(
                [_("Date"), _("By"), _("Amendment")],
                [[day_text(day), by, text] for day, by, text in minutes.amendments],
            ),
        )
    if minutes.approved and minutes.approved_on:
        day = format_date(minutes.approved_on, weekday=False)
        said = (
            _("Adopted in the meeting of {day}.")
            if minutes.approved_in_meeting
            else _("Adopted on {day}.")
        )
        doc.add(
            Heading(2, _("Adoption")),
            Paragraph(said.format(day=day)),
            Table([_("The chair"), _("The secretary")], [[minutes.chair, minutes.secretary]]),
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
    # the appendices begin on a page of their own, together: the second follows the first
    doc.add(Heading(2, _("Appendix: open actions")))
    doc.add(
        Table(
            [_("Action"), _("Text"), _("Owner"), _("Due")],
            [
                [
                    number,
                    text,
                    owner,
                    day_text(due) + (f" ({_('overdue')})" if overdue else ""),
                ]
                for number, text, owner, due, overdue in minutes.open_actions
            ],
        )
        if minutes.open_actions
        else Paragraph(_("none"))
    )
    return doc
