"""The live meeting console: the current item large and clear, its clock, notes, and one key
for every step of the meeting."""

from __future__ import annotations

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Static, TextArea

from boardroom.domain.enums import DecisionMethod, ItemKind, ItemStatus, MeetingStatus, VoteRule
from boardroom.domain.errors import BoardroomError
from boardroom.domain.permissions import Capability
from boardroom.i18n import N_, _, format_date, format_decimal, label
from boardroom.services import decide
from boardroom.services import floor as speakers
from boardroom.services import meeting as live
from boardroom.services import notes as taking_notes
from boardroom.tui.screens.common import BoardScreen
from boardroom.tui.screens.taking_part import floor_lines
from boardroom.tui.widgets.footer import KeyFooter
from boardroom.tui.widgets.form import FormField, FormScreen
from boardroom.tui.widgets.timer import ItemTimer


def clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02}:{rest % 60:02}"


class MeetingConsole(BoardScreen):
    """One meeting, live. Every change is saved the moment it is made."""

    TITLE_TEXT = "Meeting"
    RELOADS_ON_RESUME = True  # covered (by "Meeting now"), it waits to be shown again
    # Keys are commands here: nothing takes the focus by itself (the notes only with `e`),
    # so a key meant for the console is never typed into the notes by accident.
    AUTO_FOCUS = ""  # "" turns auto-focus off (None would inherit the app's "*")
    DEFAULT_CSS = """
    MeetingConsole #agenda {
        width: 38%; max-width: 46; min-width: 30;
        border-right: solid $primary-darken-2; padding: 0 1;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    MeetingConsole #main { padding: 0 2; }
    MeetingConsole #item-title { text-style: bold; color: $accent; margin-top: 1; }
    MeetingConsole #item-meta { color: $text-muted; }
    MeetingConsole #clocks { height: auto; margin: 1 0; }
    MeetingConsole #meeting-clock { padding: 0 1; color: $text-muted; }
    MeetingConsole #notes { height: 1fr; min-height: 5; }
    MeetingConsole #other-notes { height: auto; max-height: 12; color: $text-muted; }
    MeetingConsole #floor { height: auto; max-height: 8; }
    MeetingConsole #records { height: auto; max-height: 20; color: $text-muted; }
    MeetingConsole #quorum-line { height: 1; padding: 0 1; background: $boost; }
    """
    BINDINGS = [
        Binding("s", "start", N_("Open meeting")),
        Binding("a", "attendance", N_("Attendance")),
        Binding("n,pagedown", "step(1)", N_("Next item")),
        Binding("p,pageup", "step(-1)", N_("Previous item")),
        Binding("e", "notes", N_("Notes")),
        Binding("v", "propose('vote')", N_("Vote")),
        Binding("c", "propose('consent')", N_("Consent round")),
        Binding("d", "decision", N_("Decision")),
        Binding("t", "action", N_("Action")),
        Binding("i", "interest", N_("Interest round")),
        Binding("b", "behaviour", N_("Behaviour check")),
        Binding("f", "defer", N_("Defer item")),
        Binding("w", "werkagenda", N_("Work agenda")),
        Binding("escape", "back", N_("Back")),
        Binding("h", "next_speaker", N_("Next speaker")),
        Binding("r", "room_display", N_("Room display")),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.state: live.Console | None = None
        #: the request first in the speakers' queue as this screen shows it
        self.floor_first: int | None = None
        #: my notes on the current item as last loaded or saved: (item, version, text)
        self.my_notes: tuple[int, int, str] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="quorum-line")
        with Horizontal():
            yield Static(id="agenda")
            with Vertical(id="main"):
                yield Static(id="item-title")
                yield Static(id="item-meta")
                with Vertical(id="clocks"):
                    yield ItemTimer(id="timer")
                    yield Static(id="meeting-clock")
                notes = TextArea(id="notes", soft_wrap=True)
                notes.can_focus = False  # only `e` makes the notes editable
                notes.border_title = _("My notes")
                yield notes
                yield Static(id="other-notes")
                yield Static(id="floor")
                yield Static(id="records")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()
        self.clock_timer = self.set_interval(1, self.tick)

    def on_screen_resume(self) -> None:
        self.reload()
        self.clock_timer.resume()

    def board_changed(self) -> None:
        self.reload()

    #: the keys of someone who records (the secretary, the chair), and of the chair alone
    RECORDING = {"attendance", "step", "notes", "propose", "decision", "action", "interest",
                 "behaviour", "defer", "next_speaker"}  # fmt: skip

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that can do something now, for this user: a portfolio holder sees
        the meeting and its werkagenda, not the chair's keys; `s` is there until the meeting
        is open, the recording keys while it runs."""
        state = self.state
        if state is None or action not in self.RECORDING | {"start"}:
            return True
        status = state.meeting.status
        if action == "start":
            return status in live.BEFORE_START and self.session.can(Capability.OPEN_CLOSE_MEETING)
        if not self.session.can(Capability.RECORD):
            return False
        if action == "attendance":
            return status not in (MeetingStatus.CLOSED, MeetingStatus.MINUTES_APPROVED)
        return status == MeetingStatus.IN_PROGRESS

    def on_screen_suspend(self) -> None:
        self.clock_timer.pause()  # covered by another screen: no work for what is not seen

    # -- showing -------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            self.state = live.console(self.session, self.meeting_id)
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        state = self.state
        self.sub_title = (  # the screen's own: leaving the console leaves the header right
            f"{_('Meeting')} {state.number} · {format_date(state.meeting.starts_at, time=True)}"
            f" · {label(state.meeting.status)}"
        )
        self.show_text("#agenda", self.agenda_text())
        quorum = state.quorum
        mark = "[green]✔[/]" if quorum.result.met else "[red]✘[/]"
        missing = (
            f" — {_('missing')}: {', '.join(quorum.missing[:6])}"
            if quorum.missing and not quorum.result.met
            else ""
        )
        self.show_text("#quorum-line", f"{mark} {_('Quorum')}: {quorum.explain()}{missing}")
        item = state.current_item
        notes = self.query_one("#notes", TextArea)
        if item is None:
            self.show_text(
                "#item-title",
                _("Press s to open the meeting.")
                if state.meeting.status in live.BEFORE_START
                else _("No current item."),
            )
            self.show_text("#item-meta", "")
            notes.disabled = True
            self.show_text("#other-notes", "")
            self.query_one("#floor").display = False
            self.my_notes = None
        else:
            presenter = state.name(item.presenter_id) if item.presenter_id else "—"
            start = state.planned_start_of(item.id or 0)
            self.show_text("#item-title", f"{item.position}. {item.title}")
            self.show_text(
                "#item-meta",
                f"{label(item.purpose)} · {presenter} · {item.timebox_minutes} {_('min')}"
                f" · {_('planned')} {start:%H:%M}",
            )
            notes.disabled = state.meeting.status != MeetingStatus.IN_PROGRESS
            self.show_notes(item.id or 0)
            self.show_floor(item.id or 0)
        self.show_text("#records", self.records_text())
        self.refresh_bindings()
        self.tick()

    def show_notes(self, item_id: int) -> None:
        """My notes in the editor (never reloaded under the typist: what is typed is saved
        against the version seen, and merged when I saved elsewhere meanwhile), and everyone
        else's beside them, as they type."""
        user = self.session.user
        me = user.id if user else None
        notes = self.query_one("#notes", TextArea)
        notes.display = self.session.can(Capability.RECORD) and me is not None
        view = taking_notes.notes_on(self.session, [item_id])[item_id]
        mine = view.of(me)
        text, version = (mine.text, mine.version) if mine else ("", 0)
        if not notes.has_focus or (self.my_notes or (None,))[0] != item_id:
            self.my_notes = (item_id, version, text)
            if notes.text != text:
                notes.load_text(text)
        others = [(_("Notes from before"), view.earlier)] if view.earlier.strip() else []
        others += [(a.author, a.text) for a in view.others(me)]
        self.show_text(
            "#other-notes",
            "\n".join(f"[b]{escape(who)}[/b]: {escape(text)}" for who, text in others),
        )

    def show_floor(self, item_id: int) -> None:
        """Who has the floor and who asked for it, in order (remote members marked)."""
        floor = speakers.floor(self.session, item_id)
        self.floor_first = floor.queue[0].request_id if floor.queue else None
        lines = floor_lines(floor)
        header = f"[b]{_('The floor')}[/b]"
        if self.session.can(Capability.RECORD):
            header += f"  [dim]({_('h: next speaker')})[/]"
        self.show_text("#floor", "\n".join([header, *lines]) if lines else "")
        self.query_one("#floor").display = bool(lines)  # no empty line under the notes

    def agenda_text(self) -> str:
        assert self.state is not None
        lines = []
        for item in self.state.items:
            start = self.state.planned_start_of(item.id or 0)
            marker = "▶" if item.id == self.state.meeting.current_item_id else " "
            text = f"{marker} {start:%H:%M} {item.position:>2}. {item.title}"
            if item.status == ItemStatus.DEFERRED:
                text = f"[dim strike]{text}[/] [dim]{_('deferred')}[/]"
            elif item.status == ItemStatus.DONE:
                text = f"[dim]{text}[/]"
            elif marker == "▶":
                text = f"[b reverse]{text}[/]"
            lines.append(text)
        end = self.state.planned_end()
        lines.append(f"\n  {end:%H:%M} {_('planned end')}")
        return "\n".join(lines)

    def records_text(self) -> str:
        assert self.state is not None
        item = self.state.current_item
        if item is not None and item.kind == ItemKind.ACTIONS_REVIEW:
            return self.carry_over_text()
        if item is not None and item.kind == ItemKind.EVALUATION:
            return self.evaluation_text()
        summary = live.summary(self.session, self.meeting_id)
        parts = self.round_in_progress()
        parts += [f"{d.number} {d.title}" for d in summary.decisions[-3:]]
        parts += [f"{a.number} {a.text[:50]}" for a in summary.actions[-3:]]
        return "\n".join(parts)

    def round_in_progress(self) -> list[str]:
        """A vote or consent round open on the current item, as it stands (it moves live as
        the chair records, also on the secretary's console)."""
        assert self.state is not None
        item = self.state.current_item
        proposal = next(
            (p for p in self.state.open_proposals if item and p.agenda_item_id == item.id), None
        )
        round_id = self.state.latest_round.get(proposal.id or 0) if proposal else None
        if proposal is None or round_id is None:
            return []
        view = decide.round_view(self.session, round_id)
        if view.round.status != "open":
            return []
        if proposal.method == DecisionMethod.VOTE:
            waiting = len(view.round.voter_order) - len(view.ballots)
            t = view.tally
            state = (
                f"{_('For')} {t.for_weight:g} · {_('Against')} {t.against_weight:g} · "
                f"{_('Abstain')} {t.abstain_weight:g} · {_('not yet')} {waiting}"
            )
            return [f"[b]{_('Vote')}[/b] ({_('v to follow it')}): {state}"]
        answered = {a.member_id for a in view.answers if a.kind.value != "pass"}
        waiting = len(view.round.voter_order) - len(answered)
        concerns = sum(1 for a in view.answers if a.kind.value == "concern")
        objections = sum(1 for a in view.answers if a.kind.value == "objection")
        state = (
            f"{_('round')} {view.round.number} · {_('not yet')} {waiting} · "
            f"{_('concerns')} {concerns} · {_('objections')} {objections}"
        )
        return [f"[b]{_('Consent round')}[/b] ({_('c to follow it')}): {state}"]

    def evaluation_text(self) -> str:
        """On the evaluation item: whether this meeting's evaluation is recorded, and how."""
        from boardroom.services import evaluation

        here = next(
            (p for p in evaluation.planned(self.session) if p.meeting_id == self.meeting_id), None
        )
        if here is None or not here.recorded:
            return f"[b]{_('Process evaluation')}[/b]: {_('w to record its counts')}"
        result = next(r for r in evaluation.evaluations(self.session) if r.id == here.evaluation_id)
        lines = [
            f"[b]{_('Process evaluation')}[/b] ({_('w to see it')}): "
            + _("{n} respondents").format(n=result.respondents)
        ]
        lines += [
            f"{'—' if s.mean is None else format_decimal(s.mean)}  {s.text[:60]}"
            for s in result.statements[:8]
        ]
        return "\n".join(lines)

    def carry_over_text(self) -> str:
        """On the actions-review item: every open action (overdue first) and the decisions
        whose review date is near."""
        from boardroom.services import record

        today = self.session.today.isoformat()
        rows, count = record.action_page(self.session, record.ActionFilter(status="open"), 12)
        lines = [f"[b]{_('Open actions')}[/b] ({count})"]
        for r in rows:
            late = r["due_date"] and r["due_date"] < today
            due = f"[red]{r['due_date']}[/]" if late else (r["due_date"] or "")
            lines.append(f"{r['number']} {due} {r['owner']}: {r['text'][:50]}")
        due_review, _count = record.decision_page(
            self.session, record.DecisionFilter(due_for_review=True), limit=5
        )
        if due_review:
            lines.append(f"[b]{_('Decisions due for review')}[/b]")
            lines += [f"{d['number']} {d['review_date']} {d['title'][:50]}" for d in due_review]
        return "\n".join(lines)

    def tick(self) -> None:
        if self.state is None:
            return
        now = self.session.now()
        item = self.state.current_item
        running = self.state.meeting.status == MeetingStatus.IN_PROGRESS
        if item is not None:
            self.query_one(ItemTimer).show(
                live.item_elapsed(self.state.meeting, item, now), item.timebox_minutes
            )
        elapsed = live.meeting_elapsed(self.state.meeting, now)
        planned = self.state.meeting.duration_minutes * 60
        self.show_text(
            "#meeting-clock",
            f"{_('Meeting')}: {clock(elapsed)} / {clock(planned)}"
            + (f"  [red]+{clock(elapsed - planned)}[/]" if running and elapsed > planned else ""),
        )

    # -- acting --------------------------------------------------------------------------

    def current_item_id(self) -> int | None:
        item = self.state.current_item if self.state else None
        if item is None:
            self.notify(_("There is no current item."), severity="warning")
            return None
        return item.id

    def action_start(self) -> None:
        self.attempt(
            lambda: live.start_meeting(self.session, self.meeting_id), _("The meeting is open.")
        )

    def action_attendance(self) -> None:
        from boardroom.tui.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.meeting_id))

    def action_next_speaker(self) -> None:
        """Give the floor to the first who asked for it on the current item."""
        first = self.floor_first  # as this screen shows the queue

        def give() -> None:
            given = speakers.next_speaker(self.session, self.meeting_id, seen_first=first)
            self.notify(f"{_('The floor')}: {given.name}", timeout=4)

        self.attempt(give)

    def action_room_display(self) -> None:
        """The room display on this screen (a projector on this laptop); esc comes back. On
        another computer or terminal: `boardroom present`."""
        from boardroom.tui.screens.present import RoomDisplay

        self.app.push_screen(RoomDisplay())

    def action_werkagenda(self) -> None:
        """The werkagenda of the current item's theme; under a monitoring item, all of it;
        under the evaluation item, the table's evaluation, to record this meeting's counts."""
        item = self.state.current_item if self.state else None
        if item is not None and item.kind == ItemKind.EVALUATION:
            from boardroom.tui.screens.evaluation import EvaluationScreen

            self.app.push_screen(EvaluationScreen(meeting_id=self.meeting_id))
            return
        from boardroom.tui.screens.werkagenda import WerkagendaScreen

        self.app.push_screen(WerkagendaScreen(theme_ids=self.item_theme_ids()))

    def action_step(self, delta: int) -> None:
        """Next or previous item, from the item this screen shows: if someone else moved the
        meeting on meanwhile, it stays where they put it (and says so)."""
        seen = self.state.meeting.current_item_id if self.state else None
        self.attempt(lambda: live.step(self.session, self.meeting_id, delta, seen_item=seen))

    def action_notes(self) -> None:
        notes = self.query_one("#notes", TextArea)
        if notes.disabled or not notes.display:
            return
        try:
            taking_notes.require_notetaker(self.session)
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        notes.can_focus = True
        notes.focus()

    def action_back(self) -> None:
        """esc: out of the notes when typing in them, else back to where the console was
        opened from (the meetings list, or the dashboard after a restart)."""
        notes = self.query_one("#notes", TextArea)
        if notes.has_focus:
            notes.can_focus = False
            self.set_focus(None)
        else:
            self.app.pop_screen()

    def on_descendant_blur(self) -> None:
        self.query_one("#notes", TextArea).can_focus = False

    @on(TextArea.Changed, "#notes")
    def save_notes(self, event: TextArea.Changed) -> None:
        """Every change of my notes is saved at once, against the version this screen saw."""
        area = event.text_area
        if self.my_notes is None or not area.has_focus or area.text == self.my_notes[2]:
            return
        item_id, version, base = self.my_notes
        try:
            saved = taking_notes.save_notes(
                self.session, item_id, area.text, seen=version, base=base
            )
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        self.my_notes = (item_id, saved.version, saved.text)
        if saved.merged:  # my other session saved meanwhile: both are in, mine after
            area.load_text(saved.text)
            area.move_cursor(area.document.end)
            self.notify(
                _("Your notes were also changed in another session: both are kept."),
                severity="warning",
            )

    def action_propose(self, method: str) -> None:
        item_id = self.current_item_id()
        if item_id is None or self.state is None:
            return
        open_proposal = next(
            (p for p in self.state.open_proposals if p.agenda_item_id == item_id), None
        )
        if open_proposal is not None:  # resume its round
            latest = self.state.latest_round.get(open_proposal.id or 0)
            if latest is not None:
                self._show_round(latest, open_proposal.method)
                return
        item = self.state.current_item
        assert item is not None
        chosen = DecisionMethod(method)
        # the decision the agenda asked for, else the item's title to start from
        fields = [FormField("text", _("Proposal"), "textarea", item.proposal or item.title)]
        if chosen == DecisionMethod.VOTE:
            fields.append(
                FormField(
                    "rule",
                    _("Majority rule"),
                    "select",
                    self.state.vote_rule,
                    [(label(rule), rule) for rule in VoteRule],
                )
            )
            fields.append(FormField("secret", _("Secret ballot (counts only)"), "switch", False))
        fields += self.steering_field()
        opened: list[int] = []

        def submit(values: dict) -> None:  # type: ignore[type-arg]
            opened.append(
                decide.propose(
                    self.session,
                    item_id,
                    values["text"],
                    chosen,
                    secret=bool(values.get("secret")),
                    vote_rule=values.get("rule"),
                    agreement_id=values.get("agreement_id"),
                )
            )

        def then(ok: bool | None) -> None:
            if ok and opened:
                self._show_round(opened[0], chosen)

        title = _("Vote") if chosen == DecisionMethod.VOTE else _("Consent round")
        self.app.push_screen(FormScreen(title, fields, submit), then)

    def _show_round(self, round_id: int, method: DecisionMethod) -> None:
        if method == DecisionMethod.VOTE:
            from boardroom.tui.screens.vote import VoteScreen

            self.app.push_screen(VoteScreen(round_id))
        else:
            from boardroom.tui.screens.consent import ConsentScreen

            self.app.push_screen(ConsentScreen(round_id))

    def item_theme_ids(self) -> list[int] | None:
        """The current item's theme, for its werkagenda (None: all of it, under a monitoring
        item or an item without a theme)."""
        from boardroom.services.werkagenda import item_themes

        return item_themes(self.state.current_item if self.state else None)

    def steering_field(self) -> list[FormField]:
        """A decision's or proposal's "steers the result agreement" choice, when the item's
        theme (or, under a monitoring item, the board) has result agreements."""
        from boardroom.services import werkagenda

        agreements = [
            (f"{a.theme} · {a.title}", a.id)
            for a in werkagenda.werkagenda(self.session, theme_ids=self.item_theme_ids())
        ]
        if not agreements:
            return []
        return [
            FormField("agreement_id", _("Steers the result agreement"), "select", None, agreements)
        ]

    def action_decision(self) -> None:
        item = self.state.current_item if self.state else None
        fields = [
            FormField("title", _("Decision"), value=item.title if item else ""),
            FormField("text", _("Text"), "textarea", ""),
        ]
        fields += self.steering_field()
        numbers: list[str] = []

        def submit(values: dict) -> None:  # type: ignore[type-arg]
            numbers.append(
                decide.record_decision(
                    self.session,
                    self.meeting_id,
                    item.id if item else None,
                    values["title"],
                    values["text"],
                    agreement_id=values.get("agreement_id"),
                )[1]
            )

        self.app.push_screen(
            FormScreen(_("Decision by acclamation"), fields, submit),
            lambda ok: self._recorded(ok, numbers),
        )

    def action_action(self) -> None:
        item = self.state.current_item if self.state else None
        names = [x.name for x in self.state.members] if self.state else []
        fields = [
            FormField("text", _("Action")),
            FormField("owner", _("Owner"), suggestions=names, hint=_("a few letters of the name")),
            FormField(
                "due",
                _("Due"),
                value="+2w",
                hint=_("+2w, +10d, +1m (from the meeting's date) or a date:"),
                preview=self.due_preview,
            ),
        ]
        numbers: list[str] = []

        def submit(values: dict) -> None:  # type: ignore[type-arg]
            numbers.append(
                decide.add_action(
                    self.session,
                    self.meeting_id,
                    values["text"],
                    values["owner"],
                    values["due"],
                    item_id=item.id if item else None,
                )[1]
            )

        self.app.push_screen(
            FormScreen(_("New action"), fields, submit), lambda ok: self._recorded(ok, numbers)
        )

    def due_preview(self, text: str) -> str:
        """The date a due text comes to, counted from this meeting's date."""
        from boardroom.domain.dates import parse_due

        if self.state is None:
            return ""
        try:
            day = parse_due(text, self.state.meeting.starts_at.date())
        except BoardroomError as problem:
            return f"[red]{problem.message}[/]"
        return f"→ {format_date(day)}"

    def _recorded(self, ok: bool | None, numbers: list[str]) -> None:
        if ok and numbers:
            self.notify(f"{_('Recorded')}: {numbers[0]}", timeout=6)
        self.reload()

    def action_interest(self) -> None:
        if self.state is None:
            return
        item = self.state.current_item
        rounds = [
            r
            for r in self.state.interest_rounds
            if item is None or r.agenda_item_id in (None, item.id)
        ]
        pending = [r for r in rounds if r.status.value != "held"] or rounds
        if not pending:
            self.notify(_("No interest round is planned for this meeting."), severity="warning")
            return
        target = pending[0]
        perspective = self.state.perspectives[target.perspective_id].name
        if target.status.value != "held" and not live.perspective_present(
            self.session, self.meeting_id, target.perspective_id
        ):
            self._offer_to_defer(target, perspective)
            return
        self._interest_form(target, perspective)

    def _offer_to_defer(self, target, perspective: str) -> None:  # type: ignore[no-untyped-def]
        """Nobody of the perspective is here: defer its turn (y), or record it anyway (n)."""
        from boardroom.tui.widgets.confirm import ConfirmScreen

        def answered(defer: bool | None) -> None:
            if defer:
                self.attempt(
                    lambda: self.notify(
                        _("{perspective}'s interest round moved to {date}.").format(
                            perspective=perspective,
                            date=format_date(
                                live.defer_interest_round(self.session, target.id or 0).starts_at
                            ),
                        ),
                        timeout=6,
                    )
                )
            elif defer is False:
                self._interest_form(target, perspective)

        self.app.push_screen(
            ConfirmScreen(
                _("Nobody of {perspective} is present").format(perspective=perspective),
                _(
                    "Defer {perspective}'s interest round to the next meeting? y defers it"
                    " (the year's count follows); n records it here all the same."
                ).format(perspective=perspective),
                _("Defer"),
                _("Record it here"),
            ),
            answered,
        )

    def _interest_form(self, target, perspective: str) -> None:  # type: ignore[no-untyped-def]
        seen = self.session.version("interest_rounds", target.id or 0)
        fields = [
            FormField("helps", _("What helps"), value=target.helps),
            FormField("pinches", _("What pinches"), value=target.pinches),
            FormField("asks", _("What they ask of the table"), value=target.asks),
        ]
        self.app.push_screen(
            FormScreen(
                f"{_('Interest round')}: {perspective}",
                fields,
                lambda v: live.record_interest(
                    self.session, target.id or 0, v["helps"], v["pinches"], v["asks"], seen=seen
                ),
            ),
            lambda ok: self.reload(),
        )

    def action_behaviour(self) -> None:
        from boardroom.tui.screens.closing import BehaviourScreen

        self.app.push_screen(BehaviourScreen(self.meeting_id))

    def action_defer(self) -> None:
        item_id = self.current_item_id()
        if item_id is None:
            return

        def defer() -> None:
            target = live.defer_item(self.session, item_id)
            message = (
                _("Deferred to the next meeting.")
                if target
                else _("Deferred; there is no next meeting yet.")
            )
            self.notify(message)

        self.attempt(defer)
