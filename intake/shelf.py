"""The workshop shelf: what waits for repair or is in repair, counted, filtered by state and
category, and how many days each item has been at the centre."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from db import Store
from db.shelf import ShelfQueries
from intake.model import Item, Status

SHOWN_MAX = 200  # rows listed at once; the counts and the filters reach the rest


class ShelfState(StrEnum):
    """The two kinds of items on the shelf."""

    IN_REPAIR = Status.IN_REPAIR.value
    WAITING = Status.IN_STOCK.value  # routed to repair, not started


@dataclass(frozen=True)
class ShelfFilter:
    """What the shelf lists: a state and a category, or (None) all."""

    state: ShelfState | None = None
    category: str | None = None


EVERYTHING = ShelfFilter()


@dataclass(frozen=True)
class Shelf:
    """The items listed by a filter, with the counts the filter buttons show."""

    items: list[Item]
    in_repair: int  # of the chosen category (or all)
    waiting: int
    by_category: dict[str, int]  # of the chosen state (or both), the most first
    matching: int  # all items the filter matches; more than `items` when cut at SHOWN_MAX


def read_shelf(store: Store, chosen: ShelfFilter = EVERYTHING,
               limit: int = SHOWN_MAX) -> Shelf:
    """The shelf as `chosen` filters it, in repair first, the longest waiting first."""
    queries = ShelfQueries(store.db)
    counts = queries.counts()
    in_category = [(status, n) for status, category, n in counts
                   if chosen.category in (None, category)]
    by_category: dict[str, int] = {}
    for status, category, n in counts:
        if chosen.state in (None, status):
            by_category[category] = by_category.get(category, 0) + n
    state = None if chosen.state is None else chosen.state.value
    return Shelf(
        items=queries.items(state, chosen.category, limit),
        in_repair=sum(n for status, n in in_category if status == ShelfState.IN_REPAIR),
        waiting=sum(n for status, n in in_category if status == ShelfState.WAITING),
        by_category=dict(sorted(by_category.items(), key=lambda pair: (-pair[1], pair[0]))),
        matching=sum(n for status, n in in_category if chosen.state in (None, status)),
    )


def days_on_shelf(item: Item, now: datetime, zone: ZoneInfo) -> int:
    """Whole calendar days since the item came in, as the centre's clock reads them."""
    return max(0, (now.astimezone(zone).date() - item.intake_at.astimezone(zone).date()).days)
