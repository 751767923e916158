"""Asking for the floor: during the current item of the meeting in progress a member asks
from their own screen (and may withdraw); the chair gives the floor to the first in the queue
(`next speaker`); the minutes list who spoke on each item.

One request waits per member and item; a member given the floor may ask again later. A
member attending remotely at the moment of asking is marked, so that the chair sees who is
in the call."""

from __future__ import annotations

from dataclasses import dataclass

from boardroom.domain import models as m
from boardroom.domain.clock import local_time
from boardroom.domain.enums import AttendanceStatus, FloorStatus
from boardroom.domain.errors import Conflict, PermissionDenied
from boardroom.domain.permissions import Capability
from boardroom.i18n import _
from boardroom.services.meeting import in_progress
from boardroom.services.session import Identity, Session, one_transaction

#: who may ask: the members taking part in the meeting, in the room or in the call
ATTENDING = (AttendanceStatus.PRESENT, AttendanceStatus.REMOTE)


@dataclass(frozen=True)
class Speaker:
    request_id: int
    member_id: int
    name: str
    perspective: str  # "" for who has no seat at the table
    remote: bool


@dataclass(frozen=True)
class Floor:
    """The speakers on one agenda item: who has the floor now, who waits (in order)."""

    item_id: int
    speaking: Speaker | None  # the last one given the floor on the item
    queue: list[Speaker]
    spoke: list[Speaker]  # given the floor, in order (the last one is `speaking`)

    def place_of(self, member_id: int | None) -> int | None:
        """The member's place in the queue (1 is next), or None."""
        return next((n for n, s in enumerate(self.queue, 1) if s.member_id == member_id), None)


def floor(session: Session, item_id: int) -> Floor:
    session.require(Capability.READ, _("read the meeting"))
    requests = session.repo.floor_requests(item_id)
    members = {x.id: x for x in session.repo.members()}
    perspectives = {p.id: p.name for p in session.repo.perspectives()}

    def speaker(request: m.FloorRequest) -> Speaker:
        member = members.get(request.member_id)
        return Speaker(
            request_id=request.id or 0,
            member_id=request.member_id,
            name=member.name if member else "?",
            perspective=perspectives.get(member.perspective_id, "") if member else "",
            remote=request.remote,
        )

    given = sorted(
        (r for r in requests if r.status == FloorStatus.GIVEN),
        key=lambda r: (r.given_at or "", r.id or 0),
    )
    spoke = [speaker(r) for r in given]
    return Floor(
        item_id=item_id,
        speaking=spoke[-1] if spoke else None,
        queue=[speaker(r) for r in requests if r.status == FloorStatus.WAITING],
        spoke=spoke,
    )


def _asking(session: Session) -> Identity:
    """The member asking for the floor (or withdrawing), who may take part."""
    session.require(Capability.TAKE_PART, _("ask for the floor"))
    if session.user is None:
        raise PermissionDenied(_("only a member asks for the floor: start with --as NAME"))
    return session.user


def _current_item(session: Session) -> tuple[m.Meeting, int]:
    """The meeting in progress and its current item (asking is for what is discussed now)."""
    meeting_id = session.repo.meeting_in_progress_id()
    if meeting_id is None:
        raise Conflict(_("no meeting is in progress"))
    current = in_progress(session, meeting_id)
    if current.current_item_id is None:
        raise Conflict(_("there is no current item"))
    return current, current.current_item_id


def _waiting(session: Session, item_id: int, member_id: int) -> m.FloorRequest | None:
    return next(
        (
            r
            for r in session.repo.floor_requests(item_id)
            if r.member_id == member_id and r.status == FloorStatus.WAITING
        ),
        None,
    )


@one_transaction
def ask_for_floor(session: Session) -> int:
    """The member asks for the floor on the current item; returns their place in the queue."""
    user = _asking(session)
    current, item_id = _current_item(session)
    me = user.id or 0
    attending = session.repo.attendance(current.id or 0).get(me)
    if attending is None or attending.status not in ATTENDING:
        raise Conflict(
            _("{name} is not recorded as present at this meeting").format(name=user.name)
        )
    if _waiting(session, item_id, me) is not None:
        raise Conflict(_("you are on the speakers' list already"))
    session.repo.insert(
        "floor_requests",
        {
            "agenda_item_id": item_id,
            "member_id": me,
            "status": FloorStatus.WAITING.value,
            "remote": int(attending.status == AttendanceStatus.REMOTE),
        },
    )
    return sum(1 for r in session.repo.floor_requests(item_id) if r.status == FloorStatus.WAITING)


@one_transaction
def withdraw_floor(session: Session) -> None:
    """The member takes back their request on the current item."""
    user = _asking(session)
    _meeting, item_id = _current_item(session)
    request = _waiting(session, item_id, user.id or 0)
    if request is None:
        raise Conflict(_("you are not on the speakers' list"))
    session.repo.update("floor_requests", request.id or 0, {"status": FloorStatus.WITHDRAWN.value})


@one_transaction
def next_speaker(session: Session, meeting_id: int, *, seen_first: int | None = None) -> Speaker:
    """The chair gives the floor to the first in the queue of the current item.
    `seen_first`: the request the user saw first in the queue; when someone else gave the
    floor meanwhile (the chair and the secretary both pressing `h`), refused, saying to
    whom — not the floor given to the next one too."""
    session.require(Capability.RECORD, _("give the floor"))
    current = in_progress(session, meeting_id)
    if current.current_item_id is None:
        raise Conflict(_("there is no current item"))
    queue = floor(session, current.current_item_id).queue
    if seen_first is not None and (not queue or queue[0].request_id != seen_first):
        seen = session.repo.model(m.FloorRequest, seen_first)
        if seen.status == FloorStatus.GIVEN:
            by, at = session.repo.last_change("floor_requests", seen_first)
            raise Conflict(
                _("{by} gave the floor to {name} at {time}").format(
                    by=by,
                    name=session.repo.model(m.Member, seen.member_id).name,
                    time=local_time(at),
                )
            )
    if not queue:
        raise Conflict(_("nobody is waiting for the floor"))
    first = queue[0]
    session.repo.update(
        "floor_requests",
        first.request_id,
        {"status": FloorStatus.GIVEN.value, "given_at": session.repo.clock()},
    )
    return first
