"""Shared fixtures: a demo board built once per run (fixed anchor), copied for each test."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from boardroom.i18n import set_language
from boardroom.services.demo import build_demo
from boardroom.services.session import Session, open_session

ANCHOR = dt.date(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_BOARD = ROOT / "agendas" / "board.example.toml"
EXAMPLE_PLAN = ROOT / "agendas" / "jaarkalender.example.toml"
#: the demo board's own plan of 2027 (its themes and perspectives)
DEMO_PLAN = ROOT / "boardroom" / "data" / "demo-jaarkalender.toml"


def fixed_now() -> dt.datetime:
    return NOW


def stamp() -> str:
    """The tests' clock as the repository stamps its writes."""
    return NOW.isoformat(timespec="seconds")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--wall-clock-ahead",
        type=int,
        default=0,
        metavar="DAYS",
        help="run as if the machine's clock were DAYS ahead: the suite must pass on any date",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "real_clock: runs a server whose clock is the machine's (Litestream): not moved by"
        " --wall-clock-ahead",
    )
    config.addinivalue_line(
        "markers", "date_free: nothing it checks can depend on a date: run once, not ahead"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "replication" in item.path.parts:  # Litestream stamps its files by the real clock
            item.add_marker(pytest.mark.real_clock)
    if config.getoption("--wall-clock-ahead"):
        # every screen's picture once (English, 160×48) is enough to see a date leak there;
        # the board host's processes run on the tests' clock already (BOARDROOM_NOW), and
        # time-machine moves only this process's
        again = [
            i
            for i in items
            if ("test_screen[" not in i.name or i.name.endswith("-160x48-en]"))
            and "remote" not in i.path.parts
            and i.get_closest_marker("date_free") is None
        ]
        config.hook.pytest_deselected(items=[i for i in items if i not in again])
        items[:] = again


@pytest.fixture(autouse=True, scope="session")
def wall_clock_ahead(request: pytest.FixtureRequest) -> Iterator[None]:
    """`./dev test` runs the suite a second time with the machine's clock a year and a day
    ahead (time-machine moves every reading of it in this process): a test or a line of
    boardroom that reads the wall clock instead of the one clock fails there."""
    days = request.config.getoption("--wall-clock-ahead")
    if not days:
        yield
        return
    import time_machine

    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=days), tick=True):
        yield


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def one_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests' clock: the demo's 'today', for the sessions the tests open (fixed_now) and
    for every command line they run, in this process or another (BOARDROOM_NOW, which the
    board host's sshd passes on too). Nothing a test checks depends on the wall clock."""
    monkeypatch.setenv("BOARDROOM_NOW", NOW.isoformat())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The command line run in this process as typed: its exit code, what it printed, what
    it said on stderr."""
    from boardroom.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def plan_source(path: Path):
    """A plan file as the planning service takes it (read as the command line reads it)."""
    from boardroom.host_files import LOCAL, plan_text

    return plan_text(LOCAL, str(path))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    build_demo(path, fixed_now, anchor=ANCHOR).close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.db"
    shutil.copy(demo_template, target)
    target.chmod(0o600)
    return target


@pytest.fixture
def open_demo(demo_path: Path) -> Iterator:
    """open_demo(name) → a session on a copy of the demo board, as that member (or viewer)."""
    sessions: list[Session] = []

    def opener(as_name: str | None = None) -> Session:
        session = open_session(demo_path, as_name=as_name, now=fixed_now)
        sessions.append(session)
        return session

    yield opener
    for session in sessions:
        session.close()


def plan_an_evaluation(session, day: str = "2026-12-10") -> int:
    """An evaluation item on the agenda of the demo's meeting of `day`, as the annual calendar
    plans one; returns the meeting's id."""
    from boardroom.services import agenda

    meeting_id = session.repo.scalar(
        "SELECT id FROM meetings WHERE substr(starts_at, 1, 10) = ?", (day,)
    )
    agenda.add_item(
        session,
        meeting_id,
        {
            "title": "Evaluatie van de samenwerking",
            "kind": "evaluation",
            "purpose": "opinion",
            "minutes": 20,
        },
    )
    return meeting_id
