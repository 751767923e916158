"""A real OpenSSH server on 127.0.0.1 for the board-host tests (bench/sshd.py).

Each test gets its own sshd on a free port, with a host key made for it, logging in as the
user running the tests, whose keys come from `boardroom access authorized-keys` (as a file)
or `boardroom-keys` (sshd's AuthorizedKeysCommand). `./dev test` installs openssh-server
when it is missing; a machine without sshd fails these tests, it does not skip them.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import sshd
from bench.sshd import PROGRAM, make_key
from boardroom.services import access
from boardroom.services.session import open_session
from tests.conftest import fixed_now


class BoardHost(sshd.BoardHost):
    """The bench's board host, with the tests' clock, failing (never skipping) a test when
    sshd cannot be started."""

    def bind(self, member: str, key: Path, by: str = "Els Verhoeven") -> str:
        """Give a member access with this key (as the secretary); returns the fingerprint."""
        session = open_session(self.db, fixed_now, as_name=by)
        try:
            row = access.add_key(session, member, key.with_suffix(".pub").read_text())
        finally:
            session.close()
        self.write_keys()
        return row.fingerprint

    def start(self) -> None:
        self.env = {"BOARDROOM_LANG": "en", "BOARDROOM_NOW": os.environ["BOARDROOM_NOW"]}
        try:
            super().start()
        except sshd.HostProblem as problem:
            pytest.fail(str(problem))


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "keys"
    folder.mkdir(mode=0o700)
    return {name: make_key(folder, name) for name in ("henk", "els", "marianne", "stranger")}


@pytest.fixture(params=["file"])
def board_host(
    request: pytest.FixtureRequest, demo_path: Path, tmp_path: Path
) -> Iterator[BoardHost]:
    folder = tmp_path / "host"
    folder.mkdir()
    host = BoardHost(demo_path, folder, request.param)
    yield host
    host.stop()


def out(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stdout.decode("utf-8", "replace")


def err(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stderr.decode("utf-8", "replace")


__all__ = ["PROGRAM", "BoardHost", "err", "make_key", "out"]
