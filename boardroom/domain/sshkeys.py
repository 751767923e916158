"""OpenSSH public keys: the identity of a member who reaches the board over SSH (docs/architecture.md §6).

Pure parsing, no I/O: the text of a `.pub` file in, the key's type, its body and its SHA256
fingerprint (the same text `ssh-keygen -lf` prints) out. OpenSSH verifies the signatures;
this module only decides which lines the board accepts:

- one key, in the one-line form `TYPE BASE64 [COMMENT]`; no options before it (the board
  writes the options itself, and a key that brings its own `command=` would escape them);
- Ed25519, ECDSA and RSA of at least 2048 bits (OpenSSH refuses shorter RSA keys since 8.8);
- the base64 body must name the same type it is filed under (a renamed key is refused);
- a private key, given by mistake, is refused with a message that says so.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct
from dataclasses import dataclass

from boardroom.domain.errors import ValidationProblem

ALGORITHMS = (
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
)
MIN_RSA_BITS = 2048
#: A comment ends up in authorized_keys: printable characters only, and not too long.
MAX_COMMENT = 200


@dataclass(frozen=True)
class PublicKey:
    algorithm: str
    body: str  # the base64 text, as in the .pub file
    comment: str
    fingerprint: str  # SHA256:… (base64 without padding), as ssh-keygen -lf prints it

    @property
    def line(self) -> str:
        """`TYPE BASE64`: what authorized_keys needs (the comment is the board's to write)."""
        return f"{self.algorithm} {self.body}"


def fingerprint_of(blob: bytes) -> str:
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii")
    return "SHA256:" + digest.rstrip("=")


def _strings(blob: bytes) -> list[bytes]:
    """The SSH wire format: a sequence of uint32-length-prefixed strings."""
    parts, offset = [], 0
    while offset < len(blob):
        if offset + 4 > len(blob):
            raise ValueError("truncated")
        (length,) = struct.unpack(">I", blob[offset : offset + 4])
        offset += 4
        if offset + length > len(blob):
            raise ValueError("truncated")
        parts.append(blob[offset : offset + length])
        offset += length
    return parts


def _rsa_bits(parts: list[bytes]) -> int:
    modulus = parts[2] if len(parts) >= 3 else b""
    return int.from_bytes(modulus, "big").bit_length()


def parse_public_key(text: str, where: str = "key") -> PublicKey:
    """The one public key in `text` (a .pub file's content), or ValidationProblem saying why not."""
    if "PRIVATE KEY" in text:
        raise ValidationProblem(
            "this is a private key; send the public key (the .pub file) and keep the private"
            " key to yourself",
            where,
        )
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise ValidationProblem("no public key here (expected e.g. 'ssh-ed25519 AAAA…')", where)
    if len(lines) > 1:
        raise ValidationProblem(f"{len(lines)} lines; give one public key per file", where)
    fields = lines[0].split(maxsplit=2)
    if fields[0] not in ALGORITHMS:
        if any(a in lines[0] for a in ALGORITHMS):
            raise ValidationProblem(
                "options before the key are not accepted; give the plain .pub line", where
            )
        raise ValidationProblem(
            f"not an OpenSSH public key (starts with {fields[0][:30]!r}; expected"
            " ssh-ed25519, ssh-rsa or ecdsa-sha2-…)",
            where,
        )
    if len(fields) < 2:
        raise ValidationProblem("the key has no body after its type", where)
    algorithm, body = fields[0], fields[1]
    comment = fields[2].strip() if len(fields) > 2 else ""
    try:
        blob = base64.b64decode(body, validate=True)
        parts = _strings(blob)
    except (binascii.Error, ValueError):
        raise ValidationProblem(
            "the key's body is not valid (damaged when copied?)", where
        ) from None
    if not parts or parts[0].decode("ascii", "replace") != algorithm:
        raise ValidationProblem(
            f"the key's body is not of type {algorithm} (damaged or renamed?)", where
        )
    if algorithm == "ssh-rsa" and (bits := _rsa_bits(parts)) < MIN_RSA_BITS:
        raise ValidationProblem(
            f"an RSA key of {bits} bits is too weak; make one of at least {MIN_RSA_BITS} bits"
            " (or, better, ssh-keygen -t ed25519)",
            where,
        )
    comment = "".join(ch for ch in comment if ch.isprintable())[:MAX_COMMENT]
    return PublicKey(algorithm, body, comment, fingerprint_of(blob))


def normalise_fingerprint(text: str) -> str:
    """`SHA256:abc…` as typed or pasted (with or without the prefix or padding)."""
    value = text.strip()
    if value.upper().startswith("SHA256:"):
        value = value[7:]
    return "SHA256:" + value.rstrip("=")
