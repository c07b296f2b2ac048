"""The SVG pictograms in `ui/icons`, as QIcons in a chosen colour."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "icons"
DRAWN_COLOUR = "#1a1a1a"  # the stroke colour the icon files are drawn in


@cache
def icon(name: str, colour: str = DRAWN_COLOUR, size: int = 128) -> QIcon:
    """The icon `name` (file stem) drawn in `colour`; an empty icon when there is none."""
    path = ICON_DIR / f"{name}.svg"
    if not path.exists():
        return QIcon()
    svg = path.read_text(encoding="utf-8").replace(DRAWN_COLOUR, colour)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return QIcon(QPixmap.fromImage(image))


OK, PENDING, BAD = "ok", "pending", "bad"  # a status part's states, each its own badge


@cache
def badged(name: str, colour: str, state: str, size: int = 128) -> QIcon:
    """The icon `name` in `colour` with a state badge at its lower right, told by its shape
    and not only its colour: a tick when all is well (OK), three dots while it is not known
    yet (PENDING: no backup yet, still connecting), an exclamation mark when not (BAD)."""
    image = icon(name, colour, size).pixmap(size, size).toImage()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    radius = size * 0.22
    centre = QPointF(size - radius - 1, size - radius - 1)
    painter.setPen(QPen(QColor("#ffffff"), size * 0.05))
    painter.setBrush(QColor(colour))
    painter.drawEllipse(centre, radius, radius)
    mark = QPen(QColor("#ffffff"), size * 0.06, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin)
    painter.setPen(mark)
    x, y, r = centre.x(), centre.y(), radius
    if state == BAD:
        painter.drawLine(QPointF(x, y - r * 0.55), QPointF(x, y + r * 0.1))
        painter.drawPoint(QPointF(x, y + r * 0.5))
    elif state == PENDING:
        for dx in (-0.5, 0.0, 0.5):
            painter.drawPoint(QPointF(x + r * dx, y))
    else:
        painter.drawPolyline([QPointF(x - r * 0.5, y), QPointF(x - r * 0.1, y + r * 0.4),
                              QPointF(x + r * 0.55, y - r * 0.4)])
    painter.end()
    return QIcon(QPixmap.fromImage(image))
