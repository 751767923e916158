"""The board's settings and house style: its name, region, language and lead times, and the
accent colour, logo and font its documents are set in.

The logo and the font are files: their bytes are kept in the board with the papers' contents
(under their sha256, so `verify` checks them and replication carries them); the board row
names each by its hash and the file name it came as, logged like every change."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from boardroom.domain import models as m
from boardroom.domain.errors import NotFound, ValidationProblem
from boardroom.domain.permissions import Capability
from boardroom.domain.style import FONT_LIMIT, LOGO_LIMIT, HouseStyle, image_type
from boardroom.i18n import _
from boardroom.services.session import Session, one_transaction, problem_from

#: the settings a board changes on its settings form (the rest come with its board file)
SETTINGS = ("name", "region", "language", "papers_lead_days", "consent_review_months", "accent")
#: the files of a house style, as the board row names them
FILES = ("logo", "font", "font_bold")


@dataclass(frozen=True)
class StyleFile:
    """A file handed to the board for its house style: its name and its bytes."""

    name: str
    content: bytes


def _doing() -> str:
    return _("change the board's settings")


def require_styler(session: Session) -> None:
    """May this user change the board's settings and style? (Asked before a file is read.)"""
    session.require(Capability.EDIT_COMPOSITION, _doing())


def the_board(session: Session) -> m.Board:
    board = session.repo.board()
    if board is None:
        raise NotFound(_("this database holds no board"))
    return board


def house_style(session: Session) -> HouseStyle:
    """The style the board's documents are set in (anyone who may read them may know it)."""
    board = the_board(session)
    files = {
        part: session.repo.paper_content(sha) if (sha := getattr(board, f"{part}_sha256")) else None
        for part in FILES
    }
    font = files["font"]
    return HouseStyle(
        accent=board.accent,
        family=font_family(font, "font") if font else "",
        font=font,
        font_bold=files["font_bold"],
        logo=files["logo"],
    )


def described(board: m.Board) -> str:
    """The house style in a few lines: the accent, and the logo's and font's file names."""
    none = _("none (the product's own)")
    return "\n".join(
        [
            f"{_('Accent colour')}: {board.accent}",
            f"{_('Logo')}: {board.logo_name or _('none')}",
            f"{_('Font')}: {board.font_name or none}",
            f"{_('Bold font')}: {board.font_bold_name or (board.font_name and _('the font, set bold')) or none}",
        ]
    )


def font_family(content: bytes, field: str) -> str:
    """The family name of a TrueType font a document may embed; refused, saying why, when it
    is not one (a PDF must carry its fonts, and a font whose licence forbids that cannot)."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(io.BytesIO(content), lazy=True)
        family = font["name"].getBestFamilyName()
        outlines = "glyf" in font
        licence = font["OS/2"].fsType if "OS/2" in font else 0
    except (TTLibError, KeyError, AssertionError, ValueError, IndexError, OSError):
        raise ValidationProblem(_("not a font file (a TrueType .ttf is needed)"), field) from None
    if not outlines:
        raise ValidationProblem(
            _("this font has PostScript outlines; a TrueType (.ttf) version is needed"), field
        )
    if licence & 0x000F == 0x0002:  # "restricted licence embedding"
        raise ValidationProblem(
            _("this font's licence does not allow embedding it in documents"), field
        )
    if not family:
        raise ValidationProblem(_("this font has no family name"), field)
    return str(family)


def _checked(part: str, given: StyleFile) -> None:
    limit = LOGO_LIMIT if part == "logo" else FONT_LIMIT
    if not given.content:
        raise ValidationProblem(_("the file is empty"), part)
    if len(given.content) > limit:
        raise ValidationProblem(
            _("the file is {size} MB; at most {limit} MB").format(
                size=round(len(given.content) / 2**20, 1), limit=limit // 2**20
            ),
            part,
        )
    if part == "logo":
        if not image_type(given.content):
            raise ValidationProblem(_("a logo must be a PNG or JPEG image"), part)
    else:
        font_family(given.content, part)


@one_transaction
def set_style(
    session: Session,
    *,
    accent: str | None = None,
    files: Mapping[str, StyleFile | None] | None = None,
    seen: int | None = None,
) -> m.Board:
    """Change the house style: the accent colour, and each file named in `files` (None there
    takes that file away: the documents go back to the product's font, or show no logo)."""
    require_styler(session)
    board = the_board(session)
    changes: dict[str, Any] = {}
    if accent is not None:
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", accent.strip()):
            raise ValidationProblem(
                _("a colour is written #RRGGBB, as #1f5c99 (got {value!r})").format(value=accent),
                "accent",
            )
        changes["accent"] = accent.strip().lower()
    now = session.now().astimezone(dt.UTC).isoformat(timespec="seconds")
    for part, given in (files or {}).items():
        if part not in FILES:
            raise ValidationProblem(_("unknown style file {part!r}").format(part=part), part)
        if given is None:
            changes |= {f"{part}_sha256": "", f"{part}_name": ""}
            continue
        _checked(part, given)
        digest, _new = session.repo.store_paper_content(given.content, now)
        changes |= {f"{part}_sha256": digest, f"{part}_name": given.name.strip() or part}
    font = changes.get("font_sha256", board.font_sha256)
    if changes.get("font_bold_sha256", board.font_bold_sha256) and not font:
        raise ValidationProblem(_("a bold font goes with a regular one: give the font too"), "font")
    if changes:
        session.repo.update("boards", board.id or 0, changes, seen=seen)
    return the_board(session)


def _valid(board: m.Board, changes: dict[str, Any]) -> m.Board:
    try:
        return m.Board.model_validate({**board.model_dump(), **changes})
    except ValidationError as error:
        raise problem_from(error) from None


@one_transaction
def save_settings(
    session: Session,
    data: dict[str, Any],
    seen: int | None = None,
    files: Mapping[str, StyleFile | None] | None = None,
) -> m.Board:
    """Change the board's settings from its settings form (the fields in SETTINGS) and, given,
    its style's files, in one transaction: all of it is saved, or nothing."""
    session.require(Capability.EDIT_COMPOSITION, _doing())
    board = the_board(session)
    unknown = set(data) - set(SETTINGS)
    if unknown:
        raise ValidationProblem(_("unknown setting {name!r}").format(name=min(unknown)))
    settings = {key: value for key, value in data.items() if key != "accent"}
    checked = _valid(board, settings)
    changes = {key: checked.model_dump(mode="json")[key] for key in settings}
    session.repo.update("boards", board.id or 0, changes, seen=seen)
    if "accent" in data or files:
        set_style(session, accent=data.get("accent"), files=files)
    return the_board(session)


def settings_to_edit(session: Session) -> tuple[m.Board, int]:
    """The board as its settings form shows it, and its version (to refuse a save over
    someone else's change)."""
    board = the_board(session)
    return board, session.version("boards", board.id or 0)
