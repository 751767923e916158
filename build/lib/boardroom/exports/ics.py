"""The year as iCalendar (RFC 5545) with `icalendar`: one VEVENT per meeting in the
Europe/Amsterdam time zone (its VTIMEZONE included), the meeting's themes in the description.

Each meeting's UID is made of the board and the meeting's id, so a second export of the same
year gives the same UIDs: calendars (Outlook, Google, Apple) update the event instead of adding
it again. SEQUENCE counts the meeting's changes, so a moved meeting replaces the old one.
"""

from __future__ import annotations

import datetime as dt

from boardroom.domain.planning import AMSTERDAM
from boardroom.i18n import _, label
from boardroom.services.calendar import CalendarView, IcsMeta

PRODID = "-//boardroom//boardroom agenda calendar//NL"


def meeting_uid(meta: IcsMeta, meeting_id: int) -> str:
    return f"meeting-{meeting_id}-{meta.board_key}@boardroom"


def calendar_ics(view: CalendarView, meta: IcsMeta) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{meta.board} {view.year}")
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    for meeting in view.meetings:
        event = Event()
        starts = meeting.starts_at.replace(tzinfo=AMSTERDAM)
        stamp = dt.datetime.fromisoformat(meta.stamps[meeting.id])
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=dt.UTC)
        event.add("uid", meeting_uid(meta, meeting.id))
        event.add("dtstamp", stamp.astimezone(dt.UTC))
        event.add("last-modified", stamp.astimezone(dt.UTC))
        event.add("sequence", meta.changes.get(meeting.id, 0))
        event.add("dtstart", starts)
        event.add("dtend", starts + dt.timedelta(minutes=meeting.duration))
        kind = "" if meeting.kind == "regular" else f" ({label(meeting.kind)})"
        event.add("summary", f"{meta.board}{kind}")
        if meeting.location:
            event.add("location", meeting.location)
        lines = []
        if meeting.themes:
            lines.append(f"{_('Themes')}: " + ", ".join(theme for _id, theme in meeting.themes))
        if meeting.perspectives:
            lines.append(f"{_('Interest round')}: " + ", ".join(meeting.perspectives))
        if meeting.evaluation:
            lines.append(_("Evaluation of the collaboration"))
        lines.append(f"{_('Status')}: {label(meeting.status)}")
        event.add("description", "\n".join(lines))
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    # The zone's rules for the year only (not 1970–2038): small, and what clients need.
    calendar.add_missing_timezones(dt.date(view.year - 1, 1, 1), dt.date(view.year + 2, 1, 1))
    return calendar.to_ical()  # type: ignore[no-any-return]
