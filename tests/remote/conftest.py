"""A real OpenSSH server on 127.0.0.1 for the board-host tests (DESIGN §7).

Each test gets its own sshd on a free port, with a host key made for it, logging in as the
user running the tests, whose keys come from `boardroom access authorized-keys` (as a file,
or as sshd's AuthorizedKeysCommand). `./dev test` installs openssh-server when it is missing;
a machine without sshd fails these tests, it does not skip them.
"""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from boardroom.services import access
from boardroom.services.session import open_session
from tests.conftest import fixed_now

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"
PROGRAM = [sys.executable, "-m", "boardroom"]
#: sshd's AuthorizedKeysCommand: the small entry point the README installs
KEYS = str(Path(sys.executable).with_name("boardroom-keys"))


def make_key(folder: Path, name: str, kind: str = "ed25519") -> Path:
    """A key pair made for the test; returns the private key's path (the .pub is beside it)."""
    path = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", f"{name}@laptop", "-f", str(path)],
        check=True,
    )
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class BoardHost:
    """sshd in front of one board database."""

    db: Path
    folder: Path
    mode: str  # "file": authorized_keys written; "command": AuthorizedKeysCommand; "sftp"
    port: int = 0
    process: subprocess.Popen | None = None
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.folder / "sshd.log"

    def bind(self, member: str, key: Path, by: str = "Els Verhoeven") -> str:
        """Give a member access with this key (as the secretary); returns the fingerprint."""
        session = open_session(self.db, fixed_now, as_name=by)
        try:
            row = access.add_key(session, member, key.with_suffix(".pub").read_text())
        finally:
            session.close()
        self.write_keys()
        return row.fingerprint

    def allow_sftp(self, key: Path) -> None:
        """A plain key for the SFTP host (no forced command: it serves files only)."""
        with (self.folder / "authorized_keys").open("a") as keys:
            keys.write(key.with_suffix(".pub").read_text())

    @property
    def host_key(self) -> str:
        """The host's public key, `ssh-ed25519 AAAA…` (after start)."""
        return " ".join((self.folder / "host_ed25519.pub").read_text().split()[:2])

    def write_keys(self) -> None:
        if self.mode == "file":
            result = subprocess.run(
                [*PROGRAM, "access", "authorized-keys", "--db", str(self.db)],
                capture_output=True,
                text=True,
                check=True,
            )
            (self.folder / "authorized_keys").write_text(result.stdout)

    def start(self) -> None:
        if not Path(SSHD).exists():
            pytest.fail(f"sshd not found ({SSHD}): `./dev test` installs openssh-server")
        host_key = self.folder / "host_ed25519"
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key)], check=True
        )
        self.port = free_port()
        lines = [
            f"Port {self.port}",
            "ListenAddress 127.0.0.1",
            f"HostKey {host_key}",
            f"PidFile {self.folder / 'sshd.pid'}",
            "StrictModes no",
            "UsePAM no",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "AuthenticationMethods publickey",
            "PermitRootLogin forced-commands-only",
            "LogLevel VERBOSE",
            # The sessions' environment: English messages, no config file of the host's user,
            # and the tests' clock (the demo's "today").
            "SetEnv BOARDROOM_LANG=en BOARDROOM_CONFIG=/nonexistent"
            f" BOARDROOM_NOW={os.environ['BOARDROOM_NOW']}",
        ]
        if self.mode == "sftp":  # a plain file host for replicas: key login, SFTP only
            lines = [line for line in lines if not line.startswith(("PermitRootLogin", "SetEnv"))]
            lines += [
                "PermitRootLogin prohibit-password",
                f"AuthorizedKeysFile {self.folder / 'authorized_keys'}",
                "Subsystem sftp internal-sftp",
                "ForceCommand internal-sftp",
            ]
        elif self.mode == "file":
            self.write_keys()
            lines.append(f"AuthorizedKeysFile {self.folder / 'authorized_keys'}")
        else:
            lines += ["AuthorizedKeysFile none", *self._keys_command()]
        config = self.folder / "sshd_config"
        config.write_text("\n".join(lines) + "\n")
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation
        self.process = subprocess.Popen(
            [SSHD, "-D", "-e", "-f", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("w"),
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"sshd stopped: {self.log.read_text()}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        pytest.fail(f"sshd did not listen: {self.log.read_text()}")

    def _keys_command(self) -> list[str]:
        """sshd runs an AuthorizedKeysCommand only from a root-owned path that no one else can
        write (every folder up to /), so the wrapper goes in a folder of its own under /run."""
        folder = Path("/run") / f"boardroom-test-{uuid.uuid4().hex[:8]}"
        folder.mkdir(mode=0o755)
        self.keys_folder = folder
        wrapper = folder / "boardroom-keys"
        wrapper.write_text(  # as the README has it: boardroom-keys, with the tests' clock
            f"#!/bin/sh\nBOARDROOM_NOW={os.environ['BOARDROOM_NOW']} exec {KEYS} --db {self.db}\n"
        )
        wrapper.chmod(0o755)
        return [
            f"AuthorizedKeysCommand {wrapper}",
            f"AuthorizedKeysCommandUser {getpass.getuser()}",
        ]

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if getattr(self, "keys_folder", None):
            shutil.rmtree(self.keys_folder, ignore_errors=True)

    def ssh_command(self, key: Path, *, tty: bool = False) -> list[str]:
        return [
            "ssh",
            "-F",
            "/dev/null",
            "-p",
            str(self.port),
            "-i",
            str(key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            *(["-tt"] if tty else ["-T"]),
            "--",  # what follows is the destination and the command, never ssh's own options
            f"{getpass.getuser()}@127.0.0.1",
        ]

    def ssh(
        self, key: Path, command: str = "", *, stdin: bytes | str | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        """`ssh board@host COMMAND` with the key; the command is one string, as typed."""
        data = stdin.encode() if isinstance(stdin, str) else stdin
        return subprocess.run(
            [*self.ssh_command(key), *([command] if command else [])],
            input=data if data is not None else b"",
            capture_output=True,
            timeout=60,
        )


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


__all__ = ["BoardHost", "err", "make_key", "out", "os"]
