"""The canary for boardroom.tui.internals: every private part of Textual the app leans on is
still there and shaped as it was; nothing outside the package reaches for one; the switch
turns the tricks off and the app still works; a kept agenda is shown again as it is now.

When an upgrade of Textual fails here: run the app with BOARDROOM_TEXTUAL_TRICKS=off (it
works, slower), then fix the trick named in the failure (boardroom/tui/internals/)."""

from __future__ import annotations

import ast
import gc
import importlib
import inspect
from pathlib import Path

import pytest
import textual
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable

from boardroom.domain import models as m
from boardroom.i18n import set_language
from boardroom.services import agenda
from boardroom.services.session import open_session
from boardroom.tui import internals
from boardroom.tui.screens.agenda import AgendaScreen
from tests.conftest import fixed_now
from tests.tui.conftest import cells

ROOT = Path(__file__).resolve().parents[2]
SIZE = (130, 42)


def _owner(path: str) -> object:
    try:
        return importlib.import_module(path)
    except ImportError:
        module, _dot, name = path.rpartition(".")
        return getattr(importlib.import_module(module), name)


def _instance(owner: object) -> object:
    """An instance to look for attributes set in __init__ (a class's own are on it)."""
    if owner is App or owner is DOMNode:
        return App()
    if owner is Screen:
        return Screen()
    if owner is DataTable:
        return DataTable()
    return owner


@pytest.mark.parametrize(
    ("owner", "name", "params"),
    internals.PRIVATE,
    ids=[f"{o.rsplit('.', 1)[-1]}.{n}" for o, n, _p in internals.PRIVATE],
)
def test_each_private_part_is_still_there_and_shaped_as_it_was(owner, name, params):
    where = _owner(owner)
    found = getattr(where, name, None) if params else getattr(_instance(where), name, None)
    assert found is not None, (
        f"Textual {textual.__version__} has no {owner}.{name}: see boardroom/tui/internals/ "
        "(run with BOARDROOM_TEXTUAL_TRICKS=off meanwhile)"
    )
    if params is not None:
        assert tuple(inspect.signature(found).parameters) == params, (
            f"Textual {textual.__version__} changed {owner}.{name}"
            f"{inspect.signature(found)}: see boardroom/tui/internals/"
        )


def test_the_private_parts_are_what_the_tricks_use():
    """What each kind of object holds: caches that clear, a count, a stack per mode."""
    table = DataTable()
    for cache in ("_row_render_cache", "_cell_render_cache", "_line_cache", "_styles_cache"):
        assert callable(getattr(table, cache).clear)
    assert isinstance(table._update_count, int)
    assert callable(table._get_styles_to_render_cell.cache_clear)
    app = App()
    assert isinstance(app._css_update_count, int) and isinstance(app._screen_stacks, dict)
    assert type(app._bindings).__name__ == "BindingsMap"


def _textual_private_names() -> set[str]:
    names: set[str] = set()
    for thing in (App, Screen, Widget, DataTable, DOMNode, App(), Screen(), DataTable()):
        names |= {n for n in dir(thing) if n.startswith("_") and not n.startswith("__")}
    return names


def test_nothing_outside_the_package_reaches_for_a_private_part():
    """In the app's faces (the only code that touches Textual): no private attribute of
    Textual's app, screens, widgets or table, no private module, no override of a private
    method — outside boardroom/tui/internals/."""
    private = _textual_private_names()
    found = []
    for path in sorted((ROOT / "boardroom" / "tui").rglob("*.py")):
        if "internals" in path.parts:
            continue
        where = path.relative_to(ROOT)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in private:
                found.append(f"{where}:{node.lineno} .{node.attr}")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual."):
                if any(part.startswith("_") for part in (node.module or "").split(".")):
                    found.append(f"{where}:{node.lineno} {node.module}")
            elif isinstance(node, ast.ClassDef):
                found += [
                    f"{where}:{item.lineno} def {item.name}"
                    for item in node.body
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and item.name in private
                ]
    assert found == []


@pytest.mark.parametrize(
    ("value", "on"),
    [("on", True), ("", True), ("off", False), ("OFF", False), ("0", False), ("no", False)],
)
def test_the_switch_reads_the_environment(monkeypatch, value, on):
    monkeypatch.setenv("BOARDROOM_TEXTUAL_TRICKS", value)
    assert internals._switched_on() is on


async def _walk(app) -> dict[str, list[list[str]]]:
    seen = {}
    async with app.run_test(size=SIZE) as pilot:
        while not app.warmed_up:
            await pilot.pause(0.05)
        seen["gc"] = [[str(gc.isenabled())]]
        seen["prebuilt"] = [[str(len(app._prebuilt))]]
        for key in ("B", "A", "M", "V"):
            await pilot.press(key)
            await pilot.pause()
            seen[key] = cells(app.screen)
        await pilot.press("a")
        await pilot.pause()
        seen["agenda"] = cells(app.screen)
        seen["agenda footer"] = [[app.screen.query_one("KeyFooter").render().plain]]
        await pilot.press("escape")
        await pilot.press("a")
        await pilot.pause()
        seen["agenda again"] = cells(app.screen)
    return seen


async def test_with_the_switch_off_the_app_shows_the_same_and_collects_as_python_does(
    make_app, monkeypatch
):
    set_language("nl")
    tricks = await _walk(make_app())
    monkeypatch.setattr(internals, "ENABLED", False)
    plain = await _walk(make_app())
    assert tricks["gc"] == [["False"]] and plain["gc"] == [["True"]]
    assert int(tricks["prebuilt"][0][0]) > 0 and plain["prebuilt"] == [["0"]]
    for what in ("B", "A", "M", "V", "agenda", "agenda again"):
        assert plain[what] == tricks[what] and tricks[what], what
    # the footer speaks Dutch either way (without the trick, it translates for itself)
    assert plain["agenda footer"] == tricks["agenda footer"]
    assert "Agendapunt toevoegen" in plain["agenda footer"][0][0]


async def test_the_agenda_is_kept_and_shown_again_as_the_board_is_now(make_app, demo_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "a")
        first = app.screen
        assert isinstance(first, AgendaScreen)
        titles = [row[2] for row in cells(first)]
        await pilot.press("escape", "a")
        assert app.screen is first  # not built again
        # another session adds an item meanwhile; the agenda shows it when shown again
        await pilot.press("escape")
        with open_session(demo_path, as_name="Marianne van der Velde", now=fixed_now) as other:
            agenda.add_item(
                other,
                first.meeting_id,
                {"title": "Rondvraag extra", "kind": "other", "purpose": "informing", "minutes": 5},
            )
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is first
        now = [row[2] for row in cells(first)]
        assert len(now) == len(titles) + 1 and "Rondvraag extra" in now
        # another meeting's agenda: a screen of its own, and the first one is let go
        await pilot.press("escape", "down", "a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen) and app.screen is not first
        assert app.screen.meeting_id != first.meeting_id and not first.is_attached


async def test_an_agenda_open_in_one_mode_is_not_shared_with_another(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "a")
        first = app.screen
        assert isinstance(first, AgendaScreen)
        await pilot.press("f10")  # the calendar, with the agenda still open under the meetings
        await pilot.pause()
        meeting = app.session.repo.model(m.Meeting, first.meeting_id)
        from boardroom.tui.screens.agenda import open_agenda

        open_agenda(app.screen, meeting.id)
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen) and app.screen is not first
        assert first.is_attached  # still open in the meetings mode
