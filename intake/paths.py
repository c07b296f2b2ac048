"""Where Ambacht keeps its files when no path is given, and who may read them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PRIVATE_UMASK = 0o077  # new files 0600 and folders 0700; SQLite gives -wal/-shm the file's mode


def make_files_private() -> None:
    """From now on this process makes files and folders only its own account can read: the
    database, backups, labels, documents, reports and the log hold names and sales. Called
    first by both entry points (`ambacht` and the app)."""
    os.umask(PRIVATE_UMASK)


def data_dir() -> Path:
    """The user's data folder for Ambacht (XDG on Linux, %APPDATA% on Windows)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "ambacht"


def default_db_path(*, demo: bool = False) -> Path:
    """The database the app opens without --db; the demo has a file of its own."""
    return data_dir() / ("demo.sqlite" if demo else "ambacht.sqlite")
