"""The table's own evaluation (procesevaluatie): about twice a year the members
score statements about the collaboration from 1 (not at all) to 5 (entirely), anonymously.

The record holds counts only, like a secret ballot: per statement how many gave each score,
how many took part, and the free comments without names. The secretary records them (from
paper forms or a poll), so no member is ever linked to a score — not in a table, not in the
event log. Each evaluation is compared with the one before it, with the behaviour check's
trend over the same months beside it.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import json
import re
from dataclasses import dataclass

from boardroom.domain import models as m
from boardroom.domain.errors import Conflict, NotFound, ValidationProblem
from boardroom.domain.permissions import Capability
from boardroom.i18n import _
from boardroom.services.composition import _validated
from boardroom.services.session import Session, one_transaction
from boardroom.storage.repo import to_row

SCORES = (1, 2, 3, 4, 5)
#: what may separate the five counts typed on one line: "0 1 4 6 3", "0,1,4,6,3", "0·1·4·6·3"
_SEPARATORS = re.compile(r"[\s,;·|/]+")


def _doing() -> str:
    return _("record the table's evaluation")


def statements(session: Session) -> list[m.EvaluationStatement]:
    """The active statements, in order."""
    return session.repo.active_statements()


@one_transaction
def save_statement(session: Session, text: str, row_id: int | None = None) -> int:
    """Add or reword a statement (the board's own words)."""
    session.require(Capability.EDIT_COMPOSITION, _("edit the evaluation's statements"))
    if row_id is not None:
        session.repo.update("evaluation_statements", row_id, {"text": text.strip()})
        return row_id
    statement = _validated(
        m.EvaluationStatement,
        {"text": text, "position": session.repo.next_order("evaluation_statements")},
    )
    return session.repo.insert("evaluation_statements", to_row("evaluation_statements", statement))


def default_texts(session: Session) -> list[str]:
    """The statements a board starts from: its leading principles and behaviour rules."""
    return [
        rule.text
        for table in ("leading_principles", "behaviour_rules")
        for rule in session.repo.rules(table, active_only=True)
    ]


@one_transaction
def set_statements(session: Session, texts: list[str]) -> tuple[int, int, int]:
    """The board's statements as one list, in order: a statement whose text is kept stays the
    same statement (its earlier scores compare), a changed line rewords the statement in its
    place, a new line adds one, and a statement no longer listed is retired (its earlier
    scores stay in the record). Returns (added, reworded, retired)."""
    session.require(Capability.EDIT_COMPOSITION, _("edit the evaluation's statements"))
    wanted = [t.strip() for t in texts if t.strip()]
    if not wanted:
        raise ValidationProblem(_("at least one statement is needed"), "statements")
    if len({t.casefold() for t in wanted}) != len(wanted):
        raise ValidationProblem(_("a statement is listed twice"), "statements")
    current = statements(session)
    matcher = difflib.SequenceMatcher(
        a=[s.text.casefold() for s in current], b=[t.casefold() for t in wanted], autojunk=False
    )
    added = reworded = retired = 0
    placed: list[tuple[int, str]] = []  # (statement id, its text) in the new order
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = current[i1:i2], wanted[j1:j2]
        for statement, text in zip(old, new, strict=False):  # kept, or reworded in its place
            assert statement.id is not None
            reworded += statement.text != text
            placed.append((statement.id, text))
        for statement in old[len(new) :]:
            assert statement.id is not None
            session.repo.update("evaluation_statements", statement.id, {"active": 0})
            retired += 1
        for text in new[len(old) :]:
            row = _validated(m.EvaluationStatement, {"text": text, "position": 0})
            placed.append(
                (
                    session.repo.insert(
                        "evaluation_statements", to_row("evaluation_statements", row)
                    ),
                    text,
                )
            )
            added += 1
    for position, (statement_id, text) in enumerate(placed, start=1):
        session.repo.update(
            "evaluation_statements", statement_id, {"text": text, "position": position}
        )
    return added, reworded, retired


@one_transaction
def default_statements(session: Session) -> int:
    """With no statements yet: the board's leading principles and behaviour rules, as they
    are worded, become its statements (edit them after). Returns how many were added."""
    session.require(Capability.EDIT_COMPOSITION, _("edit the evaluation's statements"))
    if statements(session):
        return 0
    texts = default_texts(session)
    for text in texts:
        save_statement(session, text)
    return len(texts)


def read_counts(session: Session, text: str, where: str = "") -> dict[int, list[int]]:
    """A counts file: a header `statement,1,2,3,4,5`, then a line per statement — its number
    (as `werkagenda statements` lists them) or its text — with how many gave each score."""
    numbered = {str(n): s for n, s in enumerate(statements(session), 1)}
    by_text = {s.text.casefold(): s for s in numbered.values()}
    reader = csv.reader(io.StringIO(text))
    header = [h.strip() for h in next(reader, [])]
    if header != ["statement", *map(str, SCORES)]:
        raise ValidationProblem(_("line 1: the header must be statement,1,2,3,4,5"), where or None)
    counts: dict[int, list[int]] = {}
    for line_number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        place = f"{where}:{line_number}" if where else _("line {n}").format(n=line_number)
        key = cells[0].strip()
        statement = numbered.get(key) or by_text.get(key.casefold())
        if statement is None or statement.id is None:
            raise NotFound(_("no statement {key!r}").format(key=key), place)
        try:
            numbers = [int(c) for c in cells[1:]]
        except ValueError:
            raise ValidationProblem(_("the counts must be whole numbers"), place) from None
        if len(numbers) != len(SCORES):
            raise ValidationProblem(_("five counts are needed, one per score"), place)
        if statement.id in counts:
            raise ValidationProblem(_("this statement is counted twice"), place)
        counts[statement.id] = numbers
    return counts


def statement_place(number: int) -> str:
    """Where a problem with a statement's counts is: the statement by its number as listed."""
    return _("statement {n}").format(n=number)


def counts_from_text(text: str, where: str | None = None) -> list[int]:
    """One statement's five counts as typed on one line ("0 1 4 6 3": how many gave 1…5)."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if not all(p.isdigit() for p in parts):
        raise ValidationProblem(
            _("the counts must be whole numbers, e.g. 0 1 4 6 3 (how many gave 1, 2, 3, 4, 5)"),
            where,
        )
    if len(parts) != len(SCORES):
        raise ValidationProblem(
            _("five counts are needed, one per score; {n} were given").format(n=len(parts)), where
        )
    return [int(p) for p in parts]


@dataclass(frozen=True)
class PlannedEvaluation:
    """A meeting the annual calendar gave an evaluation item, and the evaluation held at it."""

    meeting_id: int
    on: dt.date
    evaluation_id: int | None

    @property
    def recorded(self) -> bool:
        return self.evaluation_id is not None


def planned(session: Session) -> list[PlannedEvaluation]:
    """Every meeting with an evaluation item (as the annual calendar plans them twice a
    year by default), oldest first, with whether its evaluation is recorded."""
    return [
        PlannedEvaluation(r["id"], dt.date.fromisoformat(r["day"]), r["evaluation_id"])
        for r in session.repo.evaluation_meetings()
    ]


def due(session: Session) -> PlannedEvaluation | None:
    """The evaluation to record next: the first evaluation meeting after the latest recorded
    evaluation that has none — one held and not yet recorded, else the next one planned."""
    latest = session.repo.latest_evaluation_day()
    after = dt.date.fromisoformat(latest) if latest else dt.date.min
    return next((p for p in planned(session) if not p.recorded and p.on > after), None)


def require_recorder(session: Session) -> None:
    """May this user record an evaluation? (Asked before a counts file is read.)"""
    session.require(Capability.RECORD, _doing())


@one_transaction
def record_evaluation(
    session: Session,
    held_on: dt.date | None,
    respondents: int,
    counts: dict[int, list[int]],
    comments: list[str] | None = None,
    meeting_id: int | None = None,
) -> int:
    """Record an evaluation's counts (statement → how many gave 1, 2, 3, 4, 5) and comments;
    held at a meeting, its date is the meeting's unless another is given."""
    require_recorder(session)
    if meeting_id is not None:
        meeting = session.repo.meeting_day(meeting_id)
        if meeting is None:
            raise NotFound(_("no meeting {key!r}").format(key=meeting_id), "meeting_id")
        if session.repo.evaluation_of_meeting(meeting_id):
            raise Conflict(
                _("the evaluation of the meeting of {date} is recorded already").format(
                    date=meeting
                )
            )
        held_on = held_on or dt.date.fromisoformat(meeting)
    if held_on is None:
        raise ValidationProblem(_("a date is needed"), "held_on")
    if respondents < 1:
        raise ValidationProblem(_("at least one member must have taken part"), "respondents")
    active = sum(1 for member in session.repo.members() if member.is_active(held_on))
    if respondents > active:
        raise ValidationProblem(
            _("{n} respondents, but the board has {active} members").format(
                n=respondents, active=active
            ),
            "respondents",
        )
    numbers_of = {s.id: n for n, s in enumerate(statements(session), 1)}
    if not counts:
        raise ValidationProblem(_("no counts were given"), "counts")
    for statement_id, numbers in counts.items():
        if statement_id not in numbers_of:
            raise NotFound(_("no statement {key!r}").format(key=statement_id), "counts")
        where = statement_place(numbers_of[statement_id])
        if len(numbers) != len(SCORES) or any(n < 0 for n in numbers):
            raise ValidationProblem(_("five counts are needed, one per score"), where)
        if sum(numbers) > respondents:
            raise ValidationProblem(
                _("{given} scores for one statement, but {n} took part").format(
                    given=sum(numbers), n=respondents
                ),
                where,
            )
    if session.repo.evaluation_on(held_on.isoformat()):
        raise Conflict(_("there is an evaluation of {date} already").format(date=held_on))
    evaluation = _validated(
        m.Evaluation,
        {
            "meeting_id": meeting_id,
            "held_on": held_on,
            "respondents": respondents,
            "comments": [c.strip() for c in comments or [] if c.strip()],
        },
    )
    evaluation_id = session.repo.insert("evaluations", to_row("evaluations", evaluation))
    session.repo.insert_many(
        "evaluation_counts",
        [
            {"evaluation_id": evaluation_id, "statement_id": sid, "score": score, "count": n}
            for sid, numbers in counts.items()
            for score, n in zip(SCORES, numbers, strict=True)
        ],
    )
    return evaluation_id


@dataclass(frozen=True)
class StatementResult:
    text: str
    counts: tuple[int, ...]  # how many gave 1…5
    mean: float | None
    previous: float | None  # the mean at the evaluation before

    @property
    def change(self) -> float | None:
        if self.mean is None or self.previous is None:
            return None
        return self.mean - self.previous


@dataclass(frozen=True)
class EvaluationResult:
    id: int
    meeting_id: int | None
    held_on: dt.date
    respondents: int
    statements: list[StatementResult]
    comments: list[str]
    previous_on: dt.date | None
    #: the behaviour check beside it: the share of scores "kept" in the meetings since the
    #: evaluation before (or in the year before), and in the same span before that
    behaviour_kept: float | None
    behaviour_kept_before: float | None


def mean_score(counts: tuple[int, ...]) -> float | None:
    total = sum(counts)
    return sum(s * n for s, n in zip(SCORES, counts, strict=True)) / total if total else None


def evaluations(session: Session) -> list[EvaluationResult]:
    """Every evaluation, newest first, each compared with the one before it."""
    session.require(Capability.READ, _("read the evaluation"))
    rows = session.repo.evaluation_rows()
    texts = session.repo.statement_texts()
    counts: dict[int, dict[int, list[int]]] = {}
    for r in session.repo.evaluation_count_rows():
        counts.setdefault(r["evaluation_id"], {}).setdefault(r["statement_id"], [0] * len(SCORES))[
            r["score"] - 1
        ] = r["count"]
    results: list[EvaluationResult] = []
    previous: dict[int, float | None] = {}
    previous_on: dt.date | None = None
    for row in rows:
        held_on = dt.date.fromisoformat(row["held_on"])
        since = previous_on or held_on - dt.timedelta(days=365)
        span = held_on - since
        this = counts.get(row["id"], {})
        means = {sid: mean_score(tuple(n)) for sid, n in this.items()}
        results.append(
            EvaluationResult(
                id=row["id"],
                meeting_id=row["meeting_id"],
                held_on=held_on,
                respondents=row["respondents"],
                statements=[
                    StatementResult(texts[sid], tuple(n), means[sid], previous.get(sid))
                    for sid, n in sorted(this.items())
                ],
                comments=json.loads(row["comments"]),
                previous_on=previous_on,
                behaviour_kept=_kept_share(session, since, held_on),
                behaviour_kept_before=_kept_share(session, since - span, since),
            )
        )
        previous, previous_on = means, held_on
    return list(reversed(results))


def _kept_share(session: Session, after: dt.date, until: dt.date) -> float | None:
    given = session.repo.behaviour_scores_between(after.isoformat(), f"{until.isoformat()}T23:59")
    total = sum(given.values())
    kept = given.get("kept", 0)
    return kept / total if total else None
