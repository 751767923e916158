"""The table's own evaluation on the screen: the board sets its statements in one text, the
secretary records an evaluation's counts per statement (a bad line named at its field, nothing
saved), and at a meeting's evaluation item `w` records that meeting's evaluation."""

from textual.widgets import Input, Select, Static, TextArea

from boardroom.services import evaluation
from boardroom.tui.screens.evaluation import EvaluationScreen
from boardroom.tui.widgets.form import FormScreen
from tests.conftest import plan_an_evaluation
from tests.tui.conftest import cells, text_of

SIZE = (120, 40)


async def test_the_secretary_sets_the_statements_and_records_an_evaluation(make_app):
    app = make_app("Els Verhoeven")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12", "e")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        assert text_of(app, "#screen-title").startswith(
            "Process evaluation 8 Oct 2026 · 15 respondents · compared with 9 Apr 2026"
        )
        assert cells(app.screen)[0][1:3] == ["3.9", "+0.4"]

        await pilot.press("s")  # the statements, one per line
        await pilot.pause()
        area = app.screen.query_one("#field-statements", TextArea)
        lines = area.text.splitlines()
        assert len(lines) == len(evaluation.statements(app.session))
        area.load_text("\n".join([*lines[:4], "We besluiten op tijd."]))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        current = evaluation.statements(app.session)
        assert [s.text for s in current] == [*lines[:4], "We besluiten op tijd."]

        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-held_on", Input).value == "2026-11-24"  # nothing planned
        form.query_one("#field-respondents", Input).value = "12"
        fields = [form.query_one(f"#field-s{s.id}", Input) for s in current]
        for field, typed in zip(
            fields[:4], ["0 1 4 6 1", "0 0 3 6 3", "1 2 3 4 2", "0 1 5 5 1"], strict=True
        ):
            field.value = typed
        fields[4].value = "0 1 x 6 3"
        await pilot.pause()
        assert "12 scores, mean 3.6" in str(form.query_one(f"#hint-s{current[0].id}").content)
        form.query_one("#field-comments", TextArea).load_text("Goed gesprek.\nMeer tijd nodig.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused at its field, nothing saved
        error = str(form.query_one("#form-error").content)
        assert error.startswith("⚠ statement 5: the counts must be whole numbers")
        assert fields[4].has_class("invalid")
        # the form is taller than the screen: the problem is also told where it is seen
        assert any("statement 5: the counts" in n.message for n in app._notifications)
        assert len(evaluation.evaluations(app.session)) == 2
        fields[4].value = "0 0 2 6 4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        assert text_of(app, "#screen-title").startswith(
            "Process evaluation 24 Nov 2026 · 12 respondents · compared with 8 Oct 2026"
        )
        assert [r[0] for r in cells(app.screen)] == [*lines[:4], "We besluiten op tijd."]
        assert cells(app.screen)[0][1:] == ["3.6", "-0.3", "0 · 1 · 4 · 6 · 1"]
        # reworded in its place: still compared with what the statement scored before
        assert cells(app.screen)[4][1:3] == ["4.2", "+1.1"]
        latest = evaluation.evaluations(app.session)[0]
        assert latest.comments == ["Goed gesprek.", "Meer tijd nodig."]
        await pilot.press("escape")
        assert not isinstance(app.screen, EvaluationScreen)


async def test_a_portfolio_holder_reads_but_is_not_asked_to_type(make_app):
    app = make_app("Henk Jansen")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12", "e")
        await pilot.pause()
        for key in ("n", "s"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, EvaluationScreen)
        assert len(app._notifications) == 2


async def test_at_the_evaluation_item_w_records_this_meetings_evaluation(make_app):
    app = make_app("Marianne van der Velde")  # the chair
    session = app.session
    december = plan_an_evaluation(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "enter", "s", "a", *["p"] * 18, "escape")
        await pilot.pause()
        console = app.screen
        for _ in range(15):
            if console.state.current_item.kind == "evaluation":
                break
            await pilot.press("n")
            await pilot.pause()
        assert "w to record its counts" in str(console.query_one("#records", Static).content)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        assert "to record: the evaluation of Thu 10 Dec 2026 (n)" in text_of(app, "#detail")
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-meeting_id", Select).value == december
        assert form.query_one("#field-held_on", Input).value == ""  # the meeting's date
        form.query_one("#field-respondents", Input).value = "9"
        first = evaluation.statements(session)[0]
        form.query_one(f"#field-s{first.id}", Input).value = "0 0 2 5 2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(app, "#screen-title").startswith(
            "Process evaluation 10 Dec 2026 · 9 respondents"
        )
        assert "to record" not in text_of(app, "#detail")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is console
        records = str(console.query_one("#records", Static).content)
        assert "Process evaluation" in records and "9 respondents" in records
        assert f"4.0  {first.text[:60]}" in records
