"""`ambacht check --full` beyond the hash chain: the item rows and the cached day sums held
against the events (issue 11).

The chain (`intake/chain.py`) proves the events are as written, but `items` (each item's
state) and `day_figures` (the report's cache) are what the steps and reports read, and a
program going round Ambacht can change them without touching an event. So every item row is
compared with the replay of its history (`intake.lifecycle.replay`, with what its intake
event says it started as), and every cached day, unless an event since marked it stale, with
its sums made afresh from the events. Both in memory, on a read-only connection: the check
changes nothing. The first difference is named, as the chain's breaks are.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from db import Store
from db.audit import StoredItem, cached_days, read_only_store, stale_dates, stored_items
from db.connection import check_intact, storage_errors
from db.hub_link import HubLinks
from db.readonly import unknown_migrations
from intake.day_sums import cache_version, local_days, sum_local_day
from intake.errors import QT_TRANSLATE_NOOP, StorageError
from intake.events import Intake, PayloadError, payload_of
from intake.hub_errors import ForkedStation
from intake.hub_sync import FORKED
from intake.lifecycle import replay
from intake.model import Item
from intake.order import merged_order


def check_file(path: Path | str, *, full: bool = False) -> None:
    """`ambacht check`: the file and its history (`db.connection.check_intact`), and with
    `full` also the figures (`check_figures`); raises StorageError for the first problem."""
    check_intact(path, full=full)
    check_hub_history(path)
    if full:
        check_figures(path)


def check_hub_history(path: Path | str) -> None:
    """Raise ForkedStation when the last sync round found this file's own steps apart from the
    hub's copy of them (`intake.hub_sync.FORKED`): the file is sound, but cannot sync again."""
    with storage_errors(path):
        store = read_only_store(path)
        try:
            link = HubLinks(store.db).link() if store.db["hub_link"].exists() else None
        finally:
            store.close()
    if link is not None and link.refused == FORKED:
        raise ForkedStation(link.letter)


def check_figures(path: Path | str) -> None:
    """Raise StorageError naming the first item whose row differs from its history, or else
    the first cached day whose sums differ from the events. A file of a newer version is left
    alone: its rows may follow rules this version does not know."""
    with storage_errors(path):  # a page SQLite cannot read is named as damage, as check does
        store = read_only_store(path)
        try:
            _check_figures(store, path)
        finally:
            store.close()


def _check_figures(store: Store, path: Path | str) -> None:
    if unknown_migrations(store.db.conn):
        return
    for stored in stored_items(store):
        differs = row_differences(stored)
        if differs:
            code = stored.item.code if stored.item else stored.item_id
            raise StorageError(QT_TRANSLATE_NOOP(
                "Errors", "The figures in {path} were changed outside Ambacht: the row "
                "of item {code} does not match its history ({fields}). Restore a backup "
                "made before that."), path=str(path), code=code, fields=", ".join(differs))
    day = first_wrong_day(store)
    if day is not None:
        raise StorageError(QT_TRANSLATE_NOOP(
            "Errors", "The figures in {path} were changed outside Ambacht: the cached "
            "sums of {day} do not match its steps. Restore a backup made before that."),
            path=str(path), day=day.isoformat())


def row_differences(stored: StoredItem) -> list[str]:
    """The names of the item row's fields that differ from what its history makes of it
    ('row' when the row is gone, 'history' when it has no intake to start from)."""
    if stored.item is None:
        return ["row"]
    if not stored.events:
        return ["history"]
    # The merge's one order (a station's clock hours ahead puts its intake after another
    # station's sale by `at`: the intake still comes first).
    events = merged_order(stored.events)
    first, row = events[0], stored.item
    try:
        intake = payload_of(first)
        if not isinstance(intake, Intake):
            return ["history"]
        started = replace(
            row, station=first.station, intake_at=first.at, category=intake.category,
            weight_g=intake.weight_g, weight_estimated=intake.weight_estimated,
            origin=intake.origin,
        )
        expected = replay(started, events)
    except PayloadError:
        return ["history"]  # an event this version cannot read: the row cannot be rebuilt
    differs = [f.name for f in fields(Item) if getattr(row, f.name) != getattr(expected, f.name)]
    # What m004 keeps beside the row for the reports, and the visit it came with.
    if stored.gate_route != intake.route:
        differs.append("gate_route")
    if stored.visit_code != intake.visit:
        differs.append("visit_id")
    if stored.municipality != stored.visit_municipality:
        differs.append("municipality")
    return differs


def first_wrong_day(store: Store) -> date | None:
    """The first local day whose cached sums differ from sums made afresh from the events;
    days an event or visit marked stale since are left out (the next report sums them)."""
    zone = store.settings().zone
    factors = {c.code: c.co2_factor for c in store.categories(include_hidden=True)}
    stale = {day for utc_date in stale_dates(store) for day in local_days(zone, utc_date)}
    for day, cached in cached_days(store, cache_version(zone, factors)):
        if day not in stale and not same_sums(cached, sum_local_day(store, day, zone, factors)):
            return day
    return None


def same_sums(cached: Sequence[Sequence[Any]], fresh: Sequence[Sequence[Any]]) -> bool:
    """Whether two lists of day-sum rows (dim, key, kind, detail, count, grams, money, days,
    CO2) hold the same sums, in any order; CO2 is a float summed in the rows' order, so it
    may differ in its last digits."""
    def keyed(rows: Sequence[Sequence[Any]]) -> dict[tuple[Any, ...], Sequence[Any]]:
        return {tuple(row[:4]): row[4:] for row in rows}

    left, right = keyed(cached), keyed(fresh)
    return left.keys() == right.keys() and all(
        tuple(left[key][:4]) == tuple(right[key][:4])
        and math.isclose(left[key][4], right[key][4], rel_tol=1e-9, abs_tol=1e-6)
        for key in left)
