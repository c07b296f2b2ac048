"""Which stored times SQL can count: the SQL side of `intake.clock.from_storage`.

Every time is stored as `to_storage` writes it, 2026-11-24T09:30:00.000000Z. A time in any
other form (an older version wrote the year 226 as '226', or someone edited the file by hand)
would crash Python's reading of it and would sort among the real ones as text. Queries that
count or parse times keep only the rows for which `readable_time` holds, and
`Store.items_with_unreadable_times` names the items they leave out.
"""

from __future__ import annotations

_SHAPE = ("[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"
          ".[0-9][0-9][0-9][0-9][0-9][0-9]Z")


def readable_time(column: str) -> str:
    """An SQL condition: `column` holds a time in the stored form, on a real calendar day and
    clock time (with a modifier, SQLite's strftime() normalises 02-30 or 24:00, so it gives
    back its input only for those). Never NULL, so it can be negated."""
    return (f"(coalesce({column} GLOB '{_SHAPE}', 0) "
            f"AND strftime('%Y-%m-%dT%H:%M:%S', substr({column}, 1, 19), '+0 seconds') "
            f"IS substr({column}, 1, 19))")
