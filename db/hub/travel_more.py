"""The hub's migration h004_travel_more (db/hub/migrations.py): issue 14's records travel.

- The configuration takes two more kinds: staff kinds and the categories that ask for a
  serial number (`db/travel_more.py` on the station's side).
- Visit cancellations and courses (append-only, as on the stations) and sessions at a station
  (whose end comes later: the row's `rev` moves on when it does) get tables of their own,
  filled by `push_people` with the caller's own records only.
- `pull` is replaced: its top number and its answer take the new tables in, so a pull after a
  number misses none of them (the top is read first, as before); and the codes of the items
  whose intake is in the answer always come with it (a push's codes come before its steps,
  so a pull that ends among a push's steps had sent their codes with the batch before).
"""

from __future__ import annotations

_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = ambacht, pg_temp"

_TABLES = """
ALTER TABLE ambacht.config DROP CONSTRAINT config_kind_check;
ALTER TABLE ambacht.config ADD CONSTRAINT config_kind_check CHECK (kind IN (
    'setting', 'category', 'user', 'municipality', 'recipient', 'staff_kind',
    'category_serial'));
CREATE TABLE ambacht.visit_cancellations (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    visit_id text NOT NULL,
    at text NOT NULL,
    station text NOT NULL,
    user_id text NOT NULL,
    reason text NOT NULL,
    rev bigint NOT NULL,
    PRIMARY KEY (site_id, visit_id)
);
CREATE INDEX visit_cancellations_rev ON ambacht.visit_cancellations (site_id, rev);
CREATE TABLE ambacht.courses (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    id text NOT NULL,
    held_on text NOT NULL,
    subject text NOT NULL,
    participants integer NOT NULL CHECK (participants >= 1),
    recorded_at text NOT NULL,
    station text NOT NULL,
    user_id text NOT NULL,
    cancels text,
    reason text,
    rev bigint NOT NULL,
    PRIMARY KEY (site_id, id)
);
CREATE INDEX courses_rev ON ambacht.courses (site_id, rev);
CREATE TABLE ambacht.station_sessions (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    id text NOT NULL,
    user_id text NOT NULL,
    station text NOT NULL,
    started_at text NOT NULL,
    ended_at text,
    active_s integer CHECK (active_s >= 0),
    ended_by text,
    rev bigint NOT NULL,
    PRIMARY KEY (site_id, id)
);
CREATE INDEX station_sessions_rev ON ambacht.station_sessions (site_id, rev);
CREATE TRIGGER visit_cancellations_append_only BEFORE UPDATE OR DELETE
    ON ambacht.visit_cancellations FOR EACH ROW EXECUTE FUNCTION ambacht.append_only();
CREATE TRIGGER courses_append_only BEFORE UPDATE OR DELETE ON ambacht.courses
    FOR EACH ROW EXECUTE FUNCTION ambacht.append_only();
CREATE TRIGGER visit_cancellations_notify AFTER INSERT ON ambacht.visit_cancellations
    FOR EACH ROW EXECUTE FUNCTION ambacht.notify_site();
CREATE TRIGGER courses_notify AFTER INSERT ON ambacht.courses
    FOR EACH ROW EXECUTE FUNCTION ambacht.notify_site();
CREATE TRIGGER station_sessions_notify AFTER INSERT OR UPDATE ON ambacht.station_sessions
    FOR EACH ROW EXECUTE FUNCTION ambacht.notify_site();
"""

_PUSH = f"""
-- A station sends its own visit cancellations, courses and sessions (after `push`, in the
-- same transaction). Sending the same again changes nothing; a session's end is taken once.
CREATE FUNCTION ambacht.push_people(p_cancellations jsonb, p_courses jsonb, p_sessions jsonb)
RETURNS jsonb {_DEFINER} AS $$
DECLARE
    me stations := caller();
    e jsonb;
    found_rows integer;
    n integer := 0;
BEGIN
    PERFORM 1 FROM sites WHERE id = me.site_id FOR UPDATE;  -- revs in commit order
    IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_cancellations || p_courses || p_sessions)
               AS x(r) WHERE r->>'station' IS DISTINCT FROM me.letter) THEN
        RAISE EXCEPTION 'a record of another station than %', me.letter
            USING ERRCODE = 'AMB07';
    END IF;
    FOR e IN SELECT value FROM jsonb_array_elements(p_cancellations) LOOP
        INSERT INTO visit_cancellations (site_id, visit_id, at, station, user_id, reason, rev)
        VALUES (me.site_id, e->>'visit_id', e->>'at', me.letter, e->>'user_id', e->>'reason',
                nextval('rev'))
        ON CONFLICT (site_id, visit_id) DO NOTHING;
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        n := n + found_rows;
    END LOOP;
    FOR e IN SELECT value FROM jsonb_array_elements(p_courses) LOOP
        INSERT INTO courses (site_id, id, held_on, subject, participants, recorded_at, station,
                             user_id, cancels, reason, rev)
        VALUES (me.site_id, e->>'id', e->>'held_on', e->>'subject',
                (e->>'participants')::integer, e->>'recorded_at', me.letter, e->>'user_id',
                e->>'cancels', e->>'reason', nextval('rev'))
        ON CONFLICT (site_id, id) DO NOTHING;
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        n := n + found_rows;
    END LOOP;
    FOR e IN SELECT value FROM jsonb_array_elements(p_sessions) LOOP
        INSERT INTO station_sessions AS s (site_id, id, user_id, station, started_at, ended_at,
                                           active_s, ended_by, rev)
        VALUES (me.site_id, e->>'id', e->>'user_id', me.letter, e->>'started_at',
                e->>'ended_at', (e->>'active_s')::integer, e->>'ended_by', nextval('rev'))
        ON CONFLICT (site_id, id) DO UPDATE
            SET ended_at = excluded.ended_at, active_s = excluded.active_s,
                ended_by = excluded.ended_by, rev = excluded.rev
            WHERE s.ended_at IS NULL AND excluded.ended_at IS NOT NULL;
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        n := n + found_rows;
    END LOOP;
    RETURN jsonb_build_object('people', n);
END $$;
REVOKE ALL ON FUNCTION ambacht.push_people(jsonb, jsonb, jsonb) FROM PUBLIC;
"""

# h001's pull, its top and its answer with the three tables added.
_PULL = f"""
CREATE OR REPLACE FUNCTION ambacht.pull(p_after bigint, p_limit integer)
RETURNS jsonb {_DEFINER} AS $$
DECLARE
    me stations := caller();
    top bigint;
    upto bigint;
    evs jsonb;
    n integer;
BEGIN
    SELECT greatest(p_after,
        (SELECT max(rev) FROM events WHERE site_id = me.site_id),
        (SELECT max(rev) FROM visits WHERE site_id = me.site_id),
        (SELECT max(ended_rev) FROM visits WHERE site_id = me.site_id),
        (SELECT max(rev) FROM codes WHERE site_id = me.site_id),
        (SELECT max(rev) FROM shipments WHERE site_id = me.site_id),
        (SELECT max(rev) FROM config WHERE site_id = me.site_id),
        (SELECT max(rev) FROM visit_cancellations WHERE site_id = me.site_id),
        (SELECT max(rev) FROM courses WHERE site_id = me.site_id),
        (SELECT max(rev) FROM station_sessions WHERE site_id = me.site_id)) INTO top;
    SELECT coalesce(jsonb_agg(to_jsonb(x) - 'rev' ORDER BY x.rev), '[]'::jsonb), count(*),
           max(x.rev)
        INTO evs, n, upto
        FROM (SELECT id, item_id, type, at, recorded_at, station, user_id, reason, data, seq,
                     prev_hash, hash, rev
              FROM events WHERE site_id = me.site_id AND rev > p_after AND rev <= top
              ORDER BY rev LIMIT p_limit) AS x;
    IF n < p_limit THEN
        upto := top;
    END IF;
    UPDATE stations SET pulled_rev = upto, seen_at = now()
        WHERE site_id = me.site_id AND letter = me.letter;
    RETURN jsonb_build_object(
        'upto', upto, 'more', upto < top, 'events', evs,
        'visits', (SELECT coalesce(jsonb_agg(to_jsonb(v) - 'site_id' - 'rev' - 'ended_rev'
                                             ORDER BY v.rev), '[]'::jsonb)
                   FROM visits v WHERE site_id = me.site_id
                   AND (rev > p_after AND rev <= upto
                        OR ended_rev > p_after AND ended_rev <= upto)),
        'codes', (SELECT coalesce(jsonb_agg(jsonb_build_object('item_id', c.item_id,
                                                               'code', c.code) ORDER BY c.rev),
                                  '[]'::jsonb)
                  FROM codes c WHERE site_id = me.site_id
                  AND (rev > p_after AND rev <= upto
                       OR item_id IN (SELECT x->>'item_id' FROM jsonb_array_elements(evs) x
                                      WHERE x->>'type' = 'intake'))),
        'shipments', (SELECT coalesce(jsonb_agg(to_jsonb(s) - 'site_id' - 'rev'
                                                ORDER BY s.rev), '[]'::jsonb)
                      FROM shipments s
                      WHERE site_id = me.site_id AND rev > p_after AND rev <= upto),
        'config', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                       'kind', c.kind, 'key', c.key, 'value', c.value)
                                   ORDER BY c.rev), '[]'::jsonb)
                   FROM config c WHERE site_id = me.site_id AND rev > p_after AND rev <= upto),
        'cancellations', (SELECT coalesce(jsonb_agg(to_jsonb(r) - 'site_id' - 'rev'
                                                    ORDER BY r.rev), '[]'::jsonb)
                          FROM visit_cancellations r
                          WHERE site_id = me.site_id AND rev > p_after AND rev <= upto),
        'courses', (SELECT coalesce(jsonb_agg(to_jsonb(r) - 'site_id' - 'rev'
                                              ORDER BY r.rev), '[]'::jsonb)
                    FROM courses r WHERE site_id = me.site_id AND rev > p_after AND rev <= upto),
        'sessions', (SELECT coalesce(jsonb_agg(to_jsonb(r) - 'site_id' - 'rev'
                                               ORDER BY r.rev), '[]'::jsonb)
                     FROM station_sessions r
                     WHERE site_id = me.site_id AND rev > p_after AND rev <= upto));
END $$;
"""

H004_TRAVEL_MORE = _TABLES + _PUSH + _PULL
