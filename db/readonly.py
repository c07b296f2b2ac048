"""A database from a newer version of Ambacht: read, never written (issue 11).

A file whose `_sqlite_migrations` names migrations this version does not know was changed by a
newer Ambacht: its tables may hold columns, rows or rules this version would break. Writing
commands and the app refuse it (`newer_file`). Commands that only read (`report`, `item`,
`check`, `backup`, ...) open it with SQLite's `mode=ro`, so that nothing this process does can
write to it. The report's day-sum cache is the one thing such a command would otherwise write:
on a read-only connection its tables are shadowed by empty TEMP tables of the same shape, which
SQLite finds first for an unqualified name, so the sums are made from the events in memory and
thrown away on close.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.guard import connect
from db.immediate import ImmediateDatabase
from db.schema import MIGRATION_SET, migrations
from intake.errors import QT_TRANSLATE_NOOP, NewerDatabase

# The report's cache (m006): written by reports, never the truth.
CACHE_TABLES = ("day_figures", "day_figures_done", "stale_dates")


def known_migrations() -> set[str]:
    """The names of the migrations this version of Ambacht knows (a newer file has more)."""
    return {migration.name for migration in migrations._migrations}


def unknown_migrations(conn: sqlite3.Connection) -> list[str]:
    """The migrations applied to the file that this version does not know, sorted."""
    applied = {row[0] for row in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}
    return sorted(applied - known_migrations())


def newer_file(path: Path | str, unknown: list[str]) -> NewerDatabase:
    """The refusal to write a file of a newer version."""
    return NewerDatabase(QT_TRANSLATE_NOOP(
        "Errors", "The database {path} was changed by a newer version of Ambacht ({changes}). "
        "This version may only read it, so nothing was changed. Update Ambacht on this "
        "computer."), path=str(path), changes=", ".join(unknown)[:200])


def open_read_only(path: Path) -> ImmediateDatabase:
    """Open `path` so that nothing can be written to it; the report's cache lives in memory."""
    db = ImmediateDatabase(connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")
    for (sql,) in db.execute(
        "SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name IN "
        f"({', '.join('?' * len(CACHE_TABLES))})", CACHE_TABLES
    ).fetchall():
        # Same columns and keys as the file's own table, in the temp schema.
        db.execute(sql.replace("CREATE TABLE", "CREATE TEMP TABLE", 1))
    return db
