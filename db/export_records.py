"""The record of exports (m014): every report written, with its period, its counting rules,
the last step it included, its key totals and a hash, so that a later report of the same
period can list what changed since and why (`intake.provenance`). Append-only."""

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


def add_export(db: Database, row: dict[str, Any]) -> None:
    """Record one export: id, made_at, station, format, period_from, period_to, rules,
    app_version, last_event, last_recorded_at, totals (a dict), hash."""
    db.execute(
        "INSERT INTO report_exports (id, made_at, station, format, period_from, period_to, "
        "rules, app_version, last_event, last_recorded_at, totals, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [row["id"], to_storage(row["made_at"]), row["station"], row["format"],
         row["period_from"], row["period_to"], row["rules"], row["app_version"],
         row["last_event"],
         None if row["last_recorded_at"] is None else to_storage(row["last_recorded_at"]),
         json.dumps(row["totals"], sort_keys=True), row["hash"]])


def last_export(db: Database, period_from: str, period_to: str) -> dict[str, Any] | None:
    """The latest export of exactly this period, with the rowid of the last step it
    included (0 if it included none)."""
    row = db.execute(
        "SELECT x.made_at, x.format, x.rules, x.totals, x.hash, x.last_event, "
        "coalesce((SELECT rowid FROM events WHERE id = x.last_event), 0) "
        "FROM report_exports x WHERE x.period_from = ? AND x.period_to = ? "
        "ORDER BY x.made_at DESC, x.rowid DESC LIMIT 1", [period_from, period_to]).fetchone()
    if row is None:
        return None
    return {"made_at": from_storage(row[0]), "format": row[1], "rules": row[2],
            "totals": json.loads(row[3]), "hash": row[4], "last_event": row[5],
            "last_rowid": row[6]}


def steps_since(db: Database, rowid: int, start: datetime, end: datetime,
                limit: int) -> list[tuple[Any, ...]]:
    """The first `limit` steps written after the step `rowid` on items that have a step from
    `start` up to `end` (those that can change that period's figures), in the order written,
    but steps of kinds this version does not know (`db/newer_steps.py`): (item code, payload,
    at, recorded_at, reason)."""
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


def method_changes_since(db: Database, made_at: datetime) -> list[tuple[datetime, str, str]]:
    """The coordinator's changes after `made_at` that change how figures count (a
    recipient's kind, a category's CO2 factor): (when, what, new value)."""
    return [
        (from_storage(row[0]), row[1], row[2] or "") for row in db.execute(
            "SELECT at, what, new_value FROM config_changes WHERE at > ? "
            "AND (what LIKE 'recipients % kind' OR what LIKE 'category % co2') ORDER BY at",
            [to_storage(made_at)])
    ]
