"""The tables and triggers of migration m014_counting_rules (`db/schema.py`), kept apart so
that the schema module stays readable. Shipped with that migration: never edit, add a new
migration instead.

Every kilo counted once, visits that stand, and reports that carry their provenance
(issue 14).

- `recipients.kind`: reuse, recycling or residual waste, which decides where material
  sent out counts. Names that say waste (afval, milieustraat, verbranding) start as
  residual waste, schools and workshops as reuse, the others as recycling; the
  coordinator can change each.
- `visit_cancellations`: a visit started by mistake is cancelled by a row, never deleted;
  it then counts nowhere.
- `report_exports`: every export made, with its period, time, counting rules, the last
  step it includes, its key totals and a hash of what it held.
- A visit's count depends on its items standing: an item's intake, void or correction,
  and a cancellation, mark the visit's day changed for the day sums.
"""

from __future__ import annotations

COUNTING_RULES_TABLES = (
    "ALTER TABLE recipients ADD COLUMN kind TEXT NOT NULL DEFAULT 'recycling' "
    "CHECK (kind IN ('reuse', 'recycling', 'residual'))",
    """UPDATE recipients SET kind = CASE
         WHEN lower(name) LIKE '%afval%' OR lower(name) LIKE '%milieustraat%'
           OR lower(name) LIKE '%verbrand%'
           THEN 'residual'
         WHEN lower(name) LIKE '%school%' OR lower(name) LIKE '%college%'
           OR lower(name) LIKE '%werkplaats%' OR lower(name) LIKE '%kringloop%'
           THEN 'reuse'
         ELSE 'recycling' END""",
    """CREATE TABLE visit_cancellations (
        visit_id TEXT PRIMARY KEY REFERENCES visits (id),
        at TEXT NOT NULL,
        station TEXT NOT NULL,
        user_id TEXT NOT NULL,
        reason TEXT NOT NULL
    )""",
    """CREATE TRIGGER visit_cancellations_no_change BEFORE UPDATE ON visit_cancellations
       BEGIN SELECT RAISE(ABORT, 'visit cancellations are append-only'); END""",
    """CREATE TRIGGER visit_cancellations_no_delete BEFORE DELETE ON visit_cancellations
       BEGIN SELECT RAISE(ABORT, 'visit cancellations are append-only'); END""",
    """CREATE TRIGGER visit_cancellations_stale_dates AFTER INSERT ON visit_cancellations
       BEGIN
         INSERT OR IGNORE INTO stale_dates
           SELECT substr(started_at, 1, 10) FROM visits WHERE id = NEW.visit_id;
       END""",
    """CREATE TRIGGER events_visit_stale_dates AFTER INSERT ON events
       WHEN NEW.type IN ('intake', 'voided', 'corrected')
       BEGIN
         INSERT OR IGNORE INTO stale_dates
           SELECT substr(v.started_at, 1, 10) FROM items i JOIN visits v ON v.id = i.visit_id
           WHERE i.id = NEW.item_id;
       END""",
    """CREATE TABLE report_exports (
        id TEXT PRIMARY KEY,
        made_at TEXT NOT NULL,
        station TEXT NOT NULL,
        format TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        rules INTEGER NOT NULL,
        app_version TEXT NOT NULL,
        last_event TEXT,
        last_recorded_at TEXT,
        totals TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX report_exports_period ON report_exports (period_from, period_to, made_at)",
    """CREATE TRIGGER report_exports_no_change BEFORE UPDATE ON report_exports
       BEGIN SELECT RAISE(ABORT, 'the record of exports is append-only'); END""",
    """CREATE TRIGGER report_exports_no_delete BEFORE DELETE ON report_exports
       BEGIN SELECT RAISE(ABORT, 'the record of exports is append-only'); END""",
)
