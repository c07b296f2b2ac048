"""The database schema, as sqlite-utils migrations recorded in `_sqlite_migrations`.

Add a new function at the end for every change; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.chain import CHAINED_TRIGGER, chain_history
from db.counting_tables import COUNTING_RULES_TABLES
from db.drafts import DRAFTS_SCHEMA
from db.export_records import EXPORT_WATERMARK_SCHEMA
from db.figures_to_publish import FIGURES_TO_PUBLISH_SCHEMA
from db.guard import IDENTITY_TABLE, new_file_id
from db.held_steps import HELD_STEPS_SCHEMA
from db.hub_link import HUB_LINK_SCHEMA
from db.hub_restore import HUB_RESTORED_SCHEMA
from db.initial_schema import INITIAL_SCHEMA
from db.merge import MERGED_HISTORY_SCHEMA
from db.newer_steps import NEWER_STEPS_SCHEMA
from db.overruled import OVERRULED_SCHEMA
from db.people import PEOPLE_TABLES, people_at_the_time
from db.registers import REGISTER_TABLES
from db.shared_pins import SHARED_PINS_TRAVEL
from db.station_clocks import STATION_CLOCKS_SCHEMA
from db.till import TILL_SCHEMA
from db.times import UNREADABLE_EVENT, UNREADABLE_ITEM, readable_time
from db.travel_more import TRAVEL_MORE_SCHEMA

MIGRATION_SET = "ambacht"
migrations = Migrations(MIGRATION_SET)


def _apply(db: Database, statements: Iterable[str]) -> None:
    """Run a migration's statements in order (inside the migration's transaction)."""
    for statement in statements:
        db.execute(statement)


@migrations()
def m001_initial(db: Database) -> None:
    """Settings, stations, users, municipalities, categories, visits, items and events."""
    _apply(db, INITIAL_SCHEMA)


@migrations()
def m002_config_changes(db: Database) -> None:
    """Who changed which setting, category or account, and from what to what (append-only)."""
    db.execute(
        """CREATE TABLE config_changes (
            id TEXT PRIMARY KEY,
            at TEXT NOT NULL,
            user_id TEXT NOT NULL REFERENCES users(id),
            what TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT
        )"""
    )
    db.execute(
        """CREATE TRIGGER config_changes_no_update BEFORE UPDATE ON config_changes
           BEGIN SELECT RAISE(ABORT, 'config_changes are append-only'); END"""
    )
    db.execute(
        """CREATE TRIGGER config_changes_no_delete BEFORE DELETE ON config_changes
           BEGIN SELECT RAISE(ABORT, 'config_changes are append-only'); END"""
    )


# ORDS product categories of the default electrical categories (see intake/ords.py).
_DEFAULT_ORDS = {
    "eee_small": "Small home electrical",
    "eee_large": "Large home electrical",
    "computers": "Desktop computer",
    "lamps": "Lamp",
}


@migrations()
def m003_item_flow(db: Database) -> None:
    """Items move on after the gate: repair, sale, material out, repurposing.

    The item row gains its status, origin, price and safety test result (all kept in step with
    the events, like route and voided); categories a usual price and an ORDS product category;
    material leaves in shipments to recipients the coordinator keeps.
    """
    for statement in (
        "ALTER TABLE items ADD COLUMN status TEXT NOT NULL DEFAULT 'in_stock'",
        "ALTER TABLE items ADD COLUMN origin TEXT NOT NULL DEFAULT 'gate'",
        "ALTER TABLE items ADD COLUMN price_cents INTEGER",
        "ALTER TABLE items ADD COLUMN safety TEXT",
        "CREATE INDEX items_status ON items (status, route)",
        "ALTER TABLE categories ADD COLUMN price_cents INTEGER",
        "ALTER TABLE categories ADD COLUMN ords_category TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE stations ADD COLUMN next_shipment_seq INTEGER NOT NULL DEFAULT 1",
        """CREATE TABLE recipients (
            name TEXT PRIMARY KEY,
            sort_order INTEGER NOT NULL DEFAULT 0,
            hidden INTEGER NOT NULL DEFAULT 0
        )""",
        # One row per delivery note; its lines are the items' material_out events.
        """CREATE TABLE shipments (
            code TEXT PRIMARY KEY,
            recipient TEXT NOT NULL,
            at TEXT NOT NULL,
            station TEXT NOT NULL,
            user_id TEXT NOT NULL REFERENCES users(id)
        )""",
        """CREATE TRIGGER shipments_no_update BEFORE UPDATE ON shipments
           BEGIN SELECT RAISE(ABORT, 'shipments are append-only'); END""",
        """CREATE TRIGGER shipments_no_delete BEFORE DELETE ON shipments
           BEGIN SELECT RAISE(ABORT, 'shipments are append-only'); END""",
    ):
        db.execute(statement)
    for code, ords in _DEFAULT_ORDS.items():
        db.execute("UPDATE categories SET ords_category = ? WHERE code = ?", [ords, code])


@migrations()
def m004_gate_facts_on_items(db: Database) -> None:
    """Each item keeps the route it got at the gate and its visit's municipality, filled in by
    the database from the intake event, so that monitoring reads one table instead of three."""
    db.execute("ALTER TABLE items ADD COLUMN gate_route TEXT")
    db.execute("ALTER TABLE items ADD COLUMN municipality TEXT")
    db.execute(
        """UPDATE items SET
           gate_route = (SELECT json_extract(e.data, '$.route') FROM events e
                         WHERE e.item_id = items.id AND e.type = 'intake'),
           municipality = (SELECT v.municipality FROM visits v WHERE v.id = items.visit_id)"""
    )
    db.execute(
        """CREATE TRIGGER items_gate_facts AFTER INSERT ON events WHEN NEW.type = 'intake'
           BEGIN
             UPDATE items SET
               gate_route = json_extract(NEW.data, '$.route'),
               municipality = (SELECT v.municipality FROM visits v
                               WHERE v.id = items.visit_id)
             WHERE id = NEW.item_id;
           END"""
    )


@migrations()
def m005_login_guard(db: Database) -> None:
    """Wrong PINs lock a station's keypad for a while, and that survives a restart; every
    configuration change names the station it was made at.

    `login_guard` holds each station's run of wrong PINs and how long its keypad stays locked
    (current state, rewritten); `login_failures` is the append-only record of the attempts,
    with when and where only: never the PIN, part of it or whose it might have been.
    """
    for statement in (
        """CREATE TABLE login_guard (
            station TEXT PRIMARY KEY,
            failures INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT
        )""",
        """CREATE TABLE login_failures (
            id TEXT PRIMARY KEY,
            at TEXT NOT NULL,
            station TEXT NOT NULL
        )""",
        """CREATE TRIGGER login_failures_no_update BEFORE UPDATE ON login_failures
           BEGIN SELECT RAISE(ABORT, 'login_failures are append-only'); END""",
        """CREATE TRIGGER login_failures_no_delete BEFORE DELETE ON login_failures
           BEGIN SELECT RAISE(ABORT, 'login_failures are append-only'); END""",
        "ALTER TABLE config_changes ADD COLUMN station TEXT",
    ):
        db.execute(statement)


@migrations()
def m006_day_figures(db: Database) -> None:
    """Monitoring figures summed per local day, so that a year's report reads sums, not every
    item and event of the year.

    `day_figures` is a cache, never the truth: it can be dropped and rebuilt from the events at
    any time. Each day holds its sums per breakdown (`dim`: the total, or one category, route
    or municipality as `key`), per kind of flow and its detail; a report adds up the days of
    its period in SQL. Triggers mark the UTC dates that a new event or visit may change (for an
    event: every date on which its item has events, because a void or a correction changes what
    the item's earlier steps count for); a report sums the local days overlapping those dates
    again before it reads. `day_figures_done` says which local days are summed, and under
    which `version` (time zone and CO2 factors: a change makes every day stale).
    """
    for statement in (
        """CREATE TABLE day_figures (
            day TEXT NOT NULL,
            week TEXT NOT NULL,
            dim TEXT NOT NULL,
            key TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL,
            count INTEGER NOT NULL,
            grams INTEGER NOT NULL,
            money INTEGER NOT NULL,
            days INTEGER NOT NULL,
            co2_g REAL NOT NULL,
            PRIMARY KEY (day, dim, key, kind, detail)
        ) WITHOUT ROWID""",
        """CREATE TABLE day_figures_done (
            day TEXT PRIMARY KEY,
            version TEXT NOT NULL
        ) WITHOUT ROWID""",
        "CREATE TABLE stale_dates (date TEXT PRIMARY KEY) WITHOUT ROWID",
        """CREATE TRIGGER events_stale_dates AFTER INSERT ON events
           BEGIN
             INSERT OR IGNORE INTO stale_dates
               SELECT DISTINCT substr(at, 1, 10) FROM events WHERE item_id = NEW.item_id;
           END""",
        """CREATE TRIGGER visits_stale_dates AFTER INSERT ON visits
           BEGIN
             INSERT OR IGNORE INTO stale_dates VALUES (substr(NEW.started_at, 1, 10));
           END""",
        # Corrections are few, but without an index finding them reads every event.
        "CREATE INDEX events_corrected ON events (type) WHERE type = 'corrected'",
    ):
        db.execute(statement)


@migrations()
def m007_print_jobs(db: Database) -> None:
    """Label print jobs, kept until the printer confirms them (and afterwards as a record).

    Operational data, not history: a job's state, attempts and latest error are updated in
    place. `labels` is the JSON of the texts as queued; `label_size` and `printer` (a
    PrinterSetting as JSON) say where the latest attempt went.
    """
    for statement in (
        """CREATE TABLE print_jobs (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            station TEXT NOT NULL,
            labels TEXT NOT NULL,
            copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 99),
            label_size TEXT NOT NULL,
            printer TEXT NOT NULL,
            state TEXT NOT NULL
                CHECK (state IN ('queued', 'printing', 'done', 'failed', 'cancelled')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            result TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE INDEX print_jobs_waiting ON print_jobs (station)
           WHERE state IN ('queued', 'printing', 'failed')""",
    ):
        db.execute(statement)


@migrations()
def m008_stock_index(db: Database) -> None:
    """The stock a report counts at its end is mostly the items at the centre now: this
    partial index holds just those, with every column the count reads, so that it is read
    without touching the items table (`ReportQueries.stock_by_category`)."""
    db.execute(
        """CREATE INDEX items_at_centre
           ON items (intake_at, category, weight_g, id, status, voided, origin)
           WHERE status IN ('in_stock', 'in_repair') AND voided = 0 AND origin <> 'bulk'"""
    )


@migrations()
def m009_pins_and_times(db: Database) -> None:
    """Wrong PINs counted in a sliding window, locks that a clock set back cannot lengthen, and
    only readable times stored (issue 11).

    `login_guard.lock_s` is the length of the station's latest lock: it began at
    `locked_until - lock_s`, which tells a clock set back. A lock from before this migration
    gets the longest length. `login_failures` is read by station and time. Steps, items and
    visits refuse a time that is not in the stored form (`db.times.readable_time`); partial
    indexes hold the items and steps that have one anyway (an older version's, a hand edit).
    """
    statements = [
        "ALTER TABLE login_guard ADD COLUMN lock_s INTEGER NOT NULL DEFAULT 0",
        "UPDATE login_guard SET lock_s = 900 WHERE locked_until IS NOT NULL",
        "CREATE INDEX login_failures_window ON login_failures (station, at)",
        # Hold only the rows with a time that cannot be read: normally none.
        f"CREATE INDEX items_unreadable_time ON items (code) WHERE {UNREADABLE_ITEM}",
        f"CREATE INDEX events_unreadable_time ON events (item_id) WHERE {UNREADABLE_EVENT}",
    ]
    for table, columns in (("events", ("at", "recorded_at")), ("items", ("intake_at",)),
                           ("visits", ("started_at",))):
        unreadable = " OR ".join(f"NOT {readable_time('NEW.' + column)}" for column in columns)
        statements.append(
            f"""CREATE TRIGGER {table}_readable_times BEFORE INSERT ON {table}
                WHEN {unreadable}
                BEGIN SELECT RAISE(ABORT, 'a time in {table} is not in the stored form'); END""")
    _apply(db, statements)


@migrations()
def m010_event_chain(db: Database) -> None:
    """Each event carries its place in its station's hash chain (`intake/chain.py`): `seq`
    (1, 2, 3, ... per station), the previous event's hash and its own, so that an event
    changed, removed or inserted round Ambacht is found by `ambacht check`.

    The history already there is chained in the order it was written, with the no-update
    trigger lifted for that alone; afterwards a trigger refuses any insert that does not
    continue its station's chain.
    """
    for statement in (
        "ALTER TABLE events ADD COLUMN seq INTEGER",
        "ALTER TABLE events ADD COLUMN prev_hash TEXT",
        "ALTER TABLE events ADD COLUMN hash TEXT",
        "DROP TRIGGER events_no_update",
    ):
        db.execute(statement)
    chain_history(db.conn)
    for statement in (
        """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
           BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
        "CREATE UNIQUE INDEX events_chain ON events (station, seq)",
        CHAINED_TRIGGER,
    ):
        db.execute(statement)


@migrations()
def m011_file_identity(db: Database) -> None:
    """A random id for this database file, mirrored into the header's `user_version` and
    written there again by every commit, so that a `-wal` of another file is recognised and
    never applied (`db/guard.py`). Backups are page copies and keep it."""
    file_id = new_file_id()
    db.execute(f"""CREATE TABLE {IDENTITY_TABLE} (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        id INTEGER NOT NULL CHECK (id > 0)
    )""")
    db.execute(f"INSERT INTO {IDENTITY_TABLE} (only_row, id) VALUES (1, ?)", [file_id])
    db.execute(f"PRAGMA user_version = {file_id}")


@migrations()
def m012_merged_history(db: Database) -> None:
    """Other stations' events merge into this file (issue 13, `intake/merge.py`): the
    conflicts table and the visits' change numbers, `db.merge.MERGED_HISTORY_SCHEMA`,
    described there."""
    _apply(db, MERGED_HISTORY_SCHEMA)


@migrations()
def m013_hub_link(db: Database) -> None:
    """What a station keeps about its hub (issue 13), station-local: it never travels. The
    tables and triggers are `db.hub_link.HUB_LINK_SCHEMA`, described there."""
    _apply(db, HUB_LINK_SCHEMA)


@migrations()
def m014_counting_rules(db: Database) -> None:
    """Recipients get a kind (reuse, recycling, residual waste), a visit started by mistake
    can be cancelled, and every export is recorded (issue 14): `db/counting_tables.py`."""
    _apply(db, COUNTING_RULES_TABLES)


@migrations()
def m015_registers_and_people(db: Database) -> None:
    """Serial numbers for the police register: the categories that ask for one (bicycles a
    frame number, computers and phones an IMEI or serial number) and an index that finds an
    item by the number in its intake event. People: each member of staff's kind, sessions at
    a station, and the courses and workshops held (issue 14)."""
    _apply(db, [*REGISTER_TABLES, *PEOPLE_TABLES])


@migrations()
def m016_till(db: Database) -> None:
    """The till (issue 15): the sales' index and the parked baskets,
    `db.till.TILL_SCHEMA`, described there."""
    _apply(db, TILL_SCHEMA)


@migrations()
def m020_travel_more(db: Database) -> None:
    """Issue 14's records travel to the hub (issue 13): `db.travel_more.TRAVEL_MORE_SCHEMA`."""
    _apply(db, TRAVEL_MORE_SCHEMA)


@migrations()
def m023_hub3(db: Database) -> None:
    """Issue 13's loose ends: steps of kinds a newer Ambacht wrote are marked
    (`db.newer_steps.NEWER_STEPS_SCHEMA`), and colleagues found to share a PIN travel to the
    hub like the coordinator's other records (`db.shared_pins.SHARED_PINS_TRAVEL`)."""
    _apply(db, (*NEWER_STEPS_SCHEMA, *SHARED_PINS_TRAVEL))


@migrations()
def m022_net(db: Database) -> None:
    """Figures for a network of centres (issue 13): `users.network` marks the coordinators who
    may see every site's figures on the hub (a column of `users`, so it travels with the staff
    records); an index on the steps' recorded time finds the last one a report includes
    (its provenance) without sorting every step."""
    db.execute("ALTER TABLE users ADD COLUMN network INTEGER NOT NULL DEFAULT 0")
    db.execute("CREATE INDEX events_recorded ON events (recorded_at, id)")


@migrations()
def m024_drafts(db: Database) -> None:
    """Half-done work survives a restart (issue 15): the repair-done flow's answers and the
    material-out list as station-local drafts, `db.drafts.DRAFTS_SCHEMA`, described there."""
    _apply(db, DRAFTS_SCHEMA)


@migrations()
def m025_held_steps(db: Database) -> None:
    """Steps of a newer Ambacht on items this station does not hold (a new way of taking
    items in) are held whole with their items' codes until this PC knows them, and the chain's
    trigger counts them in (issue 13): `db.held_steps.HELD_STEPS_SCHEMA`, described there."""
    _apply(db, HELD_STEPS_SCHEMA)


@migrations()
def m028_hub6(db: Database) -> None:
    """Corrections that do not stand (issue 13: two coordinators resolved one conflict
    opposite ways): `db.overruled.OVERRULED_SCHEMA`; and the site's stations' clocks beside
    the hub's: `db.station_clocks.STATION_CLOCKS_SCHEMA`; both described there."""
    _apply(db, (*OVERRULED_SCHEMA, *STATION_CLOCKS_SCHEMA))


@migrations()
def m027_hub5(db: Database) -> None:
    """A station of a hub restored from a backup takes no step until a sync round gave its own
    steps back (issue 13): `hub_restored` flags it (db/hub_restore.py)."""
    _apply(db, HUB_RESTORED_SCHEMA)


@migrations()
def m026_net2(db: Database) -> None:
    """The network's figures kept fresh by the stations (issue 13): the days whose sums are
    still to go to the hub, `db.figures_to_publish.FIGURES_TO_PUBLISH_SCHEMA`."""
    _apply(db, FIGURES_TO_PUBLISH_SCHEMA)


@migrations()
def m030_people_at_the_time(db: Database) -> None:
    """A session counts under the staff kind its person had when it began (issue 14): the
    earlier kinds kept with each staff kind, `db.people.people_at_the_time`, described there."""
    people_at_the_time(db)


@migrations()
def m029_export_watermark(db: Database) -> None:
    """Each export keeps the highest events rowid its file held when it was made, so that a
    later report lists only the steps written after it (issue 14):
    `db.export_records.EXPORT_WATERMARK_SCHEMA`, described there."""
    _apply(db, EXPORT_WATERMARK_SCHEMA)
