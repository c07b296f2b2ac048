"""Guard against a Qt binding that leaks or drops references on the app's hot paths.

PySide6 6.12.0 on Python 3.11 decremented the reference count of None on every QTimer start
and of True on every signal emit; the app restarts its idle timer on every tap, so it aborted
after a few thousand taps. Counts must not drift.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class _Emitter(QObject):
    happened = Signal(str, str)


def _drift(action, times: int = 200) -> tuple[int, int]:
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(times):
        action()
    return sys.getrefcount(None) - before[0], sys.getrefcount(True) - before[1]


def test_timer_restarts_keep_reference_counts(qapp) -> None:
    timer = QTimer()
    timer.setInterval(1000)
    none_drift, _ = _drift(lambda: (timer.start(), timer.stop()))
    assert abs(none_drift) < 10


def test_signal_emits_keep_reference_counts(qapp) -> None:
    emitter = _Emitter()
    received: list[str] = []
    emitter.happened.connect(lambda code, _text: received.append(code))
    _, true_drift = _drift(lambda: emitter.happened.emit("A000001", "ok"))
    assert abs(true_drift) < 10 and len(received) == 200
