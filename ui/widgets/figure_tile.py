"""A key figure on the dashboard: its value large, its name below, and its change against a
year before on a line of its own. All three are painted (`ui.widgets.painted`), each on one
line in a font that shrinks to fit the tile's width down to a floor, so "8.487 kg" never loses
its "g" in a narrow tile; `painted_texts()` reports them for tests/test_fit.py."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from ui.style import mm
from ui.widgets.painted import FLOOR_MM, Painted, draw_texts, fitting_font, font_of

VALUE_MM, VALUE_FLOOR_MM, CAPTION_MM = 6.5, 4.0, 3.6
MARGIN_MM = (2.0, 1.0)  # left and right, top and bottom


class Tile(QFrame):
    """One key figure: value, name, and change (blank when there is nothing to compare)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile-frame")
        self.value, self.name, self.change = "", "", ""
        self.peers: list[Tile] = [self]  # tiles in a row: their values share one size
        self._value_fit: tuple[tuple[float, str], int] | None = None  # (width, value) -> px
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        # The change's line is kept when blank: a period with a year before moves nothing.
        lines = (QFontMetrics(font_of(self.font(), mm(VALUE_MM), bold=True)).height()
                 + 2 * QFontMetrics(font_of(self.font(), mm(CAPTION_MM))).height())
        return QSize(mm(30), lines + 2 * mm(MARGIN_MM[1]) + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(mm(20), self.sizeHint().height())

    def show_figure(self, value: str, name: str, change: str = "") -> None:
        self.value, self.name, self.change = value, name, change
        for peer in self.peers:  # one value's size may change the row's
            peer.update()

    def _box(self) -> QRectF:
        return QRectF(self.contentsRect()).adjusted(mm(MARGIN_MM[0]), mm(MARGIN_MM[1]),
                                                    -mm(MARGIN_MM[0]), -mm(MARGIN_MM[1]))

    def _value_px(self) -> int:
        """The value's size that fits this tile alone (measured again only when the width
        or the value changes: every tile of the row asks at each repaint)."""
        key = (self._box().width(), self.value)
        if self._value_fit is None or self._value_fit[0] != key:
            self._value_fit = (key, fitting_font(
                self.font(), [self.value], key[0], 1 << 20, VALUE_MM, bold=True,
                floor_mm=VALUE_FLOOR_MM).pixelSize())
        return self._value_fit[1]

    def painted_texts(self) -> list[Painted]:
        """The value, name and change as painted, each with its box."""
        box = self._box()
        texts, y = [], box.top()
        for text, size, floor, bold in ((self.value, VALUE_MM, VALUE_FLOOR_MM, True),
                                        (self.name, CAPTION_MM, FLOOR_MM, False),
                                        (self.change, CAPTION_MM, FLOOR_MM, False)):
            line_h = QFontMetrics(font_of(self.font(), mm(size), bold)).height()
            font = fitting_font(self.font(), [text], box.width(), line_h, size, bold,
                                floor_mm=floor)
            if bold:  # the values of a row in one size, the one the longest needs
                font = font_of(self.font(), min(peer._value_px() for peer in self.peers), True)
            if text:
                texts.append(Painted(text, QRectF(box.left(), y, box.width(), line_h), font))
            y += line_h
        return texts

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the frame
        draw_texts(QPainter(self), self.painted_texts())
