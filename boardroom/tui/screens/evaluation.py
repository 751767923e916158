"""The table's own evaluation: each statement's mean score and its change since the evaluation
before, how the scores spread, the comments, and the behaviour check's trend beside it."""

from __future__ import annotations

from textual.binding import Binding

from boardroom.exports.werkagenda import decimal
from boardroom.i18n import N_, _, format_date
from boardroom.services import evaluation
from boardroom.tui.screens.base import Row, TableScreen


class EvaluationScreen(TableScreen):
    TITLE_TEXT = "Process evaluation"
    COLUMNS = ("Statement", "Mean", "Change", "1 · 2 · 3 · 4 · 5")
    FLEX = "Statement"
    BINDINGS = [
        Binding("left_square_bracket", "shift(1)", N_("Earlier")),
        Binding("right_square_bracket", "shift(-1)", N_("Later")),
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    shown = 0  # 0: the latest evaluation

    def heading(self) -> str:
        results = getattr(self, "results", [])
        if not results:
            return f"{_('Process evaluation')}   [dim]{_('none recorded yet')}[/]"
        result = results[self.shown]
        parts = [
            f"{_('Process evaluation')} {format_date(result.held_on)}",
            _("{n} respondents").format(n=result.respondents),
        ]
        if result.previous_on is not None:
            parts.append(_("compared with {date}").format(date=format_date(result.previous_on)))
        return " · ".join(parts)

    def rows(self) -> list[Row]:
        self.results = evaluation.evaluations(self.session)
        if not self.results:
            return []
        self.shown = min(self.shown, len(self.results) - 1)
        rows: list[Row] = []
        for n, statement in enumerate(self.results[self.shown].statements, 1):
            change = statement.change
            if change is None:
                trend = ""
            elif change >= 0.05:
                trend = f"[green]+{decimal(change)}[/]"
            elif change <= -0.05:
                trend = f"[red]{decimal(change)}[/]"
            else:
                trend = "0"
            mean = "—" if statement.mean is None else decimal(statement.mean)
            rows.append((n, (statement.text, mean, trend, " · ".join(map(str, statement.counts)))))
        return rows

    def detail(self, row_id: int | None) -> str:
        results = getattr(self, "results", [])
        if not results:
            return ""
        result = results[self.shown]
        lines = []
        if row_id is not None and 0 < row_id <= len(result.statements):
            lines.append(result.statements[row_id - 1].text)
        if result.behaviour_kept is not None:  # the behaviour check's trend beside it
            kept = _("behaviour rules kept {share}").format(share=f"{result.behaviour_kept:.0%}")
            if result.behaviour_kept_before is not None:
                kept += f" ({_('before')} {result.behaviour_kept_before:.0%})"
            lines.append(kept)
        lines += [f"— {comment}" for comment in result.comments]
        return "\n".join(lines)

    def action_shift(self, delta: int) -> None:
        results = getattr(self, "results", [])
        self.shown = max(0, min(len(results) - 1, self.shown + delta))
        self.reload()
