"""Text painted with QPainter that is known to fit (issue 15).

A widget that paints text (the dashboard's charts and figure tiles) first lays it out as
`Painted` pieces: each text, the box it gets and its font. The same pieces are drawn by
`draw_texts` and reported by the widget's `painted_texts()`, so tests/test_fit.py checks the
very texts on screen. Fonts shrink to fit, down to a floor that still reads at arm's length;
below it a widget wraps or lays out differently, never cuts or elides.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from ui.style import INK, mm

FLOOR_MM = 2.8  # the smallest painted text: about 8 pt at 96 dpi, still read at arm's length
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WRAP = Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class Painted:
    """One text as painted: the text, its box in the widget, its font and alignment flags."""

    text: str
    rect: QRectF
    font: QFont
    flags: int = int(LEFT)

    def needed(self) -> QRect:
        """The room the text takes at its font, wrapped at the box's width if it wraps."""
        return needed(self.font, self.text, self.rect.width(), self.flags)

    def fits(self, within: QRectF) -> bool:
        """Whole inside its box, and the box inside `within` (the widget)."""
        room = self.needed()
        inside = within.adjusted(-0.5, -0.5, 0.5, 0.5).contains(self.rect)
        return inside and room.width() <= self.rect.width() + 0.5 and \
            room.height() <= self.rect.height() + 0.5


def font_of(base: QFont, px: int, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(6, px))
    font.setBold(bold)
    return font


def needed(font: QFont, text: str, width: float, flags: int = int(LEFT)) -> QRect:
    """The room `text` takes at `font`; with WRAP in `flags`, wrapped at `width` (a word
    wider than that still counts whole, so it shows as not fitting)."""
    metrics = QFontMetrics(font)
    if not int(flags) & int(WRAP):
        return QRect(0, 0, metrics.horizontalAdvance(text), metrics.height())
    return metrics.boundingRect(QRect(0, 0, max(1, int(width)), 1 << 20), int(flags), text)


def sizes(size_mm: float, floor_mm: float = FLOOR_MM) -> list[int]:
    """Pixel sizes from `size_mm` down to the floor, largest first."""
    top, bottom = mm(size_mm), min(mm(size_mm), mm(floor_mm))
    return list(range(top, bottom - 1, -1)) or [top]


def fitting_font(base: QFont, texts: list[str], width: float, height: float, size_mm: float,
                 bold: bool = False, wrap: bool = False, floor_mm: float = FLOOR_MM) -> QFont:
    """The largest font from `size_mm` down to the floor at which every text fits a box of
    `width` x `height` (wrapped at word breaks if `wrap`); the floor's if none does."""
    flags = int(LEFT | WRAP) if wrap else int(LEFT)
    font = base
    for px in sizes(size_mm, floor_mm):
        font = font_of(base, px, bold)
        if all((room := needed(font, text, width, flags)).width() <= width
               and room.height() <= height for text in texts):
            return font
    return font


def draw_texts(painter: QPainter, texts: list[Painted], colour: str = INK) -> None:
    """Paint the laid-out texts."""
    painter.setPen(QColor(colour))
    for piece in texts:
        painter.setFont(piece.font)
        painter.drawText(piece.rect, piece.flags, piece.text)
