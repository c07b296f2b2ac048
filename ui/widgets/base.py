"""Small building blocks most screens share: retranslation, the message banner, touch lists."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
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
        self.fit_to(area)
        height = max(area.height(), self.heightForWidth(area.width()))
        self.setGeometry(QRect(area.topLeft(), QSize(area.width(), height)))
        self.raise_()

    def fit_to(self, area: QRect) -> None:
        """Make the content fit `area` if it can (a banner's smaller letters); by default it
        takes the room it needs below."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.isVisible() and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self.place()
        return False


LETTERS_MM = 4.5  # a banner's letters, as the screens' text
SMALLEST_MM = 3.0  # and the least they shrink to: still read from where a volunteer stands
MESSAGE_MM = 80.0  # the least width of a banner's place in the top bar: two lines of words


def fit_letters(label: QLabel, room: QSize, largest_mm: float, smallest_mm: float) -> None:
    """Give a word-wrapping label the largest letters, from `largest_mm` down to
    `smallest_mm`, at which its text fits `room`; the smallest when none does."""
    for px in range(mm(largest_mm), mm(smallest_mm) - 1, -1):
        label.setStyleSheet(f"font-size: {px}px;")  # over the window's style sheet
        if label.heightForWidth(room.width()) <= room.height():
            return


class FittingLabel(QLabel):
    """A word-wrapping label of a fixed height whose letters shrink to keep its text inside
    (the till's total and what was paid): a longer text never pushes its neighbours."""

    def __init__(self, largest_mm: float, smallest_mm: float, parent: QWidget) -> None:
        super().__init__(parent)
        self.largest_mm, self.smallest_mm = largest_mm, smallest_mm
        self.setWordWrap(True)

    def show_text(self, text: str) -> None:
        self.setText(text)
        fit_letters(self, self.contentsRect().size(), self.largest_mm, self.smallest_mm)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_letters(self, self.contentsRect().size(), self.largest_mm, self.smallest_mm)


class Banner(FloatsOver, QLabel):
    """What just happened: green when it went well, red not; or, in yellow, what to do now.

    It floats over `over` (the top bar's site and figures, which keep it `MESSAGE_MM` wide at
    the least; a screen's title), so that nothing under a finger moves when it comes or goes.
    Its letters shrink, down to `SMALLEST_MM`, until the message fits that place in one or two
    lines: it covers none of the screen's controls or headings. Only a message too long even
    then grows downwards. A tap puts it away. `error_shown` lets the screen add the error
    sound.
    """

    error_shown = Signal()

    def __init__(self, over: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
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

    def fit_to(self, area: QRect) -> None:
        fit_letters(self, area.size(), LETTERS_MM, SMALLEST_MM)

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
