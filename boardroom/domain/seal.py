"""The seal code printed on approved minutes: what a member holds in their mail, checked
against the record with `boardroom verify --seal CODE`.

It is made of the sealed record's hash and the event log's chain head at approval, so a
change to the meeting's record, or a rewrite of the history before it (even a whole new,
consistent hash chain), gives another code than the one that went out. It starts with the
meeting's date, so a code that no longer matches still says which meeting it was.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re

from boardroom.domain.errors import ValidationProblem

CODE = re.compile(r"^(\d{8})-([A-Z2-7]{4})-([A-Z2-7]{4})-([A-Z2-7]{4})$")


def seal_code(day: dt.date, record_hash: str, chain_head: str) -> str:
    """`20260312-ABCD-EFGH-JKLM`: the meeting's date and 60 bits of the seal's hash."""
    digest = hashlib.sha256(f"{record_hash}:{chain_head}".encode()).digest()
    letters = base64.b32encode(digest).decode()[:12]
    return f"{day:%Y%m%d}-{letters[:4]}-{letters[4:8]}-{letters[8:]}"


def parse_code(text: str) -> tuple[dt.date, str]:
    """The code as a member types or copies it (case and spaces do not matter, nor which
    hyphen: a document keeps the code whole with non-breaking ones): its date and itself."""
    code = re.sub(r"[\u2010\u2011\u2012\u2013\u2212]", "-", re.sub(r"\s+", "", text)).upper()
    match = CODE.match(code)
    if not match:
        raise ValidationProblem(
            "not a seal code (it looks like 20260312-ABCD-EFGH-JKLM, at the foot of approved"
            " minutes)",
            "--seal",
        )
    try:
        day = dt.datetime.strptime(match.group(1), "%Y%m%d").date()
    except ValueError:
        raise ValidationProblem("not a seal code: its date is not a date", "--seal") from None
    return day, code
