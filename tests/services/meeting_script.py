"""A whole meeting as a script of steps, each with the check that proves it is in the database.

Used by the kill test: a child process runs the steps and reports each one after its commit
(what the console would show); the parent kills it at a random moment and checks that every
reported step holds, whatever came after.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from boardroom.domain import models as m
from boardroom.domain.enums import (
    AttendanceStatus,
    BehaviourScore,
    Choice,
    ConsentAnswerKind,
    DecisionMethod,
)
from boardroom.services import decide, notes
from boardroom.services import meeting as live
from boardroom.services.session import Session

MEETING_AT = "2026-12-10T15:00"
Check = Callable[[sqlite3.Connection], bool]


@dataclass
class Step:
    name: str
    run: Callable[[Session], object]
    check: Check
    item_position: int | None = None  # the current item after this step, if it moves


def one(conn: sqlite3.Connection, sql: str, *params: object) -> object:
    row = conn.execute(sql, params).fetchone()
    return None if row is None else row[0]


def build_steps(session: Session) -> list[Step]:
    """The steps for the demo board's next meeting (ids looked up once, before the run)."""
    repo = session.repo
    mid = repo.meeting_at(MEETING_AT).id
    day = dt.date(2026, 12, 10)
    people = [x for x in repo.members() if x.is_active(day)]
    items = repo.items(mid)
    deciding = [i for i in items if i.purpose.value == "deciding" and i.kind.value == "theme"]
    steps: list[Step] = [
        Step(
            "start",
            lambda s: live.start_meeting(s, mid),
            lambda c: (
                one(c, "SELECT status FROM meetings WHERE id = ?", mid) in ("in_progress", "closed")
            ),
            item_position=1,
        ),
    ]
    for person in people:
        status = (
            AttendanceStatus.REMOTE
            if person.name == "Sophie Mulder"
            else (AttendanceStatus.PRESENT)
        )
        steps.append(
            Step(
                f"attend {person.name}",
                lambda s, pid=person.id, st=status: live.set_attendance(s, mid, pid, st),
                lambda c, pid=person.id, st=status: (
                    one(
                        c,
                        "SELECT status FROM attendance WHERE meeting_id = ? AND member_id = ?",
                        mid,
                        pid,
                    )
                    == st.value
                ),
            )
        )
    for n in range(1, 6):
        text = " ".join(f"notitie {k}" for k in range(1, n + 1))
        steps.append(
            Step(
                f"notes {n}",
                lambda s, t=text: notes.write_notes(s, items[0].id, t),
                lambda c, k=n: (
                    f"notitie {k}"
                    in (
                        one(c, "SELECT text FROM item_notes WHERE agenda_item_id = ?", items[0].id)
                        or ""
                    )
                ),
            )
        )
    for position in range(2, deciding[0].position + 1):
        steps.append(
            Step(
                f"go to item {position}",
                lambda s: live.step(s, mid, 1),
                lambda c, p=position: (
                    (
                        one(
                            c,
                            "SELECT a.position FROM meetings m JOIN agenda_items a"
                            " ON a.id = m.current_item_id WHERE m.id = ?",
                            mid,
                        )
                        or 99
                    )
                    >= p
                ),
                item_position=position,
            )
        )
    round_ids: dict[str, int] = {}

    def propose(s: Session, key: str, item_id: int, method: DecisionMethod) -> None:
        round_ids[key] = decide.propose(s, item_id, f"Voorstel {key}", method)

    steps.append(
        Step(
            "vote opened",
            lambda s: propose(s, "vote", deciding[0].id, DecisionMethod.VOTE),
            lambda c: (
                one(
                    c,
                    "SELECT count(*) FROM rounds r JOIN proposals p ON"
                    " p.id = r.proposal_id WHERE p.meeting_id = ?",
                    mid,
                )
                >= 1
            ),
        )
    )
    # everyone attends, so the voters are the first inner-circle member of each perspective
    first: dict[int, int] = {}
    for person in people:
        if person.perspective_id and person.circle.value == "inner":
            first.setdefault(person.perspective_id, person.id)
    voters = list(first.values())
    choices = [
        Choice.FOR,
        Choice.FOR,
        Choice.AGAINST,
        Choice.FOR,
        Choice.ABSTAIN,
        Choice.FOR,
        Choice.FOR,
        Choice.AGAINST,
        Choice.FOR,
    ]
    for voter, choice in zip(voters, choices, strict=False):
        steps.append(
            Step(
                f"ballot {voter}",
                lambda s, v=voter, ch=choice: decide.cast_ballot(s, round_ids["vote"], v, ch),
                lambda c, v=voter, ch=choice: (
                    one(
                        c,
                        "SELECT b.choice FROM ballots b JOIN rounds r ON r.id = b.round_id JOIN"
                        " proposals p ON p.id = r.proposal_id WHERE p.meeting_id = ? AND b.voter_id = ?",
                        mid,
                        v,
                    )
                    == ch.value
                ),
            )
        )
    steps.append(
        Step(
            "vote counted",
            lambda s: decide.close_vote(s, round_ids["vote"]),
            lambda c: (
                one(c, "SELECT number FROM decisions WHERE number = ?", "B2026-10-01")
                == "B2026-10-01"
            ),
        )
    )
    for n in range(1, 4):
        steps.append(
            Step(
                f"action {n}",
                lambda s, k=n: decide.add_action(s, mid, f"Actie {k}", "Kees", "+2w"),
                lambda c, k=n: (
                    one(c, "SELECT text FROM actions WHERE number = ?", f"A2026-10-{k:02}")
                    == f"Actie {k}"
                ),
            )
        )
    steps.append(
        Step(
            "consent opened",
            lambda s: propose(s, "consent", deciding[0].id + 1, DecisionMethod.CONSENT),
            lambda c: (
                one(
                    c,
                    "SELECT count(*) FROM rounds r JOIN proposals p ON"
                    " p.id = r.proposal_id WHERE p.meeting_id = ?",
                    mid,
                )
                >= 2
            ),
        )
    )
    for k, voter in enumerate(voters):
        kind = ConsentAnswerKind.OBJECTION if k == 3 else ConsentAnswerKind.CONSENT
        note = "Bezwaar: geen dekking" if k == 3 else ""
        steps.append(
            Step(
                f"answer {voter}",
                lambda s, v=voter, kd=kind, nt=note: decide.give_answer(
                    s, round_ids["consent"], v, kd, nt
                ),
                lambda c, v=voter, kd=kind: (
                    one(
                        c,
                        "SELECT a.answer FROM consent_answers a JOIN rounds r ON r.id = a.round_id"
                        " JOIN proposals p ON p.id = r.proposal_id WHERE p.meeting_id = ?"
                        " AND a.member_id = ? AND r.number = 1",
                        mid,
                        v,
                    )
                    == kd.value
                ),
            )
        )
    steps.append(
        Step(
            "round 1 concluded",
            lambda s: decide.close_consent(s, round_ids["consent"]),
            lambda c: (
                one(
                    c,
                    "SELECT count(*) FROM rounds WHERE outcome = 'objection'"
                    " AND proposal_id IN (SELECT id FROM proposals WHERE"
                    " meeting_id = ?)",
                    mid,
                )
                == 1
            ),
        )
    )

    def amend_and_reopen(s: Session) -> None:
        proposal = s.repo.model(m.Round, round_ids["consent"]).proposal_id
        decide.amend(s, proposal, "Voorstel consent, met dekking")
        round_ids["consent"] = decide.open_round(s, proposal)

    steps.append(
        Step(
            "amended",
            amend_and_reopen,
            lambda c: (
                one(
                    c,
                    "SELECT count(*) FROM proposal_versions WHERE text ="
                    " 'Voorstel consent, met dekking'",
                )
                == 1
            ),
        )
    )
    for voter in voters:
        steps.append(
            Step(
                f"answer again {voter}",
                lambda s, v=voter: decide.give_answer(
                    s, round_ids["consent"], v, ConsentAnswerKind.CONSENT
                ),
                lambda c, v=voter: (
                    one(
                        c,
                        "SELECT a.answer FROM consent_answers a JOIN rounds r ON r.id = a.round_id"
                        " JOIN proposals p ON p.id = r.proposal_id WHERE p.meeting_id = ?"
                        " AND a.member_id = ? AND r.number = 2",
                        mid,
                        v,
                    )
                    == "consent"
                ),
            )
        )
    steps.append(
        Step(
            "consent adopted",
            lambda s: decide.close_consent(s, round_ids["consent"]),
            lambda c: (
                one(c, "SELECT method FROM decisions WHERE number = ?", "B2026-10-02") == "consent"
            ),
        )
    )
    for rule in repo.rules("behaviour_rules", active_only=True):
        steps.append(
            Step(
                f"score rule {rule.id}",
                lambda s, r=rule.id: live.score_rule(s, mid, r, BehaviourScore.KEPT),
                lambda c, r=rule.id: (
                    one(
                        c,
                        "SELECT score FROM behaviour_checks WHERE meeting_id = ? AND rule_id = ?",
                        mid,
                        r,
                    )
                    == "kept"
                ),
            )
        )
    steps.append(
        Step(
            "closed",
            lambda s: live.close_meeting(s, mid),
            lambda c: one(c, "SELECT status FROM meetings WHERE id = ?", mid) == "closed",
        )
    )
    return steps
