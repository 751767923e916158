"""The year in view: who is behind on actions, what needs review, each perspective's interest
rounds, the behaviour rules' trend over the last meetings, and attendance per member."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Header, Static

from boardroom.i18n import _
from boardroom.services.year import year_view
from boardroom.tui.screens.common import BoardScreen
from boardroom.tui.widgets.footer import KeyFooter


def card(title: str, body: str) -> str:
    return f"[b]{title}[/b]\n{body}"


class YearScreen(BoardScreen):
    TITLE_TEXT = "Year in view"
    DEFAULT_CSS = """
    YearScreen #year { grid-size: 3; grid-gutter: 1 2; padding: 1 2; height: auto; }
    YearScreen .card { border: round $primary; padding: 0 1; height: auto; }
    YearScreen .wide { column-span: 3; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(), Grid(id="year"):
            for name in ("watch", "interest", "behaviour"):
                yield Static(id=f"card-{name}", classes="card")
            yield Static(id="card-attendance", classes="card wide")
        yield KeyFooter()

    def board_changed(self) -> None:
        self.on_screen_resume()

    def on_screen_resume(self) -> None:
        view = year_view(self.session)
        watch = [f"[b red]{n}[/] {owner}" for owner, n in view.overdue_by_owner[:6]]
        if view.due_for_review:
            watch.append(f"[b]{_('Decisions due for review')}[/b]")
            watch += [f"{number} {day}" for number, day, _title in view.due_for_review[:5]]
        self.query_one("#card-watch", Static).update(
            card(_("Overdue actions by owner"), "\n".join(watch) or _("none"))
        )
        interest = []
        for c in view.interest:
            flag = f" [b red]{_('at risk')}[/]" if c.at_risk(view.meetings_left) else ""
            interest.append(f"{c.held + c.planned}/{c.target} {c.perspective[:24]}{flag}")
        self.query_one("#card-interest", Static).update(
            card(_("Interest rounds {year}").format(year=view.year), "\n".join(interest))
        )
        trends = [f"{marks} {rule[:28]}" for rule, marks in view.trends]
        legend = f"[dim]● {_('kept')} ◐ {_('under pressure')} ○ {_('broken')}[/]"
        self.query_one("#card-behaviour", Static).update(
            card(_("Behaviour trend (last meetings)"), "\n".join([*trends, legend]))
        )
        rows = [
            f"{member[:24]:24} {attended:4.0%} {_('present')}"
            + (f", {substituted:.0%} {_('substituted')}" if substituted else "")
            for member, attended, substituted, _n in view.attendance
        ]
        half = (len(rows) + 1) // 2
        width = max((len(row) for row in rows[:half]), default=0) + 3  # the left column's widest
        lines = [
            f"{left:{width}}{right}"
            for left, right in zip(rows[:half], rows[half:] + [""], strict=False)
        ]
        self.query_one("#card-attendance", Static).update(
            card(_("Attendance {year}").format(year=view.year), "\n".join(lines))
        )
