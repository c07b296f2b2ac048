"""The SQL of finding an item without its label: by the digits its code ends in, its category
and the days it came in. Every filter is optional; a day range reads `items_intake_at`, and
digits over every day are matched on the code's own index (a covering scan, not the table).
`bench/bench_search.py` prints the plans."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from db.rows import ITEM_COLUMNS, item_from
from intake.clock import to_storage
from intake.model import Item


class ItemSearchQueries:
    """Look-ups of items by parts of what a person remembers of them, on one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def find(self, digits: str, category: str | None, since: datetime | None,
             until: datetime | None, limit: int) -> tuple[list[Item], int]:
        """Up to `limit` items whose code ends in `digits` ('' : any), of `category`, that came
        in from `since` to before `until` (None: no bound); the code whose number is exactly
        `digits` first, then the newest. With the number of all items that match."""
        where, args = self._where(digits, category, since, until)
        total = self.db.execute(f"SELECT count(*) FROM items WHERE {where}", args).fetchone()[0]
        if not total:
            return [], 0
        order, order_args = "intake_at DESC, code DESC", []
        if digits:  # exactly the number typed (A000123 for 123) before those only ending in it
            order = f"CAST(substr(code, 2) AS INTEGER) = ? DESC, {order}"
            order_args = [int(digits)]
        rows = self.db.execute(
            f"SELECT {ITEM_COLUMNS} FROM items WHERE {where} ORDER BY {order} LIMIT ?",
            [*args, *order_args, limit]).fetchall()
        return [item_from(row) for row in rows], total

    @staticmethod
    def _where(digits: str, category: str | None, since: datetime | None,
               until: datetime | None) -> tuple[str, list[object]]:
        where: list[str] = ["1"]
        args: list[object] = []
        if digits:
            # GLOB: the service lets no wildcard through. Over every day the codes are read
            # from their own index (a covering scan, far smaller than the table) and only the
            # rows found are read; within days, their range on `items_intake_at` is narrower.
            where.append("code GLOB ?" if since is not None else
                         "rowid IN (SELECT rowid FROM items WHERE code GLOB ?)")
            args.append(f"*{digits}")
        if category is not None:
            where.append("category = ?")
            args.append(category)
        if since is not None:
            where.append("intake_at >= ?")
            args.append(to_storage(since))
        if until is not None:
            where.append("intake_at < ?")
            args.append(to_storage(until))
        return " AND ".join(where), args
