"""The werkagenda as a document (md, html, docx, pdf) and as rows (csv, json): per theme its
result agreements and each KPI as it stood at a date — baseline, the figures, the path value,
the target and the status."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from boardroom.domain.werkagenda import Figure
from boardroom.exports.document import Block, Chart, Document, Heading, Paragraph, Table
from boardroom.i18n import _, format_date, format_number, label
from boardroom.services.werkagenda import AgreementView, KpiView


def figures_text(figures: tuple[Figure, ...], last: int = 6, *, dated: bool = True) -> str:
    """The latest figures, oldest first, each with its date in a document: 58 (1 Jan 2026) ·
    52 (1 Apr 2026) (a separator every PDF font has); `dated=False` for a line on a screen."""
    return (
        " · ".join(
            format_number(f.value) + (f" ({format_date(f.on, weekday=False)})" if dated else "")
            for f in figures[-last:]
        )
        or "—"
    )


def status_text(kpi: KpiView) -> str:
    """The status, and for no data the measuring moment that passed without a figure."""
    text = label(kpi.standing.status)
    if kpi.standing.missed is not None:
        missed = format_date(kpi.standing.missed, weekday=False)
        text += " (" + _("no figure for {date}").format(date=missed) + ")"
    return text


def werkagenda_document(board: str, views: list[AgreementView], on: dt.date) -> Document:
    title = _("Work agenda")
    at = _("as it stood on {date}").format(date=format_date(on))
    doc = Document(f"{title} — {board}", header=f"{board} · {title} · {at}")
    doc.add(Heading(1, f"{title} — {board}"), Paragraph(at))
    doc.add(*werkagenda_blocks(views, 2))
    if not views:
        doc.add(Paragraph(_("No result agreements yet.")))
    return doc


def werkagenda_blocks(views: list[AgreementView], level: int) -> list[Block]:
    """Per theme (a heading at `level`) each agreement (one level down), its facts and a
    table of its KPIs."""
    blocks: list[Block] = []
    theme = None
    for agreement in views:
        if agreement.theme != theme:
            theme = agreement.theme
            blocks.append(Heading(level, theme))
        facts = [
            f"{_('Owner')}: {agreement.owner or '—'}",
            f"{_('Scale')}: {label(agreement.scale)}",
            f"{_('Quadruple aim')}: {label(agreement.aim)}",
        ]
        if agreement.parties:
            facts.append(f"{_('Parties')}: {', '.join(agreement.parties)}")
        blocks.append(Heading(level + 1, agreement.title))
        blocks.append(Paragraph(" · ".join(facts)))
        if agreement.decisions:
            blocks.append(
                Paragraph(
                    "; ".join(f"{n} {t} ({d})" for n, t, d in agreement.decisions),
                    _("Steering decisions:"),
                )
            )
        blocks.append(
            Table(
                [_("KPI"), _("Baseline"), _("Figures"), _("Path"), _("Target"), _("Status")],
                [_kpi_row(kpi) for kpi in agreement.kpis],
            )
        )
        blocks += [
            Chart(
                f"{kpi.name}: {status_text(kpi)}",
                (kpi.target.baseline_on, kpi.target.baseline),
                (kpi.target.target_on, kpi.target.target),
                [(f.on, f.value) for f in kpi.figures],
                kpi.unit,
            )
            for kpi in agreement.kpis
            if kpi.figures
        ]
    return blocks


def _kpi_row(kpi: KpiView) -> list[str]:
    target = kpi.target
    path = kpi.standing.path
    return [
        f"{kpi.name} ({kpi.unit})" if kpi.unit else kpi.name,
        f"{format_number(target.baseline)} ({format_date(target.baseline_on, weekday=False)})",
        figures_text(kpi.figures),
        "—" if path is None else format_number(path),
        f"{format_number(target.target)} ({format_date(target.target_on, weekday=False)})",
        status_text(kpi),
    ]


def werkagenda_rows(views: list[AgreementView]) -> list[dict[str, Any]]:
    """One row per KPI, as facts (ISO dates, numbers, status codes)."""
    rows = []
    for agreement in views:
        for kpi in agreement.kpis:
            latest = kpi.standing.latest
            rows.append(
                {
                    "theme": agreement.theme,
                    "agreement": agreement.title,
                    "owner": agreement.owner,
                    "scale": agreement.scale,
                    "aim": agreement.aim,
                    "kpi": kpi.name,
                    "unit": kpi.unit,
                    "baseline": kpi.target.baseline,
                    "baseline_on": kpi.target.baseline_on.isoformat(),
                    "target": kpi.target.target,
                    "target_on": kpi.target.target_on.isoformat(),
                    "frequency": kpi.target.frequency.value,
                    "source": kpi.source,
                    "latest": None if latest is None else latest.value,
                    "latest_on": None if latest is None else latest.on.isoformat(),
                    "path": kpi.standing.path,
                    "status": kpi.standing.status.value,
                    "missed_on": None
                    if kpi.standing.missed is None
                    else kpi.standing.missed.isoformat(),
                }
            )
    return rows


def rows_text(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    out = io.StringIO()
    columns = list(rows[0]) if rows else ["theme", "agreement", "kpi", "status"]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
