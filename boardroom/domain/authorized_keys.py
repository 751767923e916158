"""The board host's authorized_keys lines: each key forced into `boardroom ssh-session`.

`restrict` takes away port, agent and X11 forwarding and the user's rc file; `pty` gives the
app its terminal back; `command="…"` makes every login with the key run boardroom as the
key's member, whatever the member typed (that arrives in SSH_ORIGINAL_COMMAND). Pure text:
the standard library's shlex only, for `boardroom-keys`, which sshd runs at every login.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence


def forced_command(program: Sequence[str], db_path: str, fingerprint: str) -> str:
    """The command OpenSSH runs for a key, quoted for the shell sshd starts it with."""
    words = [*program, "ssh-session", "--db", db_path, "--key", fingerprint]
    return " ".join(shlex.quote(word) for word in words)


def authorized_keys_line(
    program: Sequence[str], db_path: str, fingerprint: str, public_key: str, member: str
) -> str:
    """One line: the options, the key (`TYPE BASE64`) and a comment naming the member."""
    command = forced_command(program, db_path, fingerprint)
    # inside command="…" only a backslash and a double quote need a backslash
    escaped = command.replace("\\", "\\\\").replace('"', '\\"')
    label = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in member)
    return f'restrict,pty,command="{escaped}" {public_key} boardroom:{label}'


def authorized_keys(
    program: Sequence[str], db_path: str, keys: Iterable[tuple[str, str, str]]
) -> str:
    """Every line, for (fingerprint, public key, member) of each key that opens the board."""
    return "".join(
        authorized_keys_line(program, db_path, fingerprint, public_key, member) + "\n"
        for fingerprint, public_key, member in keys
    )
