"""`boardroom-keys --db PATH`: the keys that may log in to the board host, for sshd.

sshd runs its AuthorizedKeysCommand at every login — twice, in fact: once to ask whether a
key would do, once to check the signature — and the member waits for both. Starting the
whole app for that took 0.33–0.36 s each time. This entry point imports the standard
library's sqlite3 and two small modules of boardroom, and answers in about 40 ms: one line
per key of an active member (boardroom.domain.authorized_keys). Its output is the same as
`boardroom access authorized-keys`, which writes the lines to a file instead.

It reads the board read-only and writes nothing; a board it cannot read gets one line on
stderr and exit code 2, and sshd then lets no key in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from pathlib import Path

from boardroom.clock import BOARD_ZONE, process_clock
from boardroom.domain.authorized_keys import authorized_keys
from boardroom.storage.key_reads import active_keys


def default_program() -> list[str]:
    """How the host starts boardroom: this Python, as a module."""
    return [sys.executable, "-m", "boardroom"]


def keys_text(db_path: Path, program: list[str], today: dt.date) -> str:
    uri = f"{db_path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        rows = active_keys(conn, today)
    finally:
        conn.close()
    return authorized_keys(program, str(db_path.resolve()), rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="boardroom-keys",
        description="Print the board host's authorized_keys (sshd's AuthorizedKeysCommand).",
    )
    parser.add_argument("--db", required=True, metavar="PATH", help="the board's database")
    parser.add_argument(
        "--program", metavar="COMMAND", help="how the host starts boardroom (default: this Python)"
    )
    args = parser.parse_args(argv)
    import shlex

    program = shlex.split(args.program) if args.program else default_program()
    try:
        today = process_clock()().astimezone(BOARD_ZONE).date()
        text = keys_text(Path(args.db), program, today)
    except (ValueError, OSError, sqlite3.Error) as error:
        print(f"boardroom-keys: error: {args.db}: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
