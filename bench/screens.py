"""Every screen's opening on the ten-year board (issue 12), the first after start and the later
ones, from the key to the screen's own text on a pseudo-terminal; and the app's peak memory
after opening them all.

The lists are opened from the dashboard with their letter keys (g M P T R V B A J K E W, the
same as f1…f12), each followed by the dashboard again; the first round is the first opening
after start, the other rounds are revisits. The agenda (`a`) and a meeting's console (`enter`)
open from the meetings list. The marker is a word only that screen draws (a column heading or
a card title), so the clock stops when the screen shows its content.

The agenda is measured twice: as the next meeting has it, and filled up as a busy month fills
it (FULL_AGENDA: twenty items, two papers on each, forty pending requests beside it).

Then a meeting is opened (as bench/console.py does: the next meeting, everyone present) and the
app is started again on it as its chair: a vote (`v`) and a consent round (`c`) on a theme item,
the first from its proposal form (ctrl+s), the later ones resuming the open round from the
console; each followed by esc back to the console.

    python -m bench.screens [--rounds 8]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.console import SETTLE, Terminal, app_command, p95, prepare
from bench.generate import OUT, ensure_board

#: screen → (key from the dashboard, a word only it draws)
LISTS = {
    "members": ("M", "Weight"),
    "perspectives": ("P", "Seats"),
    "themes": ("T", "Slots"),
    "rules": ("R", "Order"),
    "meetings": ("V", "Location"),
    "decisions": ("B", "Method"),
    "actions": ("A", "Owner"),
    "year in view": ("J", "trend"),
    "calendar": ("K", "Eval."),
    "requests": ("E", "Purpose"),
    "werkagenda": ("W", "Trend"),
}
DASHBOARD = ("g", "Upcoming")
#: the next meeting filled up: items on it, papers on each, requests waiting beside it
FULL_AGENDA = {"items": 20, "papers_per_item": 2, "pending": 40}


def fill_next_meeting(db: Path) -> None:
    """The board's next meeting as a busy month leaves it a week before: FULL_AGENDA."""
    import datetime as dt

    from bench.console import BOARD_NOW
    from boardroom.services import agenda, papers
    from boardroom.services import meeting as live
    from boardroom.services.session import open_session

    now = dt.datetime.fromisoformat(BOARD_NOW).replace(tzinfo=dt.UTC)
    with open_session(db, lambda: now, as_name="Els Verhoeven") as session:
        meeting = next(
            m
            for m in live.meetings_around(session, now.date(), 0, 40)
            if m.status.value not in ("closed", "minutes_approved")
        )
        meeting_id = meeting.id or 0
        session.repo.update("meetings", meeting_id, {"duration_minutes": 600})
        view = agenda.agenda_view(session, meeting_id)
        for n in range(FULL_AGENDA["items"] - len(view.lines)):
            fields = {"title": f"Voortgang programmalijn {n + 1}", "kind": "other"}
            agenda.add_item(session, meeting_id, {**fields, "purpose": "informing", "minutes": 5})
        for line in agenda.agenda_view(session, meeting_id).lines:
            for p in range(FULL_AGENDA["papers_per_item"]):
                content = f"%PDF-1.4 stuk {line.number}.{p}\n".encode() * 50
                papers.attach_paper(session, line.item.id or 0, content, f"stuk-{p}.pdf")
        for n in range(FULL_AGENDA["pending"]):
            agenda.submit_request(session, {"title": f"Verzoek {n + 1}", "minutes": 10})


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(
    rounds: int, board: Path | None = None
) -> tuple[dict[str, dict[str, list[float]]], float]:
    timings: dict[str, dict[str, list[float]]] = {}

    def note(name: str, first: bool, ms: float) -> None:
        timings.setdefault(name, {"first": [], "later": []})["first" if first else "later"].append(
            ms
        )

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "board.db"
        shutil.copy(board or ensure_board(), db)
        app = Terminal(app_command(db, "Els Verhoeven"))
        try:
            app.wait_for(DASHBOARD[1], timeout=30)
            time.sleep(2)  # the warm-up after the first frame
            for n in range(rounds):
                for name, (key, marker) in LISTS.items():
                    note(name, n == 0, app.press(key, marker))
                    time.sleep(SETTLE)
                    note("dashboard", n == 0, app.press(DASHBOARD[0], DASHBOARD[1]))
                    time.sleep(SETTLE)
                app.press("V", "Location")
                time.sleep(SETTLE)
                note("agenda", n == 0, app.press("a", "Presenter"))
                time.sleep(SETTLE)
                app.press("escape", "Location")
                time.sleep(SETTLE)
                if n == 0:  # the same meeting, filled up by another session meanwhile
                    fill_next_meeting(db)
                    time.sleep(1)
                note("agenda (full)", n == 0, app.press("a", "Verzoek 1"))
                time.sleep(SETTLE)
                app.press("escape", "Location")
                time.sleep(SETTLE)
                note("console", n == 0, app.press("enter", "Quorum"))
                time.sleep(SETTLE)
                app.press("escape", "Location")
                time.sleep(SETTLE)
                app.press(DASHBOARD[0], DASHBOARD[1])
                time.sleep(SETTLE)
            memory = peak_rss_mb(app.process.pid)
        finally:
            app.close()
        memory = max(memory, rounds_of_a_meeting(db, rounds, note))
    return timings, memory


def rounds_of_a_meeting(db: Path, rounds: int, note) -> float:  # type: ignore[no-untyped-def]
    """Open the vote and the consent round screens on a meeting in progress (a vote on its
    first theme item, a consent round on its second); the app's peak RSS (MB)."""
    plan = prepare(db)
    titles, voters, themes = plan["titles"], plan["voters"], plan["themes"]
    app = Terminal(app_command(db, "Marianne van der Velde"))
    position = 1

    def go_to(target: int) -> None:
        nonlocal position
        while position != target:
            step = 1 if target > position else -1
            position += step
            app.press("n" if step > 0 else "p", titles[position - 1])
            time.sleep(SETTLE)

    try:
        app.wait_for(titles[0], timeout=30)  # reopened on the meeting in progress
        time.sleep(2)  # the warm-up after the first frame
        for n in range(rounds):
            for key, name, marker, item in (
                ("v", "a vote", f"not yet {len(voters)}", themes[0]),
                ("c", "a consent round", f"Now: {voters[0]}", themes[1]),
            ):
                go_to(item)
                if n == 0:  # the proposal's form first; its ctrl+s opens the round
                    app.press(key, "Save (ctrl+s)")
                    time.sleep(SETTLE)
                    note(name, True, app.press("ctrl+s", marker))
                else:  # the open round, resumed from the console
                    note(name, False, app.press(key, marker))
                time.sleep(SETTLE)
                app.press("escape", titles[item - 1])
                time.sleep(SETTLE)
        return peak_rss_mb(app.process.pid)
    finally:
        app.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=8)
    options = parser.parse_args()
    result, memory = measure(options.rounds)
    OUT.mkdir(exist_ok=True)
    rows = []
    for name, kinds in result.items():
        first, later = kinds["first"], kinds["later"]
        both = first + later
        rows.append(
            f"{name:15} first {statistics.median(first):6.1f} ms   later p50"
            f" {statistics.median(later):6.1f} ms  p95 {p95(later) if len(later) > 1 else later[0]:6.1f} ms"
            f"   all p95 {p95(both):6.1f} ms  (n={len(both)})"
        )
    print("\n".join(rows))
    print(f"peak RSS after opening every screen: {memory:.0f} MB")
    (OUT / "screens.txt").write_text("\n".join(rows) + f"\npeak RSS {memory:.0f} MB\n")
    (OUT / "screens.json").write_text(
        json.dumps(
            {
                name: {kind: [round(v, 1) for v in values] for kind, values in kinds.items()}
                for name, kinds in result.items()
            },
            indent=1,
        )
    )
