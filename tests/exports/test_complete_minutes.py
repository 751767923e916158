"""The minutes carry the whole record of the meeting: every proposal and how it ended, the
evaluation held, the minutes adopted, who was there in the four sections a Dutch board's
minutes use, overdue actions, the adoption and its signatures, CONCEPT until then."""

from __future__ import annotations

import datetime as dt

import pypdfium2

from boardroom.domain.enums import ProposalStatus
from boardroom.exports.formats import write_document
from boardroom.exports.markup import to_markdown
from boardroom.exports.minutes import minutes_document
from boardroom.i18n import set_language
from boardroom.services import decide, meeting
from boardroom.services.minutes import build_minutes
from boardroom.services.record import find_meeting
from boardroom.services.session import open_session


def minutes_text(session, day: str) -> str:
    held = find_meeting(session, day)
    return to_markdown(minutes_document(build_minutes(session, held.id or 0)))


def section(text: str, start: str, end: str) -> list[str]:
    """The lines between a line that starts with `start` and the next that starts with `end`."""
    lines = text.splitlines()
    first = next(k for k, line in enumerate(lines) if line.startswith(start))
    last = next(k for k in range(first + 1, len(lines)) if lines[k].startswith(end))
    return [line for line in lines[first + 1 : last] if line]


def test_the_rejected_vote_is_in_the_minutes_with_its_ballots_and_count(open_demo):
    text = minutes_text(open_demo(), "2026-05-14")
    item = section(text, "### 4. Acute zorg", "### 5.")
    proposal = item.index("#### Proposal: Regionale spoedpost: vervolgfase (voortgang)")
    assert item[proposal + 2] == "**Outcome:** rejected"
    assert item[proposal + 3 : proposal + 5] == ["| Voter | Ballot | Weight |", "|---|---|---|"]
    ballots = item[proposal + 5 : proposal + 13]
    assert [row.split(" | ")[1] for row in ballots] == ["against", "for"] * 4
    assert item[proposal + 13] == "**Recorded by:** Els Verhoeven"  # all at the console
    assert (
        item[proposal + 14]
        == "**Count:** 4 for, 4 against, 0 abstentions; 9 entitled to vote — rejected"
    )


def test_withdrawn_and_deferred_proposals_are_in_the_minutes(demo_path):
    moment = dt.datetime(2026, 12, 10, 14, 0, tzinfo=dt.UTC)
    chair = open_session(demo_path, as_name="Marianne van der Velde", now=lambda: moment)
    december = find_meeting(chair, "2026-12-10").id or 0
    meeting.start_meeting(chair, december)
    themes = [i for i in chair.repo.items(december) if i.kind.value == "theme"]
    first = decide.put_proposal(chair, themes[0].id or 0, "Eerst verkennen.", "consent")
    decide.end_proposal(chair, first, ProposalStatus.WITHDRAWN)
    second = decide.put_proposal(chair, themes[1].id or 0, "Volgende keer.", "vote")
    decide.end_proposal(chair, second, ProposalStatus.DEFERRED)
    minutes = build_minutes(chair, december)
    ended = [(p.text, p.status) for item in minutes.items for p in item.proposals]
    assert ended == [
        ("Eerst verkennen.", ProposalStatus.WITHDRAWN),
        ("Volgende keer.", ProposalStatus.DEFERRED),
    ]
    text = to_markdown(minutes_document(minutes))
    assert "Eerst verkennen.\n\n**Outcome:** withdrawn" in text
    assert "Volgende keer.\n\n**Outcome:** deferred" in text
    chair.close()


def test_the_evaluation_is_under_its_item(open_demo):
    text = minutes_text(open_demo(), "2026-10-08")
    item = section(text, "### 7. Evaluatie van de samenwerking", "### 8.")
    assert item[1] == "15 members took part in the evaluation."
    assert item[2:4] == ["| Statement | Mean (1–5) |", "|---|---|"]
    assert len([row for row in item if row.startswith("| We ")]) == 12
    assert item[-3:] == [
        "**Comments:**",
        "- Het belangenrondje helpt.",
        "- Nog steeds te weinig tijd voor de werkagenda.",
    ]


def test_item_2_says_which_minutes_were_adopted(open_demo):
    text = minutes_text(open_demo(), "2026-10-08")
    item = section(text, "### 2. Verslag vorige vergadering", "### 3.")
    assert item[1] == "**Adopted:** the minutes of the meeting of 10 Sep 2026"


def test_the_presence_list_in_its_four_sections(open_demo):
    session = open_demo()
    text = minutes_text(session, "2026-05-14")
    present = section(text, "**Present:**", "**")
    assert present[0] == "- Marianne van der Velde (Gemeente Lindestad), Gemeenten"
    assert "- Ruud Visser (Zorgverzekeraar Zuidwest), Zorgverzekeraar — remote" in present
    assert len(present) == 12
    also = section(text, "**Also present:**", "**")
    assert also[0] == "- Els Verhoeven (Programmabureau Lindewaard), secretary"
    assert all(", programme manager" in line for line in also[1:])
    assert section(text, "**Absent without notice:**", "**") == [
        "- Lotte Kramer (Welzijn Lindewaard), Sociaal domein en welzijn"
    ]
    assert "**Minutes taken by:** Els Verhoeven" in text
    # a substitute is named for whom, with the member's organisation and seat
    present = section(minutes_text(session, "2026-04-09"), "**Present:**", "**")
    assert "- Dirk Verbeek, for Sophie Mulder (Thuiszorg Lindewaard), Ouderenzorg (VVT)" in present


def test_overdue_actions_are_marked_in_the_appendix(open_demo):
    session = open_demo()
    text = minutes_text(session, "2026-10-08")
    appendix = text.split("## Appendix: open actions", 1)[1].strip().splitlines()[2:]
    marked = [row.split(" | ")[0][2:] for row in appendix if row.endswith("(overdue) |")]
    assert appendix[0] == (
        "| A2025-02-03 | Lever cijfers aan over arbeidsmarkt en digitale zorg."
        " | Nicole Brouwer | 22 Jan 2026 (overdue) |"
    )
    held = find_meeting(session, "2026-10-08")
    due_before = [
        number
        for number, _text, _owner, due, _overdue in build_minutes(
            session, held.id or 0
        ).open_actions
        if due and due < "2026-10-08"
    ]
    assert marked == due_before == ["A2025-02-03", "A2026-03-02", "A2026-06-03"]


def test_approved_minutes_are_signed_off_and_a_concept_says_so(open_demo, tmp_path):
    session = open_demo()
    approved = minutes_text(session, "2026-10-08")
    assert section(approved, "## Adoption", "## ") == [
        "Adopted in the meeting of 12 Nov 2026.",
        "| The chair | The secretary |",
        "|---|---|",
        "| Marianne van der Velde | Els Verhoeven |",
    ]
    assert not approved.startswith("**DRAFT**")
    concept = minutes_text(session, "2026-11-12")
    assert concept.startswith("**DRAFT**\n")
    assert "## Adoption" not in concept
    set_language("nl")
    held = find_meeting(session, "2026-11-12")
    write_document(
        minutes_document(build_minutes(session, held.id or 0)), "pdf", tmp_path / "concept.pdf"
    )
    pdf = pypdfium2.PdfDocument(str(tmp_path / "concept.pdf"))
    pages = [pdf[k].get_textpage().get_text_range() for k in range(len(pdf))]
    assert all("CONCEPT" in page for page in pages)  # on every page
    assert "Verder aanwezig:" in pages[0] and "Notulist: Els Verhoeven" in pages[0]
