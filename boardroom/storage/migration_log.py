"""What a migration changes in logged rows goes into the event log like any other write,
chained to the head, under the migration's name (so `verify` holds after it, and the log
says who changed the row: "migration 8", not a person)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from boardroom.domain.chain import event_hash


class MigrationLog:
    def __init__(self, conn: sqlite3.Connection, actor: str, now: str) -> None:
        self.conn, self.actor, self._hash = conn, actor, event_hash
        head = conn.execute("SELECT hash FROM event_log ORDER BY id DESC LIMIT 1").fetchone()
        self.previous = head[0] if head else ""
        self.now = now

    def update(self, table: str, before: dict[str, Any], changes: dict[str, Any]) -> None:
        """Change some columns of a row (read whole as `before`) and log it."""
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.conn.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", (*changes.values(), before["id"])
        )
        event = {
            "at": self.now,
            "actor": self.actor,
            "operation": "update",
            "table_name": table,
            "row_id": before["id"],
            "before": json.dumps(before, sort_keys=True),
            "after": json.dumps({**before, **changes}, sort_keys=True),
        }
        self.previous = self._hash(self.previous, event)
        self.conn.execute(
            "INSERT INTO event_log (at, actor, operation, table_name, row_id, before, after,"
            " hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*event.values(), self.previous, self.now, self.now),
        )


def rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
