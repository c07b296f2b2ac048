"""The coordinator's configuration as records that travel between a station and its hub.

A record is (kind, key, value): a site setting by key, a category by code, a member of staff
by id (with the PIN hash, never a PIN), a municipality or recipient by name, a member of
staff's kind by their id, a category's serial number by its code (m020), two colleagues
found to share a PIN by their pair of PIN hashes (m023). Its value is the
JSON object of all the row's other columns (whatever migrations added); a column a newer
station sends that this version does not have is left out, one it does not send keeps its
stored or default value; a removed row of a REMOVABLE kind is the value `null`. Station
settings never become records (`intake.settings.is_site_key`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from db import Store
from db.hub_link import TRAVELLING_ALL
from db.shared_pins import TRAVELLING_FINDINGS
from db.travel_more import REMOVABLE
from intake.settings import is_site_key

_TABLES = {kind: (table, key) for kind, table, key in TRAVELLING_ALL}
_NAMING_STAFF = frozenset(kind for kind, _, _ in TRAVELLING_FINDINGS)


def travels(kind: str, key: str) -> bool:
    """Whether a record goes to the hub and comes from it (not a station setting)."""
    return kind in _TABLES and (kind != "setting" or is_site_key(key))


def read_records(store: Store, wanted: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The current value (JSON text) of each wanted (kind, key) that travels and exists."""
    found, columns_of = {}, _Columns(store)
    for kind, key in wanted:
        if not travels(kind, key):
            continue
        table, key_column = _TABLES[kind]
        columns = columns_of[kind]
        row = store.db.execute(f"SELECT {', '.join(columns)} FROM {table} "
                               f"WHERE {key_column} = ?", [key]).fetchone()
        if row is not None:
            found[(kind, key)] = _value(dict(zip(columns, row, strict=True)))
        elif kind in REMOVABLE:
            found[(kind, key)] = "null"
    return found


def apply_records(store: Store, records: Iterable[dict[str, Any]]) -> int:
    """Write records that came from the hub (inside the caller's transaction); returns how
    many changed a row. Records of kinds or keys this station does not take are skipped."""
    changed, columns_of = 0, _Columns(store)
    # A finding names two members of staff: after them, whatever order the hub gave.
    for record in sorted(records, key=lambda record: record["kind"] in _NAMING_STAFF):
        kind, key = str(record["kind"]), str(record["key"])
        if not travels(kind, key):
            continue
        table, key_column = _TABLES[kind]
        values = json.loads(record["value"])
        if kind in _NAMING_STAFF and not _staff_here(store, values):
            # The hub keeps each record at its latest change: a colleague changed after the
            # finding comes in a later batch. Such a finding is found here again at the pair's
            # first login (`db/shared_pins.py`), before either can act.
            continue
        if values is None:  # removed where it was changed last
            changed += store.db.execute(f"DELETE FROM {table} WHERE {key_column} = ?",
                                        [key]).rowcount
            continue
        columns = [column for column in columns_of[kind] if column in values]
        params = [values[column] for column in columns]
        updates = ", ".join(f"{column} = excluded.{column}" for column in columns)
        differs = " OR ".join(f"{column} IS NOT excluded.{column}" for column in columns)
        cursor = store.db.execute(
            f"INSERT INTO {table} ({key_column}, {', '.join(columns)}) "
            f"VALUES ({', '.join('?' * (len(columns) + 1))}) "
            f"ON CONFLICT ({key_column}) DO UPDATE SET {updates} WHERE {differs}",
            [key, *params])
        changed += cursor.rowcount
    if changed:
        store._config.changed()  # this connection's cached settings, staff, categories
    return changed


def _staff_here(store: Store, finding: dict[str, Any]) -> bool:
    """Whether both colleagues a finding names are here."""
    return all(store.db.execute("SELECT 1 FROM users WHERE id = ?", [finding[column]])
               .fetchone() is not None for column in ("user_id", "other_id"))


class _Columns(dict[str, tuple[str, ...]]):
    """Every column of a kind's table but its key, read once per call: a column a later
    migration adds travels without a change here."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, kind: str) -> tuple[str, ...]:
        table, key_column = _TABLES[kind]
        found = self[kind] = tuple(
            row[1] for row in self.store.db.execute(f"PRAGMA table_info({table})")
            if row[1] != key_column)
        return found


def _value(columns: dict[str, Any]) -> str:
    return json.dumps(columns, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
