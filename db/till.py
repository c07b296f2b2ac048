"""The till's SQL: the sales and returns of a period (the day close, `revenue_by_method`) and
the station's parked baskets (m016).

A parked basket is the station's own business, like its print jobs: it never leaves the
station's file, and it is no sale: nothing of it is counted until it is paid.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from db.rows import payload_from_row
from db.times import UNREADABLE_EVENT
from intake.clock import from_storage, to_storage
from intake.events import Payload

# The till (issue 15): a partial index of just the sales and returns, which the day close
# and the report's revenue by payment method read, and the station's parked baskets (a sale
# put aside and picked up again, also after a restart; never counted until it is paid).
TILL_SCHEMA = (
    "CREATE INDEX events_sales ON events (at) WHERE type IN ('sold', 'returned')",
    """CREATE TABLE parked_baskets (
        id TEXT PRIMARY KEY,
        station TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        parked_at TEXT NOT NULL,
        lines TEXT NOT NULL
    )""",
    "CREATE INDEX parked_baskets_station ON parked_baskets (station, parked_at)",
)


class TillQueries:
    """The till's tables and queries on one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def sale_steps(self, start: datetime, end: datetime,
                   station: str | None = None) -> list[tuple[str, Payload]]:
        """The `sold` and `returned` payloads from `start` up to `end` (at `station`, or at
        every station whose history is here) that still stand: not cancelled by a correction,
        the item not voided, the time readable. Read through the partial index m016 keeps of
        just these steps."""
        # Corrections are few: looked up once (their partial index, m006), not once per sale.
        cancelled = {row[0] for row in self.db.execute(
            "SELECT json_extract(data, '$.cancels') FROM events WHERE type = 'corrected'")}
        rows = self.db.execute(
            "SELECT e.id, e.type, e.data FROM events e INDEXED BY events_sales "
            "JOIN items i ON i.id = e.item_id "
            "WHERE e.type IN ('sold', 'returned') AND e.at >= ? AND e.at < ? "
            f"AND i.voided = 0 AND e.id NOT IN (SELECT id FROM events WHERE {UNREADABLE_EVENT})"
            + (" AND e.station = ?" if station else ""),
            [to_storage(start), to_storage(end), *([station] if station else [])],
        ).fetchall()
        return [(row[0], payload_from_row(*row)) for row in rows if row[0] not in cancelled]

    # --- parked baskets ------------------------------------------------------------------

    def park(self, basket_id: str, station: str, user_id: str, parked_at: datetime,
             lines: list[tuple[str, int | None]]) -> None:
        """Keep a basket: its lines are (code, price in cents or None)."""
        self.db.execute(
            "INSERT INTO parked_baskets (id, station, user_id, parked_at, lines) "
            "VALUES (?, ?, ?, ?, ?)",
            [basket_id, station, user_id, to_storage(parked_at),
             json.dumps([[code, price] for code, price in lines])])

    def parked(self, station: str) -> list[tuple[str, datetime, list[tuple[str, int | None]]]]:
        """The station's parked baskets, oldest first: (id, when parked, lines)."""
        return [(row[0], from_storage(row[1]), _lines(row[2])) for row in self.db.execute(
            "SELECT id, parked_at, lines FROM parked_baskets WHERE station = ? "
            "ORDER BY parked_at, rowid", [station])]

    def unpark(self, basket_id: str, station: str) -> list[tuple[str, int | None]] | None:
        """Take a parked basket back (it is no longer parked); None if it is gone."""
        row = self.db.execute(
            "SELECT lines FROM parked_baskets WHERE id = ? AND station = ?",
            [basket_id, station]).fetchone()
        if row is None:
            return None
        self.db.execute("DELETE FROM parked_baskets WHERE id = ?", [basket_id])
        return _lines(row[0])


def _lines(text: str) -> list[tuple[str, int | None]]:
    parsed: Any = json.loads(text)
    return [(str(code), price if isinstance(price, int) else None) for code, price in parsed]
