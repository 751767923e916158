"""The werkagenda: per theme each result agreement's KPIs, their trend against the target
path, and a status the table recognises (achieved, on track, behind, at risk, no data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.binding import Binding

from boardroom.domain.enums import Aim, Frequency, KpiStatus, Scale
from boardroom.domain.errors import ValidationProblem
from boardroom.domain.permissions import Capability
from boardroom.domain.werkagenda import sparkline
from boardroom.exports.werkagenda import figures_text, status_text
from boardroom.i18n import N_, _, format_date, label, with_unit
from boardroom.services import werkagenda
from boardroom.services.composition import active_themes
from boardroom.services.werkagenda import AgreementView
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.form import FormField

#: how each status shows: the eye goes to what is behind
STATUS_STYLE = {
    KpiStatus.ACHIEVED: "b green",
    KpiStatus.ON_TRACK: "green",
    KpiStatus.BEHIND: "yellow",
    KpiStatus.AT_RISK: "b red",
    KpiStatus.NO_DATA: "magenta",
}


class WerkagendaScreen(TableScreen):
    TITLE_TEXT = "Work agenda"
    #: the status first: what the table looks for is which agreements are behind
    COLUMNS = ("Status", "KPI", "Trend", "Latest", "Target", "Theme")
    FLEX = "Theme"
    BINDINGS = [
        Binding("f", "figure", N_("Record a figure")),
        Binding("a", "add_agreement", N_("New result agreement")),
        Binding("k", "add_kpi", N_("New KPI")),
        Binding("i", "load", N_("Load figures (CSV)")),
        Binding("x", "export", N_("Export")),
        Binding("e", "evaluation", N_("Process evaluation")),
        Binding("l", "steer", N_("Link a decision")),
        Binding("escape", "back", N_("Back"), show=False),
    ]

    def __init__(self, theme_ids: list[int] | None = None) -> None:
        """`theme_ids`: only these themes' agreements (opened from a meeting's item)."""
        super().__init__()
        self.theme_ids = theme_ids

    def action_steer(self) -> None:
        """Link a decision (of a meeting whose minutes are not approved) to the selected KPI's
        result agreement: a steering decision, shown with the agreement from then on."""
        agreement = self.selected_agreement()
        if agreement is None:
            return
        decisions = [
            (f"{d['number']} {d['title']}", d["id"])
            for d in werkagenda.linkable_decisions(self.session)
        ]
        self.open_form(
            f"{_('Link a decision')}: {agreement.title}",
            [FormField("decision_id", _("Decision"), "select", None, decisions)],
            lambda values: werkagenda.steer(self.session, values["decision_id"], agreement.id),
        )

    def action_evaluation(self) -> None:
        from boardroom.tui.screens.evaluation import EvaluationScreen

        self.app.push_screen(EvaluationScreen())

    def action_back(self) -> None:
        """esc: back to the console it was opened from (as the F12 list, nothing to leave)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def heading(self) -> str:
        counts = getattr(self, "counts", {})
        summary = "  ".join(
            f"[{STATUS_STYLE[s]}]{label(s)} {counts[s]}[/]" for s in KpiStatus if counts.get(s)
        )
        themes = {a.theme for a in getattr(self, "views", [])}
        scope = f" · {', '.join(sorted(themes))}" if self.theme_ids is not None else ""
        return f"{_('Work agenda')}{scope}   {summary}"

    def rows(self) -> list[Row]:
        self.views = werkagenda.werkagenda(self.session, theme_ids=self.theme_ids)
        self.kpis: dict[int, tuple[Any, Any]] = {}
        self.counts: dict[KpiStatus, int] = {}
        shown: list[Row] = []
        for agreement in self.views:
            for kpi in agreement.kpis:
                self.kpis[kpi.id] = (agreement, kpi)
                status = kpi.standing.status
                self.counts[status] = self.counts.get(status, 0) + 1
                latest = kpi.standing.latest
                shown.append(
                    (
                        kpi.id,
                        (
                            f"[{STATUS_STYLE[status]}]{label(status)}[/]",
                            kpi.name,
                            sparkline([f.value for f in kpi.figures], 8),
                            "—" if latest is None else with_unit(latest.value, kpi.unit),
                            with_unit(kpi.target.target, kpi.unit),
                            agreement.theme,
                        ),
                    )
                )
        return shown

    def detail(self, row_id: int | None) -> str:
        if row_id is None or row_id not in getattr(self, "kpis", {}):
            return _("No result agreements yet.") if row_id is None else ""
        agreement, kpi = self.kpis[row_id]
        target = kpi.target
        path = kpi.standing.path
        lines = [
            f"[b]{agreement.title}[/b] · {agreement.owner or '—'} · {label(agreement.scale)}"
            f" · {label(agreement.aim)}",
            f"{kpi.name}: {status_text(kpi)}",
            f"{_('Baseline')} {with_unit(target.baseline, kpi.unit)} ({format_date(target.baseline_on)})"
            f" → {_('Target')} {with_unit(target.target, kpi.unit)} ({format_date(target.target_on)})"
            + ("" if path is None else f" · {_('Path')} {with_unit(round(path, 1), kpi.unit)}"),
            f"{_('Figures')}: {figures_text(kpi.figures, dated=False)} · {label(target.frequency)}"
            + (f" · {kpi.source}" if kpi.source else ""),
        ]
        if agreement.parties:
            lines.append(f"{_('Parties')}: {', '.join(agreement.parties)}")
        if agreement.decisions:
            number, title, day = agreement.decisions[-1]
            lines.append(f"{_('Steering decisions:')} {number} {title} ({day})")
        return "\n".join(lines)

    def may_keep(self) -> bool:
        return self.allowed(Capability.KEEP_WERKAGENDA, _("keep the werkagenda"))

    def action_figure(self) -> None:
        kpi_id = self.selected_id()
        if kpi_id is None or not self.may_keep():
            return
        _agreement, kpi = self.kpis[kpi_id]
        self.open_form(
            f"{_('Record a figure')}: {kpi.name}",
            [
                FormField(
                    "on",
                    _("Date the figure is about"),
                    "date",
                    kpi.standing.missed or self.session.today,  # the moment without a figure
                ),
                FormField(
                    "value", f"{_('Value')} ({kpi.unit})" if kpi.unit else _("Value"), "float"
                ),
                FormField("source", _("Source"), value=kpi.source),
                FormField("note", _("Note")),
            ],
            lambda v: _record(self, kpi.name, v),
        )

    def selected_agreement(self) -> AgreementView | None:
        """The result agreement of the KPI under the cursor."""
        selected = self.selected_id()
        kpis = getattr(self, "kpis", {})
        return kpis[selected][0] if selected is not None and selected in kpis else None

    def action_add_agreement(self) -> None:
        if not self.may_keep():
            return
        themes = [(t.name, t.name) for t in active_themes(self.session)]
        current = self.selected_agreement()
        theme = current.theme if current is not None else None

        def submit(values: dict[str, Any]) -> None:
            parties = [p.strip() for p in values.pop("parties").split(";") if p.strip()]
            werkagenda.save_agreement(self.session, {**values, "parties": parties})
            self.notify(_("Now add its KPI with k."), timeout=6)

        self.open_form(
            _("New result agreement"),
            [
                FormField("theme", _("Theme"), "select", theme, themes),
                FormField("title", _("Result agreement")),
                FormField("owner", _("Owner")),
                FormField("parties", _("Parties"), hint=_("separated by ;")),
                FormField(
                    "scale", _("Scale"), "select", Scale.REGION, [(label(x), x) for x in Scale]
                ),
                FormField("aim", _("Quadruple aim"), "select", None, [(label(x), x) for x in Aim]),
            ],
            submit,
        )

    def action_add_kpi(self) -> None:
        if not self.may_keep():
            return
        agreements = [(f"{a.theme} · {a.title}", a.id) for a in getattr(self, "views", [])]
        current = self.selected_agreement()
        today = self.session.today
        self.open_form(
            _("New KPI"),
            [
                FormField(
                    "agreement_id",
                    _("Result agreement"),
                    "select",
                    current.id if current is not None else None,
                    agreements,
                ),
                FormField("name", _("Name")),
                FormField("unit", _("Unit")),
                FormField("baseline", _("Baseline"), "float"),
                FormField("baseline_on", _("Baseline date"), "date", today),
                FormField("target", _("Target"), "float"),
                FormField("target_on", _("Target date"), "date"),
                FormField(
                    "frequency",
                    _("Measured"),
                    "select",
                    Frequency.QUARTERLY,
                    [(label(x), x) for x in Frequency],
                ),
                FormField("source", _("Source")),
            ],
            lambda values: werkagenda.save_kpi(self.session, values),
        )

    def action_load(self) -> None:
        if not self.may_keep():
            return
        files = self.host_files("ssh … werkagenda import --file - < metingen.csv")
        if files is None:
            return

        def submit(values: dict[str, Any]) -> None:
            name = values["path"].strip()
            text = files.read_text(name, "path")
            loaded = werkagenda.import_figures(self.session, text, Path(name).name)
            self.notify(
                _("{added} added, {corrected} corrected, {unchanged} unchanged").format(
                    added=loaded.added, corrected=loaded.corrected, unchanged=loaded.unchanged
                ),
                timeout=8,
            )

        self.open_form(
            _("Load figures (CSV)"),
            [FormField("path", _("File"), hint="kpi,date,value,source,note")],
            submit,
        )

    def action_export(self) -> None:
        from boardroom.exports.werkagenda import werkagenda_document
        from boardroom.services.overview import board_summary

        on = self.session.today
        self.open_export(
            _("Export"),
            f"werkagenda-{on.isoformat()}.md",
            lambda: werkagenda_document(
                board_summary(self.session).name, werkagenda.werkagenda(self.session, on), on
            ),
            f"ssh … export werkagenda --format docx > werkagenda-{on.isoformat()}.docx",
        )


def _record(screen: WerkagendaScreen, kpi: str, values: dict[str, Any]) -> None:
    if values["on"] is None:
        raise ValidationProblem(_("a date is needed"), "on")
    werkagenda.record_figure(
        screen.session, kpi, values["on"], values["value"], values["source"], values["note"]
    )
