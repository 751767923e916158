"""The board's house style: what its documents are set in, whatever the format.

An accent colour (headings, rules, table heads), a logo at the head of every document and a
font: the board's own TrueType files, kept in the board, so a document looks the same
whoever makes it, on any host. Without them, documents use the font that comes with the
product (Bitstream Vera Sans), embedded in every PDF."""

from __future__ import annotations

from dataclasses import dataclass

from boardroom.domain.models import DEFAULT_ACCENT

#: what a document's text is set in when the board has no font of its own
DEFAULT_FAMILY = "Bitstream Vera Sans"

#: the largest logo and font file the board keeps (a logo is small; a font is < 1 MB)
LOGO_LIMIT = 2 * 1024 * 1024
FONT_LIMIT = 4 * 1024 * 1024

_IMAGES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


@dataclass(frozen=True)
class HouseStyle:
    accent: str = DEFAULT_ACCENT
    #: the family name of the board's font ("" for the product's own)
    family: str = ""
    font: bytes | None = None
    font_bold: bytes | None = None
    logo: bytes | None = None

    @property
    def logo_type(self) -> str:
        return image_type(self.logo or b"")

    @property
    def font_family(self) -> str:
        return self.family or DEFAULT_FAMILY


def image_type(data: bytes) -> str:
    """The media type of a logo a document can show (PNG or JPEG), "" for anything else."""
    return next((kind for magic, kind in _IMAGES.items() if data.startswith(magic)), "")
