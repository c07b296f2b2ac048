"""The file's identity, and damage remembered: what every connection Ambacht writes through keeps.

**Identity (issue 11).** SQLite applies a `-wal` to whichever database file it lies beside: its
header has no field naming the file it belongs to. A `-wal` copied from another database (a
`cp` of both files that went wrong, a folder put back from two copies) would be replayed into
this one, mixing the pages of two databases. So each database gets a random id when it is made
or first migrated (`m011_file_identity`): it is kept in the one-row table `file_identity` and
mirrored into the header's `user_version`, and every commit writes it there again
(`GuardedConnection`). Page 1, which holds the header, is therefore in every write
transaction's frames: a `-wal` carries the id of the file it was written for.

Before a file is written, `check_wal` compares three readings of the id: the header as the
pages in the file give it (read with SQLite's `immutable=1`, which ignores the `-wal`), the
header as the `-wal` gives it, and the table. A `-wal` of another database shows another id
in the header than the file's own pages and the table do, and the file is refused before any
writing connection could apply or checkpoint that `-wal`. A backup is a page copy and keeps its
database's id; a restore of another database's backup, which changes the id, copies in
rollback-journal mode (`db/restore.py`), so no `-wal` ever carries an id change. A file that
never had an id (made before this version, id 0) cannot be judged until it has one.

**Damage.** SQLITE_CORRUPT on any statement is remembered on the connection (`damage`), so that
`Store.atomic` refuses every new step on that file from then on, with the message that points
to a restore.
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path
from typing import Any

from intake.errors import QT_TRANSLATE_NOOP, ForeignWal

IDENTITY_TABLE = "file_identity"


class GuardedConnection(sqlite3.Connection):
    """A connection that writes the file's id into the header with every commit, and
    remembers when SQLite found the file damaged."""

    file_id: int | None = None  # set once the file's id is known (`adopt_identity`)
    damage: sqlite3.DatabaseError | None = None

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if sql == "COMMIT":  # how ImmediateDatabase and sqlite-utils end their transactions
            self._stamp()
        try:
            return super().execute(sql, parameters)
        except sqlite3.DatabaseError as exc:
            if is_corrupt(exc):
                self.damage = exc
            raise

    def commit(self) -> None:
        self._stamp()
        super().commit()

    def _stamp(self) -> None:
        if self.file_id is not None and self.in_transaction:
            # Rewriting the same value still puts page 1 into this transaction's WAL frames.
            super().execute(f"PRAGMA user_version = {int(self.file_id)}")


def connect(target: str, *, uri: bool = False) -> GuardedConnection:
    """A GuardedConnection usable from the thread that opened it and by sqlite-utils."""
    conn = sqlite3.connect(target, uri=uri, factory=GuardedConnection)
    assert isinstance(conn, GuardedConnection)
    return conn


def is_corrupt(exc: sqlite3.Error) -> bool:
    """Whether SQLite said the file is damaged (SQLITE_CORRUPT, or SQLITE_NOTADB for a header
    broken while the file was open), not merely busy or full; `storage_error` words both so."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def new_file_id() -> int:
    """A random id for a new database: positive, as `user_version` is a signed 32-bit field."""
    return 1 + secrets.randbelow(2**31 - 1)


def recorded_id(conn: sqlite3.Connection) -> int | None:
    """The id in the file's `file_identity` table; None for a file made before it existed."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [IDENTITY_TABLE]
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute(f"SELECT id FROM {IDENTITY_TABLE}").fetchone()
    return int(row[0]) if row else None


def adopt_identity(conn: sqlite3.Connection) -> None:
    """Let every later commit on `conn` stamp the file's id (after the migrations ran)."""
    if isinstance(conn, GuardedConnection):
        conn.file_id = recorded_id(conn)


def check_wal(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse the file when its `-wal` belongs to another database; `conn` is a read-only
    connection on it, which sees the pages through the `-wal` but never writes them back."""
    wal = path.with_name(f"{path.name}-wal")
    if not wal.exists():
        return
    (seen,) = conn.execute("PRAGMA user_version").fetchone()
    recorded = recorded_id(conn)
    own = _header_id(path)
    if (recorded is not None and seen != recorded) or (own not in (0, None) and seen != own):
        raise ForeignWal(QT_TRANSLATE_NOOP(
            "Errors", "The file {wal} belongs to another database, so it was not applied to "
            "{path}, which is unchanged. Move that file out of the folder (keep it), then "
            "start Ambacht again."), wal=str(wal), path=str(path))


def _header_id(path: Path) -> int | None:
    """The id in the header as the file's own pages hold it, without its `-wal`.

    `immutable=1` makes SQLite read the file alone: no `-wal`, no locks taken. SQLite's own
    file handling still keeps the locks this process holds on the file (only SQLite opens
    it). None when that reading fails (a page being checkpointed at that moment): the table's
    id is then the only reference."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
