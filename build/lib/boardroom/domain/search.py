"""Turning what someone types into a safe FTS5 query: words match as prefixes, in any order.

Quotes, `*`, `NEAR`, `AND`/`OR`/`NOT`, a lone `-` or brackets are taken as plain text, so a
search never raises a syntax error (issue: search as you type).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w][\w\-./']*", re.UNICODE)


def fts_query(typed: str) -> str | None:
    """`geg uitw` → `"geg"* "uitw"*`; None when nothing searchable was typed."""
    words = _WORD.findall(typed.casefold())
    terms = []
    for word in words:
        cleaned = word.strip("-./'")
        if cleaned:
            terms.append('"' + cleaned.replace('"', '""') + '"*')
    return " ".join(terms) if terms else None
