import pytest

from boardroom.domain.errors import PermissionDenied
from boardroom.domain.models import Role
from boardroom.domain.permissions import Capability, capabilities_of, require


@pytest.mark.parametrize(
    ("roles", "capability", "allowed"),
    [
        ([Role.MEMBER], Capability.READ, True),
        ([Role.MEMBER], Capability.REQUEST_AGENDA, True),
        ([Role.PORTFOLIO_HOLDER], Capability.EDIT_COMPOSITION, False),
        ([Role.PORTFOLIO_HOLDER], Capability.BUILD_AGENDA, False),
        ([Role.SECRETARY], Capability.BUILD_AGENDA, True),
        ([Role.SECRETARY], Capability.EDIT_COMPOSITION, True),
        ([Role.SECRETARY], Capability.OPEN_CLOSE_MEETING, False),
        ([Role.CHAIR], Capability.OPEN_CLOSE_MEETING, True),
        ([Role.VICE_CHAIR], Capability.OPEN_CLOSE_MEETING, True),
        ([Role.GUEST], Capability.REQUEST_AGENDA, False),
        ([Role.PROGRAMME_MANAGER, Role.SECRETARY], Capability.RECORD, True),
        ([], Capability.READ, False),
    ],
)
def test_capabilities_by_role(roles, capability, allowed):
    assert (capability in capabilities_of(roles)) is allowed


def test_require_names_the_person_and_the_deed():
    with pytest.raises(PermissionDenied, match=r"Ahmed \(roles: member\) may not open the meeting"):
        require("Ahmed", [Role.MEMBER], Capability.OPEN_CLOSE_MEETING, "open the meeting")
