"""The screen at start when the database cannot be used: what is wrong, and a way out.

It names the problem and the file, lists the backups newest first (date and item count) as big
buttons, and restores the chosen one with the same function as `ambacht restore`
(`db.restore.restore`: checked first, the old file kept aside). After a restore it emits
`restored` and the app starts as usual; "Quit" closes the app. A file a newer version changed,
one with a -wal beside it that is not its own, and one with a second name (a hard link), get
no backups: updating Ambacht, moving that -wal away, or removing the other name is the way
out there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from db.backup import BackupSummary, backup_time, backups_for, check_backup
from db.restore import restore
from intake.clock import Clock
from intake.errors import AmbachtError, ForeignWal, NewerDatabase, SecondName, StorageError
from intake.localtime import site_zone
from ui.i18n import Language
from ui.style import mm
from ui.widgets.base import Banner
from ui.widgets.panels import ConfirmPanel

SHOWN = 8  # the newest backups; older ones are there for `ambacht restore`


class RecoveryScreen(QWidget):
    """Says why the database cannot be opened and offers its backups."""

    restored = Signal()

    def __init__(self, problem: StorageError, db_path: Path, clock: Clock, language: Language,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.clock = clock
        self.language = language
        title = QLabel(self.tr("Ambacht cannot open its database"), self)
        title.setProperty("role", "title")
        problem_label = QLabel(language.error(problem), self)
        problem_label.setWordWrap(True)
        problem_label.setProperty("role", "banner-error")
        problem_label.setMargin(mm(2))
        where = QLabel(self.tr("File: {path}").format(path=db_path), self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = Banner(title, self)
        self.choices: dict[Path, QPushButton] = {}
        column = QVBoxLayout()
        column.setSpacing(mm(3))
        # A newer version's file, a file beside a stray -wal and one with a second name are
        # whole: restoring an older backup over them would undo work, so no backup is
        # offered, only the way out.
        whole = isinstance(problem, NewerDatabase | ForeignWal | SecondName)
        offered = [] if whole else backups_for(db_path)[:SHOWN]
        for path in offered:
            button = QPushButton(self._describe(path), self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, p=path: self.ask_restore(p))
            column.addWidget(button)
            self.choices[path] = button
        column.addStretch(1)
        listing = QWidget(self)
        listing.setLayout(column)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(listing)
        advice = QLabel(self._advice(problem), self)
        advice.setWordWrap(True)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        self.quit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(mm(6), mm(5), mm(6), mm(5))
        layout.setSpacing(mm(3))
        for widget in (title, problem_label, where, advice):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.quit_button, 0, Qt.AlignmentFlag.AlignRight)

    def _advice(self, problem: StorageError) -> str:
        if isinstance(problem, NewerDatabase):
            return self.tr("Install the newest version of Ambacht on this computer, then start "
                           "it again. The file is left exactly as it is.")
        if isinstance(problem, ForeignWal):
            return self.tr("Ask the coordinator or IT support to move the file named above out "
                           "of the folder, then start Ambacht again. The database itself was not "
                           "changed.")
        if isinstance(problem, SecondName):
            return self.tr("Ask the coordinator or IT support to remove the database's other "
                           "name, keeping the one named above, then start Ambacht again. The "
                           "database itself was not changed.")
        if self.choices:
            return self.tr("Restore the newest backup that is complete. The current file is "
                           "kept beside it, so nothing is deleted.")
        return self.tr("No backups were found beside the database or in the backup folder. "
                       "Ask the coordinator or IT support for help.")

    def _describe(self, path: Path) -> str:
        made = backup_time(path)
        # The site's time zone is a setting in the file that cannot be read: the default.
        when = self.language.local(made, site_zone({})) if made else path.name
        try:
            summary = check_backup(path, thorough=False)
        except AmbachtError:
            return self.tr("Backup of {when}: cannot be read").format(when=when)
        return self.tr("Backup of {when} · %n item(s)", "", summary.items).format(when=when)

    def ask_restore(self, path: Path) -> None:
        panel = ConfirmPanel(
            self, self.tr("Restore {name}? Items taken in after it was made are not in it; the "
                          "current file is kept.").format(name=path.name),
            self.tr("Restore"), self.tr("Cancel"))
        panel.answered.connect(lambda yes: self.restore(path) if yes else None)
        panel.open()

    def restore(self, path: Path) -> BackupSummary | None:
        """Restore `path`; on success emit `restored`, else say why in the banner."""
        try:
            summary, _ = restore(path, self.db_path, self.clock.now())
        except AmbachtError as exc:
            self.banner.error(self.language.error(exc))
            return None
        self.restored.emit()
        return summary
