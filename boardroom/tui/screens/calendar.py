"""The annual calendar: the twelve months with each meeting, its themes, interest rounds and
evaluations; per theme and perspective what is planned against the year's numbers. Plan the
year from a file (p), move a theme to another meeting (m), open a meeting's agenda (enter)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Static

from boardroom.i18n import N_, _, format_date, label, month_name
from boardroom.services.calendar import CalendarView, calendar_view, move_theme
from boardroom.tui.screens.base import Row, TableScreen
from boardroom.tui.widgets.footer import KeyFooter
from boardroom.tui.widgets.form import FormField
from boardroom.tui.widgets.list_table import ListTable


def short(name: str, width: int = 18) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def default_plan_file() -> Path:
    return Path.cwd() / "agendas" / "jaarkalender.example.toml"


class CalendarScreen(TableScreen):
    TITLE_TEXT = "Annual calendar"
    COLUMNS = ("Month", "Date", "Status", "Free", "Themes", "Interest round", "Eval.")
    FLEX = "Themes"
    AUTO_FOCUS = "#table"
    DEFAULT_CSS = """
    CalendarScreen #calendar-body { height: 1fr; }
    CalendarScreen #table { width: 1fr; }
    CalendarScreen #targets { width: 40; padding: 0 1; border-left: solid $primary-darken-2; }
    """
    BINDINGS = [
        Binding("enter,a", "agenda", N_("Open the agenda")),
        Binding("m", "move", N_("Move a theme")),
        Binding("p", "plan", N_("Plan the year from a file")),
        Binding("left,[", "year(-1)", N_("Previous year")),
        Binding("right,]", "year(1)", N_("Next year")),
    ]

    def __init__(self, year: int | None = None) -> None:
        super().__init__()
        self.year = year
        self.view: CalendarView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="screen-title")
        with Horizontal(id="calendar-body"):
            yield ListTable(id="table", cursor_type="row", zebra_stripes=True)
            yield Static(id="targets")
        yield Static("", id="detail")
        yield KeyFooter()

    def heading(self) -> str:
        title = _("Annual calendar {year}").format(year=self.year)
        if self.view and self.view.planned_from:
            title += " · " + _("planned from {file}").format(file=self.view.planned_from)
        return title

    def rows(self) -> list[Row]:
        if self.year is None:
            self.year = self.session.today.year + (1 if self.session.today.month >= 10 else 0)
        self.view = calendar_view(self.session, self.year)
        by_month: dict[int, list[Row]] = {month: [] for month in range(1, 13)}
        for x in self.view.meetings:
            themes = ", ".join(short(theme) for _id, theme in x.themes) or "—"
            free = f"[red]{x.free}[/]" if x.free < 0 else str(x.free)
            by_month[x.starts_at.month].append(
                (
                    x.id,
                    (
                        "",
                        format_date(x.starts_at, year=False, time=True),
                        label(x.status),
                        free,
                        themes,
                        ", ".join(short(p, 14) for p in x.perspectives) or "—",
                        "✓" if x.evaluation else "",
                    ),
                )
            )
        rows: list[Row] = []
        for month, meetings in by_month.items():
            if not meetings:
                rows.append((-month, (month_name(month), "—", "", "", "", "", "")))
                continue
            for k, (key, cells) in enumerate(meetings):
                rows.append((key, (month_name(month) if k == 0 else "", *list(cells)[1:])))
        self.update_text("#targets", self.targets_text())
        return rows

    def targets_text(self) -> str:
        assert self.view is not None
        lines = [f"[b]{_('Theme slots')}[/b] ({_('planned/target')})"]
        for name, planned, target in self.view.themes:
            mark = "[green]✓[/]" if planned >= target else f"[yellow]{planned - target}[/]"
            lines.append(f"{planned:>2}/{target:<2} {mark} {short(name, 28)}")
        lines.append(f"\n[b]{_('Interest rounds')}[/b] ({_('planned/target')})")
        for name, planned, target in self.view.perspectives:
            mark = "[green]✓[/]" if planned >= target else f"[yellow]{planned - target}[/]"
            lines.append(f"{planned:>2}/{target:<2} {mark} {short(name, 28)}")
        done, target = self.view.evaluations
        lines.append(f"\n[b]{_('Evaluations')}[/b] {done}/{target}")
        return "\n".join(lines)

    def initial_row(self) -> int | None:
        assert self.view is not None
        today = self.session.today
        upcoming = [x.id for x in self.view.meetings if x.starts_at.date() >= today]
        return upcoming[0] if upcoming else None

    def detail(self, row_id: int | None) -> str:
        if self.view is None or row_id is None or row_id < 0:
            return ""
        meeting = next((x for x in self.view.meetings if x.id == row_id), None)
        if meeting is None:
            return ""
        return (
            f"{format_date(meeting.starts_at, time=True)}, {meeting.duration} min · "
            f"{meeting.location or '—'} · {label(meeting.kind)} · "
            + _("{free} minutes free").format(free=meeting.free)
        )

    def selected_meeting(self) -> int | None:
        selected = self.selected_id()
        return selected if selected is not None and selected > 0 else None

    def action_year(self, delta: int) -> None:
        assert self.year is not None
        self.year += delta
        self.reload()

    def action_edit(self) -> None:
        self.action_agenda()

    def action_agenda(self) -> None:
        from boardroom.tui.screens.agenda import open_agenda

        meeting_id = self.selected_meeting()
        if meeting_id is not None:
            open_agenda(self, meeting_id)

    def action_move(self) -> None:
        meeting_id = self.selected_meeting()
        if meeting_id is None or self.view is None:
            return
        meeting = next(x for x in self.view.meetings if x.id == meeting_id)
        if not meeting.themes:
            self.notify(_("This meeting has no theme to move."), severity="warning")
            return
        targets = [
            (f"{format_date(x.starts_at)} ({x.free} min {_('free')})", x.id)
            for x in self.view.meetings
            if x.id != meeting_id and x.movable
        ]
        self.open_form(
            _("Move a theme from {day}").format(day=format_date(meeting.starts_at)),
            [
                FormField(
                    "item",
                    _("Theme"),
                    "select",
                    meeting.themes[0][0],
                    options=[(theme, item_id) for item_id, theme in meeting.themes],
                ),
                FormField("to", _("To the meeting of"), "select", options=targets),
            ],
            self._move,
        )

    def _move(self, values: dict) -> None:  # type: ignore[type-arg]
        from boardroom.domain.errors import ValidationProblem

        if values["item"] is None or values["to"] is None:
            raise ValidationProblem(_("choose a theme and a meeting"))
        move_theme(self.session, values["item"], values["to"])

    def action_plan(self) -> None:
        """The plan file's path; then the changes it would make, to apply or not."""
        from boardroom.host_files import plan_text
        from boardroom.services.planning import apply_plan, preview_plan, require_planner
        from boardroom.tui.widgets.confirm import ConfirmScreen
        from boardroom.tui.widgets.form import FormScreen

        assert self.year is not None
        year = self.year
        previews = []
        if not self.permitted(lambda: require_planner(self.session)):
            return
        files = self.host_files(f"ssh … plan --year {year} --from - < jaarkalender.toml")
        if files is None:
            return

        def submit(values: dict) -> None:  # type: ignore[type-arg]
            source = plan_text(files, values["path"].strip())
            previews.append(preview_plan(self.session, source, year))

        def confirmed(apply: bool | None) -> None:
            if apply and self.attempt(lambda: apply_plan(self.session, previews[-1])):
                self.notify(_("{year} is planned.").format(year=year), timeout=5)

        def previewed(ok: bool | None) -> None:
            if not ok or not previews:
                return
            preview = previews[-1]
            body = "\n".join([*preview.lines(), "", preview.summary()])
            if not preview.changed:
                self.notify(_("The plan changes nothing."), timeout=5)
                return
            self.app.push_screen(
                ConfirmScreen(_("Plan {year}: what would change").format(year=year), body),
                confirmed,
            )

        fields = [FormField("path", _("Plan file (TOML)"), value=str(default_plan_file()))]
        title = _("Plan {year} from a file").format(year=year)
        self.app.push_screen(FormScreen(title, fields, submit), previewed)
