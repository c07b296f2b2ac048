"""The app's sync with its hub, in the background (issue 13; docs/stations.md).

While the app runs on a station that joined a hub:
- a reader thread LISTENs for the site's news (`db.hub.listen`) and hands each wake-up to
  the UI thread through an `Inbox`, which asks for a round at once, so that an item labelled
  at the gate is scannable at another station within a second or two;
- every POLL_MS the UI thread looks (two indexed look-ups) whether this station has steps or
  configuration the hub has not confirmed, and asks for a round when it has;
- a round runs on the `Worker` with the worker thread's own connection (SQLite connections
  stay on their thread), never two at once: news that comes during a round asks for one more;
- a hub out of reach is tried again after RETRY_S, and a quiet hub every PERIOD_S.
`changed` tells the top bar that the state it shows ("Verbonden", or "Offline sinds 10:42 ·
37 te versturen") changed. The settings' Stations section joins a hub through `join` (on the
same worker, so a join and a round never overlap) and follows the rounds through `progress`,
`round_done` and `round_failed`.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from db import Store
from db.hub.listen import listen
from intake.clock import Clock
from intake.errors import AmbachtError
from intake.hub_join import Joined, join
from intake.hub_sync import SyncReport, SyncService, SyncState
from ui.background import Inbox, Worker

log = logging.getLogger("ambacht")
POLL_MS = 100
RETRY_S = 15.0
PERIOD_S = 60.0


class BackgroundSync(QObject):
    """Sync rounds of the app's database with its hub, off the UI thread."""

    changed = Signal()  # the state (`state()`) the top bar shows changed
    progress = Signal(object)  # SyncReport: what a running round moved so far
    round_done = Signal(object)  # SyncReport of a round that ended
    round_failed = Signal(object)  # the exception a round ended with
    joined = Signal(object)  # Joined: this station joined a site
    join_failed = Signal(object)  # the exception a join ended with (nothing changed)

    def __init__(self, store: Store, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.clock = store, clock
        self._worker = Worker("sync", parent=self)
        self._news: Inbox[bool] = Inbox(lambda _news: self.request(), latest_only=True,
                                        parent=self)
        self._progress: Inbox[SyncReport] = Inbox(self.progress.emit, latest_only=True,
                                                  parent=self)
        self._look_timer = QTimer(self)
        self._look_timer.setInterval(POLL_MS)
        self._look_timer.timeout.connect(self._look)
        self._state: SyncState | None = None
        self._busy = self._again = False
        self._retry_at = self._last_round = 0.0
        self._retrying = False  # the last round failed: the next comes after RETRY_S
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None
        self._round_store: Store | None = None  # the worker thread's own connection

    def start(self) -> None:
        """Begin, on a station that joined a hub (otherwise nothing runs)."""
        service = SyncService(self.store, self.clock)
        self._state = service.state()
        if self._state is None or self.store.path == ":memory:" or self.running():
            return
        link = service.link()
        self._listener = threading.Thread(
            target=listen, args=(link.address, link.letter, lambda: self._news.put(True),
                                 self._stop), name="ambacht-hub-news", daemon=True)
        self._listener.start()
        self._news.start()
        self._look_timer.start()
        self.request()

    def running(self) -> bool:
        """Whether rounds run (a station that joined a hub, after `start`)."""
        return self._look_timer.isActive()

    def join(self, hub: str, site: str) -> None:
        """UI thread: join `site` on the hub `hub` (a join code or the administrator's URL)
        on the worker; then `joined` and the first round (which brings the site's history in),
        or `join_failed` with nothing changed."""
        self._busy = True
        self._worker.submit(lambda: self._join(hub, site), self._join_done, self._join_failed)

    def _join(self, hub: str, site: str) -> Joined:
        """Worker thread: the join, on this thread's own connection to the app's file."""
        return join(hub, site, Path(self.store.path), self.clock, self._own_store())

    def _join_done(self, joined: Joined) -> None:
        self._busy = False
        self._refresh()
        self.joined.emit(joined)
        self.start()

    def _join_failed(self, exc: Exception) -> None:
        self._busy = False
        self.join_failed.emit(exc)

    def state(self) -> SyncState | None:
        """The hub's state as last seen; None on a station without a hub."""
        return self._state

    def request(self) -> None:
        """UI thread: run a round now, or right after the one running."""
        if self._busy:
            self._again = True
            return
        self._busy, self._last_round = True, time.monotonic()
        self._progress.start()
        self._worker.submit(self._round, self._done, self._failed)

    def stop(self) -> None:
        """UI thread: stop listening and wait for a round running to end."""
        self._stop.set()
        self._look_timer.stop()
        self._news.stop()
        self._progress.stop()
        self._worker.submit(self._close, lambda _none: None)
        self._worker.wait()
        if self._listener is not None:
            self._listener.join(timeout=2.0)

    def _own_store(self) -> Store:
        """Worker thread: its own connection to the app's file (made once)."""
        if self._round_store is None:
            self._round_store = Store.open(self.store.path)
        return self._round_store

    def _round(self) -> SyncReport:
        """Worker thread: one round on this thread's own connection."""
        return SyncService(self._own_store(), self.clock).round(self._progress.put)

    def _close(self) -> None:
        if self._round_store is not None:
            self._round_store.close()
            self._round_store = None

    def _done(self, report: SyncReport) -> None:
        self._busy, self._retry_at, self._retrying = False, 0.0, False
        self._progress.stop()
        self._refresh()
        self.round_done.emit(report)
        if self._again:
            self._again = False
            self.request()

    def _failed(self, exc: Exception) -> None:
        self._busy, self._again = False, False
        # Out of reach or refused: try again after RETRY_S even with nothing to send, so the
        # state shown (offline, revoked) follows the hub rather than the last minute's round.
        self._retry_at, self._retrying = time.monotonic() + RETRY_S, True
        if isinstance(exc, AmbachtError):
            log.warning("sync with the hub: %s", exc)
        else:
            log.error("sync with the hub failed", exc_info=exc)
        self._progress.stop()
        self._refresh()
        self.round_failed.emit(exc)

    def _look(self) -> None:
        """UI thread, every POLL_MS: show the state; a round when there is work waiting."""
        self._refresh()
        now, state = time.monotonic(), self._state
        waiting = state is not None and (state.waiting > 0 or state.config_waiting)
        if not self._busy and now >= self._retry_at and (
                waiting or self._retrying or now - self._last_round >= PERIOD_S):
            self.request()

    def _refresh(self) -> None:
        state = SyncService(self.store, self.clock).state()
        if state != self._state:
            self._state = state
            self.changed.emit()
