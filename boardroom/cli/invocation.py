"""One run of a command: what it was asked, on which board, as whom, at what time, and which
of the host's files it may touch."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from boardroom.domain.clock import Clock
from boardroom.host_files import HostFiles

if TYPE_CHECKING:
    from boardroom.services.session import Session


@dataclass
class Invocation:
    args: argparse.Namespace
    db_path: Path
    user: str | None
    now: Clock
    files: HostFiles
    #: where the board is replicated while the app is open (never over SSH), how far back
    replica: str | None = None
    replica_days: float | None = None
    #: over SSH: the fingerprint of the key that logged in (checked again at every write)
    key: str | None = None
    #: in the browser: the passkey that signed in (checked again at every write)
    passkey: int | None = None

    @property
    def over_ssh(self) -> bool:
        return self.key is not None

    @property
    def board_label(self) -> str:
        """The board's file as messages name it: its path on a laptop, not over SSH."""
        return "the board" if self.over_ssh else str(self.db_path)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session on the board as the user (over SSH: bound to the key that logged in)."""
        if self.key is not None:
            from boardroom.services.access import open_key_session

            session = open_key_session(self.db_path, self.now, self.key)
        elif self.passkey is not None:
            from boardroom.services.passkeys import open_passkey_session

            session = open_passkey_session(self.db_path, self.now, self.passkey)
        else:
            from boardroom.services.session import open_session

            session = open_session(self.db_path, self.now, as_name=self.user)
        try:
            yield session
        finally:
            session.close()
