"""Where Ambacht keeps its files when no path is given."""

from __future__ import annotations

import os
import sys
from pathlib import Path


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
