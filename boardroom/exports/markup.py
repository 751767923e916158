"""The document as text: Markdown, and one self-contained, printable HTML file."""

from __future__ import annotations

import html

from boardroom.exports.chart import chart_svg
from boardroom.exports.document import Bullets, Chart, Document, Heading, Paragraph


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


STYLE = """
body { font-family: "Segoe UI", Arial, sans-serif; max-width: 48em; margin: 2em auto;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; border-bottom: 2px solid #335; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; color: #335; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #eef; }
figure.chart { margin: .3em 0 1em; }
.running { color: #666; font-size: .8em; border-bottom: 1px solid #ccc; padding-bottom: .3em; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; z-index: -1;
             font-size: 8em; font-weight: bold; color: #e4e4e4; transform: rotate(-40deg); }
.whole { white-space: nowrap; }
.foot { color: #666; font-size: .8em; border-top: 1px solid #ccc; margin-top: 2em; padding-top: .3em; }
@page { size: A4; margin: 20mm; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               .appendix { break-before: page; } }
"""


def to_html(doc: Document, language: str) -> str:
    """One self-contained, printable file: no scripts, no external styles or fonts."""
    out = [
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">',
        f"<title>{html.escape(doc.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
    ]
    if doc.watermark:
        out.append(f'<div class="watermark" aria-hidden="true">{html.escape(doc.watermark)}</div>')
    if doc.header:
        out.append(f'<div class="running">{html.escape(doc.header)}</div>')
    for block in doc.blocks:
        if isinstance(block, Heading):
            tag = f"h{block.level}" + (' class="appendix"' if block.appendix else "")
            out.append(f"<{tag}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            label = f"<strong>{html.escape(block.label)}</strong> " if block.label else ""
            text = html.escape(block.text).replace("\n", "<br>")
            if block.whole:
                text = f'<span class="whole">{text}</span>'
            out.append(f"<p>{label}{text}</p>")
        elif isinstance(block, Bullets):
            out.append(
                "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in block.items) + "</ul>"
            )
        elif isinstance(block, Chart):
            out.append(f'<figure class="chart">{chart_svg(block)}</figure>')
        else:
            head = "".join(f"<th>{html.escape(h)}</th>" for h in block.headers)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    if doc.footer:
        out.append(f'<div class="foot">{html.escape(doc.footer)}</div>')
    out.append("</body>\n</html>\n")
    return "\n".join(out)
