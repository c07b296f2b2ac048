"""What `ambacht check --full` reads to hold the item rows and the cached day sums against the
events (`intake/audit.py` compares): a Store on a read-only connection, every item with its
history, and the day sums as cached. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Any, NamedTuple

from db.guard import connect
from db.immediate import ImmediateDatabase
from db.newer_steps import KNOWN_STEPS
from db.rows import EVENT_READ_COLUMNS, ITEM_COLUMNS_OF_I, event_from, item_from
from db.store import Store
from db.times import readable_time
from intake.model import Event, Item


class StoredItem(NamedTuple):
    """An item row (None when only its events are left) with what m004 keeps beside it, its
    visit's code and municipality (None without a visit) and its history by time (empty for a
    row without events): `intake.order.merged_order` puts it in the merge's one order."""

    item_id: str
    item: Item | None
    gate_route: str | None
    municipality: str | None
    visit_code: str | None
    visit_municipality: str | None
    events: list[Event]


def read_only_store(path: Path | str) -> Store:
    """The database at `path` on a connection that cannot write, the day-sum cache as stored
    (unlike `db.readonly.open_read_only`, which shadows it for reports)."""
    db = ImmediateDatabase(connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True))
    db.execute("PRAGMA busy_timeout=5000")
    return Store(db, str(path))


def stored_items(store: Store) -> Iterator[StoredItem]:
    """Every item row with its history, in id order, and the histories whose row is gone.
    Two cursors walked side by side, so a million items never sit in memory at once."""
    rows = store.db.execute(
        f"SELECT {ITEM_COLUMNS_OF_I}, i.gate_route, i.municipality, v.code, v.municipality "
        "FROM items i LEFT JOIN visits v ON v.id = i.visit_id ORDER BY i.id")
    # By time, as the index has it (unreadable times first); not yet the merge's order.
    events = groupby(store.db.execute(
        f"SELECT {EVENT_READ_COLUMNS} FROM events WHERE {KNOWN_STEPS} "
        f"ORDER BY item_id, {readable_time('at')}, at, rowid"), key=lambda row: row[1])
    pending = next(events, None)
    for row in rows:
        while pending is not None and pending[0] < row[0]:
            yield orphan(pending[1])
            pending = next(events, None)
        history: list[Event] = []
        if pending is not None and pending[0] == row[0]:
            history = [event_from(event) for event in pending[1]]
            pending = next(events, None)
        gate_route, municipality, visit_code, visit_municipality = row[14:]
        yield StoredItem(row[0], item_from(row[:14]), gate_route, municipality, visit_code,
                         visit_municipality, history)
    while pending is not None:
        yield orphan(pending[1])
        pending = next(events, None)


def orphan(rows: Iterator[tuple[Any, ...]]) -> StoredItem:
    """Events whose item row is gone."""
    history = [event_from(row) for row in rows]
    return StoredItem(history[0].item_id, None, None, None, None, None, history)


def stale_dates(store: Store) -> list[date]:
    """The UTC dates events or visits touched since the day sums were last refreshed."""
    dates = []
    for (text,) in store.db.execute("SELECT date FROM stale_dates"):
        try:
            dates.append(date.fromisoformat(text))
        except (TypeError, ValueError):
            continue  # an unreadable time's date: the refresh skips it too
    return dates


def cached_days(store: Store, version: str) -> Iterator[tuple[date, list[tuple[Any, ...]]]]:
    """The local days summed for `version`, oldest first, each with its cached rows: (dim,
    key, kind, detail, count, grams, money, days, CO2 in grams)."""
    days = [row[0] for row in store.db.execute(
        "SELECT day FROM day_figures_done WHERE version = ? ORDER BY day", [version])]
    for day in days:
        rows = store.db.execute(
            "SELECT dim, key, kind, detail, count, grams, money, days, co2_g FROM day_figures "
            "WHERE day = ?", [day]).fetchall()
        yield date.fromisoformat(day), rows
