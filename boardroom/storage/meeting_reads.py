"""Reads for the live meeting and its record (a mixin of Repo: SQL stays in storage/)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from boardroom.storage.reads import Reads

if TYPE_CHECKING:
    from boardroom.domain import models as m


class MeetingReads(Reads):
    """Meeting, agenda, attendance, proposals, rounds, decisions and actions of one meeting."""

    def item_notes(self, item_ids: list[int]) -> list[dict[str, Any]]:
        """Every author's notes on some items, with the author's name and the row's version,
        in the order the authors began."""
        if not item_ids:
            return []
        marks = ", ".join("?" * len(item_ids))
        return self.query(
            "SELECT n.id, n.agenda_item_id, n.author_id, m.name AS author, n.text,"
            " (SELECT coalesce(max(e.id), 0) FROM event_log e"
            "  WHERE e.table_name = 'item_notes' AND e.row_id = n.id) AS version"
            f" FROM item_notes n JOIN members m ON m.id = n.author_id"
            f" WHERE n.agenda_item_id IN ({marks}) ORDER BY n.agenda_item_id, n.id",
            tuple(item_ids),
        )

    def item_note_of(self, item_id: int, author_id: int) -> dict[str, Any] | None:
        rows = self.query(
            "SELECT id, text FROM item_notes WHERE agenda_item_id = ? AND author_id = ?",
            (item_id, author_id),
        )
        return rows[0] if rows else None

    def items_by_id(self, item_ids: list[int]) -> list[m.AgendaItem]:
        if not item_ids:
            return []
        marks = ", ".join("?" * len(item_ids))
        return self.models("agenda_items", f"id IN ({marks})", tuple(item_ids))

    def meeting_in_progress(self) -> m.Meeting | None:
        rows = self.models("meetings", "status = 'in_progress'", order="starts_at LIMIT 1")
        return rows[0] if rows else None

    def meeting_at(self, starts_at: str) -> m.Meeting | None:
        rows = self.models("meetings", "starts_at = ?", (starts_at,))
        return rows[0] if rows else None

    def meetings_on(self, day: dt.date) -> list[m.Meeting]:
        return self.models(
            "meetings",
            "starts_at >= ? AND starts_at < ?",
            (day.isoformat(), (day + dt.timedelta(days=1)).isoformat()),
            order="starts_at",
        )

    def meetings_between(self, start: dt.date, end: dt.date) -> list[m.Meeting]:
        return self.models(
            "meetings",
            "starts_at >= ? AND starts_at < ?",
            (start.isoformat(), end.isoformat()),
            order="starts_at",
        )

    def next_meeting_after(self, starts_at: dt.datetime) -> m.Meeting | None:
        rows = self.models(
            "meetings",
            "starts_at > ?",
            (starts_at.isoformat(timespec="minutes"),),
            order="starts_at LIMIT 1",
        )
        return rows[0] if rows else None

    def unapproved_at(self, starts_at: dt.datetime, utc: str) -> list[m.Meeting]:
        """The held meetings before a meeting (`starts_at`, local; `utc`, its start as UTC ISO
        text) whose minutes were not approved before it began."""
        return self.models(
            "meetings",
            "starts_at < ? AND status IN ('closed', 'minutes_approved') AND NOT EXISTS"
            " (SELECT 1 FROM seals s WHERE s.meeting_id = meetings.id AND s.created_at < ?)",
            (starts_at.isoformat(timespec="minutes"), utc),
            order="starts_at",
        )

    def items(self, meeting_id: int) -> list[m.AgendaItem]:
        return self.models("agenda_items", "meeting_id = ?", (meeting_id,), order="position, id")

    def attendance(self, meeting_id: int) -> dict[int, m.Attendance]:
        """member id → attendance row."""
        rows = self.models("attendance", "meeting_id = ?", (meeting_id,))
        return {row.member_id: row for row in rows}

    def attendance_id(self, meeting_id: int, member_id: int) -> int | None:
        return self.scalar(  # type: ignore[no-any-return]
            "SELECT id FROM attendance WHERE meeting_id = ? AND member_id = ?",
            (meeting_id, member_id),
        )

    def numbers_like(self, table: str, prefix: str) -> list[str]:
        """Numbers given in `table` (decisions or actions) that start with `prefix`."""
        rows = self.query(f"SELECT number FROM {table} WHERE number LIKE ?", (f"{prefix}%",))
        return [row["number"] for row in rows]

    def proposals_for_item(self, item_id: int) -> list[m.Proposal]:
        return self.models("proposals", "agenda_item_id = ?", (item_id,))

    def proposals_of(self, meeting_id: int) -> list[m.Proposal]:
        return self.models("proposals", "meeting_id = ?", (meeting_id,))

    def versions(self, proposal_id: int) -> list[m.ProposalVersion]:
        return self.models("proposal_versions", "proposal_id = ?", (proposal_id,), order="version")

    def rounds(self, proposal_id: int) -> list[m.Round]:
        return self.models("rounds", "proposal_id = ?", (proposal_id,), order="number")

    def open_rounds(self, meeting_id: int) -> list[m.Round]:
        return self.models(
            "rounds",
            "status = 'open' AND proposal_id IN (SELECT id FROM proposals WHERE meeting_id = ?)",
            (meeting_id,),
        )

    def ballots(self, round_id: int) -> list[m.Ballot]:
        return self.models("ballots", "round_id = ?", (round_id,))

    def floor_requests(self, item_id: int) -> list[m.FloorRequest]:
        """Who asked for the floor on an item, in the order asked."""
        return self.models("floor_requests", "agenda_item_id = ?", (item_id,))

    def speakers(self, meeting_id: int) -> list[m.FloorRequest]:
        """Who was given the floor at a meeting, item by item, in the order given."""
        return self.models(
            "floor_requests",
            "status = 'given' AND agenda_item_id IN"
            " (SELECT id FROM agenda_items WHERE meeting_id = ?)",
            (meeting_id,),
            order="agenda_item_id, given_at, id",
        )

    def answers(self, round_id: int) -> list[m.ConsentAnswer]:
        return self.models("consent_answers", "round_id = ?", (round_id,), order="seq")

    def decisions_of(self, meeting_id: int) -> list[m.Decision]:
        return self.models("decisions", "meeting_id = ?", (meeting_id,), order="number")

    def decision_for_proposal(self, proposal_id: int) -> m.Decision | None:
        rows = self.models("decisions", "proposal_id = ?", (proposal_id,))
        return rows[0] if rows else None

    def actions_of(self, meeting_id: int) -> list[m.Action]:
        return self.models("actions", "meeting_id = ?", (meeting_id,), order="number")

    def interest_rounds_of(self, meeting_id: int) -> list[m.InterestRound]:
        return self.models("interest_rounds", "meeting_id = ?", (meeting_id,))

    def behaviour_checks_of(self, meeting_id: int) -> dict[int, m.BehaviourCheck]:
        """rule id → the score given at this meeting."""
        rows = self.models("behaviour_checks", "meeting_id = ?", (meeting_id,))
        return {row.rule_id: row for row in rows}

    def behaviour_check_id(self, meeting_id: int, rule_id: int) -> int | None:
        return self.scalar(  # type: ignore[no-any-return]
            "SELECT id FROM behaviour_checks WHERE meeting_id = ? AND rule_id = ?",
            (meeting_id, rule_id),
        )
