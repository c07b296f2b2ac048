"""Files written for people (`--out`, `--label`, `--note`): checked before the step they go
with, and written whole or not at all.

`reserve` checks a path before anything is saved: its folder must be there and writable (a
hidden temporary file is made in it now, which proves both), the name must not be a symbolic
link or anything but a plain file, an existing file is replaced only when asked (`force`), and
the database, its `-wal`/`-shm`/`-journal`, a copy kept by a restore, anything in a backup
folder and any file SQLite reads as an Ambacht database (a `backup --out` copy, another
centre's file) are never written over, not even then. `OutputFile.write` fills the temporary file,
flushes it and only then gives it the final name: a hard link, which fails when the name was
taken meanwhile, or with `force` a rename over the plain file. A half-written PDF never sits
under the final name, and a failure leaves no temporary file behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from db.backup import backup_folder, list_backups
from db.connection import is_ambacht_database
from intake.errors import QT_TRANSLATE_NOOP, ValidationError
from labels.printing import link_new, sync_folder

_DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")
_KEPT_BY_RESTORE = ".before-restore-"  # see db.backup._move_aside
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows, where our temp file is no link


class OutputFile:
    """A checked output path and the temporary file beside it that will become it."""

    def __init__(self, path: Path, temp: Path, force: bool, protected: list[Path]) -> None:
        self.path, self.temp, self.force, self._protected = path, temp, force, protected

    def write(self, data: bytes) -> None:
        """Give the file its content and its final name; raises OSError when that fails."""
        try:
            fd = os.open(self.temp, os.O_WRONLY | os.O_TRUNC | _NOFOLLOW)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
            if self.force:
                # Checked again: the name may have become a link to something precious since.
                _check_target(self.path, True, self._protected)
                os.replace(self.temp, self.path)  # replaces a link itself, never its target
            else:
                link_new(self.temp, self.path)
            sync_folder(self.path.parent)
        except ValidationError as exc:
            raise OSError(str(exc)) from exc
        finally:
            self.discard()

    def discard(self) -> None:
        """Remove the temporary file (after a refused step, or once it has its name)."""
        self.temp.unlink(missing_ok=True)


@contextmanager
def reserve(path: Path, *, force: bool, db_path: Path | str,
            settings: Mapping[str, str]) -> Iterator[OutputFile]:
    """Check `path` as the place for a file that goes with a step (see the module); raises
    ValidationError when it is refused. The temporary file goes when the block ends."""
    target = _absolute(path)
    protected = _protected(Path(db_path), settings)
    _check_target(target, force, protected)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Cannot write in {folder}: {error}"),
            folder=str(target.parent), error=exc.strerror or str(exc)) from exc
    os.close(fd)
    out = OutputFile(target, Path(name), force, protected)
    try:
        yield out
    finally:
        out.discard()


def _absolute(path: Path) -> Path:
    """`path` with its folder resolved (links in the folder are followed, the name's not)."""
    if path.name in ("", ".", ".."):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "{path} is not a file name."),
                              path=str(path))
    try:
        folder = path.parent.resolve(strict=True)
    except OSError:
        folder = None
    if folder is None or not folder.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The folder {folder} is not there."),
                              folder=str(path.parent))
    return folder / path.name


def _protected(db_path: Path, settings: Mapping[str, str]) -> list[Path]:
    """The database's own files and the backup folders, resolved."""
    db = db_path.resolve()
    return [Path(f"{db}{suffix}") for suffix in _DATABASE_SUFFIXES] + [
        backup_folder(settings, db).resolve(), backup_folder({}, db).resolve()]


def _check_target(target: Path, force: bool, protected: list[Path]) -> None:
    database, backups = protected[:len(_DATABASE_SUFFIXES)], protected[len(_DATABASE_SUFFIXES):]
    if (target in database or target.name.startswith(f"{database[0].name}{_KEPT_BY_RESTORE}")
            or any(target.is_relative_to(folder) for folder in backups)
            or _same_file(target, [*database, *(b for f in backups for b in list_backups(f))])):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is the database or a backup of it; choose another file."),
            path=str(target))
    try:
        found = target.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(found.st_mode):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is a symbolic link; name the file itself."), path=str(target))
    if not stat.S_ISREG(found.st_mode):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is not a plain file; choose another name."), path=str(target))
    if is_ambacht_database(target):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is an Ambacht database; it is never written over. Choose "
            "another file."), path=str(target))
    if not force:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "{path} exists already; add --force to replace it."), path=str(target))


def _same_file(target: Path, files: list[Path]) -> bool:
    """Whether `target` is one of `files` under another name (a hard link): device and inode."""
    try:
        mine = target.lstat()
    except OSError:
        return False
    for other in files:
        try:
            theirs = other.stat()
        except OSError:
            continue
        if (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino):
            return True
    return False
