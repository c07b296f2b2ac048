"""Questions asked over the current screen, without blocking the event loop.

Each panel sits on a dark overlay that covers its host window, emits what was chosen and
closes itself. No `exec()`: the caller connects to a signal, and a test clicks the buttons.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from ui.style import apart, mm

GRID_MAX = 8  # more options than this scroll in a list instead of a grid of buttons
CURRENT_MARK = "✓ "  # before the current choice: its mark is not only a colour


def marked(label: str) -> str:
    """An option's text as the current choice shows it."""
    return CURRENT_MARK + label


class Panel(QFrame):
    """A framed box shown in the middle of a dark overlay over `host`'s window."""

    closed = Signal()

    def __init__(self, host: QWidget, title: str) -> None:
        window = host.window()
        self._overlay = QFrame(window)
        self._overlay.setProperty("role", "overlay")
        self._overlay.setGeometry(window.rect())
        super().__init__(self._overlay)
        self.setProperty("role", "panel")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(mm(6), mm(5), mm(6), mm(5))
        self.body.setSpacing(apart())
        self.title = QLabel(title, self)
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.body.addWidget(self.title)
        self.refusal: QLabel | None = None  # why an answer was refused (`refuse`)
        outer = QVBoxLayout(self._overlay)
        outer.addWidget(self, 0, Qt.AlignmentFlag.AlignCenter)
        window.installEventFilter(self)

    def open(self) -> Panel:
        """Show the panel above everything else in the window."""
        self._overlay.show()
        self._overlay.raise_()
        return self

    def close_panel(self) -> None:
        self.window().removeEventFilter(self)
        self._overlay.hide()
        self._overlay.deleteLater()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._overlay.parent():
            self._overlay.setGeometry(self._overlay.parentWidget().rect())
        return False

    def refuse(self, text: str) -> None:
        """Say under the title why the answer given was refused (the panel asks again); an
        empty text only keeps the room. A panel that asks a checked answer calls it from the
        start, so that the panel asked again after a refusal is as high as the first and
        its keys and OK stay under the finger."""
        if self.refusal is None:
            self.refusal = QLabel(self)
            self.refusal.setProperty("role", "banner-error")
            self.refusal.setWordWrap(True)
            self.refusal.setMaximumWidth(mm(180))
            self.refusal.ensurePolished()  # its style sheet's font
            self.refusal.setMinimumHeight(  # two lines and the banner's padding
                2 * QFontMetrics(self.refusal.font()).lineSpacing() + mm(4))
            policy = self.refusal.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.refusal.setSizePolicy(policy)
            self.body.insertWidget(1, self.refusal)
        self.refusal.setText(text)
        self.refusal.setVisible(bool(text))

    def add_cancel(self, text: str) -> QPushButton:
        """A button at the bottom that closes the panel, having done nothing."""
        button = self.button(text)
        button.clicked.connect(self.close_panel)
        self.body.addWidget(button)
        return button

    def button(self, text: str, role: str | None = None) -> QPushButton:
        button = QPushButton(text, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if role:
            button.setProperty("role", role)
        return button


class ConfirmPanel(Panel):
    """A yes/no question; emits `answered(bool)`."""

    answered = Signal(bool)

    def __init__(self, host: QWidget, text: str, yes: str, no: str) -> None:
        super().__init__(host, text)
        row = QHBoxLayout()
        row.setSpacing(mm(5))
        self.no_button = self.button(no)
        self.yes_button = self.button(yes, "primary")
        for button, value in ((self.no_button, False), (self.yes_button, True)):
            button.setMinimumWidth(mm(55))
            button.clicked.connect(lambda _=False, v=value: self._answer(v))
            row.addWidget(button)
        self.body.addLayout(row)

    def _answer(self, value: bool) -> None:
        self.close_panel()
        self.answered.emit(value)


class _ChooserPanel(Panel):
    """A panel that closes with one of its options: `chosen(key)`."""

    chosen = Signal(str)

    def _choose(self, key: str) -> None:
        self.close_panel()
        self.chosen.emit(key)


class ChoicePanel(_ChooserPanel):
    """Pick one of a few options (big buttons in a grid), or cancel; emits `chosen(key)`.
    The `current` option, if any, shows checked (the selected look, thicker border) and
    marked with a tick."""

    def __init__(
        self, host: QWidget, title: str, options: Sequence[tuple[str, str]], cancel: str,
        columns: int = 2, current: str | None = None,
    ) -> None:
        super().__init__(host, title)
        grid = QGridLayout()
        grid.setSpacing(mm(3))
        self.option_buttons: dict[str, QPushButton] = {}
        for index, (key, label) in enumerate(options):
            button = self.button(marked(label) if key == current else label)
            button.setCheckable(key == current)
            button.setChecked(key == current)
            button.setMinimumWidth(mm(70))
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            self.option_buttons[key] = button
            grid.addWidget(button, index // columns, index % columns)
        self.body.addLayout(grid)
        self.cancel_button = self.add_cancel(cancel)


class ListPanel(_ChooserPanel):
    """Pick one of many options from a list that scrolls by dragging; emits `chosen(key)`.
    The `current` option, if any, is selected, marked with a tick and scrolled to."""

    def __init__(
        self, host: QWidget, title: str, options: Sequence[tuple[str, str]], cancel: str,
        current: str | None = None,
    ) -> None:
        super().__init__(host, title)
        self.options = QListWidget(self)
        self.options.setMinimumSize(mm(150), mm(110))
        self.options.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        QScroller.grabGesture(self.options.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        for key, label in options:
            row = QListWidgetItem(marked(label) if key == current else label)
            row.setData(Qt.ItemDataRole.UserRole, key)
            self.options.addItem(row)
            if key == current:
                self.options.setCurrentItem(row)
                self.options.scrollToItem(row, QListWidget.ScrollHint.PositionAtCenter)
        self.options.itemClicked.connect(
            lambda row: self._choose(row.data(Qt.ItemDataRole.UserRole)))
        self.body.addWidget(self.options)
        self.cancel_button = self.add_cancel(cancel)


def choose(
    host: QWidget, title: str, options: Sequence[tuple[str, str]], cancel: str,
    current: str | None = None,
) -> ChoicePanel | ListPanel:
    """A grid of buttons for a few options, a scrolling list for many, the `current` one
    marked; connect `chosen`."""
    if len(options) <= GRID_MAX:
        return ChoicePanel(host, title, options, cancel, current=current)
    return ListPanel(host, title, options, cancel, current=current)


class MessagePanel(Panel):
    """A message that needs an acknowledgement (errors that block the next step)."""

    def __init__(self, host: QWidget, title: str, text: str, ok: str) -> None:
        super().__init__(host, title)
        message = QLabel(text, self)
        message.setWordWrap(True)
        message.setMaximumWidth(mm(180))
        self.body.addWidget(message)
        self.ok_button = self.button(ok, "primary")
        self.ok_button.clicked.connect(self.close_panel)
        self.body.addWidget(self.ok_button)
