"""A clock that is off the hub's, in words (issue 13): the status strip says this PC's, the
coordinator's "Let op" each station's (`intake/clock_skew.py` measures them)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from intake.clock_skew import gap


class Clocks(QObject):
    """The texts' translation context (a class, so that their plurals are collected)."""

    def text(self, offset_s: int, station: str | None) -> str:
        amount, hours = gap(offset_s)
        span = (self.tr("%n hour(s)", "", amount) if hours
                else self.tr("%n minute(s)", "", amount))
        if station is None:
            text = (self.tr("This PC's clock is %1 ahead") if offset_s > 0
                    else self.tr("This PC's clock is %1 behind"))
        else:
            text = (self.tr("The clock of station %2 is %1 ahead of the hub's: set it right.")
                    if offset_s > 0 else
                    self.tr("The clock of station %2 is %1 behind the hub's: set it right."))
        return text.replace("%1", span).replace("%2", station or "")


def clock_text(offset_s: int, station: str | None = None) -> str:
    """'This PC's clock is 7 hours ahead' (Dutch: 'De klok van deze PC loopt 7 uur voor'), or
    station B's; behind when `offset_s` (the clock minus the hub's) is negative."""
    return Clocks().text(offset_s, station)
