"""Serial numbers for the police register of second-hand goods (m015): which categories ask
for one, which item carries a number, and the numbered items taken in over a span of time.

The number itself lives in the item's intake event (`Intake.serial`); an expression index on
it (m015) finds an item by its number without reading the history.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from db.rows import ITEM_COLUMNS_OF_I, item_from
from db.times import readable_time
from intake.clock import from_storage, to_storage
from intake.model import Item

# The statements of migration m015 for serial numbers, as shipped: never change them.
REGISTER_TABLES = [
    # A category that asks for a number at intake, and which kind of number.
    """CREATE TABLE category_serials (
        category TEXT PRIMARY KEY REFERENCES categories(code),
        kind TEXT NOT NULL CHECK (kind IN ('frame', 'imei_serial'))
    )""",
    "INSERT INTO category_serials SELECT code, 'frame' FROM categories WHERE code = 'bicycles'",
    "INSERT INTO category_serials SELECT code, 'imei_serial' FROM categories "
    "WHERE code = 'computers'",
    "CREATE INDEX events_serial ON events (json_extract(data, '$.serial')) "
    "WHERE type = 'intake' AND json_extract(data, '$.serial') IS NOT NULL",
]
_SERIAL = "json_extract(e.data, '$.serial')"


class Registers:
    """The serial-number tables and look-ups of one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def serial_kinds(self) -> dict[str, str]:
        """Category code -> the kind of number its items are asked for."""
        return dict(self.db.execute("SELECT category, kind FROM category_serials").fetchall())

    def set_serial_kind(self, category: str, kind: str | None) -> None:
        """Ask this category's items for a number of `kind`, or (None) for none."""
        if kind is None:
            self.db.execute("DELETE FROM category_serials WHERE category = ?", [category])
        else:
            self.db.execute(
                "INSERT INTO category_serials (category, kind) VALUES (?, ?) "
                "ON CONFLICT (category) DO UPDATE SET kind = excluded.kind", [category, kind])

    def items_with_serial(self, serial: str) -> list[Item]:
        """The items whose intake recorded this number, the latest first (a bike may be
        handed in again after it was sold)."""
        rows = self.db.execute(
            f"SELECT {ITEM_COLUMNS_OF_I} FROM events e JOIN items i ON i.id = e.item_id "
            f"WHERE e.type = 'intake' AND {_SERIAL} = ? ORDER BY e.at DESC, e.id DESC",
            [serial],
        ).fetchall()
        return [item_from(row) for row in rows]

    def numbered_items(self, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
        """The items taken in from `start` up to `end` with a number, not voided, in order:
        (code, intake time, category, kind of number or None, number, status, time it
        left or None). The kind is the one the intake recorded; an intake from before it was
        recorded has its category's kind today."""
        rows = self.db.execute(
            f"SELECT i.code, e.at, i.category, "
            f"coalesce(json_extract(e.data, '$.serial_kind'), s.kind), {_SERIAL}, i.status, "
            "(SELECT max(o.at) FROM events o WHERE o.item_id = i.id "
            " AND o.type IN ('sold', 'material_out') AND i.status IN ('sold', 'material_out')) "
            "FROM events e JOIN items i ON i.id = e.item_id "
            "LEFT JOIN category_serials s ON s.category = i.category "
            f"WHERE e.type = 'intake' AND {_SERIAL} IS NOT NULL AND i.voided = 0 "
            f"AND e.at >= ? AND e.at < ? AND {readable_time('e.at')} ORDER BY e.at, e.id",
            [to_storage(start), to_storage(end)],
        ).fetchall()
        return [(code, from_storage(at), category, kind, serial, status,
                 from_storage(left) if left else None)
                for code, at, category, kind, serial, status, left in rows]
