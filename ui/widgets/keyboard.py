"""An on-screen keyboard for the few texts staff type (names), since there is no OS keyboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.style import apart, mm
from ui.widgets.panels import ChoicePanel, Panel

_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl:-", "zxcvbnm,.?'", "éëèïöüç&()")
_SERIAL_ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM/.")
# A port, a host or a folder: "/" and "_" in place of "?" and "'", which none of them has.
_MACHINE_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl:-", "zxcvbnm,._/", "éëèïöüç&()")


def key_label(text: str) -> str:
    """`text` as a button shows it: Qt takes a lone "&" as a mnemonic and draws nothing."""
    return text.replace("&", "&&")


def fit_text(button: QPushButton) -> None:
    """Make `button` wide enough for its text in the style sheet's font, whatever the panel."""
    button.ensurePolished()  # the style sheet's font size, not the default one
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + mm(9))


class TextEntryPanel(Panel):
    """Type a short text on big keys; emits `entered(text)` on OK."""

    entered = Signal(str)

    def __init__(
        self, host: QWidget, title: str, initial: str = "", *, max_length: int = 40,
        rows: Sequence[str] | None = None, machine_name: bool = False, note: str = "",
    ) -> None:
        """`machine_name`: a port, a host or a folder, which starts in lower case and has
        the "/" key; anything else starts with a capital when empty. `note`: a line under
        the text, such as where it will be read. A physical keyboard types into it too (Enter
        is OK, Escape is Cancel)."""
        super().__init__(host, title)
        rows = rows or (_MACHINE_ROWS if machine_name else _ROWS)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.max_length = max_length
        self._shift = not initial and not machine_name
        self.display = QLabel(initial, self)
        self.display.setProperty("role", "display")
        self.display.setMinimumWidth(mm(200))
        self.display.setMaximumWidth(mm(240))
        self.display.setWordWrap(True)
        self.body.addWidget(self.display)
        if note:
            shown = QLabel(note, self)
            shown.setProperty("role", "muted")
            shown.setWordWrap(True)
            shown.setMaximumWidth(mm(240))
            self.body.addWidget(shown)
        grid = QGridLayout()
        grid.setSpacing(mm(1.2))
        self.keys: dict[str, QPushButton] = {}
        for r, row in enumerate(rows):
            for c, char in enumerate(row):
                key = self.button(char)
                key.setMinimumSize(mm(16), mm(15))
                key.clicked.connect(lambda _=False, ch=char: self.type_text(ch))
                self.keys[char] = key
                grid.addWidget(key, r, c)
        self.body.addLayout(grid)
        row = QHBoxLayout()
        row.setSpacing(apart())  # Cancel beside the backspace: a slip loses the text
        self.shift_button = self.button(self.tr("Shift"))
        self.shift_button.setCheckable(True)
        self.shift_button.toggled.connect(self._set_shift)
        space = self.button(self.tr("Space"))
        space.clicked.connect(lambda: self.type_text(" "))
        back = self.button("⌫")
        back.clicked.connect(self.backspace)
        cancel = self.button(self.tr("Cancel"))
        cancel.clicked.connect(self.close_panel)
        self.ok_button = self.button(self.tr("OK"), "primary")
        self.ok_button.clicked.connect(self._accept)
        for widget, stretch in ((self.shift_button, 2), (space, 3), (back, 1), (cancel, 2),
                                (self.ok_button, 1)):
            fit_text(widget)
            row.addWidget(widget, stretch)
        self.body.addLayout(row)
        self.shift_button.setChecked(self._shift)
        self._set_shift(self._shift)

    def open(self) -> Panel:
        super().open()
        self.setFocus()  # the keys of a physical keyboard come here
        return self

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._accept()
        elif key == Qt.Key.Key_Escape:
            self.close_panel()
        elif key == Qt.Key.Key_Backspace:
            self.backspace()
        elif len(event.text()) == 1 and event.text().isprintable():
            # As typed: the keyboard's own Shift made the capital, the panel's is not asked.
            if len(self.display.text()) < self.max_length:
                self.display.setText(self.display.text() + event.text())
        else:
            super().keyPressEvent(event)

    def text(self) -> str:
        return self.display.text()

    def backspace(self) -> None:
        self.display.setText(self.display.text()[:-1])

    def type_text(self, text: str) -> None:
        """Type as if the keys were tapped (upper case while Shift is on, then Shift lets go)."""
        for char in text:
            if len(self.display.text()) >= self.max_length:
                return
            self.display.setText(self.display.text() + (char.upper() if self._shift else char))
            if self._shift and char != " ":
                self.shift_button.setChecked(False)

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        for char, key in self.keys.items():
            key.setText(key_label(char.upper() if on else char))

    def _accept(self) -> None:
        text = self.text()
        self.close_panel()
        self.entered.emit(text)



class SerialPanel(TextEntryPanel):
    """A serial number for the police register (a frame number, or an IMEI or serial number:
    `kind`), typed on letter and digit keys or scanned from its sticker: a scan while the
    panel is open goes into it (`MainWindow.on_scan`). "No number" answers with an empty
    text. Asked again after a refusal, it keeps what was `typed` and says why it was
    `refused` inside the panel, where the eyes are."""

    takes_scans = True

    def __init__(self, host: QWidget, kind: str, typed: str = "",
                 refused: str | None = None) -> None:
        super().__init__(host, "", typed, max_length=40, rows=_SERIAL_ROWS, machine_name=True)
        self.title.setText(self.tr("Frame number (typed, or scan it)") if kind == "frame"
                           else self.tr("IMEI or serial number (typed, or scan it)"))
        self.refuse(refused or "")  # the room for a refusal kept from the first time
        self.shift_button.hide()  # the keys are capitals already
        self.skip_button = self.button(self.tr("No number"))
        self.skip_button.clicked.connect(lambda: self._answer(""))
        self.body.addWidget(self.skip_button)

    def handle_scan(self, code: str) -> None:
        """A scanned number is the answer."""
        self._answer(code)

    def _answer(self, text: str) -> None:
        self.close_panel()
        self.entered.emit(text)


def ask_reason(
    host: QWidget, title: str, reasons: list[str], then: Callable[[str], None],
    *, skip: str | None = None, note: str | None = None,
) -> ChoicePanel:
    """Pick a reason (or any short text) from a few buttons, or type another one on the
    keyboard; with `skip`, a button that answers with an empty text. The keyboard says not
    to type names (`note`, or the reasons' own: a reason is shown in the history and in a
    report's changes since the last export)."""
    other = QCoreApplication.translate("Reasons", "Other…")
    note = note or QCoreApplication.translate(
        "Reasons", "No names, please: a reason can be printed in a report.")
    options = [(r, r) for r in [*reasons, other]]
    if skip is not None:
        options.append(("", skip))
    panel = ChoicePanel(host, title, options, QCoreApplication.translate("Reasons", "Cancel"))

    def chosen(reason: str) -> None:
        if reason == other:
            typed = TextEntryPanel(host, title, max_length=200, note=note)
            typed.entered.connect(then)
            typed.open()
        else:
            then(reason)

    panel.chosen.connect(chosen)
    return panel.open()  # type: ignore[return-value]
