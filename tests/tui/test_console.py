"""The live meeting in the TUI, end to end through Pilot, checked in the database; and the
number of keys a vote and a consent round take."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import TextArea

from boardroom.domain import models as m
from boardroom.i18n.record import decision_outcome
from boardroom.tui.screens.consent import ConsentScreen
from boardroom.tui.screens.console import MeetingConsole
from boardroom.tui.screens.vote import VoteScreen
from boardroom.tui.widgets.footer import KeyFooter
from boardroom.tui.widgets.form import FormScreen

SIZE = (130, 42)


class Keys:
    """Presses keys and counts them."""

    def __init__(self, pilot) -> None:
        self.pilot = pilot
        self.count = 0

    async def __call__(self, *keys: str) -> None:
        for key in keys:
            await self.pilot.press(key)
            self.count += 1
        await self.pilot.pause()


async def open_console(app, keys: Keys) -> int:
    await keys("f6", "enter")
    assert isinstance(app.screen, MeetingConsole)
    return app.screen.meeting_id


async def type_into(app, selector: str, text: str, pilot) -> None:
    widget = app.screen.query_one(selector)
    if isinstance(widget, TextArea):
        widget.load_text(text)
    else:
        widget.value = text
    await pilot.pause()


def typed_notes(app, mid: int) -> list[tuple[str, str]]:
    """(author, notes) of everyone's notes on the meeting's items."""
    ids = [item.id for item in app.session.repo.items(mid)]
    return [(row["author"], row["text"]) for row in app.session.repo.item_notes(ids)]


async def test_chairing_a_meeting_from_open_to_close(make_app):
    app = make_app("Marianne van der Velde")
    repo = app.session.repo
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        mid = await open_console(app, keys)
        await keys("s", "a")
        # Marianne, Joost, Fatima, Pieter (with notice), Ingrid, Henk, Sophie (remote), Ruud,
        # Annemiek, Kees, Lotte, Ahmed (substitute)
        await keys("p", "p", "p", "n", "p", "p", "r", "p", "p", "p", "p", "s")
        await type_into(app, "#field-name", "Mirjam Kok", pilot)
        await keys("enter", "escape")
        attendance = repo.attendance(mid)
        assert len(attendance) == 12
        ahmed = repo.member_by_name("Ahmed Yilmaz").id
        assert (attendance[ahmed].status.value, attendance[ahmed].substitute_name) == (
            "substitute",
            "Mirjam Kok",
        )
        assert "8 of 9 perspectives present" in str(app.screen.query_one("#quorum-line").content)

        await keys("e")
        await type_into(app, "#notes", "De GGD start in januari.", pilot)
        app.screen.query_one("#notes").post_message(
            TextArea.Changed(app.screen.query_one("#notes"))
        )
        await keys("escape")
        assert typed_notes(app, mid) == [("Marianne van der Velde", "De GGD start in januari.")]

        await keys("n", "n", "n", "v")
        assert isinstance(app.screen, FormScreen)
        await keys("ctrl+s")
        assert isinstance(app.screen, VoteScreen)
        await keys("f", "f", "a", "f", "f", "o", "f", "a", "ctrl+s")
        decision = repo.decisions_of(mid)[0]
        assert decision.number == "B2026-10-01" and decision.method.value == "vote"
        assert "5 for, 2 against, 1 abstention; 9 entitled to vote; adopted" in decision_outcome(
            decision
        )
        assert "B2026-10-01" in str(app.screen.query_one("#tally").content)
        await keys("escape", "t")
        await type_into(app, "#field-text", "Werk de regeling uit", pilot)
        await keys("enter")
        await type_into(app, "#field-owner", "hen", pilot)
        await keys("enter", "enter")
        action = repo.actions_of(mid)[0]
        assert (action.number, repo.model(m.Member, action.owner_id).name) == (
            "A2026-10-01",
            "Henk Jansen",
        )

        await keys("n", "c", "ctrl+s")
        assert isinstance(app.screen, ConsentScreen)
        await keys("enter", "p", "enter", "o")
        await type_into(app, "#field-note", "Geen dekking", pilot)
        await keys("enter", "enter", "enter", "enter", "enter", "z")
        await type_into(app, "#field-note", "Let op de kleine gemeenten", pilot)
        await keys("enter", "ctrl+s")
        assert "OBJECTIONS" in str(app.screen.query_one("#outcome").content)
        await keys("m")
        await type_into(
            app, "#field-text", "Het netwerk start, met een overbruggingsbudget.", pilot
        )
        await keys("ctrl+s")
        await keys(*["enter"] * 8, "ctrl+s")
        consent = repo.decisions_of(mid)[1]
        assert (consent.number, consent.method.value, str(consent.review_date)) == (
            "B2026-10-02",
            "consent",
            "2027-06-10",
        )
        proposal = consent.proposal_id
        assert [v.version for v in repo.versions(proposal)] == [1, 2]
        assert [r.outcome for r in repo.rounds(proposal)] == ["objection", "adopted"]

        await keys("escape", "b", "k", "k", "u", "k", "k", "k", "X")
        assert app.screen.__class__.__name__ == "SummaryScreen"
        assert repo.model(m.Meeting, mid).status.value == "closed"
        assert sorted(c.score.value for c in repo.behaviour_checks_of(mid).values()) == [
            "kept"
        ] * 5 + ["under_pressure"]
        summary = str(app.screen.query_one("#summary").content)
        assert "B2026-10-01" in summary and "A2026-10-01" in summary and "Mirjam Kok" in summary


async def attend_everyone(app, keys: Keys) -> None:
    # the 12 voting members and 6 others: p for all (one voter per perspective: 9 voters)
    await keys("s", "a", *["p"] * 18, "escape")


async def test_an_all_consent_round_with_9_voters_takes_voters_plus_3_keys(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        mid = await open_console(app, keys)
        await attend_everyone(app, keys)
        await keys("n", "n", "n")
        keys.count = 0
        await keys("c", "ctrl+s", *["enter"] * 9, "ctrl+s")
        assert keys.count == 9 + 3  # target: at most voters + 4
        decision = app.session.repo.decisions_of(mid)[0]
        assert decision.method.value == "consent" and decision.number == "B2026-10-01"


async def test_a_roll_call_vote_with_9_voters_takes_voters_plus_3_keys(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        mid = await open_console(app, keys)
        await attend_everyone(app, keys)
        await keys("n", "n", "n")
        keys.count = 0
        await keys("v", "ctrl+s", *["f"] * 6, *["a"] * 2, "o", "ctrl+s")
        assert keys.count == 9 + 3
        decision = app.session.repo.decisions_of(mid)[0]
        assert "6 for, 2 against, 1 abstention; 9 entitled to vote; adopted" in decision_outcome(
            decision
        )


async def test_keys_in_the_console_never_land_in_the_notes(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        mid = await open_console(app, keys)
        await keys("s", "a", "escape", "n", "p", "n")
        assert app.focused is None
        assert typed_notes(app, mid) == []


async def test_the_app_reopens_on_the_meeting_in_progress(make_app, demo_path):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        mid = await open_console(app, keys)
        await keys("s", "n", "n")
    app.session.close()
    again = make_app("Marianne van der Velde")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, MeetingConsole) and again.screen.meeting_id == mid
        title = str(again.screen.query_one("#item-title").content)
        assert title.startswith("3. ")
        assert again.focused is None  # keys are commands, not typed into the notes
        await pilot.press("n")
        await pilot.pause()
        assert str(again.screen.query_one("#item-title").content).startswith("4. ")
        assert typed_notes(again, mid) == []


async def test_a_non_chair_cannot_open_the_meeting_from_the_console(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        mid = await open_console(app, keys)
        footer = app.screen.query_one(KeyFooter)
        assert "Open meeting" not in [item.description for item in footer.items]  # the chair's
        await keys("s")
        assert app.session.repo.model(m.Meeting, mid).status.value == "agenda_draft"


async def test_a_perspective_hands_its_vote_to_another_member_on_screen(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        mid = await open_console(app, keys)
        await attend_everyone(app, keys)
        await keys("n", "n", "n", "v", "ctrl+s")
        await keys("f", "w")  # Marianne votes; the hospitals name Fatima instead of Joost
        table = app.screen.query_one("#voters")
        assert "Fatima El Amrani" in str(table.get_row_at(1)[0])
        await keys("a")
        repo = app.session.repo
        round_id = repo.rounds(repo.proposals_of(mid)[0].id)[0].id
        ballots = {
            repo.model(m.Member, b.voter_id).name: b.choice.value for b in repo.ballots(round_id)
        }
        assert ballots == {"Marianne van der Velde": "for", "Fatima El Amrani": "against"}


async def test_the_action_form_shows_the_due_date_from_the_meeting_as_it_is_typed(make_app):
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await open_console(app, keys)
        await keys("s", "t")
        assert isinstance(app.screen, FormScreen)
        hint = lambda: str(app.screen.query_one("#hint-due").content)  # noqa: E731
        assert hint().endswith("→ Thu 24 Dec 2026")  # the meeting is 10 Dec; today 24 Nov
        await type_into(app, "#field-due", "+10d", pilot)
        assert hint().endswith("→ Sun 20 Dec 2026")
        await type_into(app, "#field-due", "2026-12-01", pilot)
        assert hint().endswith("[red]due date 2026-12-01 is before 2026-12-10[/]")


async def test_an_absent_perspective_s_interest_round_is_deferred_on_one_key(make_app):
    from boardroom.services import meeting as live
    from boardroom.tui.widgets.confirm import ConfirmScreen

    app = make_app("Marianne van der Velde")
    repo = app.session.repo
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        mid = await open_console(app, keys)
        ggz = next(p.id for p in repo.perspectives() if p.name == "GGZ")
        await keys("s")
        for person in repo.members():
            if person.is_active(dt.date(2026, 12, 10)):
                status = "absent_with_notice" if person.perspective_id == ggz else "present"
                live.set_attendance(app.session, mid, person.id, status)
        interest = next(r for r in repo.interest_rounds_of(mid) if r.perspective_id == ggz)
        while app.screen.state.current_item.kind.value != "interest_round":
            await keys("n")
        await keys("i")
        assert isinstance(app.screen, ConfirmScreen)
        assert str(app.screen.query_one("#confirm-title").content) == "Nobody of GGZ is present"
        await keys("y")
        moved = repo.model(m.InterestRound, interest.id)
        following = repo.next_meeting_after(repo.model(m.Meeting, mid).starts_at)
        assert (moved.meeting_id, moved.status.value) == (following.id, "planned")
        assert [r.perspective_id for r in repo.interest_rounds_of(mid)].count(ggz) == 0


@pytest.mark.parametrize(("language", "word"), [("en", "adopted"), ("nl", "aangenomen")])
async def test_a_counted_vote_says_its_outcome_once(make_app, language, word):
    from boardroom.i18n import set_language

    set_language(language)
    app = make_app("Marianne van der Velde")
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await open_console(app, keys)
        await attend_everyone(app, keys)
        await keys("n", "n", "n", "v", "ctrl+s", *["f"] * 9, "ctrl+s")
        tally = str(app.screen.query_one("#tally").content)
        assert tally.casefold().count(word) == 1, tally  # ADOPTED, in front, and only there
        assert word.upper() in tally
