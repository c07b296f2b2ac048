"""The first screen of a new database: the coordinator chooses their PIN (twice)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from intake.errors import AmbachtError
from intake.model import User
from ui.context import AppContext
from ui.style import mm
from ui.widgets.pinpad import PinPad


class FirstRunScreen(QWidget):
    """Sets the first coordinator's PIN; emits `done(user)`, logged in as that coordinator."""

    done = Signal(User)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._first: str | None = None
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt = QLabel(self)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setProperty("role", "banner-error")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.hide()
        self.pinpad = PinPad(self)
        self.pinpad.setMaximumWidth(mm(110))
        self.pinpad.submitted.connect(self.take_pin)
        column = QVBoxLayout(self)
        column.setContentsMargins(mm(8), mm(6), mm(8), mm(6))
        column.setSpacing(mm(4))
        column.addWidget(self.title)
        column.addWidget(self.prompt)
        column.addWidget(self.message)
        column.addWidget(self.pinpad, 1, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Ambacht"))
        if self._first is None:
            self.prompt.setText(
                self.tr("Choose a PIN of 4 to 8 digits for the coordinator. "
                        "With it you add staff, categories and settings.")
            )
        else:
            self.prompt.setText(self.tr("Enter the same PIN once more."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def take_pin(self, pin: str) -> None:
        self.message.hide()
        if self._first is None:
            self._first = pin
        elif pin != self._first:
            self._first = None
            self.message.setText(self.tr("The two PINs differ. Start again."))
            self.message.show()
        else:
            try:
                user = self.ctx.auth.set_first_pin(pin)
            except AmbachtError as exc:
                self._first = None
                self.message.setText(self.ctx.language.error(exc))
                self.message.show()
            else:
                self.done.emit(user)
        self.retranslate()
