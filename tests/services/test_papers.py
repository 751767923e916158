"""Papers in the board as the agenda shows them: a replacement after the papers went out keeps
the old version in the record and flags the new one on the agenda as late."""

from __future__ import annotations

import datetime as dt

from boardroom.exports.agenda import agenda_document
from boardroom.exports.markup import to_markdown
from boardroom.services import agenda, papers
from boardroom.services.record import find_meeting


def test_a_replacement_after_sending_is_flagged_and_the_old_version_kept(open_demo):
    els = open_demo("Els")
    december = find_meeting(els, "2026-12-10")
    first = papers.add_paper(els, december, 4, "Monitor", b"%PDF-1.4 versie 1", "monitor.pdf")
    # 24 Nov: in time, with the two notes the demo's secretary attached when drafting
    assert agenda.mark_papers_sent(els, december.id or 0) == 3
    els.now = lambda: dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)  # after the 3 Dec deadline
    second = papers.add_paper(
        els, december, 4, "", b"%PDF-1.4 versie 2", "monitor-v2.pdf", replaces_id=first.paper_id
    )
    line = agenda.agenda_view(els, december.id or 0).lines[3]
    shown = [(p.title, p.late, p.replaces_sent) for p in line.papers]
    assert shown == [("Notitie Wonen, welzijn en zorg", False, False), ("Monitor", True, True)]
    view = agenda.agenda_view(els, december.id or 0)
    text = to_markdown(agenda_document(view, internal=True))
    assert (
        "- 4b. Monitor (1 kB, sha256 " + second.sha256[:12] + ") — LATE: not sent yet; deadline"
        " 3 Dec 2026 — replaces a version that was sent before"
    ) in text
    every = papers.meeting_papers(els, december)
    old = next(p for p in every if p.id == first.paper_id)
    assert (old.replaced_by, old.stored, old.sent_at is not None) == (second.paper_id, True, True)
    assert agenda.mark_papers_sent(els, december.id or 0) == 1  # only the new version goes out
