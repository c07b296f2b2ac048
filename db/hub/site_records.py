"""A site's records as the administrator reads them on the hub, for `ambacht report --hub`.

The records come in the same shape and order as a station's `ambacht.pull` gives them
(db/hub/migrations.py, db/hub/travel_more.py), in batches of events by their number, so that
the same code takes them in (`intake/hub_report.py`), and after a number, so that a copy
takes in only what is new. Read in one REPEATABLE READ transaction: one consistent picture,
whatever stations push meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import TracebackType
from typing import Any

import psycopg

from db.hub.connection import connect, hub_failures
from db.hub.figures import FiguresOnHub
from intake.hub_address import HubAddress

Record = dict[str, Any]

# Every number a row may carry, as `ambacht.pull` takes the top of them.
_NUMBERED = (("events", "rev"), ("visits", "rev"), ("visits", "ended_rev"), ("codes", "rev"),
             ("shipments", "rev"), ("config", "rev"), ("visit_cancellations", "rev"),
             ("courses", "rev"), ("station_sessions", "rev"))
_EVENT = ("id, item_id, type, at, recorded_at, station, user_id, reason, data, seq, "
          "prev_hash, hash")
# (key in the answer, columns, table): each row as it stands now (a visit with its end). A
# batch's codes are those numbered in it and those of the items it takes in: a push sends its
# codes before its steps, so a batch that ends among them has sent theirs already.
_OTHERS = (
    ("config", "kind, key, value", "config"),
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

    def figures(self, site_id: int) -> FiguresOnHub:
        """The site's figures on the hub through this connection (one per site's report):
        the read of its records ends here."""
        with hub_failures(self.address):
            self.conn.commit()
        return FiguresOnHub(self.address, site_id, self.conn)

    def hub_id(self) -> str:
        """The hub's own id (made by `hub init`): names the copies made of its sites."""
        return str(self._rows("SELECT hub_id FROM ambacht.hub", [])[0][0])

    def batches(self, site_id: int, after: int, limit: int) -> Iterator[Record]:
        """The site's records after the number `after` as `ambacht.pull` gives them: `limit`
        events a batch, each with the other records up to its `upto` number (the last batch
        up to the last number there is), `more` while more follow."""
        tops = [self._rows(f"SELECT max({column}) FROM ambacht.{table} WHERE site_id = %s",
                           [site_id])[0][0] for table, column in _NUMBERED]
        top = max([after, *(found for found in tops if found is not None)])
        while True:
            events = self._rows(
                f"SELECT {_EVENT}, rev FROM ambacht.events WHERE site_id = %s AND rev > %s "
                "AND rev <= %s ORDER BY rev LIMIT %s", [site_id, after, top, limit])
            upto = events[-1][-1] if len(events) == limit else top
            batch: Record = {"upto": upto, "more": upto < top,
                             "events": [dict(zip(_EVENT.split(", "), row[:-1], strict=True))
                                        for row in events]}
            intakes = [row[1] for row in events if row[2] == "intake"]
            for key, columns, table in _OTHERS:
                names = columns.split(", ")
                also, more = {"visits": (" OR ended_rev > %s AND ended_rev <= %s", [after, upto]),
                              "codes": (" OR item_id = ANY(%s)", [intakes])
                              }.get(table, ("", []))
                batch[key] = [dict(zip(names, row, strict=True)) for row in self._rows(
                    f"SELECT {columns} FROM ambacht.{table} WHERE site_id = %s AND "
                    f"(rev > %s AND rev <= %s{also}) ORDER BY rev",
                    [site_id, after, upto, *more])]
            yield batch
            if not batch["more"]:
                return
            after = upto
