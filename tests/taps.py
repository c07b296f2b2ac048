"""Driving the window by taps, as a person does: only what is shown and enabled can be tapped.

`counting()` counts the taps of a flow, so that a test can hold the number of taps a person
needs (an intake, a sale, a return) and a change that adds one is noticed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.main_window import MainWindow


@dataclass
class TapCount:
    taps: int = 0


_COUNTING: list[TapCount] = []


@contextmanager
def counting() -> Iterator[TapCount]:
    """Count the taps made inside the block."""
    count = TapCount()
    _COUNTING.append(count)
    try:
        yield count
    finally:
        _COUNTING.remove(count)


def tap(qtbot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    for count in _COUNTING:
        count.taps += 1
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def log_in(qtbot, window: MainWindow, pin: str) -> None:
    """Type `pin` on the login keypad and tap OK."""
    for digit in pin:
        tap(qtbot, window.login.pinpad.keypad.buttons[digit])
    tap(qtbot, window.login.pinpad.ok_button)


def idle_out(window: MainWindow) -> None:
    """Let the idle time run out: "Are you still there?" comes, and counts down unanswered."""
    window.idle_timer.timeout.emit()
    panel = window.still_there
    assert panel is not None and panel.isVisible()
    while window.still_there is not None:
        panel.tick()
