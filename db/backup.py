"""Backups and restore: copies made with SQLite's backup API, checked before they count.

A backup is written into a hidden temporary file in the target folder, checked there (full
`PRAGMA integrity_check`, an Ambacht database, the same number of items and events as the
source had at the moment of copying) and only then renamed to its dated name, so a folder never
holds a half-written file under a backup's name, even when the USB stick is pulled mid-copy.
The copy reads one snapshot of the source on its own connection; with WAL the gate keeps
writing meanwhile.

Rotation keeps the newest backup of each of the last 7 days that have one and the newest of
each of the last 8 weeks (ISO weeks) that have one: a week of daily restore points and two
months of weekly ones, at most 15 files. Only files named like our backups are ever removed.

A restore checks the chosen file completely first, copies it into a temporary file beside the
database and checks that copy, then moves the current database (with its -wal and -shm) aside
under a dated name, never deleting it, and renames the copy into place.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from db.connection import damaged, storage_error
from db.schema import MIGRATION_SET, known_migrations
from intake.errors import QT_TRANSLATE_NOOP, StorageError

BACKUP_FOLDER_SETTING = "backup_folder"
KEEP_DAILY = 7
KEEP_WEEKLY = 8
_STAMP = "%Y-%m-%dT%H%M%SZ"
_NAME = re.compile(r"ambacht-(\d{4}-\d{2}-\d{2}T\d{6}Z)\.sqlite")
# The copy being written, before it is checked and named (see `_temporary`).
_TEMPORARY = re.compile(r"\.ambacht-\d{4}-\d{2}-\d{2}T\d{6}Z\.sqlite\.\w+\.tmp")
STALE_TEMPORARY_S = 6 * 3600  # older than any backup takes: its writer was killed
_WAL_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class BackupSummary:
    """What a checked backup holds."""

    path: Path
    items: int
    events: int
    latest_event_at: str | None  # UTC ISO time of the newest step recorded, None if none


def backup_folder(settings: dict[str, str], db_path: Path | str) -> Path:
    """The folder the settings name, or `backups` beside the database."""
    configured = settings.get(BACKUP_FOLDER_SETTING, "").strip()
    return Path(configured) if configured else Path(db_path).resolve().parent / "backups"


def backups_for(db_path: Path | str) -> list[Path]:
    """Every backup of the database at `db_path`, newest first, even when it cannot be opened:
    in the folder its settings name (read if the file still allows) and beside it."""
    settings: dict[str, str] = {}
    try:
        uri = f"{Path(db_path).resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            settings = dict(conn.execute(
                "SELECT key, value FROM settings WHERE key = ?", [BACKUP_FOLDER_SETTING]))
    except (OSError, sqlite3.Error):
        pass  # a damaged or foreign file: the folder beside it is still worth a look
    folders = dict.fromkeys([backup_folder(settings, db_path), backup_folder({}, db_path)])
    found = [path for folder in folders for path in list_backups(folder)]
    return sorted(found, key=lambda path: path.name, reverse=True)


def backup_name(now: datetime) -> str:
    """The file name of a backup made at `now`: ambacht-2026-11-26T093012Z.sqlite."""
    return f"ambacht-{now.astimezone(UTC).strftime(_STAMP)}.sqlite"


def backup_time(path: Path) -> datetime | None:
    """When a backup was made, read from its name; None for a name that is not ours."""
    match = _NAME.fullmatch(path.name)
    return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC) if match else None


def list_backups(folder: Path) -> list[Path]:
    """The backups in `folder`, newest first; [] when the folder is not there."""
    try:
        found = [path for path in folder.iterdir() if backup_time(path) is not None]
    except OSError:
        return []
    return sorted(found, key=lambda path: path.name, reverse=True)


def back_up(db_path: Path | str, settings: dict[str, str], now: datetime) -> BackupSummary:
    """Make a dated backup in the folder the settings name, then rotate its backups.

    The default folder beside the database is made when missing; a chosen one (a USB stick,
    a share) must be there: making it would hide that the stick is not plugged in.
    """
    folder = backup_folder(settings, db_path)
    if not settings.get(BACKUP_FOLDER_SETTING, "").strip():
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise _cannot_write(folder, exc) from exc
    if not folder.is_dir():
        raise StorageError(QT_TRANSLATE_NOOP(
            "Errors", "The backup folder {folder} is not there. Is the USB stick or network "
            "share connected?"), folder=str(folder))
    summary = write_backup(db_path, folder / backup_name(now))
    rotate(folder)
    return summary


def write_backup(db_path: Path | str, out: Path) -> BackupSummary:
    """Copy the database into `out` (which must not exist), checked before it gets its name."""
    source_path = Path(db_path)
    if not source_path.is_file():
        raise StorageError(QT_TRANSLATE_NOOP(
            "Errors", "There is no database at {path}. Create one with 'ambacht init'."),
            path=str(source_path))
    if out.exists():
        raise StorageError(QT_TRANSLATE_NOOP(
            "Errors", "{path} exists already; choose another name."), path=str(out))
    with _temporary(out) as temp:
        try:
            with closing(sqlite3.connect(source_path, timeout=5, isolation_level=None)) as src:
                src.execute("BEGIN")  # one snapshot: the counts and the copy agree
                counts = _counts(src)
                with closing(sqlite3.connect(temp, isolation_level=None)) as dst:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal on the stick
                src.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise storage_error(exc, source_path) from exc
        summary = check_backup(temp)
        if (summary.items, summary.events) != counts:
            raise _incomplete(out)
        _durable_rename(temp, out)
    return BackupSummary(out, summary.items, summary.events, summary.latest_event_at)


def check_backup(path: Path, *, thorough: bool = True) -> BackupSummary:
    """Check that `path` is a complete Ambacht backup this app can use; say what it holds.

    `thorough` runs the full integrity check (seconds for a big file); without it only the
    header, the owner and the counts are read, for listing backups on a screen.
    """
    try:
        # Only SQLite opens a database file (see db/connection.py): it says SQLITE_NOTADB
        # when the header is not its own.
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            applied = {row[0] for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}
            if not applied:
                raise _not_a_backup(path)
            if not applied <= known_migrations():
                raise StorageError(QT_TRANSLATE_NOOP(
                    "Errors", "{path} was made by a newer version of Ambacht; update Ambacht "
                    "first."), path=str(path))
            if thorough:
                problems = [row[0] for row in conn.execute("PRAGMA integrity_check(3)")]
                if problems != ["ok"]:
                    raise damaged(path, "; ".join(problems))
            items, events = _counts(conn)
            (latest,) = conn.execute("SELECT max(recorded_at) FROM events").fetchone()
    except OSError as exc:
        raise _not_a_backup(path) from exc
    except sqlite3.DatabaseError as exc:
        not_sqlite = getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_NOTADB
        if not_sqlite or "no such table" in str(exc):
            raise _not_a_backup(path) from exc
        raise damaged(path, str(exc)) from exc
    return BackupSummary(path, items, events, latest)


def rotate(folder: Path) -> list[Path]:
    """Remove backups beyond the newest per day (7 days) and per week (8 weeks), and copies
    left half-written by a backup that never finished."""
    keep: set[Path] = set()
    days: set[str] = set()
    weeks: set[tuple[int, int]] = set()
    for path in list_backups(folder):  # newest first: the first of a day is its newest
        made = backup_time(path)
        assert made is not None, "list_backups lists only our names"
        day, week = made.date().isoformat(), made.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.add(path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(path)
    removed = [path for path in list_backups(folder) if path not in keep]
    # Half-written copies left by a backup that was killed (power cut, SIGKILL): a running
    # backup's own copy is younger than this.
    removed += [path for path in folder.iterdir() if _TEMPORARY.fullmatch(path.name)
                and time.time() - path.stat().st_mtime > STALE_TEMPORARY_S]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore(backup: Path, db_path: Path | str, now: datetime) -> tuple[BackupSummary, Path | None]:
    """Replace the database at `db_path` with a checked copy of `backup`.

    Returns what the backup holds and where the previous database was kept (None when there
    was none). Refuses, changing nothing, a backup that is incomplete, damaged or not ours, and
    a database that a running Ambacht has open.
    """
    target = Path(db_path)
    summary = check_backup(backup)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    with _temporary(target) as temp:
        try:
            with (closing(sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True))
                  as src, closing(sqlite3.connect(temp, isolation_level=None)) as dst):
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.DatabaseError as exc:
            raise storage_error(exc, target) from exc
        copied = check_backup(temp, thorough=False)
        if (copied.items, copied.events) != (summary.items, summary.events):
            raise _incomplete(temp)
        _fsync(temp)
        kept = _move_aside(target, now) if target.exists() else None
        _durable_rename(temp, target)
    return summary, kept


def _move_aside(target: Path, now: datetime) -> Path:
    """Rename the current database and its -wal/-shm to a dated name, while no one uses it."""
    kept = target.with_name(f"{target.name}.before-restore-{now.astimezone(UTC):{_STAMP}}")
    with closing(sqlite3.connect(target, timeout=0.5, isolation_level=None)) as lock:
        try:
            # Exclusive locking mode also fails while any other connection has the file open.
            lock.execute("PRAGMA locking_mode=EXCLUSIVE")
            lock.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise StorageError(QT_TRANSLATE_NOOP(
                    "Errors", "The database {path} is open in a running Ambacht; close it "
                    "first."), path=str(target)) from exc
            # A damaged or foreign file cannot be locked; nothing can be using it either.
        except sqlite3.DatabaseError:
            pass  # the same: a file SQLite cannot read is what a restore is for
        try:
            for suffix in ("", *_WAL_FILES):  # the -wal may hold the last commits: kept too
                if Path(f"{target}{suffix}").exists():
                    os.rename(f"{target}{suffix}", f"{kept}{suffix}")
        except OSError as exc:
            raise _cannot_write(target, exc) from exc
    return kept


@contextmanager
def _temporary(beside: Path) -> Iterator[Path]:
    """A fresh hidden file name in the folder of `beside`, removed unless renamed."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{beside.name}.", suffix=".tmp",
                                        dir=beside.parent)
    except OSError as exc:
        raise _cannot_write(beside, exc) from exc
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
    except OSError as exc:
        raise _cannot_write(beside, exc) from exc
    finally:
        temp.unlink(missing_ok=True)


def _durable_rename(temp: Path, final: Path) -> None:
    """Flush the file, rename it, and flush the folder so the new name survives a power cut."""
    _fsync(temp)
    os.replace(temp, final)
    folder = os.open(final.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    (items,) = conn.execute("SELECT count(*) FROM items").fetchone()
    (events,) = conn.execute("SELECT count(*) FROM events").fetchone()
    return int(items), int(events)


def _not_a_backup(path: Path) -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP("Errors", "{path} is not an Ambacht backup."), path=str(path))


def _incomplete(path: Path) -> StorageError:
    return StorageError(QT_TRANSLATE_NOOP(
        "Errors", "The copy {path} is incomplete; nothing was replaced."), path=str(path))


def _cannot_write(path: Path, exc: OSError) -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP("Errors", "Cannot write in {folder}: {error}"),
        folder=str(path.parent), error=exc.strerror or str(exc))
