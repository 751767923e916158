"""The decision list and the action list as files: md, csv, json, docx or pdf. The documents
say the board and the day they stand on, each decision with its text, method, outcome and
lineage both ways (a review date passed flagged), each action with its state of affairs (the
latest update), overdue or why cancelled; CSV and JSON keep the same facts as columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from boardroom.domain.outcome import DecisionOutcome
from boardroom.domain.style import HouseStyle
from boardroom.exports.document import Block, Document, Heading, Paragraph, Table
from boardroom.exports.formats import document_bytes
from boardroom.i18n import _, day_text, format_date, label
from boardroom.i18n.record import describe

#: the facts a CSV or JSON list carries, in order (the keys of the list's rows)
DECISION_COLUMNS = (
    "number",
    "held_on",
    "title",
    "theme",
    "method",
    "status",
    "review_date",
    "text",
    "outcome",
    "supersedes",
    "superseded_by",
    "review_passed",
)
ACTION_COLUMNS = (
    "number",
    "text",
    "owner",
    "due_date",
    "status",
    "done_at",
    "held_on",
    "decision_number",
    "reason",
    "overdue",
    "update_on",
    "update",
)


def _with_outcome(row: dict, fmt: str) -> dict:
    """A decision row with its outcome: the facts in JSON, the sentence in the reader's
    language elsewhere."""
    facts = DecisionOutcome.from_json(row.get("outcome"))
    if fmt == "json":
        shown: Any = facts.model_dump(mode="json", exclude_defaults=True)
    else:
        shown = describe(row["method"], facts, row.get("outcome_summary") or "")
    return {**row, "outcome": shown}


def _decision_blocks(row: dict) -> list[Block]:
    """One decision as the list gives it: what was decided, how, and its place in the line."""
    facts = [
        day_text(row["held_on"]),
        row.get("theme") or "",
        label(row["method"]),
        label(row["status"]),
    ]
    blocks: list[Block] = [
        Heading(2, f"{row['number']}: {row['title']}"),
        Paragraph(" · ".join(part for part in facts if part)),
    ]
    if row.get("text"):
        blocks.append(Paragraph(row["text"]))
    if row.get("outcome"):
        blocks.append(Paragraph(row["outcome"], _("Outcome") + ":"))
    if row.get("supersedes"):
        blocks.append(Paragraph(row["supersedes"], _("Supersedes") + ":"))
    if row.get("superseded_by"):
        blocks.append(Paragraph(", ".join(row["superseded_by"]), _("Superseded by") + ":"))
    if row.get("review_date"):
        passed = f" ({_('passed')})" if row.get("review_passed") else ""
        blocks.append(Paragraph(day_text(row["review_date"]) + passed, _("Review date") + ":"))
    return blocks


def _action_row(row: dict) -> list[str]:
    """Number, the action with its state of affairs, owner, due (overdue marked), status
    (done on a day, or cancelled and why)."""
    action = row["text"]
    if row.get("update"):
        action += f"\n{_('State of affairs')} ({day_text(row['update_on'])}): {row['update']}"
    due = day_text(row.get("due_date"))
    if row.get("overdue"):
        due += f" ({_('overdue')})"
    status = label(row["status"])
    if row["status"] == "done" and row.get("done_at"):
        status += f" {day_text(row['done_at'])}"
    elif row["status"] == "cancelled" and row.get("reason"):
        status += f": {row['reason']}"
    return [row["number"], action, row["owner"], due, status]


def list_bytes(
    rows: list[dict],
    kind: str,
    fmt: str,
    board: str = "",
    on: dt.date | None = None,
    made_at: dt.datetime | None = None,
    style: HouseStyle | None = None,
) -> bytes:
    """Decisions or actions as the bytes of a file: md, csv, json, docx or pdf; `board` and
    `on` (the day the list stands on) head the documents."""
    columns = DECISION_COLUMNS if kind == "decisions" else ACTION_COLUMNS
    if kind == "decisions":
        rows = [_with_outcome(row, fmt) for row in rows]
    if fmt == "json":
        shown_rows = [{key: row.get(key) for key in columns} for row in rows]
        return (json.dumps(shown_rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([[_csv(row.get(key)) for key in columns] for row in rows])
        return buffer.getvalue().encode("utf-8")
    title = _("Decision list") if kind == "decisions" else _("Action list")
    doc = Document(f"{title} — {board}" if board else title, made_at=made_at)
    doc.style = style or doc.style
    doc.header = " · ".join(part for part in (board, title) if part)
    doc.add(Heading(1, doc.title))
    if on is not None:
        doc.add(Paragraph(format_date(on, weekday=False), _("As of") + ":"))
    if not rows:
        doc.add(Paragraph(_("none")))
    elif kind == "decisions":
        for row in rows:
            doc.add(*_decision_blocks(row))
    else:
        doc.add(
            Table(
                [_("Number"), _("Action"), _("Owner"), _("Due"), _("Status")],
                [_action_row(row) for row in rows],
            )
        )
    return document_bytes(doc, fmt)


def _csv(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(value)
    return value
