"""A sqlite-utils Database whose write transactions take SQLite's write lock when they begin.

A deferred transaction (plain `BEGIN`, sqlite-utils' default) starts as a reader and asks for
the write lock at its first write. If another program writes at that moment, SQLite cannot
wait: the reader's snapshot would be stale, so it answers SQLITE_BUSY at once and the
busy timeout never applies. `BEGIN IMMEDIATE` asks for the write lock first, where SQLite does
wait out the busy timeout; a transaction then either holds the lock before it reads anything,
or fails before it did anything. Every write Ambacht makes goes through this class (issue 11).
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database


class ImmediateDatabase(Database):
    """`atomic()` begins with `BEGIN IMMEDIATE` (nested blocks stay savepoints), and a lone
    write outside `atomic()` gets an implicit `BEGIN IMMEDIATE` from the sqlite3 module."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The sqlite3 module opens this before an INSERT/UPDATE/DELETE outside a transaction
        # (sqlite-utils then commits it): single writes wait for the lock like the rest.
        self.conn.isolation_level = "IMMEDIATE"

    @contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:  # nested: a savepoint inside the lock already held
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()  # a no-op when the error already ended the transaction
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise
