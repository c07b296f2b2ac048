"""Opening a database file safely: refuse foreign files before touching them, then tune SQLite.

Durability choices: WAL lets the gate read while it writes; `synchronous=FULL` makes every commit
reach the disk before the coach sees the item's code, so a power cut after the label is printed
never loses the item (NORMAL could lose the last commits in WAL mode).

Opening checks what is cheap: the SQLite header, that the file is Ambacht's, that its schema
reads. `check_intact` runs `PRAGMA quick_check`, which reads every page and checks the b-trees,
record formats and free list, so that a file damaged by a failing disk or a bad copy is found:
the app runs it in the background right after start (`ui/app.py`, recovery screen on failure),
`ambacht check` on request. It is not part of every open because it reads the whole file (1M
items, 1.5 GB: 3.1 s warm, 6.1 s cold), which would break the start-up target of 1.5 s and slow
every command. `integrity_check` also compares every index with its table and is about 4x
slower; the backups run it on each copy in the background (`db/backup.py`), so index damage is
caught within a day and never lands in a backup that counts. `docs/durability.md` has the
measurements. The same check walks the events' hash chain (`db/chain.py`), so a history
edited with another program is found too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from db.chain import chain_broken, find_break
from db.guard import adopt_identity, check_wal, connect, is_corrupt, misfit_wal
from db.immediate import ImmediateDatabase
from db.readonly import newer_file, open_read_only, unknown_migrations
from db.schema import MIGRATION_SET, migrations
from db.side_files import refuse_other_names, side_read_only, unwritable_side
from intake.errors import QT_TRANSLATE_NOOP, DamagedDatabase, StorageError


def open_database(
    path: Path | str, *, create: bool, newer_read_only: bool = False
) -> tuple[Database, bool, list[str], bool]:
    """Open (and with `create`, make) an Ambacht database; return it, whether it is new, the
    migrations it has that this version does not know (a newer Ambacht changed it), and
    whether the open read every page and found them sound (`check_wal`).

    Raises StorageError for a missing file (without `create`), a file that is not SQLite, an
    SQLite database that belongs to another program, a file with a second name (a hard link,
    `db/side_files.py`), a file whose `-wal` is not its own, and a file of a newer version
    (NewerDatabase) unless `newer_read_only`, which opens such a file read-only instead
    (`db/readonly.py`). Refused files are left exactly as they were.
    """
    if str(path) == ":memory:":
        db = ImmediateDatabase(connect(":memory:"))
        _tune(db)
        _migrate(db)
        return db, True, [], False
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if not existed and not create:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors", "There is no database at {path}. Create one with 'ambacht init'."
            ),
            path=str(path),
        )
    refuse_other_names(path)
    unknown, pages_read = _check_file(path) if existed else ([], False)
    if unknown and not newer_read_only:
        raise newer_file(path, unknown)
    if not existed:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                QT_TRANSLATE_NOOP("Errors", "Cannot create the folder for the database: {error}"),
                error=exc.strerror or str(exc),
            ) from exc
    try:
        if unknown:
            return open_read_only(path), False, unknown, pages_read
        db = ImmediateDatabase(connect(str(path)))
        _tune(db)
        _migrate(db)
    except sqlite3.DatabaseError as exc:
        raise storage_error(exc, path) from exc
    return db, not existed, [], pages_read


def _migrate(db: Database) -> None:
    """Apply the pending migrations in one write transaction: a second program opening the
    same older (or new) file at the same moment waits, then finds nothing left to apply,
    instead of applying a migration twice."""
    if migrations.pending(db):
        with db.atomic():  # BEGIN IMMEDIATE (db/immediate.py); each migration a savepoint
            migrations.apply(db)
        # Into the file now, not at the next checkpoint: a file's own pages carry its id
        # (m011) from its first open by this version, which the -wal check compares against.
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    adopt_identity(db.conn)  # from now on every commit stamps the file's id (db/guard.py)


def _check_file(path: Path) -> tuple[list[str], bool]:
    """Refuse a file that is not Ambacht's, or whose `-wal` is another database's; return the
    migrations it has that this version does not know, and whether every page was read and
    found sound on the way (`check_wal`)."""
    foreign = StorageError(
        QT_TRANSLATE_NOOP("Errors", "{path} is not an Ambacht database."), path=str(path)
    )
    try:
        # Only SQLite may open the file: closing any other descriptor of it would drop every
        # POSIX lock this process holds on it, SQLite's own included (sqlite.org/howtocorrupt,
        # 2.2), and a running app would then write into a WAL that another program deletes.
        # SQLite itself says SQLITE_NOTADB when the header is not its own.
        # Read-only URI: looking must not change the file (no WAL switch, no journal), and a
        # foreign -wal is looked at but never checkpointed into it.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            ours = "_sqlite_migrations" in tables and conn.execute(
                "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            ).fetchone()
            if ours:
                pages_read = check_wal(conn, path)
                return unknown_migrations(conn), pages_read
        finally:
            conn.close()
    except OSError as exc:
        raise foreign from exc
    except sqlite3.DatabaseError as exc:
        misfit = misfit_wal(path) if is_corrupt(exc) else None
        if misfit is not None:  # the file alone is sound: its -wal broke it
            raise misfit from exc
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_NOTADB:
            raise foreign from exc
        raise storage_error(exc, path) from exc  # ours perhaps, but unreadable: say why
    raise foreign


def is_ambacht_database(path: Path) -> bool:
    """Whether the existing file `path` is, or may be, an Ambacht database (this one's backup,
    another centre's file): asked of SQLite read-only, never with `open()`. A file SQLite
    cannot read for another reason than not being a database (damaged, locked) counts as one:
    it may be the copy someone needs."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            return "_sqlite_migrations" in tables and conn.execute(
                "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            ).fetchone() is not None
        finally:
            conn.close()
    except OSError:
        return False
    except sqlite3.DatabaseError as exc:
        return getattr(exc, "sqlite_errorcode", 0) & 0xFF != sqlite3.SQLITE_NOTADB


def check_intact(path: Path | str, *, full: bool = False, pages: bool = True) -> None:
    """Raise StorageError if the file is damaged (`quick_check`, or `integrity_check` with
    `full`) or its history was changed outside Ambacht (the hash chain of the last events of
    each station, or with `full` of all of them: `db/chain.py`). Read-only, like the check
    of an open, so the file stays as it was. Without `pages` the pages are not read again
    (the open has just read them all: `Store.pages_read`), only the chains."""
    path = Path(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check = "integrity_check" if full else "quick_check"
            problems = ([row[0] for row in conn.execute(f"PRAGMA {check}(3)")]
                        if pages or full else ["ok"])
            found = find_break(conn, whole=full) if problems == ["ok"] else None
            if found is not None:
                raise chain_broken(conn, path, found)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise storage_error(exc, path) from exc
    if problems != ["ok"]:
        raise damaged(path, "; ".join(problems))


def damaged(path: Path | str, detail: str) -> DamagedDatabase:
    """The refusal for a file SQLite reads but whose contents are broken: nothing new is saved
    in it; the way out is a restore (the app's recovery screen or `ambacht restore`)."""
    return DamagedDatabase(
        QT_TRANSLATE_NOOP(
            "Errors", "The database {path} is damaged ({detail}), so nothing new is saved in "
            "it. Restore a backup: start Ambacht again and choose one, or use 'ambacht "
            "restore BACKUP'."
        ),
        path=str(path),
        detail=detail[:200],
    )


@contextmanager
def storage_errors(path: Path | str) -> Iterator[None]:
    """Turn SQLite's failures inside the block into the StorageError `storage_error` words,
    for code outside `db/` that reads through the Store (a damaged page met by a report)."""
    try:
        yield
    except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise  # a mistake in the code, not a problem of the storage
    except sqlite3.DatabaseError as exc:
        raise storage_error(exc, path) from exc


def storage_error(exc: sqlite3.Error, path: Path | str) -> StorageError:
    """What SQLite reported, as a message a coach or coordinator can act on.

    Used where the database is opened and around every write transaction (`Store.atomic`), so
    a full disk, a read-only folder or a lock held by another program reads the same
    everywhere. The transaction was rolled back, so nothing of the attempt was written.
    """
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary code, without extension
    if code == sqlite3.SQLITE_FULL:
        return StorageError(QT_TRANSLATE_NOOP(
            "Errors", "The disk is full, so this was not saved. Free up space on the disk "
            "(or ask the coordinator to), then try again."))
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        side = unwritable_side(Path(path))
        if side is not None:
            return side_read_only(Path(path), side)
        return StorageError(QT_TRANSLATE_NOOP(
            "Errors", "The database {path} cannot be written: the file or its folder is "
            "read-only. This was not saved."), path=str(path))
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StorageError(QT_TRANSLATE_NOOP(
            "Errors", "The database is in use by another program, so this was not saved. "
            "Try again in a moment."))
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return damaged(path, str(exc))
    return StorageError(
        QT_TRANSLATE_NOOP("Errors", "The database {path} cannot be used: {error}"),
        path=str(path),
        error=str(exc),
    )


def _tune(db: Database) -> None:
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")
