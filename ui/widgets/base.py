"""Small building blocks most screens share: retranslation, the message banner, touch lists."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
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


class FloatsOver:
    """Mixin for a widget laid over others instead of into a layout: it covers `over` (and
    grows downwards when its text needs more room) and follows them when they move or resize,
    so that showing or hiding it moves nothing. Put it before the Qt base class."""

    def float_over(self, *over: QWidget) -> None:
        self._over = over
        for widget in (*over, self.parentWidget()):
            widget.installEventFilter(self)

    def place(self) -> None:
        """Cover the widgets floated over, and come to the top."""
        parent: QWidget = self.parentWidget()
        area = QRect()
        for widget in self._over:
            area = area.united(QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size()))
        height = max(area.height(), self.heightForWidth(area.width()))
        self.setGeometry(QRect(area.topLeft(), QSize(area.width(), height)))
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.isVisible() and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self.place()
        return False


class Banner(FloatsOver, QLabel):
    """What just happened: green when it went well, red not; or, in yellow, what to do now.

    It floats over `over` (the top bar's site and figures, a screen's title) and grows
    downwards when it needs more lines, so that nothing under a finger moves when it comes or
    goes. A tap puts it away. `error_shown` lets the screen add the error sound.
    """

    error_shown = Signal()

    def __init__(self, over: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMargin(mm(1))
        self.float_over(over)
        self.hide()

    def ok(self, text: str) -> None:
        self._show(text, "banner-ok")

    def instruct(self, text: str) -> None:
        """What to do now (an instruction, not a success): yellow, as what is selected."""
        self._show(text, "banner-do")

    def error(self, text: str) -> None:
        self._show(text, "banner-error")
        self.error_shown.emit()

    def is_error(self) -> bool:
        return self.isVisible() and self.property("role") == "banner-error"

    def _show(self, text: str, role: str) -> None:
        self.setText(text)
        self.setProperty("role", role)
        self.style().unpolish(self)  # the style sheet keys on the role property
        self.style().polish(self)
        self.show()
        self.place()

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
