"""Papers kept in the board: each file's bytes once, under its sha256 (content-addressed), so
papers are shared, replicated and backed up with the rest of the record.

`paper_contents` is not in the event log (a 20 MB paper would be copied into it); it needs no
log, for its key is its hash: `verify` hashes every stored content again, and a paper row —
logged like every row — names the sha256 it was attached with.
"""

from __future__ import annotations

import mimetypes
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from boardroom.storage.migration_log import MigrationLog, rows

CONTENTS_TABLE = """CREATE TABLE paper_contents (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    created_at TEXT NOT NULL
)"""


def media_type(file_name: str, head: bytes = b"") -> str:
    """The media type from the content where it says (a PDF), else from the name."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    return mimetypes.guess_type(file_name)[0] or "application/octet-stream"


def store(conn: sqlite3.Connection, content: bytes, now: str) -> tuple[str, bool]:
    """Keep the bytes under their sha256; returns it, and whether they were new."""
    from hashlib import sha256  # not on the start-up path (1.5 ms)

    digest = sha256(content).hexdigest()
    cursor = conn.execute(
        "INSERT OR IGNORE INTO paper_contents (sha256, size, content, created_at)"
        " VALUES (?, ?, ?, ?)",
        (digest, len(content), content, now),
    )
    return digest, cursor.rowcount == 1


def take_in_files(conn: sqlite3.Connection, now: str) -> None:
    """Migration 9: every paper's file that is still where it was attached, with the sha256 it
    was attached with, goes into the board; each paper gets its file name and media type
    (logged). A file that is gone or has changed since stays out: its paper shows
    "not stored" with the path it had, and nothing is dropped."""
    from hashlib import sha256

    log = MigrationLog(conn, "migration 9", now)
    for paper in rows(conn, "SELECT * FROM papers ORDER BY id"):
        path = Path(paper["path"])
        head = b""
        try:
            content = path.read_bytes()
        except OSError:
            content = None
        if content is not None and sha256(content).hexdigest() == paper["sha256"]:
            store(conn, content, log.now)
            head = content[:8]
        log.update(
            "papers",
            paper,
            {"file_name": path.name, "media_type": media_type(path.name, head)},
        )


class PaperStore:
    """The repository's papers: their stored bytes, and each paper with its item's number."""

    conn: sqlite3.Connection

    def store_paper_content(self, content: bytes, now: str) -> tuple[str, bool]:
        return store(self.conn, content, now)

    def paper_content(self, sha256: str) -> bytes | None:
        row = self.conn.execute(
            "SELECT content FROM paper_contents WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def iter_paper_contents(self) -> Iterator[tuple[str, int, bytes]]:
        """(sha256, size, bytes) of every stored paper, one at a time (for `verify`)."""
        for sha256, size, content in self.conn.execute(
            "SELECT sha256, size, content FROM paper_contents ORDER BY sha256"
        ):
            yield sha256, size, bytes(content)
