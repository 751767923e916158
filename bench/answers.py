"""Members answering from their own sessions on the ten-year board (issue 26): twenty members,
each the real app in its own process on its own pseudo-terminal (as an SSH login is), answer
a consent round within the same second; the chair's app runs the round on its own terminal.

A copy of the ten-year board is given eleven more members so that twenty members besides
the chair hold a vote (the board's rule set to one vote per member). Measured:

- the chair's console keys (next/previous item) with the twenty sessions open and following
  the meeting, against the same keys with the chair's app alone;
- the chair opens the round → the round on each member's terminal;
- each member's key (spread over one second) → that member's answer with its ✓ on the chair's
  terminal; and the last answer of the second → the chair's screen saying everyone answered;
- the chair concludes → the round gone from each member's terminal (the outcome said there).

    python -m bench.answers [--members 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.console import SETTLE, Terminal, app_command, p95, prepare, report
from bench.generate import ensure_board
from boardroom.clock import wall
from boardroom.domain import models as m
from boardroom.domain.enums import Circle, Role, VoterRule
from boardroom.services import composition
from boardroom.services.session import open_session

CHAIR = "Marianne van der Velde"
#: a terminal's controls (colours, cursor moves), to read what it shows as text
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[a-zA-Z]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]")
#: a cursor move: Textual paints a screen as spans of lines, each after a move
MOVE = re.compile(rb"\x1b\[\d+;\d+H")


class Watched(Terminal):
    """A terminal whose output is kept with the moment each piece arrived."""

    def __init__(self, command: list[str]) -> None:
        self.pieces: list[tuple[float, bytes]] = []
        super().__init__(command)

    def received(self, chunk: bytes) -> None:
        super().received(chunk)
        self.pieces.append((time.perf_counter(), chunk))

    def first(self, pattern: re.Pattern[bytes], after: float) -> float | None:
        """When text matching `pattern` (controls removed) first arrived after `after`."""
        with self.lock:
            pieces = [(t, c) for t, c in self.pieces if t >= after]
        seen = b""
        for moment, chunk in pieces:
            seen += ANSI.sub(b"", MOVE.sub(b"\n", chunk))
            if pattern.search(seen):
                return moment
        return None


def member(person: m.Member, day: dt.date) -> bool:
    """A member at the table who answers from their own screen (not one who records: the
    chair, the vice-chair and the secretary follow a round on the console)."""
    recording = {Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY}
    return (
        person.is_active(day)
        and person.perspective_id is not None
        and person.circle == Circle.INNER  # the outer circle advises, it does not vote
        and not recording & set(person.roles)
    )


def more_voters(db: Path, members: int) -> list[str]:
    """Members enough that `members` of them vote besides the chair: one vote per member."""
    with open_session(db, wall, as_name=CHAIR) as chair:
        board = chair.repo.board()
        assert board is not None
        chair.repo.update("boards", board.id or 0, {"voter_rule": VoterRule.MEMBER.value})
        perspectives = chair.repo.perspectives()
        day = chair.today
        sitting = [x for x in chair.repo.members() if member(x, day)]
        for n in range(max(0, members - len(sitting))):
            composition.save_member(
                chair,
                {
                    "name": f"Lid {n + 1:02} Bench",
                    "organisation": "Regio",
                    "perspective_id": perspectives[n % len(perspectives)].id,
                    "roles": ["portfolio_holder"],
                },
            )
        names = [x.name for x in chair.repo.members() if member(x, day)]
    return names[:members]


def recorded_here(db: Path, names: list[str]) -> list[str]:
    """The voters of the open round who answer aloud at the table (the chair records them)."""
    with open_session(db, wall) as reader:
        [current] = reader.repo.open_rounds(reader.repo.meeting_in_progress_id() or 0)
        voters = [reader.repo.model(m.Member, v).name for v in current.voter_order]
    return [v for v in voters if v not in names]


def main(members: int) -> None:
    folder = Path(tempfile.mkdtemp())
    db = folder / "answers.db"
    shutil.copy(ensure_board(), db)
    names = more_voters(db, members)
    plan = prepare(db)  # the next meeting open, everyone present, on its first item
    titles = plan["titles"]
    timings: dict[str, list[float]] = {
        "chair n/p alone": [],
        "chair n/p, 20 open": [],
        "round → member's terminal": [],
        "member's key → chair's screen": [],
        "conclude → member's terminal": [],
    }
    chair = Watched(app_command(db, CHAIR))
    others: list[Watched] = []
    try:
        chair.wait_for(titles[0], timeout=30)
        time.sleep(SETTLE)
        for _ in range(10):
            timings["chair n/p alone"].append(chair.press("n", titles[1]))
            timings["chair n/p alone"].append(chair.press("p", titles[0]))
        for name in names:
            others.append(Watched(app_command(db, name)))
            time.sleep(0.3)  # people join one after another
        for terminal in others:
            terminal.wait_for("Meeting:", timeout=60)  # each follows the meeting
        time.sleep(3)
        for _ in range(10):
            timings["chair n/p, 20 open"].append(chair.press("n", titles[1]))
            timings["chair n/p, 20 open"].append(chair.press("p", titles[0]))
        position = plan["themes"][0]
        for k in range(1, position):
            chair.press("n", titles[k])
        chair.press("c", "Save (ctrl+s)")
        opened = time.perf_counter()
        chair.send("\x13", settle=0)  # ctrl+s: the round opens
        chair.wait_for(f"Now: {CHAIR}")
        for _voter in recorded_here(db, names):  # the chair's own, the vice-chair's: ▶ first
            chair.send("\r", settle=SETTLE)
        asked = re.compile(rb"Your answer, please\.")
        for terminal in others:
            terminal.wait_for("Your answer, please.", timeout=10)
            arrived = terminal.first(asked, opened)  # when it came, not when it was looked at
            assert arrived is not None
            timings["round → member's terminal"].append((arrived - opened) * 1000)
        time.sleep(2)
        pressed: dict[str, float] = {}
        spread = 1.0 / len(others)
        for name, terminal in zip(names, others, strict=True):
            pressed[name] = time.perf_counter()
            terminal.send("c", settle=spread)  # twenty answers within the same second
        chair.wait_for("Everyone has answered", timeout=10)
        last = max(pressed.values())
        everyone = chair.first(re.compile(rb"Everyone has answered"), last)
        assert everyone is not None
        for name, moment in pressed.items():
            row = re.compile(re.escape(name.encode()) + rb"[^\n]*?consent\s+\xe2\x9c\x93")
            seen = chair.first(row, moment)
            if seen is None:  # the row was drawn in the frame that also drew others'
                seen = everyone
            timings["member's key → chair's screen"].append((seen - moment) * 1000)
        print(
            f"last key → everyone answered on the chair's screen: {(everyone - last) * 1000:.0f} ms"
        )
        time.sleep(SETTLE)
        concluded = time.perf_counter()
        chair.send("\x13", settle=0)  # ctrl+s: the chair concludes
        said = re.compile(rb": adopted")
        for terminal in others:
            terminal.wait_for(": adopted", timeout=10)
            gone = terminal.first(said, concluded)
            assert gone is not None
            timings["conclude → member's terminal"].append((gone - concluded) * 1000)
    finally:
        for terminal in [chair, *others]:
            terminal.close()
        shutil.rmtree(folder)
    report(timings, "answers")
    worst = max(timings["member's key → chair's screen"])
    print(f"slowest answer on the chair's screen: {worst:.0f} ms (target: every one within 1 s)")
    answered = timings["member's key → chair's screen"]
    print(f"key → chair: median {statistics.median(answered):.0f} ms, p95 {p95(answered):.0f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=20)
    main(parser.parse_args().members)
