"""Small building blocks most screens share: retranslation, the status banner, touch lists."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QScroller, QWidget

from ui.style import mm


class Retranslating:
    """Mixin for widgets: calls `retranslate()` whenever the app's language changes.

    Put it before the Qt base class: `class Keypad(Retranslating, QWidget)`.
    """

    def retranslate(self) -> None:
        """Set every visible text again through tr(); subclasses override."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


class Banner(QLabel):
    """A line across the screen saying what just happened: green when it went well, red not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMargin(mm(1))
        self.hide()

    def ok(self, text: str) -> None:
        self._show(text, "banner-ok")

    def error(self, text: str) -> None:
        self._show(text, "banner-error")

    def is_error(self) -> bool:
        return self.isVisible() and self.property("role") == "banner-error"

    def _show(self, text: str, role: str) -> None:
        self.setText(text)
        self.setProperty("role", role)
        self.style().unpolish(self)  # the style sheet keys on the role property
        self.style().polish(self)
        self.show()


def touch_list(parent: QWidget) -> QListWidget:
    """A list that scrolls by dragging a finger and never takes the keyboard focus."""
    rows = QListWidget(parent)
    rows.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    rows.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
    QScroller.grabGesture(rows.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return rows
