"""`replicate` and `restore`: the board's continuous replica (Litestream), and the board back
from it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, common, host_path, words
from boardroom.domain.clock import shown_moment
from boardroom.domain.errors import StorageProblem, ValidationProblem

if TYPE_CHECKING:
    from boardroom.storage.litestream import Replica


def register(commands: Commands) -> None:
    replicate = commands.add_parser(
        "replicate",
        help="replicate the board continuously (Litestream), until stopped",
        description="Replicate the board to its replica with Litestream until stopped (ctrl+c or"
        " SIGTERM): the board host's service. The replica must be empty or this board's own."
        " Each change of state is a line, stamped in the board's time.",
    )
    common(replicate)
    _replica(replicate)
    replicate.add_argument(
        "--days",
        type=float,
        metavar="N",
        help="how far back the replica can restore the board (default: 30, or replica_days in"
        " the config file)",
    )
    replicate.set_defaults(handler=run_replicate, owner_only=True)

    restore = commands.add_parser(
        "restore",
        help="restore a board from its replica into a new file, and verify it",
        description="Restore the board from its replica into a new database file (never over an"
        " existing one), as it stood at --at or at its latest; then verify it and print the"
        " chain head. --list shows the span of moments the replica can restore.",
    )
    common(restore)
    _replica(restore)
    words(
        restore,
        "--at",
        metavar="MOMENT",
        help="the board's time, e.g. '2026-12-10 16:05' (default: latest)",
    )
    restore.add_argument(
        "--list", action="store_true", help="the first and last moment that can be restored"
    )
    restore.set_defaults(handler=run_restore, owner_only=True)


def _replica(parser: argparse.ArgumentParser) -> None:
    host_path(
        parser,
        "--replica",
        stdio=None,
        metavar="URL",
        help="folder, sftp://… or s3://… (default: $BOARDROOM_REPLICA or the config file)",
    )


def _replica_of(inv: Invocation) -> Replica:
    from boardroom.storage.litestream import parse_replica

    if not inv.replica:
        raise ValidationProblem(
            "no replica: give --replica URL (or set BOARDROOM_REPLICA)", "--replica"
        )
    return parse_replica(inv.replica)


def run_restore(inv: Invocation) -> int:
    from boardroom.services import replication

    replica = _replica_of(inv)
    if inv.args.list:
        first, last = replication.restorable_span(replica)
        print(
            f"{replica.label}: the board as it stood at any moment from {shown_moment(first)}"
            f" to {shown_moment(last)}"
        )
        return 0
    at = replication.parse_moment(inv.args.at) if inv.args.at else None
    restored = replication.restore_board(replica, inv.db_path, inv.now, at)
    for problem in restored.report.problems:
        print(problem)
    report = restored.report
    verdict = "all consistent" if report.ok else f"{len(report.problems)} problem(s)"
    stood = f" as it stood at {shown_moment(restored.moment)}" if restored.moment else ""
    print(
        f"{inv.db_path}: {restored.board}{stood}; {report.events} events, {report.rows} rows;"
        f" chain head {report.head[:16]}; {verdict}"
    )
    return 0 if report.ok else 1


def run_replicate(inv: Invocation) -> int:
    """In the foreground until ctrl+c or SIGTERM, a line when the state changes."""
    import signal
    import time

    from boardroom.services import replication
    from boardroom.storage.migrations import open_board_db

    replica = _replica_of(inv)
    open_board_db(inv.db_path, inv.now).close()  # the board exists and is migrated first
    days = inv.args.days if inv.args.days is not None else inv.replica_days
    running = replication.Replication(inv.db_path, replica, replication.history(days))
    running.start()
    if running.elsewhere:
        raise StorageProblem(
            "another boardroom on this machine replicates this board already", str(inv.db_path)
        )
    print(f"replicating {inv.db_path} to {running.replica.label} (ctrl+c stops)", flush=True)
    stop: list[bool] = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    shown = ""
    try:
        while not stop:
            state = running.state()
            line = (
                f"failing: {state.error}"
                if state.error
                else ("up to date" if state.synced_at else "starting")
            )
            if line != shown:
                print(f"{shown_moment(inv.now())} {line}", flush=True)
                shown = line
            if not state.running:
                return 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
    return 0
