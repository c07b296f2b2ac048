"""Before an idle logout: "Are you still there?" with a countdown and a big "Yes"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ui.style import mm
from ui.widgets.panels import Panel


class StillTherePanel(Panel):
    """Counts down the seconds left; `still_here` when answered, `timed_out` at zero."""

    still_here = Signal()
    timed_out = Signal()

    def __init__(self, host: QWidget, seconds: int) -> None:
        super().__init__(host, self.tr("Are you still there?"))
        self.left = seconds
        self.countdown = QLabel(self)
        self.countdown.setProperty("role", "big")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setWordWrap(True)  # a sentence in big letters: lines, never cut sides
        self.body.addWidget(self.countdown)
        self.yes_button = self.button(self.tr("Yes"), "primary")
        self.yes_button.setMinimumSize(mm(80), mm(25))
        self.yes_button.clicked.connect(self.answer)
        self.body.addWidget(self.yes_button)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()  # the panel is opened as soon as it is made
        self._show_left()

    def tick(self) -> None:
        """One second less; at zero the panel closes and says so."""
        self.left -= 1
        if self.left > 0:
            self._show_left()
            return
        self.timer.stop()
        self.close_panel()
        self.timed_out.emit()

    def answer(self) -> None:
        """Someone is there (the button, or any touch): close, and say so."""
        if not self.timer.isActive():
            return  # answered already: a touch's press answers, then its release clicks
        self.timer.stop()
        self.close_panel()
        self.still_here.emit()

    def _show_left(self) -> None:
        self.countdown.setText(self.tr("Without an answer you are logged out in %n seconds.",
                                       "", self.left))
