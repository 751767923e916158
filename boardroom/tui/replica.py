"""The app's replication (docs/architecture.md §9): Litestream started in the background once the
first frame is drawn, and the header saying how current the replica is. The meeting never
waits on the replica: a failing one is a warning, and everything is still saved locally."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from boardroom.domain.errors import BoardroomError
from boardroom.i18n import _

if TYPE_CHECKING:
    from pathlib import Path

    from boardroom.services.replication import Replication
    from boardroom.services.session import Session

#: A replica synced within this many seconds is shown as up to date.
REPLICA_CURRENT_S = 5


class ReplicaStatus:
    """Mixed into the app: `start_replication` after the first frame, `stop_replication` at
    the end; the header's title carries the state."""

    replica: str | None
    replica_days: float | None
    db_path: Path
    session: Session | None
    _board_name: str
    replication: Replication | None = None
    _replica_warned = False
    if TYPE_CHECKING:  # the app's, which this is mixed into
        title: str
        notify: Callable[..., None]
        call_from_thread: Callable[..., Any]
        run_worker: Callable[..., Any]
        set_interval: Callable[..., Any]

    def start_replication(self) -> None:
        """Check the replica and start Litestream on a worker thread; the state every second."""
        if self.replica and self.session is not None:
            self.run_worker(self._start_replication, thread=True, exit_on_error=False)
            self.set_interval(1, self._show_replica)

    def _start_replication(self) -> None:
        from boardroom.services.replication import Replication, history
        from boardroom.storage.litestream import parse_replica

        try:
            self.replication = Replication(
                self.db_path,
                parse_replica(self.replica or ""),
                history(self.replica_days),
            )
            self.replication.start()
        except BoardroomError as error:
            self.call_from_thread(
                self.notify,
                f"{_('The board is not replicated')}: {error}",
                severity="error",
                timeout=20,
            )

    def _show_replica(self) -> None:
        """The header says how current the replica is, or that it is failing."""
        if self.replication is None or self.session is None:
            return
        state = self.replication.state()
        if self.replication.elsewhere:
            text = _("replicated by another boardroom on this machine")
        elif state.error:
            text = f"⚠ {_('replica failing')}: {state.error}"
            if not self._replica_warned:
                self._replica_warned = True
                self.notify(
                    f"{_('The replica is failing; the meeting goes on, saved on this machine')}:"
                    f" {state.error}",
                    severity="warning",
                    timeout=15,
                )
        elif state.synced_at is None:
            text = _("replica: starting")
        else:
            self._replica_warned = False
            seconds = max(0, int(time.monotonic() - state.synced_at))
            # Litestream syncs every second: "up to date" holds still in the header (a header
            # that changes every second is drawn every second); a lag shows in seconds.
            text = (
                _("replica up to date")
                if seconds <= REPLICA_CURRENT_S
                else _("replicated {seconds} s ago").format(seconds=seconds)
            )
        title = f"{self._board_name} · {text}"
        if self.title != title:
            self.title = title

    def stop_replication(self) -> None:
        if self.replication is not None:
            self.replication.stop()
            self.replication = None
