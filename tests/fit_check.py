"""What "fits" means for a screen: the checks tests/test_fit.py runs on every screen and panel.

A visible widget lies inside the window and inside its parent (a scrolling list's rows
excepted); an action's text fits its button whole (no clipping, no eliding); a text painted by
a widget (a chart's label, a figure tile's value: what its `painted_texts()` reports) fits its
box whole, inside the widget; sibling buttons do not overlap; a button is a fingertip's size;
neighbours that do different things are 4 mm apart (`_distinct`).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLayout,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from ui.style import SIDE_PADDING_MM, mm
from ui.widgets.base import FloatsOver

ICON_GAP_PX = 4  # what QCommonStyle puts between a button's icon and its text
NEIGHBOUR_MM = 4.0  # between buttons that do different things
BORDER_PX = 3  # a button's border (ui/style.py)
# Keys and tiles: a short text centred in a square, not a row of words.
PADDED_OTHERWISE = {"key", "key-text", "tile"}


def problems(window: QWidget, where: str, part: QWidget | None = None, *,
             px_per_mm: float, least_mm: float) -> list[str]:
    """Every way the showing window (or only `part` of it) does not fit; each a line naming
    the widget. `px_per_mm` is the panel's real density; every button is `least_mm` high and
    wide at the least, and buttons of different rows or columns are 4 mm apart."""
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
            found += _size_problems(widget, where, px_per_mm, least_mm)
        if isinstance(widget, QLabel) and isinstance(widget.parentWidget(), QAbstractButton):
            found += _label_problems(widget, where)
        if callable(getattr(widget, "painted_texts", None)):
            found += _painted_problems(widget, where)
        elif isinstance(widget, QLabel) and not isinstance(widget.parentWidget(),
                                                           QAbstractButton):
            found += _cut_text(widget, where)
    floating = [w for w in shown if isinstance(w, FloatsOver)]
    buttons = [w for w in shown if isinstance(w, QPushButton) and not _covered(w, floating)]
    for index, one in enumerate(buttons):
        for other in buttons[index + 1:]:
            if one.parentWidget() is other.parentWidget() and one.geometry().intersects(
                    other.geometry()):
                found.append(f"{where}: {_name(one)} overlaps {_name(other)}")
            elif _distinct(one, other) and (
                    gap := _gap(window, one, other)) < NEIGHBOUR_MM * px_per_mm - 1:
                found.append(f"{where}: {_name(one)} and {_name(other)} are "
                             f"{gap / px_per_mm:.1f} mm apart")
    return found


def _covered(widget: QWidget, floating: list[QWidget]) -> bool:
    """Under a card or banner laid over it (the gate's keypad under the saved item's card):
    out of reach until that goes."""
    box = QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())
    return any(cover is not widget and not cover.isAncestorOf(widget)
               and QRect(cover.mapTo(cover.window(), QPoint(0, 0)), cover.size()).contains(box)
               for cover in floating)


def _layout_of(button: QPushButton) -> QLayout | None:
    """The row, column or grid that holds the button: its alternatives (keys, tiles, routes,
    a question's options) share it; buttons of other layouts do other things."""
    parent = button.parentWidget()
    layouts = [parent.layout()] if parent is not None and parent.layout() else []
    while layouts:
        layout = layouts.pop()
        if layout.indexOf(button) >= 0:
            return layout
        layouts += [layout.itemAt(i).layout() for i in range(layout.count())
                    if layout.itemAt(i).layout() is not None]
    return None


def _distinct(one: QPushButton, other: QPushButton) -> bool:
    """Do the two buttons do different things? Buttons of different layouts do. In one layout
    they are alternatives (keys, tiles, a question's options), unless the layout is a row of
    separate actions (its property `distinct`, e.g. the dashboard's period and export row) and
    they are not one button group's, or one of them ends or overwrites something (its property
    `ends`: "Nulmeting"), which must never sit close to a neighbour."""
    layout = _layout_of(one)
    if layout is not _layout_of(other):
        return True
    if one.property("ends") or other.property("ends"):
        return True
    grouped = one.group() is not None and one.group() is other.group()
    return bool(layout is not None and layout.property("distinct")) and not grouped


def _gap(window: QWidget, one: QWidget, other: QWidget) -> float:
    """The shortest distance between two widgets' edges, in pixels (0 when they touch)."""
    a = QRect(one.mapTo(window, QPoint(0, 0)), one.size())
    b = QRect(other.mapTo(window, QPoint(0, 0)), other.size())
    dx = max(0, max(a.left(), b.left()) - min(a.right(), b.right()) - 1)
    dy = max(0, max(a.top(), b.top()) - min(a.bottom(), b.bottom()) - 1)
    return float((dx * dx + dy * dy) ** 0.5)


def _size_problems(button: QPushButton, where: str, px_per_mm: float, least_mm: float
                   ) -> list[str]:
    height, width = button.height() / px_per_mm, button.width() / px_per_mm
    # Whole pixels as mm() rounds them: 0.3 mm let a 63 px target pass for 11 mm at 150 dpi.
    if min(button.height(), button.width()) < round(least_mm * px_per_mm):
        return [f"{where}: {_name(button)} is {width:.1f} x {height:.1f} mm, under "
                f"{least_mm:.1f} mm"]
    return []


def button_places(window: QWidget) -> dict[QPushButton, QRect]:
    """Where each visible button is in the window: to see that something moved none."""
    return {button: QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            for button in window.findChildren(QPushButton) if button.isVisible()}


def _text_problems(button: QPushButton, where: str) -> list[str]:
    """The text whole, with `SIDE_PADDING_MM` free on either side: a text that touches the
    border reads as cut off."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    metrics = button.fontMetrics()
    lines = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&").split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines)
    if not button.icon().isNull() and button.text():
        width += button.iconSize().width() + ICON_GAP_PX
    height = len(lines) * metrics.lineSpacing() if button.text() else 0
    # From the text to the border on either side, the border not counted.
    # A checked button's border is 2 px thicker, taken from its padding (ui/style.py).
    free = (button.width() - width) // 2 - BORDER_PX - (2 if button.isChecked() else 0)
    least = mm(SIDE_PADDING_MM) - (2 if button.isChecked() else 0)
    if free < least - 1 and button.property("role") not in PADDED_OTHERWISE:
        return [f"{where}: the text of {_name(button)} is {free} px from its border, under "
                f"{SIDE_PADDING_MM} mm"]
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


def _cut_text(label: QLabel, where: str) -> list[str]:
    """A label's text whole: one line that fits its width (not elided to "…", not clipped at
    its sides), or wrapped lines that fit its height."""
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(),
                                         -label.margin())
    if label.wordWrap() or Qt.mightBeRichText(label.text()):
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return [f"{where}: the wrapped text of {_name(label)} needs {needed} px high, it "
                    f"has {label.height()}"]
        return []
    metrics = label.fontMetrics()
    width = max(metrics.horizontalAdvance(line) for line in label.text().split("\n"))
    if width > room.width():
        return [f"{where}: the text of {_name(label)} needs {width} px wide, it has "
                f"{room.width()}: cut or elided"]
    return []


def _painted_problems(widget: QWidget, where: str) -> list[str]:
    """Each text the widget paints whole in its box, and its box inside the widget."""
    return [f"{where}: {_name(widget)} paints {piece.text!r} in {_rectf(piece.rect)}, it needs "
            f"{piece.needed().width()}x{piece.needed().height()} px"
            for piece in widget.painted_texts() if not piece.fits(QRectF(widget.rect()))]


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


def _rectf(rect: QRectF) -> str:
    return _rect(rect.toAlignedRect())


def _rect(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"
