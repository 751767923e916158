"""Migration 9: papers attached as paths on the secretary's disk are taken into the board
where the file is still there and unchanged; the others stay listed, with where they were."""

from __future__ import annotations

import hashlib

from boardroom.services.integrity import verify
from boardroom.storage.db import Database
from boardroom.storage.migrations import migrate
from boardroom.storage.repo import Repo
from tests.conftest import fixed_now, stamp


def test_found_files_are_taken_in_missing_and_changed_ones_are_listed(tmp_path):
    found, changed, gone = (tmp_path / n for n in ("monitor.pdf", "notitie.docx", "weg.pdf"))
    found.write_bytes(b"%PDF-1.4 monitor")
    changed.write_bytes(b"versie 1")
    gone.write_bytes(b"weg")
    database = Database(tmp_path / "old.db", create=True)
    migrate(database, fixed_now, target=8)
    repo = Repo(
        database, actor="Els Verhoeven", clock=stamp
    )  # boardroom 0.1 attached papers by path
    meeting = repo.insert("meetings", {"starts_at": "2026-12-10T15:00"})
    item = repo.insert("agenda_items", {"meeting_id": meeting, "position": 1, "title": "Wonen"})
    ids = {}
    for path in (found, changed, gone):
        data = path.read_bytes()
        ids[path.name] = repo.insert(
            "papers",
            {
                "agenda_item_id": item,
                "title": path.stem,
                "path": str(path),
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
            },
        )
    changed.write_bytes(b"versie 2, na het toevoegen gewijzigd")
    gone.unlink()

    assert migrate(database, fixed_now) == [9, 10, 11, 12, 13, 14, 15, 16]
    assert list(tmp_path.glob("old.db.v8-*.bak"))  # backed up first
    stored = {
        r["sha256"]: bytes(r["content"])
        for r in repo.query("SELECT sha256, content FROM paper_contents")
    }
    assert stored == {hashlib.sha256(b"%PDF-1.4 monitor").hexdigest(): b"%PDF-1.4 monitor"}
    papers = {
        r["title"]: (r["file_name"], r["media_type"], r["path"])
        for r in repo.query("SELECT * FROM papers ORDER BY id")
    }
    assert papers == {  # nothing dropped; each keeps where it was attached from
        "monitor": ("monitor.pdf", "application/pdf", str(found)),
        "notitie": (
            "notitie.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            str(changed),
        ),
        "weg": ("weg.pdf", "application/pdf", str(gone)),
    }
    logged = repo.query("SELECT row_id FROM event_log WHERE actor = 'migration 9' ORDER BY id")
    assert [r["row_id"] for r in logged] == list(ids.values())
    report = verify(database)
    assert report.ok and report.papers == 1, report.problems
    database.close()
