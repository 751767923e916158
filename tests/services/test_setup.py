import json
import sqlite3
import threading

import pytest

from boardroom.domain import models as m
from boardroom.domain.errors import StorageProblem, ValidationProblem
from boardroom.services import setup
from boardroom.services.session import open_session
from boardroom.storage.schema import LATEST
from tests.conftest import EXAMPLE_BOARD, fixed_now


def test_init_from_the_example_file(tmp_path):
    session = setup.init_from_text(
        tmp_path / "b.db", EXAMPLE_BOARD.read_text(), "board.toml", fixed_now
    )
    repo = session.repo
    anna = repo.member_by_name("Anna de Wit")
    assert [r.value for r in anna.roles] == ["chair", "portfolio_holder"]
    assert anna.vote_weight == 2
    theme = next(t for t in repo.themes() if t.name == "Eerstelijnszorg en wijk")
    holders = [repo.model(m.Member, i).name for i in repo.theme_holders()[theme.id]]
    assert holders == ["Carla Dijkman", "Anna de Wit"]
    assert repo.board().voter_rule.value == "perspective"
    session.close()


def test_a_bad_board_file_writes_nothing(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        EXAMPLE_BOARD.read_text().replace(
            'programme_manager = "Hans Ibens"', 'programme_manager = "Hans"', 1
        )
    )
    with pytest.raises(
        ValidationProblem, match="themes\\[0\\].programme_manager: unknown member 'Hans'"
    ):
        setup.init_from_text(tmp_path / "b.db", bad.read_text(), str(bad), fixed_now)
    assert list(tmp_path.iterdir()) == [bad]


def test_json_dump_restores_exactly(open_demo, tmp_path):
    dump = setup.dump_board(open_demo())
    source = tmp_path / "board.json"
    source.write_text(json.dumps(dump))
    restored = setup.init_from_json(
        tmp_path / "restored.db", source.read_text(), str(source), fixed_now
    )
    assert setup.dump_board(restored) == dump
    assert dump["tables"]["event_log"] and len(dump["tables"]) == 36
    from boardroom.services.integrity import verify

    assert verify(restored.database).ok  # a restored board still verifies
    restored.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "other"}', "not a boardroom board dump"),
        ('{"format": "boardroom-board", "schema_version": 99, "tables": {}}', "schema_version 99"),
        (
            '{"format": "boardroom-board", "schema_version": 3, "tables": {"nope": []}}',
            "unknown table 'nope'",
        ),
        (
            '{"format": "boardroom-board", "schema_version": 3, "tables": {"boards": []}}',
            "exactly one board",
        ),
    ],
)
def test_a_bad_dump_is_refused_and_writes_nothing(tmp_path, content, message):
    source = tmp_path / "d.json"
    source.write_text(content)
    with pytest.raises(ValidationProblem, match=message):
        setup.init_from_json(tmp_path / "r.db", source.read_text(), str(source), fixed_now)
    assert not (tmp_path / "r.db").exists()


def test_a_dump_with_a_dangling_reference_is_refused(open_demo, tmp_path):
    dump = setup.dump_board(open_demo())
    dump["tables"]["members"][0]["perspective_id"] = 999
    source = tmp_path / "d.json"
    source.write_text(json.dumps(dump))
    with pytest.raises(ValidationProblem, match="refers to a missing perspectives row"):
        setup.init_from_json(tmp_path / "r.db", source.read_text(), str(source), fixed_now)
    assert not (tmp_path / "r.db").exists()


def test_check_reports_integrity_and_version(demo_path):
    report = setup.check_database(demo_path)
    assert (report.integrity, report.schema_version, report.foreign_key_problems, report.ok) == (
        "ok",
        LATEST,
        0,
        True,
    )


def test_backup_is_consistent_while_another_connection_writes(demo_path, tmp_path):
    writer = open_session(demo_path, fixed_now, as_name="Els Verhoeven")
    stop = threading.Event()

    def keep_writing():
        n = 0
        while not stop.is_set():
            writer.repo.insert(
                "action_updates", {"action_id": 1, "noted_on": "2026-11-24", "note": f"u{n}"}
            )
            n += 1

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        target = setup.backup_database(demo_path, tmp_path / "copy.db")
    finally:
        stop.set()
        thread.join()
        writer.close()
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    updates = copy.execute("SELECT count(*) FROM action_updates").fetchone()[0]
    logged = copy.execute(
        "SELECT count(*) FROM event_log WHERE table_name = 'action_updates' AND operation = 'insert'"
    ).fetchone()[0]
    assert updates == logged  # each update and its log entry arrive together or not at all
    copy.close()
    with pytest.raises(StorageProblem, match="target exists already"):
        setup.backup_database(demo_path, target)
