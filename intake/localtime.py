"""The site's local time: what 'today' means at the gate, and how times are shown.

Storage is UTC; people live in the site's zone (Europe/Amsterdam unless set otherwise).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Europe/Amsterdam"


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


def parse_local_or_utc(text: str, zone: ZoneInfo) -> datetime:
    """An ISO time as given on the command line; without an offset it is site-local time."""
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)
