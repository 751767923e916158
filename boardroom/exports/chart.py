"""A KPI's chart, drawn once and rendered three ways: the figures over time against the
straight path from the baseline to the target. The drawing is ReportLab's (`Drawing`): the
PDF takes it as vector graphics, HTML as SVG (ReportLab's own SVG renderer) and Word as a PNG
(the drawing's PDF rasterised by PDFium, since Word does not take SVG everywhere)."""

from __future__ import annotations

import datetime as dt
import html
import io
import math
import re
from typing import TYPE_CHECKING, Any

from boardroom.exports.document import Chart
from boardroom.exports.layout import fonts
from boardroom.i18n import _, format_date, with_unit

if TYPE_CHECKING:  # ReportLab is imported when a chart is drawn (85 ms; a list never needs it)
    from reportlab.graphics.shapes import Drawing, Polygon
    from reportlab.lib.colors import Color

WIDTH, HEIGHT = 360, 176
#: the margins around the plot: room for the title (top), the values (left), the dates and
#: the legend (bottom)
LEFT, TOP, RIGHT, BOTTOM = 52, 22, 14, 42
INK, PATH, PLOT, GRID = "#333355", "#8a8a8a", "#f7f7fb", "#dcdce6"
#: what the SVG's text falls back on where the reader's browser has no Vera
SVG_FONTS = "Vera, 'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"


def ticks(low: float, high: float, most: int = 5) -> list[float]:
    """The finest round grid (steps of 1, 2, 2.5 or 5 times a power of ten) that reaches from
    at or below `low` to at or above `high` in at most `most` values."""
    if high <= low:
        low, high = low - 1, high + 1
    power = 10 ** math.floor(math.log10((high - low) / most))
    for step in (s * power * 10**k for k in range(3) for s in (1, 2, 2.5, 5)):
        first = math.floor(low / step + 1e-9) * step
        count = math.ceil((high - first) / step - 1e-9)
        if count + 1 <= most:
            return [round(first + n * step, 10) for n in range(count + 1)]
    return [low, high]


def drawing(chart: Chart) -> Drawing:
    """The chart as a ReportLab drawing: a grid at round values (with the unit), the figures
    as a line with dots, the dashed path to the target, the target as a diamond, the dates at
    both ends and a legend."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
    from reportlab.lib.colors import HexColor

    font = fonts()
    ink, path_colour = HexColor(INK), HexColor(PATH)
    start = chart.baseline[0]
    end = max([chart.target[0], *(day for day, _value in chart.points)])
    values = [chart.baseline[1], chart.target[1], *(value for _day, value in chart.points)]
    marks = ticks(min(values), max(values))
    low, high = marks[0], marks[-1]
    inner_width, inner_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    days = max((end - start).days, 1)

    def at(day: dt.date, value: float) -> tuple[float, float]:
        x = LEFT + inner_width * (day - start).days / days
        y = BOTTOM + inner_height * (value - low) / ((high - low) or 1)
        return (round(x, 2), round(y, 2))

    small: dict[str, Any] = {"fontName": font, "fontSize": 7.5, "fillColor": ink}
    out = Drawing(WIDTH, HEIGHT, initialFontName=font, initialFontSize=8)
    out.add(Rect(LEFT, BOTTOM, inner_width, inner_height, fillColor=HexColor(PLOT),
                 strokeColor=HexColor(GRID)))  # fmt: skip
    for value in marks:
        y = at(start, value)[1]
        out.add(Line(LEFT, y, WIDTH - RIGHT, y, strokeColor=HexColor(GRID), strokeWidth=0.5))
        out.add(String(LEFT - 4, y - 2.5, with_unit(value, chart.unit), textAnchor="end", **small))
    (x1, y1), (x2, y2) = at(*chart.baseline), at(*chart.target)
    out.add(Line(x1, y1, x2, y2, strokeColor=path_colour, strokeWidth=1.2,
                 strokeDashArray=[4, 3]))  # fmt: skip
    out.add(_diamond(x2, y2, 4, ink))
    points = [at(day, value) for day, value in chart.points]
    if len(points) > 1:
        out.add(PolyLine([c for p in points for c in p], strokeColor=ink, strokeWidth=1.8))
    for x, y in points:
        out.add(Circle(x, y, 2.4, fillColor=ink, strokeColor=None))
    date_y = BOTTOM - 11
    out.add(String(LEFT, date_y, _short(start), **small))
    out.add(String(WIDTH - RIGHT, date_y, _short(end), textAnchor="end", **small))
    _legend(out, small, ink, path_colour)
    out.add(String(LEFT - 44, HEIGHT - 12, chart.title, fontName=f"{font}-Bold", fontSize=9,
                   fillColor=ink))  # fmt: skip
    return out


def _short(day: dt.date) -> str:
    return format_date(day, weekday=False)


def _diamond(x: float, y: float, r: float, colour: Color) -> Polygon:
    from reportlab.graphics.shapes import Polygon

    return Polygon([x, y + r, x + r, y, x, y - r, x - r, y], fillColor=None,
                   strokeColor=colour, strokeWidth=1.2)  # fmt: skip


def _legend(out: Drawing, small: dict[str, Any], ink: Color, path_colour: Color) -> None:
    """One line under the dates: the figures (a solid line), the path (dashed), the target."""
    from reportlab.graphics.shapes import Circle, Line, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    x, y = float(LEFT), 8.0
    for kind, text in (("figures", _("figures")), ("path", _("path to the target")),
                       ("target", _("target"))):  # fmt: skip
        if kind == "figures":
            out.add(Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=ink, strokeWidth=1.8))
            out.add(Circle(x + 7, y + 2.5, 2.2, fillColor=ink, strokeColor=None))
        elif kind == "path":
            out.add(Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=path_colour, strokeWidth=1.2,
                         strokeDashArray=[4, 3]))  # fmt: skip
        else:
            out.add(_diamond(x + 7, y + 2.5, 3.5, ink))
        out.add(String(x + 18, y, text, **small))
        x += 18 + stringWidth(text, small["fontName"], small["fontSize"]) + 14


def chart_svg(chart: Chart, family: str = "", key: str = "chart") -> str:
    """The drawing as an SVG element to put in a page: titled for screen readers, its text in
    the document's font (`family`) or fonts a browser has, its ids its own (`key`: one page
    may hold several charts)."""
    from reportlab.graphics import renderSVG

    title = html.escape(chart.title)
    text = renderSVG.drawToString(
        drawing(chart), svgAttrs={"role": "img", "aria-label": chart.title}
    )
    text = text[text.index("<svg") :]
    text = text.replace("<title>...</title>", f"<title>{title}</title>", 1)
    text = re.sub(r"\s*<desc>\.\.\.</desc>", "", text, count=1)
    text = text.replace('id="clip"', f'id="{key}-clip"').replace("url(#clip)", f"url(#{key}-clip)")
    text = text.replace('id="group"', f'id="{key}-group"')
    fonts = f"'{family}', {SVG_FONTS}" if family else SVG_FONTS

    def font(match: re.Match[str]) -> str:
        weight = "; font-weight: bold" if match.group(1) else ""
        return f"font-family: {fonts}{weight}"

    return re.sub(r"font-family: ?Vera(-Bold)?", font, text).strip()


def chart_png(chart: Chart, scale: float = 3) -> bytes:
    """The drawing as a PNG at `scale` times its size in points (3: sharp in print)."""
    import pypdfium2
    from reportlab.graphics import renderPDF

    pdf = pypdfium2.PdfDocument(renderPDF.drawToString(drawing(chart)))
    try:
        image = pdf[0].render(scale=scale).to_pil()
    finally:
        pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
