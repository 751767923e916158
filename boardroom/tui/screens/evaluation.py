"""The table's own evaluation: each statement's mean score and its change since the evaluation
before, how the scores spread, the comments, and the behaviour check's trend beside it; the
secretary records an evaluation's counts (n) and the board keeps its statements (s)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.binding import Binding

from boardroom.domain.errors import BoardroomError
from boardroom.domain.permissions import Capability
from boardroom.i18n import N_, _, format_date, format_decimal
from boardroom.services import evaluation
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.form import FormField


class EvaluationScreen(TableScreen):
    TITLE_TEXT = "Process evaluation"
    COLUMNS = ("Statement", "Mean", "Change", "1 · 2 · 3 · 4 · 5")
    FLEX = "Statement"
    BINDINGS = [
        Binding("n", "record", N_("Record an evaluation")),
        Binding("s", "statements", N_("Statements")),
        Binding("left_square_bracket", "shift(1)", N_("Earlier")),
        Binding("right_square_bracket", "shift(-1)", N_("Later")),
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    shown = 0  # 0: the latest evaluation

    def __init__(self, meeting_id: int | None = None) -> None:
        """`meeting_id`: opened from that meeting's evaluation item (its evaluation is the one
        to record)."""
        super().__init__()
        self.meeting_id = meeting_id

    def heading(self) -> str:
        results = getattr(self, "results", [])
        if not results:
            return f"{_('Process evaluation')}   [dim]{_('none recorded yet')}[/]"
        result = results[self.shown]
        parts = [
            f"{_('Process evaluation')} {format_date(result.held_on, weekday=False)}",
            _("{n} respondents").format(n=result.respondents),
        ]
        if result.previous_on is not None:
            since = format_date(result.previous_on, weekday=False)
            parts.append(_("compared with {date}").format(date=since))
        return " · ".join(parts)

    def upcoming(self) -> str:
        """The evaluation the annual calendar has next: to record (held, or opened from its
        meeting), or planned."""
        due = getattr(self, "due", None)
        if due is None:
            return ""
        when = format_date(due.on)
        if due.on <= self.session.today or due.meeting_id == self.meeting_id:
            return f"[b]{_('to record: the evaluation of {date} (n)').format(date=when)}[/b]"
        return _("next: {date}").format(date=when)

    def rows(self) -> list[Row]:
        self.results = evaluation.evaluations(self.session)
        self.due = self.to_record()
        if self.meeting_id is not None and not getattr(self, "placed", False):
            self.placed = True  # opened from a meeting: its evaluation first, if recorded
            self.shown = next(
                (n for n, r in enumerate(self.results) if r.meeting_id == self.meeting_id), 0
            )
        if not self.results:
            return []
        self.shown = min(self.shown, len(self.results) - 1)
        rows: list[Row] = []
        for n, statement in enumerate(self.results[self.shown].statements, 1):
            change = statement.change
            if change is None:
                trend = ""
            elif change >= 0.05:
                trend = f"[green]+{format_decimal(change)}[/]"
            elif change <= -0.05:
                trend = f"[red]{format_decimal(change)}[/]"
            else:
                trend = "0"
            mean = "—" if statement.mean is None else format_decimal(statement.mean)
            rows.append((n, (statement.text, mean, trend, " · ".join(map(str, statement.counts)))))
        return rows

    def detail(self, row_id: int | None) -> str:
        results = getattr(self, "results", [])
        if not results:
            return self.upcoming()
        result = results[self.shown]
        lines = [upcoming] if (upcoming := self.upcoming()) else []
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

    def to_record(self) -> evaluation.PlannedEvaluation | None:
        """The evaluation the form offers: this meeting's (opened from its item) unless it is
        recorded, else the one due by the annual calendar."""
        if self.meeting_id is not None:
            here = next(
                (p for p in evaluation.planned(self.session) if p.meeting_id == self.meeting_id),
                None,
            )
            if here is not None and not here.recorded:
                return here
        return evaluation.due(self.session)

    def action_record(self) -> None:
        """The counts per statement (how many gave 1…5), how many took part, the comments."""
        if not self.allowed(Capability.RECORD, _("record the table's evaluation")):
            return
        current = evaluation.statements(self.session)
        if not current:
            self.notify(_("No statements yet: press s to set them."), severity="warning")
            return
        due = self.to_record()
        year_ago = self.session.today - dt.timedelta(days=365)
        meetings = [
            (format_date(p.on), p.meeting_id)
            for p in evaluation.planned(self.session)
            if not p.recorded and p.on >= year_ago
        ]
        fields = []
        if meetings:  # the calendar's evaluation meetings not yet recorded
            fields.append(
                FormField(
                    "meeting_id",
                    _("Held at the meeting of"),
                    "select",
                    due.meeting_id if due is not None else None,
                    meetings,
                    hint=_("its date, unless another is given below"),
                )
            )
        fields += [
            FormField("held_on", _("Date"), "date", None if due else self.session.today),
            FormField("respondents", _("Members who took part"), "int"),
        ]
        fields += [
            FormField(
                f"s{statement.id}",
                f"{n}. {statement.text}",
                hint=_("how many gave 1 · 2 · 3 · 4 · 5, e.g. 0 1 4 6 3:"),
                preview=_counts_preview,
                where=evaluation.statement_place(n),
            )
            for n, statement in enumerate(current, 1)
        ]
        fields.append(
            FormField("comments", _("Comments (one per line, without names)"), "textarea")
        )

        def submit(values: dict[str, Any]) -> None:
            counts = {
                statement.id: evaluation.counts_from_text(
                    values[f"s{statement.id}"], evaluation.statement_place(n)
                )
                for n, statement in enumerate(current, 1)
                if statement.id is not None and values[f"s{statement.id}"]
            }
            evaluation.record_evaluation(
                self.session,
                values["held_on"],
                values["respondents"],
                counts,
                values["comments"].splitlines(),
                values.get("meeting_id"),
            )
            self.shown = 0

        self.open_form(_("Record an evaluation"), fields, submit)

    def action_statements(self) -> None:
        """The statements as one text, a line each: change a line to reword it, add a line,
        remove one to retire it. With none yet, the board's principles and rules to start from."""
        if not self.allowed(Capability.EDIT_COMPOSITION, _("edit the evaluation's statements")):
            return
        texts = [s.text for s in evaluation.statements(self.session)]
        texts = texts or evaluation.default_texts(self.session)

        def submit(values: dict[str, Any]) -> None:
            added, reworded, retired = evaluation.set_statements(
                self.session, values["statements"].splitlines()
            )
            self.notify(
                _("{added} added, {reworded} reworded, {retired} retired").format(
                    added=added, reworded=reworded, retired=retired
                ),
                timeout=6,
            )

        self.open_form(
            _("Statements"),
            [
                FormField(
                    "statements",
                    _("One statement per line, scored 1 (not at all) to 5 (entirely)"),
                    "textarea",
                    "\n".join(texts),
                )
            ],
            submit,
        )


def _counts_preview(text: str) -> str:
    """What the typed counts add up to: how many scored, and the mean."""
    try:
        counts = evaluation.counts_from_text(text)
    except BoardroomError:
        return ""
    mean = evaluation.mean_score(tuple(counts))
    if mean is None:
        return ""
    return _("{n} scores, mean {mean}").format(n=sum(counts), mean=format_decimal(mean))
