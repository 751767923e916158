"""Access over SSH: which public key is which member (the key is the identity).

The secretary or chair binds a member's public key; the board host's OpenSSH reads the
`authorized_keys` lines made here (or by `boardroom-keys`, the same lines without starting
the app) and forces every login into `boardroom ssh-session` with the key's fingerprint.
That command asks `member_for_key` at every login, so a removed key or a deactivated member
is refused at once, even where the lines were written to a file. A session that is open
when access ends ends too: every write over SSH asks again, under the write lock, and the
app asks each time the board changes (`access_ended`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from boardroom.domain.authorized_keys import authorized_keys as authorized_keys_lines
from boardroom.domain.clock import Clock
from boardroom.domain.errors import Conflict, NotFound, PermissionDenied
from boardroom.domain.permissions import Capability
from boardroom.domain.sshkeys import normalise_fingerprint, parse_public_key
from boardroom.i18n import _
from boardroom.services.session import Identity, Session, find_member, identity, open_session
from boardroom.storage.repo import Repo

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


def require_manager(session: Session) -> None:
    """May this user give or take access? (Asked before a key file is read.)"""
    session.require(_MANAGE, _doing())


def add_key(session: Session, member_name: str, key_text: str, where: str = "--key") -> KeyRow:
    """Bind a public key to a member; a key belongs to one member only."""
    require_manager(session)
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
    """Take access away: one key by its fingerprint, or every key of a member. Their open
    sessions end within a second (see `access_ended`)."""
    require_manager(session)
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
    active = {x.id for x in session.repo.active_members(session.today)}
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
    return identity(
        session, _key_member(session.repo, normalise_fingerprint(fingerprint), session.today)
    )


def _key_member(repo: Repo, fingerprint: str, day: dt.date) -> int:
    """The id of the active member a key opens the board for, or PermissionDenied saying why
    not."""
    found = repo.key_access(fingerprint, day)
    if found is None:
        raise PermissionDenied(_("this key has no access to the board; ask the secretary"))
    member_id, name, active = found
    if not active:
        raise PermissionDenied(
            _("{name} is no longer an active member; access ended").format(name=name)
        )
    return member_id


def open_key_session(path: Path, now: Clock, fingerprint: str) -> Session:
    """A session as the member a key is bound to, for as long as the key opens the board:
    every write asks again, under the write lock and with every other commit in view, and a
    key removed (or a member deactivated) meanwhile has its write refused whole."""
    session = open_session(path, now)
    try:
        wanted = normalise_fingerprint(fingerprint)
        session.user = member_for_key(session, wanted)
    except BaseException:
        session.close()
        raise
    session.repo.actor = session.user.name
    session.key = wanted

    def still_open(_conn: sqlite3.Connection) -> None:
        _key_member(session.repo, wanted, session.today)  # in the write's transaction

    session.database.before_write = still_open
    return session


def access_ended(session: Session) -> str | None:
    """Why this session's key (or passkey) no longer opens the board (None: it does, or the
    session did not come in with one). Cheap: one or two indexed reads."""
    if session.passkey is not None:
        from boardroom.services.passkeys import passkey_opens

        try:
            passkey_opens(session, session.passkey)
        except PermissionDenied as denied:
            return denied.message
        return None
    if session.key is None:
        return None
    try:
        _key_member(session.repo, session.key, session.today)
    except PermissionDenied as denied:
        return denied.message
    return None


def authorized_keys(session: Session, program: list[str], db_path: Path) -> str:
    """The host account's authorized_keys: one line per key of an active member, each forced
    into `boardroom ssh-session` as that key (the same lines `boardroom-keys` gives sshd)."""
    rows = session.repo.active_keys(session.today)
    return authorized_keys_lines(program, str(db_path.resolve()), rows)
