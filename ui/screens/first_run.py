"""The first screen of a new database: the coordinator chooses their PIN (twice)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from intake.errors import AmbachtError
from intake.model import User
from ui.context import AppContext
from ui.screens.pin_screen import PinScreen


class FirstRunScreen(PinScreen):
    """Sets the first coordinator's PIN; emits `done(user)`, logged in as that coordinator."""

    done = Signal(User)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._first: str | None = None
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

    def take_pin(self, pin: str) -> None:
        if self._first is None:
            self._first = pin
        elif pin != self._first:
            self._first = None
            self.message.error(self.tr("The two PINs differ. Start again."))
        else:
            try:
                user = self.ctx.auth.set_first_pin(pin)
            except AmbachtError as exc:
                self._first = None
                self.message.error(self.ctx.language.error(exc))
            else:
                self.done.emit(user)
        self.retranslate()
