"""Work off the UI thread, with its outcomes handed back on the UI thread: the one way the app
does background work (printing, backups, the start-up check, the serial devices' readers).

Why no signal is emitted from a worker thread:
- a slot connected as a plain function or lambda has no thread of its own, so Qt runs it on
  the thread that emits: a worker's emit would touch widgets and the database connection from
  the wrong thread;
- PySide6 6.12.0 on Python 3.11 also lost a reference (to `True`, `None`) on emits and timer
  starts, and the interpreter crashed at exit after a few hundred of them
  (`tests/test_qt_refcounts.py` guards the versions we allow).

So a worker only puts what it has into a thread-safe queue, and a QTimer that lives on the UI
thread takes it out and calls the handler there (`tests/test_background.py`). The timer runs
only while something is expected, so an idle app does not wake up for nothing.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

T = TypeVar("T")
POLL_MS = 50
log = logging.getLogger("ambacht")


class Inbox(QObject, Generic[T]):
    """Values put from any thread, handed one by one to `handler` on the UI thread while the
    inbox runs. With `latest_only` a new value replaces one not yet handed over (a scale
    says its weight ten times a second; only the newest matters). With `keep_running` the inbox
    stops by itself, keeping nothing back, once that says no more values will come."""

    def __init__(self, handler: Callable[[T], None], *, latest_only: bool = False,
                 keep_running: Callable[[], bool] | None = None, poll_ms: int = POLL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self._keep_running = keep_running
        self._latest_only = latest_only
        self._values: queue.SimpleQueue[T] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._latest: list[T] = []  # the one value kept with latest_only
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._tick)

    def put(self, value: T) -> None:
        """Any thread: leave a value for the UI thread."""
        if self._latest_only:
            with self._lock:
                self._latest[:] = [value]
        else:
            self._values.put(value)

    def start(self) -> None:
        """UI thread: start handing values over."""
        self._timer.start()

    def stop(self) -> None:
        """UI thread: stop handing values over and drop any left (their source is gone)."""
        self._timer.stop()
        self._take()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def deliver(self) -> int:
        """UI thread: hand over every value there now; how many there were."""
        values = self._take()
        for value in values:
            self._handler(value)
        return len(values)

    def _tick(self) -> None:
        self.deliver()
        if self._keep_running is not None and not self._keep_running():
            self.deliver()  # what came in while `keep_running` was asked
            self._timer.stop()

    def _take(self) -> list[T]:
        if self._latest_only:
            with self._lock:
                values, self._latest[:] = list(self._latest), []
            return values
        values = []
        while True:
            try:
                values.append(self._values.get_nowait())
            except queue.Empty:
                return values


class Worker(QObject):
    """One background thread that runs tasks in the order given; each task's result goes to
    its `done` callback, or what it raised to its `failed` callback, on the UI thread."""

    def __init__(self, name: str, *, poll_ms: int = POLL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"ambacht-{name}")
        self._pending: set[Future[Any]] = set()
        self._outcomes: Inbox[Callable[[], None]] = Inbox(
            lambda outcome: outcome(), keep_running=self.busy, poll_ms=poll_ms, parent=self)

    def submit(self, task: Callable[[], T], done: Callable[[T], None],
               failed: Callable[[Exception], None] | None = None) -> None:
        """UI thread: run `task` in the background. Without `failed`, an exception is logged."""
        def run() -> None:
            try:
                result = task()
            except Exception as exc:  # noqa: BLE001 - every failure reaches the UI thread
                self._outcomes.put(lambda exc=exc: (failed or _log_failure)(exc))
            else:
                self._outcomes.put(lambda: done(result))

        self._pending.add(self._executor.submit(run))
        self._outcomes.start()

    def busy(self) -> bool:
        """Whether a task given runs or waits to run."""
        self._pending = {future for future in self._pending if not future.done()}
        return bool(self._pending)

    def wait(self, seconds: float = 30.0) -> bool:
        """UI thread: block until every task given is done and its outcome handed over,
        including tasks the outcomes give in turn (shutdown and tests); False when `seconds`
        ran out first."""
        deadline = time.monotonic() + seconds
        while True:
            _, not_done = wait_for(self._pending, timeout=max(0.0, deadline - time.monotonic()))
            self._outcomes.deliver()
            if not_done:
                return False
            if not self.busy():
                return True


def _log_failure(exc: Exception) -> None:
    log.error("background task failed", exc_info=exc)
