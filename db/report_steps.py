"""A step as a report names it (`intake.provenance`): the item it belongs to, its kind and
when it happened, so that an auditor finds it in the item's history (`ambacht item CODE`)."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from db.times import readable_time
from intake.clock import from_storage


def step_named(db: Database, event_id: str) -> tuple[str, str, datetime] | None:
    """The step `event_id`: (its item's code, its kind, when it happened); None if this file
    holds no such step, or not its time in a readable form."""
    row = db.execute(
        "SELECT i.code, e.type, e.at FROM events e JOIN items i ON i.id = e.item_id "
        f"WHERE e.id = ? AND {readable_time('e.at')}", [event_id]).fetchone()
    return None if row is None else (row[0], row[1], from_storage(row[2]))
