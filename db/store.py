"""The Store: one open Ambacht database and every query and write on it, behind plain Python
methods. The core tables are here; other parts have modules of their own, reached through the
store: `reports`, `day_figures`, `print_jobs`, `login_guard`, `name_lists` and `merge`.

Writes that belong together are grouped by the caller in `with store.atomic():`; every method
here is one statement or a few that are always used together. `atomic` is also where SQLite's
write failures (disk full, read-only file, lock held elsewhere) become a StorageError with a
clear message, after the whole transaction was rolled back. The hot path (an intake) uses
prepared SQL rather than sqlite-utils' table helpers, which introspect the table on every call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db.chain import linked
from db.config_cache import ConfigCache
from db.connection import open_database, storage_error
from db.day_figures import DayFigures
from db.hub_restore import refuse_if_restored
from db.login_guard import LoginGuard
from db.merge import MergeRows
from db.names import NameLists
from db.newer_steps import KNOWN_STEPS
from db.overruled import CANCELLED
from db.print_jobs import PrintJobs
from db.reports import ReportQueries
from db.rows import (
    CATEGORY_COLUMNS,
    EVENT_READ_COLUMNS,
    INSERT_EVENT,
    INSERT_ITEM,
    INSERT_VISIT,
    ITEM_COLUMNS,
    ITEM_COLUMNS_OF_I,
    VISIT_COLUMNS,
    category_from,
    event_from,
    event_row,
    item_from,
    item_row,
    user_from,
    visit_from,
    visit_row,
)
from db.times import readable_time
from intake.clock import from_storage, to_storage
from intake.errors import DamagedDatabase, StorageError
from intake.model import Category, ConfigChange, Event, Item, User, Visit
from intake.settings import Settings


class Store:
    """One open Ambacht database."""

    def __init__(self, db: Database, path: str, *, created: bool = False,
                 newer: tuple[str, ...] = (), pages_read: bool = False) -> None:
        self.db, self.path = db, path
        self.created = created  # True when this open made the file
        self.pages_read = pages_read  # the open read every page and found them sound
        self.newer = newer  # migrations of a newer version: then the file is only read
        self._damage: StorageError | None = None
        self.print_jobs = PrintJobs(db)
        self.reports = ReportQueries(db)
        self.login_guard = LoginGuard(db)
        self.name_lists = NameLists(db)
        self.merge = MergeRows(db)
        self.day_figures = DayFigures(self)
        self._config = ConfigCache(db)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False,
             newer_read_only: bool = False) -> Store:
        """Open the database at `path` (':memory:' for tests); see `open_database`."""
        db, created, unknown, pages_read = open_database(path, create=create,
                                                         newer_read_only=newer_read_only)
        return cls(db, str(path), created=created, newer=tuple(unknown), pages_read=pages_read)

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
            user_from, self.db.execute("SELECT id, name, role, active, pin_hash IS NOT NULL, "
                                   "network FROM users ORDER BY name COLLATE NOCASE"))})

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
            "UPDATE users SET name = ?, role = ?, active = ?, network = ? WHERE id = ?",
            [user.name, user.role.value, int(user.active), int(user.network), user.id],
        )

    # --- shipments (delivery notes) ---------------------------------------------------------

    def add_shipment(
        self, code: str, recipient: str, at: datetime, station: str, user_id: str
    ) -> None:
        refuse_if_restored(self.db)
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
            f"SELECT {ITEM_COLUMNS_OF_I} FROM events e JOIN items i ON i.id = e.item_id "
            "WHERE e.type = 'material_out' AND json_extract(e.data, '$.shipment') = ? "
            f"AND i.voided = 0 AND NOT {CANCELLED} "
            "ORDER BY e.rowid",
            [code],
        ).fetchall()
        return [item_from(row) for row in rows]

    # --- categories ------------------------------------------------------------------------

    def categories(self, *, include_hidden: bool = False) -> list[Category]:
        """The categories in their order (the hidden ones too when asked), read once and again
        after a change."""
        return [cat for cat in self._categories().values() if include_hidden or not cat.hidden]

    def category(self, code: str) -> Category | None:
        return self._categories().get(code)

    def _categories(self) -> dict[str, Category]:
        return self._config.get("categories", lambda: {cat.code: cat for cat in map(
            category_from, self.db.execute(
                f"SELECT {CATEGORY_COLUMNS} FROM categories ORDER BY sort_order, code"))})

    def save_category(self, cat: Category) -> None:
        """Insert a new category or replace the settings of an existing one."""
        self._config.changed()
        self.db.execute(
            f"INSERT INTO categories ({CATEGORY_COLUMNS}) VALUES ({', '.join('?' * 14)}) "
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
        refuse_if_restored(self.db)
        self.db.execute(INSERT_VISIT, visit_row(visit))

    def end_visit(self, visit_id: str, ended_at: datetime) -> None:
        self.db.execute(
            "UPDATE visits SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
            [to_storage(ended_at), visit_id],
        )

    def visit(self, id_or_code: str) -> Visit | None:
        row = self._one(
            f"SELECT {VISIT_COLUMNS} FROM visits WHERE id = ? OR code = ?",
            [id_or_code, id_or_code],
        )
        return visit_from(row) if row else None

    # --- items and events ------------------------------------------------------------------

    def add_item(self, item: Item, event: Event) -> None:
        """Write a new item together with its intake event."""
        self.db.execute(INSERT_ITEM, item_row(item))
        self.add_event(event)

    def add_event(self, event: Event) -> None:
        self._insert_events([event_row(event)])

    def _insert_events(self, rows: Sequence[Sequence[Any]]) -> None:
        """The one place events are written: each is linked onto its station's hash chain
        in the same transaction (`db/chain.py`); none at a restored station before it synced."""
        refuse_if_restored(self.db)
        with self.atomic():
            self.db.conn.executemany(INSERT_EVENT, linked(self.db.conn, rows))

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
            conn.executemany(INSERT_VISIT, [visit_row(v) for v in visits])
            conn.executemany(INSERT_ITEM, [item_row(i) for i in items])
            self._insert_events([event_row(e) for e in events])
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
            "UPDATE items SET route = ?, voided = ?, status = ?, price_cents = ?, safety = ?, "
            "category = ?, weight_g = ?, weight_estimated = ? WHERE id = ?",
            [
                item.route.value, int(item.voided), item.status.value, item.price_cents,
                item.safety, item.category, item.weight_g, int(item.weight_estimated), item.id,
            ],
        )

    def item_by_code(self, code: str) -> Item | None:
        row = self._one(f"SELECT {ITEM_COLUMNS} FROM items WHERE code = ?", [code])
        return item_from(row) if row else None

    def item(self, item_id: str) -> Item | None:
        row = self._one(f"SELECT {ITEM_COLUMNS} FROM items WHERE id = ?", [item_id])
        return item_from(row) if row else None

    def events(self, item_id: str) -> list[Event]:
        """An item's history, oldest first; events at the same moment in the order written
        (`StepService.history` puts it in the merged order of `intake.order`); steps of kinds
        this version does not know are left out (`db/newer_steps.py`). A time that cannot be
        read sorts first, as `intake.clock.UNREADABLE` does."""
        rows = self.db.execute(
            f"SELECT {EVENT_READ_COLUMNS} FROM events WHERE item_id = ? AND {KNOWN_STEPS} "
            f"ORDER BY {readable_time('at')}, at, rowid",
            [item_id],
        ).fetchall()
        return [event_from(row) for row in rows]

    def items_of_visit(self, visit_id: str) -> list[Item]:
        """The visit's items that are not voided, the most recently taken in first."""
        rows = self.db.execute(
            f"SELECT {ITEM_COLUMNS} FROM items WHERE visit_id = ? AND voided = 0 "
            "ORDER BY intake_at DESC, rowid DESC",
            [visit_id],
        ).fetchall()
        return [item_from(row) for row in rows]

    def frequent_repair_values(self, field: str, category: str, limit: int) -> list[str]:
        """The most used values of a repair record's `field` ('brand', 'problem',
        'ords_category') for items of `category`, most frequent first: quick choices."""
        if field not in ("brand", "problem", "ords_category"):
            raise ValueError(f"no repair field {field!r}")
        rows = self.db.execute(
            f"SELECT json_extract(e.data, '$.{field}') AS value, count(*) AS uses "
            "FROM events e JOIN items i ON i.id = e.item_id "
            "WHERE e.type = 'repair_finished' AND i.category = ? AND value IS NOT NULL "
            "GROUP BY value ORDER BY uses DESC, value LIMIT ?",
            [category, limit],
        ).fetchall()
        return [row[0] for row in rows]

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
