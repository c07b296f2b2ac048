"""The record of exports (m014): every report written, with its period, its counting rules,
the last step it included, its key totals and a hash, so that a later report of the same
period can list what changed since and why (`intake.provenance`). Append-only.

Since m029 each record also keeps its `watermark`: the highest rowid of `events` this file
held when the export was made. The steps written after an export are those above it, in the
order they reached this file: a step merged from the hub later is news to this file even when
its own `recorded_at` is older. (`last_event`, chosen by `recorded_at` so that every station
names the same one, cannot tell that: the order steps arrive in is not the order they were
recorded in.)
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from db.newer_steps import KNOWN_STEPS
from db.rows import payload_from_row
from db.times import readable_time
from intake.clock import from_storage, to_storage


def last_event(db: Database) -> tuple[str, int, datetime] | None:
    """The step recorded last (id, rowid, when it was recorded): what a report made now
    includes at least. Chosen by the steps alone (latest `recorded_at`, then highest id),
    never by the order they reached this file, so every station holding the same steps names
    the same one (issue 13)."""
    row = db.execute(
        f"SELECT id, rowid, recorded_at FROM events WHERE {readable_time('recorded_at')} "
        "ORDER BY recorded_at DESC, id DESC LIMIT 1").fetchone()
    return None if row is None else (row[0], row[1], from_storage(row[2]))


def watermark(db: Database) -> int:
    """The highest rowid of `events` this file holds now (0: none): every step written later
    gets a higher one."""
    (rowid,) = db.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()
    return int(rowid)


# m029 (`db/schema.py`), as shipped: never change it. An export recorded before it gets the
# highest rowid of the steps recorded by the time it was made (and at least its last step's):
# the best this file can still tell of what it held then. The record is append-only, so its
# trigger is lifted for the one backfill and put back as m014 made it.
EXPORT_WATERMARK_SCHEMA = (
    "ALTER TABLE report_exports ADD COLUMN watermark INTEGER",
    "DROP TRIGGER report_exports_no_change",
    """UPDATE report_exports SET watermark = coalesce((
         SELECT max(rowid) FROM events
         WHERE recorded_at <= report_exports.made_at OR id = report_exports.last_event), 0)""",
    """CREATE TRIGGER report_exports_no_change BEFORE UPDATE ON report_exports
       BEGIN SELECT RAISE(ABORT, 'the record of exports is append-only'); END""",
)


def add_export(db: Database, row: dict[str, Any]) -> None:
    """Record one export: id, made_at, station, format, period_from, period_to, rules,
    app_version, last_event, last_recorded_at, watermark, totals (a dict), hash."""
    db.execute(
        "INSERT INTO report_exports (id, made_at, station, format, period_from, period_to, "
        "rules, app_version, last_event, last_recorded_at, watermark, totals, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [row["id"], to_storage(row["made_at"]), row["station"], row["format"],
         row["period_from"], row["period_to"], row["rules"], row["app_version"],
         row["last_event"],
         None if row["last_recorded_at"] is None else to_storage(row["last_recorded_at"]),
         row["watermark"], json.dumps(row["totals"], sort_keys=True), row["hash"]])


def last_export(db: Database, period_from: str, period_to: str) -> dict[str, Any] | None:
    """The latest export of exactly this period, with its watermark (the highest events
    rowid the file held when it was made)."""
    row = db.execute(
        "SELECT made_at, format, rules, totals, hash, last_event, watermark "
        "FROM report_exports WHERE period_from = ? AND period_to = ? "
        "ORDER BY made_at DESC, rowid DESC LIMIT 1", [period_from, period_to]).fetchone()
    if row is None:
        return None
    return {"made_at": from_storage(row[0]), "format": row[1], "rules": row[2],
            "totals": json.loads(row[3]), "hash": row[4], "last_event": row[5],
            "watermark": row[6]}


def steps_since(db: Database, rowid: int, start: datetime, end: datetime,
                limit: int) -> list[tuple[Any, ...]]:
    """The first `limit` steps this file got after it held the events up to `rowid` (an
    export's watermark), on items that have a step from `start` up to `end` (those that can
    change that period's figures), in the order they were written here, but steps of kinds
    this version does not know (`db/newer_steps.py`): (item code, payload, at, recorded_at,
    reason)."""
    return [
        (row[0], payload_from_row(row[1], row[2], row[3]), from_storage(row[4]),
         from_storage(row[5]), row[6])
        for row in db.execute(
            "SELECT i.code, e.id, e.type, e.data, e.at, e.recorded_at, e.reason "
            "FROM events e JOIN items i ON i.id = e.item_id "
            f"WHERE e.rowid > ? AND e.{KNOWN_STEPS} "
            f"AND {readable_time('e.at')} AND {readable_time('e.recorded_at')} "
            "AND EXISTS (SELECT 1 FROM events p WHERE p.item_id = e.item_id "
            "AND p.at >= ? AND p.at < ?) ORDER BY e.rowid LIMIT ?",
            [rowid, to_storage(start), to_storage(end), limit])
    ]


def visits_cancelled_since(db: Database, made_at: datetime, start: datetime,
                           end: datetime) -> list[tuple[str, datetime, str]]:
    """Visits of the period cancelled after `made_at`: (code, when cancelled, reason)."""
    return [
        (row[0], from_storage(row[1]), row[2]) for row in db.execute(
            "SELECT v.code, c.at, c.reason FROM visit_cancellations c "
            "JOIN visits v ON v.id = c.visit_id WHERE c.at > ? "
            "AND v.started_at >= ? AND v.started_at < ? ORDER BY c.at",
            [to_storage(made_at), to_storage(start), to_storage(end)])
    ]


# The coordinator's changes that change figures of a period (`intake.figure_changes` reads
# each): a category's EU category, standard weight, electrical flag, ORDS product, serial kind
# and CO2 factor, a colleague's staff kind, a recipient's kind, and the baseline.
FIGURE_CHANGES = (
    "what LIKE 'setting eu_category.%' OR what IN ('setting baseline_from', "
    "'setting baseline_to') OR what LIKE 'user % kind' OR what LIKE 'recipients % kind' "
    + "".join(f" OR what LIKE 'category % {setting}'"
              for setting in ("weights", "electrical", "ords", "serial", "co2"))
)


def method_changes_since(db: Database,
                         made_at: datetime) -> list[tuple[datetime, str, str | None, str | None]]:
    """The coordinator's changes after `made_at` that change figures (`FIGURE_CHANGES`):
    (when, what, old value, new value), in the order made."""
    return [
        (from_storage(row[0]), row[1], row[2], row[3]) for row in db.execute(
            "SELECT at, what, old_value, new_value FROM config_changes WHERE at > ? "
            f"AND ({FIGURE_CHANGES}) ORDER BY at, rowid", [to_storage(made_at)])
    ]


def exported_periods(db: Database, before: str) -> list[tuple[str, str, int]]:
    """The periods exported that begin before the day `before` (ISO), each with how many
    exports of it were recorded: (first day, last day, exports)."""
    return [(row[0], row[1], row[2]) for row in db.execute(
        "SELECT period_from, period_to, count(*) FROM report_exports WHERE period_from < ? "
        "GROUP BY period_from, period_to ORDER BY period_from, period_to", [before])]


# Whether something had a part in a period: a category's items a step, material went to a
# recipient, a colleague a session at a station.
_HAS = {
    "category": "SELECT 1 FROM events e JOIN items i ON i.id = e.item_id "
                "WHERE i.category = ? AND e.at >= ? AND e.at < ? LIMIT 1",
    "recipient": "SELECT 1 FROM events WHERE type = 'material_out' "
                 "AND json_extract(data, '$.recipient') = ? AND at >= ? AND at < ? LIMIT 1",
    "user": "SELECT 1 FROM station_sessions WHERE user_id = ? "
            "AND started_at >= ? AND started_at < ? LIMIT 1",
}


def period_has(db: Database, scope: str, key: str, start: datetime, end: datetime) -> bool:
    """Whether the `scope` ('category', 'recipient', 'user') named `key` had a part in the
    period from `start` up to `end`."""
    found = db.execute(_HAS[scope], [key, to_storage(start), to_storage(end)]).fetchone()
    return found is not None
