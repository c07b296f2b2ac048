"""The configuration lists every screen and step reads (settings, categories, users, stations),
read once and again only when they may have changed.

They may have changed when this connection wrote one of them (the Store says so with
`changed()`), or when any other connection committed anything: SQLite's `PRAGMA data_version`
then differs, whichever program or thread wrote. Checking that costs one statement with no
table read, instead of reading the tables again. Inside a transaction the tables are read
directly, so that a change which is later rolled back is never kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlite_utils import Database

T = TypeVar("T")


class ConfigCache:
    """Readings of configuration tables of one connection, dropped when they may be stale."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._writes = 0  # configuration writes by this connection
        self._mark: tuple[int, int] | None = None
        self._readings: dict[str, Any] = {}

    def get(self, name: str, read: Callable[[], T]) -> T:
        """The reading called `name`, made by `read` when there is none or it may be stale.
        The value is shared: callers must not change it."""
        if self.db.conn.in_transaction:
            return read()
        (version,) = self.db.execute("PRAGMA data_version").fetchone()
        mark = (self._writes, version)
        if mark != self._mark:
            self._readings.clear()
            self._mark = mark
        if name not in self._readings:
            self._readings[name] = read()
        reading: T = self._readings[name]
        return reading

    def changed(self) -> None:
        """This connection wrote configuration: read it again after the transaction."""
        self._writes += 1
