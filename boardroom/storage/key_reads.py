"""Which public key opens the board for whom: the reads that sshd's AuthorizedKeysCommand, the
login and every write over SSH ask.

Only the standard library's sqlite3 is imported here: `boardroom-keys` (boardroom.host_keys)
answers sshd with this module alone, twice per login, without starting the app (about 40 ms
against 350). A member is active on a day when it falls between their `active_from` and
`active_until` (either may be empty) — the rule of `Member.is_active`, written in SQL on the
ISO dates the table holds; a test holds the two the same.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

_ACTIVE = (
    "(m.active_from IS NULL OR m.active_from <= :day)"
    " AND (m.active_until IS NULL OR :day <= m.active_until)"
)


def active_keys(conn: sqlite3.Connection, day: dt.date) -> list[tuple[str, str, str]]:
    """(fingerprint, `TYPE BASE64` public key, member name) of every key whose member is
    active on `day`, in seat order."""
    return conn.execute(
        "SELECT k.fingerprint, k.public_key, m.name FROM member_keys k"
        f" JOIN members m ON m.id = k.member_id WHERE {_ACTIVE}"
        " ORDER BY m.seat_order, m.name, k.id",
        {"day": day.isoformat()},
    ).fetchall()


def key_access(
    conn: sqlite3.Connection, fingerprint: str, day: dt.date
) -> tuple[int, str, bool] | None:
    """(member id, member name, whether the member is active on `day`) of the member a key is
    bound to; None when it is bound to no one."""
    row = conn.execute(
        f"SELECT m.id, m.name, {_ACTIVE} FROM member_keys k"
        " JOIN members m ON m.id = k.member_id WHERE k.fingerprint = :fingerprint",
        {"fingerprint": fingerprint, "day": day.isoformat()},
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]), bool(row[2]))
