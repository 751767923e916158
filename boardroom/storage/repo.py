"""Reading and writing rows; the only place with SQL. Every write is logged in `event_log`.

The event log is append-only: for each insert, update or delete it keeps when, who (the
app's user), the table and row, and the row before and after, as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast, overload

from boardroom.domain.chain import event_hash
from boardroom.domain.errors import Conflict, NotFound, StaleEdit, StorageProblem
from boardroom.storage import key_reads
from boardroom.storage.db import Database
from boardroom.storage.meeting_reads import MeetingReads
from boardroom.storage.paper_store import PaperStore
from boardroom.storage.plan_reads import PlanReads
from boardroom.storage.record_reads import RecordReads, SealReads
from boardroom.storage.schema import TABLES
from boardroom.storage.werkagenda_reads import WerkagendaReads
from boardroom.storage.year_reads import YearReads

if TYPE_CHECKING:
    from pydantic import BaseModel

    from boardroom.domain import models as m

JSON_COLUMNS = {
    "members": {"roles"},
    "themes": {"preferred_months"},
    "rounds": {"voter_order"},
    "decisions": {"outcome"},
    "result_agreements": {"parties"},
    "evaluations": {"comments"},
    "passkeys": {"transports"},
}


@cache
def table_models() -> dict[str, type[m.Record]]:
    """table → model. Imported on first use: the start-up path reads plain rows only."""
    from boardroom.domain import models as m

    return {
        "boards": m.Board,
        "perspectives": m.Perspective,
        "members": m.Member,
        "themes": m.Theme,
        "behaviour_rules": m.BehaviourRule,
        "leading_principles": m.LeadingPrinciple,
        "meetings": m.Meeting,
        "agenda_items": m.AgendaItem,
        "agenda_requests": m.AgendaRequest,
        "papers": m.Paper,
        "attendance": m.Attendance,
        "proposals": m.Proposal,
        "proposal_versions": m.ProposalVersion,
        "rounds": m.Round,
        "ballots": m.Ballot,
        "consent_answers": m.ConsentAnswer,
        "floor_requests": m.FloorRequest,
        "decisions": m.Decision,
        "actions": m.Action,
        "action_updates": m.ActionUpdate,
        "behaviour_checks": m.BehaviourCheck,
        "interest_rounds": m.InterestRound,
        "result_agreements": m.ResultAgreement,
        "kpis": m.Kpi,
        "kpi_measurements": m.Measurement,
        "evaluation_statements": m.EvaluationStatement,
        "evaluations": m.Evaluation,
        "evaluation_counts": m.EvaluationCount,
        "item_notes": m.ItemNote,
        "invitations": m.Invitation,
        "passkeys": m.Passkey,
    }


R = TypeVar("R", bound="m.Record")
RuleTable = Literal["behaviour_rules", "leading_principles"]


@cache
def _tables_of() -> dict[type[m.Record], str]:
    return {kind: table for table, kind in table_models().items()}


def table_of(kind: type[m.Record]) -> str:
    """The table that keeps the records of `kind`."""
    return _tables_of()[kind]


def _no_clock() -> str:
    raise RuntimeError("this Repo was opened to read: give it a clock to write")


def to_row(table: str, model: BaseModel) -> dict[str, Any]:
    """A model as a row: enums as values, dates as ISO text, lists as JSON."""
    row = model.model_dump(mode="json", exclude={"id", "created_at", "updated_at"})
    if table == "decisions":  # its outcome's facts, only those known (as DecisionOutcome stores)
        row["outcome"] = json.loads(model.outcome.to_json())  # type: ignore[attr-defined]
    for column in JSON_COLUMNS.get(table, ()):
        if column in row:
            row[column] = json.dumps(row[column])
    return row


def from_row(table: str, row: dict[str, Any]) -> Any:
    """A row as its model."""
    values = dict(row)
    for column in JSON_COLUMNS.get(table, ()):
        if isinstance(values.get(column), str):
            values[column] = json.loads(values[column])
    return table_models()[table].model_validate(values)


def _friendly(error: sqlite3.IntegrityError, table: str) -> Conflict:
    text = str(error)
    if "UNIQUE" in text:
        column = text.rsplit(".", 1)[-1]
        return Conflict(
            f"a {table.rstrip('s').replace('_', ' ')} with this {column} exists already"
        )
    if "FOREIGN KEY" in text:
        return Conflict(
            f"this {table.rstrip('s').replace('_', ' ')} is still referred to elsewhere"
        )
    return Conflict(f"{table}: {text}")


class Repo(MeetingReads, PaperStore, PlanReads, RecordReads, SealReads, WerkagendaReads, YearReads):
    """Rows in, rows out, with the event log written in the same transaction."""

    def __init__(
        self, database: Database, actor: str = "system", clock: Callable[[], str] = _no_clock
    ) -> None:
        """`clock` gives the moment of each write (UTC, ISO 8601), from the session's clock; a
        Repo made without one only reads."""
        self.database = database
        self.conn = database.conn
        self.actor = actor
        self.clock = clock
        self._references: dict[str, list[tuple[str, str, str]]] | None = None
        #: lists read often and changed rarely (members, perspectives), with the change mark
        #: they were read at
        self._memo: dict[str, tuple[tuple[int, int], list[Any]]] = {}

    # -- writing -------------------------------------------------------------------------

    def _log(self, operation: str, table: str, row_id: int, before: Any, after: Any) -> None:
        """Append to the event log, chained to the previous entry (see `verify`)."""
        now = self.clock()
        event = {
            "at": now,
            "actor": self.actor,
            "operation": operation,
            "table_name": table,
            "row_id": row_id,
            "before": None if before is None else json.dumps(before, sort_keys=True),
            "after": None if after is None else json.dumps(after, sort_keys=True),
        }
        previous = self.chain_head()
        self.conn.execute(
            "INSERT INTO event_log (at, actor, operation, table_name, row_id, before, after,"
            " hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*event.values(), event_hash(previous, event), now, now),
        )

    def insert(self, table: str, values: dict[str, Any] | BaseModel) -> int:
        """Insert a row (a dict or a model), log it, return its id."""
        row = dict(values) if isinstance(values, dict) else to_row(table, values)
        now = self.clock()
        row.setdefault("created_at", now)
        row["updated_at"] = now
        with self.database.transaction():
            try:
                row_id = int(self.database.db.table(table).insert(row).last_pk or 0)
            except sqlite3.IntegrityError as error:
                raise _friendly(error, table) from None
            self._log("insert", table, row_id, None, self.get(table, row_id))
        return row_id

    def insert_many(self, table: str, rows: list[dict[str, Any]]) -> list[int]:
        """Insert rows of one table (SQL-ready values, as `to_row` makes them), each logged
        exactly as `insert` logs it, in one transaction. Plain SQL: sqlite-utils' insert looks
        at the table on every row (eight statements a row), which made loading a file of
        10,000 figures take 3.6 s."""
        now = self.clock()
        ids = []
        with self.database.transaction():
            for values in rows:
                row = {**values, "created_at": values.get("created_at", now), "updated_at": now}
                sql = f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
                try:
                    row_id = int(self.conn.execute(sql, tuple(row.values())).lastrowid or 0)
                except sqlite3.IntegrityError as error:
                    raise _friendly(error, table) from None
                self._log("insert", table, row_id, None, self.get(table, row_id))
                ids.append(row_id)
        return ids

    def update(
        self, table: str, row_id: int, changes: dict[str, Any], *, seen: int | None = None
    ) -> dict[str, Any]:
        """Change some columns of a row, log before and after, return the new row.

        `seen`: the row's version (see `version`) when the user began to edit it; when another
        session has changed the row since, the update is refused (StaleEdit) and nothing is
        written, so no one's change is overwritten silently."""
        with self.database.transaction():
            if seen is not None:
                self.check_unchanged(table, row_id, seen)
            before = self.get(table, row_id)
            changes = {k: v for k, v in changes.items() if before.get(k) != v}
            if not changes:
                return before
            changes["updated_at"] = self.clock()
            try:
                self.database.db.table(table).update(row_id, changes)
            except sqlite3.IntegrityError as error:
                raise _friendly(error, table) from None
            after = self.get(table, row_id)
            self._log("update", table, row_id, before, after)
        return after

    def delete(self, table: str, row_id: int) -> None:
        """Delete a row and log it. What the schema would cascade (rows deleted with it, or
        references set to NULL) is done first, row by row and logged too: the log sees every
        row a write removes or changes, so `verify` holds after any delete."""
        with self.database.transaction():
            before = self.get(table, row_id)
            for child, column, action in self._dependents(table):
                ids = [
                    r[0]
                    for r in self.conn.execute(
                        f"SELECT id FROM {child} WHERE {column} = ? ORDER BY id", (row_id,)
                    )
                ]
                for child_id in ids:
                    if action == "CASCADE":
                        self.delete(child, child_id)
                    else:  # SET NULL
                        self.update(child, child_id, {column: None})
            try:
                self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
            except sqlite3.IntegrityError as error:
                raise _friendly(error, table) from None
            self._log("delete", table, row_id, before, None)

    def _dependents(self, table: str) -> list[tuple[str, str, str]]:
        """(child table, column, CASCADE or SET NULL) for every foreign key that a delete
        from `table` would act on by itself, read from the schema once per connection."""
        if self._references is None:
            self._references = {}
            names = [
                r[0]
                for r in self.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'"
                )
            ]
            for child in names:
                for key in self.conn.execute(f"PRAGMA foreign_key_list({child})"):
                    parent, column, on_delete = key[2], key[3], key[6]
                    if on_delete in ("CASCADE", "SET NULL"):
                        self._references.setdefault(parent, []).append((child, column, on_delete))
        return self._references.get(table, [])

    # -- versions (optimistic concurrency) -------------------------------------------------

    def version(self, table: str, row_id: int) -> int:
        """The row's version: the id of its last event in the log (0 for none). Every write
        logs an event in the same transaction, so a changed version means a changed row."""
        return int(
            self.scalar(
                "SELECT coalesce(max(id), 0) FROM event_log WHERE table_name = ? AND row_id = ?",
                (table, row_id),
            )
        )

    def rows_of(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of a table, in id order, read as it goes (for `verify`)."""
        if table not in TABLES:
            raise ValueError(f"not a table of the board: {table}")
        cursor = self.conn.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [c[0] for c in cursor.description]
        for values in cursor:
            yield dict(zip(names, values, strict=True))

    def row_versions(self, table: str, row_ids: Iterable[int]) -> dict[int, int]:
        """The version of each of some rows of a table, in one read (0 for a row never
        logged)."""
        ids = list(row_ids)
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        found = {
            row["row_id"]: row["version"]
            for row in self.query(
                "SELECT row_id, max(id) AS version FROM event_log WHERE table_name = ?"
                f" AND row_id IN ({marks}) GROUP BY row_id",
                (table, *ids),
            )
        }
        return {row_id: found.get(row_id, 0) for row_id in ids}

    def check_unchanged(self, table: str, row_id: int, seen: int) -> None:
        """StaleEdit (who changed it, when) unless the row is still at version `seen`."""
        if self.version(table, row_id) != seen:
            raise self.stale_edit(table, row_id)

    def stale_edit(self, table: str, row_id: int) -> StaleEdit:
        """The refusal of a save over someone else's later change of the row: who, when."""
        from boardroom.i18n.record import stale_message

        actor, at = self.last_change(table, row_id)
        return StaleEdit(actor, at, stale_message(actor, at))

    def last_change(self, table: str, row_id: int) -> tuple[str, str]:
        """Who last wrote the row, and when (UTC ISO text), from the event log."""
        rows = self.query(
            "SELECT actor, at FROM event_log WHERE table_name = ? AND row_id = ?"
            " ORDER BY id DESC LIMIT 1",
            (table, row_id),
        )
        return (rows[0]["actor"], rows[0]["at"]) if rows else ("?", "")

    # -- reading -------------------------------------------------------------------------

    def get(self, table: str, row_id: int) -> dict[str, Any]:
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        row = cursor.fetchone()
        if row is None:
            raise NotFound(f"no {table.rstrip('s').replace('_', ' ')} with id {row_id}")
        return dict(zip([c[0] for c in cursor.description], row, strict=True))

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, tuple(params))
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = self.conn.execute(sql, tuple(params)).fetchone()
        return None if row is None else row[0]

    def model(self, kind: type[R], row_id: int) -> R:
        """The record `row_id` of `kind` (NotFound if there is none)."""
        table = table_of(kind)
        return cast("R", from_row(table, self.get(table, row_id)))

    def models(
        self, table: str, where: str = "1", params: Iterable[Any] = (), order: str = "id"
    ) -> list[Any]:
        rows = self.query(f"SELECT * FROM {table} WHERE {where} ORDER BY {order}", params)
        return [from_row(table, row) for row in rows]

    # -- the board -----------------------------------------------------------------------

    def board(self) -> m.Board | None:
        rows = self.models("boards", order="id LIMIT 1")
        return rows[0] if rows else None

    def perspectives(self) -> list[m.Perspective]:
        return self._remembered("perspectives", "position, name")

    def members(self) -> list[m.Member]:
        """Every member, active or not, in seat order."""
        return self._remembered("members", "seat_order, name")

    def _remembered(self, table: str, order: str) -> list[Any]:
        """A whole small table, read again only when the board may have changed (a commit
        by anyone, a row written here): the console, the floor and the quorum each asked for
        every member at every commit of anyone — five reads and validations of the whole
        table in each of twenty open sessions. Inside a transaction it is read as it is (a
        change made there may yet be rolled back)."""
        if self.conn.in_transaction:
            return self.models(table, order=order)
        mark = self.database.change_mark()
        kept = self._memo.get(table)
        if kept is None or kept[0] != mark:
            kept = (mark, self.models(table, order=order))
            self._memo[table] = kept
        return list(kept[1])

    def active_members(self, on: dt.date) -> list[m.Member]:
        """The members active on a day, in seat order."""
        return [member for member in self.members() if member.is_active(on)]

    def member_by_name(self, name: str) -> m.Member | None:
        rows = self.models("members", "name = ? COLLATE NOCASE", (name.strip(),))
        return rows[0] if rows else None

    def themes(self) -> list[m.Theme]:
        return self.models("themes", order="name")

    def theme_holders(self) -> dict[int, list[int]]:
        """theme id → member ids of its portfolio holders."""
        holders: dict[int, list[int]] = {}
        for row in self.query("SELECT theme_id, member_id FROM theme_holders ORDER BY id"):
            holders.setdefault(row["theme_id"], []).append(row["member_id"])
        return holders

    def set_theme_holders(self, theme_id: int, member_ids: list[int]) -> None:
        with self.database.transaction():
            current = self.query(
                "SELECT id, member_id FROM theme_holders WHERE theme_id = ?", (theme_id,)
            )
            for row in current:
                if row["member_id"] not in member_ids:
                    self.delete("theme_holders", row["id"])
            have = {row["member_id"] for row in current}
            for member_id in member_ids:
                if member_id not in have:
                    self.insert("theme_holders", {"theme_id": theme_id, "member_id": member_id})

    # -- the record's identity (replicas) ------------------------------------------------

    def board_identity(self) -> tuple[str, str] | None:
        """The board's name and when it was made: which board a file holds."""
        row = self.conn.execute(
            "SELECT name, created_at FROM boards ORDER BY id LIMIT 1"
        ).fetchone()
        return (row[0], row[1]) if row else None

    def chain_head(self) -> str:
        """The last link of the event log's hash chain ("" for an empty log)."""
        return str(self.scalar("SELECT hash FROM event_log ORDER BY id DESC LIMIT 1") or "")

    def has_event_hash(self, link: str) -> bool:
        """Whether this record's event log holds a chain link (another copy's head)."""
        return self.scalar("SELECT 1 FROM event_log WHERE hash = ? LIMIT 1", (link,)) is not None

    # -- access over SSH -----------------------------------------------------------------

    def key_rows(self) -> list[dict[str, Any]]:
        """Every bound key with its member's name, and who added it."""
        return self.query(
            "SELECT k.id, k.member_id, m.name AS member, k.algorithm, k.fingerprint, k.comment,"
            " k.public_key, k.created_at, a.name AS added_by"
            " FROM member_keys k JOIN members m ON m.id = k.member_id"
            " LEFT JOIN members a ON a.id = k.added_by_id ORDER BY m.seat_order, m.name, k.id"
        )

    def key_access(self, fingerprint: str, day: dt.date) -> tuple[int, str, bool] | None:
        """(member id, name, active on `day`) of the member a key is bound to (key_reads)."""
        return key_reads.key_access(self.conn, fingerprint, day)

    def active_keys(self, day: dt.date) -> list[tuple[str, str, str]]:
        """(fingerprint, public key, member) of every key that opens the board on `day`."""
        return key_reads.active_keys(self.conn, day)

    # -- access in the browser: invitations and passkeys ----------------------------------

    def invitation_by_token(self, token_sha256: str) -> m.Invitation | None:
        """The invitation whose token hashes so, if any."""
        rows = self.models("invitations", "token_sha256 = ?", (token_sha256,))
        return rows[0] if rows else None

    def invitation_rows(self) -> list[dict[str, Any]]:
        """Every invitation with its member's name and who gave it, newest first."""
        return self.query(
            "SELECT i.*, m.name AS member, a.name AS invited_by FROM invitations i"
            " JOIN members m ON m.id = i.member_id"
            " LEFT JOIN members a ON a.id = i.invited_by_id ORDER BY i.id DESC"
        )

    def passkey_by_credential(self, credential_id: str) -> m.Passkey | None:
        """The passkey with this credential id (base64url), if any."""
        rows = self.models("passkeys", "credential_id = ?", (credential_id,))
        return rows[0] if rows else None

    def passkeys_of(self, member_id: int) -> list[m.Passkey]:
        return self.models("passkeys", "member_id = ?", (member_id,))

    def passkey(self, passkey_id: int) -> m.Passkey | None:
        rows = self.models("passkeys", "id = ?", (passkey_id,))
        return rows[0] if rows else None

    def passkey_rows(self) -> list[dict[str, Any]]:
        """Every passkey with its member's name and whose invitation it was made with."""
        return self.query(
            "SELECT p.*, m.name AS member, a.name AS invited_by FROM passkeys p"
            " JOIN members m ON m.id = p.member_id"
            " LEFT JOIN invitations i ON i.id = p.invitation_id"
            " LEFT JOIN members a ON a.id = i.invited_by_id ORDER BY m.seat_order, m.name, p.id"
        )

    def key_owner(self, fingerprint: str) -> str | None:
        """The name of the member a key is bound to, if any."""
        return self.scalar(  # type: ignore[no-any-return]
            "SELECT m.name FROM member_keys k JOIN members m ON m.id = k.member_id"
            " WHERE k.fingerprint = ?",
            (fingerprint,),
        )

    # -- small named questions the services ask ------------------------------------------

    def row_count(self, table: str) -> int:
        return int(self.scalar(f"SELECT count(*) FROM {table}"))

    def name_taken(self, table: str, name: str, except_id: int | None = None) -> bool:
        """Whether another row of `table` has this name (case does not matter)."""
        return (
            self.scalar(
                f"SELECT 1 FROM {table} WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
                (name, except_id),
            )
            is not None
        )

    def next_order(self, table: str, column: str = "position") -> int:
        """One past the highest position (or seat order) in a table: where a new row goes."""
        return int(self.scalar(f"SELECT coalesce(max({column}), 0) + 1 FROM {table}"))

    def members_in_perspective(self, perspective_id: int) -> int:
        return int(
            self.scalar("SELECT count(*) FROM members WHERE perspective_id = ?", (perspective_id,))
        )

    @overload
    def rules(
        self, table: Literal["leading_principles"], *, active_only: bool = False
    ) -> list[m.LeadingPrinciple]: ...
    @overload
    def rules(self, table: RuleTable, *, active_only: bool = False) -> list[m.BehaviourRule]: ...
    def rules(self, table: RuleTable, *, active_only: bool = False) -> list[Any]:
        """Behaviour rules or leading principles in their order."""
        return self.models(table, "active = 1" if active_only else "1", order="position, id")

    def active_theme_count(self) -> int:
        return int(self.scalar("SELECT count(*) FROM themes WHERE active = 1"))

    # -- plain rows for the start-up path (no model validation) ---------------------------

    def identity_rows(self) -> list[dict[str, Any]]:
        """id, name and roles (a list) of every member."""
        rows = self.query("SELECT id, name, roles FROM members ORDER BY seat_order, name")
        for row in rows:
            row["roles"] = json.loads(row["roles"])
        return rows

    def board_row(self) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM boards ORDER BY id LIMIT 1")
        return rows[0] if rows else None

    def meeting_rows(self, after: dt.datetime, *, open_only: bool, limit: int) -> list[dict]:
        """Meetings from `after` on, in date order (open ones: not closed or approved)."""
        status = "AND status NOT IN ('closed', 'minutes_approved')" if open_only else ""
        return self.query(
            "SELECT id, starts_at, location, status, duration_minutes FROM meetings"
            f" WHERE starts_at >= ? {status} ORDER BY starts_at LIMIT ?",
            (after.isoformat(timespec="minutes"), limit),
        )

    def meeting_in_progress_id(self) -> int | None:
        return self.scalar(  # type: ignore[no-any-return]
            "SELECT id FROM meetings WHERE status = 'in_progress' ORDER BY starts_at LIMIT 1"
        )

    def active_member_counts(self, on: dt.date, outer_circle_votes: bool) -> tuple[int, int]:
        """(active members, of whom voting members) on a date."""
        row = self.conn.execute(
            "SELECT count(*), coalesce(sum(perspective_id IS NOT NULL"
            " AND (? OR circle = 'inner')), 0) FROM members"
            " WHERE (active_from IS NULL OR active_from <= ?)"
            " AND (active_until IS NULL OR active_until >= ?)",
            (int(outer_circle_votes), on.isoformat(), on.isoformat()),
        ).fetchone()
        return int(row[0]), int(row[1])

    # -- the dashboard -------------------------------------------------------------------

    def meeting_starts_in_year(self, year: int) -> list[dt.datetime]:
        rows = self.query(
            "SELECT starts_at FROM meetings WHERE starts_at >= ? AND starts_at < ?",
            (f"{year}-01-01", f"{year + 1}-01-01"),
        )
        return [dt.datetime.fromisoformat(r["starts_at"]) for r in rows]

    def counts(self, today: dt.date) -> dict[str, int]:
        """The dashboard's figures, in one round trip each on indexed columns."""
        iso = today.isoformat()
        return {
            "open_actions": self.scalar("SELECT count(*) FROM actions WHERE status = 'open'"),
            "overdue_actions": self.scalar(
                "SELECT count(*) FROM actions WHERE status = 'open' AND due_date < ?", (iso,)
            ),
            "pending_requests": self.scalar(
                "SELECT count(*) FROM agenda_requests WHERE status = 'submitted'"
            ),
            "decisions_in_force": self.scalar(
                "SELECT count(*) FROM decisions WHERE status = 'in_force'"
            ),
            "meetings_held": self.scalar(
                "SELECT count(*) FROM meetings WHERE status IN ('closed', 'minutes_approved')"
            ),
        }

    # -- whole-board dump ----------------------------------------------------------------

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table, in id order."""
        return {table: self.query(f"SELECT * FROM {table} ORDER BY id") for table in TABLES}

    def load(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Restore a dump exactly (ids, timestamps and event log included) into an empty board."""
        if self.scalar("SELECT count(*) FROM boards"):
            raise Conflict("the database holds a board already; restore into a new file")
        with self.database.transaction():
            self.conn.execute("PRAGMA defer_foreign_keys = ON")
            # meetings.current_item_id points forward to agenda_items: set it afterwards.
            current_items: list[tuple[int, int]] = []
            for table in TABLES:
                rows = tables.get(table, [])
                if table == "meetings":
                    for row in rows:
                        if row.get("current_item_id"):
                            current_items.append((row["id"], row["current_item_id"]))
                    rows = [{**row, "current_item_id": None} for row in rows]
                for row in rows:
                    self._insert_raw(table, row)
            for meeting_id, item_id in current_items:
                self.conn.execute(
                    "UPDATE meetings SET current_item_id = ? WHERE id = ?", (item_id, meeting_id)
                )
            dangling = self.conn.execute("PRAGMA foreign_key_check").fetchone()
            if dangling:
                table, rowid, parent, _ = dangling
                raise Conflict(f"row {rowid} refers to a missing {parent} row", f"tables.{table}")

    def _insert_raw(self, table: str, row: dict[str, Any]) -> None:
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        try:
            self.conn.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())
            )
        except sqlite3.IntegrityError as error:
            raise Conflict(f"row {row.get('id')}: {error}", f"tables.{table}") from None
        except sqlite3.OperationalError as error:
            raise StorageProblem(f"{error}", f"tables.{table}") from None

    def iter_event_log(self) -> Iterator[dict[str, Any]]:
        yield from self.query("SELECT * FROM event_log ORDER BY id")
