"""Logging in by PIN, and choosing the language before you do."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from intake.errors import AmbachtError
from intake.model import User
from ui.context import AppContext
from ui.screens.pin_screen import PinScreen


class LoginScreen(PinScreen):
    """The screen between sessions: site name, PIN keypad, NL/EN."""

    logged_in = Signal(User)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
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
        self.column.addLayout(languages)
        self.retranslate()

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Enter your PIN"))

    def enter(self) -> None:
        """Show a clean keypad for the next person."""
        self.title.setText(self.ctx.setting("site_name"))
        self.pinpad.clear()
        self.message.hide()
        for code, button in self.language_buttons.items():
            button.setChecked(code == self.ctx.language.code)
        self.pinpad.setFocus()

    def show_scan_refused(self, code: str) -> None:
        """A label was scanned before anyone logged in."""
        self.message.error(self.tr("Log in first, then scan {code} again.").format(code=code))

    def choose_language(self, code: str) -> None:
        self.ctx.language.apply(code)
        for other, button in self.language_buttons.items():
            button.setChecked(other == code)

    def take_pin(self, pin: str) -> None:
        try:
            user = self.ctx.auth.login(pin)
        except AmbachtError as exc:
            self.message.error(self.ctx.language.error(exc))
            return
        self.logged_in.emit(user)
