"""Opening the board's SQLite file: WAL, foreign keys, busy timeout, mode 0600, transactions.

Every user change runs in one `transaction()` and is committed (synchronous=FULL) before the
call returns, so closing the lid or killing the process loses nothing that was on screen.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

try:
    import fcntl
except ImportError:  # Windows: SQLite's own locking only
    fcntl = None  # type: ignore[assignment]

from boardroom.domain.errors import StorageProblem

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 10_000


def _create_private_file(path: Path) -> None:
    """Create the database file with mode 0600 before SQLite touches it."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def give_to_owner(path: Path, database: Path) -> None:
    """A file or folder made beside the database by root (the host's owner at work) belongs
    to the database's owner, as SQLite does with its own -wal and -shm files."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    try:
        owner = database.stat()
        if path.stat().st_uid != owner.st_uid:
            os.chown(path, owner.st_uid, owner.st_gid)
    except OSError:
        pass  # the database's own files are what matters; SQLite says when those fail


def _lock_problem(path: Path, error: OSError) -> str:
    """Why the writer lock could not be opened, with whose file it is when that is why."""
    try:
        import pwd

        holder = pwd.getpwuid(path.stat().st_uid).pw_name
        me = pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError, OSError):
        holder = me = ""
    if holder and holder != me:
        return (
            f"cannot open the writer lock: it belongs to {holder}, not to {me} — remove the"
            f" file (it holds no data) or run boardroom as {holder}"
        )
    return f"cannot open the writer lock ({(error.strerror or str(error)).lower()})"


class Database:
    """One board's database: a sqlite3 connection in autocommit mode with explicit transactions."""

    def __init__(self, path: str | Path, *, create: bool = False) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self._check_path(create)
        try:
            self.conn = sqlite3.connect(
                str(self.path), isolation_level=None, check_same_thread=False, timeout=10
            )
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if str(path) != ":memory:":
                mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise StorageProblem(f"cannot use WAL journal mode (got {mode})", str(path))
            self.conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as error:
            raise StorageProblem(f"not a usable SQLite database ({error})", str(path)) from None
        self._db: sqlite_utils.Database | None = None
        #: asked at the start of every write transaction, under the write lock, with what
        #: others committed before it in view; raising refuses the write whole (over SSH:
        #: is the key that logged in still bound to an active member?)
        self.before_write: Callable[[sqlite3.Connection], None] | None = None
        self._lock_fd = self._open_lock_file()

    def _open_lock_file(self) -> int | None:
        """The writer queue's lock file beside the database, with the database's owner (so a
        run as root on the host leaves nothing the board's account cannot open). When it
        cannot be opened, say so: without it the queue would silently be one writer short."""
        if str(self.path) == ":memory:" or fcntl is None:
            return None
        path = Path(f"{self.path}-writer")
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            self.conn.close()
            raise StorageProblem(_lock_problem(path, error), str(path)) from None
        give_to_owner(path, self.path)
        return fd

    def _check_path(self, create: bool) -> None:
        if self.path.is_dir():
            raise StorageProblem("is a directory, not a database file", str(self.path))
        if self.path.exists():
            if not os.access(self.path, os.R_OK | os.W_OK):
                raise StorageProblem("cannot read and write this file", str(self.path))
            return
        if not create:
            raise StorageProblem(
                "no database here (create one with `boardroom init`)", str(self.path)
            )
        parent = self.path.parent
        if not parent.exists():
            try:
                parent.mkdir(parents=True, mode=0o700)
            except OSError as error:
                raise StorageProblem(
                    f"cannot create folder ({error.strerror})", str(parent)
                ) from None
        try:
            _create_private_file(self.path)
        except OSError as error:
            raise StorageProblem(f"cannot create file ({error.strerror})", str(self.path)) from None

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils on the same connection, imported on the first write (start-up time)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT; nested calls join the outer transaction."""
        if self.conn.in_transaction:
            yield self.conn
            return
        with self._writer_turn():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if self.before_write is not None:
                    self.before_write(self.conn)
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    @contextlib.contextmanager
    def _writer_turn(self) -> Iterator[None]:
        """Writers on one host queue for their turn on an OS file lock beside the database.

        SQLite alone lets a waiting writer sleep ever longer (its busy handler: 1, 2, 5 …
        100 ms) and try again, so with many sessions writing at once one can lose every race
        for ten seconds and fail with "database is locked" (bench/shared.py: 3 in 19,448
        writes at 320 writes a second). Here a waiter looks again every 2 ms at most, so the
        lock goes round. Waiting stays bounded (BUSY_TIMEOUT_MS), after which SQLite's own
        locking decides; without the lock file (a read-only folder, no fcntl) that holds too."""
        if self._lock_fd is None:
            yield
            return
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        pause = 0.0001
        while True:
            try:
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    yield  # SQLite's busy timeout decides, and says so
                    return
                time.sleep(pause)
                pause = min(pause * 2, 0.002)
        try:
            yield
        finally:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def integrity(self) -> tuple[str, int]:
        """SQLite's integrity check ("ok", or its first problems) and how many foreign keys
        point nowhere."""
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        verdict = "ok" if rows == [("ok",)] else "; ".join(r[0] for r in rows[:5])
        return verdict, len(self.conn.execute("PRAGMA foreign_key_check").fetchall())

    def data_version(self) -> int:
        """SQLite's counter of commits by *other* connections to this file: it changes when
        someone else wrote, and costs no read of the database (PRAGMA data_version)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def change_mark(self) -> tuple[int, int]:
        """What changes whenever the board's data may have: commits by other connections
        (PRAGMA data_version) and rows this connection changed (total_changes). Reads
        nothing from the file."""
        return self.data_version(), self.conn.total_changes

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
