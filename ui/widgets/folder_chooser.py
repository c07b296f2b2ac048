"""A folder chosen by taps: start on a USB stick, the home or the Documents folder, go into a
folder by tapping its row, "Up" to go back, and "Use this folder". A folder can still be typed
(with "/" on the keyboard, or on a physical keyboard), and is checked before it is taken
(`intake.folders.checked_folder`): empty or not there is refused with a message.

Emits `chosen(path)`, or `chosen("")` from the setting's default button.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidgetItem, QWidget

from intake.errors import AmbachtError
from intake.export_places import Volumes
from intake.folders import Start, checked_folder, starts, subfolders
from ui.i18n import Language
from ui.style import MIN_TARGET_MM, apart, mm
from ui.widgets.base import touch_list
from ui.widgets.keyboard import TextEntryPanel
from ui.widgets.panels import Panel
from ui.widgets.reasons import enable

ROW_MM = 14  # a row is a target: a finger opens it


class FolderPanel(Panel):
    """Browse folders with big rows; `default` names the setting's default ("" answers it)."""

    chosen = Signal(str)

    def __init__(self, host: QWidget, language: Language, title: str, default: str,
                 current: str = "", volumes: Volumes | None = None,
                 home: Path | None = None) -> None:
        super().__init__(host, title)
        self.language = language
        self.starts = starts(volumes or Volumes(), home)
        self.folder: Path | None = None  # None: the list of places to start from
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setMaximumWidth(mm(200))
        self.message = QLabel(self)  # why a typed folder was refused
        self.message.setProperty("role", "banner-error")
        self.message.setWordWrap(True)
        self.message.setMaximumWidth(mm(200))
        self.message.hide()
        self.rows = touch_list(self)
        self.rows.setMinimumSize(mm(170), mm(ROW_MM * 4))
        self.rows.itemClicked.connect(self._open_row)
        for widget in (self.where, self.message, self.rows):
            self.body.addWidget(widget)
        row = QHBoxLayout()
        row.setSpacing(apart())
        self.up_button = self.button(self.tr("Up"))
        self.up_button.setMinimumWidth(mm(MIN_TARGET_MM))  # a short word: the target sets it
        self.up_button.clicked.connect(self.go_up)
        self.type_button = self.button(self.tr("Type a folder…"))
        self.type_button.clicked.connect(lambda: self._ask_typed(current))
        self.default_button = self.button(default)
        self.default_button.clicked.connect(self._use_default)
        cancel = self.button(self.tr("Cancel"))
        cancel.clicked.connect(self.close_panel)
        self.use_button = self.button(self.tr("Use this folder"), "primary")
        self.use_button.clicked.connect(lambda: self._answer(str(self.folder or "")))
        for button in (self.up_button, self.type_button, self.default_button, cancel,
                       self.use_button):
            row.addWidget(button)
        self.body.addLayout(row)
        self.show_folder(None)

    def start_name(self, start: Start) -> str:
        if start.kind == "stick":
            return self.tr("USB stick {label}").format(label=start.label)
        return self.tr("Home folder") if start.kind == "home" else self.tr("Documents folder")

    def show_folder(self, folder: Path | None) -> None:
        """Show the folders in `folder`, or the places to start from (None)."""
        self.folder = folder
        self.message.hide()
        self.rows.clear()
        if folder is None:
            self.where.setText(self.tr("Where is the folder? Tap a place, then the folders in "
                                       "it; then 'Use this folder'."))
            entries = [(self.start_name(start), start.path) for start in self.starts]
        else:
            self.where.setText(self.tr("In {folder}").format(folder=self._named(folder)))
            entries = [(path.name, path) for path in subfolders(folder)]
            if not entries:
                self.where.setText(self.tr("In {folder} (no folders in it)").format(
                    folder=self._named(folder)))
        for text, path in entries:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setSizeHint(QSize(mm(150), mm(ROW_MM)))
            self.rows.addItem(item)
        enable(self.up_button, folder is not None, self.tr("These are the places to start"))
        enable(self.use_button, folder is not None, self.tr("Tap a place first"))

    def _named(self, folder: Path) -> str:
        """The folder as its place's name and the way down from it: 'USB stick DATA › 2026'."""
        for start in self.starts:
            if folder == start.path or start.path in folder.parents:
                rest = folder.relative_to(start.path).parts
                return " › ".join([self.start_name(start), *rest])
        return str(folder)

    def go_up(self) -> None:
        """To the folder above while it is still in a place (Documents goes up to the home
        folder), else back to the places: never up into the system's folders."""
        if self.folder is None:
            return
        parent = self.folder.parent
        inside = parent != self.folder and any(
            parent == start.path or start.path in parent.parents for start in self.starts)
        self.show_folder(parent if inside else None)

    def _open_row(self, item: QListWidgetItem) -> None:
        self.show_folder(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _ask_typed(self, current: str) -> None:
        typed = TextEntryPanel(self, self.tr("Folder (full path, like /media/stick/backups)"),
                               str(self.folder) if self.folder else current, max_length=200,
                               machine_name=True)
        typed.entered.connect(self._answer)
        typed.open()

    def _answer(self, text: str) -> None:
        """Take the folder; one that will not do (empty, not there) is refused and the
        chooser stays, with the reason."""
        try:
            folder = checked_folder(text)
        except AmbachtError as exc:
            self.message.setText(self.language.error(exc))
            self.message.show()
            return
        self.close_panel()
        self.chosen.emit(str(folder))

    def _use_default(self) -> None:
        self.close_panel()
        self.chosen.emit("")
