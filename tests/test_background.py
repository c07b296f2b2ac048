"""The one way to work in the background (`ui.background`): outcomes reach the UI thread,
in order, failures included, and nothing is emitted from a worker thread."""

from __future__ import annotations

import gc
import sys
import threading
import time

from ui.background import Inbox, Worker


def _on_ui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_a_worker_hands_results_and_failures_back_on_the_ui_thread_in_order(qtbot) -> None:
    worker = Worker("test")
    seen: list[tuple[str, object, bool]] = []
    ran_on: list[str] = []

    def task(n: int):
        def run() -> int:
            ran_on.append(threading.current_thread().name)
            if n == 3:
                raise ValueError("three")
            return n * 10
        return run

    for n in range(6):
        worker.submit(task(n), lambda value: seen.append(("done", value, _on_ui_thread())),
                      lambda exc: seen.append(("failed", str(exc), _on_ui_thread())))
    assert seen == []  # handed over by the UI thread's event loop, never at once
    qtbot.waitUntil(lambda: len(seen) == 6, timeout=5000)
    assert seen == [("done", 0, True), ("done", 10, True), ("done", 20, True),
                    ("failed", "three", True), ("done", 40, True), ("done", 50, True)]
    assert set(ran_on) == {ran_on[0]} and ran_on[0].startswith("ambacht-test")
    qtbot.waitUntil(lambda: not worker._outcomes.is_running(), timeout=2000)  # idle: no polling


def test_wait_hands_over_outcomes_and_the_tasks_they_give(qtbot) -> None:
    worker = Worker("test")
    seen: list[int] = []

    def done(value: int) -> None:
        seen.append(value)
        if value < 3:  # an outcome that gives the next task, as the print queue's does
            worker.submit(lambda: value + 1, done)

    worker.submit(lambda: 0, done)
    assert worker.wait(5)
    assert seen == [0, 1, 2, 3] and not worker.busy()
    worker.submit(lambda: time.sleep(2), lambda _none: None)
    assert not worker.wait(0.05)  # gave up waiting, says so
    assert worker.wait(5)


def test_a_failure_without_a_handler_is_logged(qtbot, caplog) -> None:
    worker = Worker("test")
    worker.submit(lambda: 1 / 0, lambda _value: None)
    assert worker.wait(5)
    assert "background task failed" in caplog.text and "ZeroDivisionError" in caplog.text


def test_an_inbox_takes_values_from_any_thread_and_keeps_only_the_latest_when_asked(
    qtbot,
) -> None:
    every: list[tuple[int, bool]] = []
    latest: list[int] = []
    inbox = Inbox(lambda value: every.append((value, _on_ui_thread())))
    newest = Inbox(latest.append, latest_only=True)
    inbox.start()

    def produce() -> None:
        for n in range(100):
            inbox.put(n)
            newest.put(n)

    thread = threading.Thread(target=produce)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(every) == 100, timeout=5000)
    assert every == [(n, True) for n in range(100)]
    assert newest.deliver() == 1 and latest == [99]
    newest.put(7)
    newest.stop()  # its source has gone: what it held is dropped
    assert newest.deliver() == 0 and latest == [99]


def test_many_round_trips_keep_reference_counts(qtbot) -> None:
    """What a signal emitted from a worker cost on PySide6 6.12.0 (see the module): here the
    worker only queues, so the counts of True and None do not drift over 500 outcomes."""
    worker = Worker("test")
    seen: list[bool] = []
    worker.submit(lambda: True, seen.append)
    assert worker.wait(5)
    gc.collect()  # what earlier tests left is freed now, not during the count
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(500):
        worker.submit(lambda: True, seen.append)
    assert worker.wait(10)
    seen.clear()
    drift = sys.getrefcount(True) - before[0], sys.getrefcount(None) - before[1]
    assert abs(drift[0]) < 10 and abs(drift[1]) < 10, drift
