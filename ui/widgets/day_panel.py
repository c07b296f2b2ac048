"""A day asked on the app's keypad as DD-MM-YYYY, the way the lists show days: eight digits,
the dashes put in as they are typed, a day offered to start with (today, say)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from intake.errors import QT_TRANSLATE_NOOP, ValidationError
from ui.widgets.keypad_panel import KeypadPanel

DAY_DIGITS = 8  # DDMMYYYY
_BAD_DAY = QT_TRANSLATE_NOOP("Errors", "Type the day as DD-MM-YYYY, e.g. 14-03-2026.")


def typed_day(digits: str) -> date:
    """The day of the digits typed (DDMMYYYY); refused with how to type it otherwise."""
    if len(digits) != DAY_DIGITS or not (digits.isascii() and digits.isdigit()):
        raise ValidationError(_BAD_DAY)
    try:
        return date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    except ValueError:  # 31-02-2026, month 13: typed right, but no such day
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "There is no day {day}."),
                              day=f"{digits[:2]}-{digits[2:4]}-{digits[4:]}") from None


def day_digits(day: date) -> str:
    """A day as the keypad types it."""
    return day.strftime("%d%m%Y")


class DayPanel(KeypadPanel):
    """Asks for a day; `entered(digits)` with the eight digits typed (see `typed_day`). The
    day offered stands until changed: "Clear" and the back key change it."""

    def __init__(self, host: QWidget, title: str, offered: str) -> None:
        super().__init__(host, title, max_digits=DAY_DIGITS)
        self.keypad.number = False  # a day keeps its leading zero: 05-03-2026
        self.type_text(offered)

    def _show(self, text: str) -> None:
        # The digits typed in the form's place, the rest still to come as the form says.
        form = self.tr("DD-MM-YYYY")
        shown, typed = [], iter(text)
        for char in form:
            shown.append(char if char == "-" else next(typed, char))
        self.display.setText("".join(shown))
        self.ok_button.setEnabled(len(text) == DAY_DIGITS)
