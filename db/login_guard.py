"""Each station's record of wrong PINs and its keypad lock (m005, m009): station business, kept
in the station's file and never shared. The rules (the sliding window, the lock lengths, a
clock set back) are `intake.auth`'s."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from intake.clock import from_storage_or_unreadable, to_storage


class LoginGuard:
    """The login_guard and login_failures tables of one open database (`store.login_guard`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _one(self, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = self.db.execute(sql, params).fetchone()
        return row

    def lock(self, station: str) -> tuple[datetime | None, int]:
        """(locked until, the lock's length in seconds) of a station's latest keypad lock;
        (None, 0) when it never locked. An end that cannot be read is long past (UNREADABLE),
        so a hand edit never keeps everyone out."""
        row = self._one(
            "SELECT locked_until, lock_s FROM login_guard WHERE station = ?", [station])
        if row is None or row[0] is None:
            return None, 0
        return from_storage_or_unreadable(row[0]), int(row[1])

    def set_lock(self, station: str, failures: int, locked_until: datetime | None,
                       lock_s: int) -> None:
        """Note the wrong PINs in the window now and the station's latest lock."""
        self.db.execute(
            "INSERT INTO login_guard (station, failures, locked_until, lock_s) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (station) DO UPDATE SET "
            "failures = excluded.failures, locked_until = excluded.locked_until, "
            "lock_s = excluded.lock_s",
            [station, failures, to_storage(locked_until) if locked_until else None, lock_s],
        )

    def add_failure(self, failure_id: str, at: datetime, station: str) -> None:
        """Note that a wrong PIN was tried (when and where; nothing of the PIN itself)."""
        self.db.execute(
            "INSERT INTO login_failures (id, at, station) VALUES (?, ?, ?)",
            [failure_id, to_storage(at), station],
        )

    def failures_since(self, station: str, since: datetime) -> int:
        """Wrong PINs tried at `station` at or after `since` (dated later ones included)."""
        (count,) = self._one(
            "SELECT count(*) FROM login_failures WHERE station = ? AND at >= ?",
            [station, to_storage(since)]) or (0,)
        return int(count)
