"""Reads for the annual calendar, agenda requests and agenda building (a mixin of Repo)."""

from __future__ import annotations

import json
from typing import Any

from boardroom.storage.reads import Reads


class PlanReads(Reads):
    def year_plan_row(self, year: int) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM year_plans WHERE year = ?", (year,))
        if not rows:
            return None
        row = rows[0]
        for column in ("theme_targets", "interest_targets"):
            row[column] = json.loads(row[column])
        return row

    def items_with_papers(self, meeting_id: int) -> set[int]:
        rows = self.query(
            "SELECT DISTINCT p.agenda_item_id AS id FROM papers p"
            " JOIN agenda_items i ON i.id = p.agenda_item_id WHERE i.meeting_id = ?",
            (meeting_id,),
        )
        return {row["id"] for row in rows}

    def interest_round_id(self, meeting_id: int, perspective_id: int) -> int | None:
        return self.scalar(  # type: ignore[no-any-return]
            "SELECT id FROM interest_rounds WHERE meeting_id = ? AND perspective_id = ?",
            (meeting_id, perspective_id),
        )

    def request_rows(
        self, where: str, params: tuple[Any, ...], limit: int = -1
    ) -> list[dict[str, Any]]:
        """Agenda requests with requester, theme, preferred meeting and where they went, open
        ones first, then newest first; `where` is a condition on `r` (agenda_requests) written
        by the services; `limit`: at most so many (-1: all)."""
        return self.query(
            "SELECT r.*, u.name AS requester, t.name AS theme, pm.starts_at AS preferred_meeting,"
            " sm.starts_at AS scheduled_for"
            " FROM agenda_requests r JOIN members u ON u.id = r.requester_id"
            " LEFT JOIN themes t ON t.id = r.theme_id"
            " LEFT JOIN meetings pm ON pm.id = r.preferred_meeting_id"
            " LEFT JOIN agenda_items i ON i.id = r.agenda_item_id"
            " LEFT JOIN meetings sm ON sm.id = i.meeting_id"
            f" WHERE {where} ORDER BY r.status != 'submitted', r.created_at DESC, r.id DESC"
            " LIMIT ?",
            (*params, limit),
        )

    def request_count(self, where: str, params: tuple[Any, ...]) -> int:
        return int(self.scalar(f"SELECT count(*) FROM agenda_requests r WHERE {where}", params))

    def requests_for_item(self, item_id: int) -> list[int]:
        rows = self.query("SELECT id FROM agenda_requests WHERE agenda_item_id = ?", (item_id,))
        return [row["id"] for row in rows]

    def papers_of_meeting(self, meeting_id: int) -> dict[int, list[dict[str, Any]]]:
        """agenda item id → its papers, in the order attached."""
        papers: dict[int, list[dict[str, Any]]] = {}
        for row in self.query(
            "SELECT p.*, EXISTS (SELECT 1 FROM paper_contents c WHERE c.sha256 = p.sha256)"
            " AS stored FROM papers p JOIN agenda_items i ON i.id = p.agenda_item_id"
            " WHERE i.meeting_id = ? ORDER BY p.id",
            (meeting_id,),
        ):
            papers.setdefault(row["agenda_item_id"], []).append(row)
        return papers

    def theme_items(self, start: str, end: str) -> list[dict[str, Any]]:
        """Per meeting in [start, end): its theme items (meeting id, item id, theme)."""
        return self.query(
            "SELECT i.meeting_id, i.id AS item_id, t.name AS theme FROM agenda_items i"
            " JOIN meetings m ON m.id = i.meeting_id JOIN themes t ON t.id = i.theme_id"
            " WHERE m.starts_at >= ? AND m.starts_at < ? AND i.kind = 'theme'"
            " AND i.status != 'deferred' ORDER BY m.starts_at, i.position",
            (start, end),
        )

    def calendar_meetings(self, start: str, end: str) -> list[dict[str, Any]]:
        """Meetings in [start, end) with the minutes their (not deferred) items take."""
        return self.query(
            "SELECT m.id, m.starts_at, m.duration_minutes, m.location, m.kind, m.status,"
            " coalesce((SELECT sum(i.timebox_minutes) FROM agenda_items i"
            " WHERE i.meeting_id = m.id AND i.status != 'deferred'), 0) AS used"
            " FROM meetings m WHERE m.starts_at >= ? AND m.starts_at < ? ORDER BY m.starts_at",
            (start, end),
        )

    def meetings_with_kind(self, kind: str, start: str, end: str) -> set[int]:
        rows = self.query(
            "SELECT DISTINCT i.meeting_id FROM agenda_items i JOIN meetings m"
            " ON m.id = i.meeting_id WHERE i.kind = ? AND m.starts_at >= ? AND m.starts_at < ?",
            (kind, start, end),
        )
        return {row["meeting_id"] for row in rows}

    def change_counts(self, table: str, row_ids: list[int]) -> dict[int, int]:
        """row id → how many times the row was updated (from the event log)."""
        if not row_ids:
            return {}
        marks = ", ".join("?" for _ in row_ids)
        rows = self.query(
            "SELECT row_id, count(*) AS n FROM event_log WHERE table_name = ?"
            f" AND operation = 'update' AND row_id IN ({marks}) GROUP BY row_id",
            (table, *row_ids),
        )
        return {row["row_id"]: row["n"] for row in rows}

    def updated_at(self, table: str, row_ids: list[int]) -> dict[int, str]:
        if not row_ids:
            return {}
        marks = ", ".join("?" for _ in row_ids)
        rows = self.query(f"SELECT id, updated_at FROM {table} WHERE id IN ({marks})", row_ids)
        return {row["id"]: row["updated_at"] for row in rows}
