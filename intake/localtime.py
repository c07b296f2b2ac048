"""The site's local time: what 'today' means at the gate, and how times are shown.

Storage is UTC; people live in the site's zone (Europe/Amsterdam unless set otherwise).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from intake.errors import QT_TRANSLATE_NOOP, ValidationError

DEFAULT_ZONE = "Europe/Amsterdam"
# No centre recorded anything before 2000. The services have no site zone at hand, so they
# take the first moment of 2000 anywhere on earth (UTC+14); `parse_step_time` holds a time
# given on the command line to the site's own 2000.
EARLIEST_STEP = datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=14)))
FUTURE_TOLERANCE = timedelta(minutes=5)  # clocks of two stations may differ a little


def site_zone(settings: Mapping[str, str]) -> ZoneInfo:
    """The zone from the settings, or Amsterdam when it is missing or unknown."""
    try:
        return ZoneInfo(settings.get("timezone") or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def day_span(moment: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC start and end of the local calendar day that holds `moment` (23 or 25 h at DST)."""
    local_day = moment.astimezone(zone).date()
    start = datetime.combine(local_day, time(), zone)
    end = datetime.combine(local_day + timedelta(days=1), time(), zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def parse_step_time(text: str, now: datetime, zone: ZoneInfo) -> datetime:
    """When a step happened, as given on the command line (`--at`), in UTC: an ISO time, in
    site-local time unless it has an offset, from 2000-01-01 up to five minutes from `now`.

    A local time in the hour the clocks skip in spring does not exist, and one in the hour
    they repeat in autumn happens twice: both are refused, naming the offsets, rather than
    guessed; with an offset (+01:00, Z) such a time is clear."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{text}' is not an ISO time like 2025-03-01T10:30."),
            text=text[:40]) from None
    if moment.tzinfo is None:
        moment = _local(moment, zone)
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:  # the year 1 or 9999, which the offset takes out of range
        moment = (datetime.min if moment.year < 2000 else datetime.max).replace(tzinfo=UTC)
    check_step_time(moment, now)
    if moment.astimezone(zone).year < 2000:  # the site's 2000, not somewhere else's
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A time before 2000 is not accepted."))
    return moment


def check_step_time(moment: datetime, now: datetime) -> None:
    """A step's time lies from 2000-01-01 up to five minutes after `now`."""
    if moment < EARLIEST_STEP:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A time before 2000 is not accepted."))
    if moment > now + FUTURE_TOLERANCE:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "That time is in the future."))


def _local(naive: datetime, zone: ZoneInfo) -> datetime:
    """`naive` as a time of `zone`, refused if the clocks skip it or pass it twice."""
    first, second = naive.replace(tzinfo=zone), naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    offsets = {"first": _offset(first), "second": _offset(second), "zone": str(zone)[:40],
               "time": naive.isoformat(timespec="minutes")}
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "{time} does not exist in {zone}: the clocks jump from {first} to "
                      "{second} then. Give the offset, e.g. {time}{first}."), **offsets)
    raise ValidationError(QT_TRANSLATE_NOOP(
        "Errors", "{time} happens twice in {zone}, at {first} and at {second}. Give the "
                  "offset, e.g. {time}{first}."), **offsets)


def _offset(moment: datetime) -> str:
    """The UTC offset as +01:00."""
    return moment.isoformat()[-6:]
