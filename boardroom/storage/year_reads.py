"""Reads for the year in view: the dashboard's watch list and the year report (a Repo mixin)."""

from __future__ import annotations

from typing import Any

from boardroom.storage.reads import Reads


class YearReads(Reads):
    def active_rule_texts(self) -> list[dict[str, Any]]:
        return self.query(
            "SELECT id, text FROM behaviour_rules WHERE active = 1 ORDER BY position, id"
        )

    def overdue_by_owner(self, today: str) -> list[dict[str, Any]]:
        return self.query(
            "SELECT o.name AS owner, count(*) AS n, min(a.due_date) AS oldest FROM actions a"
            " JOIN members o ON o.id = a.owner_id WHERE a.status = 'open' AND a.due_date < ?"
            " GROUP BY o.id ORDER BY n DESC, oldest",
            (today,),
        )

    def interest_rounds_in_year(self, year: int) -> list[dict[str, Any]]:
        return self.query(
            "SELECT p.name AS perspective, p.position, r.status, m.id AS meeting_id,"
            " substr(m.starts_at, 1, 10) AS day"
            " FROM perspectives p LEFT JOIN interest_rounds r ON r.perspective_id = p.id"
            " AND r.meeting_id IN (SELECT id FROM meetings WHERE starts_at >= ? AND starts_at < ?)"
            " LEFT JOIN meetings m ON m.id = r.meeting_id ORDER BY p.position, p.name",
            (f"{year}-01-01", f"{year + 1}-01-01"),
        )

    def meetings_left(self, after: str, year: int) -> int:
        rows = self.query(
            "SELECT count(*) AS n FROM meetings WHERE starts_at > ? AND starts_at < ?"
            " AND status NOT IN ('closed', 'minutes_approved')",
            (after, f"{year + 1}-01-01"),
        )
        return int(rows[0]["n"])

    def held_meetings(self, year: int | None = None, last: int | None = None) -> list[dict]:
        where = "status IN ('closed', 'minutes_approved')"
        params: list[object] = []
        if year is not None:
            where += " AND starts_at >= ? AND starts_at < ?"
            params += [f"{year}-01-01", f"{year + 1}-01-01"]
        rows = self.query(
            f"SELECT id, starts_at FROM meetings WHERE {where}"
            " ORDER BY starts_at DESC" + (f" LIMIT {int(last)}" if last else ""),
            params,
        )
        return list(reversed(rows))

    def behaviour_scores(self, meeting_ids: list[int]) -> list[dict[str, Any]]:
        if not meeting_ids:
            return []
        marks = ", ".join("?" for _ in meeting_ids)
        return self.query(
            f"SELECT meeting_id, rule_id, score FROM behaviour_checks"
            f" WHERE meeting_id IN ({marks})",
            meeting_ids,
        )

    def attendance_in(self, meeting_ids: list[int]) -> list[dict[str, Any]]:
        if not meeting_ids:
            return []
        marks = ", ".join("?" for _ in meeting_ids)
        return self.query(
            f"SELECT o.name AS member, o.seat_order, a.status, o.perspective_id FROM attendance a"
            f" JOIN members o ON o.id = a.member_id WHERE a.meeting_id IN ({marks})"
            " ORDER BY o.seat_order",
            meeting_ids,
        )

    def decisions_by(self, year: int, column: str) -> list[dict[str, Any]]:
        """Decisions taken in a year, counted by method or by theme."""
        group = "d.method" if column == "method" else "coalesce(t.name, '')"
        return self.query(
            f"SELECT {group} AS label, count(*) AS n FROM decisions d JOIN meetings m"
            " ON m.id = d.meeting_id LEFT JOIN themes t ON t.id = d.theme_id"
            f" WHERE m.starts_at >= ? AND m.starts_at < ? GROUP BY {group} ORDER BY n DESC, label",
            (f"{year}-01-01", f"{year + 1}-01-01"),
        )

    def proposals_not_adopted(self, year: int) -> list[dict[str, Any]]:
        """The proposals of a year's meetings that did not become a decision: rejected,
        withdrawn or deferred, with their meeting's date."""
        return self.query(
            "SELECT p.title, p.status, substr(m.starts_at, 1, 10) AS day FROM proposals p"
            " JOIN meetings m ON m.id = p.meeting_id WHERE m.starts_at >= ? AND m.starts_at < ?"
            " AND p.status IN ('rejected', 'withdrawn', 'deferred') ORDER BY m.starts_at, p.id",
            (f"{year}-01-01", f"{year + 1}-01-01"),
        )

    def action_dates(self, year: int) -> list[dict[str, Any]]:
        """Due and done dates of the actions agreed in a year."""
        return self.query(
            "SELECT a.due_date, a.done_at, a.status FROM actions a JOIN meetings m"
            " ON m.id = a.meeting_id WHERE m.starts_at >= ? AND m.starts_at < ?",
            (f"{year}-01-01", f"{year + 1}-01-01"),
        )
