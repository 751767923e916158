"""Every message the app shows has its Dutch translation."""

import ast
from pathlib import Path

from babel.messages.pofile import read_po

from boardroom.i18n import LOCALE_DIR, _, catalogue, format_date, set_language

PACKAGE = Path(__file__).resolve().parent.parent / "boardroom"
PO = LOCALE_DIR / "nl" / "LC_MESSAGES" / "boardroom.po"


def read_catalogue() -> dict[str, str]:
    """The Dutch .po file as translators edit it: message id → translation."""
    with PO.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


CATALOGUE = read_catalogue()


def message_ids() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def test_every_message_has_a_dutch_translation():
    ids = message_ids()
    assert len(ids) > 200
    assert sorted(ids - CATALOGUE.keys()) == []


def test_dutch_translations_keep_their_placeholders():
    import string

    for english, dutch in CATALOGUE.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(dutch) if f}, english


def test_dates_and_messages_in_dutch():
    import datetime as dt

    set_language("nl")
    assert _("Next item") == "Volgend punt"
    assert format_date(dt.datetime(2026, 12, 10, 15, 0), time=True) == "do 10 dec 2026 15:00"
    set_language("en")
    assert format_date(dt.datetime(2026, 12, 10, 15, 0), time=True) == "Thu 10 Dec 2026 15:00"


def test_every_screen_title_and_column_has_a_dutch_translation():
    """Table screens translate their TITLE_TEXT and COLUMNS when they mount."""
    found = set()
    for path in (PACKAGE / "tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(
                getattr(t, "id", "") in ("COLUMNS", "TITLE_TEXT") for t in node.targets
            ):
                for constant in ast.walk(node.value):
                    if isinstance(constant, ast.Constant) and isinstance(constant.value, str):
                        found.add(constant.value)
    assert "Fingerprint" in found
    assert sorted(found - CATALOGUE.keys() - {"", "#"}) == []


def test_the_compiled_catalogue_is_the_po_file():
    """The app reads the .mo; after editing the .po, `pybabel compile` must have run."""
    compiled = catalogue("nl")._catalog  # type: ignore[attr-defined]
    assert {k: v for k, v in compiled.items() if k} == CATALOGUE


def test_no_translation_is_left_unused():
    """Every message id is said somewhere: a `_()` call, a screen's title or column, a label
    of an enum value, or a text the code hands to `_()` from a table of its own."""
    import enum
    import inspect

    import boardroom.domain.enums as enums

    said = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                said.add(node.value)
    for _name, kind in inspect.getmembers(enums, inspect.isclass):
        if issubclass(kind, enum.Enum):
            said |= {str(member.value).replace("_", " ") for member in kind}
    assert sorted(CATALOGUE.keys() - said) == []
