"""PIN entry: dots for digits, the keypad, and an OK button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from intake.auth import PIN_MAX, PIN_MIN
from ui.style import apart, mm
from ui.widgets.base import Retranslating
from ui.widgets.keypad import Keypad
from ui.widgets.reasons import enable


class PinPad(Retranslating, QWidget):
    """Collects a PIN of 4 to 8 digits; emits `submitted(pin)` and clears itself."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dots = QLabel(self)
        self.dots.setProperty("role", "display")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setMinimumHeight(mm(20))
        self.keypad = Keypad(max_digits=PIN_MAX, number=False, parent=self)
        self.ok_button = QPushButton(self)
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.setMinimumHeight(mm(20))
        column = QVBoxLayout(self)
        column.setSpacing(apart())
        column.addWidget(self.dots)
        column.addWidget(self.keypad, 1)
        column.addWidget(self.ok_button)
        self.keypad.changed.connect(self._show)
        self.ok_button.clicked.connect(self.submit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._show("")
        self.retranslate()

    def retranslate(self) -> None:
        self.ok_button.setText(self.tr("OK"))


    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            self.keypad.keyPressEvent(event)

    def clear(self) -> None:
        self.keypad.clear()

    def submit(self) -> None:
        pin = self.keypad.text()
        if len(pin) >= PIN_MIN:
            self.keypad.clear()
            self.submitted.emit(pin)

    def _show(self, text: str) -> None:
        self.dots.setText("●" * len(text) if text else "—")
        enable(self.ok_button, len(text) >= PIN_MIN,
               self.tr("Type your PIN first: at least {n} digits").format(n=PIN_MIN))
