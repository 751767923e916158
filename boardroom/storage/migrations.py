"""Versioned migrations: each in its own transaction, after a backup next to the database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from boardroom.domain.clock import Clock
from boardroom.domain.errors import StorageProblem
from boardroom.storage.db import Database, give_to_owner
from boardroom.storage.schema import LATEST, MIGRATIONS


def schema_version(database: Database) -> int:
    """0 for an empty file; otherwise the highest applied migration."""
    try:
        has_table = database.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if not has_table:
            other = database.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if other:
                raise StorageProblem(
                    "this SQLite file is not a boardroom database (no schema_version table)",
                    str(database.path),
                )
            return 0
        row = database.conn.execute("SELECT max(version) FROM schema_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise StorageProblem(
            f"not a usable SQLite database ({error})", str(database.path)
        ) from None
    return int(row[0] or 0)


def backup_to(database: Database, target: Path) -> Path:
    """A consistent copy with SQLite's online backup API (safe while others write)."""
    target = Path(target)
    if target.exists():
        raise StorageProblem("target exists already; choose a new file name", str(target))
    try:
        target.touch(mode=0o600, exist_ok=False)
        copy = sqlite3.connect(str(target))
        try:
            database.conn.backup(copy)
        finally:
            copy.close()
    except (OSError, sqlite3.Error) as error:
        target.unlink(missing_ok=True)
        raise StorageProblem(f"cannot write backup ({error})", str(target)) from None
    return target


def migrate(
    database: Database, now: Clock, target: int = LATEST, *, backup: bool = True
) -> list[int]:
    """Bring the schema to `target`; returns the versions applied. Backs up first if not empty
    (the backup's name and the migrations' log entries carry `now`)."""
    current = schema_version(database)
    if current > LATEST:
        raise StorageProblem(
            f"database schema version {current} is newer than this boardroom knows ({LATEST});"
            " upgrade boardroom",
            str(database.path),
        )
    pending = [m for m in MIGRATIONS if current < m.version <= target]
    if not pending:
        return []
    if backup and current > 0 and str(database.path) != ":memory:":
        stamp = now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S")
        kept = database.path.with_name(f"{database.path.name}.v{current}-{stamp}.bak")
        give_to_owner(backup_to(database, kept), database.path)
    applied = []
    for migration in pending:
        with database.transaction() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            moment = now().astimezone(dt.UTC).isoformat(timespec="seconds")
            migration.apply(database.db, moment)
            conn.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, moment),
            )
        applied.append(migration.version)
    return applied


def open_board_db(path: str | Path, now: Clock, *, create: bool = False) -> Database:
    """Open (or create) a board database and bring it to the latest schema."""
    database = Database(path, create=create)
    try:
        migrate(database, now)
    except BaseException:
        database.close()
        raise
    return database
