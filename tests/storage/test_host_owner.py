"""The board's file belongs to the host's account (the README's `board`): the host's owner may
run boardroom on it as root (`boardroom access add …` on the host) without leaving anything
the account cannot open — the writer lock, a migration's backup, Litestream's folder get the
database's owner — and a lock file that the account cannot open (left by an older boardroom)
is said in one line naming its owner, never silently passed over.

Runs as root (as CI does): the board's account is `nobody`, commands run as it by setpriv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from boardroom.cli import main
from tests.conftest import EXAMPLE_BOARD

BOARDROOM = str(Path(sys.executable).with_name("boardroom"))
ACCOUNT = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


@pytest.fixture
def host_folder() -> Iterator[Path]:
    """A folder of the board's account (nobody), as /home/board is `board`'s."""
    if os.geteuid() != 0:
        pytest.fail("the host-owner tests run as root, as CI does (sudo ./dev test)")
    folder = Path(tempfile.mkdtemp(prefix="board-home-", dir="/tmp"))
    shutil.chown(folder, "nobody", "nogroup")
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def as_account(*argv: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """boardroom run by the board's account, with its own home."""
    env = {**os.environ, "HOME": str(folder), "BOARDROOM_CONFIG": "/nonexistent"}
    return subprocess.run(
        [*ACCOUNT, BOARDROOM, *argv], capture_output=True, text=True, env=env, cwd=folder
    )


def owners(folder: Path) -> dict[str, str]:
    from pwd import getpwuid

    return {p.name: getpwuid(p.stat().st_uid).pw_name for p in folder.iterdir()}


def test_root_on_the_host_leaves_every_file_to_the_boards_account(host_folder, tmp_path):
    db = host_folder / "tafel.db"
    made = as_account("init", "--db", str(db), "--from", str(EXAMPLE_BOARD), folder=host_folder)
    assert made.returncode == 0, made.stderr
    key = tmp_path / "henk.pub"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)[:-4]], check=True)
    # the host's owner, as root, as the README's "on the host" has it
    code = main(
        ["access", "add", "--db", str(db), "--as", "Greet", "--member", "Carla", "--key", str(key)]
    )
    assert code == 0
    assert set(owners(host_folder).values()) == {"nobody"}, owners(host_folder)
    assert "tafel.db-writer" in owners(host_folder)
    # and the board's account goes on writing, in its turn on the writer lock
    request = as_account(
        "request", "--db", str(db), "--as", "Carla Dijkman", "--title", "Na root", "--minutes",
        "10", folder=host_folder,
    )  # fmt: skip
    assert request.returncode == 0, request.stderr
    assert "request 1 submitted: Na root (10 min)" in request.stdout


def test_a_lock_the_account_cannot_open_is_said_with_its_owner(host_folder):
    db = host_folder / "tafel.db"
    made = as_account("init", "--db", str(db), "--from", str(EXAMPLE_BOARD), folder=host_folder)
    assert made.returncode == 0, made.stderr
    lock = Path(f"{db}-writer")
    lock.unlink(missing_ok=True)
    lock.touch(mode=0o600)  # root's, as an older boardroom run as root left it
    request = as_account(
        "request", "--db", str(db), "--as", "Carla Dijkman", "--title", "Geweigerd",
        "--minutes", "10", folder=host_folder,
    )  # fmt: skip
    assert request.returncode == 2 and request.stdout == ""
    assert request.stderr == (
        f"boardroom: error: {lock}: cannot open the writer lock: it belongs to root, not to"
        " nobody — remove the file (it holds no data) or run boardroom as root\n"
    )
