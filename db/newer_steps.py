"""Steps of kinds this version does not know (m023), sent by a station that runs a newer
Ambacht (issue 13).

Such a step is kept in `events` like any other: it is part of its station's hash chain and of
the site's history, and it travels on. This version cannot tell what it does, so every read of
an item's history leaves it out (`KNOWN_STEPS`) and the replay goes on without it; the row in
`newer_steps` marks its item as needing a newer Ambacht and names the station. Once this PC
runs a version that knows the kind, `now_known` finds those rows, the items are replayed with
the steps taking effect, and the rows are forgotten (they are derived, not history).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from intake.chain import StoredEvent
from intake.model import EventType

# The kinds this version knows, as SQL: the condition every read of an item's history adds.
KNOWN_STEPS = f"type IN ({', '.join(repr(kind.value) for kind in EventType)})"

# m023 (db/schema.py), as shipped: never change it, add a migration instead.
NEWER_STEPS_SCHEMA = (
    """CREATE TABLE newer_steps (
        event_id TEXT PRIMARY KEY REFERENCES events(id),
        item_id TEXT NOT NULL REFERENCES items(id),
        type TEXT NOT NULL,
        station TEXT NOT NULL
    )""",
)


_KNOWN = frozenset(kind.value for kind in EventType)


def is_known(kind: str) -> bool:
    """Whether this version knows steps of `kind`."""
    return kind in _KNOWN


class NewerSteps:
    """The `newer_steps` rows of one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def keep(self, events: Iterable[StoredEvent]) -> None:
        """Mark steps of unknown kinds just written (inside the caller's transaction)."""
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO newer_steps (event_id, item_id, type, station) "
            "VALUES (?, ?, ?, ?)",
            [(event.id, event.item_id, event.type, event.station) for event in events])

    def stations(self) -> list[str]:
        """The letters of the stations whose steps of kinds this version does not know wait
        here, kept or held (`db/held_steps.py`)."""
        return [row[0] for row in self.db.execute(
            "SELECT station FROM newer_steps UNION "
            f"SELECT station FROM held_steps WHERE NOT ({KNOWN_STEPS}) ORDER BY station")]

    def waiting(self) -> int:
        """How many steps wait for a newer Ambacht here: kept without effect, or held with
        their items (of any station, as later steps on such an item are held too)."""
        (count,) = self.db.execute(
            "SELECT (SELECT count(*) FROM newer_steps) + (SELECT count(*) FROM held_steps)"
        ).fetchone()
        return int(count)

    def of_item(self, item_id: str) -> list[str]:
        """The letters of the stations whose steps on the item wait for a newer Ambacht."""
        return [row[0] for row in self.db.execute(
            "SELECT DISTINCT station FROM newer_steps WHERE item_id = ? ORDER BY station",
            [item_id])]

    def now_known(self) -> set[str]:
        """Forget the marks of steps whose kind this version knows (it was upgraded) and
        return their items, to be replayed (inside the caller's transaction)."""
        rows = self.db.execute(
            f"SELECT event_id, item_id FROM newer_steps WHERE {KNOWN_STEPS}").fetchall()
        self.db.conn.executemany("DELETE FROM newer_steps WHERE event_id = ?",
                                 [(event_id,) for event_id, _ in rows])
        return {item_id for _, item_id in rows}
