"""The hub's figures of every site (h005_net_figures): each site's day sums, for a network.

A network coordinator's dashboard shows the figures of every site on the hub ("Alle
locaties"), but a station holds only its own site's history and never gets another site's
steps. So the hub keeps each site's **day sums**: the rows of a station's own day-sum cache
(`db/day_figures.py`, the whole site's breakdowns, not the per-station ones), made from the
administrator's copy of the site (`intake/hub_report.py`) by the code a station sums its days
with, and put on the hub by `ambacht report --hub` (`publish`). Beside them, per site: the
sums' version, the hub's number they hold the records up to, when they were made, and what
the report needs to count them (the recipients' kinds, the categories' names).

A station reads them through one SECURITY DEFINER function, `network_figures(first, last)`,
which any station of the hub may call (they are counts, no steps and nothing about a person);
who may see them on the screen is the station's business (`Action.NETWORK_FIGURES`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from types import TracebackType
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from db.hub.connection import connect, hub_failures
from intake.hub_address import HubAddress

_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = ambacht, pg_temp"

_SUMS = "count, grams, money, days, co2_g"
_GROUPED = "sum(count), sum(grams), sum(money), sum(days), sum(co2_g)"

H005_NET_FIGURES = f"""
CREATE TABLE ambacht.site_figures (
    site_id bigint PRIMARY KEY REFERENCES ambacht.sites,
    version text NOT NULL,
    upto bigint NOT NULL,
    made_at timestamptz NOT NULL,
    first_record date,
    recipient_kinds jsonb NOT NULL,
    categories jsonb NOT NULL
);
CREATE TABLE ambacht.site_day_sums (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    day date NOT NULL,
    week date NOT NULL,
    dim text NOT NULL,
    key text NOT NULL,
    kind text NOT NULL,
    detail text NOT NULL,
    count bigint NOT NULL,
    grams bigint NOT NULL,
    money bigint NOT NULL,
    days bigint NOT NULL,
    co2_g double precision NOT NULL,
    PRIMARY KEY (site_id, day, dim, key, kind, detail)
);
-- Every site's sums of the days `p_first` to `p_last`: per breakdown, and the totals per
-- week. A site whose figures were never made comes with `made_at` null and no sums.
CREATE FUNCTION ambacht.network_figures(p_first date, p_last date) RETURNS jsonb {_DEFINER} AS $$
BEGIN
    PERFORM caller();  -- a station of this hub that is not revoked
    RETURN (SELECT coalesce(jsonb_agg(jsonb_build_object(
        'site', s.name, 'made_at', f.made_at, 'upto', f.upto, 'first_record', f.first_record,
        'kinds', coalesce(f.recipient_kinds, '{{}}'::jsonb),
        'categories', coalesce(f.categories, '[]'::jsonb),
        'sums', (SELECT coalesce(jsonb_agg(jsonb_build_array(dim, key, kind, detail, c, g, m,
                                                             d, co2)), '[]'::jsonb)
                 FROM (SELECT dim, key, kind, detail, {_GROUPED}
                       FROM site_day_sums WHERE site_id = s.id AND day >= p_first
                       AND day <= p_last GROUP BY dim, key, kind, detail) AS t(dim, key, kind,
                       detail, c, g, m, d, co2)),
        'weeks', (SELECT coalesce(jsonb_agg(jsonb_build_array(week, kind, detail, c, g, m, d,
                                                              co2)), '[]'::jsonb)
                  FROM (SELECT week, kind, detail, {_GROUPED}
                        FROM site_day_sums WHERE site_id = s.id AND dim = 'total'
                        AND day >= p_first AND day <= p_last GROUP BY week, kind, detail)
                        AS t(week, kind, detail, c, g, m, d, co2))
        ) ORDER BY s.name), '[]'::jsonb)
        FROM sites s LEFT JOIN site_figures f ON f.site_id = s.id);
END $$;
REVOKE ALL ON FUNCTION ambacht.network_figures(date, date) FROM PUBLIC;
"""

DayRow = tuple[str, str, str, str, int, int, int, int, float]  # dim, key, kind, detail, sums


class FiguresOnHub:
    """One site's figures as the administrator puts them on the hub: one connection and one
    transaction, which holds the site's lock from the version read to the commit, so that two
    reports at once put a site's days one after the other, not into each other. Leaving the
    block commits; an exception rolls back."""

    def __init__(self, address: HubAddress, site_id: int) -> None:
        self.address, self.site_id = address, site_id
        self.conn: psycopg.Connection = connect(address)

    def __enter__(self) -> FiguresOnHub:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            with hub_failures(self.address):
                if kind is None:
                    self.conn.commit()
        finally:
            self.conn.close()

    def version(self) -> str | None:
        """The version of the day sums the hub holds for the site: '' for none yet, None for
        a hub without h005 (upgraded by `ambacht hub init`), which keeps no figures."""
        with hub_failures(self.address):
            (table,) = self.conn.execute(
                "SELECT to_regclass('ambacht.site_figures')").fetchone() or (None,)
            if table is None:
                return None
            self.conn.execute("SELECT pg_advisory_xact_lock(hashtext('ambacht figures'), "
                              "%s::int)", [self.site_id])
            row = self.conn.execute("SELECT version FROM ambacht.site_figures "
                                    "WHERE site_id = %s", [self.site_id]).fetchone()
        return "" if row is None else str(row[0])

    def publish(self, state: dict[str, Any], days: Iterable[tuple[date, date, list[DayRow]]],
                everything: bool) -> None:
        """Put the site's day sums on the hub (after `version`): `days` are (day, its Monday,
        its rows) summed again since the last time (`everything`: all of them, the old ones
        dropped first); `state` is {version, upto, made_at, first_record, recipient_kinds,
        categories}."""
        site_id = self.site_id
        with hub_failures(self.address), self.conn.cursor() as cursor:
            if everything:
                cursor.execute("DELETE FROM ambacht.site_day_sums WHERE site_id = %s",
                               [site_id])
            for day, week, rows in days:
                if not everything:
                    cursor.execute("DELETE FROM ambacht.site_day_sums WHERE site_id = %s "
                                   "AND day = %s", [site_id, day])
                cursor.executemany(
                    "INSERT INTO ambacht.site_day_sums (site_id, day, week, dim, key, kind, "
                    f"detail, {_SUMS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [(site_id, day, week, *row) for row in rows])
            cursor.execute(
                "INSERT INTO ambacht.site_figures (site_id, version, upto, made_at, "
                "first_record, recipient_kinds, categories) VALUES (%s, %s, %s, %s, %s, %s, "
                "%s) ON CONFLICT (site_id) DO UPDATE SET version = excluded.version, "
                "upto = excluded.upto, made_at = excluded.made_at, "
                "first_record = excluded.first_record, "
                "recipient_kinds = excluded.recipient_kinds, categories = excluded.categories",
                [site_id, state["version"], state["upto"], state["made_at"],
                 state["first_record"], Jsonb(state["recipient_kinds"]),
                 Jsonb(state["categories"])])


def network_figures(address: HubAddress, first: date, last: date) -> list[dict[str, Any]]:
    """Every site's sums from `first` to `last` as the hub holds them, read as a station:
    [{site, made_at (datetime or None), upto, first_record (ISO day or None), kinds,
    categories, sums, weeks}], by name."""
    with hub_failures(address), connect(address) as conn:
        (found,) = conn.execute("SELECT ambacht.network_figures(%s, %s)",
                                [first, last]).fetchone() or ([],)
    for site in found:
        if site["made_at"] is not None:
            site["made_at"] = datetime.fromisoformat(site["made_at"])
    return list(found)
