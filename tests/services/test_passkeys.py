"""Members in the browser, below the page: a one-time invitation, a passkey made with it, and
signing in with it — each ceremony checked by py_webauthn against what a real authenticator
sends. The authenticator here is a software one (an ES256 key pair, 'none' attestation, user
presence and verification flags, a sign count), as Chromium's virtual authenticator is."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import struct

import cbor2
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from boardroom.cli import main
from boardroom.domain.errors import NotFound, PermissionDenied, ValidationProblem
from boardroom.services import composition, passkeys
from boardroom.services.session import open_session
from tests.conftest import NOW

RP_ID, ORIGIN, URL = "tafel.example.nl", "https://tafel.example.nl", "https://tafel.example.nl"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Authenticator:
    """A member's device: one discoverable credential, user verification done."""

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)
        self.count = 0
        self.user_handle = b""

    def _flags_and_count(self, rp_id: str, extra: int = 0) -> bytes:
        return (
            hashlib.sha256(rp_id.encode()).digest()
            + bytes([0x01 | 0x04 | extra])
            + (struct.pack(">I", self.count))
        )

    def create(self, options_json: str, origin: str = ORIGIN) -> str:
        options = json.loads(options_json)
        self.user_handle = unb64(options["user"]["id"])
        numbers = self.key.public_key().public_numbers()
        cose = cbor2.dumps(
            {
                1: 2,
                3: -7,
                -1: 1,
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )
        attested = bytes(16) + struct.pack(">H", len(self.credential_id)) + self.credential_id
        auth_data = self._flags_and_count(options["rp"]["id"], 0x40) + attested + cose
        client = json.dumps({"type": "webauthn.create", "challenge": options["challenge"],
                             "origin": origin, "crossOrigin": False}).encode()  # fmt: skip
        return json.dumps({
            "id": b64(self.credential_id), "rawId": b64(self.credential_id), "type": "public-key",
            "response": {
                "clientDataJSON": b64(client),
                "attestationObject": b64(cbor2.dumps({"fmt": "none", "attStmt": {},
                                                      "authData": auth_data})),
                "transports": ["internal", "hybrid"],
            },
            "clientExtensionResults": {}, "authenticatorAttachment": "platform",
        })  # fmt: skip

    def get(self, options_json: str, origin: str = ORIGIN, count: int | None = None) -> str:
        options = json.loads(options_json)
        self.count = self.count + 1 if count is None else count
        auth_data = self._flags_and_count(options["rpId"])
        client = json.dumps({"type": "webauthn.get", "challenge": options["challenge"],
                             "origin": origin, "crossOrigin": False}).encode()  # fmt: skip
        signature = self.key.sign(
            auth_data + hashlib.sha256(client).digest(), ec.ECDSA(hashes.SHA256())
        )
        return json.dumps({
            "id": b64(self.credential_id), "rawId": b64(self.credential_id), "type": "public-key",
            "response": {"clientDataJSON": b64(client), "authenticatorData": b64(auth_data),
                         "signature": b64(signature), "userHandle": b64(self.user_handle)},
            "clientExtensionResults": {},
        })  # fmt: skip


def token_of(link: str) -> str:
    return link.rsplit("/join/", 1)[1]


def enrolled(els, member: str = "Henk Jansen") -> tuple[Authenticator, int]:
    made = passkeys.invite(els, member, URL)
    device = Authenticator()
    options, challenge, name = passkeys.enrolment_options(els, token_of(made.link), RP_ID, "Tafel")
    assert name == member
    passkey_id = passkeys.enrol(
        els, token_of(made.link), challenge, device.create(options), ORIGIN, RP_ID, "laptop"
    )
    return device, passkey_id


def sign_in(session, device: Authenticator, **kwargs):
    options, challenge = passkeys.sign_in_options(RP_ID)
    assert json.loads(options)["userVerification"] == "required"
    assert (
        "allowCredentials" not in json.loads(options) or not json.loads(options)["allowCredentials"]
    )  # discoverable: no name to type
    return passkeys.sign_in(session, challenge, device.get(options, **kwargs), ORIGIN, RP_ID)


def test_an_invited_member_makes_a_passkey_and_signs_in_with_it(open_demo):
    els = open_demo("Els")
    made = passkeys.invite(els, "henk", URL, hours=48)
    assert made.link.startswith(f"{URL}/join/") and len(token_of(made.link)) >= 40
    assert made.expires_at == (NOW + dt.timedelta(hours=48)).isoformat(timespec="seconds")
    stored = els.repo.invitation_by_token(hashlib.sha256(token_of(made.link).encode()).hexdigest())
    assert stored is not None and token_of(made.link) not in json.dumps(els.repo.dump())
    [row] = passkeys.invitations(els)
    assert (row.member, row.invited_by, row.state) == ("Henk Jansen", "Els Verhoeven", "open")

    device = Authenticator()
    token = token_of(made.link)
    options, challenge, _name = passkeys.enrolment_options(els, token, RP_ID, "Tafel")
    sent = json.loads(options)
    assert sent["authenticatorSelection"]["residentKey"] == "required"
    assert sent["authenticatorSelection"]["userVerification"] == "required"
    assert "Henk" not in base64.urlsafe_b64decode(sent["user"]["id"] + "==").decode()
    passkey_id = passkeys.enrol(
        els, token, challenge, device.create(options), ORIGIN, RP_ID, "laptop"
    )
    [held] = passkeys.passkeys(els)
    assert (held.id, held.member, held.label, held.invited_by, held.last_used_at) == (
        passkey_id,
        "Henk Jansen",
        "laptop",
        "Els Verhoeven",
        "",
    )
    assert passkeys.invitations(els)[0].state == "used"
    with pytest.raises(PermissionDenied, match="this link does not work"):
        passkeys.enrolment_options(els, token, RP_ID, "Tafel")  # once only

    who, used = sign_in(els, device)
    assert (who.name, used) == ("Henk Jansen", passkey_id)
    assert passkeys.passkeys(els)[0].last_used_at == NOW.isoformat(timespec="seconds")
    assert els.repo.passkey(passkey_id).sign_count == 1


def test_a_cloned_authenticator_a_wrong_origin_and_a_stranger_are_refused(open_demo):
    els = open_demo("Els")
    device, _passkey = enrolled(els)
    sign_in(els, device, count=5)
    with pytest.raises(PermissionDenied, match="does not open the board"):
        sign_in(els, device, count=5)  # the count did not go up: a copy of the key
    with pytest.raises(PermissionDenied, match="does not open the board"):
        sign_in(els, device, origin="https://elders.example.com")
    with pytest.raises(PermissionDenied, match="does not open the board"):
        sign_in(els, Authenticator())  # a passkey the board never saw
    assert els.repo.passkey(_passkey).sign_count == 5


def test_a_link_works_once_until_it_expires_and_not_after_it_is_revoked(open_demo, demo_path):
    els = open_demo("Els")
    late = passkeys.invite(els, "Henk", URL, hours=1)
    revoked = passkeys.invite(els, "Ingrid", URL)
    passkeys.revoke_invitation(els, revoked.id)
    with pytest.raises(ValidationProblem, match="is revoked already"):
        passkeys.revoke_invitation(els, revoked.id)
    later = open_session(demo_path, as_name="Els", now=lambda: NOW + dt.timedelta(hours=2))
    try:
        for made in (late, revoked):
            with pytest.raises(PermissionDenied, match="this link does not work"):
                passkeys.enrolment_options(later, token_of(made.link), RP_ID, "Tafel")
        with pytest.raises(PermissionDenied, match="this link does not work"):
            passkeys.enrolment_options(later, "a-guessed-token", RP_ID, "Tafel")
        assert [i.state for i in passkeys.invitations(later)] == ["revoked", "expired"]
    finally:
        later.close()


def test_removing_the_passkey_or_the_member_ends_its_access(open_demo):
    els = open_demo("Els")
    device, passkey_id = enrolled(els)
    assert passkeys.passkey_member(els, passkey_id).name == "Henk Jansen"
    henk = els.repo.member_by_name("Henk Jansen")
    composition.deactivate_member(els, henk.id, on=NOW.date() - dt.timedelta(days=1))
    with pytest.raises(PermissionDenied, match="Henk Jansen is no longer an active member"):
        passkeys.passkey_member(els, passkey_id)
    composition.reactivate_member(els, henk.id)
    passkeys.remove_passkey(els, passkey_id)
    with pytest.raises(PermissionDenied, match="this passkey has no access"):
        passkeys.passkey_member(els, passkey_id)
    with pytest.raises(PermissionDenied, match="does not open the board"):
        sign_in(els, device)
    with pytest.raises(NotFound):
        passkeys.remove_passkey(els, passkey_id)


def test_only_the_secretary_or_the_chair_invites(open_demo):
    with pytest.raises(PermissionDenied, match="may not give or take access"):
        passkeys.invite(open_demo("Henk"), "Ingrid", URL)
    els = open_demo("Els")
    with pytest.raises(ValidationProblem, match="must start with https://"):
        passkeys.invite(els, "Ingrid", "http://tafel.example.nl")
    with pytest.raises(ValidationProblem, match="between 1 and 336 hours"):
        passkeys.invite(els, "Ingrid", URL, hours=0)
    assert passkeys.invitations(els) == []


def test_the_command_line_invites_lists_and_removes(demo_path, capsys):
    base = ["--db", str(demo_path), "--as", "Els"]
    code = main(["access", "invite", *base, "--member", "Henk", "Jansen", "--public-url", URL])
    out = capsys.readouterr().out.splitlines()
    assert code == 0 and out[0].startswith("Henk Jansen: invitation 1, works once until ")
    assert out[1].startswith(f"{URL}/join/")
    with open_session(demo_path, as_name="Els", now=lambda: NOW) as els:
        device = Authenticator()
        options, challenge, _ = passkeys.enrolment_options(els, token_of(out[1]), RP_ID, "T")
        passkey_id = passkeys.enrol(els, token_of(out[1]), challenge, device.create(options),
                                    ORIGIN, RP_ID, "telefoon")  # fmt: skip
        passkeys.invite(els, "Ingrid", URL)
    assert main(["access", "list", *base]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert any(
        line.startswith("Henk Jansen  passkey 1 telefoon  added ")
        and "by Els Verhoeven's invitation, not used yet" in line
        for line in listed
    ), listed
    assert any(line.startswith("Ingrid Smit  invitation 2  open until ") for line in listed)
    assert main(["access", "remove", *base, "--passkey", str(passkey_id)]) == 0
    assert capsys.readouterr().out == "Henk Jansen: passkey 1 removed\n"
    assert main(["access", "invite", *base, "--member", "Henk"]) == 2
    assert "--public-url" in capsys.readouterr().err
