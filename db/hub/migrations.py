"""The hub's schema in PostgreSQL, as versioned migrations recorded in `ambacht.migrations`.

Add a new entry at the end of MIGRATIONS for every change; never edit one that has shipped.
Everything lives in the schema `ambacht`, owned by the administrator who ran `hub init`.
Stations log in as roles of their own that hold no privilege on any table: their only door is
the SECURITY DEFINER functions (`join_site`, `whoami`, `push`, `push_people`, `pull`, ...),
which check who calls (`session_user`) and what they send. The design is in docs/stations.md.

The custom error codes (`AMB01` ...) are read by `intake.hub_errors.hub_refused`.
"""

from __future__ import annotations

from db.hub.any_kind import H006_ANY_KIND
from db.hub.clocks import H007_CLOCKS
from db.hub.figures import H005_NET_FIGURES
from db.hub.fresh_figures import H008_FRESH_FIGURES
from db.hub.travel_more import H004_TRAVEL_MORE
from intake.chain import GENESIS

_M001_TABLES = """
CREATE SCHEMA IF NOT EXISTS ambacht;
CREATE TABLE ambacht.hub (
    only_row integer PRIMARY KEY CHECK (only_row = 1),
    hub_id text NOT NULL CHECK (hub_id ~ '^[0-9a-f]{8}$')
);
-- One number for every row a station may pull, taken while the site's row is locked, so that
-- within a site the numbers follow the commits and a pull after a number misses nothing.
CREATE SEQUENCE ambacht.rev;
CREATE TABLE ambacht.sites (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name <> ''),
    created_at timestamptz NOT NULL DEFAULT now()
);
-- A station is a letter of a site and the role it logs in as; revoked stations keep their
-- letter (codes carry it) but can neither push nor pull. `pushed_seq` and `pulled_rev` are
-- the station's sync cursors as the hub saw them.
CREATE TABLE ambacht.stations (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    letter text NOT NULL CHECK (letter ~ '^[A-Z]$'),
    role_name text NOT NULL UNIQUE,
    joined_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    pushed_seq bigint NOT NULL DEFAULT 0,
    pulled_rev bigint NOT NULL DEFAULT 0,
    seen_at timestamptz,
    PRIMARY KEY (site_id, letter)
);
-- A join code's role until it joins; `letter` set: it takes that station over (a dead PC).
CREATE TABLE ambacht.invites (
    role_name text PRIMARY KEY,
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    letter text CHECK (letter ~ '^[A-Z]$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at timestamptz
);
-- The stations' events as they stored them (text, so that every hash can be checked again).
CREATE TABLE ambacht.events (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    station text NOT NULL,
    seq bigint NOT NULL CHECK (seq > 0),
    id text NOT NULL,
    item_id text NOT NULL,
    type text NOT NULL,
    at text NOT NULL,
    recorded_at text NOT NULL,
    user_id text NOT NULL,
    reason text,
    data text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    rev bigint NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, station, seq),
    UNIQUE (site_id, id)
);
CREATE INDEX events_rev ON ambacht.events (site_id, rev);
CREATE TABLE ambacht.visits (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    id text NOT NULL,
    code text NOT NULL,
    station text NOT NULL,
    user_id text NOT NULL,
    municipality text,
    started_at text NOT NULL,
    ended_at text,
    rev bigint NOT NULL,  -- when it came; a station pulling from before gets it as it is now
    ended_rev bigint,  -- when its end came, so that a station that had it gets the end
    PRIMARY KEY (site_id, id)
);
CREATE INDEX visits_rev ON ambacht.visits (site_id, rev);
CREATE INDEX visits_ended_rev ON ambacht.visits (site_id, ended_rev);
-- Each item's code (its intake event does not carry it), sent before the event.
CREATE TABLE ambacht.codes (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    item_id text NOT NULL,
    code text NOT NULL,
    rev bigint NOT NULL,
    PRIMARY KEY (site_id, item_id),
    UNIQUE (site_id, code)
);
CREATE INDEX codes_rev ON ambacht.codes (site_id, rev);
CREATE TABLE ambacht.shipments (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    code text NOT NULL,
    recipient text NOT NULL,
    at text NOT NULL,
    station text NOT NULL,
    user_id text NOT NULL,
    rev bigint NOT NULL,
    PRIMARY KEY (site_id, code)
);
CREATE INDEX shipments_rev ON ambacht.shipments (site_id, rev);
-- The coordinator's configuration, one row per record: the last writer by (at, station) wins.
CREATE TABLE ambacht.config (
    site_id bigint NOT NULL REFERENCES ambacht.sites,
    kind text NOT NULL
        CHECK (kind IN ('setting', 'category', 'user', 'municipality', 'recipient')),
    key text NOT NULL,
    value text NOT NULL,
    at timestamptz NOT NULL,
    station text NOT NULL,
    rev bigint NOT NULL,
    PRIMARY KEY (site_id, kind, key)
);
CREATE INDEX config_rev ON ambacht.config (site_id, rev);
CREATE FUNCTION ambacht.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ambacht.% is append-only', TG_TABLE_NAME USING ERRCODE = 'AMB12';
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON ambacht.events
    FOR EACH ROW EXECUTE FUNCTION ambacht.append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ambacht.events
    FOR EACH STATEMENT EXECUTE FUNCTION ambacht.append_only();
CREATE TRIGGER shipments_append_only BEFORE UPDATE OR DELETE ON ambacht.shipments
    FOR EACH ROW EXECUTE FUNCTION ambacht.append_only();
CREATE TRIGGER codes_append_only BEFORE UPDATE OR DELETE ON ambacht.codes
    FOR EACH ROW EXECUTE FUNCTION ambacht.append_only();
CREATE TRIGGER shipments_no_truncate BEFORE TRUNCATE ON ambacht.shipments
    FOR EACH STATEMENT EXECUTE FUNCTION ambacht.append_only();
"""

_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = ambacht, pg_temp"

_M001_FUNCTIONS = f"""
-- The calling station: its row, or a refusal for a role that is none or was revoked.
CREATE FUNCTION ambacht.caller() RETURNS ambacht.stations {_DEFINER} AS $$
DECLARE me ambacht.stations;
BEGIN
    SELECT * INTO me FROM stations WHERE role_name = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'role % is no station', session_user USING ERRCODE = 'AMB01';
    END IF;
    IF me.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'station % since %', me.letter, me.revoked_at USING ERRCODE = 'AMB02';
    END IF;
    RETURN me;
END $$;

-- An invite's role becomes a station of its site. A database with history asks for its own
-- letter and `keep`s it (refused when taken); otherwise the wanted letter if free, else the
-- first free one. The site's row is locked, so two joins at once get different letters.
CREATE FUNCTION ambacht.join_site(p_site text, p_letter text, p_keep boolean)
RETURNS text {_DEFINER} AS $$
DECLARE
    inv invites;
    site sites;
    chosen text;
    old_role text;
BEGIN
    SELECT * INTO inv FROM invites WHERE role_name = session_user FOR UPDATE;
    IF NOT FOUND OR inv.used_at IS NOT NULL THEN
        RAISE EXCEPTION 'join code used' USING ERRCODE = 'AMB03';
    END IF;
    SELECT * INTO site FROM sites WHERE id = inv.site_id FOR UPDATE;
    IF site.name <> p_site THEN
        RAISE EXCEPTION 'it is for %', site.name USING ERRCODE = 'AMB04';
    END IF;
    IF inv.letter IS NOT NULL THEN  -- taking over a station (a new PC for a dead one)
        IF p_keep AND p_letter IS DISTINCT FROM inv.letter THEN
            RAISE EXCEPTION 'The code takes over station %, this database is station %',
                inv.letter, p_letter USING ERRCODE = 'AMB05';
        END IF;
        SELECT role_name INTO old_role FROM stations
            WHERE site_id = site.id AND letter = inv.letter;
        EXECUTE format('ALTER ROLE %I NOLOGIN', old_role);  -- the dead PC's opens nothing
        UPDATE stations SET role_name = session_user, revoked_at = NULL, joined_at = now()
            WHERE site_id = site.id AND letter = inv.letter;
        chosen := inv.letter;
    ELSE
        IF p_letter IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM stations WHERE site_id = site.id AND letter = p_letter) THEN
            chosen := p_letter;
        ELSIF p_keep THEN
            RAISE EXCEPTION 'Letter % is taken at site %', p_letter, site.name
                USING ERRCODE = 'AMB05';
        ELSE
            SELECT chr(code) INTO chosen FROM generate_series(65, 90) AS code
                WHERE NOT EXISTS (SELECT 1 FROM stations
                                  WHERE site_id = site.id AND letter = chr(code))
                ORDER BY code LIMIT 1;
            IF chosen IS NULL THEN
                RAISE EXCEPTION 'no letter left' USING ERRCODE = 'AMB06';
            END IF;
        END IF;
        INSERT INTO stations (site_id, letter, role_name) VALUES (site.id, chosen, session_user);
    END IF;
    UPDATE invites SET used_at = now() WHERE role_name = session_user;
    RETURN chosen;
END $$;

-- Who the caller is: its site and letter, and the last of its events the hub holds.
CREATE FUNCTION ambacht.whoami() RETURNS jsonb {_DEFINER} AS $$
DECLARE
    me stations := caller();
    head events;
BEGIN
    SELECT * INTO head FROM events WHERE site_id = me.site_id AND station = me.letter
        ORDER BY seq DESC LIMIT 1;
    RETURN jsonb_build_object(
        'site', (SELECT name FROM sites WHERE id = me.site_id), 'letter', me.letter,
        'seq', coalesce(head.seq, 0), 'hash', coalesce(head.hash, '{GENESIS}'));
END $$;

-- A station sends its configuration changes, and its own item codes, visits, delivery notes
-- and events (each continuing its chain: next seq, previous hash), in that order, so that
-- what an event names has a smaller number. Sending the same again changes nothing; another
-- history under a seq the hub holds is refused, and so is the whole call with it.
CREATE FUNCTION ambacht.push(p_config jsonb, p_codes jsonb, p_visits jsonb,
                             p_shipments jsonb, p_events jsonb) RETURNS jsonb {_DEFINER} AS $$
DECLARE
    me stations := caller();
    e jsonb;
    head_seq bigint;
    head_hash text;
    held text;
    found_rows integer;
    n_events integer := 0;
    n_visits integer := 0;
    n_shipments integer := 0;
    n_config integer := 0;
BEGIN
    PERFORM 1 FROM sites WHERE id = me.site_id FOR UPDATE;  -- revs in commit order
    SELECT seq, hash INTO head_seq, head_hash FROM events
        WHERE site_id = me.site_id AND station = me.letter ORDER BY seq DESC LIMIT 1;
    head_seq := coalesce(head_seq, 0);
    head_hash := coalesce(head_hash, '{GENESIS}');
    FOR e IN SELECT value FROM jsonb_array_elements(p_config) LOOP
        INSERT INTO config AS c (site_id, kind, key, value, at, station, rev)
        VALUES (me.site_id, e->>'kind', e->>'key', e->>'value',
                least((e->>'at')::timestamptz, now()), me.letter, nextval('rev'))
        ON CONFLICT (site_id, kind, key) DO UPDATE
            SET value = excluded.value, at = excluded.at, station = excluded.station,
                rev = excluded.rev
            WHERE (excluded.at, excluded.station) > (c.at, c.station);
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        n_config := n_config + found_rows;
    END LOOP;
    FOR e IN SELECT value FROM jsonb_array_elements(p_codes) LOOP
        IF left(e->>'code', 1) IS DISTINCT FROM me.letter THEN
            RAISE EXCEPTION 'item % of station %', e->>'code', left(e->>'code', 1)
                USING ERRCODE = 'AMB07';
        END IF;
        INSERT INTO codes (site_id, item_id, code, rev)
        VALUES (me.site_id, e->>'item_id', e->>'code', nextval('rev'))
        ON CONFLICT (site_id, item_id) DO NOTHING;
    END LOOP;
    FOR e IN SELECT value FROM jsonb_array_elements(p_visits) LOOP
        IF e->>'station' IS DISTINCT FROM me.letter THEN
            RAISE EXCEPTION 'visit % of station %', e->>'code', e->>'station'
                USING ERRCODE = 'AMB07';
        END IF;
        INSERT INTO visits AS v (site_id, id, code, station, user_id, municipality,
                                 started_at, ended_at, rev)
        VALUES (me.site_id, e->>'id', e->>'code', me.letter, e->>'user_id',
                e->>'municipality', e->>'started_at', e->>'ended_at', nextval('rev'))
        ON CONFLICT (site_id, id) DO UPDATE
            SET ended_at = excluded.ended_at, ended_rev = excluded.rev
            WHERE v.ended_at IS NULL AND excluded.ended_at IS NOT NULL;
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        n_visits := n_visits + found_rows;
    END LOOP;
    FOR e IN SELECT value FROM jsonb_array_elements(p_shipments) LOOP
        IF e->>'station' IS DISTINCT FROM me.letter THEN
            RAISE EXCEPTION 'delivery note % of station %', e->>'code', e->>'station'
                USING ERRCODE = 'AMB07';
        END IF;
        INSERT INTO shipments (site_id, code, recipient, at, station, user_id, rev)
        VALUES (me.site_id, e->>'code', e->>'recipient', e->>'at', me.letter, e->>'user_id',
                nextval('rev'))
        ON CONFLICT (site_id, code) DO NOTHING;
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        n_shipments := n_shipments + found_rows;
    END LOOP;
    FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
        IF e->>'station' IS DISTINCT FROM me.letter THEN
            RAISE EXCEPTION 'event % of station %', e->>'id', e->>'station'
                USING ERRCODE = 'AMB07';
        END IF;
        IF (e->>'seq')::bigint <= head_seq THEN
            SELECT hash INTO held FROM events
                WHERE site_id = me.site_id AND station = me.letter AND seq = (e->>'seq')::bigint;
            IF held IS DISTINCT FROM e->>'hash' THEN
                RAISE EXCEPTION 'event % of station %', e->>'seq', me.letter
                    USING ERRCODE = 'AMB08';
            END IF;
            CONTINUE;
        END IF;
        IF (e->>'seq')::bigint <> head_seq + 1 OR e->>'prev_hash' IS DISTINCT FROM head_hash THEN
            RAISE EXCEPTION 'event % after %', e->>'seq', head_seq USING ERRCODE = 'AMB09';
        END IF;
        INSERT INTO events (site_id, station, seq, id, item_id, type, at, recorded_at, user_id,
                            reason, data, prev_hash, hash, rev)
        VALUES (me.site_id, me.letter, (e->>'seq')::bigint, e->>'id', e->>'item_id',
                e->>'type', e->>'at', e->>'recorded_at', e->>'user_id', e->>'reason',
                e->>'data', e->>'prev_hash', e->>'hash', nextval('rev'));
        head_seq := head_seq + 1;
        head_hash := e->>'hash';
        n_events := n_events + 1;
    END LOOP;
    UPDATE stations SET pushed_seq = head_seq, seen_at = now()
        WHERE site_id = me.site_id AND letter = me.letter;
    RETURN jsonb_build_object('events', n_events, 'visits', n_visits,
                              'shipments', n_shipments, 'config', n_config);
END $$;

-- What the site holds after `p_after`, at most `p_limit` events (and everything else up to
-- the last of those), the caller's own included (a restored station takes its own back).
-- `upto` is taken first, so a push committing meanwhile is left wholly for the next pull.
CREATE FUNCTION ambacht.pull(p_after bigint, p_limit integer) RETURNS jsonb {_DEFINER} AS $$
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
        (SELECT max(rev) FROM config WHERE site_id = me.site_id)) INTO top;
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
                  FROM codes c WHERE site_id = me.site_id AND rev > p_after AND rev <= upto),
        'shipments', (SELECT coalesce(jsonb_agg(to_jsonb(s) - 'site_id' - 'rev'
                                                ORDER BY s.rev), '[]'::jsonb)
                      FROM shipments s
                      WHERE site_id = me.site_id AND rev > p_after AND rev <= upto),
        'config', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                       'kind', c.kind, 'key', c.key, 'value', c.value)
                                   ORDER BY c.rev), '[]'::jsonb)
                   FROM config c WHERE site_id = me.site_id AND rev > p_after AND rev <= upto));
END $$;

-- The site's whole configuration: what a new station starts with.
CREATE FUNCTION ambacht.site_config() RETURNS jsonb {_DEFINER} AS $$
DECLARE me stations := caller();
BEGIN
    RETURN (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                'kind', kind, 'key', key, 'value', value) ORDER BY rev),
                            '[]'::jsonb)
            FROM config WHERE site_id = me.site_id);
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ambacht FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA ambacht FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA ambacht FROM PUBLIC;
"""

# News for the stations listening (LISTEN/NOTIFY): every new or changed row a station may
# pull notifies its site's channel, with the letter of the station that sent it (which
# ignores its own news). NOTIFY is sent at commit and folds repeats within a transaction.
_M002_NOTIFY = f"""
CREATE FUNCTION ambacht.notify_site() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ambacht_site_' || NEW.site_id,  -- codes: the code's letter
                      coalesce(to_jsonb(NEW)->>'station', left(to_jsonb(NEW)->>'code', 1)));
    RETURN NULL;
END $$;
CREATE TRIGGER events_notify AFTER INSERT ON ambacht.events
    FOR EACH ROW EXECUTE FUNCTION ambacht.notify_site();
CREATE TRIGGER codes_notify AFTER INSERT ON ambacht.codes
    FOR EACH ROW EXECUTE FUNCTION ambacht.notify_site();
CREATE TRIGGER visits_notify AFTER INSERT OR UPDATE ON ambacht.visits
    FOR EACH ROW EXECUTE FUNCTION ambacht.notify_site();
CREATE TRIGGER shipments_notify AFTER INSERT ON ambacht.shipments
    FOR EACH ROW EXECUTE FUNCTION ambacht.notify_site();
CREATE TRIGGER config_notify AFTER INSERT OR UPDATE ON ambacht.config
    FOR EACH ROW EXECUTE FUNCTION ambacht.notify_site();
-- The channel a station listens on for its site's news.
CREATE FUNCTION ambacht.channel() RETURNS text {_DEFINER} AS $$
BEGIN
    RETURN 'ambacht_site_' || (caller()).site_id;
END $$;
REVOKE ALL ON FUNCTION ambacht.channel() FROM PUBLIC;
REVOKE ALL ON FUNCTION ambacht.notify_site() FROM PUBLIC;
"""

# A station's own events that it holds already (seq up to `p_own_seq`) are not sent back:
# the events after them are (a station restored from an old backup takes its own back).
_M003_OWN = f"""
CREATE FUNCTION ambacht.pull(p_after bigint, p_limit integer, p_own_seq bigint)
RETURNS jsonb {_DEFINER} AS $$
DECLARE
    me stations := caller();
    got jsonb := pull(p_after, p_limit);
BEGIN
    RETURN jsonb_set(got, '{{events}}', (
        SELECT coalesce(jsonb_agg(e ORDER BY n), '[]'::jsonb)
        FROM jsonb_array_elements(got->'events') WITH ORDINALITY AS x(e, n)
        WHERE e->>'station' <> me.letter OR (e->>'seq')::bigint > p_own_seq));
END $$;
REVOKE ALL ON FUNCTION ambacht.pull(bigint, integer, bigint) FROM PUBLIC;
"""

# (name, SQL): applied in order, each once, each in the transaction that records it.
MIGRATIONS: list[tuple[str, str]] = [
    ("h001_hub", _M001_TABLES + _M001_FUNCTIONS), ("h002_news", _M002_NOTIFY),
    ("h003_own_steps", _M003_OWN), ("h004_travel_more", H004_TRAVEL_MORE),
    ("h006_any_kind", H006_ANY_KIND), ("h005_net_figures", H005_NET_FIGURES),  # h006 first
    ("h007_clocks", H007_CLOCKS), ("h008_fresh_figures", H008_FRESH_FIGURES)]
