"""The events' hash chain in the database (m010; the rules are in `intake/chain.py`).

Every event row holds `seq`, `prev_hash` and `hash`, with one event per (station, seq). A new
event is linked onto its station's chain inside the transaction that inserts it, which holds
the write lock from its start (`db/immediate.py`), so two programs on one file never fork a
chain; a trigger refuses any insert whose link does not follow the station's last event.
`find_break` walks the chains back: the last `TAIL` events of each station for the daily
check, or all of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from heapq import merge
from pathlib import Path
from typing import Any

from intake.chain import GENESIS, Break, BreakKind, StoredEvent, first_break, link
from intake.errors import QT_TRANSLATE_NOOP, StorageError

TAIL = 1000  # events per station the plain check walks
_BATCH = 10_000  # rows per read and write when an old history is chained
_COLUMNS = ("id, item_id, type, at, recorded_at, station, user_id, reason, data, seq, "
            "prev_hash, hash")

# An insert must continue its station's chain: the next seq, after the last event's hash.
# A cheap guard (two look-ups in the (station, seq) index) against any writer that links
# outside the write lock or not at all; it is not what detects tampering, `find_break` is.
CHAIN_MIGRATION = "m010_event_chain"  # the migration that gave events their links (db/schema.py)
CHAINED_TRIGGER = f"""CREATE TRIGGER events_chained BEFORE INSERT ON events
    WHEN NEW.hash IS NULL
      OR NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM events
                         WHERE station = NEW.station)
      OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM events
                                        WHERE station = NEW.station AND seq = NEW.seq - 1),
                                       '{GENESIS}')
    BEGIN SELECT RAISE(ABORT, 'an event must continue its station''s hash chain'); END"""


def linked(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> list[StoredEvent]:
    """Event rows (the stored fields id ... data) linked in their order onto their stations'
    chains; call inside the write transaction that inserts them."""
    heads: dict[str, tuple[int, str] | None] = {}
    result = []
    for row in rows:
        event = StoredEvent(*row)
        if event.station not in heads:
            heads[event.station] = chain_head(conn, event.station)
        event = link(heads[event.station], event)
        heads[event.station] = event.place()
        result.append(event)
    return result


def chain_head(conn: sqlite3.Connection, station: str) -> tuple[int, str] | None:
    """(seq, hash) of `station`'s last step in this file, held ones too (m025,
    `db/held_steps.py`); None before its first."""
    row = conn.execute(
        "SELECT seq, hash FROM (SELECT seq, hash FROM events WHERE station = ? "
        "ORDER BY seq DESC LIMIT 1) UNION ALL SELECT * FROM (SELECT seq, hash FROM held_steps "
        "WHERE station = ? ORDER BY seq DESC LIMIT 1) ORDER BY seq DESC LIMIT 1",
        [station, station]).fetchone()
    return (int(row[0]), str(row[1])) if row and row[0] is not None else None


def chain_history(conn: sqlite3.Connection) -> None:
    """Give the events of a database written before m010 their chains, per station in the
    order they were written (rowid: the order the chain would have had, whatever the clock
    said). Runs inside the migration, with the no-update trigger lifted."""
    heads: dict[str, tuple[int, str] | None] = {}
    last = 0
    while True:
        rows = conn.execute(
            "SELECT rowid, id, item_id, type, at, recorded_at, station, user_id, reason, data "
            "FROM events WHERE rowid > ? ORDER BY rowid LIMIT ?", [last, _BATCH]).fetchall()
        if not rows:
            return
        updates = []
        for rowid, *fields in rows:
            event = link(heads.get(fields[5]), StoredEvent(*fields))
            heads[event.station] = event.place()
            updates.append((event.seq, event.prev_hash, event.hash, rowid))
        conn.executemany("UPDATE events SET seq = ?, prev_hash = ?, hash = ? WHERE rowid = ?",
                         updates)
        last = rows[-1][0]


def find_break(conn: sqlite3.Connection, *, whole: bool) -> Break | None:
    """The first break in any station's chain (stations in letter order), or None; `whole`
    walks every event, otherwise the last TAIL of each station and any event without a link."""
    for station in _stations(conn):
        found = first_break(_events(conn, station, whole), whole=whole)
        if found is not None:
            return found
    return None


def item_code(conn: sqlite3.Connection, item_id: str) -> str:
    """The code of the item an event belongs to (its id, should the item be gone)."""
    row = conn.execute("SELECT code FROM items WHERE id = ?", [item_id]).fetchone()
    return str(row[0]) if row else item_id


def heads(conn: sqlite3.Connection) -> list[tuple[str, int, str]]:
    """Each station's last linked event: (station, seq, event id)."""
    found = []
    for station in _stations(conn):
        row = conn.execute("SELECT seq, id FROM events WHERE station = ? AND seq IS NOT NULL "
                           "ORDER BY seq DESC LIMIT 1", [station]).fetchone()
        if row is not None:
            found.append((station, int(row[0]), str(row[1])))
    return found


def _stations(conn: sqlite3.Connection) -> Iterator[str]:
    """Every station that has events or held steps: one look-up in the (station, seq) indexes
    each, rather than a DISTINCT over all of them."""
    after = ("SELECT min(station) FROM (SELECT min(station) AS station FROM events {0} "
             "UNION ALL SELECT min(station) FROM held_steps {0})")
    row = conn.execute(after.format("")).fetchone()
    while row is not None and row[0] is not None:
        yield row[0]
        row = conn.execute(after.format("WHERE station > ?1"), [row[0]]).fetchone()


def _events(conn: sqlite3.Connection, station: str, whole: bool) -> Iterator[StoredEvent]:
    """A station's events in chain order; unlinked ones (seq NULL) first."""
    unlinked = conn.execute(
        f"SELECT {_COLUMNS} FROM events WHERE station = ? AND seq IS NULL ORDER BY rowid",
        [station])
    yield from (StoredEvent(*row) for row in unlinked)
    top = (chain_head(conn, station) or (0, ""))[0]
    if whole:
        rows = conn.execute(f"SELECT {_COLUMNS} FROM events WHERE station = ? "
                            "AND seq IS NOT NULL ORDER BY seq, rowid", [station])
    else:
        rows = conn.execute(f"SELECT {_COLUMNS} FROM events WHERE station = ? AND seq > ? "
                            "ORDER BY seq, rowid", [station, top - TAIL])
    # Its held steps (m025, db/held_steps.py; few) are part of the chain as this file holds it.
    held = conn.execute(f"SELECT {_COLUMNS} FROM held_steps WHERE station = ? ORDER BY seq",
                        [station]).fetchall()
    yield from merge((StoredEvent(*row) for row in rows),
                     (StoredEvent(*row) for row in held if whole or row[9] > top - TAIL),
                     key=lambda event: event.seq or 0)


def chain_broken(conn: sqlite3.Connection, path: Path | str, found: Break) -> StorageError:
    """The refusal for a history changed outside Ambacht, naming the first break."""
    event = found.event
    where = {"path": str(path), "station": event.station, "step": event.type,
             "code": item_code(conn, event.item_id)}
    if found.kind is BreakKind.CHANGED:
        return StorageError(QT_TRANSLATE_NOOP(
            "Errors", "The history in {path} was changed outside Ambacht: event {seq} of "
            "station {station} (item {code}, {step}) was changed. Restore a backup made "
            "before that."), seq=event.seq, **where)
    if found.kind is BreakKind.INSERTED:
        return StorageError(QT_TRANSLATE_NOOP(
            "Errors", "The history in {path} was changed outside Ambacht: an event of "
            "station {station} (item {code}, {step}) was inserted. Restore a backup made "
            "before that."), **where)
    first, last = found.missing or (0, 0)
    return StorageError(QT_TRANSLATE_NOOP(
        "Errors", "The history in {path} was changed outside Ambacht: event {seqs} of "
        "station {station} was removed (before item {code}, {step}). Restore a backup made "
        "before that."), seqs=str(first) if first == last else f"{first}-{last}", **where)
