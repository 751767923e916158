"""Taking part from one's own screen: the meeting in progress as a member follows it — the
current item, the round the chair opened (with the keys to answer, for a member who holds a
seat in it), the speakers' queue and the key to ask for the floor.

The app opens this screen by itself on every member's session when the chair opens a round
(docs/architecture.md §6), and closes it again when the chair concludes; `L` opens it at any
time."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from boardroom.domain.enums import Choice, ConsentAnswerKind, DecisionMethod
from boardroom.domain.errors import BoardroomError
from boardroom.i18n import N_, _, label
from boardroom.i18n.record import rule_name
from boardroom.services import answering, room
from boardroom.services import floor as speakers
from boardroom.services.answering import OpenRound
from boardroom.tui.screens.common import BoardScreen
from boardroom.tui.widgets.footer import KeyFooter
from boardroom.tui.widgets.form import FormField, FormScreen
from boardroom.tui.widgets.timer import timer_state


def floor_lines(floor: speakers.Floor | None, me: int | None = None) -> list[str]:
    """Who has the floor and who waits, in order, each with their perspective; remote
    members marked."""
    if floor is None:
        return []

    def who(speaker: speakers.Speaker) -> str:
        text = escape(speaker.name)
        if speaker.perspective:
            text += f" — {escape(speaker.perspective)}"
        if speaker.remote:
            text += f" [i]({_('remote')})[/i]"
        return f"[b]{text}[/b]" if speaker.member_id == me else text

    lines = []
    if floor.speaking is not None:
        lines.append(f"{_('Speaking')}: {who(floor.speaking)}")
    lines += [f"{n}. {who(s)}" for n, s in enumerate(floor.queue, 1)]
    return lines


class TakingPartScreen(BoardScreen):
    TITLE_TEXT = "Meeting now"
    AUTO_FOCUS = ""  # every key is a command here
    DEFAULT_CSS = """
    TakingPartScreen #now { padding: 1 2 0 2; height: auto; }
    TakingPartScreen #round {
        margin: 1 2 0 2; padding: 0 1; height: auto; max-height: 70%;
        border: heavy $accent; border-title-style: bold;
    }
    TakingPartScreen #round.closed { border: heavy $primary-darken-2; }
    TakingPartScreen #mine { padding: 1 2 0 2; height: auto; text-style: bold; }
    TakingPartScreen #floor { padding: 1 2; height: auto; }
    """
    BINDINGS = [
        Binding("f", "vote('for')", N_("For")),
        Binding("a", "vote('against')", N_("Against")),
        Binding("o", "vote('abstain')", N_("Abstain")),
        Binding("c", "answer('consent')", N_("Consent")),
        Binding("z", "answer('concern')", N_("Concern")),
        Binding("b", "answer('objection')", N_("Objection")),  # b: bezwaar
        Binding("p", "answer('pass')", N_("Pass")),
        Binding("h", "floor", N_("Ask for the floor")),
        Binding("escape", "app.pop_screen", N_("Back")),
    ]

    def __init__(self, opened_for: int | None = None) -> None:
        super().__init__()
        #: the round this screen was opened for by the app (it closes when that one ends);
        #: None when the member opened it (it stays)
        self.opened_for = opened_for
        self.current: OpenRound | None = None
        self.view: room.RoomView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="now")
        with VerticalScroll(id="round"):
            yield Static(id="proposal")
        yield Static(id="mine")
        yield Static(id="floor")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()

    def board_changed(self) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            self.view = room.room(self.session)
            self.current = answering.round_now(self.session)
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        if self.opened_for is not None and (
            self.current is None or self.current.round_id != self.opened_for
        ):
            self.round_ended()
            return
        self.show()

    def round_ended(self) -> None:
        """The chair concluded the round this screen was opened for: say how it ended, and
        give the member back the screen they were on."""
        try:
            latest = room.concluded(self.session, self.opened_for or 0)
        except BoardroomError:  # the round is gone (its proposal withdrawn and removed)
            latest = None
        if latest is not None:
            said = f"{latest.title}: {label(latest.outcome)}"
            if latest.decision_number:
                said += f" — {_('Decision')} {latest.decision_number}"
            self.app.notify(said, timeout=10)
        self.opened_for = None
        if self.app.screen is self:
            self.app.pop_screen()

    def show(self) -> None:
        view, current = self.view, self.current
        assert view is not None
        me = self.session.user.id if self.session.user else None
        if view.meeting is None:
            upcoming = (
                f"\n{_('Next meeting')}: {view.next_meeting:%d-%m-%Y %H:%M}"
                if view.next_meeting
                else ""
            )
            self.show_text("#now", _("No meeting is in progress.") + upcoming)
        elif view.item is None:
            self.show_text("#now", f"{_('Meeting')} {view.number}")
        else:
            left, _state = timer_state(view.item_elapsed, view.item.timebox_minutes)
            self.show_text(
                "#now",
                f"{_('Meeting')} {view.number} · [b]{view.item.position}."
                f" {escape(view.item.title)}[/b] · {left}",
            )
        box = self.query_one("#round")
        box.display = current is not None
        if current is None:
            self.show_text("#mine", _("No vote or consent round is open.") if view.meeting else "")
        else:
            kind = _("Vote") if current.kind == DecisionMethod.VOTE else _("Consent round")
            box.border_title = f"{kind} — {_('version')} {current.version}"
            rule = (
                rule_name(current.vote_rule)
                if current.vote_rule is not None
                else _("adopted unless someone objects with a reason")
            )
            self.show_text(
                "#proposal",
                f"[b]{escape(current.title)}[/b]\n{escape(current.text)}\n[i]{rule}[/i]",
            )
            self.show_text("#mine", self.answer_text(current))
        self.show_text("#floor", self.floor_text(me))
        self.refresh_bindings()

    def answer_text(self, current: OpenRound) -> str:
        counted = "[dim]" + _("{n} of {voters} have answered.").format(
            n=current.answered, voters=current.voters
        )
        if current.secret:
            return f"{_('Secret ballot: counted in the room.')}\n{counted}[/]"
        if not current.entitled:
            return f"{_('You follow this round: you hold no seat in it.')}\n{counted}[/]"
        if current.mine is None:
            return f"[$accent]{_('Your answer, please.')}[/]\n{counted}[/]"
        note = f" — {escape(current.note)}" if current.note else ""
        change = _("You may change it until the chair concludes.")
        return f"{_('Your answer')}: {label(current.mine)}{note}\n{counted} {change}[/]"

    def floor_text(self, me: int | None) -> str:
        view = self.view
        if view is None or view.floor is None:
            return ""
        lines = floor_lines(view.floor, me)
        place = self.my_place()
        if place is not None:
            lines.append(_("You are number {n} for the floor: h withdraws.").format(n=place))
        header = f"[b]{_('The floor')}[/b]"
        return "\n".join([header, *lines]) if lines else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The answer keys of the open round's kind, for a member who answers in it; the
        floor key during an item of a meeting in progress."""
        current = self.current
        if action in ("vote", "answer"):
            return (
                current is not None
                and current.entitled
                and (current.kind == DecisionMethod.VOTE) == (action == "vote")
            )
        if action == "floor":
            return self.view is not None and self.view.item is not None
        return True

    def action_vote(self, choice: str) -> None:
        if self.current is not None:
            round_id = self.current.round_id
            self.attempt(
                lambda: answering.vote(self.session, round_id, Choice(choice)),
                f"{_('Your vote')}: {label(Choice(choice))}",
            )

    def action_answer(self, kind: str) -> None:
        if self.current is None:
            return
        round_id, answer = self.current.round_id, ConsentAnswerKind(kind)
        done = f"{_('Your answer')}: {label(answer)}"
        if answer not in (ConsentAnswerKind.CONCERN, ConsentAnswerKind.OBJECTION):
            self.attempt(lambda: answering.answer(self.session, round_id, answer), done)
            return
        prompt = _("Concern") if answer == ConsentAnswerKind.CONCERN else _("Reason")
        self.app.push_screen(
            FormScreen(
                label(answer),
                [FormField("note", prompt)],
                lambda v: answering.answer(self.session, round_id, answer, v["note"]),
            ),
            lambda ok: self.answered(done if ok else ""),
        )

    def answered(self, done: str) -> None:
        self.reload()
        if done:
            self.notify(done, timeout=4)

    def action_floor(self) -> None:
        """Ask for the floor, or withdraw when already waiting."""
        if self.my_place() is not None:
            self.attempt(lambda: speakers.withdraw_floor(self.session), _("Withdrawn."))
        elif self.attempt(lambda: speakers.ask_for_floor(self.session)):  # and shown again
            place = self.my_place()
            self.notify(_("You are number {n} for the floor.").format(n=place), timeout=4)

    def my_place(self) -> int | None:
        """This member's place in the queue on the current item, as the screen shows it."""
        floor = self.view.floor if self.view is not None else None
        me = self.session.user.id if self.session.user else None
        return floor.place_of(me) if floor is not None else None
