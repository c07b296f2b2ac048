"""The Store: every query and write Ambacht makes, behind plain Python methods.

Writes that belong together are grouped by the caller in `with store.atomic():`; every method
here is one statement or a few that are always used together. `atomic` is also where SQLite's
write failures (disk full, read-only file, lock held elsewhere) become a StorageError with a
clear message, after the whole transaction was rolled back. The hot path (an intake) uses
prepared SQL rather than sqlite-utils' table helpers, which introspect the table on every call.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db.chain import linked
from db.config_cache import ConfigCache
from db.connection import open_database, storage_error
from db.print_jobs import PrintJobs
from db.times import readable_time
from intake.clock import from_storage, from_storage_or_unreadable, to_storage
from intake.errors import DamagedDatabase, StorageError
from intake.model import (
    Category,
    ConfigChange,
    Event,
    EventType,
    GateTotals,
    Item,
    Origin,
    Role,
    Route,
    Status,
    User,
    Visit,
)
from intake.settings import Settings

_CATEGORY_COLUMNS = (
    "code, name_nl, name_en, icon, standard_weight_g, min_weight_g, max_weight_g, co2_factor, "
    "co2_source, is_electrical, sort_order, hidden, price_cents, ords_category"
)
_ITEM_COLUMNS = (
    "id, code, category, weight_g, weight_estimated, route, station, intake_at, visit_id, voided, "
    "status, origin, price_cents, safety"
)
_ITEM_COLUMNS_OF_I = ", ".join(f"i.{column.strip()}" for column in _ITEM_COLUMNS.split(","))
_VISIT_COLUMNS = "id, code, station, user_id, started_at, municipality, ended_at"
_EVENT_COLUMNS = "id, item_id, type, at, recorded_at, station, user_id, reason, data"
_INSERT_VISIT = f"INSERT INTO visits ({_VISIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"
_INSERT_ITEM = f"INSERT INTO items ({_ITEM_COLUMNS}) VALUES ({', '.join('?' * 14)})"
_INSERT_EVENT = (f"INSERT INTO events ({_EVENT_COLUMNS}, seq, prev_hash, hash) "
                 f"VALUES ({', '.join('?' * 12)})")
# Figures count only rows whose times can be read (see db/times.py).
_READABLE_INTAKE = readable_time("intake_at")
_READABLE_STEP = f"{readable_time('e.at')} AND {readable_time('i.intake_at')}"


class Store:
    """One open Ambacht database."""

    def __init__(self, db: Database, path: str, *, created: bool = False,
                 newer: tuple[str, ...] = ()) -> None:
        self.db = db
        self.path = path
        self.created = created  # True when this open made the file
        self.newer = newer  # migrations of a newer version: then the file is only read
        self._damage: StorageError | None = None
        self.print_jobs = PrintJobs(db)
        self._config = ConfigCache(db)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False,
             newer_read_only: bool = False) -> Store:
        """Open the database at `path` (':memory:' for tests); see `open_database`."""
        db, created, unknown = open_database(path, create=create,
                                             newer_read_only=newer_read_only)
        return cls(db, str(path), created=created, newer=tuple(unknown))

    def mark_damaged(self, error: StorageError) -> None:
        """Refuse every write from now on with `error` (a check found the file damaged)."""
        self._damage = error

    @property
    def damage(self) -> StorageError | None:
        """Why the file takes no new step (a check or SQLite found it damaged), or None."""
        if self._damage is None:
            corrupt = getattr(self.db.conn, "damage", None)
            if corrupt is not None:  # SQLITE_CORRUPT on any statement (db/guard.py)
                self._damage = storage_error(corrupt, self.path)
        return self._damage

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """All writes inside happen together or not at all; a failure of the storage itself
        is raised as a StorageError (constraint violations stay errors of the code).

        The transaction takes the write lock as it begins, waiting out the busy timeout if
        another program writes (`db/immediate.py`); nested blocks are savepoints in it.
        On a file known to be damaged nothing begins: the refusal points to a restore."""
        if self.damage is not None:
            raise self.damage
        try:
            with self.db.atomic():
                yield
        except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
            raise  # a mistake in the code, not a problem of the storage
        except sqlite3.DatabaseError as exc:
            error = storage_error(exc, self.path)
            if isinstance(error, DamagedDatabase):
                self.mark_damaged(error)
            raise error from exc

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = self.db.execute(sql, params).fetchone()
        return row

    # --- settings and stations -------------------------------------------------------------

    def settings(self) -> Settings:
        """The settings, read once and again after a change (`db.config_cache`)."""
        return self._config.get("settings", lambda: Settings(
            dict(self.db.execute("SELECT key, value FROM settings").fetchall())))

    def set_setting(self, key: str, value: str) -> None:
        self._config.changed()
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def add_station(self, letter: str) -> None:
        self._config.changed()
        self.db.execute("INSERT OR IGNORE INTO stations (letter) VALUES (?)", [letter])

    def station_letters(self) -> list[str]:
        """The letters of every station that hands out codes in this database."""
        return list(self._config.get("stations", lambda: [
            row[0] for row in self.db.execute("SELECT letter FROM stations ORDER BY letter")]))

    def take_item_seq(self, station: str) -> int:
        """The station's next item number; call inside the transaction that uses it."""
        row = self._one(
            "UPDATE stations SET next_item_seq = next_item_seq + 1 WHERE letter = ? "
            "RETURNING next_item_seq - 1",
            [station],
        )
        if row is None:
            raise KeyError(station)
        return int(row[0])

    def take_shipment_seq(self, station: str) -> int:
        """The station's next delivery note number; call inside the transaction that uses it."""
        row = self._one(
            "UPDATE stations SET next_shipment_seq = next_shipment_seq + 1 WHERE letter = ? "
            "RETURNING next_shipment_seq - 1",
            [station],
        )
        if row is None:
            raise KeyError(station)
        return int(row[0])

    def take_visit_seq(self, station: str) -> int:
        """The station's next visit number; call inside the transaction that uses it."""
        row = self._one(
            "UPDATE stations SET next_visit_seq = next_visit_seq + 1 WHERE letter = ? "
            "RETURNING next_visit_seq - 1",
            [station],
        )
        if row is None:
            raise KeyError(station)
        return int(row[0])

    # --- users -----------------------------------------------------------------------------

    def add_user(self, user: User, pin_hash: str | None, created_at: datetime) -> None:
        self._config.changed()
        self.db.execute(
            "INSERT INTO users (id, name, role, pin_hash, active, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                user.id, user.name, user.role.value, pin_hash, int(user.active),
                to_storage(created_at),
            ],
        )

    def users(self, *, include_inactive: bool = False) -> list[User]:
        """The staff by name (the disabled ones too when asked), read once and again after a
        change."""
        return [user for user in self._users().values() if include_inactive or user.active]

    def user(self, user_id: str) -> User | None:
        return self._users().get(user_id)

    def _users(self) -> dict[str, User]:
        return self._config.get("users", lambda: {user.id: user for user in map(
            _user, self.db.execute("SELECT id, name, role, active, pin_hash IS NOT NULL "
                                   "FROM users ORDER BY name COLLATE NOCASE"))})

    def pin_hashes(self) -> list[tuple[str, str]]:
        """(user id, PIN hash) of every active user that has a PIN."""
        return self.db.execute(
            "SELECT id, pin_hash FROM users WHERE active = 1 AND pin_hash IS NOT NULL"
        ).fetchall()

    def set_pin_hash(self, user_id: str, pin_hash: str) -> None:
        self._config.changed()  # a user's `has_pin`
        self.db.execute("UPDATE users SET pin_hash = ? WHERE id = ?", [pin_hash, user_id])

    def update_user(self, user: User) -> None:
        self._config.changed()
        self.db.execute(
            "UPDATE users SET name = ?, role = ?, active = ? WHERE id = ?",
            [user.name, user.role.value, int(user.active), user.id],
        )

    # --- wrong PINs: each station's record of them and its keypad lock ---------------------

    def login_lock(self, station: str) -> tuple[datetime | None, int]:
        """(locked until, the lock's length in seconds) of a station's latest keypad lock;
        (None, 0) when it never locked. An end that cannot be read is long past (UNREADABLE),
        so a hand edit never keeps everyone out."""
        row = self._one(
            "SELECT locked_until, lock_s FROM login_guard WHERE station = ?", [station])
        if row is None or row[0] is None:
            return None, 0
        return from_storage_or_unreadable(row[0]), int(row[1])

    def set_login_lock(self, station: str, failures: int, locked_until: datetime | None,
                       lock_s: int) -> None:
        """Note the wrong PINs in the window now and the station's latest lock."""
        self.db.execute(
            "INSERT INTO login_guard (station, failures, locked_until, lock_s) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (station) DO UPDATE SET "
            "failures = excluded.failures, locked_until = excluded.locked_until, "
            "lock_s = excluded.lock_s",
            [station, failures, to_storage(locked_until) if locked_until else None, lock_s],
        )

    def add_login_failure(self, failure_id: str, at: datetime, station: str) -> None:
        """Note that a wrong PIN was tried (when and where; nothing of the PIN itself)."""
        self.db.execute(
            "INSERT INTO login_failures (id, at, station) VALUES (?, ?, ?)",
            [failure_id, to_storage(at), station],
        )

    def login_failures_since(self, station: str, since: datetime) -> int:
        """Wrong PINs tried at `station` at or after `since` (dated later ones included)."""
        (count,) = self._one(
            "SELECT count(*) FROM login_failures WHERE station = ? AND at >= ?",
            [station, to_storage(since)]) or (0,)
        return int(count)

    # --- name lists: municipalities and material recipients --------------------------------

    def names(self, table: str, *, include_hidden: bool = False) -> list[str]:
        """The names of a list ('municipalities' or 'recipients') in display order."""
        where = "" if include_hidden else "WHERE hidden = 0"
        rows = self.db.execute(
            f"SELECT name FROM {_name_table(table)} {where} ORDER BY sort_order, name"
        ).fetchall()
        return [row[0] for row in rows]

    def name_rows(self, table: str) -> list[tuple[str, bool]]:
        """Every name of a list with whether it is hidden, in display order."""
        rows = self.db.execute(
            f"SELECT name, hidden FROM {_name_table(table)} ORDER BY sort_order, name"
        ).fetchall()
        return [(name, bool(hidden)) for name, hidden in rows]

    def add_name(self, table: str, name: str, sort_order: int) -> None:
        """Add a name to a list, or show it again if it was hidden."""
        self.db.execute(
            f"INSERT INTO {_name_table(table)} (name, sort_order) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET hidden = 0",
            [name, sort_order],
        )

    def hide_name(self, table: str, name: str, hidden: bool = True) -> None:
        self.db.execute(
            f"UPDATE {_name_table(table)} SET hidden = ? WHERE name = ?", [int(hidden), name]
        )

    # --- shipments (delivery notes) ---------------------------------------------------------

    def add_shipment(
        self, code: str, recipient: str, at: datetime, station: str, user_id: str
    ) -> None:
        self.db.execute(
            "INSERT INTO shipments (code, recipient, at, station, user_id) VALUES (?, ?, ?, ?, ?)",
            [code, recipient, to_storage(at), station, user_id],
        )

    def shipment(self, code: str) -> tuple[str, str, datetime, str, str] | None:
        """(code, recipient, at, station, user name) of a delivery note."""
        row = self._one(
            "SELECT s.code, s.recipient, s.at, s.station, coalesce(u.name, s.user_id) "
            "FROM shipments s LEFT JOIN users u ON u.id = s.user_id WHERE s.code = ?",
            [code],
        )
        return (row[0], row[1], from_storage(row[2]), row[3], row[4]) if row else None

    def shipment_items(self, code: str) -> list[Item]:
        """The items a delivery note sent out, in the order they were recorded."""
        rows = self.db.execute(
            f"SELECT {_ITEM_COLUMNS_OF_I} FROM events e JOIN items i ON i.id = e.item_id "
            "WHERE e.type = 'material_out' AND json_extract(e.data, '$.shipment') = ? "
            "AND i.voided = 0 AND NOT EXISTS (SELECT 1 FROM events c WHERE c.item_id = e.item_id "
            "AND c.type = 'corrected' AND json_extract(c.data, '$.cancels') = e.id) "
            "ORDER BY e.rowid",
            [code],
        ).fetchall()
        return [_item(row) for row in rows]

    # --- categories ------------------------------------------------------------------------

    def categories(self, *, include_hidden: bool = False) -> list[Category]:
        """The categories in their order (the hidden ones too when asked), read once and again
        after a change."""
        return [cat for cat in self._categories().values() if include_hidden or not cat.hidden]

    def category(self, code: str) -> Category | None:
        return self._categories().get(code)

    def _categories(self) -> dict[str, Category]:
        return self._config.get("categories", lambda: {cat.code: cat for cat in map(
            _category, self.db.execute(
                f"SELECT {_CATEGORY_COLUMNS} FROM categories ORDER BY sort_order, code"))})

    def save_category(self, cat: Category) -> None:
        """Insert a new category or replace the settings of an existing one."""
        self._config.changed()
        self.db.execute(
            f"INSERT INTO categories ({_CATEGORY_COLUMNS}) VALUES ({', '.join('?' * 14)}) "
            "ON CONFLICT (code) DO UPDATE SET name_nl = excluded.name_nl, "
            "name_en = excluded.name_en, icon = excluded.icon, "
            "standard_weight_g = excluded.standard_weight_g, "
            "min_weight_g = excluded.min_weight_g, max_weight_g = excluded.max_weight_g, "
            "co2_factor = excluded.co2_factor, co2_source = excluded.co2_source, "
            "is_electrical = excluded.is_electrical, sort_order = excluded.sort_order, "
            "hidden = excluded.hidden, price_cents = excluded.price_cents, "
            "ords_category = excluded.ords_category",
            [
                cat.code, cat.name_nl, cat.name_en, cat.icon, cat.standard_weight_g,
                cat.min_weight_g, cat.max_weight_g, cat.co2_factor, cat.co2_source,
                int(cat.is_electrical), cat.sort_order, int(cat.hidden), cat.price_cents,
                cat.ords_category,
            ],
        )

    # --- visits ----------------------------------------------------------------------------

    def add_visit(self, visit: Visit) -> None:
        self.db.execute(_INSERT_VISIT, _visit_row(visit))

    def end_visit(self, visit_id: str, ended_at: datetime) -> None:
        self.db.execute(
            "UPDATE visits SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
            [to_storage(ended_at), visit_id],
        )

    def visit(self, id_or_code: str) -> Visit | None:
        row = self._one(
            f"SELECT {_VISIT_COLUMNS} FROM visits WHERE id = ? OR code = ?",
            [id_or_code, id_or_code],
        )
        return _visit(row) if row else None

    # --- items and events ------------------------------------------------------------------

    def add_item(self, item: Item, event: Event) -> None:
        """Write a new item together with its intake event."""
        self.db.execute(_INSERT_ITEM, _item_row(item))
        self.add_event(event)

    def add_event(self, event: Event) -> None:
        self._insert_events([_event_row(event)])

    def _insert_events(self, rows: Sequence[Sequence[Any]]) -> None:
        """The one place events are written: each is linked onto its station's hash chain
        in the same transaction (`db/chain.py`)."""
        with self.atomic():
            self.db.conn.executemany(_INSERT_EVENT, linked(self.db.conn, rows))

    def bulk_insert(
        self, station: str, visits: Sequence[Visit], items: Sequence[Item],
        events: Sequence[Event], *, next_item_seq: int, next_visit_seq: int,
        shipments: Sequence[tuple[str, str, datetime, str, str]] = (),
    ) -> None:
        """Write many finished records at once (demo data, imports, benchmarks).

        The caller hands in items as they end up (voided, final route) with all their events,
        the delivery notes (code, recipient, at, station, user id) their material left on, and
        the station's counters after them, so that the next intake continues the sequence.
        """
        with self.atomic():
            conn = self.db.conn
            conn.executemany(_INSERT_VISIT, [_visit_row(v) for v in visits])
            conn.executemany(_INSERT_ITEM, [_item_row(i) for i in items])
            self._insert_events([_event_row(e) for e in events])
            conn.executemany(
                "INSERT INTO shipments (code, recipient, at, station, user_id) "
                "VALUES (?, ?, ?, ?, ?)",
                [(code, recipient, to_storage(at), station_, user_id)
                 for code, recipient, at, station_, user_id in shipments],
            )
            conn.execute(
                "UPDATE stations SET next_shipment_seq = max(next_shipment_seq, ?) "
                "WHERE letter = ?",
                [len(shipments) + 1, station],
            )
            conn.execute(
                "UPDATE stations SET next_item_seq = max(next_item_seq, ?), "
                "next_visit_seq = max(next_visit_seq, ?) WHERE letter = ?",
                [next_item_seq, next_visit_seq, station],
            )

    def save_item_state(self, item: Item) -> None:
        """Write an item's current state as its events make it (same transaction as the event)."""
        self.db.execute(
            "UPDATE items SET route = ?, voided = ?, status = ?, price_cents = ?, safety = ? "
            "WHERE id = ?",
            [
                item.route.value, int(item.voided), item.status.value, item.price_cents,
                item.safety, item.id,
            ],
        )

    def item_by_code(self, code: str) -> Item | None:
        row = self._one(f"SELECT {_ITEM_COLUMNS} FROM items WHERE code = ?", [code])
        return _item(row) if row else None

    def item(self, item_id: str) -> Item | None:
        row = self._one(f"SELECT {_ITEM_COLUMNS} FROM items WHERE id = ?", [item_id])
        return _item(row) if row else None

    def events(self, item_id: str) -> list[Event]:
        """An item's history, oldest first; events at the same moment in the order written.
        A time that cannot be read sorts first, as `intake.clock.UNREADABLE` does."""
        rows = self.db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE item_id = ? "
            f"ORDER BY {readable_time('at')}, at, rowid",
            [item_id],
        ).fetchall()
        return [_event(row) for row in rows]

    def items_of_visit(self, visit_id: str) -> list[Item]:
        """The visit's items that are not voided, the most recently taken in first."""
        rows = self.db.execute(
            f"SELECT {_ITEM_COLUMNS} FROM items WHERE visit_id = ? AND voided = 0 "
            "ORDER BY intake_at DESC, rowid DESC",
            [visit_id],
        ).fetchall()
        return [_item(row) for row in rows]

    def gate_totals(self, start: datetime, end: datetime, station: str | None = None) -> GateTotals:
        """Items (not voided), grams and visits taken in from `start` up to (not incl.) `end`."""
        span = [to_storage(start), to_storage(end)]
        at_station = " AND station = ?" if station else ""
        extra = [station] if station else []
        items, grams = self._one(
            "SELECT count(*), coalesce(sum(weight_g), 0) FROM items "
            f"WHERE voided = 0 AND intake_at >= ? AND intake_at < ?{at_station} "
            f"AND {_READABLE_INTAKE}",
            span + extra,
        ) or (0, 0)
        (visits,) = self._one(
            f"SELECT count(*) FROM visits WHERE started_at >= ? AND started_at < ?{at_station} "
            f"AND {readable_time('started_at')}",
            span + extra,
        ) or (0,)
        return GateTotals(items=items, grams=grams, visits=visits)

    def repair_queue(self, limit: int) -> list[Item]:
        """Items in repair, then those waiting for it, the longest waiting first."""
        rows = self.db.execute(
            f"SELECT {_ITEM_COLUMNS} FROM items WHERE voided = 0 AND ("
            "status = 'in_repair' OR (status = 'in_stock' AND route = 'repair')) "
            "ORDER BY status = 'in_stock', intake_at LIMIT ?",
            [limit],
        ).fetchall()
        return [_item(row) for row in rows]

    def frequent_repair_values(self, field: str, category: str, limit: int) -> list[str]:
        """The most used values of a repair record's `field` ('brand', 'problem') for items
        of `category`, most frequent first: quick choices for the next repair."""
        if field not in ("brand", "problem"):
            raise ValueError(f"no repair field {field!r}")
        rows = self.db.execute(
            f"SELECT json_extract(e.data, '$.{field}') AS value, count(*) AS uses "
            "FROM events e JOIN items i ON i.id = e.item_id "
            "WHERE e.type = 'repair_finished' AND i.category = ? AND value IS NOT NULL "
            "GROUP BY value ORDER BY uses DESC, value LIMIT ?",
            [category, limit],
        ).fetchall()
        return [row[0] for row in rows]

    # --- monitoring ------------------------------------------------------------------------

    def intake_rows(self, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
        """Items that came in from `start` up to `end`, not voided, not made here:
        (category, municipality or '', route at the gate, grams, estimated, intake time)."""
        return [
            (*row[:5], from_storage(row[5]))
            for row in self.db.execute(
                "SELECT category, coalesce(municipality, ''), gate_route, weight_g, "
                "weight_estimated, intake_at FROM items "
                "WHERE voided = 0 AND origin IN ('gate', 'store') "
                f"AND intake_at >= ? AND intake_at < ? AND {_READABLE_INTAKE}",
                [to_storage(start), to_storage(end)],
            )
        ]

    def visit_rows(self, start: datetime, end: datetime) -> list[tuple[str, datetime]]:
        """(municipality or '', start) of the visits started from `start` up to `end`."""
        return [
            (row[0], from_storage(row[1]))
            for row in self.db.execute(
                "SELECT coalesce(municipality, ''), started_at FROM visits "
                f"WHERE started_at >= ? AND started_at < ? AND {readable_time('started_at')}",
                [to_storage(start), to_storage(end)],
            )
        ]

    def step_rows(self, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
        """The steps after the gate from `start` up to `end` that still stand (not cancelled,
        item not voided), and the making of repurposed products: (type, data, category,
        municipality or '', route at the gate, grams, time of the step, item's intake time,
        whether the item was ever fixed in the workshop)."""
        cancelled = self._cancelled_steps()
        rows = self.db.execute(
            "SELECT e.id, e.type, e.data, i.category, coalesce(i.municipality, ''), "
            "i.gate_route, i.weight_g, e.at, i.intake_at, i.id "
            "FROM events e JOIN items i ON i.id = e.item_id "
            "WHERE e.at >= ? AND e.at < ? AND i.voided = 0 AND e.type IN ("
            "'repair_finished', 'sold', 'returned', 'material_out', 'repurposed', "
            "'intake') AND (e.type <> 'intake' OR i.origin = 'repurposed') "
            f"AND {_READABLE_STEP}",
            [to_storage(start), to_storage(end)],
        ).fetchall()
        fixed = self._ever_fixed(
            {row[9] for row in rows if row[1] in ("sold", "returned")}, cancelled)
        return [
            (row[1], json.loads(row[2]), *row[3:7], from_storage(row[7]),
             from_storage(row[8]), row[9] in fixed)
            for row in rows if row[0] not in cancelled
        ]

    def _ever_fixed(self, item_ids: set[str], cancelled: set[str]) -> set[str]:
        """Which of `item_ids` have a repair outcome 'fixed' that still stands."""
        fixed: set[str] = set()
        for chunk, marks in _in_chunks(sorted(item_ids)):
            fixed.update(
                item_id for event_id, item_id in self.db.execute(
                    "SELECT id, item_id FROM events WHERE type = 'repair_finished' "
                    f"AND item_id IN ({marks}) AND json_extract(data, '$.status') = 'fixed'",
                    chunk)
                if event_id not in cancelled
            )
        return fixed

    def _cancelled_steps(self) -> set[str]:
        """Ids of the steps corrections cancelled: few, so looked up once, not once per row."""
        return {
            row[0] for row in self.db.execute(
                "SELECT json_extract(data, '$.cancels') FROM events WHERE type = 'corrected'")
        }

    def stock_by_category(self, end: datetime) -> list[tuple[str, int, int, int, int]]:
        """Items at the centre at `end` per category: taken in before it, not voided, and not
        sold, sent out or used up before it (or taken back since): (category, items, grams,
        ages in whole days summed, items older than 90 days).

        Only two kinds of item can be in stock then: those at the centre now that have not
        moved since `end` (in stock then too: summed by SQL), and those that moved on or came
        back since `end` (looked at one by one; few for a recent `end`).
        """
        moment = to_storage(end)
        moves = "('sold', 'returned', 'material_out', 'repurposed')"
        moved_since = f"SELECT item_id FROM events WHERE at >= :moment AND type IN {moves}"
        stock: dict[str, list[int]] = {
            row[0]: list(row[1:]) for row in self.db.execute(
                "SELECT category, count(*), sum(weight_g), sum(age), sum(age > 90) FROM ("
                "SELECT category, weight_g, CAST(round((julianday(:moment) - "
                "julianday(intake_at)) * 86400000) AS INTEGER) / 86400000 AS age "
                # The planner, without statistics, would take items_status and read the table.
                "FROM items INDEXED BY items_at_centre "
                "WHERE status IN ('in_stock', 'in_repair') AND voided = 0 AND origin <> 'bulk' "
                f"AND intake_at < :moment AND {_READABLE_INTAKE} "
                f"AND id NOT IN ({moved_since})) GROUP BY category",
                {"moment": moment})
        }
        rows = self.db.execute(
            "SELECT id, category, weight_g, intake_at FROM items WHERE voided = 0 "
            f"AND origin <> 'bulk' AND intake_at < :moment AND {_READABLE_INTAKE} "
            f"AND id IN ({moved_since})",
            {"moment": moment},
        ).fetchall()
        cancelled = self._cancelled_steps()
        latest: dict[str, tuple[str, int, str]] = {}  # item id -> its last move before `end`
        for chunk, marks in _in_chunks([row[0] for row in rows]):
            for event_id, item_id, kind, at, rowid in self.db.execute(
                f"SELECT id, item_id, type, at, rowid FROM events WHERE item_id IN ({marks}) "
                f"AND at < ? AND type IN {moves} AND {readable_time('at')}", [*chunk, moment],
            ):
                if event_id not in cancelled and (at, rowid) > latest.get(item_id, ("", 0))[:2]:
                    latest[item_id] = (at, rowid, kind)
        for item_id, category, grams, intake_at in rows:
            if latest.get(item_id, ("", 0, "returned"))[2] == "returned":
                age = (end - from_storage(intake_at)).days
                sums = stock.setdefault(category, [0, 0, 0, 0])
                for index, value in enumerate((1, grams, age, age > 90)):
                    sums[index] += value
        return [(category, items, grams, days, old)
                for category, (items, grams, days, old) in stock.items()]

    # --- day figures: a cache of monitoring sums per local day (see m006) -----------------

    def claim_stale_dates(self, local_days: Callable[[date], Iterable[date]]) -> None:
        """Forget the summed days that events or visits since the last claim may have changed;
        `local_days` maps such a UTC date to the local days it overlaps."""
        with self.atomic():  # holds the write lock from the start: no mark slips in between
            dates = self.db.execute("DELETE FROM stale_dates RETURNING date").fetchall()
            days = {day for (text,) in dates if _is_date(text)
                    for day in local_days(date.fromisoformat(text))}
            self.db.conn.executemany(
                "DELETE FROM day_figures_done WHERE day = ?", [(d.isoformat(),) for d in days])

    def summed_days(self, first: date, last: date, version: str) -> set[date]:
        """The local days from `first` to `last` whose sums are up to date for `version`."""
        return {
            date.fromisoformat(row[0]) for row in self.db.execute(
                "SELECT day FROM day_figures_done WHERE day >= ? AND day <= ? AND version = ?",
                [first.isoformat(), last.isoformat(), version])
        }

    def save_day_figures(
        self, day: date, week: date, version: str,
        rows: Iterable[tuple[str, str, str, str, int, int, int, int, float]],
    ) -> None:
        """Replace one local day's sums: (dim, key, kind, detail, count, grams, money, days,
        CO2 in grams) each."""
        with self.atomic():
            self.db.execute("DELETE FROM day_figures WHERE day = ?", [day.isoformat()])
            self.db.conn.executemany(
                "INSERT INTO day_figures (day, week, dim, key, kind, detail, count, grams, "
                "money, days, co2_g) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(day.isoformat(), week.isoformat(), *row) for row in rows],
            )
            self.db.execute(
                "INSERT OR REPLACE INTO day_figures_done (day, version) VALUES (?, ?)",
                [day.isoformat(), version])

    def period_figures(self, first: date, last: date) -> list[tuple[Any, ...]]:
        """The day sums from `first` to `last` added up per breakdown: (dim, key, kind, detail,
        count, grams, money, days, CO2 in grams)."""
        return self.db.execute(
            "SELECT dim, key, kind, detail, sum(count), sum(grams), sum(money), sum(days), "
            "sum(co2_g) FROM day_figures WHERE day >= ? AND day <= ? "
            "GROUP BY dim, key, kind, detail",
            [first.isoformat(), last.isoformat()],
        ).fetchall()

    def week_figures(self, first: date, last: date) -> list[tuple[Any, ...]]:
        """The totals from `first` to `last` per local week: (Monday, kind, detail, count,
        grams, money, days, CO2 in grams)."""
        return [
            (date.fromisoformat(row[0]), *row[1:])
            for row in self.db.execute(
                "SELECT week, kind, detail, sum(count), sum(grams), sum(money), sum(days), "
                "sum(co2_g) FROM day_figures WHERE day >= ? AND day <= ? AND dim = 'total' "
                "GROUP BY week, kind, detail",
                [first.isoformat(), last.isoformat()])
        ]

    def repair_records(self, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
        """Repair outcomes from `start` up to `end` that still stand: (event id, at,
        recorded_at, data, category)."""
        return [
            (row[0], from_storage(row[1]), from_storage(row[2]), json.loads(row[3]), *row[4:])
            for row in self.db.execute(
                "SELECT e.id, e.at, e.recorded_at, e.data, i.category "
                "FROM events e JOIN items i ON i.id = e.item_id "
                "WHERE e.type = 'repair_finished' AND e.at >= ? AND e.at < ? AND i.voided = 0 "
                f"AND {readable_time('e.at')} AND {readable_time('e.recorded_at')} "
                "AND NOT EXISTS (SELECT 1 FROM events c WHERE c.item_id = e.item_id "
                "AND c.type = 'corrected' AND json_extract(c.data, '$.cancels') = e.id) "
                "ORDER BY e.at, e.rowid",
                [to_storage(start), to_storage(end)],
            )
        ]

    # --- configuration history -------------------------------------------------------------

    def add_config_change(
        self, change_id: str, at: datetime, station: str, user_id: str, what: str,
        old: str | None, new: str | None,
    ) -> None:
        self.db.execute(
            "INSERT INTO config_changes (id, at, station, user_id, what, old_value, new_value) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [change_id, to_storage(at), station, user_id, what, old, new],
        )

    def config_changes(self, limit: int) -> list[ConfigChange]:
        """The latest changes first, with the name of who made them."""
        rows = self.db.execute(
            "SELECT c.at, coalesce(u.name, c.user_id), c.what, c.old_value, c.new_value "
            "FROM config_changes c LEFT JOIN users u ON u.id = c.user_id "
            "ORDER BY c.at DESC, c.rowid DESC LIMIT ?",
            [limit],
        ).fetchall()
        return [ConfigChange(from_storage(r[0]), r[1], r[2], r[3], r[4]) for r in rows]

    def item_count(self) -> int:
        (count,) = self._one("SELECT count(*) FROM items") or (0,)
        return int(count)


def _name_table(table: str) -> str:
    """A name list's table; the name goes into SQL, so only known tables pass."""
    if table not in ("municipalities", "recipients"):
        raise ValueError(f"no name list {table!r}")
    return table


def _visit_row(visit: Visit) -> list[Any]:
    return [
        visit.id, visit.code, visit.station, visit.user_id, to_storage(visit.started_at),
        visit.municipality, to_storage(visit.ended_at) if visit.ended_at else None,
    ]


def _item_row(item: Item) -> list[Any]:
    return [
        item.id, item.code, item.category, item.weight_g, int(item.weight_estimated),
        item.route.value, item.station, to_storage(item.intake_at), item.visit_id,
        int(item.voided), item.status.value, item.origin.value, item.price_cents, item.safety,
    ]


def _event_row(event: Event) -> list[Any]:
    return [
        event.id, event.item_id, event.type.value, to_storage(event.at),
        to_storage(event.recorded_at), event.station, event.user_id, event.reason,
        json.dumps(event.data, sort_keys=True),
    ]


def _user(row: Sequence[Any]) -> User:
    return User(
        id=row[0], name=row[1], role=Role(row[2]), active=bool(row[3]), has_pin=bool(row[4])
    )


def _category(row: Sequence[Any]) -> Category:
    return Category(
        code=row[0], name_nl=row[1], name_en=row[2], icon=row[3], standard_weight_g=row[4],
        min_weight_g=row[5], max_weight_g=row[6], co2_factor=row[7], co2_source=row[8],
        is_electrical=bool(row[9]), sort_order=row[10], hidden=bool(row[11]),
        price_cents=row[12], ords_category=row[13],
    )


def _visit(row: Sequence[Any]) -> Visit:
    return Visit(
        id=row[0], code=row[1], station=row[2], user_id=row[3],
        started_at=from_storage_or_unreadable(row[4]), municipality=row[5],
        ended_at=from_storage_or_unreadable(row[6]) if row[6] else None,
    )


def _item(row: Sequence[Any]) -> Item:
    return Item(
        id=row[0], code=row[1], category=row[2], weight_g=row[3], weight_estimated=bool(row[4]),
        route=Route(row[5]), station=row[6], intake_at=from_storage_or_unreadable(row[7]),
        visit_id=row[8],
        voided=bool(row[9]), status=Status(row[10]), origin=Origin(row[11]), price_cents=row[12],
        safety=row[13],
    )


def _event(row: Sequence[Any]) -> Event:
    return Event(
        id=row[0], item_id=row[1], type=EventType(row[2]), at=from_storage_or_unreadable(row[3]),
        recorded_at=from_storage_or_unreadable(row[4]), station=row[5], user_id=row[6],
        reason=row[7],
        data=json.loads(row[8]),
    )


def _is_date(text: str) -> bool:
    """Whether a stale date marked from an event's time is a date (see db/times.py)."""
    try:
        date.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return True


def _in_chunks(values: Sequence[str], size: int = 500) -> Iterator[tuple[list[str], str]]:
    """`values` in slices that fit SQLite's limit on parameters, each with its '?, ?, ...'."""
    for first in range(0, len(values), size):
        chunk = list(values[first:first + size])
        yield chunk, ", ".join("?" * len(chunk))
