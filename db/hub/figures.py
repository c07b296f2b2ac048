"""The hub's figures of every site (h005_net_figures): each site's day sums, for a network.

A network coordinator's dashboard shows the figures of every site on the hub ("Alle
locaties"), but a station holds only its own site's history and never gets another site's
steps. So the hub keeps each site's **day sums**: the rows of a station's own day-sum cache
(`db/day_figures.py`, the whole site's breakdowns, not the per-station ones), made by the
code a station sums its days with and put on the hub by the site's stations after their sync
rounds and by `ambacht report --hub` from the administrator's copy of the site
(`intake/fresh_figures.py`; h007, `db/hub/fresh_figures.py`, keeps a day from going back to
older sums). Beside them, per site: the sums' version, the hub's number they hold the records
up to, when they were made, and what the report needs to count them (the recipients' kinds,
the categories' names).

A station reads them through one SECURITY DEFINER function, `network_figures(first, last)`,
which any station of the hub may call (they are counts, no steps and nothing about a person);
who may see them on the screen is the station's business (`Action.NETWORK_FIGURES`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import psycopg

from db.hub.connection import connect, hub_failures
from db.hub.fresh_figures import PUT_FUNCTION, DayRow, as_json
from intake.hub_address import HubAddress

_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = ambacht, pg_temp"

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

class FiguresOnHub:
    """One site's figures as the administrator puts them on the hub from its copy of the
    site (`intake/fresh_figures.py`), by the rule a station's publication follows
    (`db/hub/fresh_figures.py`), through the connection that read the site's records
    (`SiteRecords.figures`): one transaction, until `commit`."""

    def __init__(self, address: HubAddress, site_id: int, conn: psycopg.Connection) -> None:
        self.address, self.site_id, self.conn = address, site_id, conn

    def commit(self) -> None:
        with hub_failures(self.address):
            self.conn.commit()

    def keeps_figures(self) -> bool:
        """Whether the hub keeps the sites' figures (upgraded by `ambacht hub init`)."""
        with hub_failures(self.address):
            (found,) = self.conn.execute("SELECT to_regprocedure(%s)",
                                         [PUT_FUNCTION]).fetchone() or (None,)
        return found is not None

    def publish_figures(self, state: dict[str, Any],
                        days: list[tuple[date, date, list[DayRow]]], everything: bool) -> str:
        """Put the site's day sums on the hub (see ambacht.put_day_sums): 'taken',
        'everything' or 'behind'."""
        with hub_failures(self.address):
            (answer,) = self.conn.execute(
                "SELECT ambacht.put_day_sums(%s, %s, %s, %s)",
                [self.site_id, *as_json(state, days), everything]).fetchone() or (None,)
        return str(answer)


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
