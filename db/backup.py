"""Backups: copies made with SQLite's backup API, checked before they count.

A backup is written into a hidden temporary file in the target folder (`db.files`), checked
there (full `PRAGMA integrity_check`, an Ambacht database, the same number of items and events
as the source had at the moment of copying) and only then linked to its dated name, never over
an existing file, so a folder never holds a half-written file under a backup's name, even when
the USB stick is pulled mid-copy. The copy reads one snapshot of the source on its own
connection; with WAL the gate keeps writing meanwhile.

Rotation keeps the newest backup of each of the last 7 days that have one and the newest of
each of the last 8 weeks (ISO weeks) that have one, counted back from now: a week of daily
restore points and two months of weekly ones. Backups dated after now (the clock ran ahead
then, or is set back now) take none of those slots; they keep as many of their own, counted
back from the newest of them. Any other backup stays while it holds more steps than every
kept backup dated after it: steps are only ever added, so a newer backup with fewer (an empty
database made after a failed restore, a restore to an older backup, a copy that cannot be
read) never pushes out a fuller one. The backup just made is never removed by its own
rotation, whatever the clock said. Only files named like our backups are ever removed.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.chain import CHAIN_MIGRATION, chain_broken, find_break
from db.connection import damaged, storage_error
from db.files import (
    STAMP,
    cannot_write,
    fault_point,
    new_copy,
    place,
    private_folder,
    stale_temporaries,
    temporary,
)
from db.readonly import known_migrations
from db.schema import MIGRATION_SET
from intake.errors import QT_TRANSLATE_NOOP, NewerDatabase, StorageError

BACKUP_FOLDER_SETTING = "backup_folder"
KEEP_DAILY = 7
KEEP_WEEKLY = 8
_NAME_PATTERN = r"ambacht-(\d{4}-\d{2}-\d{2}T\d{6}Z)\.sqlite"
_NAME = re.compile(_NAME_PATTERN)
DUE_AFTER = timedelta(days=1)
_NAME_TRIES = 60  # backups in one second (or a clock set back onto a name) take the next one
# A backup dated later than this after now was made while the clock ran ahead (a name taken
# moved the backup just made on by at most _NAME_TRIES seconds).
FUTURE_AFTER = timedelta(seconds=_NAME_TRIES)


@dataclass(frozen=True)
class BackupSummary:
    """What a checked backup holds."""

    path: Path
    items: int
    events: int
    latest_event_at: str | None  # UTC ISO time of the newest step recorded, None if none


def backup_folder(settings: Mapping[str, str], db_path: Path | str) -> Path:
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
    return f"ambacht-{now.astimezone(UTC).strftime(STAMP)}.sqlite"


def backup_time(path: Path) -> datetime | None:
    """When a backup was made, read from its name; None for a name that is not ours."""
    match = _NAME.fullmatch(path.name)
    return datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC) if match else None


def list_backups(folder: Path) -> list[Path]:
    """The backups in `folder`, newest first; [] when the folder is not there."""
    try:
        found = [path for path in folder.iterdir() if backup_time(path) is not None]
    except OSError:
        return []
    return sorted(found, key=lambda path: path.name, reverse=True)


def backup_due(folder: Path, now: datetime) -> bool:
    """Whether the daily backup is due: no backup in `folder` was made in the day before `now`.

    Only the clock's last 24 hours count: a backup dated after `now` (made while the clock was
    ahead, or the clock was set back since) is not a recent one, so it never stops the daily
    backup; the next backup is dated by the clock as it is.
    """
    return not any(now - DUE_AFTER < made <= now for made in map(backup_time, list_backups(folder))
                   if made is not None)


def back_up(db_path: Path | str, settings: Mapping[str, str], now: datetime) -> BackupSummary:
    """Make a dated backup in the folder the settings name, then rotate its backups.

    The default folder beside the database is made (private) when missing; a chosen one (a USB
    stick, a share) must be there: making it would hide that the stick is not plugged in.
    """
    folder = backup_folder(settings, db_path)
    if not settings.get(BACKUP_FOLDER_SETTING, "").strip():
        try:
            private_folder(folder)
        except OSError as exc:
            raise cannot_write(folder / "backup", exc) from exc
    if not folder.is_dir():
        raise StorageError(QT_TRANSLATE_NOOP(
            "Errors", "The backup folder {folder} is not there. Is the USB stick or network "
            "share connected?"), folder=str(folder))
    for second in range(_NAME_TRIES):
        out = folder / backup_name(now + timedelta(seconds=second))
        try:
            summary = _write(Path(db_path), out)
        except FileExistsError:
            continue
        fault_point("backup-named")
        rotate(folder, now, keep=summary.path)
        return summary
    raise _exists(out)


def write_backup(db_path: Path | str, out: Path) -> BackupSummary:
    """Copy the database into `out` (which must not exist), checked before it gets its name."""
    try:
        return _write(Path(db_path), out)
    except FileExistsError:
        raise _exists(out) from None


def _write(source: Path, out: Path) -> BackupSummary:
    """`write_backup`, raising FileExistsError when `out` is taken (before or meanwhile)."""
    if not source.is_file():
        raise StorageError(QT_TRANSLATE_NOOP(
            "Errors", "There is no database at {path}. Create one with 'ambacht init'."),
            path=str(source))
    if out.exists():
        raise FileExistsError(out)
    try:
        with temporary(out) as temp:
            try:
                with closing(sqlite3.connect(source, timeout=5, isolation_level=None)) as src:
                    src.execute("BEGIN")  # one snapshot: the counts and the copy agree
                    counts = _counts(src)
                    with closing(new_copy(temp)) as dst:
                        src.backup(dst)
                        single_file(dst)
                    src.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                raise storage_error(exc, source) from exc
            fault_point("backup-copied")
            # A newer version's file is backed up as it is; only restoring it is refused.
            summary = check_backup(temp, newer_ok=True)
            if (summary.items, summary.events) != counts:
                raise _incomplete(out)
            place(temp, out)
    except FileExistsError:
        raise
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    return BackupSummary(out, summary.items, summary.events, summary.latest_event_at)


def single_file(conn: sqlite3.Connection) -> None:
    """Switch a fresh copy to a rollback journal: one file, no -wal to lose on a USB stick.
    The switch is a commit, so with `synchronous=FULL` it also makes the copy durable."""
    (mode,) = conn.execute("PRAGMA journal_mode=DELETE").fetchone()
    if mode != "delete":
        raise sqlite3.OperationalError(f"the copy stayed in journal mode {mode}")


def check_backup(path: Path, *, thorough: bool = True, newer_ok: bool = False) -> BackupSummary:
    """Check that `path` is a complete Ambacht backup this app can use; say what it holds.

    `thorough` runs the full integrity check (seconds for a big file); without it only the
    header, the owner and the counts are read, for listing backups on a screen. `newer_ok`
    accepts a backup of a newer version's file (checking a copy just made of one).
    """
    with reading(path) as conn:
        return inspect(conn, path, thorough=thorough, newer_ok=newer_ok)


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection on the backup `path`, in one read transaction (a snapshot);
    SQLite's complaints about the file become refusals a user can act on."""
    if not path.exists():  # SQLite would only say it cannot open it
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "{path} is not there."), path=str(path))
    try:
        # Only SQLite opens a database file (see db/connection.py): it says SQLITE_NOTADB
        # when the header is not its own.
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     isolation_level=None)) as conn:
            conn.execute("BEGIN")
            yield conn
    except OSError as exc:
        raise not_a_backup(path) from exc
    except sqlite3.DatabaseError as exc:
        not_sqlite = getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_NOTADB
        if not_sqlite or "no such table" in str(exc):
            raise not_a_backup(path) from exc
        raise damaged(path, str(exc)) from exc


def inspect(conn: sqlite3.Connection, path: Path, *, thorough: bool,
            newer_ok: bool = False) -> BackupSummary:
    """What the backup open on `conn` holds, after checking it as `check_backup` says."""
    applied = {row[0] for row in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}
    if not applied:
        raise not_a_backup(path)
    if not newer_ok and not applied <= known_migrations():
        raise NewerDatabase(QT_TRANSLATE_NOOP(
            "Errors", "{path} was made by a newer version of Ambacht; update Ambacht "
            "first."), path=str(path))
    if thorough:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(3)")]
        if problems != ["ok"]:
            raise damaged(path, "; ".join(problems))
        # A copy of a history changed outside Ambacht is no way back: it would bring the
        # change back with it, and as the newest backup it would push a sound one out.
        found = find_break(conn, whole=True) if CHAIN_MIGRATION in applied else None
        if found is not None:
            raise chain_broken(conn, path, found)
    items, events = _counts(conn)
    (latest,) = conn.execute("SELECT max(recorded_at) FROM events").fetchone()
    return BackupSummary(path, items, events, latest)


def rotate(folder: Path, now: datetime, keep: Path | None = None) -> list[Path]:
    """Remove the backups the rule in this module's docstring lets go (never `keep`, the one
    just made), and copies left half-written by a backup that never finished. Days and weeks
    count back from `now`."""
    backups = list_backups(folder)  # newest first: the first of a day is its newest
    # Backups dated after now were made while the clock ran ahead, or now is wrong (a clock
    # reset to a year long gone): which clock was right cannot be told from the folder, so
    # neither side pushes the other out. The days and weeks up to now keep their slots, and
    # those after now keep slots of their own among themselves.
    future = [path for path in backups if _made(path) > now + FUTURE_AFTER]
    slots = _slots(future) | _slots([path for path in backups if path not in future])
    if keep is not None:
        slots.add(keep)
    steps: dict[Path, int] = {}

    def steps_in(path: Path) -> int:
        if path not in steps:
            steps[path] = _steps(path)
        return steps[path]

    kept: list[Path] = []  # dated after the one looked at, since the walk goes back in time
    removed: list[Path] = []
    for path in backups:
        if path in slots or all(steps_in(newer) < steps_in(path) for newer in kept):
            kept.append(path)
        else:
            removed.append(path)
    # Half-written copies left by a backup that was killed (power cut, SIGKILL).
    removed += stale_temporaries(folder, _NAME_PATTERN)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _slots(backups: list[Path]) -> set[Path]:
    """The newest of each of the latest KEEP_DAILY days and KEEP_WEEKLY weeks among
    `backups` (newest first)."""
    slots: set[Path] = set()
    days: set[str] = set()
    weeks: set[tuple[int, int]] = set()
    for path in backups:
        made = _made(path)
        day, week = made.date().isoformat(), made.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            slots.add(path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            slots.add(path)
    return slots


def _made(path: Path) -> datetime:
    made = backup_time(path)
    assert made is not None, "list_backups lists only our names"
    return made


def _steps(path: Path) -> int:
    """How many steps (events) a backup holds; -1 when it cannot be read: it keeps nothing."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    except (OSError, sqlite3.Error):
        return -1


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    (items,) = conn.execute("SELECT count(*) FROM items").fetchone()
    (events,) = conn.execute("SELECT count(*) FROM events").fetchone()
    return int(items), int(events)


def not_a_backup(path: Path) -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP("Errors", "{path} is not an Ambacht backup."), path=str(path))


def _exists(path: Path) -> StorageError:
    return StorageError(QT_TRANSLATE_NOOP(
        "Errors", "{path} exists already; choose another name."), path=str(path))


def _incomplete(path: Path) -> StorageError:
    return StorageError(QT_TRANSLATE_NOOP(
        "Errors", "The copy {path} is incomplete; nothing was replaced."), path=str(path))
