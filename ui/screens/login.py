"""Logging in by PIN, and choosing the language before you do."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake.errors import AmbachtError
from intake.model import User
from ui.context import AppContext
from ui.style import mm
from ui.widgets.pinpad import PinPad


class LoginScreen(QWidget):
    """The screen between sessions: site name, PIN keypad, NL/EN."""

    logged_in = Signal(User)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt = QLabel(self)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(self)
        self.message.setProperty("role", "banner-error")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.pinpad = PinPad(self)
        self.pinpad.setMaximumWidth(mm(110))
        self.pinpad.submitted.connect(self.try_pin)
        self.pinpad.keypad.changed.connect(lambda _text: self.message.hide())
        self.language_buttons: dict[str, QPushButton] = {}
        languages = QHBoxLayout()
        languages.addStretch(1)
        for code, name in (("nl", "Nederlands"), ("en", "English")):
            button = QPushButton(name, self)  # a language's own name is never translated
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, c=code: self.choose_language(c))
            self.language_buttons[code] = button
            languages.addWidget(button)
        languages.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(mm(8), mm(6), mm(8), mm(6))
        column.setSpacing(mm(4))
        column.addWidget(self.title)
        column.addWidget(self.prompt)
        column.addWidget(self.message)
        column.addWidget(self.pinpad, 1, Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(languages)
        self.retranslate()

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Enter your PIN"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def enter(self) -> None:
        """Show a clean keypad for the next person."""
        self.title.setText(self.ctx.setting("site_name"))
        self.pinpad.clear()
        self.message.hide()
        for code, button in self.language_buttons.items():
            button.setChecked(code == self.ctx.language.code)
        self.pinpad.setFocus()

    def choose_language(self, code: str) -> None:
        self.ctx.language.apply(code)
        for other, button in self.language_buttons.items():
            button.setChecked(other == code)

    def try_pin(self, pin: str) -> None:
        try:
            user = self.ctx.auth.login(pin)
        except AmbachtError as exc:
            self.message.setText(self.ctx.language.error(exc))
            self.message.show()
            return
        self.logged_in.emit(user)
