"""Issue 14's records travel to the hub too (m020, issue 13): the SQL of a station's side.

- The coordinator's staff kinds and the categories that ask for a serial number join the
  configuration records (`db/site_config.py`): m020 adds their `hub_config_dirty` triggers.
  A category that no longer asks for a number has no row: its removal travels as the value
  `null` (`REMOVABLE`).
- Visit cancellations and courses are append-only: a station sends its own after the rowid it
  sent up to (no row is ever deleted, so rowids only grow). Sessions at a station get an end
  later: they carry a change number (`station_sessions.changed`, as `visits.changed` of m012)
  and a session travels again when it ends. Each record is its station's: a station sends
  only those with its own letter. `hub_link` keeps the three cursors.
- `hub_link.refused`: the hub's refusal at the last round, so a revoked station says so.
- Colleagues found to share a PIN once two staff lists met: `db/shared_pins.py`.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from db.shared_pins import SHARED_PIN_TABLES

_NOW = "strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z'"  # the stored form, as to_storage

# The configuration tables m020 adds to the travelling ones: (kind, table, key column).
TRAVELLING_MORE = (("staff_kind", "staff_kinds", "user_id"),
                   ("category_serial", "category_serials", "category"))
REMOVABLE = frozenset({"category_serial"})  # kinds whose rows are deleted, not changed


def _dirty_trigger(kind: str, table: str, key: str, change: str) -> str:
    row = "OLD" if change == "DELETE" else "NEW"
    return f"""CREATE TRIGGER hub_dirty_{table}_{change.lower()}
        AFTER {change} ON {table} WHEN EXISTS (SELECT 1 FROM hub_link)
        BEGIN
          INSERT OR REPLACE INTO hub_config_dirty (kind, key, at)
          VALUES ('{kind}', {row}.{key}, {_NOW});
        END"""


# m020 (db/schema.py), as shipped: never change it, add a migration instead.
TRAVEL_MORE_SCHEMA = (
    *(_dirty_trigger(kind, table, key, change) for kind, table, key in TRAVELLING_MORE
      for change in ("INSERT", "UPDATE", *(("DELETE",) if kind in REMOVABLE else ()))),
    "ALTER TABLE station_sessions ADD COLUMN changed INTEGER",
    "UPDATE station_sessions SET changed = rowid",
    "CREATE INDEX station_sessions_changed ON station_sessions (changed)",
    """CREATE TRIGGER station_sessions_changed_new AFTER INSERT ON station_sessions
       BEGIN
         UPDATE station_sessions SET changed =
           (SELECT coalesce(max(changed), 0) + 1 FROM station_sessions) WHERE id = NEW.id;
       END""",
    """CREATE TRIGGER station_sessions_changed_end AFTER UPDATE OF ended_at ON station_sessions
       BEGIN
         UPDATE station_sessions SET changed =
           (SELECT coalesce(max(changed), 0) + 1 FROM station_sessions) WHERE id = NEW.id;
       END""",
    "ALTER TABLE hub_link ADD COLUMN cancellations_through INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE hub_link ADD COLUMN courses_through INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE hub_link ADD COLUMN sessions_through INTEGER NOT NULL DEFAULT 0",
    # The SQLSTATE of the hub's refusal at the last round (a revoked station, ...), shown in
    # the top bar until a round goes through again.
    "ALTER TABLE hub_link ADD COLUMN refused TEXT",
    *SHARED_PIN_TABLES,
)

Record = dict[str, Any]

# What each kind of record sends: its table, its cursor column there and in `hub_link`, and
# its columns as they travel.
_KINDS = {
    "cancellations": ("visit_cancellations", "rowid", "cancellations_through",
                      ("visit_id", "at", "station", "user_id", "reason")),
    "courses": ("courses", "rowid", "courses_through",
                ("id", "held_on", "subject", "participants", "recorded_at", "station",
                 "user_id", "cancels", "reason")),
    "sessions": ("station_sessions", "changed", "sessions_through",
                 ("id", "user_id", "station", "started_at", "ended_at", "active_s",
                  "ended_by")),
}
KINDS = tuple(_KINDS)


class PeopleRecords:
    """The travelling people records (and their cursors) of one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def cursors(self) -> dict[str, int]:
        """How far each kind's own records were sent (0 for a station that joined no hub)."""
        row = self.db.execute(
            "SELECT cancellations_through, courses_through, sessions_through FROM hub_link"
        ).fetchone()
        return dict(zip(KINDS, row or (0, 0, 0), strict=True))

    def own_after(self, kind: str, letter: str, after: int, limit: int
                  ) -> tuple[list[Record], int]:
        """This station's records of `kind` after the cursor `after` (at most `limit`), and
        the cursor after them."""
        table, cursor, _, columns = _KINDS[kind]
        rows = self.db.execute(
            f"SELECT {cursor}, {', '.join(columns)} FROM {table} "
            f"WHERE station = ? AND {cursor} > ? ORDER BY {cursor} LIMIT ?",
            [letter, after, limit]).fetchall()
        through = rows[-1][0] if rows else after
        return [dict(zip(columns, row[1:], strict=True)) for row in rows], int(through)

    def set_sent(self, kind: str, through: int) -> None:
        self.db.execute(f"UPDATE hub_link SET {_KINDS[kind][2]} = ?", [through])

    def take_in(self, kind: str, records: list[Record]) -> int:
        """Write records that came from the hub (inside the caller's transaction): new ones,
        and a session's end; returns how many changed a row."""
        table, _, _, columns = _KINDS[kind]
        key = columns[0]
        ends = ("ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at, "
                "active_s = excluded.active_s, ended_by = excluded.ended_by "
                "WHERE station_sessions.ended_at IS NULL AND excluded.ended_at IS NOT NULL"
                if kind == "sessions" else f"ON CONFLICT ({key}) DO NOTHING")
        changed = 0
        for record in records:
            changed += self.db.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))}) {ends}",
                [record[column] for column in columns]).rowcount
        return changed
