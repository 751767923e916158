"""Migration 8's work: the outcome facts of decisions recorded when the record kept a sentence.

The facts are in the record already: the round that adopted the decision (its number and
weights), the proposal (secret or not, its rule), the board's rules, the meeting's attendance
(the quorum) and the round's answers (the concerns). Each decision that gets its facts is
logged as an update by "migration 8", chained like every other event, so `verify` holds.
"""

from __future__ import annotations

import sqlite3

from boardroom.domain.consent import Answer, concerns
from boardroom.domain.enums import (
    AttendanceStatus,
    Circle,
    ConsentAnswerKind,
    QuorumRule,
    VoterRule,
    VoteRule,
)
from boardroom.domain.outcome import DecisionOutcome
from boardroom.domain.voting import QuorumResult, Seat, Tally, quorum, voting_seats
from boardroom.storage.migration_log import MigrationLog
from boardroom.storage.migration_log import rows as _rows

ACTOR = "migration 8"


def _quorum_at(conn: sqlite3.Connection, board: dict, meeting: dict) -> QuorumResult:
    """The quorum as the meeting's attendance stands, counted under the board's rule."""
    day = meeting["starts_at"][:10]
    weights = {p["id"]: p["vote_weight"] for p in _rows(conn, "SELECT * FROM perspectives")}
    present = {
        a["member_id"]: AttendanceStatus(a["status"])
        for a in _rows(
            conn, "SELECT member_id, status FROM attendance WHERE meeting_id = ?", (meeting["id"],)
        )
    }
    seats = [
        Seat(
            member_id=x["id"],
            perspective_id=x["perspective_id"],
            circle=Circle(x["circle"]),
            member_weight=x["vote_weight"],
            perspective_weight=weights[x["perspective_id"]],
            attendance=present.get(x["id"]),
        )
        for x in _rows(conn, "SELECT * FROM members")
        if x["perspective_id"] in weights
        and (x["active_from"] is None or x["active_from"] <= day)
        and (x["active_until"] is None or day <= x["active_until"])
    ]
    return quorum(
        voting_seats(seats, bool(board["outer_circle_votes"])),
        QuorumRule(board["quorum_rule"]),
        board["quorum_value"],
    )


def outcome_of(
    conn: sqlite3.Connection, board: dict, decision: dict, quorums: dict[int, QuorumResult]
) -> DecisionOutcome | None:
    """The facts of a vote or consent decision, from the round that adopted it (None when the
    decision has no such round, e.g. by acclamation). `quorums`: each meeting's, once."""
    if decision["method"] not in ("vote", "consent") or decision["proposal_id"] is None:
        return None
    rounds = _rows(
        conn,
        "SELECT * FROM rounds WHERE proposal_id = ? AND kind = ? AND status = 'closed'"
        " AND outcome = 'adopted' ORDER BY number DESC LIMIT 1",
        (decision["proposal_id"], decision["method"]),
    )
    if not rounds:
        return None
    adopting = rounds[0]
    proposal = _rows(conn, "SELECT * FROM proposals WHERE id = ?", (decision["proposal_id"],))[0]
    meeting = _rows(conn, "SELECT * FROM meetings WHERE id = ?", (decision["meeting_id"],))[0]
    if meeting["id"] not in quorums:
        quorums[meeting["id"]] = _quorum_at(conn, board, meeting)
    counted = quorums[meeting["id"]]
    if decision["method"] == "consent":
        given = [
            Answer(a["member_id"], ConsentAnswerKind(a["answer"]), a["note"])
            for a in _rows(
                conn,
                "SELECT member_id, answer, note FROM consent_answers WHERE round_id = ?"
                " ORDER BY seq",
                (adopting["id"],),
            )
        ]
        return DecisionOutcome.of_consent(
            adopting["number"], quorum=counted, concerns=len(concerns(given))
        )
    return DecisionOutcome.of_vote(
        adopting["number"],
        secret=bool(proposal["secret"]),
        rule=VoteRule(proposal["vote_rule"] or board["vote_rule"]),
        voters=VoterRule(board["voter_rule"]),
        quorum=counted,
        tally=Tally(adopting["for_weight"], adopting["against_weight"], adopting["abstain_weight"]),
        entitled=adopting["entitled_weight"],
    )


def record_outcomes(conn: sqlite3.Connection, now: str) -> int:
    """Give every vote and consent decision its outcome facts, each change logged and chained;
    returns how many decisions changed."""
    boards = _rows(conn, "SELECT * FROM boards ORDER BY id LIMIT 1")
    if not boards:
        return 0
    log = MigrationLog(conn, ACTOR, now)
    changed = 0
    quorums: dict[int, QuorumResult] = {}
    for before in _rows(
        conn, "SELECT * FROM decisions WHERE method IN ('vote', 'consent') ORDER BY id"
    ):
        facts = outcome_of(conn, boards[0], before, quorums)
        if facts is not None:
            log.update("decisions", before, {"outcome": facts.to_json()})
            changed += 1
    return changed
