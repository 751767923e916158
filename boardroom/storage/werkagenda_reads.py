"""Reads for the werkagenda: agreements with their theme, KPIs, and figures (a Repo mixin)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from boardroom.storage.reads import Reads

if TYPE_CHECKING:
    from boardroom.domain import models as m


class WerkagendaReads(Reads):
    def agreement_rows(self, theme_ids: list[int] | None = None) -> list[dict[str, Any]]:
        """Active result agreements (of these themes), by theme and position."""
        where = ""
        args: tuple[int, ...] = ()
        if theme_ids is not None:
            where = f"AND a.theme_id IN ({', '.join('?' * len(theme_ids))})"
            args = tuple(theme_ids)
        return self.query(
            "SELECT a.*, t.name AS theme FROM result_agreements a"
            " JOIN themes t ON t.id = a.theme_id WHERE a.active = 1 "
            + where
            + " ORDER BY t.id, a.position, a.id",
            args,
        )

    def kpi_rows(self, agreement_ids: list[int]) -> list[dict[str, Any]]:
        if not agreement_ids:
            return []
        marks = ", ".join("?" * len(agreement_ids))
        return self.query(
            f"SELECT * FROM kpis WHERE agreement_id IN ({marks}) ORDER BY agreement_id, id",
            tuple(agreement_ids),
        )

    def figure_rows(
        self, kpi_ids: list[int], until: str, known_at: str | None = None
    ) -> list[dict[str, Any]]:
        """The figures of these KPIs dated on or before `until`, oldest first. With
        `known_at` (a UTC timestamp): only figures the record held then, with the value they
        had then (a later correction is read back from the event log)."""
        if not kpi_ids:
            return []
        marks = ", ".join("?" * len(kpi_ids))
        known = "AND created_at <= ?" if known_at else ""
        rows = self.query(
            "SELECT id, kpi_id, measured_on, value, source, note, updated_at FROM"
            f" kpi_measurements WHERE kpi_id IN ({marks}) AND measured_on <= ? {known}"
            " ORDER BY kpi_id, measured_on",
            (*kpi_ids, until, *([known_at] if known_at else [])),
        )
        if known_at:
            for row in rows:
                if row["updated_at"] > known_at:  # corrected since: the value it had then
                    then = self.query(
                        "SELECT after FROM event_log WHERE table_name = 'kpi_measurements'"
                        " AND row_id = ? AND at <= ? ORDER BY id DESC LIMIT 1",
                        (row["id"], known_at),
                    )
                    if then:
                        row["value"] = json.loads(then[0]["after"])["value"]
        return rows

    def kpi_names(self) -> dict[str, int]:
        """Every KPI's name, case-folded, → its id."""
        return {r["name"].casefold(): r["id"] for r in self.query("SELECT id, name FROM kpis")}

    def figures_of(self, kpi_ids: list[int]) -> dict[tuple[int, str], dict[str, Any]]:
        """(KPI, date) → the figure stored for it, for these KPIs."""
        if not kpi_ids:
            return {}
        marks = ", ".join("?" * len(kpi_ids))
        rows = self.query(
            f"SELECT * FROM kpi_measurements WHERE kpi_id IN ({marks})", tuple(kpi_ids)
        )
        return {(r["kpi_id"], r["measured_on"]): r for r in rows}

    def steering_decisions(self, agreement_ids: list[int], until: str) -> list[dict[str, Any]]:
        """The decisions that steer these agreements, recorded on or before the day `until`."""
        if not agreement_ids:
            return []
        marks = ", ".join("?" * len(agreement_ids))
        return self.query(
            "SELECT d.agreement_id, d.number, d.title, substr(m.starts_at, 1, 10) AS day"
            " FROM decisions d JOIN meetings m ON m.id = d.meeting_id"
            f" WHERE d.agreement_id IN ({marks}) AND d.created_at <= ?"
            " ORDER BY m.starts_at, d.number",
            (*agreement_ids, f"{until}T23:59:59"),
        )

    def linkable_decisions(self, limit: int = 60) -> list[dict[str, Any]]:
        """Decisions of meetings whose minutes are not approved yet, newest first."""
        return self.query(
            "SELECT d.id, d.number, d.title, d.agreement_id FROM decisions d"
            " JOIN meetings m ON m.id = d.meeting_id WHERE m.status != 'minutes_approved'"
            " ORDER BY m.starts_at DESC, d.number DESC LIMIT ?",
            (limit,),
        )

    def evaluation_meetings(self) -> list[dict[str, Any]]:
        """The meetings with an evaluation item (as the annual calendar plans them), oldest
        first, each with the evaluation recorded at it (evaluation_id, or None)."""
        return self.query(
            "SELECT m.id, substr(m.starts_at, 1, 10) AS day, m.status,"
            " (SELECT e.id FROM evaluations e WHERE e.meeting_id = m.id) AS evaluation_id"
            " FROM meetings m WHERE EXISTS (SELECT 1 FROM agenda_items i"
            " WHERE i.meeting_id = m.id AND i.kind = 'evaluation') ORDER BY m.starts_at"
        )

    def kpi_baselines(self) -> dict[int, str]:
        """KPI id → its baseline date (ISO)."""
        return {r["id"]: r["baseline_on"] for r in self.query("SELECT id, baseline_on FROM kpis")}

    # -- the table's own evaluation --------------------------------------------------------

    def latest_evaluation_day(self) -> str | None:
        return self.scalar("SELECT max(held_on) FROM evaluations")  # type: ignore[no-any-return]

    def meeting_day(self, meeting_id: int) -> str | None:
        """A meeting's date (ISO), or None when there is no such meeting."""
        return self.scalar(  # type: ignore[no-any-return]
            "SELECT substr(starts_at, 1, 10) FROM meetings WHERE id = ?", (meeting_id,)
        )

    def meeting_on_day(self, day: str) -> int | None:
        """The meeting held on a date (ISO), if any."""
        return self.scalar(  # type: ignore[no-any-return]
            "SELECT id FROM meetings WHERE substr(starts_at, 1, 10) = ?", (day,)
        )

    def evaluation_of_meeting(self, meeting_id: int) -> int | None:
        return self.scalar(  # type: ignore[no-any-return]
            "SELECT id FROM evaluations WHERE meeting_id = ?", (meeting_id,)
        )

    def evaluation_on(self, day: str) -> bool:
        return bool(self.scalar("SELECT count(*) FROM evaluations WHERE held_on = ?", (day,)))

    def evaluation_rows(self) -> list[dict[str, Any]]:
        return self.query("SELECT * FROM evaluations ORDER BY held_on")

    def active_statements(self) -> list[m.EvaluationStatement]:
        """The evaluation's statements in use, in their order."""
        return self.models("evaluation_statements", "active = 1", order="position, id")

    def statement_texts(self) -> dict[int, str]:
        return {
            r["id"]: r["text"] for r in self.query("SELECT id, text FROM evaluation_statements")
        }

    def evaluation_count_rows(self) -> list[dict[str, Any]]:
        return self.query("SELECT * FROM evaluation_counts ORDER BY statement_id, score")

    def behaviour_scores_between(self, after: str, until: str) -> dict[str, int]:
        """How often each behaviour score was given at meetings after one moment up to
        another (ISO)."""
        rows = self.query(
            "SELECT b.score, count(*) AS n FROM behaviour_checks b JOIN meetings m"
            " ON m.id = b.meeting_id WHERE m.starts_at > ? AND m.starts_at <= ? GROUP BY b.score",
            (after, until),
        )
        return {r["score"]: r["n"] for r in rows}
