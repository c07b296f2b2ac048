"""What "fits" means for a screen: the checks tests/test_fit.py runs on every screen and panel.

A visible widget lies inside the window and inside its parent (a scrolling list's rows
excepted); an action's text fits its button whole (no clipping, no eliding); sibling buttons
do not overlap.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

ICON_GAP_PX = 4  # what QCommonStyle puts between a button's icon and its text


def problems(window: QWidget, where: str, part: QWidget | None = None) -> list[str]:
    """Every way the showing window (or only `part` of it) does not fit; each a line naming
    the widget."""
    found: list[str] = []
    widgets = [part, *part.findChildren(QWidget)] if part else window.findChildren(QWidget)
    shown = [w for w in widgets if w.isVisible() and not _scrolled(w)]
    for widget in shown:
        box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not window.rect().contains(box):
            found.append(f"{where}: {_name(widget)} at {_rect(box)} is outside the window "
                         f"{_rect(window.rect())}")
        parent = widget.parentWidget()
        if parent is not None and parent is not window and not parent.rect().contains(
                widget.geometry()):
            found.append(f"{where}: {_name(widget)} at {_rect(widget.geometry())} is cut off by "
                         f"its parent {_name(parent)} {_rect(parent.rect())}")
        if isinstance(widget, QPushButton):
            found += _text_problems(widget, where)
        if isinstance(widget, QLabel) and isinstance(widget.parentWidget(), QAbstractButton):
            found += _label_problems(widget, where)
    buttons = [w for w in shown if isinstance(w, QPushButton)]
    for index, one in enumerate(buttons):
        for other in buttons[index + 1:]:
            if one.parentWidget() is other.parentWidget() and one.geometry().intersects(
                    other.geometry()):
                found.append(f"{where}: {_name(one)} overlaps {_name(other)}")
    return found


def button_places(window: QWidget) -> dict[QPushButton, QRect]:
    """Where each visible button is in the window: to see that something moved none."""
    return {button: QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            for button in window.findChildren(QPushButton) if button.isVisible()}


def _text_problems(button: QPushButton, where: str) -> list[str]:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    metrics = button.fontMetrics()
    lines = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&").split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines)
    if not button.icon().isNull() and button.text():
        width += button.iconSize().width() + ICON_GAP_PX
    height = len(lines) * metrics.lineSpacing() if button.text() else 0
    if width > room.width() or height > room.height() + metrics.leading() + 1:
        return [f"{where}: the text of {_name(button)} needs {width}x{height} px, "
                f"its button has {room.width()}x{room.height()}"]
    return []


def _label_problems(label: QLabel, where: str) -> list[str]:
    """A label drawn on a button (a tile's name): whole, wrapped at word breaks if need be."""
    if label.pixmap() is not None and not label.pixmap().isNull():
        return []
    room = label.contentsRect()
    metrics = label.fontMetrics()
    words = label.text().split()
    widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
    needed = label.heightForWidth(room.width()) if label.wordWrap() else metrics.height()
    if widest > room.width() or needed > room.height():
        return [f"{where}: the text of {_name(label)} needs {widest} px wide and {needed} high, "
                f"it has {room.width()}x{room.height()}"]
    return []


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: what does not fit scrolls into view."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and widget is not parent.verticalScrollBar() \
                and parent.viewport().isAncestorOf(widget):
            return True
        widget, parent = parent, parent.parentWidget()
    return False


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
    return f"{type(widget).__name__}({text!r})" if text else type(widget).__name__


def _rect(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"
