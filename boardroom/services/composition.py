"""The board's composition: perspectives, members, themes, behaviour rules, leading principles.

Each function validates its input with the domain model, checks the user's permission,
and writes in one transaction (logged). Members are deactivated, never deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import ValidationError

from boardroom.domain import models as m
from boardroom.domain.errors import Conflict, NotFound
from boardroom.domain.permissions import Capability
from boardroom.i18n import _
from boardroom.services.session import Session, one_transaction, problem_from
from boardroom.storage.repo import RuleTable as RuleTable  # the screens name the lists by it
from boardroom.storage.repo import to_row

R = TypeVar("R", bound=m.Record)
_EDIT = Capability.EDIT_COMPOSITION


def _doing() -> str:
    return _("edit the board's composition")


def _validated(kind: type[R], values: dict[str, Any]) -> R:
    try:
        return kind.model_validate(values)
    except ValidationError as error:
        raise problem_from(error) from None


def _merged(
    session: Session, kind: type[m.Record], row_id: int | None, data: dict[str, Any]
) -> dict[str, Any]:
    """The form's fields over the stored record's (a new record: the form's alone)."""
    if row_id is None:
        return dict(data)
    current = session.repo.model(kind, row_id).model_dump(
        exclude={"id", "created_at", "updated_at"}
    )
    return {**current, **data}


def _check_unique_name(session: Session, table: str, name: str, row_id: int | None) -> None:
    if session.repo.name_taken(table, name, row_id):
        raise Conflict(_("{name!r} exists already").format(name=name), "name")


def _save(
    session: Session, table: str, model: m.Record, row_id: int | None, seen: int | None = None
) -> int:
    row = to_row(table, model)
    if row_id is None:
        return session.repo.insert(table, row)
    session.repo.update(table, row_id, row, seen=seen)
    return row_id


# -- perspectives --------------------------------------------------------------------------


@one_transaction
def save_perspective(session: Session, data: dict[str, Any], row_id: int | None = None) -> int:
    """Add (row_id None) or change a perspective."""
    session.require(_EDIT, _doing())
    values = _merged(session, m.Perspective, row_id, data)
    if row_id is None and "position" not in data:
        values["position"] = session.repo.next_order("perspectives")
    perspective = _validated(m.Perspective, values)
    _check_unique_name(session, "perspectives", perspective.name, row_id)
    return _save(session, "perspectives", perspective, row_id)


@one_transaction
def delete_perspective(session: Session, row_id: int) -> None:
    """Delete a perspective that no member, ballot or interest round refers to."""
    session.require(_EDIT, _doing())
    used = session.repo.members_in_perspective(row_id)
    if used:
        raise Conflict(
            _("{count} member(s) belong to this perspective; move them first").format(count=used)
        )
    session.repo.delete("perspectives", row_id)


# -- members -------------------------------------------------------------------------------


@one_transaction
def save_member(
    session: Session, data: dict[str, Any], row_id: int | None = None, seen: int | None = None
) -> int:
    """Add or change a member; the perspective must exist. `seen`: the member's version when
    the form opened (a change by someone else since is refused, not overwritten)."""
    session.require(_EDIT, _doing())
    values = _merged(session, m.Member, row_id, data)
    if row_id is None and "seat_order" not in data:
        values["seat_order"] = session.repo.next_order("members", "seat_order")
    member = _validated(m.Member, values)
    if member.active_from and member.active_until and member.active_until < member.active_from:
        raise Conflict(_("active until is before active from"), "active_until")
    if member.perspective_id is not None:
        try:
            session.repo.get("perspectives", member.perspective_id)
        except NotFound:
            raise NotFound(_("unknown perspective"), "perspective") from None
    _check_unique_name(session, "members", member.name, row_id)
    return _save(session, "members", member, row_id, seen)


@one_transaction
def deactivate_member(session: Session, row_id: int, on: dt.date | None = None) -> None:
    """The member leaves the table: active until yesterday (or `on`). History stays."""
    session.require(_EDIT, _doing())
    member = session.repo.model(m.Member, row_id)
    until = on or (session.today - dt.timedelta(days=1))
    changes: dict[str, Any] = {"active_until": until.isoformat()}
    if member.active_from and member.active_from > until:
        changes["active_from"] = until.isoformat()
    session.repo.update("members", row_id, changes)


@one_transaction
def reactivate_member(session: Session, row_id: int) -> None:
    session.require(_EDIT, _doing())
    session.repo.update("members", row_id, {"active_until": None})


# -- themes --------------------------------------------------------------------------------


@one_transaction
def save_theme(
    session: Session,
    data: dict[str, Any],
    holder_ids: list[int] | None = None,
    row_id: int | None = None,
    seen: int | None = None,
) -> int:
    """Add or change a theme and, when given, its portfolio holders (`seen`: as for members)."""
    session.require(_EDIT, _doing())
    theme = _validated(m.Theme, _merged(session, m.Theme, row_id, data))
    _check_unique_name(session, "themes", theme.name, row_id)
    for member_id in [theme.programme_manager_id, *(holder_ids or [])]:
        if member_id is not None:
            session.repo.get("members", member_id)
    with session.database.transaction():
        theme_id = _save(session, "themes", theme, row_id, seen)
        if holder_ids is not None:
            session.repo.set_theme_holders(theme_id, list(dict.fromkeys(holder_ids)))
    return theme_id


def member_to_edit(session: Session, row_id: int) -> tuple[m.Member, int]:
    """A member as a form opens it: the row and its version (the version first, so that a
    change made between the two reads is caught when the form is saved)."""
    session.require(Capability.READ, _("read the composition"))
    seen = session.version("members", row_id)
    return session.repo.model(m.Member, row_id), seen


def active_themes(session: Session) -> list[m.Theme]:
    """The themes a request or an item can be about."""
    session.require(Capability.READ, _("read the composition"))
    return [theme for theme in session.repo.themes() if theme.active]


def find_theme(session: Session, name: str, field_name: str = "theme") -> m.Theme:
    """A theme by its name (case does not matter)."""
    wanted = name.strip().casefold()
    theme = next((t for t in session.repo.themes() if t.name.casefold() == wanted), None)
    if theme is None:
        raise NotFound(_("no theme named {name!r}").format(name=name), field_name)
    return theme


# -- behaviour rules and leading principles ------------------------------------------------


@one_transaction
def save_rule(
    session: Session, table: RuleTable, data: dict[str, Any], row_id: int | None = None
) -> int:
    session.require(_EDIT, _doing())
    kind = m.LeadingPrinciple if table == "leading_principles" else m.BehaviourRule
    values = _merged(session, kind, row_id, data)
    if row_id is None and "position" not in data:
        values["position"] = session.repo.next_order(table)
    rule = _validated(kind, values)
    return _save(session, table, rule, row_id)


@one_transaction
def set_rule_active(session: Session, table: RuleTable, row_id: int, active: bool) -> None:
    session.require(_EDIT, _doing())
    session.repo.update(table, row_id, {"active": int(active)})


@one_transaction
def move_rule(session: Session, table: RuleTable, row_id: int, delta: int) -> None:
    """Move a rule up (delta -1) or down (+1), renumbering positions 1..n."""
    session.require(_EDIT, _doing())
    ids = [rule.id for rule in session.repo.rules(table) if rule.id is not None]
    index = ids.index(row_id)
    target = max(0, min(len(ids) - 1, index + delta))
    if target == index:
        return
    ids.insert(target, ids.pop(index))
    with session.database.transaction():
        for position, rule_id in enumerate(ids, start=1):
            session.repo.update(table, rule_id, {"position": position})


# -- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Composition:
    """The whole composition in one read: small tables, loaded together for the screens."""

    perspectives: list[m.Perspective]
    members: list[m.Member]
    themes: list[m.Theme]
    holders: dict[int, list[int]]
    behaviour_rules: list[m.BehaviourRule]
    leading_principles: list[m.LeadingPrinciple]

    def perspective_name(self, perspective_id: int | None) -> str:
        return next((p.name for p in self.perspectives if p.id == perspective_id), "")

    def member_name(self, member_id: int | None) -> str:
        return next((x.name for x in self.members if x.id == member_id), "")

    def members_of(self, perspective_id: int | None) -> list[m.Member]:
        return [x for x in self.members if x.perspective_id == perspective_id]


def composition(session: Session) -> Composition:
    session.require(Capability.READ, "read the board")
    repo = session.repo
    return Composition(
        perspectives=repo.perspectives(),
        members=repo.members(),
        themes=repo.themes(),
        holders=repo.theme_holders(),
        behaviour_rules=repo.rules("behaviour_rules"),
        leading_principles=repo.rules("leading_principles"),
    )
