"""Keeping the record safe (docs/architecture.md §9): the board's replica, checked to be this board's
before anything is sent to it, kept current by Litestream while the app or `boardroom
replicate` runs, and a board restored from it (latest, or as it stood at a moment) and
verified before anyone uses it.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from boardroom.domain.clock import Clock, read_moment, shown_moment
from boardroom.domain.errors import Conflict, StorageProblem, ValidationProblem
from boardroom.services.integrity import VerifyReport, verify
from boardroom.storage import litestream
from boardroom.storage.db import Database, give_to_owner
from boardroom.storage.migrations import open_board_db
from boardroom.storage.repo import Repo


def config_folder(db_path: Path) -> Path:
    """Litestream's configuration for a board lives beside it (as Litestream's own state)."""
    return db_path.resolve().parent / f".{db_path.name}-replica"


def _identity(path: Path) -> tuple[tuple[str, str] | None, str]:
    """(the board's name and creation time, the event log's chain head) of a board file."""
    database = Database(path)
    try:
        repo = Repo(database)
        return repo.board_identity(), repo.chain_head()
    finally:
        database.close()


def check_replica(
    db_path: Path, replica: litestream.Replica, history: litestream.History = litestream.HISTORY
) -> Path:
    """Refuse a replica that cannot be reached or that holds another board (Litestream would
    mix the two records); returns the configuration to replicate with."""
    config = litestream.write_config(db_path, replica, config_folder(db_path), history)
    try:
        if not litestream.replica_files(config, db_path):
            return config  # empty: this board's first replication
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "replica.db"
            litestream.restore(litestream.write_config(copy, replica, Path(folder)), copy, None)
            theirs, their_head = _identity(copy)
    except StorageProblem as problem:
        raise StorageProblem(problem.message, replica.label) from None
    database = Database(db_path)
    try:
        repo = Repo(database)
        ours = repo.board_identity()
        same_record = their_head == "" or repo.has_event_hash(their_head)
    finally:
        database.close()
    if theirs != ours or not same_record:
        name = theirs[0] if theirs else "not a boardroom board"
        raise Conflict(
            f"this replica holds another record ({name}); give this board its own, empty replica",
            replica.label,
        )
    return config


def history(days: float | None) -> litestream.History:
    """How far back the replica reaches: `days` (the faces' --days or replica_days), else the
    default thirty."""
    if days is None:
        return litestream.HISTORY
    if not 1 <= days <= 3650:
        raise ValidationProblem(f"keep the history 1 to 3650 days, not {days:g}", "--days")
    return replace(litestream.HISTORY, keep_days=days)


class Replication:
    """One board's replication while the app (or `boardroom replicate`) runs."""

    def __init__(
        self,
        db_path: Path,
        replica: litestream.Replica,
        history: litestream.History = litestream.HISTORY,
    ) -> None:
        self.db_path = db_path
        self.replica = replica
        self.history = history
        self.replicator: litestream.Replicator | None = None
        self.problem: str | None = None  # why it could not start
        self.elsewhere = False  # another process on this machine replicates this board
        self._lock: int | None = None

    def start(self) -> None:
        """Check the replica, then start Litestream; the reason is kept when it cannot start.
        One Litestream per board file: a second app on the same machine leaves it to the
        first (a lock file beside Litestream's configuration)."""
        folder = config_folder(self.db_path)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        give_to_owner(folder, self.db_path)
        self._lock = os.open(folder / "running.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.problem = None
            self.elsewhere = True
            return
        try:
            config = check_replica(self.db_path, self.replica, self.history)
        except (StorageProblem, Conflict) as error:
            self.problem = error.message
            raise
        self.replicator = litestream.Replicator(config)
        self.replicator.start()

    def state(self) -> litestream.ReplicaState:
        if self.replicator is None:
            return litestream.ReplicaState(error=self.problem)
        return self.replicator.snapshot()

    def stop(self) -> None:
        if self.replicator is not None:
            self.replicator.stop()
        if self._lock is not None:
            os.close(self._lock)  # releases the lock
            self._lock = None


@dataclass(frozen=True)
class Restored:
    path: Path
    board: str
    report: VerifyReport
    #: the moment the restored board stood as, when a moment was asked for (Litestream keeps
    #: every commit for minutes, then the state at the end of each 30-second window)
    moment: dt.datetime | None = None


def parse_moment(text: str) -> dt.datetime:
    """`2026-12-10 16:05` (the board's time), or a moment copied from a log line with its zone
    (`2026-12-10 16:05:12 CET`), as UTC."""
    moment = read_moment(text)
    if moment is None:
        raise ValidationProblem(
            f"not a moment (YYYY-MM-DD HH:MM in the board's time, or with a zone): {text!r}",
            "--at",
        )
    return moment.astimezone(dt.UTC)


def restorable_span(replica: litestream.Replica) -> tuple[dt.datetime, dt.datetime]:
    """The first and the last moment the replica can restore the board as (UTC)."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "board.db"
        config = litestream.write_config(probe, replica, Path(folder))
        try:
            moments = litestream.replica_moments(config, probe)
        except StorageProblem as problem:
            raise StorageProblem(problem.message, replica.label) from None
    if not moments:
        raise StorageProblem(
            "the replica holds no board (an empty or wrong folder?)", replica.label
        )
    return moments


def restore_board(
    replica: litestream.Replica, target: Path, now: Clock, at: dt.datetime | None = None
) -> Restored:
    """The board from its replica into a new file (never over an existing one), as it stood
    at `at` or at its latest; then verified (an older board is migrated first, at `now`).
    Nothing of boardroom's or Litestream's is left beside it: the file alone."""
    if target.exists():
        raise StorageProblem("exists already; restore never overwrites a file", str(target))
    if not target.parent.is_dir():
        raise StorageProblem("no such folder", str(target.parent))
    moment = None
    with tempfile.TemporaryDirectory() as folder:
        config = litestream.write_config(target, replica, Path(folder))
        try:
            moments = litestream.replica_moments(config, target)
            if not moments:
                raise StorageProblem("the replica holds no board (an empty or wrong folder?)")
            if at is not None:
                _check_moment(at, moments)
                moment = litestream.restore_moment(config, target, at)
            litestream.restore(config, target, at)
        except StorageProblem as problem:
            _remove_beside(target, with_file=True)  # nothing half-written
            raise StorageProblem(problem.message, replica.label) from None
    _remove_beside(target)
    target.chmod(0o600)
    database = open_board_db(target, now)
    try:
        report = verify(database)
        identity = Repo(database).board_identity()
    finally:
        database.close()
    _remove_beside(target)
    return Restored(target, identity[0] if identity else "?", report, moment)


def _remove_beside(target: Path, *, with_file: bool = False) -> None:
    """SQLite's -wal and -shm, boardroom's writer lock and Litestream's state folder beside a
    restored file (none of them holds anything once the file is closed)."""
    import shutil

    for suffix in ("-wal", "-shm", "-writer", *([""] if with_file else [])):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(target.with_name(f".{target.name}-litestream"), ignore_errors=True)


def _check_moment(at: dt.datetime, moments: tuple[dt.datetime, dt.datetime]) -> None:
    """A moment before the replica's first is refused; one after its last change is the board
    as that change left it (the restore says which moment that was)."""
    first, _last = moments
    if at < first:
        raise ValidationProblem(
            f"before the first moment the replica holds ({shown_moment(first)})", "--at"
        )
