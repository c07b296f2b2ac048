"""Automatic backups while the app runs: one at start, then whenever none is from the last day.

The copy runs on a background `Worker` (`ui.background`) with its own SQLite connection
(`db.backup.back_up`), so the gate never waits for it; with WAL the gate keeps writing
meanwhile. Its outcome becomes the `done` or `failed` signal on the UI thread. A failure (the
USB stick unplugged, the share gone) is logged and shown to the coordinator; it never stops an
intake.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal

from db.backup import (
    BackupSummary,
    back_up,
    backup_due,
    backup_folder,
    backup_time,
    list_backups,
)
from intake.clock import Clock
from intake.errors import AmbachtError
from ui.background import Worker
from ui.i18n import Language

log = logging.getLogger("ambacht")
CHECK_EVERY_MS = 60 * 60 * 1000  # hourly: a day's backup is never more than an hour late


class BackupScheduler(QObject):
    """Makes the backups of one database in the background and says how they went."""

    started = Signal()  # a backup runs from now: say so at once, it takes seconds
    done = Signal(str)  # the new backup's path
    failed = Signal(object)  # the AmbachtError, rendered by whoever shows it

    def __init__(self, db_path: str, settings: Callable[[], dict[str, str]], clock: Clock,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self._settings = settings
        self.clock = clock
        self.last_error: AmbachtError | None = None
        self._worker = Worker("backup", parent=self)
        self._check = QTimer(self)
        self._check.setInterval(CHECK_EVERY_MS)
        self._check.timeout.connect(self.back_up_if_due)

    def enabled(self) -> bool:
        """An in-memory database (tests) has nothing to back up."""
        return self.db_path != ":memory:"

    def folder(self) -> Path:
        return backup_folder(self._settings(), self.db_path)

    def latest(self) -> datetime | None:
        """When the newest backup in the folder was made; None if there is none (or no folder)."""
        newest = list_backups(self.folder())
        return backup_time(newest[0]) if newest else None

    def start(self) -> None:
        """Back up now (the start of the day) and check hourly from then on."""
        if self.enabled():
            self.back_up_now()
            self._check.start()

    def back_up_if_due(self) -> None:
        """Back up unless one was made in the last 24 hours by the clock (`backup_due`)."""
        if backup_due(self.folder(), self.clock.now()):
            self.back_up_now()

    def back_up_now(self) -> None:
        """Start a backup unless one is running (the settings are read here, on the UI
        thread)."""
        if not self.enabled() or self.running():
            return
        settings, now = self._settings(), self.clock.now()
        self._worker.submit(lambda: back_up(self.db_path, settings, now), self._succeeded,
                            self._failed)
        self.started.emit()

    def running(self) -> bool:
        return self._worker.busy()

    def wait(self, seconds: float = 60.0) -> None:
        """Block until a running backup is done and its signal sent (shutdown and tests)."""
        self._worker.wait(seconds)

    def saved_text(self, path: str, language: Language, zone: ZoneInfo) -> str:
        """What to tell about a backup just made: when, in local time (the file's name holds
        UTC, and its folder is no news to a volunteer)."""
        made = backup_time(Path(path)) or self.clock.now()
        return self.tr("Backup saved at {time}.").format(
            time=language.local(made, zone, "%H:%M"))

    def _succeeded(self, summary: BackupSummary) -> None:
        self.last_error = None
        log.info("backup %s: %d items, %d steps", summary.path, summary.items, summary.events)
        self.done.emit(str(summary.path))

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, AmbachtError):
            raise exc  # a bug, not a full disk: let it be seen
        self.last_error = exc
        log.warning("backup failed: %s", exc)
        self.failed.emit(exc)
