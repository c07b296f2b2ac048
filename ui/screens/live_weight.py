"""The scale's live weight on the gate screen, with Zero and Tare when the scale has them.

Only a stable weight above zero can be taken; unstable, negative, overload and underload are
shown as such. A weight that was just taken in is not offered again until the scale changes,
so an item left on the platform is not logged twice. When the scale falls silent the panel
says so and the keypad is the way in, as without a scale.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from devices.protocols import Reading, Status
from ui.devices import ScaleLink, describe
from ui.i18n import Language
from ui.style import DANGER, MUTED, OK, mm


class LiveWeight(QWidget):
    """Shows `scale`'s state; hidden while no scale is set up. Emits `changed`."""

    changed = Signal()

    def __init__(self, scale: ScaleLink, language: Language,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.language = language
        self._taken: int | None = None  # grams just taken in, while the scale still shows them
        self.weight = QLabel(self)
        self.weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.zero_button = self._button(scale.zero)
        self.tare_button = self._button(scale.tare)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(mm(1.5))
        grid.addWidget(self.weight, 0, 0)
        grid.addWidget(self.note, 1, 0)
        grid.addWidget(self.zero_button, 0, 1)
        grid.addWidget(self.tare_button, 1, 1)
        grid.setColumnStretch(0, 1)
        scale.changed.connect(self._scale_changed)
        self._refresh()

    def _button(self, action: object) -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
        self.setVisible(self.active())
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
        self.weight.setStyleSheet(f"font-size: {mm(12)}px; font-weight: bold; color: {colour};")
        self.note.setText(note)
        self.note.setStyleSheet(f"color: {colour if colour == DANGER else MUTED};")
        protocol = self.scale.protocol
        answering = isinstance(state, Reading)
        self.zero_button.setText(self.tr("Zero"))
        self.tare_button.setText(self.tr("Tare"))
        self.zero_button.setVisible(protocol is not None and protocol.zero is not None)
        self.tare_button.setVisible(protocol is not None and protocol.tare is not None)
        self.zero_button.setEnabled(answering)
        self.tare_button.setEnabled(answering)
