"""The statements of migration m001_initial (`db/schema.py`), kept apart so that the schema
module stays readable. Shipped with that migration: never edit, add a new migration instead."""

INITIAL_SCHEMA = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # One row per station (gate PC) of the site; the letter starts every code it hands out.
    """CREATE TABLE stations (
        letter TEXT PRIMARY KEY CHECK (length(letter) = 1 AND letter BETWEEN 'A' AND 'Z'),
        next_item_seq INTEGER NOT NULL DEFAULT 1,
        next_visit_seq INTEGER NOT NULL DEFAULT 1
    )""",
    """CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('coach', 'workshop', 'store', 'coordinator')),
        pin_hash TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE municipalities (
        name TEXT PRIMARY KEY,
        sort_order INTEGER NOT NULL DEFAULT 0,
        hidden INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE categories (
        code TEXT PRIMARY KEY,
        name_nl TEXT NOT NULL,
        name_en TEXT NOT NULL,
        icon TEXT NOT NULL,
        standard_weight_g INTEGER NOT NULL CHECK (standard_weight_g > 0),
        min_weight_g INTEGER,
        max_weight_g INTEGER,
        co2_factor REAL NOT NULL,
        co2_source TEXT NOT NULL,
        is_electrical INTEGER NOT NULL DEFAULT 0,
        sort_order INTEGER NOT NULL DEFAULT 0,
        hidden INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE visits (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        station TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        municipality TEXT,
        started_at TEXT NOT NULL,
        ended_at TEXT
    )""",
    "CREATE INDEX visits_started_at ON visits (started_at)",
    # The item row is the current state of an item; `events` is its history and the truth.
    # Every change of the row is written in the same transaction as the event that causes it.
    """CREATE TABLE items (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        category TEXT NOT NULL REFERENCES categories(code),
        weight_g INTEGER NOT NULL CHECK (weight_g > 0),
        weight_estimated INTEGER NOT NULL,
        route TEXT NOT NULL CHECK (route IN ('sale', 'repair', 'material')),
        station TEXT NOT NULL,
        visit_id TEXT REFERENCES visits(id),
        intake_at TEXT NOT NULL,
        voided INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX items_intake_at ON items (intake_at)",
    "CREATE INDEX items_visit ON items (visit_id)",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id),
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        station TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        reason TEXT,
        data TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX events_item ON events (item_id, at)",
    "CREATE INDEX events_at ON events (at)",
    # History is append-only: the database itself refuses to change or remove an event.
    """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
       BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
    """CREATE TRIGGER events_no_delete BEFORE DELETE ON events
       BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
]
