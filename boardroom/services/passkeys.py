"""Access in the browser: a member joins from a one-time link and signs in with a passkey.

A passkey (WebAuthn) is a key pair held by the member's device — Windows Hello, Touch ID, a
phone, a security key — exactly as an SSH key is: the board keeps the public half and the
member's device proves it holds the other, with the member's fingerprint or PIN (user
verification). No passwords, no accounts of our own.

The secretary or chair invites a member (`invite`): a link that works once, for that member,
until it expires, kept only as the sha256 of its token and revocable. Opening it, the member's
browser makes a discoverable credential (`enrolment_options`, then `enrol`); from then on the
board's page signs them in without a name to type (`sign_in_options`, then `sign_in`). The
ceremonies are checked by py_webauthn (the `webauthn` package: registration and
authentication responses, origins, challenges, user verification, and a sign count that goes
back — a cloned authenticator — refused). The challenge of a ceremony is the face's to keep
between its two steps (one browser tab, a minute at most).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from boardroom.domain import models as m
from boardroom.domain.clock import Clock
from boardroom.domain.errors import NotFound, PermissionDenied, ValidationProblem
from boardroom.domain.permissions import Capability
from boardroom.i18n import _
from boardroom.services.session import (
    Identity,
    Session,
    find_member,
    identity,
    one_transaction,
    open_session,
)

#: how long an invitation link works unless the secretary says otherwise
INVITATION_HOURS = 72
#: the longest an invitation may be given for (a link is a key to the board until it is used)
MOST_HOURS = 24 * 14


def _doing() -> str:
    return _("give or take access to the board")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Invited:
    """A new invitation: the link to send (shown once, never kept) and until when it works."""

    id: int
    member: str
    link: str
    expires_at: str


@dataclass(frozen=True)
class InvitationRow:
    id: int
    member: str
    invited_by: str
    created_at: str
    expires_at: str
    state: str  # open, used, expired, revoked


@dataclass(frozen=True)
class PasskeyRow:
    id: int
    member_id: int
    member: str
    label: str
    added_at: str
    invited_by: str
    last_used_at: str
    active: bool  # the member is active today: the passkey opens the board


@one_transaction
def invite(
    session: Session, member_name: str, public_url: str, hours: int = INVITATION_HOURS
) -> Invited:
    """A one-time link for a member to make a passkey with (`public_url`: where the board's
    page is, as members reach it)."""
    session.require(Capability.EDIT_COMPOSITION, _doing())
    if not 1 <= hours <= MOST_HOURS:
        raise ValidationProblem(
            _("an invitation works between 1 and {most} hours").format(most=MOST_HOURS), "--hours"
        )
    base = public_url.strip().rstrip("/")
    if not base.startswith(("https://", "http://localhost", "http://127.0.0.1")):
        raise ValidationProblem(
            _("the board's address must start with https:// (got {url!r})").format(url=base),
            "--public-url",
        )
    member = find_member(session.repo, member_name, "--member")
    if not session.repo.model(m.Member, member.id).is_active(session.today):
        raise ValidationProblem(
            _("{name} is no longer an active member").format(name=member.name), "--member"
        )
    token = secrets.token_urlsafe(32)
    expires = _utc(session.now() + dt.timedelta(hours=hours))
    invitation_id = session.repo.insert(
        "invitations",
        m.Invitation(
            member_id=member.id,
            token_sha256=_hash(token),
            expires_at=expires,
            invited_by_id=session.user.id if session.user else None,
        ),
    )
    return Invited(invitation_id, member.name, f"{base}/join/{token}", expires)


def _state(row: dict[str, Any], now: str) -> str:
    if row["revoked_at"]:
        return "revoked"
    if row["used_at"]:
        return "used"
    return "expired" if row["expires_at"] <= now else "open"


def invitations(session: Session) -> list[InvitationRow]:
    """Every invitation, newest first, with its state now (who was invited and until when,
    as `access list` shows the keys; never a link)."""
    now = _utc(session.now())
    return [
        InvitationRow(
            row["id"],
            row["member"],
            row["invited_by"] or "",
            row["created_at"],
            row["expires_at"],
            _state(row, now),
        )
        for row in session.repo.invitation_rows()
    ]


@one_transaction
def revoke_invitation(session: Session, invitation_id: int) -> None:
    """An invitation not used yet stops working."""
    session.require(Capability.EDIT_COMPOSITION, _doing())
    row = next((r for r in invitations(session) if r.id == invitation_id), None)
    if row is None:
        raise NotFound(_("no invitation {id}").format(id=invitation_id), "--invitation")
    if row.state != "open":
        raise ValidationProblem(
            _("invitation {id} is {state} already").format(id=invitation_id, state=_(row.state)),
            "--invitation",
        )
    session.repo.update("invitations", invitation_id, {"revoked_at": _utc(session.now())})


def _open_invitation(session: Session, token: str) -> tuple[m.Invitation, m.Member]:
    """The invitation a link's token opens, and its member; one refusal for every way it does
    not (unknown, used, expired, revoked, the member gone), so a link says nothing of others."""
    invitation = session.repo.invitation_by_token(_hash(token))
    refused = PermissionDenied(_("this link does not work (any more); ask the secretary"))
    if invitation is None or invitation.used_at or invitation.revoked_at:
        raise refused
    if invitation.expires_at <= _utc(session.now()):
        raise refused
    member = session.repo.model(m.Member, invitation.member_id)
    if not member.is_active(session.today):
        raise refused
    return invitation, member


def invited(session: Session, token: str) -> str:
    """The name of the member an invitation link is for, while it works (the page greets
    them); PermissionDenied, with one message for every way it does not."""
    return _open_invitation(session, token)[1].name


def _user_handle(member: m.Member) -> bytes:
    """What the authenticator keeps as the member's handle: the member's id, no name."""
    return f"boardroom-member-{member.id}".encode()


def enrolment_options(
    session: Session, token: str, rp_id: str, rp_name: str
) -> tuple[str, bytes, str]:
    """For an invitation link: the WebAuthn registration options (JSON for the browser), the
    challenge to keep until `enrol`, and the member's name (the page greets them)."""
    from webauthn import generate_registration_options, options_to_json
    from webauthn.helpers.base64url_to_bytes import base64url_to_bytes
    from webauthn.helpers.structs import (
        AuthenticatorSelectionCriteria,
        PublicKeyCredentialDescriptor,
        ResidentKeyRequirement,
        UserVerificationRequirement,
    )

    _invitation, member = _open_invitation(session, token)
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=rp_name,
        user_id=_user_handle(member),
        user_name=member.name,
        user_display_name=member.name,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(p.credential_id))
            for p in session.repo.passkeys_of(member.id or 0)
        ],
    )
    return options_to_json(options), options.challenge, member.name


@one_transaction
def enrol(
    session: Session,
    token: str,
    challenge: bytes,
    credential: str,
    origin: str,
    rp_id: str,
    label: str = "",
) -> int:
    """The member's browser made a passkey: verified, bound to the member, the invitation
    used up — all in one transaction. Returns the passkey's id."""
    from webauthn import verify_registration_response
    from webauthn.helpers.bytes_to_base64url import bytes_to_base64url
    from webauthn.helpers.exceptions import InvalidRegistrationResponse

    invitation, member = _open_invitation(session, token)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
            require_user_verification=True,
        )
    except (InvalidRegistrationResponse, ValueError, KeyError, TypeError) as error:
        raise PermissionDenied(
            _("the passkey was not made: {why}").format(why=str(error) or "invalid")
        ) from None
    credential_id = bytes_to_base64url(verified.credential_id)
    if session.repo.passkey_by_credential(credential_id) is not None:
        raise PermissionDenied(_("this passkey is bound to the board already"))
    transports = _transports(credential)
    now = _utc(session.now())
    passkey_id = session.repo.insert(
        "passkeys",
        m.Passkey(
            member_id=member.id or 0,
            credential_id=credential_id,
            public_key=bytes_to_base64url(verified.credential_public_key),
            sign_count=verified.sign_count,
            transports=transports,
            label=label.strip()[:80],
            invitation_id=invitation.id,
        ),
    )
    session.repo.update("invitations", invitation.id or 0, {"used_at": now})
    return passkey_id


def _transports(credential: str) -> list[str]:
    try:
        found = json.loads(credential).get("response", {}).get("transports", [])
    except (ValueError, AttributeError):
        return []
    return [str(t) for t in found][:8] if isinstance(found, list) else []


def sign_in_options(rp_id: str) -> tuple[str, bytes]:
    """The board's page asks for any passkey of this board (discoverable: no name to type):
    the options (JSON for the browser) and the challenge to keep until `sign_in`."""
    from webauthn import generate_authentication_options, options_to_json
    from webauthn.helpers.structs import UserVerificationRequirement

    options = generate_authentication_options(
        rp_id=rp_id, user_verification=UserVerificationRequirement.REQUIRED
    )
    return options_to_json(options), options.challenge


@one_transaction
def sign_in(
    session: Session, challenge: bytes, credential: str, origin: str, rp_id: str
) -> tuple[Identity, int]:
    """Who signs in with this passkey: verified against its public key and sign count (a
    count that does not go up is a cloned authenticator: refused), its member active. The
    count and the moment are kept. Returns the member and the passkey's id."""
    from webauthn import verify_authentication_response
    from webauthn.helpers.base64url_to_bytes import base64url_to_bytes
    from webauthn.helpers.exceptions import InvalidAuthenticationResponse

    refused = PermissionDenied(_("this passkey does not open the board; ask the secretary"))
    try:
        credential_id = str(json.loads(credential)["id"])
    except (ValueError, KeyError, TypeError):
        raise refused from None
    passkey = session.repo.passkey_by_credential(credential_id)
    if passkey is None:
        raise refused
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=base64url_to_bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
            require_user_verification=True,
        )
    except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError):
        raise refused from None
    identity = passkey_member(session, passkey.id or 0)
    session.repo.update(
        "passkeys",
        passkey.id or 0,
        {"sign_count": verified.new_sign_count, "last_used_at": _utc(session.now())},
    )
    return identity, passkey.id or 0


def passkey_opens(session: Session, passkey_id: int) -> int:
    """The id of the active member a passkey opens the board for, asked again at every write
    and look of a browser session (two indexed reads): PermissionDenied once it is removed or
    its member is no longer active."""
    passkey = session.repo.passkey(passkey_id)
    if passkey is None:
        raise PermissionDenied(_("this passkey has no access to the board; ask the secretary"))
    member = session.repo.model(m.Member, passkey.member_id)
    if not member.is_active(session.today):
        raise PermissionDenied(
            _("{name} is no longer an active member; access ended").format(name=member.name)
        )
    return passkey.member_id


def passkey_member(session: Session, passkey_id: int) -> Identity:
    """Who a passkey signs in: the member, with their roles (at sign-in and as a session
    opens)."""
    return identity(session, passkey_opens(session, passkey_id))


def passkeys(session: Session) -> list[PasskeyRow]:
    """Every passkey with its member, how it came (whose invitation) and when last used."""
    active = {x.id for x in session.repo.active_members(session.today)}
    return [
        PasskeyRow(
            row["id"],
            row["member_id"],
            row["member"],
            row["label"],
            row["created_at"],
            row["invited_by"] or "",
            row["last_used_at"] or "",
            row["member_id"] in active,
        )
        for row in session.repo.passkey_rows()
    ]


@one_transaction
def remove_passkey(session: Session, passkey_id: int) -> PasskeyRow:
    """Take a passkey away: it signs no one in again, and its open sessions end."""
    session.require(Capability.EDIT_COMPOSITION, _doing())
    row = next((p for p in passkeys(session) if p.id == passkey_id), None)
    if row is None:
        raise NotFound(_("no passkey {id}").format(id=passkey_id), "--passkey")
    session.repo.delete("passkeys", passkey_id)
    return row


def open_passkey_session(path: Path, now: Clock, passkey_id: int) -> Session:
    """A session as the member a passkey opens the board for, for as long as it does: every
    write asks again under the write lock (as over SSH: `access.open_key_session`)."""
    session = open_session(path, now)
    try:
        session.user = passkey_member(session, passkey_id)
    except BaseException:
        session.close()
        raise
    session.repo.actor = session.user.name
    session.passkey = passkey_id

    def still_open(_conn: sqlite3.Connection) -> None:
        passkey_opens(session, passkey_id)  # in the write's transaction

    session.database.before_write = still_open
    return session
