"""The werkagenda: result agreements per theme, their KPIs, the figures measured
for them, and where each KPI stands at a date.

Kept by the secretary, the chairs and the programme managers (KEEP_WERKAGENDA); read by all.
Every change is logged like any other row. A figure is about a date (the date it measures);
a second figure for the same KPI and date corrects the first (an update, logged), so loading
the same delivery twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from boardroom.domain import models as m
from boardroom.domain.enums import Frequency
from boardroom.domain.errors import Conflict, NotFound, ValidationProblem
from boardroom.domain.permissions import Capability
from boardroom.domain.werkagenda import Figure, Standing, Target, standing
from boardroom.i18n import _
from boardroom.services.composition import _merged, _validated, find_theme
from boardroom.services.session import Session, one_transaction, problem_from
from boardroom.storage.repo import to_row

_KEEP = Capability.KEEP_WERKAGENDA
#: The measurements file: one figure a line. `source` and `note` may be left out or empty.
CSV_HEADER = ("kpi", "date", "value", "source", "note")
#: Bad lines reported at most, then "and N more".
SHOWN_PROBLEMS = 12


def _doing() -> str:
    return _("keep the werkagenda")


# -- keeping it ----------------------------------------------------------------------------


@one_transaction
def save_agreement(session: Session, data: dict[str, Any], row_id: int | None = None) -> int:
    """Add or change a result agreement; `theme` may be given by name."""
    session.require(_KEEP, _doing())
    values = _merged(session, m.ResultAgreement, row_id, data)
    if "theme" in values:
        values["theme_id"] = find_theme(session, values.pop("theme")).id
    if row_id is None and "position" not in values:
        values["position"] = session.repo.next_order("result_agreements")
    agreement = _validated(m.ResultAgreement, values)
    row = to_row("result_agreements", agreement)
    if row_id is None:
        return session.repo.insert("result_agreements", row)
    session.repo.update("result_agreements", row_id, row)
    return row_id


@one_transaction
def save_kpi(session: Session, data: dict[str, Any], row_id: int | None = None) -> int:
    """Add or change a KPI of a result agreement (its name is unique on the board: the
    measurements file names KPIs)."""
    session.require(_KEEP, _doing())
    kpi = _validated(m.Kpi, _merged(session, m.Kpi, row_id, data))
    session.repo.get("result_agreements", kpi.agreement_id)
    taken = session.repo.kpi_names().get(kpi.name.casefold())
    if taken is not None and taken != row_id:
        raise ValidationProblem(_("a KPI named {name!r} exists already").format(name=kpi.name))
    row = to_row("kpis", kpi)
    if row_id is None:
        return session.repo.insert("kpis", row)
    session.repo.update("kpis", row_id, row)
    return row_id


def find_kpi(session: Session, name: str) -> int:
    """A KPI's id by its name (case does not matter)."""
    found = session.repo.kpi_names().get(name.strip().casefold())
    if found is None:
        raise NotFound(_("no KPI named {name!r}").format(name=name), "kpi")
    return found


@dataclass(frozen=True)
class Loaded:
    """What a figure or a file of figures did: new figures, corrections, figures as stored."""

    added: int = 0
    corrected: int = 0
    unchanged: int = 0


@one_transaction
def record_figure(
    session: Session,
    kpi: str,
    on: dt.date,
    value: float,
    source: str = "",
    note: str = "",
) -> Loaded:
    """A figure for a KPI by hand."""
    session.require(_KEEP, _doing())
    kpi_id = find_kpi(session, kpi)
    figure = _validated(
        m.Measurement,
        {"kpi_id": kpi_id, "measured_on": on, "value": value, "source": source, "note": note},
    )
    return _store(session, [figure])


def _store(session: Session, figures: list[m.Measurement]) -> Loaded:
    stored = session.repo.figures_of(sorted({f.kpi_id for f in figures}))
    entered_by = session.user.id if session.user is not None else None
    new: list[dict[str, Any]] = []
    corrected = unchanged = 0
    for figure in figures:
        figure.entered_by_id = entered_by
        row = to_row("kpi_measurements", figure)
        before = stored.get((figure.kpi_id, row["measured_on"]))
        if before is None:
            new.append(row)
        elif (before["value"], before["source"], before["note"]) == (
            row["value"],
            row["source"],
            row["note"],
        ):
            unchanged += 1
        else:
            session.repo.update("kpi_measurements", before["id"], row)
            corrected += 1
    session.repo.insert_many("kpi_measurements", new)
    return Loaded(len(new), corrected, unchanged)


def _number(text: str) -> float:
    """A figure as the region's files write it: 12.5, 12,5 or 1.234,5 (Dutch)."""
    cleaned = text.strip().replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    return float(cleaned)


def _date(text: str) -> dt.date:
    """2026-03-31 or 31-03-2026."""
    cleaned = text.strip()
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise ValueError(cleaned)


class _BadLine(ValueError):
    pass


def _figure_of(
    values: dict[str, str],
    names: dict[str, int],
    baselines: dict[int, str],
    seen: dict[tuple[int, dt.date], int],
    line_number: int,
) -> m.Measurement:
    """One line of a figures file as a figure, or _BadLine saying what is wrong with it."""
    kpi_id = names.get(values["kpi"].casefold())
    if kpi_id is None:
        raise _BadLine(_("no KPI named {name!r}").format(name=values["kpi"]))
    try:
        on = _date(values["date"])
    except ValueError:
        raise _BadLine(
            _("{value!r} is not a date (YYYY-MM-DD)").format(value=values["date"])
        ) from None
    try:
        value = _number(values["value"])
    except ValueError:
        raise _BadLine(_("{value!r} is not a number").format(value=values["value"])) from None
    if on.isoformat() < baselines[kpi_id]:
        raise _BadLine(
            _("{date} is before the KPI's baseline date {baseline}").format(
                date=on.isoformat(), baseline=baselines[kpi_id]
            )
        )
    if (kpi_id, on) in seen:
        raise _BadLine(_("the same KPI and date as line {other}").format(other=seen[kpi_id, on]))
    seen[kpi_id, on] = line_number
    try:
        return m.Measurement(
            kpi_id=kpi_id,
            measured_on=on,
            value=value,
            source=values.get("source", ""),
            note=values.get("note", ""),
        )
    except ValidationError as error:
        raise _BadLine(str(problem_from(error))) from None


def require_keeper(session: Session) -> None:
    """May this user keep the werkagenda? (Asked before a figures file is read.)"""
    session.require(_KEEP, _doing())


@one_transaction
def import_figures(session: Session, text: str, where: str = "") -> Loaded:
    """Load a file of figures (`CSV_HEADER`; comma or semicolon separated). Every line is
    checked first; with any bad line nothing is written and every bad line is reported by
    its number."""
    require_keeper(session)
    first = text.splitlines()[0] if text.strip() else ""
    dialect = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=dialect)
    header = [h.strip().casefold() for h in next(reader, [])]
    missing = [column for column in CSV_HEADER[:3] if column not in header]
    unknown = [column for column in header if column not in CSV_HEADER]
    if missing or unknown:
        raise ValidationProblem(
            _(
                "line 1: the header must be {header} (missing: {missing}; unknown: {unknown})"
            ).format(
                header=",".join(CSV_HEADER),
                missing=", ".join(missing) or "-",
                unknown=", ".join(unknown) or "-",
            ),
            where or None,
        )
    names = session.repo.kpi_names()
    baselines = session.repo.kpi_baselines()
    problems: list[str] = []
    figures: list[m.Measurement] = []
    seen: dict[tuple[int, dt.date], int] = {}
    for line_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        try:
            if len(cells) != len(header):
                raise _BadLine(
                    _("{found} fields, the header has {wanted}").format(
                        found=len(cells), wanted=len(header)
                    )
                )
            values = dict(zip(header, (c.strip() for c in cells), strict=True))
            figures.append(_figure_of(values, names, baselines, seen, line_number))
        except _BadLine as problem:
            problems.append(_("line {n}: {problem}").format(n=line_number, problem=problem))
    if problems:
        shown = problems[:SHOWN_PROBLEMS]
        if len(problems) > SHOWN_PROBLEMS:
            shown.append(_("and {n} more").format(n=len(problems) - SHOWN_PROBLEMS))
        raise ValidationProblem(
            _("nothing was loaded; fix these lines: {problems}").format(problems="; ".join(shown)),
            where or None,
        )
    if not figures:
        raise ValidationProblem(_("the file holds no figures"), where or None)
    return _store(session, figures)


# -- reading it ----------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiView:
    id: int
    name: str
    unit: str
    target: Target
    source: str
    figures: tuple[Figure, ...]
    standing: Standing


@dataclass(frozen=True)
class AgreementView:
    id: int
    theme: str
    programme_line: str
    title: str
    owner: str
    parties: tuple[str, ...]
    scale: str
    aim: str
    kpis: list[KpiView] = field(default_factory=list)
    #: steering decisions on it: (number, title, the meeting's date)
    decisions: list[tuple[str, str, str]] = field(default_factory=list)


def werkagenda(
    session: Session,
    on: dt.date | None = None,
    theme: str | None = None,
    *,
    theme_ids: list[int] | None = None,
    known_at: str | None = None,
) -> list[AgreementView]:
    """Every active result agreement (of one theme, or of these themes) with its KPIs as they
    stood at `on` (default today): only figures dated on or before it count, so an old date
    shows what the table saw then. `known_at` (a UTC timestamp, a meeting's start): only the
    figures the record held then, with the values they had — what the table had before it."""
    on = on or session.today
    if theme:
        theme_ids = [find_theme(session, theme).id or 0]
    agreements = session.repo.agreement_rows(theme_ids)
    kpis = session.repo.kpi_rows([a["id"] for a in agreements])
    figures: dict[int, list[Figure]] = {}
    for row in session.repo.figure_rows([k["id"] for k in kpis], on.isoformat(), known_at):
        figures.setdefault(row["kpi_id"], []).append(
            Figure(dt.date.fromisoformat(row["measured_on"]), row["value"])
        )
    views = {
        a["id"]: AgreementView(
            id=a["id"],
            theme=a["theme"],
            programme_line=a["programme_line"],
            title=a["title"],
            owner=a["owner"],
            parties=tuple(_parties(a["parties"])),
            scale=a["scale"],
            aim=a["aim"],
        )
        for a in agreements
    }
    for row in session.repo.steering_decisions(list(views), on.isoformat()):
        views[row["agreement_id"]].decisions.append((row["number"], row["title"], row["day"]))
    for k in kpis:
        target = Target(
            k["baseline"],
            dt.date.fromisoformat(k["baseline_on"]),
            k["target"],
            dt.date.fromisoformat(k["target_on"]),
            Frequency(k["frequency"]),
        )
        own = tuple(figures.get(k["id"], ()))
        views[k["agreement_id"]].kpis.append(
            KpiView(
                k["id"], k["name"], k["unit"], target, k["source"], own, standing(target, own, on)
            )
        )
    return list(views.values())


def _parties(raw: str) -> list[str]:
    return list(json.loads(raw or "[]"))


@one_transaction
def steer(session: Session, decision_id: int, agreement_id: int | None) -> None:
    """Make a decision a steering decision on a result agreement (None: on none). Not for a
    decision whose minutes are approved: those stand as they were approved."""
    session.require(Capability.RECORD, _("link a decision to the werkagenda"))
    decision = session.repo.model(m.Decision, decision_id)
    meeting = session.repo.model(m.Meeting, decision.meeting_id)
    if meeting.status == "minutes_approved":
        raise Conflict(
            _("the minutes of {number}'s meeting are approved").format(number=decision.number)
        )
    if agreement_id is not None:
        session.repo.get("result_agreements", agreement_id)
    session.repo.update("decisions", decision_id, {"agreement_id": agreement_id})


def is_monitoring(item: m.AgendaItem) -> bool:
    """An item that steers on the whole werkagenda ("Monitoring regioplan")."""
    return "monitoring" in item.title.casefold()


def item_themes(item: m.AgendaItem | None) -> list[int] | None:
    """The themes whose werkagenda an item steers on: its own theme; None (all of it) under
    a monitoring item or an item without a theme."""
    if item is None or not item.theme_id or is_monitoring(item):
        return None
    return [item.theme_id]


def of_meeting(
    session: Session, meeting_id: int, on: dt.date, known_at: str | None = None
) -> list[AgreementView]:
    """The werkagenda a meeting steers on: its theme items' themes, or all of it under a
    monitoring item ("Monitoring regioplan"); empty for a meeting with neither."""
    agenda = session.repo.items(meeting_id)
    if any(is_monitoring(item) for item in agenda):
        return werkagenda(session, on, known_at=known_at)
    theme_ids = sorted({i.theme_id for i in agenda if i.theme_id is not None})
    return werkagenda(session, on, theme_ids=theme_ids, known_at=known_at) if theme_ids else []


def linkable_decisions(session: Session) -> list[dict[str, object]]:
    """The recent decisions a result agreement can be linked to (its steering decisions)."""
    session.require(Capability.READ, _("read the werkagenda"))
    return session.repo.linkable_decisions()
