"""`verify` holds across every legitimate operation (issue 10): random sequences of real
service calls on a copy of the demo board, and after every step the record equals its event
log and no foreign key dangles. A call that a rule refuses must leave nothing behind either."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from boardroom.domain import models as m
from boardroom.domain.enums import Choice, ConsentAnswerKind, DecisionMethod
from boardroom.domain.errors import BoardroomError
from boardroom.services import agenda, decide, papers, planning, record
from boardroom.services import composition as comp
from boardroom.services import meeting as live
from boardroom.services.integrity import verify
from boardroom.services.planning import PlanText
from boardroom.services.session import open_session
from tests.conftest import DEMO_PLAN, fixed_now

CLOCK = dt.datetime(2026, 12, 10, 14, 30, tzinfo=dt.UTC)
PLAN = DEMO_PLAN.read_text()
LATER = ("2027-03-11", "2027-04-08", "2027-06-10", "2027-09-09")

#: The demo board, built once for the whole machine run (copied for each example).
_TEMPLATE: list[Path] = []


def template() -> Path:
    if not _TEMPLATE:
        from boardroom.services.demo import build_demo

        path = Path(tempfile.mkdtemp()) / "template.db"
        build_demo(path, fixed_now, anchor=dt.date(2026, 11, 24)).close()
        _TEMPLATE.append(path)
    return _TEMPLATE[0]


def tolerated(call) -> None:  # type: ignore[no-untyped-def]
    """A refusal by a rule is a legitimate outcome; anything else is a failure."""
    with contextlib.suppress(BoardroomError):
        call()


class RecordMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.db = self.folder / "board.db"
        shutil.copy(template(), self.db)
        self.els = open_session(self.db, as_name="Els Verhoeven", now=lambda: CLOCK)
        self.chair = open_session(self.db, as_name="Marianne van der Velde", now=lambda: CLOCK)
        self.henk = open_session(self.db, as_name="Henk Jansen", now=lambda: CLOCK)
        self.meeting = self.els.repo.meeting_at("2026-12-10T15:00").id
        self.paper = self.folder / "stuk.pdf"
        self.paper.write_bytes(b"%PDF-1.4 test paper\n")
        preview = planning.preview_plan(self.els, PlanText(PLAN, "plan.toml"), 2027)
        planning.apply_plan(self.els, preview)  # draft agendas to work on

    def teardown(self) -> None:
        for session in (self.els, self.chair, self.henk):
            session.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers -----------------------------------------------------------------------------

    def ids(self, sql: str, *params: object) -> list[int]:
        return [row[0] for row in self.els.database.conn.execute(sql, params)]

    def pick(self, data: st.DataObject, sql: str, *params: object) -> int | None:
        ids = self.ids(sql, *params)
        return data.draw(st.sampled_from(ids)) if ids else None

    def draft_meeting(self, data: st.DataObject) -> int | None:
        return self.pick(
            data,
            "SELECT id FROM meetings WHERE status IN ('planned', 'agenda_draft')"
            " AND starts_at > '2026-12-11' ORDER BY starts_at",
        )

    # -- the year plan -----------------------------------------------------------------------

    @rule(data=st.data())
    def plan_the_year(self, data: st.DataObject) -> None:
        skipped = data.draw(st.lists(st.sampled_from(LATER), unique=True, max_size=3))
        text = re.sub(
            r"^exdates = \[.*\]$",
            "exdates = [" + ", ".join(["2027-10-14", *skipped]) + "]",
            PLAN,
            flags=re.M,
        )

        def replan() -> None:
            preview = planning.preview_plan(self.els, PlanText(text, "plan.toml"), 2027)
            planning.apply_plan(self.els, preview)

        tolerated(replan)

    # -- requests and agendas ----------------------------------------------------------------

    @rule(minutes=st.integers(min_value=5, max_value=60))
    def request(self, minutes: int) -> None:
        tolerated(
            lambda: agenda.submit_request(
                self.henk, {"title": f"Verzoek {minutes}", "minutes": minutes}
            )
        )

    @rule(data=st.data(), how=st.sampled_from(["schedule", "decline", "withdraw"]))
    def handle_request(self, data: st.DataObject, how: str) -> None:
        request_id = self.pick(data, "SELECT id FROM agenda_requests WHERE status = 'submitted'")
        target = self.draft_meeting(data)
        if request_id is None:
            return
        if how == "schedule" and target is not None:
            tolerated(lambda: agenda.schedule_request(self.els, request_id, target))
        elif how == "decline":
            tolerated(lambda: agenda.decline_request(self.els, request_id, "Geen ruimte"))
        else:
            tolerated(lambda: agenda.withdraw_request(self.henk, request_id))

    @rule(
        data=st.data(), how=st.sampled_from(["add", "move", "remove", "edit", "paper", "unpaper"])
    )
    def change_an_agenda(self, data: st.DataObject, how: str) -> None:
        meeting_id = self.draft_meeting(data)
        if meeting_id is None:
            return
        item_id = self.pick(data, "SELECT id FROM agenda_items WHERE meeting_id = ?", meeting_id)
        form = {"title": "Extra punt", "kind": "other", "purpose": "informing", "minutes": 10}
        if how == "add":
            tolerated(lambda: agenda.add_item(self.els, meeting_id, form))
        elif item_id is None:
            return
        elif how == "move":
            tolerated(
                lambda: agenda.move_item(self.els, item_id, data.draw(st.sampled_from([-1, 1])))
            )
        elif how == "remove":
            tolerated(lambda: agenda.remove_item(self.els, item_id))
        elif how == "edit":
            tolerated(lambda: agenda.edit_item(self.els, item_id, {**form, "minutes": 15}))
        elif how == "paper":
            tolerated(
                lambda: papers.attach_paper(
                    self.els, item_id, self.paper.read_bytes(), self.paper.name, "Notitie"
                )
            )
        else:
            paper = self.pick(data, "SELECT id FROM papers WHERE agenda_item_id = ?", item_id)
            if paper is not None:
                tolerated(lambda: agenda.remove_paper(self.els, paper))

    # -- the meeting -------------------------------------------------------------------------

    @initialize(open_now=st.booleans())
    def begin(self, open_now: bool) -> None:
        """Half the runs start with the meeting in progress, the other half open it later."""
        if open_now:
            self.open_the_meeting()

    @rule()
    def open_the_meeting(self) -> None:
        def start() -> None:
            live.start_meeting(self.chair, self.meeting)
            for person in self.chair.repo.members():
                if person.is_active(CLOCK.date()):
                    live.set_attendance(self.chair, self.meeting, person.id, "present")

        tolerated(start)

    @rule(data=st.data(), method=st.sampled_from(list(DecisionMethod)[:2]))
    def decide_an_item(self, data: st.DataObject, method: DecisionMethod) -> None:
        item_id = self.pick(data, "SELECT id FROM agenda_items WHERE meeting_id = ?", self.meeting)
        if item_id is None:
            return
        objecting = data.draw(st.booleans())

        def run_round() -> None:
            round_id = decide.propose(self.els, item_id, "Voorstel", method)
            order = self.els.repo.model(m.Round, round_id).voter_order
            for n, voter in enumerate(order):
                if method == DecisionMethod.VOTE:
                    decide.cast_ballot(
                        self.els, round_id, voter, Choice.FOR if n % 3 else Choice.AGAINST
                    )
                elif objecting and n == 0:
                    decide.give_answer(
                        self.els, round_id, voter, ConsentAnswerKind.OBJECTION, "Te vroeg"
                    )
                else:
                    decide.give_answer(self.els, round_id, voter, ConsentAnswerKind.CONSENT)
            if method == DecisionMethod.VOTE:
                decide.close_vote(self.els, round_id)
                return
            result = decide.close_consent(self.els, round_id)
            if not result.adopted:
                proposal = self.els.repo.model(m.Round, round_id).proposal_id
                decide.amend(self.els, proposal, "Voorstel, aangepast")

        tolerated(run_round)

    @rule(data=st.data())
    def act(self, data: st.DataObject) -> None:
        how = data.draw(st.sampled_from(["add", "done", "cancel", "update"]))
        if how == "add":
            tolerated(lambda: decide.add_action(self.els, self.meeting, "Uitzoeken", "Kees", "+2w"))
            return
        action_id = self.pick(data, "SELECT id FROM actions WHERE status = 'open'")
        if action_id is None:
            return
        if how == "done":
            tolerated(lambda: record.complete_action(self.els, action_id))
        elif how == "cancel":
            tolerated(lambda: record.cancel_action(self.els, action_id, "Vervallen"))
        else:
            tolerated(lambda: record.add_update(self.els, action_id, "Loopt"))

    @rule(data=st.data(), revokes=st.booleans())
    def replace_a_decision(self, data: st.DataObject, revokes: bool) -> None:
        decision_id = self.pick(data, "SELECT id FROM decisions WHERE status = 'in_force'")
        if decision_id is not None:
            tolerated(
                lambda: decide.record_decision(
                    self.els,
                    self.meeting,
                    None,
                    "Herzien",
                    "",
                    supersedes_id=decision_id,
                    revokes=revokes,
                )
            )

    @rule()
    def close_the_meeting(self) -> None:
        tolerated(lambda: live.close_meeting(self.chair, self.meeting))

    @rule()
    def approve_and_amend_the_minutes(self) -> None:
        tolerated(lambda: record.approve_minutes(self.chair, self.meeting))
        tolerated(lambda: record.amend_minutes(self.chair, self.meeting, "Correctie"))

    # -- the composition ---------------------------------------------------------------------

    @rule(data=st.data(), how=st.sampled_from(["edit", "leave", "return", "theme", "rule"]))
    def change_the_composition(self, data: st.DataObject, how: str) -> None:
        member = self.pick(
            data,
            "SELECT id FROM members WHERE name NOT IN (?, ?, ?)",
            "Els Verhoeven",
            "Marianne van der Velde",
            "Henk Jansen",
        )
        theme = self.pick(data, "SELECT id FROM themes")
        if how == "edit" and member is not None:
            tolerated(lambda: comp.save_member(self.els, {"mandate": "Namens de regio"}, member))
        elif how == "leave" and member is not None:
            tolerated(lambda: comp.deactivate_member(self.els, member))
        elif how == "return" and member is not None:
            tolerated(lambda: comp.reactivate_member(self.els, member))
        elif how == "theme" and theme is not None:
            tolerated(lambda: comp.save_theme(self.els, {"active": False}, row_id=theme))
        elif how == "rule":
            rule_id = self.pick(data, "SELECT id FROM behaviour_rules")
            if rule_id is not None:
                tolerated(lambda: comp.set_rule_active(self.els, "behaviour_rules", rule_id, False))

    # -- what must hold after every step -----------------------------------------------------

    @invariant()
    def the_record_equals_its_log(self) -> None:
        report = verify(self.els.database)
        assert report.ok, report.problems[:5]
        assert self.els.database.conn.execute("PRAGMA foreign_key_check").fetchall() == []


RecordMachine.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_verify_holds_across_every_operation = RecordMachine.TestCase
