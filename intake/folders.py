"""Folders to choose by taps (the export and the backup folder): where to start, what is in a
folder, and whether a typed folder will do.

The starting points are what a volunteer knows: the USB sticks in now (by label, as
`intake.export_places.Volumes` finds them), the home folder and its Documents folder. System
mounts (/mnt/..., /proc, a container's sandbox) are never offered; a folder under them can
still be typed by whoever knows it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from intake.errors import QT_TRANSLATE_NOOP, ValidationError
from intake.export_places import Volumes

MAX_PATH = 200  # the settings keep at most this much of a folder's path


@dataclass(frozen=True)
class Start:
    """A place to start browsing: a USB stick (`label`), or home / documents (`kind`)."""

    path: Path
    kind: str  # "stick", "home" or "documents"
    label: str = ""


def starts(volumes: Volumes, home: Path | None = None) -> list[Start]:
    """The USB sticks in now, then the home folder and its Documents folder (when there)."""
    home = home if home is not None else Path.home()
    found = [Start(place.path, "stick", place.label) for place in volumes.find()]
    found.append(Start(home, "home"))
    for name in ("Documents", "Documenten"):  # the desktop's folder, in either language
        if (home / name).is_dir():
            found.append(Start(home / name, "documents"))
            break
    return [start for start in found if start.path.is_dir()]


def subfolders(folder: Path) -> list[Path]:
    """The folders in `folder` a person would open, by name: no hidden ones, none that cannot
    be read; [] when `folder` cannot be read (a stick pulled out)."""
    try:
        entries = [entry for entry in folder.iterdir()
                   if not entry.name.startswith(".") and entry.is_dir()
                   and os.access(entry, os.R_OK | os.X_OK)]
    except OSError:
        return []
    return sorted(entries, key=lambda entry: entry.name.casefold())


def checked_folder(text: str) -> Path:
    """The folder named by `text` (typed or chosen); refuses an empty text, a relative path
    and a folder that is not there, so that nothing is saved that cannot be written to."""
    cleaned = text.strip() if isinstance(text, str) else ""
    if not cleaned:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a folder, or tap Cancel."))
    if len(cleaned) > MAX_PATH or not Path(cleaned).is_absolute():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "'{folder}' is not a full folder path (it starts with / or a drive)."),
            folder=cleaned[:60])
    folder = Path(cleaned)
    if not folder.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The folder '{folder}' is not there."),
                              folder=cleaned[:60])
    return folder
