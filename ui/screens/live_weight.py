"""The scale's live weight on the gate screen, with Zero and Tare when the scale has them.

It takes the place of the typed weight's box while nothing is typed, with Zero and Tare in
it, and its note (stable, unstable, not answering) sits beside the category's name: so the
panel needs no more height than without a scale.

Only a stable weight above zero can be taken; unstable, negative, overload and underload are
shown as such. A weight that was just taken in is not offered again until the scale changes,
so an item left on the platform is not logged twice. When the scale falls silent the panel
says so and the keypad is the way in, as without a scale.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from devices.protocols import Reading, Status
from ui.devices import ScaleLink, describe
from ui.i18n import Language
from ui.style import DANGER, LINE, MUTED, OK, mm


class LiveWeight(QFrame):
    """Shows `scale`'s state in a box like the keypad's display. Emits `changed`."""

    changed = Signal()

    def __init__(self, scale: ScaleLink, language: Language,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.language = language
        self._taken: int | None = None  # grams just taken in, while the scale still shows them
        self.setObjectName("live-weight")
        self.setStyleSheet(f"QFrame#live-weight {{ border: 3px solid {LINE}; "
                           f"border-radius: {mm(1.5)}px; }}")
        self.note = QLabel(self)  # the panel places it beside the category's name
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.weight = QLabel(self)
        self.weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.zero_button = self._button(scale.zero)
        self.tare_button = self._button(scale.tare)
        row = QHBoxLayout(self)
        row.setContentsMargins(mm(1), mm(0.5), mm(3), mm(0.5))
        row.setSpacing(mm(1.5))
        row.addWidget(self.zero_button)
        row.addWidget(self.tare_button)
        row.addWidget(self.weight, 1)
        scale.changed.connect(self._scale_changed)
        self._refresh()

    def _button(self, action: object) -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Narrow padding: they share the box with the weight.
        button.setStyleSheet(f"padding: {mm(1)}px {mm(1.5)}px;")
        button.clicked.connect(action)
        return button

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def active(self) -> bool:
        """A scale is set up (answering or not)."""
        return self.scale.configured()

    def usable_grams(self) -> int | None:
        """The stable weight on the scale, unless it is the one just taken in."""
        state = self.scale.state
        grams = state.usable_grams if isinstance(state, Reading) else None
        return None if grams is None or grams == self._taken else grams

    def taken(self, grams: int) -> None:
        """An item of `grams` was taken in: do not offer that weight until the scale changes."""
        self._taken = grams
        self._refresh()

    def _scale_changed(self) -> None:
        state = self.scale.state
        if not (isinstance(state, Reading) and state.usable_grams == self._taken):
            self._taken = None  # the platform was emptied, or something else lies on it
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        state = self.scale.state
        big, note = describe(state, self.language.code)
        colour = DANGER
        if self.usable_grams() is not None:
            colour = OK
        elif isinstance(state, Reading) and state.status in (Status.OK, Status.UNSTABLE):
            colour = MUTED
        if self._taken is not None and isinstance(state, Reading):
            note = self.tr("Saved — take the item off the scale")
        self.weight.setText(big)
        self.weight.setStyleSheet(f"border: none; font-size: {mm(12)}px; font-weight: bold; "
                                  f"color: {colour};")
        self.note.setText(note if self.active() else "")
        self.note.setStyleSheet(f"border: none; font-size: {mm(4.5)}px; font-weight: bold; "
                                f"color: {colour if colour == DANGER else MUTED};")
        protocol = self.scale.protocol
        answering = isinstance(state, Reading)
        self.zero_button.setText(self.tr("Zero"))
        self.tare_button.setText(self.tr("Tare"))
        self.zero_button.setVisible(protocol is not None and protocol.zero is not None)
        self.tare_button.setVisible(protocol is not None and protocol.tare is not None)
        self.zero_button.setEnabled(answering)
        self.tare_button.setEnabled(answering)
