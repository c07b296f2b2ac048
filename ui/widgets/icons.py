"""The SVG pictograms in `ui/icons`, as QIcons in a chosen colour."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
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
