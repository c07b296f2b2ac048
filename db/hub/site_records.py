"""A site's records as the administrator reads them on the hub, for `ambacht report --hub`.

The records come in the same shape and order as a station's `ambacht.pull` gives them
(db/hub/migrations.py, db/hub/travel_more.py), in batches of events by their number, so that
the same code takes them in (`intake/hub_report.py`). Read in one REPEATABLE READ transaction:
one consistent picture, whatever stations push meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import TracebackType
from typing import Any

import psycopg

from db.hub.connection import connect, hub_failures
from intake.hub_address import HubAddress

Record = dict[str, Any]

_EVENT = ("id, item_id, type, at, recorded_at, station, user_id, reason, data, seq, "
          "prev_hash, hash")
# (key in the answer, columns, table): each row as it stands now (a visit with its end)
_OTHERS = (
    ("codes", "item_id, code", "codes"),
    ("visits", "id, code, station, user_id, municipality, started_at, ended_at", "visits"),
    ("shipments", "code, recipient, at, station, user_id", "shipments"),
    ("cancellations", "visit_id, at, station, user_id, reason", "visit_cancellations"),
    ("courses", "id, held_on, subject, participants, recorded_at, station, user_id, cancels, "
     "reason", "courses"),
    ("sessions", "id, user_id, station, started_at, ended_at, active_s, ended_by",
     "station_sessions"),
)


class SiteRecords:
    """One administrator's read of the hub's sites."""

    def __init__(self, address: HubAddress) -> None:
        self.address = address
        self.conn: psycopg.Connection = connect(address)
        with hub_failures(address):
            self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def __enter__(self) -> SiteRecords:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.conn.close()

    def _rows(self, query: str, params: list[Any]) -> list[tuple[Any, ...]]:
        with hub_failures(self.address):
            return self.conn.execute(query, params).fetchall()

    def sites(self) -> list[str]:
        """The names of the hub's sites, in name order."""
        return [name for (name,) in self._rows("SELECT name FROM ambacht.sites ORDER BY name",
                                               [])]

    def site_id(self, name: str) -> int | None:
        found = self._rows("SELECT id FROM ambacht.sites WHERE name = %s", [name])
        return int(found[0][0]) if found else None

    def config(self, site_id: int) -> list[Record]:
        """The site's configuration records, {kind, key, value}."""
        return [{"kind": kind, "key": key, "value": value} for kind, key, value in self._rows(
            "SELECT kind, key, value FROM ambacht.config WHERE site_id = %s ORDER BY rev",
            [site_id])]

    def batches(self, site_id: int, limit: int) -> Iterator[Record]:
        """The site's records, `limit` events a batch, each with the other records up to
        its last event's number (all of them with the last batch)."""
        after = 0
        while True:
            events = self._rows(
                f"SELECT {_EVENT}, rev FROM ambacht.events WHERE site_id = %s AND rev > %s "
                "ORDER BY rev LIMIT %s", [site_id, after, limit])
            upto = events[-1][-1] if len(events) == limit else None
            batch: Record = {"events": [dict(zip(_EVENT.split(", "), row[:-1], strict=True))
                                        for row in events]}
            for key, columns, table in _OTHERS:
                names = columns.split(", ")
                batch[key] = [dict(zip(names, row, strict=True)) for row in self._rows(
                    f"SELECT {columns} FROM ambacht.{table} WHERE site_id = %s AND "
                    f"rev > %s AND (%s::bigint IS NULL OR rev <= %s) ORDER BY rev",
                    [site_id, after, upto, upto])]
            yield batch
            if upto is None:
                return
            after = upto
