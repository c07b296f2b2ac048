"""The SQL of merging other stations' history into this file (`intake/merge.py` decides;
`store.merge`): what a station sends on, what is there already, the writes of one merge, and
the conflicts table (m012).

Events are written with the place in their station's chain they came with; the chain trigger
(`db/chain.py`) refuses any that does not continue what this file holds of that station.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from db.chain import chain_head
from db.newer_steps import KNOWN_STEPS
from db.rows import (
    EVENT_READ_COLUMNS,
    INSERT_ITEM,
    INSERT_VISIT,
    ITEM_COLUMNS,
    VISIT_COLUMNS,
    event_from,
    item_from,
    item_row,
    visit_from,
    visit_row,
)
from intake.chain import StoredEvent
from intake.clock import from_storage_or_unreadable, to_storage
from intake.model import Event, Item, ShipmentRecord, Visit

# Other stations' events merge into this file (issue 13, `intake/merge.py`).
#
# `conflicts` holds the steps the merged replay found not allowed (kept, without effect) and
# the earlier step that refused each: derived from the events, recomputed for the items a
# merge or a correction touches, so the same on every station with the same events.
# `visits.changed` numbers each new or ended visit in this file's order, so that what
# changed since a point can be sent on (an ended visit travels again).
MERGED_HISTORY_SCHEMA = (
    """CREATE TABLE conflicts (
        event_id TEXT PRIMARY KEY REFERENCES events(id),
        item_id TEXT NOT NULL REFERENCES items(id),
        cause_id TEXT NOT NULL REFERENCES events(id)
    )""",
    "CREATE INDEX conflicts_item ON conflicts (item_id)",
    "ALTER TABLE visits ADD COLUMN changed INTEGER",
    "UPDATE visits SET changed = rowid",
    "CREATE INDEX visits_changed ON visits (changed)",
    """CREATE TRIGGER visits_changed_new AFTER INSERT ON visits
       BEGIN
         UPDATE visits SET changed = (SELECT coalesce(max(changed), 0) + 1 FROM visits)
         WHERE id = NEW.id;
       END""",
    """CREATE TRIGGER visits_changed_end AFTER UPDATE OF ended_at ON visits
       BEGIN
         UPDATE visits SET changed = (SELECT coalesce(max(changed), 0) + 1 FROM visits)
         WHERE id = NEW.id;
       END""",
)

_STORED = ("id, item_id, type, at, recorded_at, station, user_id, reason, data, seq, "
           "prev_hash, hash")
_CHUNK = 500  # values per IN (...): within SQLite's limit on parameters


class MergeRows:
    """The merge's reads and writes on one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- what a station sends on ------------------------------------------------------------

    def events_after(self, station: str, after_seq: int, limit: int) -> list[StoredEvent]:
        """`station`'s events after `after_seq` in chain order, at most `limit`, its held
        steps among them as they came (`db/held_steps.py`): its chain as this file holds it."""
        return [StoredEvent(*row) for row in self.db.execute(
            f"SELECT {_STORED} FROM events WHERE station = ?1 AND seq > ?2 UNION ALL "
            f"SELECT {_STORED} FROM held_steps WHERE station = ?1 AND seq > ?2 "
            "ORDER BY seq LIMIT ?3", [station, after_seq, limit])]

    def item_codes(self, item_ids: Iterable[str]) -> list[tuple[str, str]]:
        """(id, code) of those items, in id order, items not here with their codes kept
        (`held_codes`) too."""
        unique = list(item_ids)
        return sorted(self._in("SELECT id, code FROM items WHERE id IN ({})", unique)
                      + self._in("SELECT item_id, code FROM held_codes WHERE item_id IN ({})",
                                 unique))

    def visits_changed(self, station: str, after: int, limit: int) -> list[tuple[Visit, int]]:
        """`station`'s visits new or ended after change number `after`, in change order, each
        with its change number."""
        return [(visit_from(row[:-1]), int(row[-1])) for row in self.db.execute(
            f"SELECT {VISIT_COLUMNS}, changed FROM visits WHERE changed > ? AND station = ? "
            "ORDER BY changed LIMIT ?", [after, station, limit])]

    def visits(self, codes: Iterable[str]) -> list[Visit]:
        """The visits with those codes."""
        return [visit_from(row) for row in self._in(
            f"SELECT {VISIT_COLUMNS} FROM visits WHERE code IN ({{}})", codes)]

    def shipments(self, codes: Iterable[str]) -> list[ShipmentRecord]:
        """The delivery notes with those codes."""
        return [ShipmentRecord(row[0], row[1], from_storage_or_unreadable(row[2]), *row[3:])
                for row in self._in("SELECT code, recipient, at, station, user_id "
                                    "FROM shipments WHERE code IN ({})", codes)]

    # --- what is there already ----------------------------------------------------------------

    def stored(self, ids: Iterable[str]) -> dict[str, StoredEvent]:
        """Those events that this file holds, by id, held ones too (`db/held_steps.py`)."""
        unique = list(ids)
        return {row[0]: StoredEvent(*row)
                for table in ("events", "held_steps")
                for row in self._in(f"SELECT {_STORED} FROM {table} WHERE id IN ({{}})",
                                    unique)}

    def at_place(self, station: str, seq: int) -> StoredEvent | None:
        """The event this file holds at `seq` of `station`'s chain."""
        row = self.db.execute(f"SELECT {_STORED} FROM events WHERE station = ? AND seq = ?",
                              [station, seq]).fetchone()
        return StoredEvent(*row) if row else None

    def head(self, station: str) -> tuple[int, str] | None:
        """(seq, hash) of `station`'s last event here, held ones too, None before its first."""
        return chain_head(self.db.conn, station)

    def items(self, ids: Iterable[str]) -> dict[str, str]:
        """code by id of those items that are here."""
        return dict(self._in("SELECT id, code FROM items WHERE id IN ({})", ids))

    def item_ids(self, codes: Iterable[str]) -> dict[str, str]:
        """id by code of the items here with those codes."""
        return dict(self._in("SELECT code, id FROM items WHERE code IN ({})", codes))

    def item_rows(self, ids: Iterable[str]) -> dict[str, Item]:
        """Those items that are here, by id."""
        return {row[0]: item_from(row) for row in self._in(
            f"SELECT {ITEM_COLUMNS} FROM items WHERE id IN ({{}})", ids)}

    def histories(self, item_ids: Iterable[str]) -> dict[str, list[Event]]:
        """The events of those items, per item (in no particular order), but steps of kinds
        this version does not know (`db/newer_steps.py`)."""
        found: dict[str, list[Event]] = {}
        for row in self._in(f"SELECT {EVENT_READ_COLUMNS} FROM events WHERE {KNOWN_STEPS} "
                            "AND item_id IN ({})",
                            item_ids):
            event = event_from(row)
            found.setdefault(event.item_id, []).append(event)
        return found

    # --- the writes of one merge (inside its transaction) -----------------------------------

    def insert_events(self, events: Sequence[StoredEvent],
                      held: Sequence[StoredEvent] = ()) -> None:
        """Write events with the place in their chain they came with, in their order, and
        hold the `held` steps (`db/held_steps.py`), each before its station's later events,
        so that every row continues its station's chain as the triggers ask."""
        waiting: dict[str, list[StoredEvent]] = {}
        for step in sorted(held, key=lambda step: step.seq or 0, reverse=True):
            waiting.setdefault(step.station, []).append(step)
        runs: list[tuple[str, list[StoredEvent]]] = []

        def add(table: str, row: StoredEvent) -> None:
            if not runs or runs[-1][0] != table:
                runs.append((table, []))
            runs[-1][1].append(row)

        for event in events:
            steps = waiting.get(event.station, [])
            while steps and (steps[-1].seq or 0) < (event.seq or 0):
                add("held_steps", steps.pop())
            add("events", event)
        for steps in waiting.values():
            for step in reversed(steps):
                add("held_steps", step)
        for table, rows in runs:
            self.db.conn.executemany(
                f"INSERT INTO {table} ({_STORED}) VALUES ({', '.join('?' * 12)})", rows)

    def insert_items(self, items: Sequence[Item]) -> None:
        """The rows of items other stations gave their codes (their state follows by replay)."""
        self.db.conn.executemany(INSERT_ITEM, [item_row(item) for item in items])

    def add_visit(self, visit: Visit) -> None:
        self.db.execute(INSERT_VISIT, visit_row(visit))

    def end_visit(self, visit_id: str, ended_at: str) -> None:
        """Set a visit's end once (the first end known is kept)."""
        self.db.execute("UPDATE visits SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                        [ended_at, visit_id])

    def add_shipment(self, shipment: ShipmentRecord) -> None:
        self.db.execute(
            "INSERT INTO shipments (code, recipient, at, station, user_id) VALUES (?, ?, ?, ?, ?)",
            [shipment.code, shipment.recipient, to_storage(shipment.at), shipment.station,
             shipment.user_id])

    def move_counters(self, letter: str, *, item: int, visit: int, shipment: int) -> None:
        """Make `letter`'s next numbers at least these (a station the store has added), so
        that no code seen anywhere is handed out again."""
        self.db.execute(
            "UPDATE stations SET next_item_seq = max(next_item_seq, ?), "
            "next_visit_seq = max(next_visit_seq, ?), "
            "next_shipment_seq = max(next_shipment_seq, ?) WHERE letter = ?",
            [item, visit, shipment, letter])

    # --- conflicts ---------------------------------------------------------------------------

    def set_conflicts(self, item_ids: Iterable[str],
                      conflicts: Iterable[tuple[str, str, str]]) -> None:
        """Replace the conflicts of those items by (event id, item id, cause id) rows."""
        ids = sorted(set(item_ids))
        for first in range(0, len(ids), _CHUNK):
            chunk = ids[first:first + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM conflicts WHERE item_id IN ({marks})", chunk)
        self.db.conn.executemany(
            "INSERT INTO conflicts (event_id, item_id, cause_id) VALUES (?, ?, ?)", conflicts)

    def refused_steps(self, item_id: str) -> dict[str, str]:
        """An item's steps in conflicts: the id of the step that refused each, by its id."""
        return dict(self.db.execute(
            "SELECT event_id, cause_id FROM conflicts WHERE item_id = ?", [item_id]).fetchall())

    def items_with_conflicts(self, item_ids: Iterable[str]) -> set[str]:
        """Those of the items that have conflicts."""
        return {row[0] for row in self._in(
            "SELECT DISTINCT item_id FROM conflicts WHERE item_id IN ({})", item_ids)}

    def conflicts(self) -> list[tuple[Any, ...]]:
        """Every conflict, oldest step first: the item's code, then of the refused step and of
        its cause each (id, type, at, station, the person's name, the kind of step it
        cancels if a correction)."""
        steps = []
        for alias in ("e", "x"):
            steps.append(f"{alias}.id, {alias}.type, {alias}.at, {alias}.station, "
                         f"coalesce((SELECT name FROM users WHERE id = {alias}.user_id), "
                         f"{alias}.user_id), json_extract({alias}.data, '$.step')")
        return self.db.execute(
            f"SELECT i.code, {steps[0]}, {steps[1]} FROM conflicts c "
            "JOIN items i ON i.id = c.item_id JOIN events e ON e.id = c.event_id "
            "JOIN events x ON x.id = c.cause_id ORDER BY e.at, e.id").fetchall()

    def _in(self, sql: str, values: Iterable[str]) -> list[tuple[Any, ...]]:
        """`sql` with its one `IN ({})` filled in for every value, in chunks."""
        unique = sorted(set(values))
        rows: list[tuple[Any, ...]] = []
        for first in range(0, len(unique), _CHUNK):
            chunk = unique[first:first + _CHUNK]
            rows.extend(self.db.execute(sql.format(", ".join("?" * len(chunk))), chunk))
        return rows
