"""The record a board lives by: the decision list, the action list, approving the minutes.

A decision is never edited: it is superseded or revoked by a later decision that names it.
An action never silently drops: it is done (with a date) or cancelled (with a reason).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from boardroom.domain import models as m
from boardroom.domain.clock import local_time
from boardroom.domain.enums import ActionStatus, MeetingStatus
from boardroom.domain.errors import Conflict, NotFound, ValidationProblem
from boardroom.domain.permissions import Capability
from boardroom.domain.search import fts_query
from boardroom.i18n import _
from boardroom.services.overview import REVIEW_WINDOW
from boardroom.services.session import Session, one_transaction
from boardroom.storage.record_reads import SEAL_SCHEME


@dataclass(frozen=True)
class DecisionFilter:
    year: int | None = None
    theme_id: int | None = None
    status: str | None = None
    due_for_review: bool = False
    text: str = ""


def _decision_query(session: Session, filters: DecisionFilter) -> dict | None:
    match = fts_query(filters.text) if filters.text.strip() else None
    if filters.text.strip() and match is None:
        return None  # only punctuation typed: nothing to search for
    return {
        "year": filters.year,
        "theme_id": filters.theme_id,
        "status": filters.status,
        "review_by": session.today + REVIEW_WINDOW if filters.due_for_review else None,
        "match": match,
    }


def decisions(
    session: Session, filters: DecisionFilter = DecisionFilter(), limit: int | None = None
) -> list[dict]:
    """The decision list, newest first; `text` searches number, title and text as you type."""
    session.require(Capability.READ, _("read the decisions"))
    query = _decision_query(session, filters)
    return [] if query is None else session.repo.decision_rows(**query, limit=limit)


def decision_page(
    session: Session, filters: DecisionFilter = DecisionFilter(), limit: int = 100
) -> tuple[list[dict], int]:
    """The first `limit` decisions of the list and how many there are in all (a screenful,
    without loading ten years of decisions on every keystroke)."""
    session.require(Capability.READ, _("read the decisions"))
    query = _decision_query(session, filters)
    if query is None:
        return [], 0
    return session.repo.decision_rows(**query, limit=limit), session.repo.decision_count(**query)


class Entered(NamedTuple):
    """Who entered a ballot or an answer: the voter from their own screen (`own`), or who
    recorded it for them (`by`: the chair or the secretary); neither when it was not kept."""

    own: bool
    by: str


class BallotLine(NamedTuple):
    voter: str
    choice: str
    weight: float
    entered: Entered


class AnswerLine(NamedTuple):
    member: str
    answer: str
    note: str
    entered: Entered


@dataclass(frozen=True)
class RoundRecord:
    round: m.Round
    version: m.ProposalVersion
    ballots: list[BallotLine]  # empty for a secret ballot
    answers: list[AnswerLine]  # in the order given

    @property
    def answered_themselves(self) -> bool:
        """Some voters entered their own ballot or answer, from their own screens."""
        return any(line.entered.own for line in self._lines())

    @property
    def recorded_by(self) -> list[str]:
        """Who recorded ballots or answers for voters (the chair, the secretary), in order."""
        return list(dict.fromkeys(line.entered.by for line in self._lines() if line.entered.by))

    def _lines(self) -> list[BallotLine | AnswerLine]:
        return [*self.ballots, *self.answers]


@dataclass(frozen=True)
class DecisionDetail:
    decision: m.Decision
    held_on: dt.datetime
    meeting_status: MeetingStatus
    item_title: str
    theme: str
    proposal: m.Proposal | None
    versions: list[m.ProposalVersion]
    rounds: list[RoundRecord]
    supersedes: m.Decision | None
    superseded_by: list[dict[str, Any]] = field(default_factory=list)


def decision_detail(session: Session, decision_id: int) -> DecisionDetail:
    """Everything about one decision: text, tally or consent record, origin, lineage."""
    session.require(Capability.READ, _("read the decisions"))
    repo = session.repo
    decision = repo.model(m.Decision, decision_id)
    held = repo.model(m.Meeting, decision.meeting_id)
    proposal = repo.model(m.Proposal, decision.proposal_id) if decision.proposal_id else None
    versions = repo.versions(decision.proposal_id) if decision.proposal_id else []
    rounds = proposal_rounds(session, proposal) if proposal else []
    item = repo.model(m.AgendaItem, decision.agenda_item_id) if decision.agenda_item_id else None
    theme = repo.model(m.Theme, decision.theme_id).name if decision.theme_id else ""
    return DecisionDetail(
        decision=decision,
        held_on=held.starts_at,
        meeting_status=held.status,
        item_title=item.title if item else "",
        theme=theme,
        proposal=proposal,
        versions=versions,
        rounds=rounds,
        supersedes=repo.model(m.Decision, decision.supersedes_id)
        if decision.supersedes_id
        else None,
        superseded_by=repo.superseding(decision_id),
    )


def proposal_rounds(session: Session, proposal: m.Proposal) -> list[RoundRecord]:
    """Every round on a proposal with its ballots or answers, the voters named as they sat at
    the table (a substitute as "X for Y")."""
    repo = session.repo
    names = {x.id: x.name for x in repo.members()}
    for row in repo.attendance(proposal.meeting_id).values():  # who sat at the table
        if row.status.value == "substitute" and row.member_id in names:
            names[row.member_id] = _("{substitute} for {member}").format(
                substitute=row.substitute_name, member=names[row.member_id]
            )
    by_id = {v.id: v for v in repo.versions(proposal.id or 0)}
    people = {x.id: x.name for x in repo.members()}

    def entered(voter: int, by: int | None) -> Entered:
        if by is None:
            return Entered(False, "")
        return Entered(by == voter, "" if by == voter else people.get(by, "?"))

    return [
        RoundRecord(
            current,
            by_id[current.version_id],
            [
                BallotLine(
                    names.get(b.voter_id, "?"),
                    b.choice.value,
                    b.weight,
                    entered(b.voter_id, b.entered_by_id),
                )
                for b in repo.ballots(current.id or 0)
            ],
            [
                AnswerLine(
                    names.get(a.member_id, "?"),
                    a.answer.value,
                    a.note,
                    entered(a.member_id, a.entered_by_id),
                )
                for a in repo.answers(current.id or 0)
            ],
        )
        for current in repo.rounds(proposal.id or 0)
    ]


# -- actions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionFilter:
    owner_id: int | None = None
    status: str | None = None
    overdue: bool = False
    text: str = ""


def _action_query(session: Session, filters: ActionFilter) -> dict | None:
    match = fts_query(filters.text) if filters.text.strip() else None
    if filters.text.strip() and match is None:
        return None  # only punctuation typed: nothing to search for
    return {
        "owner_id": filters.owner_id,
        "status": filters.status,
        "overdue_on": session.today if filters.overdue else None,
        "match": match,
    }


def actions(session: Session, filters: ActionFilter = ActionFilter()) -> list[dict]:
    """The action list: open ones first by due date; `overdue` = open and past due."""
    session.require(Capability.READ, _("read the actions"))
    query = _action_query(session, filters)
    return [] if query is None else session.repo.action_rows(**query)


def with_substance(session: Session, rows: list[dict], kind: str) -> list[dict]:
    """The list's rows with what a document of it says beside them: a decision's lineage
    both ways (supersedes, superseded_by) and whether its review date has passed; an
    action's latest update (update_on, update) and whether it is overdue — as of today."""
    doing = _("read the decisions") if kind == "decisions" else _("read the actions")
    session.require(Capability.READ, doing)
    today = session.today.isoformat()
    if kind == "decisions":
        replaced: dict[int, str] = {}
        replaced_by: dict[int, list[str]] = {}
        for row in session.repo.lineage():
            replaced[row["id"]] = row["supersedes_number"]
            replaced_by.setdefault(row["supersedes_id"], []).append(row["number"])
        return [
            {
                **r,
                "supersedes": replaced.get(r["id"]),
                "superseded_by": replaced_by.get(r["id"], []),
                "review_passed": bool(
                    r["review_date"] and r["review_date"] < today and r["status"] == "in_force"
                ),
            }
            for r in rows
        ]
    updates = session.repo.latest_updates()
    return [
        {
            **r,
            "update_on": updates[r["id"]]["noted_on"] if r["id"] in updates else None,
            "update": updates[r["id"]]["note"] if r["id"] in updates else None,
            "overdue": bool(r["status"] == "open" and r["due_date"] and r["due_date"] < today),
        }
        for r in rows
    ]


def action_page(
    session: Session, filters: ActionFilter = ActionFilter(), limit: int = 100
) -> tuple[list[dict], int]:
    """The first `limit` actions of the list and how many there are in all: what a screen
    shows costs the same on one year of actions as on thirty."""
    session.require(Capability.READ, _("read the actions"))
    query = _action_query(session, filters)
    if query is None:
        return [], 0
    return session.repo.action_rows(**query, limit=limit), session.repo.action_count(**query)


def _own_or_record(session: Session, action: m.Action) -> None:
    """The secretary and chair follow up every action; an owner may update their own."""
    if session.can(Capability.RECORD):
        return
    if session.user is not None and session.user.id == action.owner_id:
        return
    session.require(Capability.RECORD, _("change someone else's action"))


def _open_action(session: Session, action_id: int) -> m.Action:
    """The action, still open (call inside the write's transaction: two people closing one
    action at once are serialised, and the second is told who was first)."""
    action = session.repo.model(m.Action, action_id)
    _own_or_record(session, action)
    if action.status != ActionStatus.OPEN:
        actor, at = session.repo.last_change("actions", action_id)
        raise Conflict(
            _("action {number} is {status} already (by {name} at {time})").format(
                number=action.number,
                status=_(action.status.value),
                name=actor,
                time=local_time(at),
            )
        )
    return action  # type: ignore[no-any-return]


def complete_action(session: Session, action_id: int, done_on: dt.date | None = None) -> None:
    """Mark an action done, on a date (default today; not in the future)."""
    day = done_on or session.today
    if day > session.today:
        raise ValidationProblem(_("done on {day} is in the future").format(day=day), "done_on")
    with session.database.transaction():
        _open_action(session, action_id)
        session.repo.update("actions", action_id, {"status": "done", "done_at": day.isoformat()})


def cancel_action(session: Session, action_id: int, reason: str) -> None:
    """Cancel an action; the reason is kept."""
    if not reason.strip():
        raise ValidationProblem(_("a cancelled action needs a reason"), "reason")
    with session.database.transaction():
        _open_action(session, action_id)
        session.repo.update("actions", action_id, {"status": "cancelled", "reason": reason.strip()})


def add_update(session: Session, action_id: int, note: str) -> None:
    """A dated note on an action's progress."""
    if not note.strip():
        raise ValidationProblem(_("the update needs a text"), "note")
    with session.database.transaction():
        _open_action(session, action_id)
        session.repo.insert(
            "action_updates",
            {
                "action_id": action_id,
                "noted_on": session.today.isoformat(),
                "note": note.strip(),
                "by_member_id": session.user.id if session.user else None,
            },
        )


def action_history(session: Session, action_id: int) -> list[dict]:
    session.require(Capability.READ, _("read the actions"))
    return session.repo.action_updates(action_id)


# -- minutes -------------------------------------------------------------------------------


@one_transaction
def approve_minutes(session: Session, meeting_id: int) -> None:
    """The chair marks a closed meeting's minutes approved: from then on its record is
    read-only (corrections go in as a recorded amendment)."""
    session.require(Capability.APPROVE_MINUTES, _("approve the minutes"))
    held = session.repo.model(m.Meeting, meeting_id)
    if held.status != MeetingStatus.CLOSED:
        raise Conflict(
            _("only a closed meeting's minutes can be approved (status: {status})").format(
                status=_(held.status.value.replace("_", " "))
            )
        )
    with session.database.transaction():
        session.repo.update(
            "meetings", meeting_id, {"status": MeetingStatus.MINUTES_APPROVED.value}
        )
        seal(session, meeting_id)


def seal(session: Session, meeting_id: int) -> None:
    """Record the hash of an approved meeting's record; `verify` recomputes it."""
    session.repo.insert(
        "seals",
        {
            "meeting_id": meeting_id,
            "hash": session.repo.seal_hash(meeting_id),
            "scheme": SEAL_SCHEME,
        },
    )


@one_transaction
def amend_minutes(session: Session, meeting_id: int, text: str) -> int:
    """A correction to approved minutes, recorded beside them (never by editing the record)."""
    session.require(Capability.RECORD, _("amend the minutes"))
    held = session.repo.model(m.Meeting, meeting_id)
    if held.status != MeetingStatus.MINUTES_APPROVED:
        raise Conflict(_("only approved minutes are amended; before approval, edit the record"))
    if not text.strip():
        raise ValidationProblem(_("the amendment needs a text"), "text")
    return session.repo.insert(
        "amendments",
        {
            "meeting_id": meeting_id,
            "text": text.strip(),
            "by_member_id": session.user.id if session.user else None,
        },
    )


def find_meeting(session: Session, reference: str) -> m.Meeting:
    """A meeting by date (`2026-12-10`) or number in its year (`2026/10`, or `10` this year)."""
    session.require(Capability.READ, _("read the meetings"))
    text = reference.strip()
    repo = session.repo
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        day = None
    if day is not None:
        found = repo.meetings_on(day)
        if not found:
            raise NotFound(_("no meeting on {day}").format(day=day.isoformat()), "--meeting")
        return found[0]  # type: ignore[no-any-return]
    year, _slash, number = text.rpartition("/")
    try:
        nr = int(number)
        in_year = int(year) if year else session.today.year
    except ValueError:
        raise ValidationProblem(
            _("not a meeting date or number: {text!r} (use 2026-12-10 or 2026/10)").format(
                text=text
            ),
            "--meeting",
        ) from None
    starts = sorted(repo.meeting_starts_in_year(in_year))
    if not 1 <= nr <= len(starts):
        raise NotFound(
            _("{year} has no meeting number {nr}").format(year=in_year, nr=nr), "--meeting"
        )
    return repo.meeting_at(starts[nr - 1].isoformat(timespec="minutes"))  # type: ignore[return-value]
