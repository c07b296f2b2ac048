"""Small building blocks most screens share: retranslation, the message banner, touch lists."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QMouseEvent
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
    """What just happened: green when it went well, red not.

    It floats over `over` (the top bar's site and figures, a screen's title) and grows
    downwards when it needs more lines, so that nothing under a finger moves when it comes or
    goes. A tap puts it away.
    """

    def __init__(self, over: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.over = over
        self.setWordWrap(True)
        self.setMargin(mm(1))
        over.installEventFilter(self)
        parent.installEventFilter(self)
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
        self._place()

    def _place(self) -> None:
        width = self.over.width()
        self.setGeometry(QRect(self.over.mapTo(self.parentWidget(), QPoint(0, 0)),
                               QSize(width, max(self.over.height(), self.heightForWidth(width)))))
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.isVisible() and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self._place()
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
        event.accept()


def touch_list(parent: QWidget) -> QListWidget:
    """A list that scrolls by dragging a finger and never takes the keyboard focus."""
    rows = QListWidget(parent)
    rows.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    rows.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
    QScroller.grabGesture(rows.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return rows
