"""Visits cancelled as started by mistake (m014): a row each, never a delete, so that the
history keeps the visit and the reports leave it out (`db.reports`)."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from db.hub_restore import refuse_if_restored
from intake.clock import to_storage


def cancel_visit(db: Database, visit_id: str, at: datetime, station: str, user_id: str,
                 reason: str) -> None:
    """Record the cancellation and end the visit if it was open; call inside a transaction.
    Refused on a restored station before its sync: the hub may hold items of the visit that
    the backup lacks, so the visit only looks empty."""
    refuse_if_restored(db)
    db.execute(
        "INSERT INTO visit_cancellations (visit_id, at, station, user_id, reason) "
        "VALUES (?, ?, ?, ?, ?)", [visit_id, to_storage(at), station, user_id, reason])
    db.execute("UPDATE visits SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
               [to_storage(at), visit_id])


def is_cancelled(db: Database, visit_id: str) -> bool:
    return db.execute("SELECT 1 FROM visit_cancellations WHERE visit_id = ?",
                      [visit_id]).fetchone() is not None
