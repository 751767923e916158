"""A session: one database, one user, one clock. Every use case runs on a session."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from boardroom.domain.clock import Clock
from boardroom.domain.enums import Role
from boardroom.domain.errors import NotFound, ValidationProblem
from boardroom.domain.permissions import Capability, capabilities_of, require
from boardroom.i18n import _
from boardroom.storage.db import Database
from boardroom.storage.migrations import open_board_db
from boardroom.storage.repo import Repo

if TYPE_CHECKING:
    from pydantic import ValidationError

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
P = ParamSpec("P")
T = TypeVar("T")
SYSTEM = "system"


@dataclass(frozen=True)
class Identity:
    """Who is using the app: all that permissions need, read without model validation."""

    id: int
    name: str
    roles: tuple[Role, ...]

    @classmethod
    def of(cls, row: dict[str, Any]) -> Identity:
        return cls(row["id"], row["name"], tuple(Role(r) for r in row["roles"]))


@dataclass
class Session:
    """Who is using the app, on which board, at what time: `now` is the process's one clock,
    handed down by the face that opened the session (see boardroom.clock); nothing below
    asks the wall clock."""

    database: Database
    now: Clock
    user: Identity | None = None
    system: bool = False  # set-up and restore run as the system, not as a member
    #: over SSH: the fingerprint of the key this session logged in with (services.access)
    key: str | None = None
    #: in the browser: the passkey this session signed in with (services.passkeys)
    passkey: int | None = None
    repo: Repo = field(init=False)

    def __post_init__(self) -> None:
        self.repo = Repo(
            self.database,
            actor=self.actor,
            clock=lambda: self.now().astimezone(dt.UTC).isoformat(timespec="seconds"),
        )

    @property
    def actor(self) -> str:
        if self.user is not None:
            return self.user.name
        return SYSTEM if self.system else "viewer"

    @property
    def today(self) -> dt.date:
        return self.local_now().date()

    def local_now(self) -> dt.datetime:
        return self.now().astimezone(AMSTERDAM).replace(tzinfo=None)

    @property
    def roles(self) -> list[Role]:
        """The user's roles; without a user the app is read-only (a guest)."""
        return list(self.user.roles) if self.user else [Role.GUEST]

    def can(self, capability: Capability) -> bool:
        return self.system or capability in capabilities_of(self.roles)

    def require(self, capability: Capability, doing: str) -> None:
        if not self.system:
            require(self.actor, self.roles, capability, doing)

    def version(self, table: str, row_id: int) -> int:
        """The row's version now: hand it back with a save to refuse a save over someone
        else's change (optimistic concurrency, docs/architecture.md §6)."""
        return self.repo.version(table, row_id)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def one_transaction(use_case: Callable[P, T]) -> Callable[P, T]:
    """A use case whose checks read what it then writes (a ballot not yet cast, time left on
    an agenda, the next number) runs whole in one write transaction, so that sessions on
    other laptops are serialised around it: the second of two at once sees the first's
    write and is refused or numbered after it, never doubled (docs/architecture.md §6)."""

    @functools.wraps(use_case)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        session = args[0]
        assert isinstance(session, Session)
        with session.database.transaction():
            return use_case(*args, **kwargs)

    return run


def member_named(session: Session, name: str, field_name: str = "member") -> Identity:
    """A member by name as people type it (see find_member), for the faces."""
    return find_member(session.repo, name, field_name)


def identity(session: Session, member_id: int) -> Identity:
    """A member as a session knows its user: name and roles (read as a session opens; the
    checks at each write ask only whether its key or passkey still opens the board)."""
    return next(i for i in map(Identity.of, session.repo.identity_rows()) if i.id == member_id)


def find_member(repo: Repo, name: str, field_name: str = "member") -> Identity:
    """A member by name as people type it: the exact name (case does not matter), else the
    only name that starts so ("hen" → Henk Jansen), else the only one with a word that starts
    so ("smit" → Ingrid Smit); NotFound when none or several match."""
    wanted = " ".join(name.split()).casefold()
    rows = repo.identity_rows()

    def tier(full: str) -> int | None:
        """0: the whole name, 1: the name starts so, 2: a word in it starts so."""
        folded = full.casefold()
        if folded == wanted:
            return 0
        if folded.startswith(wanted):
            return 1
        if any(word.startswith(wanted) for word in folded.split()):
            return 2
        return None

    ranked = [(tier(row["name"]), row) for row in rows] if wanted else []
    best = min((t for t, _row in ranked if t is not None), default=None)
    matches = [row for t, row in ranked if best is not None and t == best]
    if len(matches) == 1:
        return Identity.of(matches[0])
    if len(matches) > 1:
        names = ", ".join(row["name"] for row in matches[:5])
        raise NotFound(
            _("more than one member matches {name!r}: {names}").format(name=name, names=names),
            field_name,
        )
    raise NotFound(_("no member named {name!r}").format(name=name), field_name)


def open_session(
    path: str | Path,
    now: Clock,
    *,
    as_name: str | None = None,
    create: bool = False,
    system: bool = False,
) -> Session:
    """Open a board database (migrating it) and identify the user; `now` is the clock every
    use case on this session reads."""
    database = open_board_db(path, now, create=create)
    session = Session(database, now, system=system)
    if as_name:
        try:
            session.user = find_member(session.repo, as_name, "--as")
        except NotFound:
            database.close()
            raise
        session.repo.actor = session.user.name
    return session


def problem_from(error: ValidationError, where: str = "") -> ValidationProblem:
    """The first problem of a pydantic error as one line naming the field."""
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"])
    place = f"{where}.{location}" if where and location else (where or location)
    message = first["msg"].removeprefix("Value error, ")
    value = first.get("input")
    if value is not None and not isinstance(value, dict | list) and first["type"] != "missing":
        message = f"{message} (got {value!r})"
    return ValidationProblem(message, place or None)
