"""Finding an item without its label ("Zoek"): by the digits its code ends in, its category
and the day or days it came in, as the centre's clock reads them. Typing 123 finds A000123,
B000123 and every code ending in 123, the exact number first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from db import Store
from db.item_search import ItemSearchQueries
from intake.errors import QT_TRANSLATE_NOOP, ValidationError
from intake.model import Item

MAX_DIGITS = 9  # the longest code number (codes.py)
_DIGITS = re.compile(f"[0-9]{{0,{MAX_DIGITS}}}")


class When(StrEnum):
    """The days of intake a search looks at."""

    ANY = "any"
    TODAY = "today"
    YESTERDAY = "yesterday"
    THIS_WEEK = "week"  # Monday to today
    DAY = "day"  # one day, picked


@dataclass(frozen=True)
class ItemSearch:
    """What a person remembers of an item: digits of its code, its category (None: any) and
    when it came in (`day` only with `When.DAY`)."""

    digits: str = ""
    category: str | None = None
    when: When = When.ANY
    day: date | None = None


@dataclass(frozen=True)
class Found:
    """The first items a search found, and how many it found in all."""

    items: list[Item]
    total: int

    @property
    def more(self) -> int:
        """Items found but not in `items`."""
        return self.total - len(self.items)


def days_of(search: ItemSearch, today: date) -> tuple[date, date] | None:
    """The first and last local day the search looks at; None: every day."""
    match search.when:
        case When.TODAY:
            return today, today
        case When.YESTERDAY:
            return today - timedelta(days=1), today - timedelta(days=1)
        case When.THIS_WEEK:
            return today - timedelta(days=today.weekday()), today
        case When.DAY if search.day is not None:
            return search.day, search.day
        case When.DAY:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Pick the day of intake."))
    return None


def find_items(store: Store, search: ItemSearch, now: datetime, zone: ZoneInfo,
               limit: int) -> Found:
    """Up to `limit` items matching `search`, the exact code number first, then the newest;
    refuses digits that are not digits and a category that does not exist."""
    digits = search.digits.strip() if isinstance(search.digits, str) else None
    if digits is None or not _DIGITS.fullmatch(digits):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Search with the digits of a code only, like 123 "
                                        "(at most {most} digits)."), most=MAX_DIGITS)
    if search.category is not None and (not isinstance(search.category, str)
                                        or store.category(search.category) is None):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown category '{code}'."),
                              code=str(search.category)[:24])
    if search.when not in set(When) or not (search.day is None or type(search.day) is date):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Pick the day of intake."))
    since = until = None
    days = days_of(search, now.astimezone(zone).date())
    if days is not None:
        since = _midnight(days[0], zone)
        until = _midnight(days[1] + timedelta(days=1), zone)
    items, total = ItemSearchQueries(store.db).find(digits, search.category, since, until,
                                                    limit)
    return Found(items, total)


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    """The start of a local day, in UTC."""
    return datetime.combine(day, time(), zone).astimezone(UTC)
