"""`verify`: the record against its event log, so that a change behind the app's back shows.

Four checks: (1) the event log is an unbroken hash chain (an edited, inserted or removed
entry breaks it); (2) every row equals its last logged state, and every row was logged;
(3) every approved meeting's record still has the hash it was sealed with; (4) every paper
kept in the board is still the bytes its sha256 names.
What it cannot catch: someone who edits the file *and* rewrites the whole chain after it;
keep backups (their chain heads differ) or note the head hash `verify` prints.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from boardroom.domain.chain import event_hash
from boardroom.storage.db import Database
from boardroom.storage.repo import Repo
from boardroom.storage.schema import TABLES

UNLOGGED = {"event_log"}


@dataclass
class VerifyReport:
    events: int = 0
    rows: int = 0
    sealed: int = 0
    papers: int = 0
    head: str = ""
    chain_ok: bool = True
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _chain(repo: Repo, report: VerifyReport) -> dict[tuple[str, int], dict]:
    """Walk the chain; return each row's last logged event."""
    last: dict[tuple[str, int], dict] = {}
    previous = ""
    for event in repo.iter_event_log():
        report.events += 1
        expected = event_hash(previous, event)
        if event["hash"] != expected and report.chain_ok:
            report.chain_ok = False
            report.problems.append(
                f"event_log #{event['id']} ({event['at']}, {event['table_name']}"
                f" #{event['row_id']}): breaks the hash chain — the log was edited,"
                " or an entry was removed or inserted before it"
            )
        previous = event["hash"]
        last[(event["table_name"], event["row_id"])] = event
    report.head = previous
    return last


def _label(table: str, row: dict) -> str:
    tag = row.get("number") or row.get("name") or row.get("starts_at") or ""
    return f"{table} #{row['id']}" + (f" ({tag})" if tag else "")


def _rows(repo: Repo, last: dict[tuple[str, int], dict], report: VerifyReport) -> None:
    for table in TABLES:
        if table in UNLOGGED:
            continue
        seen = set()
        for row in repo.rows_of(table):
            report.rows += 1
            seen.add(row["id"])
            event = last.get((table, row["id"]))
            if event is None:
                report.problems.append(
                    f"{_label(table, row)}: not in the event log (written behind the app's back)"
                )
                continue
            if event["after"] is None:
                report.problems.append(
                    f"{_label(table, row)}: the log says it was deleted ({event['at']})"
                )
                continue
            logged = json.loads(event["after"])
            changed = sorted(k for k, v in logged.items() if k in row and row[k] != v)
            if changed:
                report.problems.append(
                    f"{_label(table, row)}: differs from its last logged state"
                    f" ({event['at']}, {event['actor']}) in {', '.join(changed)}"
                )
        for (logged_table, row_id), event in last.items():
            if logged_table == table and row_id not in seen and event["after"] is not None:
                report.problems.append(
                    f"{table} #{row_id}: missing, but never deleted in the"
                    f" log (last logged {event['at']})"
                )


def _seals(repo: Repo, report: VerifyReport) -> None:
    for seal in repo.seals():
        report.sealed += 1
        if repo.seal_hash(seal["meeting_id"], seal["scheme"]) != seal["hash"]:
            report.problems.append(
                f"meeting {seal['starts_at']}: its approved record changed after approval"
                f" (sealed {seal['created_at']})"
            )


def _papers(repo: Repo, report: VerifyReport) -> None:
    """Every stored paper is still the bytes its sha256 names."""
    import hashlib

    for sha256, size, content in repo.iter_paper_contents():
        report.papers += 1
        if hashlib.sha256(content).hexdigest() != sha256 or len(content) != size:
            report.problems.append(
                f"paper content {sha256[:12]}…: its bytes no longer match their sha256"
                " (changed behind the app's back)"
            )


@dataclass
class SealCheck:
    code: str
    meeting_starts_at: str
    ok: bool
    record_changed: bool
    history_rewritten: bool


def _recomputed_head(repo: Repo, up_to: int) -> str:
    """The chain head at event `up_to`, computed from the events' content from the start (a
    rewritten history gives another head even when its stored hashes are consistent)."""
    previous = ""
    for event in repo.iter_event_log():
        if event["id"] > up_to:
            break
        previous = event_hash(previous, event)
    return previous


def verify_seal(database: Database, text: str) -> SealCheck:
    """Whether the record still matches the seal code printed on approved minutes."""

    from boardroom.domain.errors import NotFound
    from boardroom.domain.seal import parse_code, seal_code

    day, code = parse_code(text)
    repo = Repo(database)
    meetings = repo.seals_on(day.isoformat())
    if not meetings:
        raise NotFound(
            f"no approved minutes of a meeting on {day.isoformat()} in this board", "--seal"
        )
    checks = []
    for meeting_id in meetings:
        seal = repo.seal_of(meeting_id)
        assert seal is not None
        record = repo.seal_hash(meeting_id, seal["scheme"])
        head = _recomputed_head(repo, seal["head_event_id"])
        ok = seal_code(day, record, head) == code
        checks.append(
            SealCheck(
                code,
                seal["starts_at"],
                ok,
                record_changed=record != seal["hash"],
                history_rewritten=head != seal["chain_head"]
                or seal_code(day, seal["hash"], seal["chain_head"]) != code,
            )
        )
    return next((c for c in checks if c.ok), checks[0])


def verify(database: Database) -> VerifyReport:
    repo = Repo(database)
    report = VerifyReport()
    last = _chain(repo, report)
    _rows(repo, last, report)
    _seals(repo, report)
    _papers(repo, report)
    return report
