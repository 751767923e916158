"""The house style in the formats' own terms: one style sheet for the HTML file and the
archival PDF (made from the same HTML), the font's files for ReportLab, the colours for Word.

A PDF carries its fonts: the board's own, or the product's (Bitstream Vera, shipped with
ReportLab), never whatever the host happens to have. The HTML file names the board's font
first and carries it too when the board has one, so a reader's browser shows what the PDF
shows."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

from boardroom.domain.style import DEFAULT_FAMILY, HouseStyle


@cache
def _vera(bold: bool) -> bytes:
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    return (folder / ("VeraBd.ttf" if bold else "Vera.ttf")).read_bytes()


def _data_url(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def font_faces(style: HouseStyle, embed_default: bool) -> str:
    """@font-face rules for the document's font (regular and bold): the board's, or, where
    `embed_default`, the product's own (the PDF must embed what it shows)."""
    regular, bold = style.font, style.font_bold
    if regular is None:
        if not embed_default:
            return ""
        regular, bold = _vera(False), _vera(True)
    faces = [(regular, "normal"), (bold or regular, "bold")]
    return "\n".join(
        f'@font-face {{ font-family: "{style.font_family}"; font-weight: {weight};'
        f' src: url("{_data_url("font/ttf", data)}"); }}'
        for data, weight in faces
    )


def tint(colour: str, share: float) -> str:
    """The colour mixed with white (`share` of the colour): a table head's background."""
    channels = [int(colour[k : k + 2], 16) for k in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


def _family(style: HouseStyle) -> str:
    return f'"{style.font_family}", "{DEFAULT_FAMILY}", "DejaVu Sans", Arial, sans-serif'


def base_sheet(style: HouseStyle, paged: bool) -> str:
    """What every page of the house style has: its fonts (the PDF's embedded), colours,
    headings and tables. The PDF engine reads it once per style (`archival.py`)."""
    family = _family(style)
    accent, head = style.accent, tint(style.accent, 0.18)
    sheet = f"""
{font_faces(style, embed_default=paged)}
body {{ font-family: {family}; color: #222; line-height: 1.45; }}
h1 {{ font-size: 1.6em; border-bottom: 2px solid {accent}; padding-bottom: .2em; color: {accent}; }}
h2 {{ font-size: 1.25em; margin-top: 1.6em; color: {accent}; }}
h3 {{ font-size: 1.05em; margin-top: 1.2em; }}
h1, h2, h3, h4 {{ break-after: avoid; }}
p.label-only {{ break-after: avoid; }}
table {{ border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .92em; }}
th, td {{ border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }}
th {{ background: {head}; }}
tr {{ break-inside: avoid; }}
figure.chart {{ margin: .3em 0 1em; }}
figure.chart svg {{ width: 125mm; max-width: 100%; height: auto; }}
img.logo {{ display: block; max-height: 18mm; max-width: 60mm; margin: 0 0 4mm auto; }}
.watermark {{ position: fixed; top: 40%; left: 0; right: 0; text-align: center; z-index: -1;
             font-size: 8em; font-weight: bold; color: #e4e4e4; transform: rotate(-40deg); }}
.whole {{ white-space: nowrap; }}
section.lead {{ break-after: page; }}
"""
    if not paged:
        return (
            sheet
            + """
body { max-width: 48em; margin: 2em auto; }
.running { color: #666; font-size: .8em; border-bottom: 1px solid #ccc; padding-bottom: .3em; }
.foot { color: #666; font-size: .8em; border-top: 1px solid #ccc; margin-top: 2em;
        padding-top: .3em; }
@page { size: A4; margin: 20mm; }
@media print { body { margin: 0; max-width: none; } .appendix { break-before: page; } }
"""
        )
    return (
        sheet
        + """
body { margin: 0; font-size: 10pt; }
.appendix { break-before: page; }
"""
    )


def page_sheet(style: HouseStyle, margins: dict[str, str]) -> str:
    """A4, and in the page's margin boxes (top-left, bottom-left, bottom-right) their CSS
    content: the running header, the footer, "page X of Y"."""
    furniture = "\n".join(
        f"        @{where} {{ content: {what}; font-family: {_family(style)}; font-size: 8pt;"
        " color: #595959; }"
        for where, what in margins.items()
        if what
    )
    return f"""
@page {{ size: A4; margin: 22mm 20mm 20mm 20mm;
{furniture} }}
"""


def style_sheet(style: HouseStyle, margins: dict[str, str] | None = None) -> str:
    """The whole style sheet: the screen's (a page of reading width) or, with `margins`, the
    PDF's (see `page_sheet`)."""
    if margins is None:
        return base_sheet(style, paged=False)
    return base_sheet(style, paged=True) + page_sheet(style, margins)


def css_string(text: str) -> str:
    """Text as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def page_counter(words: str) -> str:
    """ "page {n} of {total}" (in the reader's language) as CSS content with the counters."""
    before, rest = words.split("{n}", 1)
    between, after = rest.split("{total}", 1)
    parts = [css_string(before), "counter(page)", css_string(between), "counter(pages)"]
    return " ".join([*parts, css_string(after)] if after else parts)


def logo_url(style: HouseStyle) -> str:
    """The logo as a data: URL (a self-contained file), "" when the board has none."""
    return _data_url(style.logo_type, style.logo) if style.logo else ""
