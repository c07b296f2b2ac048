"""The hub's migration h007_clocks (db/hub/migrations.py): each station's clock beside the
hub's.

At the start of each round a station calls `clock_check(its now)`. The hub notes the
difference to its own clock (`stations.clock_offset_s`, seconds: ahead is positive) and answers
with its now and the differences of every station of the site that is not revoked, so that the
coordinator's "Let op" names a station whose clock is off, wherever it logs in. The station
dates the configuration changes it sends by the hub's clock (`intake/hub_sync.py`), which makes
the last-writer rule sound for a clock that is hours off (docs/stations.md).
"""

from __future__ import annotations

_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = ambacht, pg_temp"

H007_CLOCKS = f"""
ALTER TABLE ambacht.stations ADD COLUMN clock_offset_s integer;
CREATE FUNCTION ambacht.clock_check(p_local timestamptz) RETURNS jsonb {_DEFINER} AS $$
DECLARE
    me stations := caller();
    hub_now timestamptz := clock_timestamp();
BEGIN
    UPDATE stations SET clock_offset_s = round(extract(epoch FROM p_local - hub_now))
        WHERE site_id = me.site_id AND letter = me.letter;
    RETURN jsonb_build_object(
        'now', hub_now,
        'stations', (SELECT coalesce(jsonb_object_agg(letter, clock_offset_s), '{{}}'::jsonb)
                     FROM stations WHERE site_id = me.site_id AND revoked_at IS NULL
                     AND clock_offset_s IS NOT NULL));
END $$;
REVOKE ALL ON FUNCTION ambacht.clock_check(timestamptz) FROM PUBLIC;
"""
