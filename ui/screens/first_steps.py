"""The first run's guided steps: after the first PIN, the coordinator is led through the
settings a gate needs (staff, municipalities, the label printer), each skippable, and then
to the gate.

The steps are the settings screen's own sections; this bar stands in the place of its tabs
and says which step this is, what to do in it, and the way on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.style import apart
from ui.widgets.base import Retranslating

STEPS = ("staff", "municipalities", "printer")  # settings sections, in the order shown


class GuideBar(Retranslating, QWidget):
    """Step n of 3 with what to do, and one button on: "Skip" until something was saved in
    the step, then "Next". Emits `step(key)` for the section to show, `finished` after the
    last."""

    step = Signal(str)
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = 0
        self.saved = False  # something was saved in this step: the button says "Next"
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.next_button = QPushButton(self)
        self.next_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_button.clicked.connect(self.go_on)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(apart())
        row.addWidget(self.text, 1)
        row.addWidget(self.next_button)
        self.retranslate()

    def start(self) -> None:
        """Begin at the first step."""
        self.index = 0
        self._show_step()

    def mark_saved(self) -> None:
        """The coordinator saved something in this step: going on is no longer skipping."""
        self.saved = True
        self.retranslate()

    def go_on(self) -> None:
        """The next step, or the end after the last."""
        if self.index + 1 < len(STEPS):
            self.index += 1
            self._show_step()
        else:
            self.finished.emit()

    def _show_step(self) -> None:
        self.saved = False
        self.retranslate()
        self.step.emit(STEPS[self.index])

    def retranslate(self) -> None:
        what = {
            "staff": self.tr("Add the coaches, the workshop and the shop, each with their own "
                             "PIN."),
            "municipalities": self.tr("Add the municipalities your residents come from: the "
                                      "gate asks for them."),
            "printer": self.tr("Choose the label printer and print a test label. Then the "
                               "gate opens."),
        }[STEPS[self.index]]
        self.text.setText(self.tr("Step {n} of {total}: {what}").format(
            n=self.index + 1, total=len(STEPS), what=what))
        self.next_button.setText(self.tr("Next") if self.saved else self.tr("Skip"))
        self.next_button.setProperty("role", "primary" if self.saved else None)
        self.next_button.style().unpolish(self.next_button)  # the style keys on the role
        self.next_button.style().polish(self.next_button)
