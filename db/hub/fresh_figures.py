"""The hub's migration h008_fresh_figures (db/hub/migrations.py): stations keep the network's
figures fresh, and no publication leaves the hub with an older day.

h005 let only `ambacht report --hub` put a site's day sums on the hub, so "Alle locaties"
was as old as the last such report. Now a station puts its site's changed days there after
a sync round that moved steps (`intake/fresh_figures.py`): it holds the site's whole history.

Two stations of a site may publish at once, or one with a round more than the other. Each
day on the hub therefore carries the number of the site's steps its sums were made from
(`site_day_steps`), and a day is replaced only by sums made from at least as many. The
site's steps only grow (append-only, every station ends up with all of them), so more steps
is the later picture. Sums of another version (another time zone, CO2 factors or counting
rules) replace all of the site's days at once, and only with at least as many steps as the
most any day was made from; days are never mixed across versions.

`put_day_sums` does the work for the administrator's copies (`db/hub/figures.py`) and for
`publish_figures`, the one a station calls, which takes the site from the station's role.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from psycopg.types.json import Jsonb

PUBLISH_FUNCTION = "publish_figures(jsonb, jsonb, boolean)"  # granted to stations
PUT_FUNCTION = "ambacht.put_day_sums(bigint, jsonb, jsonb, boolean)"
_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = ambacht, pg_temp"

H008_FRESH_FIGURES = f"""
ALTER TABLE ambacht.site_figures ADD COLUMN steps bigint NOT NULL DEFAULT 0;
CREATE TABLE ambacht.site_day_steps (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    day date NOT NULL,
    steps bigint NOT NULL,
    PRIMARY KEY (site_id, day)
);
-- The days of a site that existed before: made from an unknown number of steps, so any
-- publication of the same version may replace them.
INSERT INTO ambacht.site_day_steps
    SELECT DISTINCT site_id, day, 0 FROM ambacht.site_day_sums;
-- A site's day sums from `p_state` {{version, steps, upto, made_at, first_record,
-- recipient_kinds, categories}} and `p_days` [{{day, week, rows: [[dim, key, kind, detail,
-- count, grams, money, days, co2_g]]}}], made from `steps` of the site's steps. Without
-- `p_everything` (every day of the site's history is in `p_days`) a hub whose sums are of
-- another version, or has none, answers 'everything' and takes nothing; a publication with
-- fewer steps than the hub's newest answers 'behind' when it would replace every day.
-- Otherwise 'taken', with each day whose hub sums were made from as many steps or fewer.
CREATE FUNCTION ambacht.put_day_sums(p_site bigint, p_state jsonb, p_days jsonb,
                                     p_everything boolean) RETURNS text {_DEFINER} AS $$
DECLARE
    held site_figures;
    n bigint := (p_state->>'steps')::bigint;
    newest bigint;
    taken date[];
BEGIN
    -- One publication of a site at a time, from the hub's state read to the commit.
    PERFORM pg_advisory_xact_lock(hashtext('ambacht figures'), p_site::int);
    SELECT * INTO held FROM site_figures WHERE site_id = p_site;
    IF NOT FOUND OR held.version <> p_state->>'version' THEN
        IF NOT p_everything THEN
            RETURN 'everything';
        END IF;
        SELECT coalesce(max(steps), 0) INTO newest FROM site_day_steps WHERE site_id = p_site;
        IF n < newest THEN
            RETURN 'behind';
        END IF;
        DELETE FROM site_day_sums WHERE site_id = p_site;
        DELETE FROM site_day_steps WHERE site_id = p_site;
    END IF;
    taken := ARRAY(SELECT (x->>'day')::date FROM jsonb_array_elements(p_days) x
                   LEFT JOIN site_day_steps s ON s.site_id = p_site AND s.day = (x->>'day')::date
                   WHERE s.steps IS NULL OR s.steps <= n);
    DELETE FROM site_day_sums WHERE site_id = p_site AND day = ANY(taken);
    INSERT INTO site_day_sums (site_id, day, week, dim, key, kind, detail, count, grams,
                               money, days, co2_g)
        SELECT p_site, (x->>'day')::date, (x->>'week')::date, r->>0, r->>1, r->>2, r->>3,
               (r->>4)::bigint, (r->>5)::bigint, (r->>6)::bigint, (r->>7)::bigint,
               (r->>8)::double precision
        FROM jsonb_array_elements(p_days) x, jsonb_array_elements(x->'rows') r
        WHERE (x->>'day')::date = ANY(taken);
    INSERT INTO site_day_steps SELECT p_site, day, n FROM unnest(taken) AS t(day)
        ON CONFLICT (site_id, day) DO UPDATE SET steps = excluded.steps;
    -- The site's own state (when made, its categories' names, ...) from the newest picture.
    INSERT INTO site_figures (site_id, version, upto, made_at, first_record, recipient_kinds,
                              categories, steps)
        VALUES (p_site, p_state->>'version', (p_state->>'upto')::bigint,
                (p_state->>'made_at')::timestamptz, (p_state->>'first_record')::date,
                p_state->'recipient_kinds', p_state->'categories', n)
        ON CONFLICT (site_id) DO UPDATE SET version = excluded.version, upto = excluded.upto,
            made_at = excluded.made_at, first_record = excluded.first_record,
            recipient_kinds = excluded.recipient_kinds, categories = excluded.categories,
            steps = excluded.steps
        WHERE site_figures.steps <= excluded.steps OR site_figures.version <> excluded.version;
    RETURN 'taken';
END $$;
REVOKE ALL ON FUNCTION ambacht.put_day_sums(bigint, jsonb, jsonb, boolean) FROM PUBLIC;
-- A station's publication of its own site's days (see put_day_sums).
CREATE FUNCTION ambacht.publish_figures(p_state jsonb, p_days jsonb, p_everything boolean)
    RETURNS text {_DEFINER} AS $$
BEGIN
    RETURN put_day_sums((caller()).site_id, p_state, p_days, p_everything);
END $$;
REVOKE ALL ON FUNCTION ambacht.{PUBLISH_FUNCTION} FROM PUBLIC;
"""

DayRow = tuple[str, str, str, str, int, int, int, int, float]  # dim, key, kind, detail, sums


def as_json(state: dict[str, Any], days: list[tuple[date, date, list[DayRow]]]
            ) -> tuple[Jsonb, Jsonb]:
    """`state` and (day, its Monday, its rows) as the hub's functions take them."""
    shown = {**state, "made_at": state["made_at"].isoformat(),
             "first_record": None if state["first_record"] is None
             else state["first_record"].isoformat()}
    return Jsonb(shown), Jsonb([{"day": day.isoformat(), "week": week.isoformat(),
                                 "rows": [list(row) for row in rows]}
                                for day, week, rows in days])
