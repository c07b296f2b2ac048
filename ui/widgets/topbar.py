"""The bar over the work screens: where you are, who you are, where else to go, the way out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ui.style import BUTTON_MM, apart, mm
from ui.widgets.base import MESSAGE_MM, Retranslating
from ui.widgets.demo_badge import DemoBadge
from ui.widgets.icons import icon
from ui.widgets.painted import Painted
from ui.widgets.panels import ChoicePanel


class WholeLabel(QLabel):
    """A one-line label that gives up width gracefully: where its whole text does not fit it
    shows nothing, never a cut or elided word ("Va…" reads as nothing and looks broken)."""

    def minimumSizeHint(self) -> QSize:
        return QSize(mm(10), super().minimumSizeHint().height())

    def painted_texts(self) -> list[Painted]:
        """Its text in its room when it fits whole; nothing otherwise (tests/fit_check.py)."""
        room = QRectF(self.contentsRect())
        piece = Painted(self.text(), room, self.font(), int(self.alignment()))
        return [piece] if self.text() and piece.needed().width() <= room.width() else []

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        for piece in self.painted_texts():
            painter.setFont(piece.font)
            painter.drawText(piece.rect, piece.flags, piece.text)


class TopBar(Retranslating, QWidget):
    """Title, a line of figures, the screen's own actions, the user's name, and Settings /
    Log out buttons.

    When the screen's actions do not all fit with their whole text (a small panel, a camera
    set up, a demo's badge, a longer translation), they fold into one button (`fold_button`,
    named by the screen) that offers them as a choice: every action stays one tap away and
    no text is cut, whatever the panel and the language. Where even that is too wide (a
    coordinator's bar on a 10-inch panel), Settings and Log out show their icon alone, their
    words kept as the button's accessible name and tooltip: the bar never asks for more
    width than the screen has, so the window never grows past it."""

    settings_clicked = Signal()
    logout_clicked = Signal()
    place_chosen = Signal(str)  # the key of another screen the user may go to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(apart())  # the screen's actions are a layout of their own
        # The site and the figures: the screen's banner covers them while it shows.
        self.texts = QWidget(self)
        # A place of its own for the banner: the screen's actions fold before it narrows.
        self.texts.setMinimumWidth(mm(MESSAGE_MM))
        texts = QHBoxLayout(self.texts)
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(mm(4))
        self.title = WholeLabel(self.texts)
        self.title.setProperty("role", "title")
        self.figures = WholeLabel(self.texts)
        # Who is logged in reads whole: the screen's actions fold before the name is cut.
        self.user_label = QLabel(self)
        self.settings_button = QPushButton(self)
        self.logout_button = QPushButton(self)
        for button, name in ((self.settings_button, "settings"), (self.logout_button, "logout")):
            button.setIcon(icon(name))
            button.setIconSize(QSize(mm(7), mm(7)))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.settings_button.clicked.connect(self.settings_clicked)
        self.logout_button.clicked.connect(self.logout_clicked)
        self._iconic = (self.settings_button, self.logout_button)
        self.compact = False
        self._probe = QPushButton(self)  # never shown: measures a button's width
        self._probe.hide()
        # The site name gives way first, then the figures: each shows whole or not at all.
        # In the texts, so that a banner covers it too and has their whole width.
        self.demo_badge = DemoBadge(False, self.texts, with_pins=False)
        texts.addWidget(self.demo_badge)
        texts.addWidget(self.title, 1)
        texts.addWidget(self.figures)
        row.addWidget(self.texts, 1)
        # The screen's actions, in a box of their own so that they fold as one; each keeps
        # the visibility its screen gives it.
        self.actions: list[QPushButton] = []
        self.actions_box = QWidget(self)
        actions = QHBoxLayout(self.actions_box)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(mm(4))
        row.addWidget(self.actions_box)
        self.actions_box.installEventFilter(self)
        self.fold_button = QPushButton(self)
        self.fold_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fold_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.fold_button.clicked.connect(self._choose_action)
        self.fold_button.hide()
        row.addWidget(self.fold_button)
        # The fold's name, asked at each retranslation: the screen knows what its actions do.
        self.fold_name: Callable[[], str] = lambda: self.tr("More…")
        self._places: list[tuple[str, str]] = []  # the user's screens, in the bar's order
        self._here = ""  # the key of the screen this bar is on
        self.place_button = QPushButton(self)
        self.place_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.place_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.place_button.clicked.connect(self._choose_place)
        self.place_button.hide()
        row.addWidget(self.place_button)
        row.addWidget(self.user_label)
        row.addWidget(self.settings_button)
        row.addWidget(self.logout_button)
        self.retranslate()

    def add_action(self, button: QPushButton) -> None:
        """A screen's own button in the bar, after the figures (the gate's 'Type a code')."""
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        button.setParent(self.actions_box)
        self.actions_box.layout().addWidget(button)
        self.actions.append(button)

    def event(self, event: QEvent) -> bool:
        # A child shown, hidden or renamed asks for a new layout: fold or unfold first.
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_actions()
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An action shown, hidden or renamed: lay the bar out now, not a round of events
        # later, so that no action is ever drawn squeezed below its text.
        if watched is self.actions_box and event.type() == QEvent.Type.LayoutRequest:
            self._fit_actions(relayout=True)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_actions(relayout=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_actions(relayout=True)

    def _fit_actions(self, *, relayout: bool = False) -> None:
        """Fold the actions into `fold_button` when the bar is too narrow for them all with
        their whole text, show Settings and Log out as icons when it is still too narrow, and
        undo each when it is wide enough."""
        wanted = [button for button in self.actions if not button.isHidden()]
        iconic = [button for button in self._iconic if not button.isHidden()]
        row = self.layout()
        spacing = row.spacing()
        # As laid out now, less the actions (or their fold) and the iconic buttons.
        base = row.minimumSize().width()
        for part in (self.actions_box, self.fold_button, *iconic):
            if not part.isHidden():
                base -= max(part.minimumSizeHint().width(), part.minimumWidth()) + spacing
        base += len(iconic) * spacing
        actions = self.actions_box.layout().minimumSize().width() + spacing if wanted else 0
        folded = self._width(self.fold_button, self.fold_name()) + spacing
        worded = sum(self._width(button, button.property("words")) for button in iconic)
        fold = bool(wanted) and base + actions + worded > self.width()
        compact = base + (folded if fold else actions) + worded > self.width()
        changed = fold != self.actions_box.isHidden() or compact != self.compact
        if changed:
            self.fold_button.setText(self.fold_name())
            self.actions_box.setHidden(fold)
            self.fold_button.setVisible(fold)
            self.compact = compact
            self._show_words()
        if (changed or relayout) and self.isVisible():
            # Laid out now: a change made while Qt lays the bar out would wait for the next
            # event, and an action would be drawn squeezed below its text meanwhile.
            row.invalidate()
            row.activate()

    def _width(self, button: QPushButton, words: str) -> int:
        """The least width `button` takes showing `words` (measured on a hidden twin, so
        that the bar is not asked to lay itself out again)."""
        self._probe.setIcon(button.icon())
        self._probe.setIconSize(button.iconSize())
        self._probe.setText(words)
        return self._probe.minimumSizeHint().width()

    def _show_words(self) -> None:
        """Settings and Log out with their words, or (compact) their icon alone; the words
        stay their accessible name and tooltip."""
        for button in self._iconic:
            words = button.property("words")
            button.setText("" if self.compact else words)
            button.setMinimumWidth(mm(BUTTON_MM) if self.compact else 0)  # square, a target
            button.setToolTip(words)
            button.setAccessibleName(words)

    def _choose_action(self) -> None:
        wanted = [button for button in self.actions if not button.isHidden()]
        panel = ChoicePanel(self, self.fold_button.text(),
                            [(str(index), button.text()) for index, button in enumerate(wanted)],
                            self.tr("Cancel"))
        panel.chosen.connect(lambda key: wanted[int(key)].click())
        panel.open()

    def show_session(self, site: str, who: str, may_configure: bool) -> None:
        """Name the site and who is logged in; show Settings only to who may use it."""
        self.title.setText(site)
        self.user_label.setText(who)
        self.settings_button.setVisible(may_configure)

    def set_places(self, places: list[tuple[str, str]], current: str) -> None:
        """One button to the user's other screens: it names the other one when there are two,
        and opens a choice when there are more. Hidden when the user has one screen."""
        self._places, self._here = list(places), current
        others = [(key, text) for key, text in places if key != current]
        self.place_button.setVisible(bool(others))
        if len(others) == 1:
            self.place_button.setText(others[0][1])
        else:
            self.place_button.setText(self.tr("Other screen"))

    def _choose_place(self) -> None:
        others = [key for key, _ in self._places if key != self._here]
        if len(others) == 1:
            self.place_chosen.emit(others[0])
            return
        # Every screen, this one marked: each keeps its place in the grid on every screen,
        # so the same tap always goes to the same screen.
        panel = ChoicePanel(self, self.tr("Go to"), self._places, self.tr("Cancel"),
                            current=self._here)
        panel.chosen.connect(self._go)
        panel.open()

    def _go(self, key: str) -> None:
        if key != self._here:  # the screen showing: nothing to do
            self.place_chosen.emit(key)

    def retranslate(self) -> None:
        self.fold_button.setText(self.fold_name())
        self.settings_button.setProperty("words", self.tr("Settings"))
        self.logout_button.setProperty("words", self.tr("Log out"))
        self._show_words()

