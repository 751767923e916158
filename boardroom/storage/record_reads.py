"""Reads for the decision list and the action list (a mixin of Repo: SQL stays here)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from boardroom.storage.reads import Reads

#: SQLite's LIMIT for every row (a list read whole: an export, the command line)
NO_LIMIT = -1


class RecordReads(Reads):
    """Filtered, searchable lists of decisions and actions, as plain rows."""

    @staticmethod
    def _decision_where(
        year: int | None,
        theme_id: int | None,
        status: str | None,
        review_by: dt.date | None,
        match: str | None,
    ) -> tuple[str, list[object]]:
        where: list[str] = ["1"]
        params: list[object] = []
        if year is not None:
            where.append("m.starts_at >= ? AND m.starts_at < ?")
            params += [f"{year}-01-01", f"{year + 1}-01-01"]
        if theme_id is not None:
            where.append("d.theme_id = ?")
            params.append(theme_id)
        if status is not None:
            where.append("d.status = ?")
            params.append(status)
        if review_by is not None:
            where.append(
                "d.status = 'in_force' AND d.review_date IS NOT NULL AND d.review_date <= ?"
            )
            params.append(review_by.isoformat())
        if match is not None:
            where.append("d.id IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ?)")
            params.append(match)
        return " AND ".join(where), params

    def decision_rows(
        self,
        *,
        year: int | None = None,
        theme_id: int | None = None,
        status: str | None = None,
        review_by: dt.date | None = None,
        match: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Decisions, newest first, with their meeting date and theme; `match` is an FTS5
        query (see domain.search)."""
        where, params = self._decision_where(year, theme_id, status, review_by, match)
        # The page's ids first, sorted with nothing but the date: sorting thousands of
        # matches with their texts was most of a search keystroke on a 30-year board
        # (17.8 → 5.8 ms for a one-letter search, measured).
        return self.query(
            "SELECT d.id, d.number, substr(m.starts_at, 1, 10) AS held_on, d.title, d.text,"
            " t.name AS theme, d.method, d.outcome, d.outcome_summary, d.status, d.review_date,"
            " d.meeting_id, d.supersedes_id"
            " FROM decisions d JOIN meetings m ON m.id = d.meeting_id"
            " LEFT JOIN themes t ON t.id = d.theme_id"
            " WHERE d.id IN (SELECT d.id FROM decisions d JOIN meetings m ON m.id = d.meeting_id"
            f" WHERE {where} ORDER BY m.starts_at DESC, d.id DESC LIMIT ?)"
            " ORDER BY m.starts_at DESC, d.id DESC",
            (*params, NO_LIMIT if limit is None else limit),
        )

    def decision_count(
        self,
        *,
        year: int | None = None,
        theme_id: int | None = None,
        status: str | None = None,
        review_by: dt.date | None = None,
        match: str | None = None,
    ) -> int:
        where, params = self._decision_where(year, theme_id, status, review_by, match)
        # every decision has its meeting: the join is needed only to filter by the year
        meetings = " JOIN meetings m ON m.id = d.meeting_id" if year is not None else ""
        rows = self.query(f"SELECT count(*) AS n FROM decisions d{meetings} WHERE {where}", params)
        return int(rows[0]["n"])

    def latest_updates(self) -> dict[int, dict[str, Any]]:
        """Each action's latest update (its state of affairs): action id → noted_on, note."""
        rows = self.query(
            "SELECT u.action_id, u.noted_on, u.note FROM action_updates u"
            " WHERE u.id = (SELECT v.id FROM action_updates v WHERE v.action_id = u.action_id"
            " ORDER BY v.noted_on DESC, v.id DESC LIMIT 1)"
        )
        return {r["action_id"]: r for r in rows}

    def lineage(self) -> list[dict[str, Any]]:
        """Every supersession: the decision (id, number) and the one it replaced."""
        return self.query(
            "SELECT d.id, d.number, d.supersedes_id, e.number AS supersedes_number"
            " FROM decisions d JOIN decisions e ON e.id = d.supersedes_id"
        )

    def superseding(self, decision_id: int) -> list[dict[str, Any]]:
        return self.query(
            "SELECT id, number, title, status FROM decisions WHERE supersedes_id = ?",
            (decision_id,),
        )

    @staticmethod
    def _action_where(
        owner_id: int | None,
        status: str | None,
        overdue_on: dt.date | None,
        meeting_id: int | None,
        match: str | None,
    ) -> tuple[str, list[object]]:
        where: list[str] = ["1"]
        params: list[object] = []
        if owner_id is not None:
            where.append("a.owner_id = ?")
            params.append(owner_id)
        if status is not None:
            where.append("a.status = ?")
            params.append(status)
        if overdue_on is not None:
            where.append("a.status = 'open' AND a.due_date < ?")
            params.append(overdue_on.isoformat())
        if meeting_id is not None:
            where.append("a.meeting_id = ?")
            params.append(meeting_id)
        if match is not None:
            where.append("a.id IN (SELECT rowid FROM actions_fts WHERE actions_fts MATCH ?)")
            params.append(match)
        return " AND ".join(where), params

    def action_rows(
        self,
        *,
        owner_id: int | None = None,
        status: str | None = None,
        overdue_on: dt.date | None = None,
        meeting_id: int | None = None,
        match: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Actions with owner and origin; open overdue ones first, then by due date."""
        where, params = self._action_where(owner_id, status, overdue_on, meeting_id, match)
        order = "a.status != 'open', a.due_date IS NULL, a.due_date, a.number"
        return self.query(
            "SELECT a.id, a.number, a.text, a.owner_id, o.name AS owner, a.due_date, a.status,"
            " a.done_at, a.reason, a.meeting_id, substr(m.starts_at, 1, 10) AS held_on,"
            " d.number AS decision_number"
            " FROM actions a JOIN members o ON o.id = a.owner_id"
            " LEFT JOIN meetings m ON m.id = a.meeting_id"
            " LEFT JOIN decisions d ON d.id = a.decision_id"
            f" WHERE a.id IN (SELECT a.id FROM actions a WHERE {where}"
            f" ORDER BY {order} LIMIT ?) ORDER BY {order}",  # the page's ids first, as above
            (*params, NO_LIMIT if limit is None else limit),
        )

    def action_count(
        self,
        *,
        owner_id: int | None = None,
        status: str | None = None,
        overdue_on: dt.date | None = None,
        meeting_id: int | None = None,
        match: str | None = None,
    ) -> int:
        where, params = self._action_where(owner_id, status, overdue_on, meeting_id, match)
        rows = self.query(f"SELECT count(*) AS n FROM actions a WHERE {where}", params)
        return int(rows[0]["n"])

    def actions_open_at(self, starts_at: str, day: str) -> list[dict[str, Any]]:
        """The action list as it stood at a meeting: actions from that meeting or earlier ones
        that were still open on its day (done or cancelled only later)."""
        return self.query(
            "SELECT a.number, a.text, o.name AS owner, a.due_date FROM actions a"
            " JOIN members o ON o.id = a.owner_id JOIN meetings m ON m.id = a.meeting_id"
            " WHERE m.starts_at <= ? AND (a.status = 'open'"
            " OR (a.status = 'done' AND a.done_at > ?)"
            " OR (a.status = 'cancelled' AND substr(a.updated_at, 1, 10) > ?))"
            " ORDER BY a.due_date IS NULL, a.due_date, a.number",
            (starts_at, day, day),
        )

    def amendments_of(self, meeting_id: int) -> list[dict[str, Any]]:
        return self.query(
            "SELECT a.text, substr(a.created_at, 1, 10) AS day, m.name AS by_name"
            " FROM amendments a LEFT JOIN members m ON m.id = a.by_member_id"
            " WHERE a.meeting_id = ? ORDER BY a.id",
            (meeting_id,),
        )

    def action_updates(self, action_id: int) -> list[dict[str, Any]]:
        return self.query(
            "SELECT u.noted_on, u.note, m.name AS by_name FROM action_updates u"
            " LEFT JOIN members m ON m.id = u.by_member_id WHERE u.action_id = ?"
            " ORDER BY u.noted_on, u.id",
            (action_id,),
        )


SEALED = {
    "decisions": "number, title, text, method, outcome_summary, review_date, supersedes_id,"
    " proposal_id, agenda_item_id, theme_id",
    "agenda_items": "position, kind, purpose, title, notes, outcome, status",
    "attendance": "member_id, status, substitute_name",
    "proposals": "title, method, vote_rule, secret, status",
    "interest_rounds": "perspective_id, helps, pinches, asks, status",
    "behaviour_checks": "rule_id, score, note",
}


#: What a seal covers. 1: as sealed before schema 8; 2: also each decision's outcome facts;
#: 3: also each author's notes on the meeting's items (schema 11); 4: also who entered each
#: ballot and consent answer (schema 15); 5: also who asked for the floor and was given it
#: (schema 16).
SEAL_SCHEME = 5


class SealReads(Reads):
    """The content an approved meeting's seal covers, as canonical JSON."""

    def seal_hash(self, meeting_id: int, scheme: int = SEAL_SCHEME) -> str:
        import hashlib
        import json

        content: dict[str, Any] = {}
        for table, columns in SEALED.items():
            if table == "decisions" and scheme >= 2:
                columns += ", outcome"
            content[table] = self.query(
                f"SELECT id, {columns} FROM {table} WHERE meeting_id = ? ORDER BY id", (meeting_id,)
            )
        content["versions"] = self.query(
            "SELECT v.id, v.proposal_id, v.version, v.text FROM proposal_versions v JOIN proposals p"
            " ON p.id = v.proposal_id WHERE p.meeting_id = ? ORDER BY v.id",
            (meeting_id,),
        )
        content["rounds"] = self.query(
            "SELECT r.id, r.number, r.version_id, r.kind, r.outcome, r.for_weight,"
            " r.against_weight, r.abstain_weight, r.entitled_weight FROM rounds r JOIN proposals p"
            " ON p.id = r.proposal_id WHERE p.meeting_id = ? ORDER BY r.id",
            (meeting_id,),
        )
        entered = ", b.entered_by_id" if scheme >= 4 else ""
        content["ballots"] = self.query(
            f"SELECT b.id, b.round_id, b.voter_id, b.choice, b.weight{entered} FROM ballots b"
            " JOIN rounds r"
            " ON r.id = b.round_id JOIN proposals p ON p.id = r.proposal_id"
            " WHERE p.meeting_id = ? ORDER BY b.id",
            (meeting_id,),
        )
        if scheme >= 3:
            content["item_notes"] = self.query(
                "SELECT n.id, n.agenda_item_id, n.author_id, n.text FROM item_notes n"
                " JOIN agenda_items i ON i.id = n.agenda_item_id WHERE i.meeting_id = ?"
                " ORDER BY n.id",
                (meeting_id,),
            )
        content["answers"] = self.query(
            f"SELECT a.id, a.round_id, a.member_id, a.seq, a.answer, a.note{entered.replace('b.', 'a.')}"
            " FROM consent_answers a"
            " JOIN rounds r ON r.id = a.round_id JOIN proposals p ON p.id = r.proposal_id"
            " WHERE p.meeting_id = ? ORDER BY a.id",
            (meeting_id,),
        )
        if scheme >= 5:
            content["floor"] = self.query(
                "SELECT f.id, f.agenda_item_id, f.member_id, f.status, f.remote"
                " FROM floor_requests f JOIN agenda_items i ON i.id = f.agenda_item_id"
                " WHERE i.meeting_id = ? ORDER BY f.id",
                (meeting_id,),
            )
        text = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def seal_of(self, meeting_id: int) -> dict[str, Any] | None:
        """The meeting's seal with the chain head when it was made (the hash of the event
        before the seal's own), and that event's id."""
        rows = self.query(
            "SELECT s.id, s.meeting_id, s.hash, s.scheme, s.created_at, m.starts_at,"
            " (SELECT e.id FROM event_log e WHERE e.table_name = 'seals' AND e.row_id = s.id"
            "  AND e.operation = 'insert') AS event_id"
            " FROM seals s JOIN meetings m ON m.id = s.meeting_id WHERE s.meeting_id = ?",
            (meeting_id,),
        )
        if not rows:
            return None
        seal = rows[0]
        head = self.query(
            "SELECT id, hash FROM event_log WHERE id < ? ORDER BY id DESC LIMIT 1",
            (seal["event_id"] or 0,),
        )
        seal["head_event_id"] = head[0]["id"] if head else 0
        seal["chain_head"] = head[0]["hash"] if head else ""
        return seal

    def seals_on(self, day: str) -> list[int]:
        """The ids of the sealed meetings held on a day (ISO date)."""
        return [
            r["meeting_id"]
            for r in self.query(
                "SELECT s.meeting_id FROM seals s JOIN meetings m ON m.id = s.meeting_id"
                " WHERE substr(m.starts_at, 1, 10) = ? ORDER BY m.starts_at",
                (day,),
            )
        ]

    def sealed_at(self, meeting_id: int) -> str | None:
        """When the meeting's minutes were approved (its seal made), UTC ISO text."""
        rows = self.query("SELECT created_at FROM seals WHERE meeting_id = ?", (meeting_id,))
        return rows[0]["created_at"] if rows else None

    def seals(self) -> list[dict[str, Any]]:
        return self.query(
            "SELECT s.meeting_id, s.hash, s.scheme, s.created_at, m.starts_at FROM seals s"
            " JOIN meetings m ON m.id = s.meeting_id ORDER BY m.starts_at"
        )
