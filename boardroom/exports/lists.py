"""The decision list and the action list as files: md, csv, json or docx."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, BinaryIO

from boardroom.domain.outcome import DecisionOutcome, describe
from boardroom.exports.document import Document, Heading, Table, to_markdown, write_document
from boardroom.i18n import _, label

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


def write_list(rows: list[dict], kind: str, fmt: str, path: Path | BinaryIO | None) -> str | None:
    """Write decisions or actions to a file (docx: also a binary stream); returns the text
    when there is no path (md/csv/json)."""
    columns = DECISION_COLUMNS if kind == "decisions" else ACTION_COLUMNS
    if kind == "decisions":
        rows = [_with_outcome(row, fmt) for row in rows]
    if fmt == "json":
        text = (
            json.dumps(
                [{key: row.get(key) for key, _title in columns} for row in rows],
                ensure_ascii=False,
                indent=1,
            )
            + "\n"
        )
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([key for key, _title in columns])
        writer.writerows(
            [
                [row.get(key) if row.get(key) is not None else "" for key, _t in columns]
                for row in rows
            ]
        )
        text = buffer.getvalue()
    else:
        title = _("Decision list") if kind == "decisions" else _("Action list")
        shown = columns[:7] if kind == "decisions" else columns[:7]
        doc = Document(title)
        doc.add(
            Heading(1, title),
            Table(
                [_(t) for _k, t in shown],
                [[_cell(k, row.get(k)) for k, _t in shown] for row in rows],
            ),
        )
        if fmt in ("docx", "pdf"):
            assert path is not None
            write_document(doc, fmt, path)
            return None
        text = to_markdown(doc)
    if path is None:
        return text
    assert isinstance(path, Path)
    path.write_text(text, encoding="utf-8")
    return None
