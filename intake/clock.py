"""Time for the services: always timezone-aware UTC, injectable for tests; the stored form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol

from intake.errors import QT_TRANSLATE_NOOP, AmbachtError

# A stored time that cannot be read (written by an older version that gave years below 1000
# three digits, or edited by hand) stands in as this moment, which no step can have: it sorts
# before every real time and `is_unreadable` tells it apart. See `db.times.readable_time`.
UNREADABLE = datetime(1, 1, 1, tzinfo=UTC)


class Clock(Protocol):
    """Something that tells the current time in UTC."""

    def now(self) -> datetime: ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to (tests, demo data)."""

    def __init__(self, start: datetime) -> None:
        self._now = ensure_utc(start)

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> datetime:
        self._now += timedelta(**delta)
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = ensure_utc(moment)


def ensure_utc(moment: datetime) -> datetime:
    """Refuse naive datetimes (their zone is a guess) and convert aware ones to UTC."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: give a timezone")
    return moment.astimezone(UTC)


def to_storage(moment: datetime) -> str:
    """UTC text that sorts in time order: 2026-11-24T09:30:00.000000Z, always with four
    digits of year (strftime's %Y gives 226 for the year 226 on Linux)."""
    m = ensure_utc(moment)
    return (f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:"
            f"{m.second:02d}.{m.microsecond:06d}Z")


class UnreadableTime(AmbachtError):
    """A stored time that is not in the form `to_storage` writes (years 1000 to 2999)."""

    def __init__(self, text: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "A stored time cannot be read: '{time}'."),
                         time=str(text)[:40])


def from_storage(text: str) -> datetime:
    """The inverse of `to_storage` (fromisoformat reads it 60 times faster than strptime);
    raises UnreadableTime for anything else, as `db.times.readable_time` tells it in SQL."""
    if (isinstance(text, str) and len(text) == 27 and text.isascii() and text[0] in "12"
            and text[10] == "T" and text[19] == "." and text[26] == "Z"):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    raise UnreadableTime(text)


def from_storage_or_unreadable(text: str) -> datetime:
    """A stored time, or UNREADABLE when it cannot be read (an item's history still shows)."""
    try:
        return from_storage(text)
    except UnreadableTime:
        return UNREADABLE


def is_unreadable(moment: datetime) -> bool:
    """Whether `moment` stands in for a stored time that could not be read."""
    return moment == UNREADABLE
