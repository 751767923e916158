"""The document as an archival PDF: PDF/A-2a, tagged (a structure tree, the document's
language), fonts embedded, made by WeasyPrint from the same HTML and style sheet as the HTML
file, so the two look alike. Minutes and lists of a public body's table are archival
records; every document the app writes as PDF is made this way (the meeting bundle binds
papers as they are, is no PDF/A: `render_pdf` without a variant)."""

from __future__ import annotations

import atexit
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from boardroom.domain.errors import StorageProblem
from boardroom.domain.style import HouseStyle
from boardroom.exports.document import Document
from boardroom.exports.markup import to_html
from boardroom.exports.style import base_sheet, css_string, page_counter, page_sheet
from boardroom.i18n import _

VARIANT = "pdf/a-2a"

#: one document at a time per process: the style's fonts and sheet are shared (`_base`), and
#: the app makes files in threads
ENGINE_TURN = threading.RLock()

#: what to install where the PDF engine's text layout library is missing
PANGO_HINT = (
    "PDF needs Pango on this machine (Debian: apt install libpango-1.0-0 libpangoft2-1.0-0)"
)


def to_archival_pdf(doc: Document, language: str) -> bytes:
    """The document as a tagged PDF/A-2a in `language` (its /Lang and the HTML's)."""
    return render_pdf(doc, language, VARIANT)


def render_pdf(doc: Document, language: str, variant: str | None, numbered: bool = True) -> bytes:
    """The document as PDF in the house style: `variant` a WeasyPrint PDF variant (None for
    a plain PDF: the bundle's parts, joined with papers that are no PDF/A); `numbered`, with
    "page X of Y" (the bundle numbers its pages across the whole)."""
    with ENGINE_TURN:
        return written(laid_out(doc, language, numbered), variant)


def written(pages: Any, variant: str | None) -> bytes:
    """A laid-out document (see `laid_out`) as the bytes of its PDF."""
    data = pages.write_pdf(pdf_variant=variant, pdf_tags=variant is not None)
    assert data is not None
    return bytes(data)


def laid_out(doc: Document, language: str, numbered: bool = True) -> Any:
    """The document laid out in pages (its `.pages`), not yet written: the bundle counts
    them before it numbers its papers."""
    engine = _engine()
    counter = page_counter(_("page {n} of {total}")) if numbered else ""
    margins = {
        "top-left": css_string(doc.header) if doc.header else "",
        "bottom-left": css_string(doc.footer) if doc.footer else "",
        "bottom-right": counter,
    }
    fonts, base = _base(doc.style)
    pages = engine.CSS(string=page_sheet(doc.style, margins), font_config=fonts)
    source = to_html(doc, language, margins=margins, sheet=False)
    return engine.HTML(string=source).render(stylesheets=[base, pages], font_config=fonts)


def _engine() -> Any:
    try:
        import weasyprint
    except OSError:  # cffi could not load Pango
        raise StorageProblem(PANGO_HINT) from None
    return weasyprint


@lru_cache(maxsize=4)
def _base(style: HouseStyle) -> tuple[Any, Any]:
    """The house style's sheet read once, with its fonts (tens of kilobytes each, in the
    sheet): a meeting bundle lays out several documents in it."""
    from weasyprint.text.fonts import FontConfiguration

    engine = _engine()
    fonts = FontConfiguration()
    if _base.cache_info().currsize == 0:  # let go of the fonts before the engine is unloaded
        atexit.register(_base.cache_clear)
    return fonts, engine.CSS(string=base_sheet(style, paged=True), font_config=fonts)


def deliver(data: bytes, path: Path | BinaryIO | None) -> bytes:
    """Write a made PDF to a file or a stream when one is given; return its bytes."""
    if isinstance(path, Path):
        path.write_bytes(data)
    elif path is not None:
        path.write(data)
    return data
