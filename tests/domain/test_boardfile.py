"""The board file is checked whole, and each problem names FILE:LINE and the field."""

import pytest
from pydantic import ValidationError

from boardroom.domain import boardfile as bf
from boardroom.domain import models as m
from boardroom.domain.boardfile import line_of, parse_board_file
from boardroom.domain.errors import ValidationProblem
from tests.conftest import EXAMPLE_BOARD

TEXT = EXAMPLE_BOARD.read_text(encoding="utf-8")


def line_containing(text: str, fragment: str, occurrence: int = 1) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return hits[occurrence - 1]


def test_the_example_file_is_valid_and_complete():
    plan = parse_board_file(TEXT, "board.example.toml")
    assert plan.board.name == "Regiotafel Zorg en Welzijn Voorbeeldstreek"
    assert [p.name for p in plan.perspectives] == [
        "Ziekenhuis",
        "Huisartsen",
        "Gemeenten",
        "Zorgverzekeraar",
        "Inwoners",
    ]
    assert len(plan.members) == 8
    assert plan.themes[1].portfolio_holders == ["Carla Dijkman", "Anna de Wit"]
    assert len(plan.behaviour_rules) == 3 and len(plan.leading_principles) == 2


def problem(text: str) -> str:
    with pytest.raises(ValidationProblem) as caught:
        parse_board_file(text, "b.toml")
    return str(caught.value)


def test_malformed_toml_names_the_line():
    broken = TEXT.replace('region = "Voorbeeldstreek"', 'region = "Voorbeeldstreek')
    line = line_containing(broken, 'region = "Voorbeeldstreek')
    assert problem(broken).startswith(f"b.toml:{line}: not valid TOML")


def test_unknown_perspective_names_the_member_line():
    broken = TEXT.replace('perspective = "Huisartsen"', 'perspective = "Huisarts"')
    line = line_containing(broken, 'perspective = "Huisarts"')
    assert (
        problem(broken) == f"b.toml:{line}: members[2].perspective: unknown perspective 'Huisarts'"
    )


def test_unknown_member_as_portfolio_holder():
    broken = TEXT.replace('portfolio_holders = ["Bart Claassen"]', 'portfolio_holders = ["Bart"]')
    line = line_containing(broken, 'portfolio_holders = ["Bart"]')
    assert problem(broken) == f"b.toml:{line}: themes[0].portfolio_holders: unknown member 'Bart'"


def test_duplicate_member_name():
    broken = TEXT.replace('name = "Dirk Evers"', 'name = "anna de wit"')
    line = line_containing(broken, 'name = "anna de wit"')
    assert problem(broken) == f"b.toml:{line}: members[3].name: duplicate name 'anna de wit'"


def test_missing_required_field():
    broken = TEXT.replace('region = "Voorbeeldstreek"', "")
    assert (
        problem(broken)
        == f"b.toml:{line_containing(broken, '[board]')}: board.region: required field is missing"
    )


def test_wrong_value_names_field_and_value():
    broken = TEXT.replace('vote_rule = "simple"', 'vote_rule = "most"')
    line = line_containing(broken, 'vote_rule = "most"')
    message = problem(broken)
    assert message.startswith(f"b.toml:{line}: board.vote_rule: Input should be")
    assert "(got 'most')" in message


def test_unknown_field_is_refused():
    broken = TEXT.replace("seats = 2\n", "seats = 2\nseat_colour = 'red'\n", 1)
    line = line_containing(broken, "seat_colour")
    assert problem(broken) == f"b.toml:{line}: perspectives[2].seat_colour: unknown field"


def test_active_until_before_active_from():
    broken = TEXT.replace(
        "active_from = 2026-01-01", "active_from = 2026-01-01\nactive_until = 2025-01-01"
    )
    assert "members[3].active_until: is before active_from" in problem(broken)


def test_line_of_top_level_list_entry():
    text = 'a = 1\nrules = [\n  "x",\n  "y",\n]\n'
    assert line_of(text, ("rules", 1)) == 4


@pytest.mark.parametrize(
    ("entry", "stored", "values"),
    [
        (bf.ThemeEntry, m.Theme, {"name": "Wonen", "preferred_months": [11, 3, 3]}),
        (bf.MemberEntry, m.Member, {"name": "Els", "roles": ["secretary", "secretary"]}),
        (bf.PerspectiveEntry, m.Perspective, {"name": "Gemeenten", "seats": 3}),
        (bf.BoardSection, m.Board, {"name": "Tafel", "region": "Regio", "quorum_value": 4}),
    ],
)
def test_the_file_and_the_record_read_a_value_alike(entry, stored, values):
    """One rule for a field, whether it comes from the board file or is stored: the same
    value read the same (months in order, each once; a role once), the same value refused."""
    from_file, from_record = entry.model_validate(values), stored.model_validate(values)
    for field in values:
        assert getattr(from_file, field) == getattr(from_record, field), field
    assert from_file.model_dump().get("preferred_months", [3, 11]) == [3, 11]


@pytest.mark.parametrize(
    ("entry", "stored", "values", "message"),
    [
        (bf.ThemeEntry, m.Theme, {"name": "W", "preferred_months": [13]}, "month 13"),
        (bf.ThemeEntry, m.Theme, {"name": "W", "colour": "red"}, "pattern"),
        (bf.MemberEntry, m.Member, {"name": "Els", "email": "els at tafel"}, "not an e-mail"),
        (bf.MemberEntry, m.Member, {"name": "Els", "vote_weight": -1}, "greater than or equal"),
        (bf.BoardSection, m.Board, {"name": "T", "region": "R", "quorum_value": 2.5}, "whole"),
    ],
)
def test_the_file_and_the_record_refuse_a_value_alike(entry, stored, values, message):
    for model in (entry, stored):
        with pytest.raises(ValidationError, match=message):
            model.model_validate(values)
