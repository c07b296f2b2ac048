"""Whole files or none: temporary copies, moving them into place, private folders, the fault hook.

A database, a backup or a kept copy is first written completely under a hidden temporary name
in its final folder (`.NAME.PID-RANDOM.tmp`, mode 0600), made durable by SQLite's own commit
(`synchronous=FULL`), and only then given its name: linked without overwriting anything, or
renamed over the old file where replacing is the point; then the folder is fsync'ed so the
name survives a power cut. A process killed halfway leaves at most such a temporary file, which
`remove_stale` deletes once its writer is gone. Only SQLite opens these files.

The fault hook: a process whose environment has `AMBACHT_FAULT=STEP` kills itself with SIGKILL
when it reaches `fault_point(STEP)`, as a power cut there would. The tests use it to stop
restore, first init and backup at each named step; otherwise it costs one environment lookup.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import signal
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from db.store import Store
from intake.errors import QT_TRANSLATE_NOOP, StorageError

FAULT_ENV = "AMBACHT_FAULT"
STALE_AFTER_S = 6 * 3600  # older than any copy takes: its writer is gone (another machine too)
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
PRIVATE_FOLDER = 0o700
STAMP = "%Y-%m-%dT%H%M%SZ"  # UTC time in file names: 2026-11-26T093012Z


def fault_point(step: str) -> None:
    """Die here, as a power cut would, when the environment's AMBACHT_FAULT names `step`."""
    if os.environ.get(FAULT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def private_folder(folder: Path) -> None:
    """Make `folder` (and missing parents) readable by this account only; a folder that is
    already there keeps its mode: it may be the user's own (a USB stick, the home folder)."""
    missing = [folder, *folder.parents]
    missing = [path for path in missing if not path.exists()]
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    for path in missing:
        path.chmod(PRIVATE_FOLDER)  # mkdir's mode is masked by the umask


@contextmanager
def temporary(beside: Path) -> Iterator[Path]:
    """A fresh hidden name in the folder of `beside` for SQLite to create a file under (see
    `new_copy`); the file and its side files are removed when the block ends, unless it was
    moved into place."""
    temp = beside.parent / f".{beside.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        yield temp
    finally:
        for suffix in ("", *SQLITE_SIDE_FILES):
            Path(f"{temp}{suffix}").unlink(missing_ok=True)


def new_copy(temp: Path) -> sqlite3.Connection:
    """A connection that creates the file `temp` (mode 0600, whatever the umask) and makes
    each commit durable (`synchronous=FULL` fsyncs the file itself: nothing else opens it)."""
    conn = sqlite3.connect(temp, isolation_level=None)
    try:
        private_file(temp)
        conn.execute("PRAGMA synchronous=FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def private_file(path: Path) -> None:
    """Readable by this account only; SQLite gives the -wal and -shm the same mode."""
    path.chmod(0o600)


def stale_temporaries(folder: Path, name: str) -> list[Path]:
    """The temporary files in `folder` for final names matching the regular expression `name`
    (and their SQLite side files) whose writer is gone: its process is no longer running, or
    the file is older than any copy takes."""
    sides = "|".join(SQLITE_SIDE_FILES)
    pattern = re.compile(rf"\.(?:{name})\.(?:(?P<pid>\d+)-)?\w+\.tmp(?:{sides})?")
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    stale = []
    for path in entries:
        match = pattern.fullmatch(path.name)
        if match is None:
            continue
        try:
            old = time.time() - path.stat().st_mtime > STALE_AFTER_S
        except OSError:
            continue  # removed meanwhile
        pid = match.group("pid")
        if old or (pid is not None and not _running(int(pid))):
            stale.append(path)
    return stale


def remove_stale(beside: Path) -> list[Path]:
    """Delete the temporary copies for `beside` left by a process that was killed; return
    them."""
    stale = stale_temporaries(beside.parent, re.escape(beside.name))
    for path in stale:
        with suppress(OSError):  # a read-only folder: a leftover is no reason to refuse work
            path.unlink(missing_ok=True)
    return stale


def _running(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill would end the process there: rely on the age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another account's process
    return True


def place(temp: Path, final: Path) -> None:
    """Give the complete file `temp` the name `final`, never replacing a file of that name
    (FileExistsError), and make the new name durable.

    A hard link is atomic and fails on an existing name. Where the file system has no hard
    links (FAT on a USB stick, some shares) it is renamed when the name is free.
    """
    try:
        os.link(temp, final)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK,
                             errno.ENOSYS):
            raise
        if final.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(final)) from exc
        os.rename(temp, final)
    else:
        fault_point("file-linked")
        os.unlink(temp)
    sync_folder(final.parent)


def replace(temp: Path, final: Path) -> None:
    """Rename the complete file `temp` over `final` in one step, and make it durable."""
    os.replace(temp, final)
    sync_folder(final.parent)


def sync_folder(folder: Path) -> None:
    """fsync a folder, so that names made or changed in it survive a power cut."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def set_aside(path: Path, aside: Path) -> list[Path]:
    """Rename the -wal and -shm of `path` to those of `aside` (or of `aside-2`, ... when taken):
    a log of a file that is gone or replaced must never be applied to the file that comes in
    its place. Never deleted: the -wal may hold the old file's last commits. Returns the new
    names."""
    sides = [suffix for suffix in ("-wal", "-shm") if Path(f"{path}{suffix}").exists()]
    if not sides:
        return []
    free, number = aside, 1
    while any(Path(f"{free}{suffix}").exists() for suffix in sides):
        number += 1
        free = aside.with_name(f"{aside.name}-{number}")
    moved = []
    for suffix in sides:
        target = Path(f"{free}{suffix}")
        os.rename(f"{path}{suffix}", target)
        moved.append(target)
    if moved:
        sync_folder(path.parent)
    return moved


def create_complete(path: Path, fill: Callable[[Store], object], now: datetime) -> bool:
    """Make the database at `path` complete or not at all: made, migrated and filled under a
    temporary name beside it, then linked into place. A -wal or -shm left at `path` by a
    database that is gone is moved to `NAME.before-init-TIME` first, never applied to the new
    one. An empty file at `path` (made by a killed older version) is replaced. Returns False,
    changing nothing, when a database appeared at `path` meanwhile."""
    try:
        return _create(path, fill, now)
    except OSError as exc:
        raise cannot_write(path, exc) from exc


def _create(path: Path, fill: Callable[[Store], object], now: datetime) -> bool:
    private_folder(path.parent)
    remove_stale(path)
    with temporary(path) as temp:
        store = Store.open(temp, create=True)
        try:
            private_file(temp)
            fault_point("init-schema")
            fill(store)
            # Everything into the file itself (fsync'ed by the checkpoint), none left in the
            # temporary file's -wal, which stays behind under the temporary name.
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            store.close()
        fault_point("init-built")
        set_aside(path, path.with_name(f"{path.name}.before-init-{now.astimezone(UTC):{STAMP}}"))
        if path.exists() and path.stat().st_size == 0:
            replace(temp, path)
            return True
        try:
            place(temp, path)
        except FileExistsError:
            return False
    return True


def cannot_write(path: Path, exc: OSError) -> StorageError:
    """The refusal when a file cannot be written beside `path`."""
    return StorageError(
        QT_TRANSLATE_NOOP("Errors", "Cannot write in {folder}: {error}"),
        folder=str(path.parent), error=exc.strerror or str(exc))
