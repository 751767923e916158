"""The board itself: `demo`, `init`, `check`, `verify`, `backup`, and opening the app."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from boardroom.cli.invocation import Invocation
from boardroom.cli.parsing import Commands, common, date, host_path
from boardroom.host_files import DUMP_LIMIT, beside

if TYPE_CHECKING:
    from boardroom.services.integrity import SealCheck


def register(commands: Commands) -> None:
    demo = commands.add_parser(
        "demo",
        help="open a complete demo board in a fresh database",
        description="Create the Lindewaard demo board in a fresh database and open the app on"
        " it, as the demo's chair unless --as says otherwise.",
    )
    common(demo)
    demo.add_argument(
        "--anchor", type=date, metavar="DATE", help="the demo's 'today' (default: today)"
    )
    demo.set_defaults(handler=run_demo, owner_only=True)

    init = commands.add_parser(
        "init",
        help="create a board database from a file, a JSON dump or the demo",
        description="Create a new board database. Prints a one-paragraph summary.",
    )
    common(init, db_required=True)
    source = init.add_mutually_exclusive_group(required=True)
    host_path(
        source,
        "--from",
        dest="from_file",
        stdio="in",
        metavar="FILE",
        help="a board file (TOML; - reads standard input)",
    )
    host_path(
        source,
        "--from-json",
        stdio="in",
        metavar="FILE",
        help="a dump made by `export board --format json` (- reads standard input)",
    )
    source.add_argument("--demo", action="store_true", help="the demo board")
    init.add_argument("--anchor", type=date, metavar="DATE", help="the demo's 'today'")
    init.set_defaults(handler=run_init, owner_only=True)

    check = commands.add_parser(
        "check",
        help="integrity and schema version check",
        description="Run SQLite's integrity check, the foreign key check and the schema version"
        " check. Exit 0 when all is well, 1 when not.",
    )
    common(check)
    check.set_defaults(handler=run_check)

    verify = commands.add_parser(
        "verify",
        help="check the record against its event log (tamper evidence)",
        description="Check that the event log is an unbroken hash chain, that every row equals"
        " its last logged state, and that every approved meeting still has its sealed record."
        " Exit 0 when all holds, 1 with one line per difference.",
    )
    common(verify)
    verify.add_argument(
        "--seal",
        metavar="CODE",
        help="the seal code at the foot of approved minutes (20260312-ABCD-EFGH-JKLM): does the"
        " record still match the document you hold?",
    )
    verify.set_defaults(handler=run_verify)

    backup = commands.add_parser(
        "backup",
        help="write a consistent copy of the database",
        description="Copy the database with SQLite's online backup API; safe while the app is"
        " open.",
    )
    common(backup)
    host_path(backup, "target", stdio=None, metavar="TARGET", help="the new backup file")
    backup.set_defaults(handler=run_backup, owner_only=True)

    present = commands.add_parser(
        "present",
        help="the room display: the meeting live, for a projector or a shared screen",
        description="A read-only screen that follows the meeting in progress without a key:"
        " its clock, the current item and its time box, the proposal being decided, how many"
        " have answered (the outcome once concluded) and the speakers' queue. esc ends it.",
    )
    common(present)
    present.set_defaults(handler=run_present)


def run_demo(inv: Invocation) -> int:
    from boardroom.config import data_dir
    from boardroom.services.demo import DEMO_CHAIR, build_demo

    db_path = inv.db_path
    if not inv.args.db:
        db_path = data_dir() / "demo.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    build_demo(db_path, inv.now, anchor=inv.args.anchor).close()
    inv.db_path = db_path
    inv.user = inv.args.as_name or DEMO_CHAIR
    return open_app(inv)


def run_init(inv: Invocation) -> int:
    from boardroom.services import setup
    from boardroom.services.overview import summary

    args = inv.args
    if args.demo:
        from boardroom.services.demo import build_demo

        session = build_demo(inv.db_path, inv.now, anchor=args.anchor)
    elif args.from_file:
        text = inv.files.read_text(args.from_file, "--from")
        session = setup.init_from_text(
            inv.db_path, text, _source(args.from_file), inv.now, beside(inv.files, args.from_file)
        )
    else:
        text = inv.files.read_text(args.from_json, "--from-json", DUMP_LIMIT)
        session = setup.init_from_json(inv.db_path, text, _source(args.from_json), inv.now)
    with session:
        print(summary(session))
    return 0


def _source(name: str) -> str:
    """How messages name a file that was read: its path, or standard input."""
    return "<stdin>" if name == "-" else name


def run_check(inv: Invocation) -> int:
    from boardroom.services import setup

    report = setup.check_database(inv.db_path)
    foreign = (
        "ok" if not report.foreign_key_problems else f"{report.foreign_key_problems} problem(s)"
    )
    behind = "" if report.schema_version == report.latest else " — run boardroom once to migrate"
    print(
        f"{inv.board_label}: integrity {report.integrity}; foreign keys {foreign};"
        f" schema version {report.schema_version} (latest {report.latest}){behind}"
    )
    return 0 if report.ok else 1


def run_verify(inv: Invocation) -> int:
    from boardroom.services.integrity import verify, verify_seal
    from boardroom.storage.migrations import open_board_db

    database = open_board_db(inv.db_path, inv.now)
    try:
        if inv.args.seal is not None:
            check = verify_seal(database, inv.args.seal)
        else:
            report = verify(database)
    finally:
        database.close()
    if inv.args.seal is not None:
        return _seal_verdict(check)
    for problem in report.problems:
        print(problem)
    verdict = "all consistent" if report.ok else f"{len(report.problems)} problem(s)"
    print(
        f"{inv.board_label}: {report.events} events, {report.rows} rows, {report.sealed} sealed"
        f" meetings, {report.papers} stored papers; chain head {report.head[:16]}; {verdict}"
    )
    return 0 if report.ok else 1


def _seal_verdict(check: SealCheck) -> int:
    """`verify --seal CODE`: exit 0 when the record matches the minutes a member holds."""
    from boardroom.i18n import format_date

    held = format_date(dt.datetime.fromisoformat(check.meeting_starts_at), time=True)
    if check.ok:
        print(f"seal {check.code}: matches — the record of the meeting of {held} is as approved")
        return 0
    why = (
        "its record was changed after approval"
        if check.record_changed
        else "the record or the history before its approval was rewritten since these minutes"
        " went out"
    )
    print(f"seal {check.code}: does NOT match the meeting of {held} — {why}")
    return 1


def run_backup(inv: Invocation) -> int:
    from boardroom.services import setup

    target = inv.files.path(inv.args.target, "TARGET")
    written = setup.backup_database(inv.db_path, target)
    print(f"backup written: {written} ({written.stat().st_size:,} bytes)")
    return 0


def run_present(inv: Invocation) -> int:
    if inv.over_ssh and not sys.stdin.isatty():
        from boardroom.domain.errors import PermissionDenied

        raise PermissionDenied(
            "the room display needs a terminal: connect with ssh -t (ssh -t board@host present)"
        )
    if not inv.db_path.exists():
        from boardroom.domain.errors import NotFound

        raise NotFound("no board here", str(inv.db_path))
    return open_app(inv, present=True)


def open_app(inv: Invocation, present: bool = False) -> int:
    """The app on the board, as the user (over SSH: as the key's member, its host closed)."""
    from boardroom.tui.app import BoardroomApp

    session = None
    if inv.db_path.exists():
        if inv.key is not None:
            from boardroom.services.access import open_key_session

            session = open_key_session(inv.db_path, inv.now, inv.key)
        elif inv.passkey is not None:
            from boardroom.services.passkeys import open_passkey_session

            session = open_passkey_session(inv.db_path, inv.now, inv.passkey)
        else:
            from boardroom.services.session import open_session

            session = open_session(inv.db_path, inv.now, as_name=inv.user)
    app = BoardroomApp(
        session=session,
        db_path=inv.db_path,
        user=inv.user,
        replica=inv.replica,
        replica_days=inv.replica_days,
        clock=inv.now,
        files=inv.files,
        in_browser=inv.passkey is not None,
        present=present,
    )
    try:
        app.run()
    finally:
        app.stop_replication()
    if app.session is not None:
        app.session.close()
    if app.access_ended:
        print(f"boardroom: {app.access_ended}", file=sys.stderr)
        return 1
    return app.return_code or 0
