"""Who may do what. The services ask; the screens only show."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from boardroom.domain.enums import Role
from boardroom.domain.errors import PermissionDenied


class Capability(StrEnum):
    READ = "read"
    REQUEST_AGENDA = "request_agenda"
    EDIT_COMPOSITION = "edit_composition"
    PLAN = "plan"
    BUILD_AGENDA = "build_agenda"
    RECORD = "record"
    OPEN_CLOSE_MEETING = "open_close_meeting"
    APPROVE_MINUTES = "approve_minutes"
    KEEP_WERKAGENDA = "keep_werkagenda"  # result agreements, KPIs and their figures
    #: answer in a round for one's own seat, ask for the floor (a guest only follows)
    TAKE_PART = "take_part"


_EVERYONE = {Capability.READ, Capability.REQUEST_AGENDA, Capability.TAKE_PART}
_ORGANISERS = _EVERYONE | {
    Capability.EDIT_COMPOSITION,
    Capability.PLAN,
    Capability.BUILD_AGENDA,
    Capability.RECORD,
    Capability.KEEP_WERKAGENDA,
}
_CHAIRS = _ORGANISERS | {Capability.OPEN_CLOSE_MEETING, Capability.APPROVE_MINUTES}

CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.CHAIR: frozenset(_CHAIRS),
    Role.VICE_CHAIR: frozenset(_CHAIRS),
    Role.SECRETARY: frozenset(_ORGANISERS),
    Role.PORTFOLIO_HOLDER: frozenset(_EVERYONE),
    Role.PROGRAMME_MANAGER: frozenset(_EVERYONE | {Capability.KEEP_WERKAGENDA}),
    Role.ADVISER: frozenset(_EVERYONE),
    Role.MEMBER: frozenset(_EVERYONE),
    Role.GUEST: frozenset({Capability.READ}),
}


def capabilities_of(roles: Iterable[Role]) -> frozenset[Capability]:
    """The union of what a person's roles allow."""
    allowed: set[Capability] = set()
    for role in roles:
        allowed |= CAPABILITIES[Role(role)]
    return frozenset(allowed)


def require(user_name: str, roles: Iterable[Role], capability: Capability, doing: str) -> None:
    """Raise PermissionDenied unless the roles allow the capability."""
    if capability not in capabilities_of(roles):
        role_list = ", ".join(Role(r).value for r in roles) or "none"
        raise PermissionDenied(f"{user_name} (roles: {role_list}) may not {doing}")
