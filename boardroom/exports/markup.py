"""The document as text: Markdown, and one self-contained, printable HTML file."""

from __future__ import annotations

import html

from boardroom.exports.chart import chart_svg
from boardroom.exports.document import Block, Bullets, Chart, Document, Heading, Paragraph
from boardroom.exports.style import logo_url, style_sheet
from boardroom.i18n import _


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: Document) -> str:
    lines: list[str] = [f"**{doc.watermark}**", ""] if doc.watermark else []
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * block.level} {block.text}", ""]
        elif isinstance(block, Paragraph):
            label = f"**{block.label}** " if block.label else ""
            lines += [(label + block.text).rstrip(), ""]
        elif isinstance(block, Bullets):
            lines += [f"- {item}" for item in block.items] + [""]
        elif isinstance(block, Chart):
            continue  # the figures are in the table beside it
        else:
            lines.append("| " + " | ".join(_md_cell(h) for h in block.headers) + " |")
            lines.append("|" + "---|" * len(block.headers))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


#: a cover page carries no running header
_COVER = "\n@page :first { @top-left { content: none; } }\n"


def to_html(
    doc: Document,
    language: str,
    *,
    margins: dict[str, str] | None = None,
    sheet: bool = True,
) -> str:
    """One self-contained, printable file: no scripts, no external styles or fonts, in the
    board's house style. With `margins` (see `style_sheet`), the HTML the archival PDF is
    made from: the running header and footer go in the page's margins; without `sheet`, the
    style sheet is left to the PDF engine (which reads it once per style)."""
    paged = margins is not None
    made = doc.made_at.isoformat(timespec="seconds") if doc.made_at else ""
    out = [
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">',
        f"<title>{html.escape(doc.title)}</title>",
        *([f'<meta name="author" content="{html.escape(doc.author)}">'] if doc.author else []),
        *([f'<meta name="dcterms.created" content="{made}">'] if made else []),
        '<meta name="generator" content="boardroom">',
        f"<style>{style_sheet(doc.style, margins) if sheet else ''}"
        f"{_COVER if paged and doc.lead else ''}</style>\n</head>\n<body>",
    ]
    if doc.watermark:
        out.append(f'<div class="watermark" aria-hidden="true">{html.escape(doc.watermark)}</div>')
    if doc.header and not paged:
        out.append(f'<div class="running">{html.escape(doc.header)}</div>')
    if doc.style.logo:
        out.append(f'<img class="logo" src="{logo_url(doc.style)}" alt="{html.escape(_("Logo"))}">')
    if doc.lead:  # a page of its own first (a cover)
        out += ['<section class="lead">', *_blocks(doc.lead, doc.style.font_family), "</section>"]
    out += _blocks(doc.blocks, doc.style.font_family)
    if doc.footer and not paged:
        out.append(f'<div class="foot">{html.escape(doc.footer)}</div>')
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def _blocks(blocks: list[Block], family: str) -> list[str]:
    out: list[str] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            tag = f"h{block.level}" + (' class="appendix"' if block.appendix else "")
            out.append(f"<{tag}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            label = f"<strong>{html.escape(block.label)}</strong> " if block.label else ""
            text = html.escape(block.text).replace("\n", "<br>")
            if block.whole:
                text = f'<span class="whole">{text}</span>'
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            introduces = (
                block.label
                and not block.text.strip()
                and not isinstance(following, (Heading, type(None)))
            )
            kind = ' class="label-only"' if introduces else ""  # stays with what it introduces
            out.append(f"<p{kind}>{label}{text}</p>")
        elif isinstance(block, Bullets):
            out.append(
                "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in block.items) + "</ul>"
            )
        elif isinstance(block, Chart):
            svg = chart_svg(block, family, f"chart{index}")
            out.append(f'<figure class="chart">{svg}</figure>')
        else:
            head = "".join(f"<th>{html.escape(h)}</th>" for h in block.headers)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return out
