"""Corrections that do not stand (m028, issue 13): their rows, and the SQL of what the
corrections that stand cancel.

Two coordinators, offline, can resolve one conflict opposite ways: one cancels the refused
step, the other the step that refused it. The merged replay (`intake.lifecycle.settle`) keeps
the later of the two without effect, a conflict of its own, until the coordinator cancels one
of them. So not every correction stands, and what a correction cancels is cancelled only if it
does. The replay decides; this table holds its answer per item (worked out again with the
`conflicts` whenever an item is replayed), so the figures' SQL counts what the item rows show.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

OVERRULED_SCHEMA = (
    """CREATE TABLE overruled_corrections (
        event_id TEXT PRIMARY KEY REFERENCES events(id),
        item_id TEXT NOT NULL REFERENCES items(id)
    )""",
    "CREATE INDEX overruled_corrections_item ON overruled_corrections (item_id)",
)

# The ids of the steps cancelled by a correction that stands (the subquery of an IN).
CANCELLED_STEPS = (
    "SELECT json_extract(data, '$.cancels') FROM events WHERE type = 'corrected' "
    "AND json_extract(data, '$.cancels') IS NOT NULL "
    "AND id NOT IN (SELECT event_id FROM overruled_corrections)"
)
# Whether a correction that stands cancels the step `e` (an SQL condition on the alias `e`).
CANCELLED = (
    "EXISTS (SELECT 1 FROM events c WHERE c.item_id = e.item_id AND c.type = 'corrected' "
    "AND json_extract(c.data, '$.cancels') = e.id "
    "AND c.id NOT IN (SELECT event_id FROM overruled_corrections))"
)

_CHUNK = 500  # values per IN (...): within SQLite's limit on parameters


def set_overruled(db: Database, item_ids: Iterable[str],
                  overruled: Iterable[tuple[str, str]]) -> None:
    """Replace the overruled corrections of those items by (event id, item id) rows."""
    ids = sorted(set(item_ids))
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first:first + _CHUNK]
        db.execute(f"DELETE FROM overruled_corrections WHERE item_id IN "
                   f"({', '.join('?' * len(chunk))})", chunk)
    db.conn.executemany(
        "INSERT INTO overruled_corrections (event_id, item_id) VALUES (?, ?)", overruled)


def cancelled_of(db: Database, item_id: str) -> set[str]:
    """The ids of an item's steps that a correction that stands cancels."""
    return {row[0] for row in db.execute(
        f"{CANCELLED_STEPS} AND item_id = ?", [item_id])}
