"""What every settings section shares: a list of big rows, action buttons, and asking."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScroller,
    QWidget,
)

from intake.errors import AmbachtError
from intake.units import parse_kg
from ui.context import AppContext
from ui.style import apart, mm
from ui.widgets.base import Retranslating
from ui.widgets.keyboard import TextEntryPanel
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ConfirmPanel, choose


class Section(Retranslating, QWidget):
    """A list on the left, buttons on the right; subclasses fill both and act on taps."""

    message = Signal(str, bool)  # text, is_error

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = None
        self.rows = QListWidget(self)
        self.rows.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        QScroller.grabGesture(self.rows.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.rows.currentRowChanged.connect(lambda _row: self.update_buttons())
        self.buttons = QGridLayout()
        self.buttons.setSpacing(apart())
        self.button_columns = 1  # sections with many actions use two
        # Long rows wrap rather than scroll sideways: no one drags a list left and right.
        self.rows.setWordWrap(True)
        self.rows.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(mm(4))
        self._row.addWidget(self.rows, 3)
        self._row.addLayout(self.buttons, 1)

    def add_button(self, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(action)
        count = sum(1 for i in range(self.buttons.count())
                    if self.buttons.itemAt(i).widget() is not None)
        self.buttons.addWidget(button, *divmod(count, self.button_columns))
        return button

    def finish_buttons(self) -> None:
        self.buttons.setRowStretch(self.buttons.rowCount(), 1)
        self._row.setStretchFactor(self.buttons, self.button_columns)


    def enter(self, actor: object) -> None:
        self.actor = actor
        self.refresh()

    def refresh(self) -> None:
        """Refill the list from the services; subclasses override."""

    def set_rows(self, rows: Sequence[tuple[str, object]]) -> None:
        """Show (text, key) rows, keeping the selected key selected."""
        keep = self.selected()
        self.rows.clear()
        for text, key in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.rows.addItem(item)
            if key == keep:
                self.rows.setCurrentItem(item)
        self.update_buttons()

    def select_row(self, key: object) -> None:
        """Select the row of `key` (a record just added, so that the buttons act on it)."""
        for index in range(self.rows.count()):
            if self.rows.item(index).data(Qt.ItemDataRole.UserRole) == key:
                self.rows.setCurrentRow(index)

    def selected(self) -> object:
        item = self.rows.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def update_buttons(self) -> None:
        """Enable what applies to the selected row; subclasses override."""

    def attempt(self, action: Callable[[], object], done: str | Callable[[], str]) -> None:
        """Run a service call; show `done` (said after the call when it is a function: a
        language switch confirms in the new language) or the refusal; refresh either way."""
        try:
            action()
        except AmbachtError as exc:
            self.message.emit(self.ctx.language.error(exc), True)
        else:
            self.message.emit(done() if callable(done) else done, False)
        self.refresh()

    def confirm_earlier(self, kind: str, key: str | None, save: Callable[[], None], *,
                        changed: bool = True) -> None:
        """Before a change that counts earlier periods by its new value too (a category's EU
        category or CO2 factor, a recipient's kind ...: `intake.figure_changes`): when it
        `changed` the value and exports of earlier periods hold the old figures, say how
        many and ask; else save at once."""
        count = self.ctx.exports_touched(kind, key) if changed else 0
        if not count:
            save()
            return
        # The base class's context, whichever section asks (self.tr would take the
        # subclass's); two texts, as lupdate reads no plural from translate().
        translate = QCoreApplication.translate
        text = (translate("Section", "This also changes the figures of earlier periods: 1 "
                                     "export of an earlier period holds the old figures. Save "
                                     "the change?") if count == 1
                else translate("Section", "This also changes the figures of earlier periods: "
                                          "{count} exports of earlier periods hold the old "
                                          "figures. Save the change?").format(count=count))
        panel = ConfirmPanel(self, text, translate("Section", "Save"),
                             translate("Section", "Cancel"))
        panel.answered.connect(lambda yes: save() if yes else None)
        panel.open()

    # --- asking ----------------------------------------------------------------------------

    def ask_text(self, title: str, initial: str, then: Callable[[str], None], *,
                 max_length: int = 40, machine_name: bool = False,
                 check: Callable[[str], object] | None = None, refusal: str = "") -> None:
        """Ask a text on the keyboard; with `check`, an answer it refuses is asked again at
        once, as typed and with why, before any later step is asked."""
        panel = TextEntryPanel(self, title, initial, max_length=max_length,
                               machine_name=machine_name)
        if check is None:
            panel.entered.connect(then)
            panel.open()
            return
        self.ask_checked(panel, refusal, check, then, lambda typed, why: self.ask_text(
            title, typed, then, max_length=max_length, machine_name=machine_name, check=check,
            refusal=why))

    def ask_checked(self, panel: KeypadPanel | TextEntryPanel, refusal: str,
                    check: Callable[[str], object], then: Callable[[str], None],
                    again: Callable[[str, str], None]) -> None:
        """Open `panel` (a keypad or keyboard) with the room for a refusal kept from the
        first time and `refusal` in it; its answer goes on as `answer_checked` says."""
        panel.refuse(refusal)
        panel.entered.connect(lambda text: self.answer_checked(text, check, then, again))
        panel.open()

    def answer_checked(self, text: str, check: Callable[[str], object],
                       then: Callable[[str], None],
                       again: Callable[[str, str], None]) -> None:
        """`then(text)` if `check(text)` passes; else `again(text, why)`: asked again, as
        typed, with the reason."""
        try:
            check(text)
        except AmbachtError as exc:
            again(text, self.ctx.language.error(exc))
        else:
            then(text)

    def ask_number(self, title: str, then: Callable[[str], None], *, decimals: int = 0,
                   unit: str = "", secret: bool = False) -> None:
        panel = KeypadPanel(self, title, decimals=decimals, max_digits=8 if secret else 4,
                            unit=unit, secret=secret)
        panel.entered.connect(then)
        panel.open()

    def ask_kg(self, title: str, then: Callable[[int], None]) -> None:
        """Ask a weight in kg; a typing mistake is refused with a message."""
        def take(text: str) -> None:
            try:
                grams = parse_kg(text)
            except AmbachtError as exc:
                self.message.emit(self.ctx.language.error(exc), True)
                return
            then(grams)
        self.ask_number(title, take, decimals=3, unit="kg")

    def ask_choice(self, title: str, options: Sequence[tuple[str, str]],
                   then: Callable[[str], None], current: str | None = None) -> None:
        """One of `options` (key, text), the `current` key marked as chosen now."""
        panel = choose(self, title, options, self.tr("Cancel"), current)
        panel.chosen.connect(then)
        panel.open()
