"""A station's session on the hub: join, then push its own and pull the site's records.

Every call goes through the hub's SECURITY DEFINER functions (db/hub/migrations.py): the
station's role may touch no table. Records travel as JSON objects of their stored text.
"""

from __future__ import annotations

from datetime import date, datetime
from types import TracebackType
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from db.hub.connection import connect, hub_failures
from db.hub.fresh_figures import PUBLISH_FUNCTION, DayRow, as_json
from db.hub.passwords import new_password, scram_verifier
from intake.hub_address import HubAddress
from intake.hub_errors import HubRefused

Record = dict[str, Any]


class HubSession:
    """One connection to the hub as a station (or as a join code's role); one transaction
    until `commit`. Leaving the block without commit rolls back."""

    def __init__(self, address: HubAddress) -> None:
        self.address = address
        self.conn: psycopg.Connection = connect(address, station=True)

    def __enter__(self) -> HubSession:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            if kind is not None and not self.conn.closed:
                self.conn.rollback()
        except psycopg.Error:
            pass  # the link is gone: the hub rolls the transaction back itself
        finally:
            self.conn.close()

    def _call(self, query: str, params: list[Any]) -> Any:
        with hub_failures(self.address, station=True):
            row = self.conn.execute(query, params).fetchone()
        return row[0] if row else None

    def commit(self) -> None:
        with hub_failures(self.address, station=True):
            self.conn.commit()

    def join(self, site: str, letter: str | None, keep: bool) -> str:
        """Make this join code's role a station of `site`; its letter (see join_site)."""
        return str(self._call("SELECT ambacht.join_site(%s, %s, %s)", [site, letter, keep]))

    def new_password(self) -> str:
        """Give this role a new random password (in this transaction) and return it: the
        join code's password opens nothing once the join is committed."""
        password = new_password()
        with hub_failures(self.address, station=True):
            self.conn.execute(sql.SQL("ALTER ROLE CURRENT_USER PASSWORD {}").format(
                sql.Literal(scram_verifier(password))))
        return password

    def clock_check(self, local: datetime) -> Record | None:
        """{now, stations}: the hub's clock, and every station's clock minus the hub's in
        seconds, this one's (`local`, its now) noted first (see ambacht.clock_check); None
        from a hub set up before h007, which keeps no clocks."""
        try:
            found: Record = self._call("SELECT ambacht.clock_check(%s)", [local])
        except HubRefused as exc:
            if exc.code not in ("42883", "42501"):  # no such function, or no grant yet
                raise
            self.conn.rollback()
            return None
        return found

    def whoami(self) -> Record:
        """{site, letter, seq, hash}: the station and its last event on the hub."""
        found: Record = self._call("SELECT ambacht.whoami()", [])
        return found

    def site_config(self) -> list[Record]:
        """The site's configuration records: {kind, key, value}."""
        found: list[Record] = self._call("SELECT ambacht.site_config()", [])
        return found

    def push(self, config: list[Record], codes: list[Record], visits: list[Record],
             shipments: list[Record], events: list[Record]) -> Record:
        """Send records (see ambacht.push); the counts of those the hub did not hold."""
        counts: Record = self._call("SELECT ambacht.push(%s, %s, %s, %s, %s)",
                                    [Jsonb(config), Jsonb(codes), Jsonb(visits),
                                     Jsonb(shipments), Jsonb(events)])
        return counts

    def push_people(self, records: dict[str, list[Record]]) -> Record:
        """Send this station's visit cancellations, courses and sessions (see
        ambacht.push_people); {people: how many the hub did not hold}."""
        counts: Record = self._call("SELECT ambacht.push_people(%s, %s, %s)",
                                    [Jsonb(records["cancellations"]), Jsonb(records["courses"]),
                                     Jsonb(records["sessions"])])
        return counts

    def pull(self, after: int, limit: int, own_seq: int) -> Record:
        """The site's records after the number `after`, but this station's own events up to
        `own_seq`, which it holds (see ambacht.pull)."""
        found: Record = self._call("SELECT ambacht.pull(%s, %s, %s)", [after, limit, own_seq])
        return found

    def keeps_figures(self) -> bool:
        """Whether the hub takes a station's figures (a hub not upgraded by `ambacht hub
        init` does not)."""
        return self._call("SELECT to_regprocedure(%s)", [f"ambacht.{PUBLISH_FUNCTION}"]) is not None

    def publish_figures(self, state: Record, days: list[tuple[date, date, list[DayRow]]],
                        everything: bool) -> str:
        """Put this station's sums of its site's days on the hub (see ambacht.put_day_sums):
        'taken', 'everything' (send every day) or 'behind'."""
        return str(self._call("SELECT ambacht.publish_figures(%s, %s, %s)",
                              [*as_json(state, days), everything]))
