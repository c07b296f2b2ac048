"""The bar over the gate and home screens: where you are, who you are, and the way out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.style import mm
from ui.widgets.icons import icon


class TopBar(QWidget):
    """Title, a line of figures, the user's name, and Settings / Log out buttons."""

    settings_clicked = Signal()
    logout_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(mm(4))
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.figures = QLabel(self)
        self.user_label = QLabel(self)
        self.settings_button = QPushButton(self)
        self.logout_button = QPushButton(self)
        for button, name in ((self.settings_button, "settings"), (self.logout_button, "logout")):
            button.setIcon(icon(name))
            button.setIconSize(QSize(mm(7), mm(7)))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.settings_button.clicked.connect(self.settings_clicked)
        self.logout_button.clicked.connect(self.logout_clicked)
        row.addWidget(self.title)
        row.addStretch(1)
        row.addWidget(self.figures)
        row.addStretch(1)
        row.addWidget(self.user_label)
        row.addWidget(self.settings_button)
        row.addWidget(self.logout_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.settings_button.setText(self.tr("Settings"))
        self.logout_button.setText(self.tr("Log out"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
