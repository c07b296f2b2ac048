"""Half-done work of one station (m024): the repair-done flow's answers per item and the
material-out list, so that a crash, a power cut or a restart loses none of it.

Drafts are no history: they are the station's own business like its print jobs, never leave
its file, are never counted, and are replaced in place at every answer and deleted when the
work ends or is cancelled.
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from intake.clock import from_storage, to_storage

DRAFTS_SCHEMA = (
    """CREATE TABLE drafts (
        station TEXT NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (station, kind, key)
    )""",
)


class DraftRows:
    """The drafts table of one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, station: str, kind: str, key: str, data: str, saved_at: datetime) -> None:
        """Keep a draft, in place of the one of the same kind and key."""
        self.db.execute(
            "INSERT INTO drafts (station, kind, key, data, saved_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (station, kind, key) DO UPDATE SET data = excluded.data, "
            "saved_at = excluded.saved_at",
            [station, kind, key, data, to_storage(saved_at)])

    def drafts(self, station: str, kind: str) -> list[tuple[str, str, datetime]]:
        """The station's drafts of a kind, the latest first: (key, data, when saved)."""
        return [(row[0], row[1], from_storage(row[2])) for row in self.db.execute(
            "SELECT key, data, saved_at FROM drafts WHERE station = ? AND kind = ? "
            "ORDER BY saved_at DESC, key", [station, kind])]

    def drop(self, station: str, kind: str, key: str) -> None:
        self.db.execute("DELETE FROM drafts WHERE station = ? AND kind = ? AND key = ?",
                        [station, kind, key])
