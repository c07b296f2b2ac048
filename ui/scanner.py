"""The barcode scanner: a USB keyboard that types a code in a fast burst and presses Enter.

One filter on the whole application holds back printable keys for a moment. A burst that is
fast enough, long enough and ends in Enter (or Tab, as some scanners are set) is a scan: it is
emitted as `scanned(code)` and never reaches the field that had focus. Anything slower is a
person typing, and the held keys are delivered to where they were going, in order.

How slow a scanner may type is a station setting (a Bluetooth scanner on a busy PC is slower
than a USB one). A burst that almost made it - long enough and ending in Enter, but with one
pause of up to three times that gap - is a scanner that stumbled: it is emitted as
`unrecognised()`, so that the screen asks for the label again, rather than dropped without a
word or typed into a field.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from devices.settings import scan_gap_s

MIN_LENGTH = 4  # shorter bursts are keys pressed together, not a code
NEAR_MISS = 3  # one pause up to this many times the gap, in a burst, is a scanner stumbling
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
    unrecognised = Signal()

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic,
        max_gap: Callable[[], float] = lambda: scan_gap_s({}),
    ) -> None:
        """`max_gap`: the station's longest pause between two keys of a burst, in seconds."""
        super().__init__(parent)
        self.clock = clock  # seconds; tests give a clock of their own
        self.max_gap = max_gap
        self._held: list[_HeldKey] = []
        self._stumbled = False  # the held burst had one pause longer than the gap
        self._last = 0.0
        self._replaying = False
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.timeout.connect(self.release)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = Qt.Key(event.key())
        if key in _MODIFIERS:
            return False  # a scanner presses Shift for capitals; it is part of the burst
        now = self.clock()
        gap, max_gap = now - self._last, self.max_gap()
        slow = bool(self._held) and gap > max_gap
        if key in _ENDS:
            if len(self._held) >= MIN_LENGTH and not slow and not self._stumbled:
                code = "".join(held.text for held in self._held)
                self._drop()
                self.scanned.emit(code)
                return True
            if (len(self._held) >= MIN_LENGTH and gap <= NEAR_MISS * max_gap
                    and not (slow and self._stumbled)):
                self._drop()  # a stumbled scan: its keys were never meant for the field
                self.unrecognised.emit()
                return True
            self.release()
            return False
        text = event.text()
        if len(text) != 1 or not text.isprintable():
            self.release()
            return False
        if slow:
            if gap <= NEAR_MISS * max_gap and not self._stumbled:
                self._stumbled = True  # a scanner stumbling, or a person: Enter will tell
            else:
                self.release()  # a person typing
        self._held.append(_HeldKey(watched, event.key(), event.modifiers(), text))
        self._last = now
        # Wait as long as a stumble may last before handing the keys to the field.
        self._release.start(round(NEAR_MISS * max_gap * 1000) + 10)
        return True

    def _drop(self) -> None:
        self._held.clear()
        self._stumbled = False
        self._release.stop()

    def release(self) -> None:
        """Deliver the held keys to where they were going (a person was typing)."""
        held, self._held = self._held, []
        self._stumbled = False
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
