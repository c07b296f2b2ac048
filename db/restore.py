"""Restore: put a checked backup in the database's place, all or nothing.

The backup is checked completely first (`db.backup.inspect`), on a read-only connection that
keeps that one snapshot for the copy, and copied to a temporary file, flagged there when it is
a station of a hub: that station takes no step until a sync round gave its own steps back
(`db/hub_restore.py`); the flag comes with the rest of the copy, in the same transaction. Then,
while no other program has the database open (an exclusive lock; a running Ambacht makes the
restore refuse):

1. the current database is copied with the backup API to `NAME.before-restore-TIME` (a
   temporary file first, linked to that name when complete; never deleted);
2. the flagged copy is copied INTO the current database with the backup API: one SQLite
   transaction in rollback-journal mode, so a kill or power cut leaves the old content or the
   new, and no -wal or -shm is ever involved; the restored database is switched to WAL after.

A file SQLite cannot read as a database at all (damaged header, not SQLite) cannot take part
in a transaction: it is hard-linked to the kept name, its -wal and -shm are moved along, and a
complete copy of the flagged copy is renamed over it in one step. Where there is no database
yet, that copy is linked into place, never over a file that appeared meanwhile. Either way a
kill leaves the old file or the new one under the database's name, never none.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from db.backup import BackupSummary, inspect, reading, single_file
from db.connection import storage_error
from db.files import (
    STAMP,
    cannot_write,
    fault_point,
    new_copy,
    place,
    private_folder,
    remove_stale,
    replace,
    set_aside,
    temporary,
)
from db.guard import check_wal, is_corrupt, misfit_wal
from db.hub_restore import mark_restored
from db.readonly import newer_file, unknown_migrations
from intake.errors import QT_TRANSLATE_NOOP, StorageError

PAGES_PER_STEP = 16  # steps of the copy (one transaction still); between two, the fault hook


def restore(backup: Path, db_path: Path | str, now: datetime) -> tuple[BackupSummary, Path | None]:
    """Replace the database at `db_path` with a checked copy of `backup`.

    Returns what the backup holds and where the previous database was kept (None when there
    was none). Refuses, changing nothing, a backup that is incomplete, damaged or not ours, and
    a database that a running Ambacht has open.
    """
    target = Path(db_path)
    kept_name = target.with_name(f"{target.name}.before-restore-{now.astimezone(UTC):{STAMP}}")
    with reading(backup) as src:
        summary = inspect(src, backup, thorough=True)
        fault_point("restore-checked")
        try:
            private_folder(target.parent)
            remove_stale(target)
            with temporary(target) as staged, closing(_flagged(src, staged, now)) as copy:
                if not target.exists():
                    _stage(copy, target, kept_name, place)
                    return summary, None
                if not _readable(target):
                    return summary, _replace_unreadable(copy, target, kept_name)
                with closing(_lock(target)) as live:
                    unknown = unknown_migrations(live)
                    if unknown:  # only the newer version may replace what it wrote
                        raise newer_file(target, unknown)
                    kept = _keep_copy(live, target, kept_name)
                    _copy_into(copy, live)
        except FileExistsError as exc:  # a database appeared meanwhile: let the user retry
            raise _in_use(target) from exc
        except OSError as exc:
            raise cannot_write(target, exc) from exc
        except sqlite3.DatabaseError as exc:
            raise storage_error(exc, target) from exc
    return summary, kept


def _flagged(src: sqlite3.Connection, temp: Path, now: datetime) -> sqlite3.Connection:
    """A copy of the backup at `temp`, flagged as restored when it is a station of a hub
    (db/hub_restore.py): it is what goes in the database's place, so the flag comes with the
    rest in one transaction, and a kill can leave no restored station without it."""
    copy = new_copy(temp)
    try:
        src.backup(copy)
        single_file(copy)
        copy.execute("BEGIN IMMEDIATE")
        mark_restored(copy, now)
        copy.execute("COMMIT")
    except BaseException:
        copy.close()
        raise
    return copy


def _readable(target: Path) -> bool:
    """Whether SQLite reads the file as a database, asked read-only: a writing connection on
    a file it cannot read would delete the file's -wal when it closes. A -wal of another
    database beside it is refused here (ForeignWal), before a writing connection could
    checkpoint it into the file: the file alone is newer than any backup, so moving the
    stray -wal away is the way out, not a restore."""
    try:
        with closing(sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            check_wal(conn, target)
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        misfit = misfit_wal(target) if is_corrupt(exc) else None
        if misfit is not None:  # the file alone is sound: keep it, the -wal is to move
            raise misfit from exc
        if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            return False
        if code not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise
        # Locked by another restore: `_lock` says so.
    return True


def _lock(target: Path) -> sqlite3.Connection:
    """A connection holding the database exclusively until it is closed."""
    live = sqlite3.connect(target, timeout=0.5, isolation_level=None)
    try:
        # Exclusive locking mode fails while any other connection has the file open, and
        # keeps the lock after the (empty) transaction that takes it.
        live.execute("PRAGMA locking_mode=EXCLUSIVE")
        live.execute("BEGIN EXCLUSIVE")
        live.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        live.close()
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY,
                                                          sqlite3.SQLITE_LOCKED):
            raise _in_use(target) from exc
        raise
    return live


def _keep_copy(live: sqlite3.Connection, target: Path, kept_name: Path) -> Path:
    """Copy the locked database to the first free name from `kept_name` on; return it."""
    with temporary(target) as temp:
        with closing(new_copy(temp)) as copy:
            live.backup(copy)
            single_file(copy)
        fault_point("restore-kept-copy")
        kept = _place_free(temp, kept_name, place)
    fault_point("restore-kept")
    return kept


def _copy_into(src: sqlite3.Connection, live: sqlite3.Connection) -> None:
    """Copy the backup over the locked database's content in one transaction.

    Always in rollback-journal mode (as atomic as WAL): a -wal that takes the file back to an
    earlier content (a backup of it), or to another database's id (a backup of another), is
    how `db/guard.py` recognises a -wal that is not the file's own, so none may ever hold
    one. WAL also could not change the page size to the backup's."""
    (mode,) = live.execute("PRAGMA journal_mode").fetchone()
    if mode == "wal":
        live.execute("PRAGMA journal_mode=DELETE")

    def copying(_status: int, remaining: int, _total: int) -> None:
        if remaining:  # between two steps, inside the transaction
            fault_point("restore-copying")

    src.backup(live, pages=PAGES_PER_STEP, progress=copying)
    fault_point("restore-copied")
    live.execute("PRAGMA journal_mode=WAL")  # as Ambacht uses it; the backup came as one file


def _replace_unreadable(src: sqlite3.Connection, target: Path, kept_name: Path) -> Path:
    """Keep the unreadable file under the kept name (a hard link, then its -wal and -shm),
    then rename a copy of the backup over it."""
    kept = _place_free(target, kept_name, os.link)
    fault_point("restore-kept")
    _stage(src, target, kept, replace)
    return kept


def _stage(src: sqlite3.Connection, target: Path, aside: Path,
           put: Callable[[Path, Path], None]) -> None:
    """Copy the backup into a temporary file beside `target`, move the -wal and -shm left
    at `target` to `aside` (they must never meet the new file), then `put` the copy there."""
    with temporary(target) as temp:
        with closing(new_copy(temp)) as copy:
            src.backup(copy)
            single_file(copy)
        fault_point("restore-staged")
        set_aside(target, aside)
        fault_point("restore-set-aside")
        put(temp, target)


def _place_free(file: Path, name: Path, put: Callable[[Path, Path], None]) -> Path:
    """Give `file` the first free one of `name`, `name-2`, `name-3`, ... (restores within
    one second keep each their own copy)."""
    for number in range(1, 100):
        candidate = name if number == 1 else name.with_name(f"{name.name}-{number}")
        try:
            put(file, candidate)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(name)


def _in_use(target: Path) -> StorageError:
    return StorageError(QT_TRANSLATE_NOOP(
        "Errors", "The database {path} is open in a running Ambacht; close it first."),
        path=str(target))
