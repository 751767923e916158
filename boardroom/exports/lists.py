"""The decision list and the action list as files: md, csv, json, docx or pdf."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from boardroom.domain.outcome import DecisionOutcome
from boardroom.exports.document import Document, Heading, Table
from boardroom.exports.formats import document_bytes
from boardroom.i18n import _, label
from boardroom.i18n.record import describe

DECISION_COLUMNS = [
    ("number", "Number"),
    ("held_on", "Date"),
    ("title", "Decision"),
    ("theme", "Theme"),
    ("method", "Method"),
    ("status", "Status"),
    ("review_date", "Review date"),
    ("text", "Text"),
    ("outcome", "Outcome"),
]
ACTION_COLUMNS = [
    ("number", "Number"),
    ("text", "Text"),
    ("owner", "Owner"),
    ("due_date", "Due"),
    ("status", "Status"),
    ("done_at", "Done on"),
    ("held_on", "Meeting"),
    ("decision_number", "Decision"),
    ("reason", "Reason"),
]
LABELLED = {"method", "status"}


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    return label(value) if key in LABELLED else str(value)


def _with_outcome(row: dict, fmt: str) -> dict:
    """A decision row with its outcome: the facts in JSON, the sentence in the reader's
    language elsewhere."""
    facts = DecisionOutcome.from_json(row.get("outcome"))
    if fmt == "json":
        shown: Any = facts.model_dump(mode="json", exclude_defaults=True)
    else:
        shown = describe(row["method"], facts, row.get("outcome_summary") or "")
    return {**row, "outcome": shown}


def list_bytes(rows: list[dict], kind: str, fmt: str) -> bytes:
    """Decisions or actions as the bytes of a file: md, csv, json, docx or pdf."""
    columns = DECISION_COLUMNS if kind == "decisions" else ACTION_COLUMNS
    if kind == "decisions":
        rows = [_with_outcome(row, fmt) for row in rows]
    if fmt == "json":
        shown_rows = [{key: row.get(key) for key, _title in columns} for row in rows]
        return (json.dumps(shown_rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([key for key, _title in columns])
        writer.writerows(
            [
                [row.get(key) if row.get(key) is not None else "" for key, _t in columns]
                for row in rows
            ]
        )
        return buffer.getvalue().encode("utf-8")
    title = _("Decision list") if kind == "decisions" else _("Action list")
    shown = columns[:7]
    doc = Document(title)
    doc.add(
        Heading(1, title),
        Table(
            [_(t) for _k, t in shown], [[_cell(k, row.get(k)) for k, _t in shown] for row in rows]
        ),
    )
    return document_bytes(doc, fmt)
