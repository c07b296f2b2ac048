"""The reporting SQL of the EU re-use report (`intake.eu_reuse`): the kilos re-used per
category by whether they were weighed or estimated, every standard weight set, and the
coordinator's changes that change how the report counts. Read only; no table of its own (the
mapping to EU categories is a site setting per category, `eu_category.<code>`).
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from db.overruled import CANCELLED_STEPS
from db.times import UNREADABLE_EVENT, UNREADABLE_ITEM
from intake.clock import from_storage, to_storage

# A step that stands: its item not voided, its times readable (db/times.py), not cancelled
# by a correction and not kept without effect in a conflict between stations (m012); as the
# monitoring figures count it (`db.reports`).
_STANDS = (
    "i.voided = 0 "
    f"AND e.id NOT IN (SELECT id FROM events WHERE {UNREADABLE_EVENT}) "
    f"AND i.id NOT IN (SELECT id FROM items WHERE {UNREADABLE_ITEM}) "
    f"AND e.id NOT IN ({CANCELLED_STEPS}) "
    "AND e.id NOT IN (SELECT event_id FROM conflicts)"
)
# The coordinator's changes that change what the EU report counts or how it estimates.
_METHOD = ("what LIKE 'setting eu_category.%' OR what LIKE 'recipients % kind' "
           "OR what LIKE 'category % weights' OR what LIKE 'category % co2'")


def reused_grams(db: Database, start: datetime, end: datetime) -> list[tuple[str, bool, int]]:
    """(category, weight estimated, grams) of what left for re-use from `start` up to `end`:
    items sold (a product made here with its own weight) less those taken back, and items and
    batches sent to a recipient whose kind is reuse."""
    return [
        (row[0], bool(row[1]), int(row[2])) for row in db.execute(
            "SELECT i.category, i.weight_estimated, "
            "sum(CASE e.type WHEN 'returned' THEN -i.weight_g ELSE i.weight_g END) "
            "FROM events e JOIN items i ON i.id = e.item_id "
            "WHERE e.at >= ? AND e.at < ? AND (e.type IN ('sold', 'returned') "
            "OR (e.type = 'material_out' AND json_extract(e.data, '$.recipient') IN "
            "(SELECT name FROM recipients WHERE kind = 'reuse'))) "
            f"AND {_STANDS} GROUP BY i.category, i.weight_estimated",
            [to_storage(start), to_storage(end)])
    ]


def weight_history(db: Database) -> list[tuple[datetime, str, str | None, str | None]]:
    """Every standard weight set at this station, in the order set: a category added (old
    None, new its description) or its weights changed (old and new "500 [50, 5000] g"):
    (when, category code, old, new)."""
    return [
        (from_storage(row[0]), row[1].split(" ")[1], row[2], row[3]) for row in db.execute(
            "SELECT at, what, old_value, new_value FROM config_changes "
            "WHERE what LIKE 'category % weights' "
            "OR (what LIKE 'category %' AND what NOT LIKE 'category % %' "
            "AND old_value IS NULL) ORDER BY at, rowid")
    ]


def method_changes(db: Database, since: datetime) -> list[tuple[datetime, str, str, str]]:
    """The coordinator's changes from `since` on that change how the report counts (an EU
    category, a recipient's kind, a standard weight, a CO2 factor): (when, what, old, new)."""
    return [
        (from_storage(row[0]), row[1], row[2] or "", row[3] or "") for row in db.execute(
            f"SELECT at, what, old_value, new_value FROM config_changes WHERE at >= ? "
            f"AND ({_METHOD}) ORDER BY at, rowid", [to_storage(since)])
    ]
