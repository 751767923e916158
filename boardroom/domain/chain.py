"""The event log's hash chain: each event's link is a hash over the link before it and the
event's content, so an edited, removed or inserted event breaks every link after it
(`verify`; docs/architecture.md §4)."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def event_hash(previous: str, event: dict[str, Any]) -> str:
    """The chain link of one event: sha256 over the previous link and the event's content."""
    content = json.dumps(
        [
            previous,
            event["at"],
            event["actor"],
            event["operation"],
            event["table_name"],
            event["row_id"],
            event["before"],
            event["after"],
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()
