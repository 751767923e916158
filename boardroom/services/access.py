"""Access over SSH: which public key is which member (DESIGN §7, the key is the identity).

The secretary or chair binds a member's public key; the board host's OpenSSH reads the
`authorized_keys` lines made here and forces every login into `boardroom ssh-session` with
the key's fingerprint. That command asks `member_for_key` at every login, so a removed key or
a deactivated member is refused at once, even where the lines were written to a file.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from boardroom.domain.errors import Conflict, NotFound, PermissionDenied, ValidationProblem
from boardroom.domain.permissions import Capability
from boardroom.domain.sshkeys import normalise_fingerprint, parse_public_key
from boardroom.i18n import _
from boardroom.services.session import Identity, Session, find_member

_MANAGE = Capability.EDIT_COMPOSITION


def _doing() -> str:
    return _("give or take access to the board")


@dataclass(frozen=True)
class KeyRow:
    id: int
    member_id: int
    member: str
    algorithm: str
    fingerprint: str
    comment: str
    public_key: str  # `TYPE BASE64`, as authorized_keys needs it
    added_at: str
    added_by: str
    active: bool  # the member is active today: the key opens the board


def add_key(session: Session, member_name: str, key_text: str, where: str = "--key") -> KeyRow:
    """Bind a public key to a member; a key belongs to one member only."""
    session.require(_MANAGE, _doing())
    member = find_member(session.repo, member_name, "--member")
    key = parse_public_key(key_text, where)
    owner = session.repo.key_owner(key.fingerprint)
    if owner is not None:
        raise Conflict(
            _("this key ({fingerprint}) is bound to {name} already").format(
                fingerprint=key.fingerprint, name=owner
            ),
            where,
        )
    key_id = session.repo.insert(
        "member_keys",
        {
            "member_id": member.id,
            "algorithm": key.algorithm,
            "public_key": key.line,
            "fingerprint": key.fingerprint,
            "comment": key.comment,
            "added_by_id": session.user.id if session.user else None,
        },
    )
    return next(row for row in keys(session) if row.id == key_id)


def remove_keys(
    session: Session, *, fingerprint: str | None = None, member_name: str | None = None
) -> list[KeyRow]:
    """Take access away: one key by its fingerprint, or every key of a member."""
    session.require(_MANAGE, _doing())
    if fingerprint:
        wanted = normalise_fingerprint(fingerprint)
        gone = [row for row in keys(session) if row.fingerprint == wanted]
        if not gone:
            raise NotFound(
                _("no key with fingerprint {fingerprint}").format(fingerprint=wanted), "--key"
            )
    else:
        member = find_member(session.repo, member_name or "", "--member")
        gone = [row for row in keys(session) if row.member_id == member.id]
        if not gone:
            raise NotFound(_("{name} has no keys").format(name=member.name), "--member")
    with session.database.transaction():
        for row in gone:
            session.repo.delete("member_keys", row.id)
    return gone


def keys(session: Session) -> list[KeyRow]:
    """Every bound key with its member, who added it and when, in member order."""
    active = {x.id for x in session.repo.members(include_inactive=False, on=session.today)}
    return [
        KeyRow(
            row["id"],
            row["member_id"],
            row["member"],
            row["algorithm"],
            row["fingerprint"],
            row["comment"],
            row["public_key"],
            row["created_at"],
            row["added_by"] or "",
            row["member_id"] in active,
        )
        for row in session.repo.key_rows()
    ]


def member_for_key(session: Session, fingerprint: str) -> Identity:
    """Who logs in with this key, asked at every login: PermissionDenied when the key is not
    bound (any more) or its member is no longer active."""
    wanted = normalise_fingerprint(fingerprint)
    row = next((r for r in keys(session) if r.fingerprint == wanted), None)
    if row is None:
        raise PermissionDenied(_("this key has no access to the board; ask the secretary"))
    if not row.active:
        raise PermissionDenied(
            _("{name} is no longer an active member; access ended").format(name=row.member)
        )
    return next(i for i in map(Identity.of, session.repo.identity_rows()) if i.id == row.member_id)


def forced_command(program: list[str], db_path: Path, fingerprint: str) -> str:
    """The command OpenSSH runs for this key, quoted for the shell sshd starts it with."""
    words = [*program, "ssh-session", "--db", str(db_path), "--key", fingerprint]
    return " ".join(shlex.quote(word) for word in words)


def authorized_keys(session: Session, program: list[str], db_path: Path) -> str:
    """The host account's authorized_keys: one line per key of an active member, each forced
    into `boardroom ssh-session` as that key (`restrict` takes away forwarding, agent and X11;
    `pty` gives the TUI its terminal back). Also right as an AuthorizedKeysCommand's output."""
    lines = []
    for row in keys(session):
        if not row.active:
            continue
        command = forced_command(program, db_path.resolve(), row.fingerprint)
        # authorized_keys: inside command="…" only a double quote needs a backslash.
        escaped = command.replace("\\", "\\\\").replace('"', '\\"')
        label = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in row.member)
        lines.append(f'restrict,pty,command="{escaped}" {row.public_key} boardroom:{label}')
    return "".join(line + "\n" for line in lines)


def read_key_file(path: str) -> tuple[str, str]:
    """The text of a public key file, and where it came from (for messages)."""
    file = Path(path).expanduser()
    try:
        if file.stat().st_size > 64_000:
            raise ValidationProblem(_("too large for a public key"), str(file))
        return file.read_text(encoding="utf-8", errors="replace"), str(file)
    except OSError as error:
        raise ValidationProblem(
            _("cannot read ({reason})").format(reason=error.strerror), str(file)
        ) from None
