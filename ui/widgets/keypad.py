"""The app's own numeric keypad: no OS keyboard at the gate.

It keeps the text being typed and refuses keys that would make it invalid (a second comma, a
fourth decimal, too many digits), so what reaches the service is at least shaped like a number.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from intake.units import euro_sign
from ui.style import mm
from ui.widgets.base import Retranslating
from ui.widgets.icons import icon


def decimal_mark() -> str:
    """',' in Dutch, '.' in English: the app's language decides, not the machine's."""
    return QLocale().decimalPoint()


def shown(text: str) -> str:
    """Typed keypad text as the reader writes numbers (the keypad keeps ',' inside)."""
    return text.replace(",", decimal_mark())


def shown_with_unit(text: str, unit: str) -> str:
    """Typed text with its unit as the reader writes it: '€ 12,50' (money as `format_eur`
    writes it, the sign first), '12,5 kg'; '—' while nothing is typed."""
    number = shown(text) or "—"
    if unit == "€":
        lang = "nl" if QLocale().language() == QLocale.Language.Dutch else "en"
        return euro_sign(lang) + number
    return f"{number} {unit}".strip()


class Keypad(Retranslating, QWidget):
    """Digits 0-9, an optional decimal comma, backspace and clear; emits `changed(text)`.

    Every keypad has the bank terminal's and phone's layout, 1-2-3 on top, so that the PIN pad
    and the number pads never differ under the same fingers.

    A number drops a leading zero ("0" then "5" is 5); a PIN keeps every digit (`number=False`),
    so that 0123 can be typed."""

    changed = Signal(str)

    def __init__(
        self, *, decimals: int = 0, max_digits: int = 8, number: bool = True,
        parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.number = number
        self.decimals = decimals
        self.max_digits = max_digits
        self._text = ""
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(mm(1.5))
        grid.setContentsMargins(0, 0, 0, 0)
        rows = ["123", "456", "789", [",", "0", "back"] if decimals else ["clear", "0", "back"]]
        for r, row in enumerate(rows):
            for c, key in enumerate(row):
                button = QPushButton(self)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setProperty("role", "key-text" if key == "clear" else "key")
                button.setMinimumSize(mm(18), mm(15))
                button.clicked.connect(lambda _=False, k=key: self.press(k))
                self.buttons[key] = button
                grid.addWidget(button, r, c)
        back = icon("backspace")
        if back.isNull():
            self.buttons["back"].setText("⌫")
        self.buttons["back"].setIcon(back)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.buttons["back"].setIconSize(QSize(mm(9), mm(9)))
        self.retranslate()

    def retranslate(self) -> None:
        for key, button in self.buttons.items():
            if key.isdigit():
                button.setText(key)
            elif key == ",":
                button.setText(decimal_mark())
            elif key == "clear":
                button.setText(self.tr("Clear"))
        self.buttons["back"].setAccessibleName(self.tr("Delete last digit"))


    def text(self) -> str:
        return self._text

    def clear(self) -> None:
        self._set("")

    def press(self, key: str) -> None:
        """Apply one key as if it was tapped."""
        if key == "back":
            self._set(self._text[:-1])
        elif key == "clear":
            self._set("")
        elif key == ",":
            if self.decimals and "," not in self._text:
                self._set((self._text or "0") + ",")
        elif key.isdigit() and len(key) == 1:
            whole, _, frac = self._text.partition(",")
            if "," in self._text:
                if len(frac) < self.decimals:
                    self._set(self._text + key)
            elif len(whole) < self.max_digits:
                self._set(key if self.number and whole == "0" else self._text + key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A desk PC may have a real keyboard; accept its digits as well.
        key = event.text()
        if key in {".", ","}:
            self.press(",")
        elif key.isdigit() and key.isascii():
            self.press(key)
        elif event.key() == Qt.Key.Key_Backspace:
            self.press("back")
        else:
            super().keyPressEvent(event)

    def _set(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.changed.emit(text)
