"""The till's SQL: the station's parked baskets (m016). (The sales and returns of a period,
for the day close and `revenue_by_method`, are summed with the day sums: `db.day_figures`.)

A parked basket is the station's own business, like its print jobs: it never leaves the
station's file, and it is no sale: nothing of it is counted until it is paid.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from intake.clock import from_storage, to_storage

# The till (issue 15): a partial index of just the sales and returns (m016; the day close
# and the revenue by payment method read the day sums since issue 13), and the station's
# parked baskets (a sale put aside and picked up again, also after a restart; never counted
# until it is paid).
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
