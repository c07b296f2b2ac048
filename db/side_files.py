"""The names around a database file: other names of the same file, and side files left unwritable.

**One name only (issue 11).** SQLite names a database's `-wal` and `-shm` after the name it was
opened by. A file with a second name (a hard link) therefore gets a second `-wal`: a program
on the other name neither sees the commits in this name's `-wal` (it hands out a code already
given) nor leaves them alone (its checkpoint writes its own `-wal` over the shared pages). So
a database whose file has more than one link is refused before SQLite opens it; `stat` tells,
no descriptor of the file is opened. The only second names Ambacht itself makes are a
temporary copy linked into place (`db/files.py`) and the unreadable file kept by a restore
(`db/restore.py`), each for a moment; a kill in that moment leaves them, so they do not count.

**Side files left read-only.** SQLite gives the `-wal` and `-shm` the database's mode. A
command run while the database was read-only (0400) leaves them so; once the database is
writable again, writing still fails on them, and the message names the file to fix instead of
saying the database or its folder is read-only.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from intake.errors import QT_TRANSLATE_NOOP, SecondName, StorageError

SIDES = ("-wal", "-shm")


def refuse_other_names(path: Path) -> None:
    """Raise SecondName when the database file at `path` has a name besides `path` that
    Ambacht did not give it."""
    try:
        info = path.stat()
    except OSError:
        return  # not there (yet): opening it says why
    if info.st_nlink <= 1:
        return
    own = re.compile(rf"\.{re.escape(path.name)}\.\d+-\w+\.tmp|"
                     rf"{re.escape(path.name)}\.before-restore-[\w-]+")
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        entries = []  # a folder that cannot be listed: every other name counts
    ours = 0
    for entry in entries:
        if own.fullmatch(entry.name):
            try:
                same = entry.stat()
            except OSError:
                continue  # removed meanwhile
            if (same.st_dev, same.st_ino) == (info.st_dev, info.st_ino):
                ours += 1
    if info.st_nlink - ours > 1:
        raise SecondName(QT_TRANSLATE_NOOP(
            "Errors", "The database {path} has another name too (a hard link), so programs "
            "using that name would not see what is saved under this one and could undo it. "
            "Remove the other name, keeping this one, then try again."), path=str(path))


def unwritable_side(path: Path) -> Path | None:
    """The database's `-wal` or `-shm` that lies there but cannot be written, if any."""
    for suffix in SIDES:
        side = path.with_name(f"{path.name}{suffix}")
        if side.exists() and not os.access(side, os.W_OK):
            return side
    return None


def side_read_only(path: Path, side: Path) -> StorageError:
    """The refusal of a write that failed on a read-only `-wal` or `-shm`."""
    return StorageError(QT_TRANSLATE_NOOP(
        "Errors", "The database {path} cannot be written: its file {side} is read-only (left "
        "by a program that could only read the database). Make that file writable for this "
        "account, like the database itself, then try again. This was not saved."),
        path=str(path), side=str(side))
