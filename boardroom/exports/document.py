"""A small document model — headings, paragraphs, bullet lists, tables, charts — written
once by the documents (agenda, minutes, lists, werkagenda, year report) and rendered by
`boardroom.exports.formats` as Markdown, self-contained HTML, DOCX or PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from boardroom.domain.style import HouseStyle


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    appendix: bool = False  # printed from a new page


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""  # shown in bold before the text
    whole: bool = False  # never broken over two lines (a seal code)


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Chart:
    """A small line chart: figures over time against the straight path from a baseline
    (date, value) to a target (date, value); `boardroom.exports.chart` draws it. Markdown
    leaves it to the table next to it."""

    title: str
    baseline: tuple[dt.date, float]
    target: tuple[dt.date, float]
    points: list[tuple[dt.date, float]]
    unit: str = ""


Block = Heading | Paragraph | Bullets | Table | Chart


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)
    header: str = ""  # on every page of a paged format: the board, the meeting, the state
    footer: str = ""  # on every page, left of the page number (a seal code, for one)
    lead: list[Block] = field(default_factory=list)  # a page of its own first (a cover)
    author: str = ""  # in the file's properties (docx, pdf)
    #: across every page while the document is not final ("CONCEPT"); "" for none
    watermark: str = ""
    #: when it was made (the face's clock): the file's properties say so (docx)
    made_at: dt.datetime | None = None
    #: the board's house style (the face sets it from the board; the product's own otherwise)
    style: HouseStyle = field(default_factory=HouseStyle)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)
