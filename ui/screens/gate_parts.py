"""The parts of the gate screen: category tiles, the weight-and-route panel, the visit start."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.model import Category, Route
from intake.units import parse_kg
from ui.devices import ScaleLink
from ui.i18n import Language
from ui.screens.live_weight import LiveWeight
from ui.style import apart, mm
from ui.widgets.icons import icon
from ui.widgets.keypad import Keypad, shown
from ui.widgets.reasons import enable
from ui.widgets.topbar import WholeLabel


class CategoryTile(QPushButton):
    """A big checkable tile: the category's pictogram with its name under it (wrapped)."""

    def __init__(self, category: Category, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = category
        self.setCheckable(True)
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(mm(28), mm(22))
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setPixmap(icon(category.icon).pixmap(QSize(mm(15), mm(15))))
        self.name = QLabel(category.name(lang), self)
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name.setWordWrap(True)
        for label in (self.picture, self.name):
            # Taps land on the button, not on its labels; the labels take no background.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setStyleSheet("background: transparent; font-weight: bold;")
        column = QVBoxLayout(self)
        column.setContentsMargins(mm(1), mm(1.5), mm(1), mm(1.5))
        column.setSpacing(mm(1))
        column.addWidget(self.picture, 1)
        column.addWidget(self.name)


class CategoryGrid(QWidget):
    """The tiles of the visible categories in the coordinator's order; emits `chosen(code)`."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(mm(2))
        self.group = QButtonGroup(self)
        self.tiles: dict[str, CategoryTile] = {}

    def set_categories(self, categories: Sequence[Category], lang: str) -> None:
        for tile in self.tiles.values():
            self.group.removeButton(tile)
            tile.hide()  # at once: it is deleted only when the event loop gets to it
            tile.deleteLater()
        self.tiles = {}
        # Twelve tiles in 4 x 3 is the design; a coordinator who adds more gets more columns
        # before the tiles get so low that they drop below a fingertip's size.
        columns = 4 if len(categories) <= 12 else 5 if len(categories) <= 20 else 6
        for index, category in enumerate(categories):
            tile = CategoryTile(category, lang, self)
            if len(categories) > 12:
                tile.setMinimumSize(mm(20), mm(17))
            tile.clicked.connect(lambda _=False, c=category.code: self.chosen.emit(c))
            self.group.addButton(tile)
            self.grid.addWidget(tile, index // columns, index % columns)
            self.tiles[category.code] = tile

    def clear(self) -> None:
        """Uncheck every tile (an exclusive group will not let its last one go otherwise)."""
        self.group.setExclusive(False)
        for tile in self.tiles.values():
            tile.setChecked(False)
        self.group.setExclusive(True)


class WeightRoutePanel(QWidget):
    """Weight from the scale, on the keypad or the standard weight, then one tap on a route
    saves the item. A typed weight goes before the scale's."""

    route_chosen = Signal(Route)

    def __init__(self, language: Language, scale: ScaleLink, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.language = language
        self.category: Category | None = None
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        # The step's hint, in a line of its own that always has a text, so nothing moves; the
        # gate lays it over the tiles, where the eye starts and there is height to spare.
        self.hint = WholeLabel(self)
        self.hint.setProperty("role", "hint")
        self.live = LiveWeight(scale, language, self)
        self.live.changed.connect(self._refresh)
        self.display = QLabel(self)
        self.display.setProperty("role", "display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.keypad = Keypad(decimals=3, max_digits=4, parent=self)
        self.standard_button = QPushButton(self)
        self.standard_button.setCheckable(True)
        self.standard_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.standard_button.setIcon(icon("scale"))
        self.standard_button.setIconSize(QSize(mm(7), mm(7)))
        self.route_buttons: dict[Route, QPushButton] = {}
        routes = QHBoxLayout()
        routes.setSpacing(mm(2))
        for route in Route:
            button = QPushButton(self)
            button.setProperty("route", route.value)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setIcon(icon(route.value, "#ffffff"))
            button.setIconSize(QSize(mm(7), mm(7)))
            button.setMinimumHeight(mm(17))  # the step that saves: a little larger
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, r=route: self.route_chosen.emit(r))
            self.route_buttons[route] = button
            routes.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(apart())
        # The scale's box stands where the typed weight shows, while nothing is typed.
        self.weight_box = QStackedWidget(self)
        self.weight_box.addWidget(self.display)
        self.weight_box.addWidget(self.live)
        self.live.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        heading_row = QHBoxLayout()
        heading_row.setSpacing(mm(2))
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.live.note, 1)
        column.addLayout(heading_row)
        column.addWidget(self.weight_box)
        column.addWidget(self.keypad, 1)
        column.addWidget(self.standard_button)
        column.addLayout(routes)
        self.keypad.changed.connect(self._typed)
        self.standard_button.toggled.connect(self._standard_toggled)
        self.set_category(None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def set_category(self, category: Category | None) -> None:
        """Start the weight step for `category` (None: wait for a tile to be tapped). Another
        tile keeps the weight typed: a coach who tapped the wrong tile need not type it again."""
        self.category = category
        if category is None:
            self.keypad.clear()
            self.standard_button.setChecked(False)
        self._refresh()

    def typed_text(self) -> str:
        return self.keypad.text()

    def uses_standard_weight(self) -> bool:
        return self.standard_button.isChecked()

    def weight_g(self) -> int | None:
        """Grams to take in: typed, else the scale's stable weight; None for the standard
        weight. A mistyped weight raises ValidationError."""
        if self.uses_standard_weight():
            return None
        scale = self.live.usable_grams()
        return scale if scale is not None and not self.typed_text() else parse_kg(
            self.typed_text())

    def _typed(self, text: str) -> None:
        if text and self.standard_button.isChecked():
            self.standard_button.setChecked(False)
        self._refresh()

    def _standard_toggled(self, on: bool) -> None:
        if on:
            self.keypad.clear()
        self._refresh()

    def _refresh(self) -> None:
        names = {
            Route.SALE: self.tr("Sale"), Route.REPAIR: self.tr("Repair"),
            Route.MATERIAL: self.tr("Material"),
        }
        for route, button in self.route_buttons.items():
            button.setText(names[route])
        category = self.category
        choose_first = self.tr("Choose a category first")
        enable(self.keypad, category is not None, choose_first)
        enable(self.standard_button, category is not None, choose_first)
        if category is None:
            self.heading.setText(self.tr("Weight"))  # what to do: the hint over the tiles
            self.display.setText("")
            self.standard_button.setText(self.tr("Standard weight"))
        else:
            self.heading.setText(category.name(self.language.code))
            standard = self.language.kg(category.standard_weight_g)
            self.standard_button.setText(
                self.tr("Standard weight {weight}").format(weight=standard)
            )
            if self.standard_button.isChecked():
                self.display.setText(self.language.kg(category.standard_weight_g, estimated=True))
            else:
                self.display.setText(f"{shown(self.keypad.text()) or '0'} kg")
        scale_shown = (self.live.active() and not self.keypad.text()
                       and not self.standard_button.isChecked())
        shown_box = self.live if scale_shown else self.display
        if self.weight_box.currentWidget() is not shown_box:
            # A stacked widget is as tall as its tallest page unless the others are Ignored:
            # without a scale, the gate keeps the height it had before scales.
            for page in (self.live, self.display):
                policy = (QSizePolicy.Policy.Preferred if page is shown_box
                          else QSizePolicy.Policy.Ignored)
                page.setSizePolicy(policy, policy)
            self.weight_box.setCurrentWidget(shown_box)
            self.weight_box.updateGeometry()
        ready = category is not None and (
            bool(self.keypad.text()) or self.standard_button.isChecked()
            or self.live.usable_grams() is not None
        )
        if category is None:
            self.hint.setText(self.tr("Choose what it is"))
        elif not ready:
            self.hint.setText(self.tr("Weigh it or type the weight"))
        else:
            self.hint.setText(self.tr("Where does it go?"))
        weigh_first = self.tr("Weigh it or type the weight first")
        for button in self.route_buttons.values():
            enable(button, ready, choose_first if category is None else weigh_first)


class VisitStart(QWidget):
    """Starting a visit: tap the resident's municipality, or start without one."""

    start = Signal(object)  # the municipality's name, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid = QGridLayout()
        self.grid.setSpacing(mm(3))
        self.buttons: dict[str | None, QPushButton] = {}
        self.today = QLabel(self)
        self.today.setProperty("role", "big")
        self.today.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.today.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setSpacing(mm(4))
        column.addStretch(1)
        column.addWidget(self.heading)
        column.addWidget(self.hint)
        column.addLayout(self.grid)
        column.addStretch(1)
        column.addWidget(self.today)
        column.addStretch(1)
        self._municipalities: list[str] = []

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_municipalities(self._municipalities)
        super().changeEvent(event)

    def set_municipalities(self, names: Sequence[str]) -> None:
        self._municipalities = list(names)
        for button in self.buttons.values():
            button.hide()  # at once: it is deleted only when the event loop gets to it
            button.deleteLater()
        self.buttons = {}
        self.heading.setText(self.tr("New visitor"))
        options: list[tuple[str | None, str]] = [(name, name) for name in names]
        if names:
            self.hint.setText(self.tr("Where does the resident live? Tap to start the visit."))
            options.append((None, self.tr("Unknown / not asked")))
        else:
            self.hint.setText(self.tr("Tap to start logging this resident's items."))
            options.append((None, self.tr("Start visit")))
        columns = 3 if len(options) > 4 else 2
        for index, (key, text) in enumerate(options):
            button = QPushButton(text, self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(mm(60), mm(22))
            # "Unknown" is one choice among the municipalities, not the main one: that would
            # nudge coaches not to ask. Only a station without municipalities has a main one.
            main = key is None and not names
            button.setIcon(icon("visit", "#ffffff" if main else "#1a1a1a"))
            button.setIconSize(QSize(mm(8), mm(8)))
            if main:
                button.setProperty("role", "primary")
            button.clicked.connect(lambda _=False, k=key: self.start.emit(k))
            self.buttons[key] = button
            self.grid.addWidget(button, index // columns, index % columns)
