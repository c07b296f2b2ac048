"""Which stored times SQL can count: the SQL side of `intake.clock.from_storage`.

Every time is stored as `to_storage` writes it, 2026-11-24T09:30:00.000000Z. A time in any
other form (an older version wrote the year 226 as '226', or someone edited the file by hand)
would crash Python's reading of it and would sort among the real ones as text. Queries that
count or parse times keep only the rows for which `readable_time` holds, and
`unreadable_item_codes` names the items they leave out.
"""

from __future__ import annotations

from sqlite_utils import Database

_SHAPE = ("[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"
          ".[0-9][0-9][0-9][0-9][0-9][0-9]Z")


def readable_time(column: str) -> str:
    """An SQL condition: `column` holds a time in the stored form, on a real calendar day and
    clock time (with a modifier, SQLite's strftime() normalises 02-30 or 24:00, so it gives
    back its input only for those). Never NULL, so it can be negated."""
    return (f"(coalesce({column} GLOB '{_SHAPE}', 0) "
            f"AND strftime('%Y-%m-%dT%H:%M:%S', substr({column}, 1, 19), '+0 seconds') "
            f"IS substr({column}, 1, 19))")


# Items and steps with a time that cannot be read. Migration m009 builds a partial index on
# each of these conditions, and SQLite uses such an index only for a query with the very same
# condition: so naming them reads a few index entries, not every row. Changing a condition
# therefore needs a new migration that builds its index again.
UNREADABLE_ITEM = f"NOT {readable_time('intake_at')}"
UNREADABLE_EVENT = f"NOT ({readable_time('at')} AND {readable_time('recorded_at')})"


def unreadable_item_codes(db: Database) -> list[str]:
    """The codes of the items that have a time that cannot be read (their intake's or any
    step's), which figures leave out."""
    return [row[0] for row in db.execute(
        f"SELECT code FROM items WHERE {UNREADABLE_ITEM} UNION "
        f"SELECT (SELECT code FROM items WHERE id = item_id) FROM events "
        f"WHERE {UNREADABLE_EVENT} ORDER BY 1")]


def unreadable_times_of(db: Database, item_id: str) -> list[str]:
    """The times of one item, as stored, that cannot be read."""
    return [row[0] for row in db.execute(
        "SELECT DISTINCT t FROM (SELECT intake_at AS t FROM items WHERE id = :id "
        "UNION ALL SELECT at FROM events WHERE item_id = :id "
        "UNION ALL SELECT recorded_at FROM events WHERE item_id = :id) "
        f"WHERE NOT {readable_time('t')}", {"id": item_id})]
