"""Creating a board (from a board file or a JSON dump), checking, backing up and dumping it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from boardroom.domain.boardfile import BoardFile, parse_board_file
from boardroom.domain.clock import Clock
from boardroom.domain.errors import BoardroomError, StorageProblem, ValidationProblem
from boardroom.services.session import Session, open_session
from boardroom.storage.migrations import backup_to, schema_version
from boardroom.storage.schema import LATEST, TABLES

DUMP_FORMAT = "boardroom-board"


def _refuse_existing(db_path: Path) -> None:
    if db_path.exists() and db_path.stat().st_size > 0:
        raise StorageProblem("a database exists here already; choose a new path", str(db_path))


def _fresh_session(db_path: Path, now: Clock) -> Session:
    """A new database file; removed again if anything fails before the board is written."""
    _refuse_existing(db_path)
    return open_session(db_path, now, create=True, system=True)


def _discard(session: Session, db_path: Path) -> None:
    session.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


def create_board(session: Session, plan: BoardFile) -> int:
    """Write a checked board file into an empty database, in one transaction."""
    repo = session.repo
    with session.database.transaction():
        board_id = repo.insert(
            "boards", {**plan.board.model_dump(mode="json"), "accent": plan.style.accent}
        )
        perspective_ids: dict[str, int] = {}
        for position, perspective in enumerate(plan.perspectives, start=1):
            perspective_ids[perspective.name.casefold()] = repo.insert(
                "perspectives", {**perspective.model_dump(mode="json"), "position": position}
            )
        member_ids: dict[str, int] = {}
        for seat, member in enumerate(plan.members, start=1):
            values = member.model_dump(mode="json", exclude={"perspective"})
            values["roles"] = json.dumps(values["roles"])
            values["perspective_id"] = (
                perspective_ids[member.perspective.casefold()] if member.perspective else None
            )
            member_ids[member.name.casefold()] = repo.insert(
                "members", {**values, "seat_order": seat}
            )
        for entry in plan.themes:
            theme_id = repo.insert(
                "themes",
                {
                    "name": entry.name,
                    "programme_manager_id": member_ids.get(
                        (entry.programme_manager or "").casefold()
                    ),
                    "target_slots": entry.slots_per_year,
                    "preferred_months": json.dumps(sorted(set(entry.preferred_months))),
                    "colour": entry.colour,
                    "active": entry.active,
                },
            )
            for holder in entry.portfolio_holders:
                repo.insert(
                    "theme_holders",
                    {"theme_id": theme_id, "member_id": member_ids[holder.casefold()]},
                )
        for table, texts in (
            ("behaviour_rules", plan.behaviour_rules),
            ("leading_principles", plan.leading_principles),
        ):
            for position, text in enumerate(texts, start=1):
                repo.insert(table, {"text": text, "position": position, "active": True})
    return board_id


#: reads a file a board file names (as written there, relative to the board file), for the
#: field that names it: the face's, which knows where the board file is and what it may open
StyleReader = Callable[[str, str], bytes]


def init_from_text(
    db_path: Path, text: str, source: str, now: Clock, read: StyleReader | None = None
) -> Session:
    """Create a new database holding the board a board file describes (`source` names the
    file in messages); its [style] files are read with `read`."""
    from boardroom.services.style import StyleFile, set_style

    plan = parse_board_file(text, source)
    named = plan.style.files()
    if named and read is None:
        raise ValidationProblem(
            "this board file names style files; create the board from the file on its host",
            f"{source}: style",
        )
    session = _fresh_session(db_path, now)
    try:
        create_board(session, plan)
        if named and read is not None:
            files = {
                part: StyleFile(Path(name).name, read(name, f"{source}: style.{part}"))
                for part, name in named.items()
            }
            set_style(session, files=files)
    except BaseException:
        _discard(session, db_path)
        raise
    return session


# -- JSON dump and restore -------------------------------------------------------------------


def dump_board(session: Session) -> dict[str, Any]:
    """Every table, every row: what `init --from-json` restores exactly."""
    return {
        "format": DUMP_FORMAT,
        "schema_version": schema_version(session.database),
        "tables": session.repo.dump(),
    }


def _check_dump(data: Any, source: str) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(data, dict) or data.get("format") != DUMP_FORMAT:
        raise ValidationProblem(
            f'not a boardroom board dump ("format" must be {DUMP_FORMAT!r})', source
        )
    version = data.get("schema_version")
    if not isinstance(version, int) or version > LATEST:
        raise ValidationProblem(
            f"schema_version {version!r} is not one this boardroom can restore (<= {LATEST})",
            source,
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise ValidationProblem('"tables" must be an object of table name → rows', source)
    for name, rows in tables.items():
        if name not in TABLES:
            raise ValidationProblem(f"unknown table {name!r}", f"{source}: tables")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ValidationProblem("must be a list of row objects", f"{source}: tables.{name}")
    if len(tables.get("boards", [])) != 1:
        raise ValidationProblem("must hold exactly one board", f"{source}: tables.boards")
    return tables


def init_from_json(db_path: Path, text: str, source: str, now: Clock) -> Session:
    """Restore a JSON dump into a new database, exactly (`source` names the file in
    messages)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationProblem(
            f"not valid JSON: {error.msg}", f"{source}:{error.lineno}"
        ) from None
    tables = _check_dump(data, source)
    session = _fresh_session(db_path, now)
    try:
        session.repo.load(tables)
    except BoardroomError as error:
        _discard(session, db_path)
        raise ValidationProblem(error.message, f"{source}: {error.where}") from None
    except BaseException:
        _discard(session, db_path)
        raise
    return session


# -- check and backup ------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckReport:
    integrity: str
    schema_version: int
    latest: int
    foreign_key_problems: int

    @property
    def ok(self) -> bool:
        return (
            self.integrity == "ok"
            and self.schema_version == self.latest
            and not (self.foreign_key_problems)
        )


def check_database(db_path: Path) -> CheckReport:
    """SQLite's integrity check, foreign keys and the schema version, without migrating."""
    from boardroom.storage.db import Database

    database = Database(db_path)
    try:
        integrity, fk = database.integrity()
        version = schema_version(database)
    except Exception as error:  # a corrupt page shows up as any sqlite3 error
        raise StorageProblem(f"integrity check failed: {error}", str(db_path)) from None
    finally:
        database.close()
    return CheckReport(integrity, version, LATEST, fk)


def backup_database(db_path: Path, target: Path) -> Path:
    """A consistent copy while the app may have the database open (SQLite online backup)."""
    from boardroom.storage.db import Database

    if not target.parent.exists() or not os.access(target.parent, os.W_OK):
        raise StorageProblem("folder does not exist or is not writable", str(target.parent))
    database = Database(db_path)
    try:
        return backup_to(database, target)
    finally:
        database.close()
