"""Opening a database file safely: refuse foreign files before touching them, then tune SQLite.

Durability choices: WAL lets the gate read while it writes; `synchronous=FULL` makes every commit
reach the disk before the coach sees the item's code, so a power cut after the label is printed
never loses the item (NORMAL could lose the last commits in WAL mode).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from db.schema import MIGRATION_SET, migrations
from intake.errors import QT_TRANSLATE_NOOP, StorageError

SQLITE_HEADER = b"SQLite format 3\x00"


def open_database(path: Path | str, *, create: bool) -> tuple[Database, bool]:
    """Open (and with `create`, make) an Ambacht database; return it and whether it is new.

    Raises StorageError for a missing file (without `create`), a file that is not SQLite, or an
    SQLite database that belongs to another program. Such files are left exactly as they were.
    """
    if str(path) == ":memory:":
        db = Database(memory=True)
        _tune(db)
        migrations.apply(db)
        return db, True
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if not existed and not create:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors", "There is no database at {path}. Create one with 'ambacht init'."
            ),
            path=str(path),
        )
    if existed:
        _check_is_ambacht(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                QT_TRANSLATE_NOOP("Errors", "Cannot create the folder for the database: {error}"),
                error=exc.strerror or str(exc),
            ) from exc
    try:
        db = Database(path)
        _tune(db)
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("Errors", "The database {path} cannot be used: {error}"),
            path=str(path),
            error=str(exc),
        ) from exc
    return db, not existed


def _check_is_ambacht(path: Path) -> None:
    foreign = StorageError(
        QT_TRANSLATE_NOOP("Errors", "{path} is not an Ambacht database."), path=str(path)
    )
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise foreign
        # Read-only URI: looking must not change the file (no WAL switch, no journal).
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            ours = "_sqlite_migrations" in tables and conn.execute(
                "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            ).fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError) as exc:
        raise foreign from exc
    if not ours:
        raise foreign


def _tune(db: Database) -> None:
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")
