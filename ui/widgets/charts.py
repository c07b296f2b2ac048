"""Charts drawn with QPainter: large, high-contrast and legible at arm's length.

Three kinds cover the dashboard: grouped vertical bars over time (`BarChart`), labelled
horizontal bars (`HBarChart`, for the R-ladder and categories; bars in a row with the same
label share it, told apart by colour and a legend), and progress to targets (`HBarChart` with
a target per bar). Texts come in ready-translated and formatted. Each chart lays itself out
as a `Drawing` first, which it paints and whose texts `painted_texts()` reports
(`ui.widgets.painted`): every text fits its box, shrinking to a floor or wrapping, never cut.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.style import INK, mm
from ui.widgets.painted import (
    LEFT,
    RIGHT,
    WRAP,
    Painted,
    draw_texts,
    fitting_font,
    font_of,
    needed,
    sizes,
)

GRID = "#c8c8c8"
TITLE_MM, BODY_MM = 4.2, 3.4


@dataclass(frozen=True)
class Series:
    """One row of values, its name for the legend and its colour."""

    name: str
    values: list[float]
    colour: str


@dataclass
class Drawing:
    """What a chart paints: filled boxes, lines (with colour and width) and texts."""

    boxes: list[tuple[QRectF, str]] = field(default_factory=list)
    lines: list[tuple[QLineF, str, float]] = field(default_factory=list)
    texts: list[Painted] = field(default_factory=list)


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self._laid_out: tuple[QSize, Drawing] | None = None  # the last layout and its size
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(mm(45))

    def lay_out(self) -> Drawing:
        """The chart laid out at its present size."""
        raise NotImplementedError

    def drawing(self) -> Drawing:
        """The layout, made again only after new data or a new size: fitting fonts measures
        every text at several sizes, too much for every repaint."""
        if self._laid_out is None or self._laid_out[0] != self.size():
            self._laid_out = (self.size(), self.lay_out())
        return self._laid_out[1]

    def _new_data(self) -> None:
        self._laid_out = None
        self.update()

    def painted_texts(self) -> list[Painted]:
        """Every text the chart paints, with its box: what tests/test_fit.py checks."""
        return self.drawing().texts

    def paintEvent(self, _event: QPaintEvent) -> None:
        drawing = self.drawing()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for rect, colour in drawing.boxes:
            painter.fillRect(rect, QColor(colour))
        for line, colour, width in drawing.lines:
            painter.setPen(QPen(QColor(colour), width))
            painter.drawLine(line)
        draw_texts(painter, drawing.texts)

    def _title(self, drawing: Drawing) -> float:
        """Lay out the title, on one line if a font down to the floor allows, else wrapped;
        returns the y below it."""
        if not self.title:
            return 0.0
        width = self.width()
        font = fitting_font(self.font(), [self.title], width, 1 << 20, TITLE_MM, bold=True)
        flags = int(LEFT)
        if needed(font, self.title, width).width() > width:
            flags = int(LEFT | WRAP)
        height = needed(font, self.title, width, flags).height()
        drawing.texts.append(Painted(self.title, QRectF(0, 0, width, height), font, flags))
        return height + mm(1.5)

    def _legend(self, drawing: Drawing, entries: list[tuple[str, str]], top: float,
                font: QFont) -> float:
        """A coloured square and a name per entry, on as many lines as the width needs;
        returns the y below it."""
        metrics = QFontMetrics(font)
        line_h = metrics.height()
        x, y = 0.0, top
        for name, colour in entries:
            room = mm(4) + metrics.horizontalAdvance(name)
            if x and x + room > self.width():
                x, y = 0.0, y + line_h + mm(0.5)
            square = min(mm(3), line_h)
            drawing.boxes.append((QRectF(x, y + (line_h - square) / 2, square, square),
                                  colour))
            drawing.texts.append(Painted(name, QRectF(x + mm(4), y, room - mm(4), line_h),
                                         font))
            x += room + mm(4)
        return y + line_h + mm(1)


class BarChart(_Chart):
    """Grouped vertical bars per period (weeks), with a legend and a value axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.format_value = lambda value: f"{value:,.0f}"

    def set_data(self, title: str, labels: list[str], series: list[Series]) -> None:
        self.title, self.labels, self.series = title, labels, series
        self._new_data()

    def lay_out(self) -> Drawing:
        drawing = Drawing()
        top = self._title(drawing)
        font = font_of(self.font(), mm(3.2))
        metrics = QFontMetrics(font)
        top = self._legend(drawing, [(s.name, s.colour) for s in self.series], top, font)
        count = max((len(s.values) for s in self.series), default=0)
        step = axis_step(max((v for s in self.series for v in s.values), default=0.0))
        peak = step * 4  # the axis's top: bars are scaled to it
        ticks = [self.format_value(step * n) for n in range(5)]
        axis_w = max(metrics.horizontalAdvance(tick) for tick in ticks) + mm(2)
        line_h = metrics.height()
        bottom = self.height() - line_h - mm(1)
        plot = QRectF(axis_w, top + line_h / 2, self.width() - axis_w, bottom - top - line_h / 2)
        for step, tick in enumerate(ticks):  # four gridlines and the base line, labelled
            y = plot.bottom() - plot.height() * step / 4
            drawing.lines.append((QLineF(plot.left(), y, plot.right(), y), GRID, 1.0))
            drawing.texts.append(Painted(tick, QRectF(0, y - line_h / 2, axis_w - mm(1), line_h),
                                         font, int(RIGHT)))
        if not count:
            return drawing
        slot = plot.width() / count
        bar = max(1.0, slot * 0.8 / max(1, len(self.series)))
        widest = max((metrics.horizontalAdvance(label) for label in self.labels), default=0)
        every = max(1, math.ceil((widest + mm(1.5)) / slot))  # a label per so many bars
        for index in range(count):
            left = plot.left() + index * slot + slot * 0.1
            for n, series in enumerate(self.series):
                value = series.values[index] if index < len(series.values) else 0.0
                height = plot.height() * value / peak
                drawing.boxes.append((QRectF(left + n * bar, plot.bottom() - height, bar,
                                             height), series.colour))
            x = plot.left() + index * slot
            room = min(slot * every, self.width() - x)
            if index % every == 0 and index < len(self.labels) and \
                    metrics.horizontalAdvance(self.labels[index]) <= room:
                drawing.texts.append(Painted(self.labels[index],
                                             QRectF(x, bottom, room, line_h), font))
        return drawing


def axis_step(peak: float) -> float:
    """The step between an axis's five labels: the least round number (1, 1.5, 2, 2.5, 3, 4, 5,
    6 or 8 times a power of ten; whole, as the labels are) whose four steps reach `peak`.
    Not peak/4: an axis reading 0, 573, 1.147, 1.720, 2.293 or, with no data, 0, 0, 1, 1, 1
    is read wrong at a glance."""
    wanted = max(peak / 4, 1.0)
    power = 10.0 ** math.floor(math.log10(wanted))
    return next(step for step in (m * power for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10))
                if step >= wanted * (1 - 1e-9) and step == round(step))


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
    `scale` when bars of different units share a chart. Bars in a row with the same label
    form a group under one label; a legend then names their colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.empty_text = ""
        self.legend: list[tuple[str, str]] = []

    def set_data(self, title: str, bars: list[Bar], empty_text: str = "",
                 legend: list[tuple[str, str]] | None = None) -> None:
        self.title, self.bars, self.empty_text = title, bars, empty_text
        self.legend = legend or []
        self._new_data()

    def groups(self) -> list[list[Bar]]:
        """The bars in runs of the same label."""
        runs: list[list[Bar]] = []
        for bar in self.bars:
            if runs and runs[-1][0].label == bar.label:
                runs[-1].append(bar)
            else:
                runs.append([bar])
        return runs

    def lay_out(self) -> Drawing:
        drawing = Drawing()
        top = self._title(drawing)
        width, height = self.width(), self.height()
        if self.legend:
            top = self._legend(drawing, self.legend, top, font_of(self.font(), mm(BODY_MM)))
        if not self.bars:
            font = fitting_font(self.font(), [self.empty_text], width, height - top, BODY_MM,
                                wrap=True)
            drawing.texts.append(Painted(self.empty_text, QRectF(0, top, width, height - top),
                                         font, int(LEFT | WRAP)))
            return drawing
        row = (height - top) / len(self.bars)
        font, label_w, text_w = self._fit(row)
        largest = max(max(b.value, b.target or 0) for b in self.bars) or 1.0
        room = width - label_w - text_w
        y = top
        for group in self.groups():
            drawing.texts.append(Painted(group[0].label,
                                         QRectF(0, y, label_w - mm(1), row * len(group)),
                                         font, int(RIGHT | WRAP)))
            for bar in group:
                self._bar(drawing, bar, bar.scale or largest, QRectF(label_w, y, room, row),
                          font, text_w)
                y += row
        return drawing

    def _fit(self, row: float) -> tuple[QFont, float, float]:
        """The largest body font down to the floor at which every label fits its group's
        rows (wrapped, in at most 45 % of the width) and every value text its row; with the
        label column's and the value column's widths."""
        width = self.width()
        groups = self.groups()
        result: tuple[QFont, float, float] | None = None
        for px in sizes(BODY_MM):
            font = font_of(self.font(), px)
            metrics = QFontMetrics(font)
            text_w = max(metrics.horizontalAdvance(b.text) for b in self.bars) + mm(2)
            label_w = min(width * 0.45, max(metrics.horizontalAdvance(g[0].label)
                                             for g in groups) + mm(2))
            result = (font, label_w, text_w)
            labels_fit = all(
                (room := needed(font, g[0].label, label_w - mm(1), RIGHT | WRAP)).width()
                <= label_w - mm(1) and room.height() <= row * len(g) for g in groups)
            if labels_fit and metrics.height() <= row and width - label_w - text_w >= width * 0.15:
                break
        assert result is not None
        return result

    def _bar(self, drawing: Drawing, bar: Bar, scale: float, room: QRectF, font: QFont,
             text_w: float) -> None:
        """One bar in `room` (its row, right of the labels), its target line and its text."""
        height = min(room.height() * 0.7, mm(9))
        middle = room.center().y()
        # A net return can make a rung negative: no bar then, its text says how much.
        length = room.width() * max(0.0, min(bar.value, scale)) / scale
        drawing.boxes.append((QRectF(room.left(), middle - height / 2, length, height),
                              bar.colour))
        end = length
        if bar.target:
            mark = room.width() * min(bar.target, scale) / scale
            end = max(end, mark)
            x = room.left() + mark
            drawing.lines.append((QLineF(x, middle - height / 2 - mm(1), x,
                                         middle + height / 2 + mm(1)), INK, mm(0.6)))
        drawing.texts.append(Painted(bar.text, QRectF(room.left() + end + mm(1), room.top(),
                                                      text_w - mm(1), room.height()), font))
