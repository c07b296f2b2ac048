"""The confirmation of a saved item, where the coach looks: over the gate's keypad, just above
the route button that was tapped. It shows the item's code large, says to stick the label on,
and has the undo right there. The keypad under it has nothing to do until the next tile."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.style import apart, mm
from ui.widgets.base import FloatsOver, Retranslating
from ui.widgets.icons import icon


class SavedCard(FloatsOver, Retranslating, QFrame):
    """Shown over `over` (the keypad and the standard weight) after an item is saved;
    `undo_clicked` asks to undo it."""

    undo_clicked = Signal()

    def __init__(self, over: Sequence[QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("role", "saved")
        self.code = QLabel(self)
        self.code.setProperty("role", "big")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stick = QLabel(self)
        self.stick.setProperty("role", "title")
        self.stick.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stick.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setProperty("role", "banner-do")  # yellow: check this
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        self.undo_button = QPushButton(self)
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.setIcon(icon("undo"))
        self.undo_button.setIconSize(QSize(mm(6), mm(6)))
        self.undo_button.clicked.connect(self.undo_clicked)
        column = QVBoxLayout(self)
        column.setContentsMargins(mm(3), mm(2), mm(3), mm(3))
        column.setSpacing(mm(2))
        column.addStretch(1)
        column.addWidget(self.code)
        column.addWidget(self.stick)
        column.addWidget(self.summary)
        column.addWidget(self.notice)
        column.addStretch(1)
        column.addSpacing(apart())
        column.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.float_over(*over)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.stick.setText(self.tr("Stick the label on"))
        self.undo_button.setText(self.tr("Undo"))

    def show_item(self, code: str, summary: str, same_number: Sequence[str] = ()) -> None:
        """Say that `code` was saved (`summary`: category, weight, route), and name the items
        at the centre that carry its serial number too (`same_number`)."""
        self.code.setText(code)
        self.summary.setText(summary)
        self.notice.setText(self.tr(
            "%n other item(s) at the centre with this number: {codes}. Taken in twice?", "",
            len(same_number)).format(codes=", ".join(same_number)))
        self.notice.setVisible(bool(same_number))
        self.show()
        self.place()
