"""A real OpenSSH server on 127.0.0.1 in front of one board, as the README's "Sharing a
board" sets one up: for the board-host tests (tests/remote) and bench/ssh.py.

It logs in as the user running it, and its keys come from boardroom: written to a file by
`boardroom access authorized-keys` ("file"), or asked at every login through sshd's
AuthorizedKeysCommand, `boardroom-keys` ("command"). "sftp" is a plain SFTP host (replicas).
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
from dataclasses import dataclass, field
from pathlib import Path

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"
PROGRAM = [sys.executable, "-m", "boardroom"]
#: sshd's AuthorizedKeysCommand: the small entry point the README installs
KEYS = str(Path(sys.executable).with_name("boardroom-keys"))


class HostProblem(RuntimeError):
    """sshd is missing, would not start, or did not listen."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def make_key(folder: Path, name: str, kind: str = "ed25519") -> Path:
    """A key pair; returns the private key's path (the .pub is beside it)."""
    path = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", f"{name}@laptop", "-f", str(path)],
        check=True,
    )
    return path


@dataclass
class BoardHost:
    """sshd in front of one board database."""

    db: Path
    folder: Path
    mode: str  # "file" | "command" | "sftp"
    #: the sessions' environment (sshd's SetEnv), e.g. BOARDROOM_NOW for the tests' clock
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log: Path = field(init=False)
    keys_folder: Path | None = None
    control_folder: Path | None = None

    def __post_init__(self) -> None:
        self.log = self.folder / "sshd.log"

    def write_keys(self) -> None:
        if self.mode == "file":
            result = subprocess.run(
                [*PROGRAM, "access", "authorized-keys", "--db", str(self.db)],
                capture_output=True,
                text=True,
                check=True,
            )
            (self.folder / "authorized_keys").write_text(result.stdout)

    def allow_sftp(self, key: Path) -> None:
        """A plain key for the SFTP host (no forced command: it serves files only)."""
        with (self.folder / "authorized_keys").open("a") as keys:
            keys.write(key.with_suffix(".pub").read_text())

    @property
    def host_key(self) -> str:
        """The host's public key, `ssh-ed25519 AAAA…` (after start)."""
        return " ".join((self.folder / "host_ed25519.pub").read_text().split()[:2])

    def start(self) -> None:
        if not Path(SSHD).exists():
            raise HostProblem(f"sshd not found ({SSHD}): `./dev test` installs openssh-server")
        host_key = self.folder / "host_ed25519"
        if not host_key.exists():
            subprocess.run(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key)], check=True
            )
        self.port = free_port()
        environment = {"BOARDROOM_CONFIG": "/nonexistent", **self.env}
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
            "SetEnv " + " ".join(f"{k}={v}" for k, v in environment.items()),
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
                raise HostProblem(f"sshd stopped: {self.log.read_text()}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise HostProblem(f"sshd did not listen: {self.log.read_text()}")

    def _keys_command(self) -> list[str]:
        """sshd runs an AuthorizedKeysCommand only from a root-owned path that no one else can
        write (every folder up to /), so the wrapper goes in a folder of its own under /run,
        as the README's /usr/local/bin/boardroom-keys."""
        folder = Path("/run") / f"boardroom-test-{uuid.uuid4().hex[:8]}"
        folder.mkdir(mode=0o755)
        self.keys_folder = folder
        wrapper = folder / "boardroom-keys"
        settings = "".join(f"{k}={v} " for k, v in self.env.items())
        wrapper.write_text(f"#!/bin/sh\n{settings}exec {KEYS} --db {self.db}\n")
        wrapper.chmod(0o755)
        return [
            f"AuthorizedKeysCommand {wrapper}",
            f"AuthorizedKeysCommandUser {getpass.getuser()}",
        ]

    def stop(self) -> None:
        if self.control_folder is not None:  # shared connections end with the host
            for control in self.control_folder.iterdir():
                subprocess.run(
                    ["ssh", "-o", f"ControlPath={control}", "-O", "exit", "x"], capture_output=True
                )
            shutil.rmtree(self.control_folder, ignore_errors=True)
            self.control_folder = None
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        if self.keys_folder is not None:
            shutil.rmtree(self.keys_folder, ignore_errors=True)
            self.keys_folder = None

    def ssh_command(self, key: Path, *, tty: bool = False, options: list[str] = ()) -> list[str]:
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
            *options,
            *(["-tt"] if tty else ["-T"]),
            "--",  # what follows is the destination and the command, never ssh's own options
            f"{getpass.getuser()}@127.0.0.1",
        ]

    def multiplexed(self) -> list[str]:
        """ssh options that share one connection between calls (many commands in a row); its
        socket in a short folder of its own (a socket's path is at most 107 bytes)."""
        if self.control_folder is None:
            import tempfile

            self.control_folder = Path(tempfile.mkdtemp(prefix="bcm-", dir="/tmp"))
        return [
            "-o",
            "ControlMaster=auto",
            "-o",
            f"ControlPath={self.control_folder}/%C",
            "-o",
            "ControlPersist=60",
        ]

    def ssh(
        self,
        key: Path,
        command: str = "",
        *,
        stdin: bytes | str | None = None,
        timeout: float = 60,
        options: list[str] = (),
    ) -> subprocess.CompletedProcess[bytes]:
        """`ssh board@host COMMAND` with the key; the command is one string, as typed."""
        data = stdin.encode() if isinstance(stdin, str) else stdin
        return subprocess.run(
            [*self.ssh_command(key, options=list(options)), *([command] if command else [])],
            input=data if data is not None else b"",
            capture_output=True,
            timeout=timeout,
        )


__all__ = ["PROGRAM", "BoardHost", "HostProblem", "free_port", "make_key", "os"]
