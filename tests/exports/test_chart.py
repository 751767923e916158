"""One chart, drawn once, rendered as SVG, PNG and in a PDF."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from boardroom.exports.archival import to_archival_pdf
from boardroom.exports.chart import HEIGHT, INK, WIDTH, chart_png, chart_svg, ticks
from boardroom.exports.document import Chart, Document
from boardroom.i18n import set_language

WAIT = Chart(
    "Wachttijd intake ggz (weken): in gevaar",
    (dt.date(2025, 10, 1), 14.0),
    (dt.date(2027, 10, 1), 10.0),
    [(dt.date(2025, 12, 1), 13.8), (dt.date(2026, 3, 1), 14.1), (dt.date(2026, 9, 1), 15.2)],
    "weken",
)


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (47, 60, [45, 50, 55, 60]),
        (10, 15.2, [10, 12, 14, 16]),
        (0.12, 0.9, [0, 0.25, 0.5, 0.75, 1]),
        (58, 58, [57, 57.5, 58, 58.5, 59]),  # one value: a band around it
        (-3, 7, [-5, 0, 5, 10]),
        (0, 100, [0, 25, 50, 75, 100]),
    ],
)
def test_the_values_are_marked_at_round_steps(low, high, expected):
    assert ticks(low, high) == expected


def test_the_svg_says_what_it_shows_in_the_readers_language():
    set_language("nl")
    svg = chart_svg(WAIT)
    assert svg.startswith("<svg ") and svg.endswith("</svg>")  # to put in a page as it is
    assert 'role="img" aria-label="Wachttijd intake ggz (weken): in gevaar"' in svg
    texts = re.findall(r">([^<>]+)</text>", svg)
    assert texts == [
        "10 weken",
        "12 weken",
        "14 weken",
        "16 weken",
        "1 okt 2025",
        "1 okt 2027",
        "meetwaarden",
        "pad naar het doel",
        "doel",
        "Wachttijd intake ggz (weken): in gevaar",
    ]
    assert "font-family: Vera, 'DejaVu Sans'" in svg  # a browser without Vera has a fallback
    assert svg.count('r="2.4"') == 3  # one dot per figure


def test_the_png_is_the_same_drawing_three_times_as_sharp():
    image = Image.open(io.BytesIO(chart_png(WAIT))).convert("RGB")
    assert image.size == (WIDTH * 3, HEIGHT * 3)
    svg = chart_svg(WAIT)
    ink = tuple(int(INK[n : n + 2], 16) for n in (1, 3, 5))
    # every figure's dot, where the SVG puts it (its y grows upward from the foot)
    for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="2.4"', svg):
        pixel = image.getpixel((round(float(x) * 3), round((HEIGHT - float(y)) * 3)))
        assert max(abs(a - b) for a, b in zip(pixel, ink, strict=True)) < 40


def test_the_pdf_draws_it_as_vector_with_its_text():
    set_language("en")
    doc = Document("KPI")
    doc.add(WAIT)
    text = PdfReader(io.BytesIO(to_archival_pdf(doc, "en"))).pages[0].extract_text()
    for words in ("Wachttijd intake ggz (weken): in gevaar", "16 weken", "1 Oct 2027", "target"):
        assert words in text
