"""What every paged format shares: the embedded font family (Bitstream Vera, shipped with
ReportLab, so nothing depends on the host's fonts) and the widths of a table's columns,
measured from their content."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from boardroom.exports.document import Table

FONT = "Vera"


@cache
def fonts() -> str:
    """Register the embedded font family once; returns its name."""
    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    for name, file, bold, italic in (
        (FONT, "Vera.ttf", 0, 0),
        (f"{FONT}-Bold", "VeraBd.ttf", 1, 0),
        (f"{FONT}-Italic", "VeraIt.ttf", 0, 1),
        (f"{FONT}-BoldItalic", "VeraBI.ttf", 1, 1),
    ):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        addMapping(FONT, bold, italic, name)
    return FONT


def measure(table: Table, font_size: float = 9, pad: float = 11) -> tuple[list[float], list[float]]:
    """Per column: the least width (its longest word, or its header) and the natural width
    (its longest cell on one line), in points, `pad` (the cell's padding and a little air)
    included."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = fonts()
    columns = list(zip(table.headers, *table.rows, strict=True))
    least, natural = [], []
    for n, cells in enumerate(columns):
        words = [w for cell in cells for w in str(cell).split()] or [""]
        head = stringWidth(table.headers[n], f"{font}-Bold", font_size)
        least.append(max(max(stringWidth(w, font, font_size) for w in words), head) + pad)
        longest = max(
            (stringWidth(line, font, font_size) for c in cells[1:] for line in str(c).split("\n")),
            default=0,
        )
        natural.append(max(longest + pad, least[-1]))
    return least, natural


def column_widths(
    table: Table, available: float, font_size: float = 9, pad: float = 11
) -> list[float]:
    """Each column at least as wide as its longest word (so no word is broken) and its
    header; the room left is shared in proportion to how much more each column's longest
    cell would take. Columns of short values stay narrow; the text column gets the room."""
    least, natural = measure(table, font_size, pad)
    if sum(natural) <= available:
        spare = available - sum(natural)  # everything fits on one line: share the rest evenly
        return [w + spare / len(natural) for w in natural]
    if sum(least) >= available:  # squeezed: keep the words whole, scale only what is left
        return [w * available / sum(least) for w in least]
    # Short columns (a name, a date, a status) get their whole width while it is no more than
    # a fair share of what is left; the long ones share the rest in proportion to their text.
    widths = [0.0] * len(natural)
    left, open_columns = available, sorted(range(len(natural)), key=lambda n: natural[n])
    while open_columns and natural[open_columns[0]] <= left / len(open_columns):
        n = open_columns.pop(0)
        widths[n], left = natural[n], left - natural[n]
    total = sum(natural[n] for n in open_columns) or 1
    for n in open_columns:
        widths[n] = max(least[n], left * natural[n] / total)
    if sum(widths) > available:  # a long column's longest word took more than its share
        scale = (available - sum(least)) / (sum(widths) - sum(least))
        widths = [low + (w - low) * scale for w, low in zip(widths, least, strict=True)]
    return widths
