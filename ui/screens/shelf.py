"""The workshop shelf: what is in repair and what waits for it, with counts on the filter
buttons (in repair, waiting, a category), each item's days at the centre, and a scrollbar
wide enough for a finger."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.model import Status
from intake.shelf import EVERYTHING, ShelfFilter, ShelfState, days_on_shelf
from ui.context import AppContext
from ui.style import INK, MIN_TARGET_MM, apart, mm
from ui.widgets.base import Retranslating, touch_list
from ui.widgets.panels import choose

ALL = ""  # the category filter's key for every category
TRACK = "#d0d0d0"  # the scrollbar's track: the dark handle stands out on it


class ShelfView(Retranslating, QWidget):
    """The shelf's filters and rows; emits `opened(code)` when a row is tapped."""

    opened = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen = EVERYTHING
        self.state_buttons: dict[ShelfState, QPushButton] = {}
        filters = QHBoxLayout()
        filters.setSpacing(apart())
        # The row ends beside the action column: keep a finger's gap to its buttons.
        filters.setContentsMargins(0, 0, apart(), 0)
        for state in ShelfState:
            button = QPushButton(self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, s=state: self.show_state(s))
            self.state_buttons[state] = button
            filters.addWidget(button, 1)
        self.category_button = QPushButton(self)
        self.category_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.category_button.clicked.connect(self.ask_category)
        filters.addWidget(self.category_button, 1)
        self.summary = QLabel(self)
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)
        self.rows = touch_list(self)
        self.rows.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Hundreds of rows: a dark handle a fingertip tall on a grey track, always there, so
        # that the length of the list shows and a finger can drag through it.
        self.rows.verticalScrollBar().setStyleSheet(
            f"QScrollBar:vertical {{ width: {mm(12)}px; background: {TRACK}; }}"
            f"QScrollBar::handle:vertical {{ background: {INK}; min-height: {mm(MIN_TARGET_MM)}px;"
            f" border-radius: {mm(2)}px; margin: {mm(1)}px; }}"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0px; }")
        self.rows.itemClicked.connect(
            lambda row: self.opened.emit(row.data(Qt.ItemDataRole.UserRole)))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(apart())
        column.addLayout(filters)
        column.addWidget(self.summary)
        column.addWidget(self.rows, 1)
        self.by_category: dict[str, int] = {}

    def retranslate(self) -> None:
        self.refresh()

    def show_state(self, state: ShelfState) -> None:
        """Only items in this state; tapping the chosen state again shows both."""
        chosen = None if self.chosen.state is state else state
        self.chosen = ShelfFilter(chosen, self.chosen.category)
        self.refresh()

    def ask_category(self) -> None:
        names = self.ctx.category_names()
        options = [(ALL, self.tr("All categories"))] + [
            (code, f"{names.get(code, code)} ({count})")
            for code, count in self.by_category.items()]
        panel = choose(self, self.tr("Which category?"), options, self.tr("Cancel"))
        panel.chosen.connect(lambda code: self.show_category(code or None))
        panel.open()

    def show_category(self, category: str | None) -> None:
        self.chosen = ShelfFilter(self.chosen.state, category)
        self.refresh()

    def refresh(self) -> None:
        """Read the shelf again as filtered and show it."""
        shelf = self.ctx.workshop.shelf(self.chosen)
        self.by_category = shelf.by_category
        lang, zone, now = self.ctx.language, self.ctx.zone(), self.ctx.clock.now()
        names = self.ctx.category_names()
        counts = {ShelfState.IN_REPAIR: shelf.in_repair, ShelfState.WAITING: shelf.waiting}
        labels = {ShelfState.IN_REPAIR: self.tr("In repair ({count})"),
                  ShelfState.WAITING: self.tr("Waiting ({count})")}
        for state, button in self.state_buttons.items():
            button.setText(labels[state].format(count=counts[state]))
            button.setChecked(self.chosen.state is state)
        category = self.chosen.category
        self.category_button.setText(
            names.get(category, category) if category else self.tr("All categories"))
        self.category_button.setCheckable(category is not None)
        self.category_button.setChecked(category is not None)
        self.summary.setText(
            self.tr("{shown} of {matching} shown, the longest waiting first: choose a filter "
                    "to see the others.").format(shown=len(shelf.items), matching=shelf.matching)
            if len(shelf.items) < shelf.matching else
            self.tr("{matching} on the shelf, the longest waiting first.").format(
                matching=shelf.matching))
        self.rows.clear()
        for item in shelf.items:
            where = (self.tr("in repair") if item.status is Status.IN_REPAIR
                     else self.tr("waiting"))
            days = self.tr("%n day(s)", "", days_on_shelf(item, now, zone))
            row = QListWidgetItem(f"{item.code}   {names.get(item.category, item.category)}   "
                                  f"{lang.kg(item.weight_g, estimated=item.weight_estimated)}"
                                  f"   ·   {where}   ·   {days}")
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            self.rows.addItem(row)
