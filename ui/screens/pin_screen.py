"""The layout the PIN screens share: a title, a prompt, an error line and the PIN pad."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.style import mm
from ui.widgets.base import Banner, Retranslating
from ui.widgets.pinpad import PinPad


class PinScreen(Retranslating, QWidget):
    """A centred PIN pad under a title; subclasses handle `take_pin` and add below `column`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt = QLabel(self)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.message = Banner(self.prompt, self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pinpad = PinPad(self)
        self.pinpad.setMaximumWidth(mm(110))
        self.pinpad.submitted.connect(self.take_pin)
        self.pinpad.keypad.changed.connect(lambda _text: self.message.hide())
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(mm(8), mm(6), mm(8), mm(6))
        self.column.setSpacing(mm(4))
        self.column.addWidget(self.title)
        self.column.addWidget(self.prompt)
        self.column.addWidget(self.pinpad, 1, Qt.AlignmentFlag.AlignHCenter)

    def take_pin(self, pin: str) -> None:
        """A PIN was typed and confirmed; subclasses decide what it means."""
        raise NotImplementedError
