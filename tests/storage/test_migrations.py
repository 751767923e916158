"""Open a database at every earlier schema version and migrate it: nothing is lost."""

import sqlite3

import pytest

from boardroom.storage.db import Database
from boardroom.storage.migrations import migrate, schema_version
from boardroom.storage.repo import Repo
from boardroom.storage.schema import LATEST, MIGRATIONS, TABLES, event_hash
from tests.conftest import fixed_now

NOW = "2026-03-12T14:00:00+00:00"


def insert(conn, table: str, row: dict) -> int:
    """Write as an older boardroom did: plain SQL in that version's columns."""
    row = {**row, "created_at": NOW, "updated_at": NOW}
    columns = ", ".join(row)
    cursor = conn.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' for _ in row)})",
        tuple(row.values()),
    )
    conn.execute(
        "INSERT INTO event_log (at, actor, operation, table_name, row_id, before, after,"
        " created_at, updated_at) VALUES (?, 'Els', 'insert', ?, ?, NULL, ?, ?, ?)",
        (NOW, table, cursor.lastrowid, "{}", NOW, NOW),
    )
    return cursor.lastrowid


def fill(database: Database) -> dict:
    conn = database.conn
    insert(conn, "boards", {"name": "Tafel", "region": "Regio"})
    perspective = insert(conn, "perspectives", {"name": "GGD"})
    member = insert(conn, "members", {"name": "Kees", "perspective_id": perspective})
    meeting = insert(conn, "meetings", {"starts_at": "2026-03-12T15:00"})
    insert(
        conn,
        "decisions",
        {
            "number": "B2026-01-01",
            "title": "Preventieagenda",
            "text": "Vaststellen van de agenda",
            "meeting_id": meeting,
            "method": "consent",
        },
    )
    insert(
        conn,
        "actions",
        {
            "number": "A2026-01-01",
            "text": "Cijfers over valpreventie",
            "owner_id": member,
            "meeting_id": meeting,
        },
    )
    columns = [r[1] for r in conn.execute("PRAGMA table_info(event_log)")]
    if "hash" in columns:  # from version 4 on, the app chained every entry as it wrote it
        previous = ""
        for event in Repo(database).query("SELECT * FROM event_log ORDER BY id"):
            previous = event_hash(previous, event)
            conn.execute("UPDATE event_log SET hash = ? WHERE id = ?", (previous, event["id"]))
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE '%fts%' AND name != 'schema_version'"
        )
        if r[0] in TABLES  # the record's tables (paper contents are checked by verify)
    ]
    return {t: Repo(database).query(f"SELECT * FROM {t} ORDER BY id") for t in tables}


@pytest.mark.parametrize("start", [m.version for m in MIGRATIONS[:-1]])
def test_migrating_from_every_earlier_version_keeps_every_row(tmp_path, start):
    path = tmp_path / "old.db"
    database = Database(path, create=True)
    migrate(database, fixed_now, target=start)
    assert schema_version(database) == start
    before = fill(database)
    applied = migrate(database, fixed_now)
    assert applied == [m.version for m in MIGRATIONS if m.version > start]
    assert schema_version(database) == LATEST
    after = Repo(database).dump()
    for table, rows in before.items():  # every row and every old value is still there
        assert rows or table not in ("boards", "decisions", "event_log")
        assert [
            {k: row[k] for k in old} for row, old in zip(after[table], rows, strict=True)
        ] == rows

    backups = list(tmp_path.glob(f"old.db.v{start}-*.bak"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT max(version) FROM schema_version").fetchone()[0] == start
    assert copy.execute("SELECT count(*) FROM decisions").fetchone()[0] == 1
    copy.close()
    # the old event log is chained, so `verify` can vouch for it from now on
    from boardroom.services.integrity import verify

    assert verify(database).chain_ok
    # full-text search covers the rows that were there before the migration
    hits = database.conn.execute(
        "SELECT number FROM decisions_fts WHERE decisions_fts MATCH 'preventieagenda'"
    ).fetchall()
    assert hits == [("B2026-01-01",)]
    database.close()


def test_a_failing_migration_is_rolled_back(tmp_path, monkeypatch):
    from boardroom.storage import migrations, schema

    database = Database(tmp_path / "b.db", create=True)
    migrate(database, fixed_now, target=1)

    def explode(db, _now):
        db.conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk on fire")

    broken = (schema.MIGRATIONS[0], schema.Migration(2, "broken", explode))
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    with pytest.raises(RuntimeError):
        migrations.migrate(database, fixed_now)
    assert schema_version(database) == 1
    assert (
        database.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"
        ).fetchone()[0]
        == 0
    )
    database.close()
