"""The agenda (md, html, docx, pdf) in two versions. As members receive it: board, date, time,
place, the numbered items with purpose, presenter and clock times, their papers numbered per
item (4a, 4b), under the minutes item the minutes to adopt, under the actions review the open
actions and the decisions due for review, and the next meeting. The secretary's working
version (`internal`) adds what is for the secretary only: the papers deadline, each paper's
sha256 and whether it came late."""

from __future__ import annotations

from boardroom.domain.enums import ItemKind
from boardroom.domain.numbering import paper_number
from boardroom.exports.document import Bullets, Document, Heading, Paragraph
from boardroom.i18n import _, day_text, format_date, label
from boardroom.services.agenda import AgendaView, PaperLine


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} kB"


def paper_text(paper: PaperLine, deadline_text: str) -> str:
    text = f"{paper.title} ({_size(paper.size)}, sha256 {paper.short_hash})"
    if paper.late:
        sent = (
            _("sent {day}").format(day=format_date(paper.sent_at, weekday=False))
            if paper.sent_at
            else _("not sent yet")
        )
        text += " — " + _("LATE: {sent}; deadline {deadline}").format(
            sent=sent, deadline=deadline_text
        )
    if paper.replaces_sent:
        text += " — " + _("replaces a version that was sent before")
    return text


def agenda_document(view: AgendaView, internal: bool = False) -> Document:
    meeting = view.meeting
    title = _("Agenda {board}").format(board=view.board)
    doc = Document(title)
    doc.header = " · ".join(
        [view.board, f"{_('Agenda')} {_('meeting')} {view.number}", format_date(meeting.starts_at)]
    )
    deadline = format_date(view.deadline, weekday=False)
    doc.add(
        Heading(1, title),
        Paragraph(
            f"{format_date(meeting.starts_at)}, {meeting.starts_at:%H:%M}–{view.ends:%H:%M}",
            _("When:"),
        ),
        Paragraph(meeting.location or "—", _("Where:")),
        Paragraph(
            _("meeting {nr} of {year}; papers due {deadline}").format(
                nr=view.number, year=meeting.starts_at.year, deadline=deadline
            )
            if internal
            else _("meeting {nr} of {year}").format(nr=view.number, year=meeting.starts_at.year),
            _("Meeting:"),
        ),
    )
    for line in view.lines:
        item = line.item
        doc.add(
            Heading(2, f"{line.number}. {item.title}"),
            Paragraph(
                " · ".join(
                    part
                    for part in (
                        f"{line.starts:%H:%M}–{line.ends:%H:%M}",
                        label(item.purpose),
                        line.presenter,
                        line.theme,
                    )
                    if part
                )
            ),
        )
        if item.proposal:
            doc.add(Paragraph(item.proposal, _("Proposed decision:")))
        if item.kind == ItemKind.MINUTES:
            for held in view.minutes_to_adopt:
                adopt = _("the minutes of the meeting of {day}")
                doc.add(
                    Paragraph(adopt.format(day=format_date(held, weekday=False)), _("To adopt:"))
                )
        if line.papers:
            doc.add(
                Paragraph("", _("Papers:")),
                Bullets(
                    [
                        f"{paper_number(line.number, k)}. "
                        + (paper_text(p, deadline) if internal else f"{p.title} ({_size(p.size)})")
                        for k, p in enumerate(line.papers)
                    ]
                ),
            )
        if item.kind == ItemKind.ACTIONS_REVIEW:
            doc.add(*actions_review_blocks(view))
    if view.next_meeting is not None:
        following = view.next_meeting
        doc.add(
            Paragraph(
                ", ".join(
                    part
                    for part in (
                        f"{format_date(following.starts_at)} {following.starts_at:%H:%M}",
                        following.location,
                    )
                    if part
                ),
                _("Next meeting:"),
            )
        )
    late = sum(1 for line in view.lines for p in line.papers if p.late)
    if internal and late:
        doc.add(Paragraph(_("{n} paper(s) later than the lead time.").format(n=late), _("Note:")))
    return doc


def actions_review_blocks(view: AgendaView) -> list[Bullets | Paragraph]:
    """The open actions (overdue at the meeting first) and decisions due for review."""
    day = view.meeting.starts_at.date().isoformat()
    blocks: list[Bullets | Paragraph] = [
        Paragraph("", _("Open actions ({n}):").format(n=len(view.open_actions)))
    ]
    actions = [
        f"{a['number']} {a['owner']}: {a['text']}"
        + (
            f" ({_('due')} {day_text(a['due_date'])}"
            + (f", {_('overdue')})" if a["due_date"] < day else ")")
            if a["due_date"]
            else ""
        )
        for a in view.open_actions
    ]
    blocks.append(Bullets(actions or [_("none")]))
    if view.due_decisions:
        blocks.append(Paragraph("", _("Decisions due for review:")))
        blocks.append(
            Bullets(
                [
                    f"{d['number']} {d['title']} ({day_text(d['review_date'])})"
                    for d in view.due_decisions
                ]
            )
        )
    return blocks
