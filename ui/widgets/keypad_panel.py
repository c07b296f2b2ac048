"""A number asked over the screen: a title, what was typed, the keypad, OK and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.style import MIN_TARGET_MM, mm
from ui.widgets.keypad import Keypad, shown_with_unit
from ui.widgets.panels import Panel


class KeypadPanel(Panel):
    """Asks for a number (or a PIN, shown as dots with `secret`); emits `entered(text)`,
    or `entered("")` from the `skip` button of an optional question."""

    entered = Signal(str)

    def __init__(
        self, host: QWidget, title: str, *, decimals: int = 0, max_digits: int = 8,
        unit: str = "", secret: bool = False, skip: str | None = None,
    ) -> None:
        super().__init__(host, title)
        self.unit, self.secret = unit, secret
        self.display = QLabel(self)
        self.display.setProperty("role", "display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.keypad = Keypad(decimals=decimals, max_digits=max_digits, number=not secret,
                             parent=self)
        self.keypad.setMinimumSize(mm(80), mm(70))
        self.keypad.changed.connect(self._show)
        self.body.addWidget(self.display)
        self.body.addWidget(self.keypad)
        row = QHBoxLayout()
        cancel = self.button(self.tr("Cancel"))
        cancel.clicked.connect(self.close_panel)
        self.ok_button = self.button(self.tr("OK"), "primary")
        self.ok_button.setMinimumWidth(mm(MIN_TARGET_MM))  # two letters: the target sets it
        self.ok_button.clicked.connect(self._accept)
        row.addWidget(cancel)
        if skip is not None:  # an optional answer: this button answers with nothing
            self.skip_button = self.button(skip)
            self.skip_button.clicked.connect(self._skip)
            row.addWidget(self.skip_button)
        row.addWidget(self.ok_button)
        self.body.addLayout(row)
        self._show("")

    def type_text(self, text: str) -> None:
        """Press the keys of `text` (digits and a comma)."""
        for key in text:
            self.keypad.press(key)

    def _show(self, text: str) -> None:
        if self.secret:
            self.display.setText("●" * len(text) or "—")
        else:
            self.display.setText(shown_with_unit(text, self.unit))
        self.ok_button.setEnabled(bool(text))

    def _skip(self) -> None:
        self.close_panel()
        self.entered.emit("")

    def _accept(self) -> None:
        text = self.keypad.text()
        self.close_panel()
        self.entered.emit(text)
