"""A station's clock beside the hub's (issue 13).

At each round the station asks the hub for its clock (`ambacht.clock_check`) and keeps every
station's difference (`db/station_clocks.py`). Two uses:
- the configuration changes a station sends are dated by the hub's clock (its own time minus
  the difference), so the last-writer rule holds for a clock hours off (docs/stations.md);
- more than TOLERANCE_S off is said: on the status strip, in `ambacht sync`'s output and on
  the coordinator's "Let op", which names the station.
"""

from __future__ import annotations

from datetime import timedelta

# Five minutes: more than a PC's drift between time syncs and a round's own duration, less
# than any error that reorders a working day (a wrong zone, a clock never set).
TOLERANCE_S = 300


def is_off(offset_s: int | None) -> bool:
    """Whether a clock that differs from the hub's by `offset_s` seconds should be set right."""
    return offset_s is not None and abs(offset_s) > TOLERANCE_S


def gap(offset_s: int) -> tuple[int, bool]:
    """How far off, as the screen says it: (whole hours, True), or (minutes, False) under
    an hour."""
    seconds = abs(offset_s)
    if seconds >= 3600:
        return round(seconds / 3600), True
    return round(seconds / 60), False


def in_words(offset_s: int, whose: str) -> str:
    """`whose` clock's difference in English, for the command line: "this PC's clock is 7
    hours ahead of the hub's"."""
    amount, hours = gap(offset_s)
    unit = ("hour" if hours else "minute") + ("" if amount == 1 else "s")
    side = "ahead of" if offset_s > 0 else "behind"
    return f"{whose} is {amount} {unit} {side} the hub's"


def hub_time(offset_s: int | None) -> timedelta:
    """What to take from this station's times to date them by the hub's clock."""
    return timedelta(seconds=offset_s or 0)
