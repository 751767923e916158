"""Every message the app shows has its Dutch translation."""

import ast
from pathlib import Path

from babel.messages.pofile import read_po

from boardroom.i18n import LOCALE_DIR, _, catalogue, format_date, set_language

PACKAGE = Path(__file__).resolve().parent.parent / "boardroom"
PO = LOCALE_DIR / "nl" / "LC_MESSAGES" / "boardroom.po"


def read_catalogue() -> tuple[dict[str, str], dict[tuple[str, str], tuple[str, ...]]]:
    """The Dutch .po file as translators edit it: message id → translation, and the plural
    messages: (singular, plural) → their forms."""
    singles, plurals = {}, {}
    with PO.open("rb") as handle:
        for message in read_po(handle):
            if isinstance(message.id, tuple):
                plurals[message.id] = tuple(message.string)
            elif message.id:
                singles[message.id] = message.string
    return singles, plurals


CATALOGUE, PLURALS = read_catalogue()


def message_ids() -> tuple[set[str], set[tuple[str, str]]]:
    """The messages the code says with `_()` and, with their plurals, with `n_()`."""
    found, plural = set(), set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            texts = [a.value for a in node.args[:2] if isinstance(a, ast.Constant)]
            name = getattr(node.func, "id", None)
            if name in ("_", "N_") and texts and isinstance(texts[0], str):
                found.add(texts[0])
            elif name == "n_" and len(texts) == 2:
                plural.add((texts[0], texts[1]))
    return found, plural


def test_every_message_has_a_dutch_translation():
    ids, plurals = message_ids()
    assert len(ids) > 200
    assert ("{n} concern", "{n} concerns") in plurals
    assert sorted(ids - CATALOGUE.keys()) == []
    assert sorted(plurals - PLURALS.keys()) == []
    assert all(len(forms) == 2 and all(forms) for forms in PLURALS.values())


def test_plurals_in_dutch_and_english():
    from boardroom.i18n import n_

    set_language("nl")
    try:
        assert n_("{n} concern", "{n} concerns", 1).format(n=1) == "1 zorg"
        assert n_("{n} concern", "{n} concerns", 2).format(n=2) == "2 zorgen"
    finally:
        set_language("en")
    assert n_("{n} concern", "{n} concerns", 1).format(n=1) == "1 concern"
    assert n_("{n} concern", "{n} concerns", 3).format(n=3) == "3 concerns"


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
    assert {k: v for k, v in compiled.items() if isinstance(k, str) and k} == CATALOGUE
    assert {
        PLURALS_BY_SINGULAR[singular]: forms for singular, forms in _plural_forms(compiled).items()
    } == PLURALS


PLURALS_BY_SINGULAR = {ids[0]: ids for ids in PLURALS}


def _plural_forms(compiled: dict) -> dict[str, tuple[str, ...]]:
    """gettext keeps plural forms as (singular, index) → form."""
    forms: dict[str, list[str]] = {}
    for key in sorted(k for k in compiled if isinstance(k, tuple)):
        forms.setdefault(key[0], []).append(compiled[key])
    return {k: tuple(v) for k, v in forms.items()}


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
    assert sorted(PLURALS.keys() - message_ids()[1]) == []
