"""The room display (`boardroom present`, or `r` in the console): the meeting for a projector
or a screen shared in a call. Read only, few words, large blocks, high contrast; it follows
the meeting live (every commit of any session) and ticks its clocks every second, with no key
pressed: the meeting's clock, the current item and its time box, the proposal being decided
with how many have answered (not who; once the chair concludes, the outcome), and the
speakers' queue."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from boardroom.domain.enums import DecisionMethod
from boardroom.domain.errors import BoardroomError
from boardroom.i18n import N_, _, format_date, label
from boardroom.services import meeting as live
from boardroom.services import room
from boardroom.tui.screens.common import BoardScreen
from boardroom.tui.screens.taking_part import floor_lines
from boardroom.tui.widgets.timer import timer_state


def hours_minutes(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02}"


def round_lines(current: room.RoomRound) -> list[str]:
    """The proposal being decided and where its round stands."""
    kind = _("Vote") if current.kind == DecisionMethod.VOTE else _("Consent round")
    lines = [
        f"[b]{kind}[/b] — {_('version')} {current.version}: [b]{escape(current.title)}[/b]",
        escape(current.text),
        "",
    ]
    if current.open:
        if current.secret:
            lines.append(_("Secret ballot: counted in the room."))
        else:
            lines.append(
                f"[b reverse] {current.answered} / {current.voters} [/] {_('have answered')}"
            )
        return lines
    colour = "green" if current.decision_number else "red"
    result = f"[b {colour} reverse] {label(current.outcome).upper()} [/]"
    if current.decision_number:
        result += f"  [b]{_('Decision')} {current.decision_number}[/b]"
    lines.append(result)
    if current.weights is not None:
        w_for, against, abstain = current.weights
        lines.append(
            f"{_('For')} {w_for:g} · {_('Against')} {against:g} · {_('Abstain')} {abstain:g}"
        )
    if current.consent_counts is not None:
        agree, concerns, objections = current.consent_counts
        lines.append(
            f"{label('consent')} {agree} · {_('concerns')} {concerns} ·"
            f" {_('objections')} {objections}"
        )
    return lines


class RoomDisplay(BoardScreen):
    TITLE_TEXT = "Room display"
    AUTO_FOCUS = ""
    DEFAULT_CSS = """
    RoomDisplay { background: black; color: white; }
    RoomDisplay #title { height: 1; padding: 0 1; background: white; color: black;
                         text-style: bold; }
    RoomDisplay #clocks { height: 5; padding: 0 1; }
    RoomDisplay .clock { width: 1fr; height: 5; }
    RoomDisplay .clock-label { height: 1; color: $text-muted; }
    RoomDisplay Digits { width: auto; }
    RoomDisplay #item-clock.warning Digits { color: yellow; }
    RoomDisplay #item-clock.over Digits { color: red; }
    RoomDisplay #item { height: auto; padding: 0 1; margin-bottom: 1; text-style: bold;
                        color: yellow; }
    RoomDisplay #round { height: auto; max-height: 12; border: heavy white;
                         padding: 0 1; margin: 0 1; }
    RoomDisplay #floor { height: auto; padding: 0 1; }
    RoomDisplay #empty { height: 1fr; content-align: center middle; text-style: bold; }
    """
    BINDINGS = [Binding("escape", "leave", N_("Back"), show=False)]

    def __init__(self, standalone: bool = False) -> None:
        super().__init__()
        #: the whole app (`boardroom present`): esc and q end it; else esc leads back
        self.standalone = standalone
        self.view: room.RoomView | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        with Horizontal(id="clocks"):
            with Vertical(classes="clock", id="meeting-clock"):
                yield Static(_("Meeting"), classes="clock-label")
                yield Digits(id="meeting-digits")
            with Vertical(classes="clock", id="item-clock"):
                yield Static(classes="clock-label", id="item-label")
                yield Digits(id="item-digits")
        yield Static(id="item")
        yield Static(id="round")
        yield Static(id="floor")
        yield Static(id="empty")

    def on_mount(self) -> None:
        self.reload()
        self.set_interval(1, self.tick)

    def board_changed(self) -> None:
        self.reload()

    def action_leave(self) -> None:
        if self.standalone:
            self.app.exit()
        else:
            self.app.pop_screen()

    def reload(self) -> None:
        try:
            self.view = view = room.room(self.session)
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        running = view.meeting is not None
        for part in ("#clocks", "#item", "#floor"):
            self.query_one(part).display = running
        title = escape(view.board)
        if view.meeting is not None:
            title += (
                f" · {_('Meeting')} {view.number} ·"
                f" {format_date(view.meeting.starts_at, weekday=False)}"
            )
        self.show_text("#title", title)
        self.query_one("#empty", Static).display = not running
        if not running:
            self.show_text(
                "#empty",
                _("No meeting is in progress.")
                + (
                    f"\n{_('Next meeting')}: {format_date(view.next_meeting, time=True)}"
                    if view.next_meeting
                    else ""
                ),
            )
        item = view.item
        self.show_text(
            "#item", f"{item.position}. {escape(item.title)}" if item is not None else ""
        )
        self.show_text(
            "#item-label",
            _("Item: time left of {n} min").format(n=item.timebox_minutes) if item else "",
        )
        current = self.query_one("#round", Static)
        current.display = view.round is not None
        if view.round is not None:
            self.show_text("#round", "\n".join(round_lines(view.round)))
        floor = floor_lines(view.floor)
        self.show_text("#floor", "\n".join([f"[b]{_('The floor')}[/b]", *floor]) if floor else "")
        self.tick()

    def tick(self) -> None:
        view = self.view
        if view is None or view.meeting is None:
            return
        now = self.session.now()
        self.query_one("#meeting-digits", Digits).update(
            hours_minutes(live.meeting_elapsed(view.meeting, now))
        )
        item_clock = self.query_one("#item-clock")
        if view.item is None:
            self.query_one("#item-digits", Digits).update("")
            return
        elapsed = live.item_elapsed(view.meeting, view.item, now)
        _text, state = timer_state(elapsed, view.item.timebox_minutes)
        left = view.item.timebox_minutes * 60 - elapsed
        shown = f"{abs(left) // 60:02}:{abs(left) % 60:02}"
        self.query_one("#item-digits", Digits).update(("+" if left < 0 else "") + shown)
        item_clock.set_class(state == "warning", "warning")
        item_clock.set_class(state == "over", "over")
