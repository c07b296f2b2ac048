""""Zoek": find an item without its label, on every scanning screen. The digits its code ends
in on the app's keypad, a category and the days of intake narrow the list as they are tapped;
the first items found are big buttons, and tapping one acts as scanning its label would."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from intake.errors import AmbachtError
from intake.item_search import MAX_DIGITS, ItemSearch, When
from intake.model import Item
from ui.context import AppContext
from ui.style import apart, mm
from ui.widgets.item_card import route_name, status_name
from ui.widgets.keypad import Keypad
from ui.widgets.panels import Panel, choose

SHOWN = 5  # result buttons: what fits beside the keypad on the smallest panel
PICKABLE_DAYS = 62  # "Pick a day" reaches back two months; older items: by digits
ALL = ""  # the category choice "all categories"
RESULTS_MM = 150  # the results' width: a code, a long category name, kg; the day, route, status


class SearchPanel(Panel):
    """Search by code digits, category and day; emits `picked(code)` and closes."""

    picked = Signal(str)

    def __init__(self, host: QWidget, ctx: AppContext) -> None:
        super().__init__(host, "")
        self.ctx = ctx
        self.search = ItemSearch()
        self.title.setText(self.tr("Find an item without its label"))
        self.display = QLabel(self)
        self.display.setProperty("role", "display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.keypad = Keypad(max_digits=MAX_DIGITS, number=False, parent=self)  # 0123 stays
        self.keypad.setMinimumSize(mm(62), mm(62))
        self.keypad.changed.connect(self._digits_typed)
        self.cancel_button = self.button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.close_panel)
        left = QVBoxLayout()
        left.setSpacing(apart())
        left.addWidget(self.display)
        left.addWidget(self.keypad, 1)
        left.addWidget(self.cancel_button)

        self.category_button = self.button("")
        self.category_button.clicked.connect(self.ask_category)
        self.when_buttons: dict[When, QPushButton] = {}
        days = QHBoxLayout()
        days.setSpacing(apart())
        for when in When:
            button = self.button("")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, w=when: self._when_tapped(w))
            self.when_buttons[when] = button
            days.addWidget(button)
        self.result_buttons: list[QPushButton] = []
        results = QGridLayout()
        results.setSpacing(apart())
        for row in range(SHOWN):
            button = self.button("")
            # An empty row keeps its place: the keypad never moves under a finger.
            policy = button.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
            button.clicked.connect(lambda _=False, r=row: self._pick(r))
            self.result_buttons.append(button)
            results.addWidget(button, row, 0)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2)
        right_side = QWidget(self)
        right_side.setMinimumWidth(mm(RESULTS_MM))
        right = QVBoxLayout(right_side)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(apart())
        right.addWidget(self.category_button)
        right.addLayout(days)
        right.addLayout(results)
        right.addWidget(self.message)
        right.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(mm(6))
        row.addLayout(left, 0)
        row.addWidget(right_side, 1)
        self.body.addLayout(row)
        self.found: list[Item] = []
        self.refresh()

    def type_digits(self, digits: str) -> None:
        """Press the keys of `digits` on the panel's keypad."""
        for key in digits:
            self.keypad.press(key)

    def _digits_typed(self, digits: str) -> None:
        self.choose(ItemSearch(digits, self.search.category, self.search.when, self.search.day))

    def _when_tapped(self, when: When) -> None:
        if when is When.DAY:
            self.ask_day()
        else:
            self.choose(ItemSearch(self.search.digits, self.search.category, when))

    def ask_category(self) -> None:
        """The categories to narrow by, the gate's order, and 'All categories'."""
        options = [(ALL, self.tr("All categories"))] + [
            (category.code, category.name(self.ctx.language.code))
            for category in self.ctx.gate.categories()]
        panel = choose(self, self.tr("Which category?"), options, self.tr("Cancel"))
        panel.chosen.connect(lambda code: self.choose(ItemSearch(
            self.search.digits, code or None, self.search.when, self.search.day)))
        panel.open()

    def ask_day(self) -> None:
        """The day of intake, picked from the last two months, today first."""
        today = self.ctx.clock.now().astimezone(self.ctx.zone()).date()
        locale = QLocale()
        options = [(day.isoformat(), locale.toString(QDate(day), "dddd d MMMM yyyy"))
                   for day in (today - timedelta(days=back) for back in range(PICKABLE_DAYS))]
        panel = choose(self, self.tr("Which day did it come in?"), options, self.tr("Cancel"))
        panel.chosen.connect(lambda day: self.choose(ItemSearch(
            self.search.digits, self.search.category, When.DAY, date.fromisoformat(day))))
        panel.open()
        self.refresh()  # "Pick a day" stays unchecked until a day is picked

    def choose(self, search: ItemSearch) -> None:
        """Search again with `search` and show what it finds."""
        self.search = search
        self.refresh()

    def refresh(self) -> None:
        """Show the filters as chosen and the items they find."""
        search = self.search
        self.display.setText(search.digits or "—")
        names = self.ctx.category_names()
        self.category_button.setText(
            names.get(search.category, search.category) if search.category
            else self.tr("All categories"))
        self.category_button.setCheckable(search.category is not None)
        self.category_button.setChecked(search.category is not None)
        labels = {When.ANY: self.tr("Any day"), When.TODAY: self.tr("Today"),
                  When.YESTERDAY: self.tr("Yesterday"), When.THIS_WEEK: self.tr("This week"),
                  When.DAY: self.tr("Pick a day")}
        if search.when is When.DAY and search.day is not None:
            labels[When.DAY] = QLocale().toString(QDate(search.day), "d MMM")
        for when, button in self.when_buttons.items():
            button.setText(labels[when])
            button.setChecked(search.when is when)
        self.found = []
        if not (search.digits or search.category or search.when is not When.ANY):
            self._show([], self.tr("Type the last digits of the code, or choose a category or "
                                   "a day."))
            return
        try:
            found = self.ctx.find_items(search, SHOWN)
        except AmbachtError as exc:
            self._show([], self.ctx.language.error(exc))
            return
        if not found.total:
            self._show([], self.tr("No item found. Check the digits, or choose another category "
                                   "or day."))
        elif found.more:
            self._show(found.items, self.tr("{count} more found: type more digits, or choose a "
                                            "category or day.").format(
                count=QLocale().toString(found.more)))
        else:
            self._show(found.items, "")

    def _show(self, items: list[Item], message: str) -> None:
        self.found = items
        names, lang, zone = self.ctx.category_names(), self.ctx.language, self.ctx.zone()
        for button, item in zip(self.result_buttons, [*items, *[None] * SHOWN], strict=False):
            button.setVisible(item is not None)
            if item is not None:
                button.setText(
                    f"{item.code}  ·  {names.get(item.category, item.category)}  ·  "
                    f"{lang.kg(item.weight_g, estimated=item.weight_estimated)}\n"
                    f"{lang.local(item.intake_at, zone, '%d-%m-%Y')}  ·  "
                    f"{route_name(item.route)}, {status_name(item).lower()}")
        self.message.setText(message)

    def _pick(self, row: int) -> None:
        code = self.found[row].code
        self.close_panel()
        self.picked.emit(code)
