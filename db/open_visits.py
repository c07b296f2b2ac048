"""The visit a station left open, found again after a restart (a crash, a power cut) so that
the next coach at the gate continues it or ends it instead of counting one resident twice."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from db.rows import VISIT_COLUMNS, visit_from
from intake.clock import to_storage
from intake.model import Visit


def latest_open_visit(db: Database, station: str, since: datetime) -> Visit | None:
    """The station's most recent visit started from `since` on and neither ended nor
    cancelled (a cancellation ends it)."""
    row = db.execute(
        f"SELECT {VISIT_COLUMNS} FROM visits WHERE station = ? AND ended_at IS NULL "
        "AND started_at >= ? ORDER BY started_at DESC LIMIT 1",
        [station, to_storage(since)]).fetchone()
    return visit_from(row) if row else None
