"""Driving the window by taps, as a person does: only what is shown and enabled can be tapped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.main_window import MainWindow


def tap(qtbot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def log_in(qtbot, window: MainWindow, pin: str) -> None:
    """Type `pin` on the login keypad and tap OK."""
    for digit in pin:
        tap(qtbot, window.login.pinpad.keypad.buttons[digit])
    tap(qtbot, window.login.pinpad.ok_button)
