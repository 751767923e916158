"""Screens built ahead, styled once and resumed once (see boardroom.tui.internals).

Private names used: App `_load_screen_css`, `_get_screen`, `_screen_stacks` and
`_css_update_count`; Screen `_css_update_count` and its `_on_screen_resume` handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.screen import Screen
from textual.widget import AwaitMount

from boardroom.tui import internals

if TYPE_CHECKING:
    from textual.app import App

    AppBase = App[None]
else:
    AppBase = object


class ResumedOnce(Screen[None]):
    """A screen that handles one ScreenResume per showing, and is not styled again on its
    first showing when it was styled ahead with the stylesheet as it still is."""

    _resume_posted = False  # a ScreenResume is on its way and not yet handled
    styled_ahead = False  # built ahead by the warm-up, styled, never shown yet

    def post_message(self, message: Message) -> bool:
        """Textual posts two ScreenResume on a mode's first opening (one as it makes the
        mode's stack, one as it switches to it): each styled the whole screen again and
        reloaded its rows, measured a fifth of a first opening. One is enough; a resume
        after a suspend is always delivered."""
        if not internals.ENABLED:
            return super().post_message(message)
        if isinstance(message, events.ScreenResume):
            if self._resume_posted:
                return True
            self._resume_posted = True
            if self.styled_ahead and self._css_update_count == self.app._css_update_count:
                # built ahead and styled with the stylesheet as it still is: its first
                # showing need not style every widget again (a sixth of that opening)
                message = events.ScreenResume(refresh_styles=False)
            self.styled_ahead = False
        elif isinstance(message, events.ScreenSuspend):
            self._resume_posted = False
        return super().post_message(message)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        self._resume_posted = False


class ScreensAhead(AppBase):
    """The app's part: lists built and mounted off-screen before their first opening, new
    screens marked as styled when the stylesheet is current, and screens kept to be shown
    again. Call `screens_ahead_init()` at the end of the app's __init__."""

    def screens_ahead_init(self) -> None:
        #: list screens built during the warm-up, before their first opening
        self._prebuilt: dict[str, Screen[None]] = {}
        #: the stylesheet holds the theme of this CSS update count (made in App.__init__)
        self._css_current = self._css_update_count
        #: the screen kept to be shown again (a meeting's agenda), and its name
        self._kept: tuple[str, Screen[Any]] | None = None

    def refresh_css(self, animate: bool = True) -> None:
        super().refresh_css(animate)
        self._css_current = self._css_update_count

    def styled_now(self, screen: Screen[Any]) -> None:
        """A new screen is styled as it mounts, with the stylesheet as it is. When that
        stylesheet holds the latest theme (no change waits to be applied), Textual need not
        parse the whole stylesheet again and restyle the app before showing it, nor restyle
        the screen once more when it is first shown: on the first frame after start that
        was 7 ms of parsing and every widget styled three times (measured, bench/startup)."""
        if internals.ENABLED and self._css_update_count == self._css_current:
            screen._css_update_count = self._css_update_count
            if isinstance(screen, ResumedOnce):
                screen.styled_ahead = True

    def built_ahead(self, mode: str) -> Screen[None] | None:
        """The mode's screen the warm-up built, once (then it is the mode's own)."""
        return self._prebuilt.pop(mode, None)

    def build_ahead(self, mode: str, make: Callable[[], Screen[None]]) -> AwaitMount | None:
        """Build and mount a mode's screen off-screen, so its first opening (a chair's first
        F7) costs what a revisit costs: composing, styling and loading a screen is about two
        thirds of a first opening, measured on the ten-year board. It shows the board as it
        is when it is opened: a screen reloads its rows whenever it is shown."""
        if not internals.ENABLED or mode in self._prebuilt or mode in self._screen_stacks:
            return None
        screen = make()
        self._load_screen_css(screen)
        _screen, mounted = self._get_screen(screen)  # registered, mounting; shown by switch_mode
        # Without this, Textual would re-parse the whole stylesheet and re-style the app on
        # the first opening and again on the first revisit (about a tenth of each, measured).
        # A theme change still moves the app's count, and then the screen is re-styled.
        self.styled_now(screen)
        self._prebuilt[mode] = screen
        return mounted

    def push_kept(self, name: str, make: Callable[[], Screen[Any]]) -> None:
        """Show the screen kept under `name`, built first if it is not: one screen is kept
        (the agenda of the meeting opened last), so reopening it costs what a list's revisit
        costs — it reloads what changed — where building it anew composed, styled and
        mounted it each time. A screen that is on a stack already (open in another mode) is
        not shared: that opening gets a screen of its own."""
        kept = self._kept
        if kept is not None and kept[0] == name and not self._on_a_stack(kept[1]):
            self.push_screen(kept[1])
            return
        screen = make()
        if not internals.ENABLED or (kept is not None and self._on_a_stack(kept[1])):
            self.push_screen(screen)
            return
        if kept is not None:
            self.uninstall_screen(kept[1])
            kept[1].remove()
        self.install_screen(screen, name)
        self._kept = (name, screen)
        self.push_screen(screen)

    def _on_a_stack(self, screen: Screen[Any]) -> bool:
        return any(screen in stack for stack in self._screen_stacks.values())
