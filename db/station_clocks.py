"""The clocks of the site's stations beside the hub's, as the hub said at the last round
(m028, issue 13): station-local, replaced at each round, never sent (the hub keeps them)."""

from __future__ import annotations

from sqlite_utils import Database

STATION_CLOCKS_SCHEMA = (
    """CREATE TABLE station_clocks (
        letter TEXT PRIMARY KEY,
        offset_s INTEGER NOT NULL
    )""",
)


def save_clocks(db: Database, offsets: dict[str, int]) -> None:
    """Each station's clock minus the hub's, in seconds (ahead: positive), as the hub has
    them now; inside the caller's transaction."""
    db.execute("DELETE FROM station_clocks")
    db.conn.executemany("INSERT INTO station_clocks (letter, offset_s) VALUES (?, ?)",
                        sorted(offsets.items()))


def clocks(db: Database) -> dict[str, int]:
    """Each station's clock minus the hub's at the last round, in seconds, by letter."""
    return {str(letter): int(offset) for letter, offset in db.execute(
        "SELECT letter, offset_s FROM station_clocks ORDER BY letter")}
