"""The workshop shelf's SQL: the items in repair or waiting for it, counted per status and
category, and listed by a filter (longest on the shelf first)."""

from __future__ import annotations

from sqlite_utils import Database

from db.rows import ITEM_COLUMNS, item_from
from intake.model import Item

# On the shelf: in repair, or at the centre routed to repair and not started yet.
ON_SHELF = ("voided = 0 AND (status = 'in_repair' OR (status = 'in_stock' AND "
            "route = 'repair'))")


class ShelfQueries:
    """The shelf's queries on one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def counts(self) -> list[tuple[str, str, int]]:
        """(status, category, items) of everything on the shelf."""
        rows = self.db.execute(
            f"SELECT status, category, count(*) FROM items WHERE {ON_SHELF} "
            "GROUP BY status, category").fetchall()
        return [(row[0], row[1], row[2]) for row in rows]

    def items(self, status: str | None, category: str | None, limit: int) -> list[Item]:
        """Items on the shelf with `status` and `category` (None: any), in repair first, then
        waiting, the longest on the shelf first."""
        where, args = [ON_SHELF], []
        if status is not None:
            where.append("status = ?")
            args.append(status)
        if category is not None:
            where.append("category = ?")
            args.append(category)
        rows = self.db.execute(
            f"SELECT {ITEM_COLUMNS} FROM items WHERE {' AND '.join(where)} "
            "ORDER BY status = 'in_stock', intake_at LIMIT ?", [*args, limit]).fetchall()
        return [item_from(row) for row in rows]
