"""BoardroomApp: the screens, the global keys and the command palette."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from importlib import import_module
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widget import AwaitMount

from boardroom.clock import process_clock
from boardroom.domain.clock import Clock
from boardroom.domain.errors import BoardroomError
from boardroom.host_files import LOCAL, HostFiles
from boardroom.i18n import N_, _, label
from boardroom.services.overview import board_summary, meeting_to_resume
from boardroom.services.session import Session, open_session
from boardroom.tui.internals.bindings import TranslatedBindings
from boardroom.tui.internals.collect import CollectBetweenKeys
from boardroom.tui.internals.screens import ScreensAhead
from boardroom.tui.replica import ReplicaStatus

#: mode name → (module.Class of its screen, title, palette help). Screens are imported when
#: first opened, so start-up pays only for the dashboard.
SCREENS: dict[str, tuple[str, str, str]] = {
    "dashboard": ("dashboard.DashboardScreen", "Dashboard", "Open the dashboard"),
    "members": ("members.MembersScreen", "Members", "Open the members list"),
    "perspectives": (
        "perspectives.PerspectivesScreen",
        "Perspectives",
        "Open the perspectives list",
    ),
    "themes": ("themes.ThemesScreen", "Themes", "Open the themes list"),
    "meetings": ("meetings.MeetingsScreen", "Meetings", "Open the meetings and their consoles"),
    "decisions": ("decisions.DecisionsScreen", "Decisions", "Open the decision list"),
    "actions": ("actions.ActionsScreen", "Actions", "Open the action list"),
    "year": ("year.YearScreen", "Year in view", "Open the year in view"),
    "calendar": (
        "calendar.CalendarScreen",
        "Annual calendar",
        "Open the annual calendar: plan the year, move themes, open agendas",
    ),
    "requests": (
        "requests.RequestsScreen",
        "Agenda requests",
        "Open the agenda requests: ask for agenda space, see what became of it",
    ),
    "rules": (
        "rules.RulesScreen",
        "Rules and principles",
        "Open the behaviour rules and leading principles",
    ),
    "werkagenda": (
        "werkagenda.WerkagendaScreen",
        "Work agenda",
        "Open the work agenda: result agreements, KPIs and where they stand",
    ),
}


def screen_factory(target: str) -> Callable[[], Screen[None]]:
    module_name, class_name = target.rsplit(".", 1)

    def make() -> Screen[None]:
        module = import_module(f"boardroom.tui.screens.{module_name}")
        return getattr(module, class_name)()  # type: ignore[no-any-return]

    return make


#: Seconds between two looks at whether another session committed (PRAGMA data_version: one
#: call into SQLite, no read of the database; an idle app spends well under 1% of a core on
#: it). A quarter second leaves most of "within a second" for reading and drawing the change.
LIVE_INTERVAL = 0.25
#: the warm-up after the first frame waits as long for quiet (BoardroomApp._warm_next)
WARM_QUIET = 0.3
WARM_PAUSE = 0.002
#: the lists built ahead after the first frame, the likeliest first: a meeting's, the record
PREBUILD_ORDER = (
    "meetings",
    "decisions",
    "actions",
    "calendar",
    "requests",
    "year",
    "werkagenda",
    "members",
    "perspectives",
    "themes",
    "rules",
)


class BoardroomApp(TranslatedBindings, ReplicaStatus, ScreensAhead, CollectBetweenKeys, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "boardroom"
    BINDINGS = [
        Binding("f1,g", "go('dashboard')", N_("Dashboard")),
        Binding("f2,M", "go('members')", N_("Members")),
        Binding("f3,P", "go('perspectives')", N_("Perspectives")),
        Binding("f4,T", "go('themes')", N_("Themes")),
        Binding("f5,R", "go('rules')", N_("Rules and principles")),
        Binding("f6,V", "go('meetings')", N_("Meetings")),
        Binding("f7,B", "go('decisions')", N_("Decisions")),
        Binding("f8,A", "go('actions')", N_("Actions")),
        Binding("f9,J", "go('year')", N_("Year in view")),
        Binding("f10,K", "go('calendar')", N_("Annual calendar")),
        Binding("f11,E", "go('requests')", N_("Agenda requests")),
        Binding("f12,W", "go('werkagenda')", N_("Work agenda")),
        Binding("L", "take_part", N_("Meeting now")),
        Binding("q", "quit", N_("Quit")),
    ]

    def __init__(
        self,
        session: Session | None,
        db_path: Path,
        user: str | None = None,
        replica: str | None = None,
        replica_days: float | None = None,
        clock: Clock | None = None,
        files: HostFiles = LOCAL,
        in_browser: bool = False,
        present: bool = False,
    ) -> None:
        if in_browser:
            # The browser keeps ctrl+p (print) and the F-keys for itself where it can; the
            # palette's key there is one the browser leaves to the page.
            self.COMMAND_PALETTE_BINDING = "ctrl+k"  # type: ignore[misc]
            self.COMMAND_PALETTE_DISPLAY = "^k"  # type: ignore[misc]
        if session is not None:
            # Start straight on the dashboard (not a blank screen and then a mode switch).
            self.DEFAULT_MODE = "dashboard"  # type: ignore[misc]
        super().__init__()
        self.session = session
        #: the process's one clock: the session's, or (before a board exists) the face's
        self.clock: Clock = session.now if session is not None else (clock or process_clock())
        self.db_path = db_path
        self.user = user
        self.replica = replica
        self.replica_days = replica_days
        #: the host's files as this session may reach them (closed over SSH)
        self.files = files
        #: served in a browser tab (`boardroom serve`): the footer shows the keys a browser
        #: leaves to the page, and exports download to the member's browser
        self.in_browser = in_browser
        #: the room display only (`boardroom present`): for a projector, it ends with esc
        self.present = present
        #: why this session's access ended while it was open (the app then closes)
        self.access_ended: str | None = None
        self._seen_day = session.today if session is not None else None
        #: the open round this session was last shown (the app shows each new one once)
        self._offered_round: int | None = None
        #: the warm-up after the first frame is done (tests wait for it, to be deterministic)
        self.warmed_up = False
        #: when the last key or click came in (the warm-up and the collector wait for quiet)
        self.last_input = 0.0
        self.screens_ahead_init()
        for name in SCREENS:
            self.add_mode(name, partial(self._mode_screen, name))
        if session is not None:
            self._describe_board()

    def on_mount(self) -> None:
        if self.session is None:
            from boardroom.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(self.db_path))
        else:
            if self.present:
                from boardroom.tui.screens.present import RoomDisplay

                self.push_screen(RoomDisplay(standalone=True))
                return
            if self.session.user is None:
                self.notify(_("Read-only: start with --as NAME to make changes."), timeout=6)
            self._resume_meeting()

    def _resume_meeting(self) -> None:
        """A meeting in progress (the app was closed or killed): reopen its console."""
        assert self.session is not None
        running = meeting_to_resume(self.session)
        if running is not None:
            from boardroom.tui.screens.console import MeetingConsole

            self.push_screen(MeetingConsole(running))

    def on_ready(self) -> None:
        self.collect_between_keys()
        self._warm_steps = self._warm_up_steps()
        self.set_timer(0.05, self._warm_next)
        self._seen_version = self.session.database.data_version() if self.session else None
        if self.session is not None and self._access_gone():  # ended while the app started
            return
        self.set_interval(LIVE_INTERVAL, self._watch_board)
        self.start_replication()
        self._offer_round()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self.last_input = time.monotonic()
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.collect_as_usual()

    def _watch_board(self) -> None:
        """Live screens (docs/architecture.md §6): when another session committed, every screen of the
        current stack in sight shows it; a screen covered by another, and the screens of other
        modes, when they are shown again."""
        if self.session is None:
            return
        version = self.session.database.data_version()
        today = self.session.today
        if version == self._seen_version and today == self._seen_day:
            return
        self._seen_version, self._seen_day = version, today
        if self._access_gone():
            return
        covered = False  # by a screen that is not a modal: out of sight until shown again
        for screen in reversed(self.screen_stack):
            hidden, covered = covered, covered or not isinstance(screen, ModalScreen)
            if hidden and getattr(screen, "RELOADS_ON_RESUME", False):
                continue  # it reads the board again when it is shown (twenty sessions…)
            changed = getattr(screen, "board_changed", None)
            # a screen pushed but not mounted yet reads the board when it mounts; its widgets
            # are not there to show a change before that
            if changed is not None and screen.is_mounted:
                try:
                    changed()
                except BoardroomError as error:  # e.g. the row shown was removed meanwhile
                    self.notify(str(error), severity="warning")
        self._offer_round()

    def _offer_round(self) -> None:
        """When the chair opens a vote or a consent round, every member's session shows it
        with the keys to answer, over whatever screen they are on — not over the screens
        that record it (the chair's and the secretary's) or the room display."""
        if self.session is None or self.session.user is None:
            return
        from boardroom.services.answering import open_round

        current = open_round(self.session)
        round_id = current.id if current is not None else None
        if round_id == self._offered_round:
            return
        self._offered_round = round_id
        if round_id is None:
            return
        from boardroom.domain.permissions import Capability
        from boardroom.tui.screens.console import MeetingConsole
        from boardroom.tui.screens.present import RoomDisplay
        from boardroom.tui.screens.round import RoundScreen
        from boardroom.tui.screens.taking_part import TakingPartScreen

        recording = self.session.can(Capability.RECORD)
        for screen in self.screen_stack:
            if isinstance(screen, (RoundScreen, RoomDisplay, TakingPartScreen)) or (
                recording and isinstance(screen, MeetingConsole)
            ):
                return
        self.push_screen(TakingPartScreen(opened_for=round_id))

    def action_take_part(self) -> None:
        """The meeting as a member follows it, with the keys to answer and to ask for the
        floor (the app opens it by itself when a round opens)."""
        from boardroom.tui.screens.taking_part import TakingPartScreen

        if self.session is not None and not isinstance(self.screen, TakingPartScreen):
            self.push_screen(TakingPartScreen())

    def _access_gone(self) -> bool:
        """Over SSH: the key was removed or its member deactivated (by someone else, or by the
        date): the session ends now, and the member's terminal says why."""
        from boardroom.services.access import access_ended

        assert self.session is not None
        reason = access_ended(self.session)
        if reason is None:
            return False
        self.access_ended = _("your access to the board ended: {reason}").format(reason=reason)
        self.exit(return_code=1)
        return True

    def _warm_up_steps(self) -> Iterator[Callable[[], object]]:
        """After the first frame: what the first visit of each screen would otherwise do. The
        lists first, in the order a chair most likely opens them (a list opened before it was
        built ahead costs some 200 ms against 80), then what the first write needs, then the
        screens of a meeting."""
        from boardroom.services.warmup import warm_up_steps

        for mode in PREBUILD_ORDER:
            yield partial(self._prebuild, mode)
        yield from warm_up_steps()
        for module in ("console", "agenda", "vote", "consent", "attendance", "closing"):
            yield partial(import_module, f"boardroom.tui.screens.{module}")

    def _mode_screen(self, mode: str) -> Screen[None]:
        """A mode's screen on its first opening: the one the warm-up built, else a new one."""
        screen = self.built_ahead(mode)
        if screen is None:
            screen = screen_factory(SCREENS[mode][0])()
            self.styled_now(screen)
        return screen

    def _prebuild(self, mode: str) -> AwaitMount | None:
        if self.session is None:
            return None
        return self.build_ahead(mode, screen_factory(SCREENS[mode][0]))

    def _warm_next(self) -> None:
        """One small step at a time, a list's screen wholly built before the next is begun,
        and no step while someone is at the keys. A chair's F7 half a second after start
        waited for a dozen lists being built at once (335 ms, bench/record.py); now it waits
        for one step at most."""
        if time.monotonic() - self.last_input < WARM_QUIET:
            self.set_timer(WARM_QUIET, self._warm_next)
            return
        step = next(self._warm_steps, None)
        if step is None:
            self.warmed_up = True
            self.freeze_garbage()  # the lists built ahead live as long as the app, too
            return
        result = step()
        if isinstance(result, AwaitMount):  # a list being built: go on once it is mounted
            # a partial, not a coroutine: one made now would be left unawaited by an app that
            # ends before its worker starts
            self.run_worker(partial(self._warm_after, result), group="warm-up")
        else:
            # a timer, not call_later: the app's queue would never run empty, and a key the
            # terminal sent meanwhile would wait for the whole warm-up to reach the app
            self.set_timer(WARM_PAUSE, self._warm_next)

    async def _warm_after(self, mounted: AwaitMount) -> None:
        await mounted
        self.set_timer(WARM_PAUSE, self._warm_next)

    def _describe_board(self) -> None:
        """The header: the board's name, and who is using the app in which roles."""
        assert self.session is not None
        try:
            self.title = self._board_name = board_summary(self.session).name
        except BoardroomError as error:
            self.title = self._board_name = str(error)
        user = self.session.user
        self.sub_title = (
            f"{user.name} · {', '.join(label(r) for r in user.roles)}" if user else _("read-only")
        )

    def open_board(self, path: Path, user: str | None) -> None:
        """Called by the welcome screen once a board exists."""
        try:
            self.session = open_session(path, self.clock, as_name=user)
        except BoardroomError as error:
            self.notify(str(error), severity="error")
            return
        self.db_path = path
        self._seen_version = self.session.database.data_version()
        self._seen_day = self.session.today
        self.pop_screen()
        self._describe_board()
        self.switch_mode("dashboard")

    def action_go(self, mode: str) -> None:
        """An F-key always reaches its list: from a screen opened on top of it (a console, an
        agenda, a decision) as well as from another list."""
        if self.session is None:
            return
        if self.current_mode != mode:
            self.switch_mode(mode)
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ModalScreen):
            self.pop_screen()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.session is None:
            return
        for name, (_screen, title, help_text) in SCREENS.items():
            yield SystemCommand(
                f"{_('Go to')}: {_(title)}", _(help_text), partial(self.action_go, name)
            )
        where = _(getattr(screen, "TITLE_TEXT", "")) or screen.__class__.__name__
        for binding in getattr(screen, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.description:
                yield SystemCommand(
                    f"{_(binding.description)} · {where}",
                    f"{_('key')}: {binding.key}",
                    partial(screen.run_action, binding.action),
                )
