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
