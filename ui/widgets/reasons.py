"""Why a button is off: a tap on a disabled button says so in the screen's banner.

Qt gives a disabled button no clicks, so a newcomer who taps one learns nothing. A screen
disables a button with `enable(button, False, reason)`; `DisabledReasons`, one application-wide
event filter, catches a press on a disabled widget (or inside one: the keys of a disabled
keypad) that has a reason and shows it in the banner of the screen it is on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from ui.widgets.base import Banner

REASON = "reason"  # the widget property that holds why it is disabled
_PRESSES = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


def enable(widget: QWidget, on: bool, reason: str) -> None:
    """Enable `widget`, or disable it with the short `reason` that a tap on it shows.

    A reason shown in the banner goes when it holds no more (the category was chosen after
    "Choose a category first"): a message never outlives its cause."""
    before = str(widget.property(REASON) or "")
    widget.setEnabled(on)
    widget.setProperty(REASON, "" if on else reason)
    if before and before != widget.property(REASON):
        banner = banner_of(widget)
        if banner is not None and banner.is_error() and banner.text() == before:
            banner.hide()


def reason_of(widget: QWidget) -> str:
    """Why a tap on `widget` does nothing: the reason of the outermost disabled widget it is
    in (a disabled keypad, for its keys), which is the cause; "" when it is enabled or the
    cause has no reason (the PIN pad while the station is locked, whose message shows)."""
    cause: QWidget | None = None
    current: QWidget | None = widget
    while current is not None and not current.isEnabled():
        cause, current = current, current.parentWidget()
    return str(cause.property(REASON) or "") if cause is not None else ""


def banner_of(widget: QWidget) -> Banner | None:
    """The banner of the screen (or PIN screen) that `widget` is on, if it has one."""
    current: QWidget | None = widget
    while current is not None:
        for name in ("banner", "message"):
            found = getattr(current, name, None)
            if isinstance(found, Banner):
                return found
        current = current.parentWidget()
    return None


class DisabledReasons(QObject):
    """Shows the reason of a disabled widget that was tapped; lives as long as its window."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _PRESSES or not isinstance(watched, QWidget) or (
                watched.isEnabled()):
            return False
        reason = reason_of(watched)
        banner = banner_of(watched) if reason else None
        if banner is None:
            return False
        banner.error(reason)
        return True  # taken: the press does not travel on to the parents to be told again
