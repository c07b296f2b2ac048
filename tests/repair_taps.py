"""Answering the workshop's repair-done flow by taps, for the screen tests."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from taps import tap

from ui.main_window import MainWindow
from ui.screens.repair_flow import OTHER, RepairFlowPanel
from ui.widgets.keyboard import TextEntryPanel


def flow(window: MainWindow) -> RepairFlowPanel:
    """The repair-done flow shown."""
    [shown] = [p for p in window.findChildren(RepairFlowPanel) if p.isVisible()]
    return shown


def pick(qtbot, window: MainWindow, key: str) -> None:
    """Tap one of the step's choices."""
    tap(qtbot, flow(window).option_buttons[key])


def number(qtbot, window: MainWindow, text: str) -> None:
    """Type a number on the step's keypad (its first digit replaces a number offered), then
    OK."""
    panel = flow(window)
    assert panel.keypad is not None
    for key in text:
        tap(qtbot, panel.keypad.buttons[key])
    tap(qtbot, panel.ok_button)


def other(qtbot, window: MainWindow, text: str) -> None:
    """'Other…', then type the answer on the keyboard."""
    pick(qtbot, window, OTHER)
    [typed] = [p for p in window.findChildren(TextEntryPanel) if p.isVisible()]
    note = QCoreApplication.translate("RepairFlowPanel", "No names, please: the answers go "
                                      "into the repair records (ORDS export).")
    assert note in [label.text() for label in typed.findChildren(QLabel)]  # typed: no names
    typed.type_text(text)
    tap(qtbot, typed.ok_button)
