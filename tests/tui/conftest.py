from pathlib import Path

import pytest

from boardroom.services.session import open_session
from boardroom.tui.app import BoardroomApp
from tests.conftest import fixed_now


@pytest.fixture
def make_app(demo_path: Path):
    """make_app(name) → the app on a copy of the demo board as that member, at a fixed time."""
    apps = []

    def make(as_name: str | None = "Els Verhoeven") -> BoardroomApp:
        session = open_session(demo_path, as_name=as_name, now=fixed_now)
        app = BoardroomApp(session, demo_path, as_name)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.session.close()


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).content)


def cells(screen, selector: str = "#table") -> list[list[str]]:
    """A screen's table as text, row by row."""
    from textual.widgets import DataTable

    table = screen.query_one(selector, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
