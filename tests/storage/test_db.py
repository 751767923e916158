import json
import sqlite3
import stat

import pytest

from boardroom.domain.errors import Conflict, StorageProblem
from boardroom.storage.db import Database
from boardroom.storage.migrations import open_board_db, schema_version
from boardroom.storage.repo import Repo
from boardroom.storage.schema import LATEST, TABLES
from tests.conftest import fixed_now, stamp


def test_a_new_database_is_private_wal_with_foreign_keys(tmp_path):
    path = tmp_path / "board.db"
    database = open_board_db(path, fixed_now, create=True)
    conn = database.conn
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert schema_version(database) == LATEST
    database.close()


def test_every_table_has_stamps_and_every_foreign_key_an_index(tmp_path):
    database = open_board_db(tmp_path / "b.db", fixed_now, create=True)
    for table in TABLES:
        columns = {row[1] for row in database.conn.execute(f"PRAGMA table_info({table})")}
        assert {"id", "created_at", "updated_at"} <= columns, table
        indexed = set()
        for index in database.conn.execute(f"PRAGMA index_list({table})"):
            first = database.conn.execute(f"PRAGMA index_info({index[1]})").fetchone()
            indexed.add(first[2])
        for fk in database.conn.execute(f"PRAGMA foreign_key_list({table})"):
            assert fk[3] in indexed, f"{table}.{fk[3]} has no index"
    database.close()


def test_every_write_is_logged_with_before_and_after(tmp_path):
    database = open_board_db(tmp_path / "b.db", fixed_now, create=True)
    repo = Repo(database, actor="Els", clock=lambda: "2026-11-24T09:00:00+00:00")
    row_id = repo.insert("perspectives", {"name": "GGD", "seats": 1})
    repo.update("perspectives", row_id, {"seats": 2})
    repo.update("perspectives", row_id, {"seats": 2})  # no change, no event
    repo.delete("perspectives", row_id)
    events = list(repo.iter_event_log())
    assert [(e["operation"], e["actor"], e["table_name"], e["row_id"]) for e in events] == [
        ("insert", "Els", "perspectives", row_id),
        ("update", "Els", "perspectives", row_id),
        ("delete", "Els", "perspectives", row_id),
    ]
    assert events[0]["before"] is None and json.loads(events[0]["after"])["seats"] == 1
    assert json.loads(events[1]["before"])["seats"] == 1
    assert json.loads(events[1]["after"])["seats"] == 2
    assert events[2]["after"] is None
    database.close()


def test_a_failed_write_leaves_neither_row_nor_event(tmp_path):
    database = open_board_db(tmp_path / "b.db", fixed_now, create=True)
    repo = Repo(database, clock=stamp)
    repo.insert("perspectives", {"name": "GGD"})
    with pytest.raises(Conflict, match="exists already"):
        repo.insert("perspectives", {"name": "ggd"})
    assert repo.scalar("SELECT count(*) FROM perspectives") == 1
    assert repo.scalar("SELECT count(*) FROM event_log") == 1
    database.close()


def test_foreign_keys_are_enforced(tmp_path):
    database = open_board_db(tmp_path / "b.db", fixed_now, create=True)
    repo = Repo(database, clock=stamp)
    with pytest.raises(Conflict):
        repo.insert("members", {"name": "X", "perspective_id": 99})
    database.close()


def test_a_corrupt_file_is_refused_with_its_path(tmp_path):
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageProblem, match=r"corrupt\.db: not a usable SQLite database"):
        open_board_db(path, fixed_now)


def test_a_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.close()
    with pytest.raises(StorageProblem, match="not a boardroom database"):
        open_board_db(path, fixed_now)


def test_a_database_from_a_newer_boardroom_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    open_board_db(path, fixed_now, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'future', 'x')", (LATEST + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StorageProblem, match=rf"schema version {LATEST + 1} is newer"):
        open_board_db(path, fixed_now)


def test_missing_database_unwritable_path_and_directory(tmp_path):
    with pytest.raises(StorageProblem, match="no database here"):
        Database(tmp_path / "absent.db")
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    with pytest.raises(StorageProblem, match="cannot create folder"):
        Database(a_file / "sub" / "b.db", create=True)
    with pytest.raises(StorageProblem, match="is a directory"):
        Database(tmp_path, create=True)
