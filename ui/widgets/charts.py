"""Charts drawn with QPainter: large, high-contrast and legible at arm's length.

Three kinds cover the dashboard: grouped vertical bars over time (`BarChart`), labelled
horizontal bars (`HBarChart`, for the R-ladder and categories), and progress to targets
(`HBarChart` with a target per bar). Texts come in ready-translated and formatted.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.style import INK, mm

GRID = QColor("#c8c8c8")


@dataclass(frozen=True)
class Series:
    """One row of values, its name for the legend and its colour."""

    name: str
    values: list[float]
    colour: str


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(mm(45))

    def _font(self, painter: QPainter, size_mm: float, bold: bool = False) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(9, mm(size_mm)))
        font.setBold(bold)
        painter.setFont(font)

    def _title(self, painter: QPainter) -> float:
        """Draw the title; returns the y below it."""
        self._font(painter, 4.2, bold=True)
        painter.setPen(QColor(INK))
        height = painter.fontMetrics().height()
        painter.drawText(QRectF(0, 0, self.width(), height), Qt.AlignmentFlag.AlignLeft,
                         self.title)
        return height + mm(1.5)


class BarChart(_Chart):
    """Grouped vertical bars per period (weeks), with a legend and a value axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.format_value = lambda value: f"{value:,.0f}"

    def set_data(self, title: str, labels: list[str], series: list[Series]) -> None:
        self.title, self.labels, self.series = title, labels, series
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self._title(painter)
        self._font(painter, 3.2)
        metrics = painter.fontMetrics()
        legend_h = metrics.height() + mm(1)
        x = 0.0
        for series in self.series:  # legend: a square and the name
            painter.fillRect(QRectF(x, top + mm(0.8), mm(3), mm(3)), QColor(series.colour))
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(x + mm(4), top, self.width(), legend_h),
                             Qt.AlignmentFlag.AlignLeft, series.name)
            x += mm(8) + metrics.horizontalAdvance(series.name)
        top += legend_h + mm(1)
        count = max((len(s.values) for s in self.series), default=0)
        peak = max((v for s in self.series for v in s.values), default=0.0) or 1.0
        axis_w = metrics.horizontalAdvance(self.format_value(peak)) + mm(2)
        bottom = self.height() - metrics.height() - mm(1)
        plot = QRectF(axis_w, top, self.width() - axis_w, bottom - top)
        painter.setPen(QPen(GRID, 1))
        for step in range(5):  # four gridlines and the base line, labelled
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(0, y - metrics.height() / 2, axis_w - mm(1),
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignRight, self.format_value(peak * step / 4))
        if not count:
            return
        slot = plot.width() / count
        bar = max(1.0, slot * 0.8 / max(1, len(self.series)))
        every = max(1, int(count / max(1, plot.width() / (metrics.horizontalAdvance("00-00")
                                                            + mm(3)))) + 1)
        for index in range(count):
            left = plot.left() + index * slot + slot * 0.1
            for n, series in enumerate(self.series):
                value = series.values[index] if index < len(series.values) else 0.0
                height = plot.height() * value / peak
                painter.fillRect(QRectF(left + n * bar, plot.bottom() - height, bar, height),
                                 QColor(series.colour))
            if index % every == 0 and index < len(self.labels):
                painter.setPen(QColor(INK))
                painter.drawText(QRectF(plot.left() + index * slot, bottom, slot * every,
                                        metrics.height()),
                                 Qt.AlignmentFlag.AlignLeft, self.labels[index])


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: its label, value, the text shown with it, colour, and an optional
    target (drawn as a line; the bar is then scaled to the target)."""

    label: str
    value: float
    text: str
    colour: str
    target: float | None = None
    scale: float | None = None  # the value a full-width bar stands for; default: the largest


class HBarChart(_Chart):
    """Labelled horizontal bars, scaled to the largest value (or target), or each to its own
    `scale` when bars of different units share a chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.empty_text = ""

    def set_data(self, title: str, bars: list[Bar], empty_text: str = "") -> None:
        self.title, self.bars, self.empty_text = title, bars, empty_text
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self._title(painter)
        self._font(painter, 3.4)
        metrics = painter.fontMetrics()
        if not self.bars:
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(0, top, self.width(), self.height() - top),
                             Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
            return
        label_w = min(self.width() * 0.4,
                      max(metrics.horizontalAdvance(b.label) for b in self.bars) + mm(2))
        text_w = max(metrics.horizontalAdvance(b.text) for b in self.bars) + mm(2)
        largest = max(max(b.value, b.target or 0) for b in self.bars) or 1.0
        row = (self.height() - top) / len(self.bars)
        width = self.width() - label_w - text_w
        for index, bar in enumerate(self.bars):
            scale = bar.scale or largest
            y = top + index * row
            height = min(row * 0.7, mm(9))
            painter.setPen(QColor(INK))
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                       int(label_w - mm(1)))
            painter.drawText(QRectF(0, y, label_w - mm(1), row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            # A net return can make a rung negative: no bar then, its text says how much.
            length = width * max(0.0, min(bar.value, scale)) / scale
            painter.fillRect(QRectF(label_w, y + (row - height) / 2, length, height),
                             QColor(bar.colour))
            end = length
            if bar.target:
                mark = width * min(bar.target, scale) / scale
                end = max(end, mark)
                painter.setPen(QPen(QColor(INK), mm(0.6)))
                painter.drawLine(int(label_w + mark), int(y + (row - height) / 2 - mm(1)),
                                 int(label_w + mark), int(y + (row + height) / 2 + mm(1)))
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(label_w + end + mm(1), y, text_w, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             bar.text)
