"""A station of a hub restored from a backup takes no step until the hub gave its own steps
back (issue 13): the backup may be behind what the hub holds of it, and a step taken now
would hand out a code the hub already holds under another item, and fork the station's chain
so that it could never sync again.

`hub_restored` (m027) holds one row while that is so. A restore (`db/restore.py`) writes it
into the copy it puts in the database's place, in the same transaction as the rest of that
copy, when the copy is a station of a hub; a sync round's pull that reached the hub's end
deletes it in the transaction of its last batch (`intake/hub_sync.py`). Meanwhile every write
of a step, a visit, a visit's cancellation, a course or a delivery note is refused
(`refuse_if_restored`), and the status strip says so; a login session is not, as logging in
is how someone starts the sync. The table stays with the station, never travels.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from sqlite_utils import Database

from intake.clock import to_storage
from intake.hub_errors import RestoredStation

# m027 (db/schema.py), as shipped: never change it. `IF NOT EXISTS`: a restore writes the
# flag into a backup made before m027, which gets the table here first.
HUB_RESTORED_SCHEMA = ("""CREATE TABLE IF NOT EXISTS hub_restored (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        restored_at TEXT NOT NULL
    )""",)


def mark_restored(conn: sqlite3.Connection, at: datetime) -> None:
    """Flag the database on `conn` as restored at `at`, when it is a station of a hub (one
    that joined none hands out only its own codes). Inside the caller's transaction."""
    (joined,) = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                             "AND name = 'hub_link'").fetchone()
    if not joined or conn.execute("SELECT 1 FROM hub_link").fetchone() is None:
        return
    for statement in HUB_RESTORED_SCHEMA:
        conn.execute(statement)
    conn.execute("INSERT OR REPLACE INTO hub_restored (only_row, restored_at) VALUES (1, ?)",
                 [to_storage(at)])


def restored(db: Database) -> bool:
    """Whether the station waits for a sync round since a restore."""
    return db.execute("SELECT 1 FROM hub_restored").fetchone() is not None


def refuse_if_restored(db: Database) -> None:
    """Raise RestoredStation while the station waits for a sync round since a restore."""
    if restored(db):
        raise RestoredStation()


def clear_restored(db: Database) -> None:
    """The hub gave the station's own steps back: it may take steps again."""
    db.execute("DELETE FROM hub_restored")
