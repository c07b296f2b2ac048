"""Steps held for a newer Ambacht (m025): steps that cannot be written into `events` because
their item is not here (issue 13).

A station on a newer Ambacht may take items in with a kind of step this version does not know.
Such a step names an item this station does not hold, so `events` (whose `item_id` must name
an item) cannot take it, nor the later steps on that item. They are held here whole, every
stored field byte for byte with their place in their station's chain, and the code each such
item got (`held_codes`), until this PC knows the kind: then `take_in` places them as if they
had just arrived and they move into `events`, in the same transaction (`intake/merge.py`).

Held steps are part of their station's chain as this file holds it: a step after a held one
continues from it (the chain triggers below), `ambacht check` walks both tables
(`db/chain.py`), and a held step leaves only into `events`, unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from db.newer_steps import KNOWN_STEPS
from intake.chain import GENESIS, StoredEvent

_STORED = ("id, item_id, type, at, recorded_at, station, user_id, reason, data, seq, "
           "prev_hash, hash")

# The place after a station's last step in `events` and held: (seq, hash) as SQL, for NEW.
_TOP = ("(SELECT max(seq) FROM (SELECT max(seq) AS seq FROM events WHERE station = NEW.station "
        "UNION ALL SELECT max(seq) FROM held_steps WHERE station = NEW.station))")
_BEFORE = ("coalesce((SELECT hash FROM events WHERE station = NEW.station AND seq = NEW.seq - 1),"
           " (SELECT hash FROM held_steps WHERE station = NEW.station AND seq = NEW.seq - 1), "
           f"'{GENESIS}')")
_CONTINUES = f"NEW.seq IS coalesce({_TOP}, 0) + 1 AND NEW.prev_hash IS {_BEFORE}"

# m025 (db/schema.py), as shipped: never change it, add a migration instead.
# m010's trigger on `events` is replaced: an event continues its station's chain over both
# tables, or it is a held step moving into `events` as it was held.
HELD_STEPS_SCHEMA = (
    """CREATE TABLE held_steps (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        station TEXT NOT NULL,
        user_id TEXT NOT NULL,
        reason TEXT,
        data TEXT NOT NULL,
        seq INTEGER NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (station, seq)
    )""",
    "CREATE INDEX held_steps_item ON held_steps (item_id)",
    """CREATE TABLE held_codes (
        item_id TEXT PRIMARY KEY,
        code TEXT NOT NULL
    )""",
    f"""CREATE TRIGGER held_steps_chained BEFORE INSERT ON held_steps WHEN NOT ({_CONTINUES})
        BEGIN SELECT RAISE(ABORT, 'a held step must continue its station''s hash chain'); END""",
    """CREATE TRIGGER held_steps_no_update BEFORE UPDATE ON held_steps
       BEGIN SELECT RAISE(ABORT, 'held steps are kept as they came'); END""",
    """CREATE TRIGGER held_steps_released BEFORE DELETE ON held_steps
       WHEN NOT EXISTS (SELECT 1 FROM events WHERE id = OLD.id AND hash IS OLD.hash)
       BEGIN SELECT RAISE(ABORT, 'a held step leaves only into the events'); END""",
    "DROP TRIGGER events_chained",
    f"""CREATE TRIGGER events_chained BEFORE INSERT ON events
        WHEN NEW.hash IS NULL OR NOT (({_CONTINUES}) OR EXISTS (
            SELECT 1 FROM held_steps WHERE id = NEW.id AND station = NEW.station
            AND seq = NEW.seq AND prev_hash = NEW.prev_hash AND hash = NEW.hash))
        BEGIN SELECT RAISE(ABORT, 'an event must continue its station''s hash chain'); END""",
)


class HeldSteps:
    """The `held_steps` and `held_codes` of one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def keep_codes(self, codes: dict[str, str]) -> None:
        """Keep the codes of items not here (inside the caller's transaction); the steps are
        held as they are written (`MergeRows.insert_events`)."""
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO held_codes (item_id, code) VALUES (?, ?)", codes.items())

    def items(self) -> set[str]:
        """The items that have held steps."""
        return {row[0] for row in self.db.execute("SELECT DISTINCT item_id FROM held_steps")}

    def of_items(self, item_ids: Iterable[str]) -> list[StoredEvent]:
        """The held steps of those items, each station's in chain order."""
        ids = sorted(set(item_ids))
        found: list[StoredEvent] = []
        for first in range(0, len(ids), 500):
            chunk = ids[first:first + 500]
            found.extend(StoredEvent(*row) for row in self.db.execute(
                f"SELECT {_STORED} FROM held_steps WHERE item_id IN "
                f"({', '.join('?' * len(chunk))})", chunk))
        return sorted(found, key=lambda event: (event.station, event.seq or 0))

    def now_known(self) -> set[str]:
        """The items with a held step of a kind this version knows (it was upgraded)."""
        return {row[0] for row in self.db.execute(
            f"SELECT DISTINCT item_id FROM held_steps WHERE {KNOWN_STEPS}")}

    def codes(self) -> dict[str, str]:
        """The codes kept for items not here, by item id."""
        return dict(self.db.execute("SELECT item_id, code FROM held_codes").fetchall())

    def has_code(self, code: str) -> bool:
        """Whether `code` is the code of an item not here whose steps are held."""
        return self.db.execute("SELECT 1 FROM held_codes c JOIN held_steps s USING (item_id) "
                               "WHERE c.code = ? LIMIT 1", [code]).fetchone() is not None

    def released(self, events: Iterable[StoredEvent]) -> None:
        """Forget held steps just written into `events`, and the codes of items now here
        (inside the caller's transaction)."""
        self.db.conn.executemany("DELETE FROM held_steps WHERE id = ?",
                                 [(event.id,) for event in events])
        self.db.execute("DELETE FROM held_codes WHERE item_id IN (SELECT id FROM items)")
