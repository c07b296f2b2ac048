"""The barcode scanner: a USB keyboard that types a code in a fast burst and presses Enter.

One filter on the whole application holds back printable keys for a moment. A burst that is
fast enough, long enough and ends in Enter (or Tab, as some scanners are set) is a scan: it is
emitted as `scanned(code)` and never reaches the field that had focus. Anything slower is a
person typing, and the held keys are delivered to where they were going, in order.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

MAX_GAP_S = 0.05  # scanners type a character every 2 to 20 ms; people need 80 ms or more
MIN_LENGTH = 4  # shorter bursts are keys pressed together, not a code
_ENDS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab}
_MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr,
              Qt.Key.Key_Meta}


@dataclass
class _HeldKey:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScannerFilter(QObject):
    """Install on the QApplication; connect to `scanned`."""

    scanned = Signal(str)

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.clock = clock  # seconds; tests give a clock of their own
        self._held: list[_HeldKey] = []
        self._last = 0.0
        self._replaying = False
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.setInterval(round(MAX_GAP_S * 1000) + 10)
        self._release.timeout.connect(self.release)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = Qt.Key(event.key())
        if key in _MODIFIERS:
            return False  # a scanner presses Shift for capitals; it is part of the burst
        now = self.clock()
        quick = bool(self._held) and now - self._last <= MAX_GAP_S
        if key in _ENDS:
            if quick and len(self._held) >= MIN_LENGTH:
                code = "".join(held.text for held in self._held)
                self._held.clear()
                self._release.stop()
                self.scanned.emit(code)
                return True
            self.release()
            return False
        text = event.text()
        if len(text) != 1 or not text.isprintable():
            self.release()
            return False
        if self._held and not quick:
            self.release()  # a pause: what came before was typed by a person
        self._held.append(_HeldKey(watched, event.key(), event.modifiers(), text))
        self._last = now
        self._release.start()
        return True

    def release(self) -> None:
        """Deliver the held keys to where they were going (a person was typing)."""
        held, self._held = self._held, []
        self._release.stop()
        self._replaying = True
        try:
            for key in held:
                if shiboken6.isValid(key.target):  # the field may have closed meanwhile
                    QApplication.sendEvent(
                        key.target,
                        QKeyEvent(QEvent.Type.KeyPress, key.key, key.modifiers, key.text),
                    )
        finally:
            self._replaying = False
