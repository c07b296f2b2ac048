"""Logging in by PIN, and choosing the language before you do.

After too many wrong PINs the keypad is disabled and a countdown shows until the station takes
PINs again (`AuthService.locked_until`); the lock is in the database, so it shows after a restart
too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from intake.auth import LockedOut, format_wait, seconds_until
from intake.errors import AmbachtError
from intake.model import User
from ui.context import AppContext
from ui.screens.pin_screen import PinScreen
from ui.widgets.demo_badge import DemoBadge


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
        self.demo_badge = DemoBadge(ctx.demo, self, with_pins=True)
        self.column.insertWidget(0, self.demo_badge)
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(1000)
        self.lock_timer.timeout.connect(self.show_lock)
        self.retranslate()

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Enter your PIN"))
        if self.lock_timer.isActive():
            self.show_lock()

    def enter(self) -> None:
        """Show a clean keypad for the next person."""
        self.title.setText(self.ctx.settings().site_name)
        self.pinpad.clear()
        self.message.hide()
        for code, button in self.language_buttons.items():
            button.setChecked(code == self.ctx.language.code)
        self.show_lock()
        self.pinpad.setFocus()

    def show_lock(self) -> None:
        """While the station is locked: keypad off and the time left; after it, keypad on."""
        until = self.ctx.auth.locked_until()
        self.pinpad.setEnabled(until is None)
        if until is None:
            if self.lock_timer.isActive():
                self.lock_timer.stop()
                self.message.hide()
            return
        wait = format_wait(seconds_until(until, self.ctx.clock.now()))
        self.message.error(self.tr("Too many wrong PINs. Try again in {wait}.").format(wait=wait))
        self.lock_timer.start()

    def show_scan_refused(self, code: str) -> None:
        """A label was scanned before anyone logged in."""
        shown = code if len(code) <= 24 else code[:23] + "…"  # a burst gone wild, not a code
        self.message.error(self.tr("Log in first, then scan {code} again.").format(code=shown))

    def choose_language(self, code: str) -> None:
        self.ctx.language.apply(code)
        for other, button in self.language_buttons.items():
            button.setChecked(other == code)

    def take_pin(self, pin: str) -> None:
        try:
            user = self.ctx.auth.login(pin)
        except LockedOut:
            self.show_lock()
            return
        except AmbachtError as exc:
            self.message.error(self.ctx.language.error(exc))
            return
        self.logged_in.emit(user)
