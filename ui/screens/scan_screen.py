"""What the workshop, store and material screens share: the top bar, a banner, a card of the
scanned item, and typing a code on the keypad or finding the item ("Zoek") when a label cannot
be scanned."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from devices.settings import SCAN_CAMERA
from intake.errors import AmbachtError
from intake.model import Item, User
from ui.context import AppContext
from ui.device_messages import print_problem, waiting_labels
from ui.sounds import ERROR, sound_on
from ui.style import apart, mm
from ui.widgets.base import Banner, Retranslating
from ui.widgets.camera_panel import CameraPanel
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel
from ui.widgets.search_panel import SearchPanel
from ui.widgets.topbar import TopBar

CODE_DIGITS = 6
RIGHT_COLUMN_MM = 70  # the action buttons' column, at the least


class ScanScreen(Retranslating, QWidget):
    """Base of screens that act on scanned items; subclasses implement `handle_scan`."""

    logout_requested = Signal()
    settings_requested = Signal()
    place_requested = Signal(str)
    takes_scans = True  # False: a scan goes to the user's own work screen instead

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user: User | None = None
        self.top = TopBar(self)
        self.top.logout_clicked.connect(self.logout_requested)
        self.top.settings_clicked.connect(self.settings_requested)
        self.top.place_chosen.connect(self.place_requested)
        self.banner = Banner(self.top.texts, self)
        self.banner.error_shown.connect(lambda: self.play(ERROR))
        self.here = ""  # this screen's key ("gate", "shop"...) while a user is on it
        self.type_code_button = self.action_button(self.ask_code)
        self.search_button = self.action_button(self.ask_search)
        self.search_button.setVisible(self.takes_scans)
        self.camera_button = self.action_button(self.scan_with_camera)
        self.camera_button.hide()  # until `enter` finds a camera set up
        ctx.printer_queue.failed.connect(self._print_failed)
        self.body = QHBoxLayout()
        self.body.setSpacing(apart())
        column = QVBoxLayout(self)
        column.setContentsMargins(mm(4), mm(1.5), mm(4), mm(1.5))
        column.setSpacing(apart())
        column.addWidget(self.top)
        column.addLayout(self.body, 1)

    def action_button(self, action: Callable[[], None], role: str | None = None) -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if role:
            button.setProperty("role", role)
        button.clicked.connect(action)
        return button

    def lay_out(self, left: list[tuple[QWidget, int]], buttons: list[QPushButton]) -> None:
        """The work area: `left` (widget, stretch) in a column, the action buttons at the right
        below 'Type a code'."""
        column = QVBoxLayout()
        for widget, stretch in left:
            column.addWidget(widget, stretch)
        right = QVBoxLayout()
        right.setSpacing(apart())
        # 'Find' and the camera share a row with 'Type a code': the screens stay as tall as
        # before.
        codes = QHBoxLayout()
        codes.setSpacing(apart())
        codes.addWidget(self.type_code_button, 1)
        codes.addWidget(self.search_button, 1)
        codes.addWidget(self.camera_button, 1)
        right.addLayout(codes)
        for button in buttons:
            right.addWidget(button)
        right.addStretch(1)
        # The actions keep their whole text (and at least a quarter of the width); the card or
        # list beside them gives way.
        right.addSpacerItem(QSpacerItem(mm(RIGHT_COLUMN_MM), 0, QSizePolicy.Policy.Fixed))
        self.body.addLayout(column, 1)
        self.body.addLayout(right, 0)

    def retranslate(self) -> None:
        self.type_code_button.setText(self.tr("Type a code"))
        self.camera_button.setText(self.tr("Camera"))
        self.search_button.setText(self.tr("Find"))

    def enter(self, user: User, places: list[tuple[str, str]], here: str) -> None:
        self.user, self.here = user, here
        self.banner.hide()
        # Only where a camera is set up and scanning is what this screen does.
        self.camera_button.setVisible(
            not self.type_code_button.isHidden() and bool(self.ctx.settings().get(SCAN_CAMERA)))
        self.top.show_session(self.ctx.settings().site_name, user.name,
                              user.role.value == "coordinator")
        self.top.set_places(places, here)

    def _print_failed(self, code: str, error: str) -> None:
        if not self.isVisible():
            return
        waiting = self.ctx.printer_queue.waiting()
        if any(job.code == code for job in waiting):
            text = self.tr("{error} The label of {code} waits ('{button}').")
        else:  # a delivery note, or a label that could not even be queued
            text = self.tr("{error} Not printed ({code}); nothing is lost: print again later.")
        self.banner.error(text.format(code=code, error=error,
                                      button=waiting_labels(len(waiting))))

    def leave(self) -> None:
        self.user = None

    def play(self, sound: str) -> None:
        """Play a sound (`ui.sounds`) if this station wants sounds on this screen."""
        if self.user is not None and sound_on(self.ctx.settings(), self.here):
            self.ctx.sounds.play(sound)

    def handle_scan(self, code: str) -> None:
        """A code was scanned or typed."""
        raise NotImplementedError

    def ask_code(self) -> None:
        """Type a code: its letter (when the site has several stations), then its digits."""
        here = self.ctx.gate.station
        letters = [here, *[x for x in self.ctx.station_letters() if x != here]]
        if len(letters) == 1:
            self._ask_digits(here)
            return
        panel = ChoicePanel(self, self.tr("Item code: the letter"),
                            [(x, x) for x in letters], self.tr("Cancel"), columns=4)
        panel.chosen.connect(self._ask_digits)
        panel.open()

    def ask_search(self) -> None:
        """Find an item by digits of its code, its category and its day of intake; the one
        picked is handled as if its label was scanned."""
        panel = SearchPanel(self, self.ctx)
        panel.picked.connect(self.handle_scan)
        panel.open()

    def scan_with_camera(self) -> None:
        """Read a label with the station's camera, as if it had been scanned."""
        panel = CameraPanel(self, self.tr("Hold the label in front of the camera"),
                            self.tr("Cancel"))
        panel.code_read.connect(self.handle_scan)
        if not panel.start(self.ctx.settings().get(SCAN_CAMERA, "")):
            panel.close_panel()
            self.banner.error(self.tr("No camera found. Check its cable, or choose another "
                                      "under Settings → Devices."))
            return
        panel.open()

    def _ask_digits(self, letter: str) -> None:
        panel = KeypadPanel(self, self.tr("Item code: the digits after {letter}").format(
            letter=letter), max_digits=9)
        panel.entered.connect(lambda digits: self.handle_scan(
            f"{letter}{digits.zfill(CODE_DIGITS)}"))
        panel.open()

    def attempt(self, action: Callable[[], object], done: str | None = None) -> object | None:
        """Run a service call; show its refusal in the banner. Returns its result or None."""
        try:
            result = action()
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return None
        if done:
            self.banner.ok(done)
        return result

    def print_label(self, item: Item) -> bool:
        """Queue the item's label (with its price, when it waits in the shop); False, with the
        reason in the banner, when it could not even be queued."""
        try:
            self.ctx.printer_queue.print_item(item)
        except Exception as exc:  # noqa: BLE001 - the item is saved; say why its label is not
            self._print_failed(item.code, print_problem(exc))
            return False
        return True
