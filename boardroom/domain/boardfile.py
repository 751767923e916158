"""The board file (TOML, see agendas/board.example.toml): its model, references and locations.

A board file is checked whole before anything is written: the shape by pydantic, then every
name it refers to (a member's perspective, a theme's portfolio holders) against the file.
Problems are reported with the file's line, found from the field's path.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from boardroom.domain import models as m
from boardroom.domain.errors import ValidationProblem

T = TypeVar("T", bound=BaseModel)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class BoardSection(m.BoardSettings):
    pass


class PerspectiveEntry(_Entry):
    name: m.Name
    seats: m.Seats = 1
    vote_weight: m.Weight = 1


class MemberEntry(_Entry):
    name: m.Name
    organisation: m.Text = ""
    perspective: m.Name | None = None
    roles: m.Roles = Field(default_factory=lambda: [m.Role.MEMBER])
    circle: m.Circle = m.Circle.INNER
    mandate: m.Text = ""
    vote_weight: m.Weight | None = None
    email: m.Email = ""
    active_from: dt.date | None = None
    active_until: dt.date | None = None


class ThemeEntry(_Entry):
    name: m.Name
    portfolio_holders: list[m.Name] = Field(default_factory=list)
    programme_manager: m.Name | None = None
    slots_per_year: m.Slots = 4
    preferred_months: m.Months = Field(default_factory=list)
    colour: m.Colour = "#4a90d9"
    active: bool = True


class StyleEntry(_Entry):
    """The board's house style: an accent colour, and its logo (PNG or JPEG) and font
    (TrueType, regular and bold) as files named relative to the board file."""

    accent: m.Colour = m.DEFAULT_ACCENT
    logo: m.Text = ""
    font: m.Text = ""
    font_bold: m.Text = ""

    def files(self) -> dict[str, str]:
        """The files it names, by what they are (logo, font, font_bold)."""
        named = {"logo": self.logo, "font": self.font, "font_bold": self.font_bold}
        return {part: name for part, name in named.items() if name}


class BoardFile(_Entry):
    board: BoardSection
    style: StyleEntry = Field(default_factory=StyleEntry)
    perspectives: list[PerspectiveEntry] = Field(default_factory=list)
    members: list[MemberEntry] = Field(default_factory=list)
    themes: list[ThemeEntry] = Field(default_factory=list)
    behaviour_rules: list[m.Name] = Field(default_factory=list)
    leading_principles: list[m.Name] = Field(default_factory=list)


def _duplicates(names: list[str]) -> list[tuple[int, str]]:
    seen: set[str] = set()
    found = []
    for index, name in enumerate(names):
        key = name.casefold()
        if key in seen:
            found.append((index, name))
        seen.add(key)
    return found


def reference_problems(plan: BoardFile) -> list[tuple[tuple[Any, ...], str]]:
    """Every duplicate or dangling name in the file, as (field path, message)."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    for section in ("perspectives", "members", "themes"):
        entries = getattr(plan, section)
        for index, name in _duplicates([e.name for e in entries]):
            problems.append(((section, index, "name"), f"duplicate name {name!r}"))
    perspectives = {p.name.casefold() for p in plan.perspectives}
    members = {x.name.casefold() for x in plan.members}
    for index, member in enumerate(plan.members):
        if member.perspective and member.perspective.casefold() not in perspectives:
            problems.append(
                (("members", index, "perspective"), f"unknown perspective {member.perspective!r}")
            )
        if member.active_from and member.active_until and member.active_until < member.active_from:
            problems.append((("members", index, "active_until"), "is before active_from"))
    for index, theme in enumerate(plan.themes):
        for holder in theme.portfolio_holders:
            if holder.casefold() not in members:
                problems.append(
                    (("themes", index, "portfolio_holders"), f"unknown member {holder!r}")
                )
        manager = theme.programme_manager
        if manager and manager.casefold() not in members:
            problems.append((("themes", index, "programme_manager"), f"unknown member {manager!r}"))
    return problems


def line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line in a TOML text where the field at `loc` is written (best effort)."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    parts = list(loc)
    if len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], int):
        header = re.compile(rf"^\s*\[\[\s*{re.escape(parts[0])}\s*\]\]")
        hits = [i for i, line in enumerate(lines) if header.match(line)]
        if parts[1] < len(hits):
            start = hits[parts[1]]
            end = next(
                (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")),
                len(lines),
            )
            parts = parts[2:]
            if not parts:
                return start + 1
        else:
            key = re.compile(rf"^\s*{re.escape(parts[0])}\s*=")
            hit = next((i for i, line in enumerate(lines) if key.match(line)), None)
            if hit is None:
                return None
            one_per_line = lines[hit].rstrip().endswith("[")
            return hit + 2 + parts[1] if one_per_line else hit + 1
    elif parts and isinstance(parts[0], str) and len(parts) >= 2:
        header = re.compile(rf"^\s*\[\s*{re.escape(parts[0])}\s*\]")
        hit = next((i for i, line in enumerate(lines) if header.match(line)), None)
        if hit is not None:
            start = hit
            end = next(
                (i for i in range(hit + 1, len(lines)) if lines[i].lstrip().startswith("[")),
                len(lines),
            )
            parts = parts[1:]
    if parts and isinstance(parts[0], str):
        key = re.compile(rf"^\s*{re.escape(parts[0])}\s*=")
        for i in range(start, end):
            if key.match(lines[i]):
                return i + 1
    return start + 1 if start else None


def where_in(source: str, text: str, loc: tuple[Any, ...]) -> str:
    line = line_of(text, loc)
    path = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
    return f"{source}:{line}: {path}" if line else f"{source}: {path}"


def parse_toml_model(text: str, source: str, model: type[T]) -> T:
    """Parse a TOML text into `model`; ValidationProblem names file:line and the field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Python 3.11's TOMLDecodeError has the position only in its text.
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        line = int(found[1]) if found else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        where = f"{source}:{line}" if line else source
        raise ValidationProblem(f"not valid TOML: {message}", where) from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "missing":
            message = "required field is missing"
        elif first["type"] == "extra_forbidden":
            message = "unknown field"
        elif "input" in first and not isinstance(first["input"], dict | list):
            message = f"{message} (got {first['input']!r})"
        raise ValidationProblem(message, where_in(source, text, tuple(first["loc"]))) from None


def parse_board_file(text: str, source: str) -> BoardFile:
    """Parse and check a board file whole; ValidationProblem names file:line and field."""
    plan = parse_toml_model(text, source, BoardFile)
    problems = reference_problems(plan)
    if problems:
        loc, message = problems[0]
        raise ValidationProblem(message, where_in(source, text, loc))
    return plan
