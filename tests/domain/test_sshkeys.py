"""Public keys as members send them: what is accepted, and the one line for what is not."""

from __future__ import annotations

import base64
import struct
import subprocess
from pathlib import Path

import pytest

from boardroom.domain.errors import ValidationProblem
from boardroom.domain.sshkeys import normalise_fingerprint, parse_public_key


def blob(*parts: bytes) -> str:
    return base64.b64encode(b"".join(struct.pack(">I", len(p)) + p for p in parts)).decode()


@pytest.mark.parametrize("kind", ["ed25519", "rsa", "ecdsa"])
def test_keys_made_by_ssh_keygen_have_its_fingerprint(tmp_path: Path, kind: str):
    path = tmp_path / kind
    subprocess.run(
        ["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", "els@laptop", "-f", str(path)], check=True
    )
    key = parse_public_key(path.with_suffix(".pub").read_text())
    printed = subprocess.run(
        ["ssh-keygen", "-lf", str(path.with_suffix(".pub"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert key.fingerprint == printed[1] and key.comment == "els@laptop"
    assert key.line.startswith(key.algorithm + " AAAA")


ED25519 = "ssh-ed25519 " + blob(b"ssh-ed25519", bytes(32))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----\n",
            "this is a private key",
        ),
        ("", "no public key here"),
        ("hello world", "not an OpenSSH public key (starts with 'hello'"),
        (f"{ED25519}\n{ED25519}\n", "2 lines; give one public key per file"),
        (f'command="sh" {ED25519}', "options before the key are not accepted"),
        ("ssh-ed25519", "the key has no body after its type"),
        ("ssh-ed25519 AAAA!!!", "the key's body is not valid"),
        ("ssh-rsa " + blob(b"ssh-ed25519", bytes(32)), "the key's body is not of type ssh-rsa"),
        (
            "ssh-rsa " + blob(b"ssh-rsa", b"\x01\x00\x01", b"\x00" + b"\xff" * 128),
            "an RSA key of 1024 bits is too weak",
        ),
    ],
)
def test_what_is_not_one_public_key_is_refused_with_the_reason(text: str, message: str):
    with pytest.raises(ValidationProblem) as problem:
        parse_public_key(text, "els.pub")
    assert problem.value.where == "els.pub" and message in problem.value.message


def test_a_fingerprint_is_found_however_it_is_pasted():
    assert normalise_fingerprint(" sha256:abc= ") == "SHA256:abc"
    assert normalise_fingerprint("abc") == "SHA256:abc"
