"""Where the Figures screen's exports go: a USB stick when one is in, the folder the
coordinator set (`export_folder`), or the documents folder in the data folder.

USB sticks are found as the system mounts them: on Linux the writable mounts under /media and
/run/media (where udisks and usbmount put removable media, /media/USER/LABEL), and any other
mount of a block device the kernel marks removable (/sys/class/block/*/removable); on Windows
the removable drive letters. A file is written whole or not at all (`labels.printing.
save_new_file`: a temporary name, fsync, then into place), and a stick full, read-only or
pulled out gives a short message naming it, with nothing left behind.
"""

from __future__ import annotations

import errno
import os
import shutil
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from intake.errors import QT_TRANSLATE_NOOP, AmbachtError
from labels.printing import save_new_file

MOUNT_ROOTS = (Path("/media"), Path("/run/media"))
FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)
GONE = (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO, errno.ENOTDIR, errno.ESTALE)

# (problem, on a stick?) -> message; {label} is the stick's name, {folder} the folder's path.
MESSAGES = {
    ("full", True): QT_TRANSLATE_NOOP("Errors", "USB stick {label} is full. Nothing was saved."),
    ("full", False): QT_TRANSLATE_NOOP("Errors", "The folder {folder} is full. Nothing was saved."),
    ("read_only", True): QT_TRANSLATE_NOOP(
        "Errors", "USB stick {label} is read-only. Nothing was saved."),
    ("read_only", False): QT_TRANSLATE_NOOP(
        "Errors", "The folder {folder} cannot be written to. Nothing was saved."),
    ("gone", True): QT_TRANSLATE_NOOP(
        "Errors", "USB stick {label} is gone: was it pulled out? Nothing was saved."),
    ("gone", False): QT_TRANSLATE_NOOP(
        "Errors", "The folder {folder} is not there. Nothing was saved."),
    ("other", True): QT_TRANSLATE_NOOP(
        "Errors", "Could not save on USB stick {label} ({error}). Nothing was saved."),
    ("other", False): QT_TRANSLATE_NOOP(
        "Errors", "Could not save in {folder} ({error}). Nothing was saved."),
}


class ExportError(AmbachtError):
    """An export not saved: the place is full, read-only or gone. Nothing was written."""


@dataclass(frozen=True)
class Place:
    """Where an export can go: a USB stick (with its label) or a folder (label ''); only the
    documents folder is made when missing (`make`)."""

    path: Path
    label: str = ""
    make: bool = False

    @property
    def is_stick(self) -> bool:
        return bool(self.label)


class Volumes:
    """The USB sticks mounted now. The sources are parameters so that a test can stand a
    plain folder in for a stick: the mount table, the folders removable media mount under,
    and the kernel's block devices."""

    def __init__(self, mounts: Path = Path("/proc/self/mounts"),
                 roots: tuple[Path, ...] = MOUNT_ROOTS,
                 blocks: Path = Path("/sys/class/block")) -> None:
        self.mounts, self.roots, self.blocks = mounts, roots, blocks

    def find(self) -> list[Place]:
        """The writable USB sticks, by label."""
        found = _windows_drives() if os.name == "nt" else self._linux(writable=True)
        return sorted(found, key=lambda place: (place.label.casefold(), str(place.path)))

    def still_there(self, place: Place) -> bool:
        """Still mounted (perhaps read-only now: the write will say so)."""
        found = _windows_drives() if os.name == "nt" else self._linux(writable=False)
        return place in found

    def _linux(self, writable: bool) -> list[Place]:
        try:
            table = self.mounts.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
        found = []
        for line in table.splitlines():
            fields = line.split()
            if len(fields) < 4:
                continue
            device, point, options = fields[0], Path(_unescape(fields[1])), fields[3].split(",")
            under_root = any(root in point.parents for root in self.roots)
            if (writable and "ro" in options) or not (under_root or self._removable(device)):
                continue
            if point.is_dir() and (not writable or os.access(point, os.W_OK)):
                found.append(Place(point, point.name or str(point)))
        return found

    def _removable(self, device: str) -> bool:
        """A /dev block device the kernel marks removable (a partition: its disk)."""
        if not device.startswith("/dev/"):
            return False
        node = self.blocks / Path(device).name
        try:
            real = node.resolve(strict=True)
            disk = real.parent if (real / "partition").exists() else real
            return (disk / "removable").read_text().strip() == "1"
        except OSError:
            return False


def _unescape(field: str) -> str:
    r"""The mount table writes a space as \040 (and tab, newline, backslash likewise)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def _windows_drives() -> list[Place]:
    """Removable drive letters (DRIVE_REMOVABLE), named by their volume label."""
    import ctypes  # Windows only

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    found = []
    for index, letter in enumerate(string.ascii_uppercase):
        root = f"{letter}:\\"
        if not mask >> index & 1 or kernel.GetDriveTypeW(root) != 2:  # 2: DRIVE_REMOVABLE
            continue
        name = ctypes.create_unicode_buffer(261)
        if not kernel.GetVolumeInformationW(root, name, 261, None, None, None, None, 0):
            continue  # a card reader without a card
        if os.access(root, os.W_OK):
            found.append(Place(Path(root), name.value or f"{letter}:"))
    return found


def save_export(place: Place, stem: str, suffix: str, data: bytes,
                still_there: Callable[[Place], bool]) -> Path:
    """Write `data` as a new file `stem + suffix` at `place` (a number added when the name is
    taken); raises ExportError, having left nothing behind, when it can't. A stick is
    checked to be still mounted first (else the write would land in the empty folder it was
    mounted on); a folder set by the coordinator must exist, the documents folder is made."""
    if place.is_stick and not still_there(place):
        raise _error("gone", place)
    if _too_small(place.path, data):  # said before anything is written
        raise _error("full", place)
    try:
        return save_new_file(place.path, stem, suffix, data, make_folder=place.make)
    except OSError as exc:
        # Some drivers (FUSE's FAT) refuse a full disk as a permission: the room tells.
        kind = ("full" if exc.errno in FULL or _too_small(place.path, data)
                else "read_only" if exc.errno in READ_ONLY
                else "gone" if exc.errno in GONE else "other")
        raise _error(kind, place, exc.strerror or str(exc)) from exc


def _too_small(folder: Path, data: bytes) -> bool:
    """Less room left than the file needs (a missing folder: the write will say why)."""
    try:
        return shutil.disk_usage(folder).free < len(data)
    except OSError:
        return False


def _error(kind: str, place: Place, error: str = "") -> ExportError:
    return ExportError(MESSAGES[(kind, place.is_stick)], label=place.label,
                       folder=str(place.path), error=error)
