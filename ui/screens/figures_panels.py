"""The Figures screen's questions: replacing the baseline with the old and the new one side by
side, and every category's kilos when more came in than the dashboard's chart shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QScroller, QWidget

from intake.comparisons import counted_days
from intake.monitoring import Period, Report
from intake.units import format_number
from ui.i18n import Language
from ui.style import mm
from ui.widgets.charts import Bar, HBarChart
from ui.widgets.panels import ConfirmPanel, Panel

ROW_MM = 10.0  # a category's row in the list of all: a label on two lines, its bar


def period_text(period: Period) -> str:
    return f"{period.first:%d-%m-%Y} – {period.last:%d-%m-%Y}"


def count_text(count: int, lang: str) -> str:
    """A count with the language's thousands mark: "4.786" in Dutch."""
    return format_number(count, lang)


class BaselinePanel(ConfirmPanel):
    """Mark the period shown as the baseline: the baseline today (or that there is none) and
    the new one side by side, then "replace" or "cancel"; emits `answered(bool)`."""

    def __init__(self, host: QWidget, language: Language, new: Report,
                 old: Report | None, exports: int = 0) -> None:
        """`exports`: how many exports of earlier periods compared with the baseline now."""
        translate = QCoreApplication.translate  # self.tr needs the panel made first
        super().__init__(
            host, translate("BaselinePanel", "Make this the baseline?"),
            translate("BaselinePanel", "Yes, replace the baseline") if old else
            translate("BaselinePanel", "Yes, mark it"), translate("BaselinePanel", "Cancel"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(mm(8))
        grid.setVerticalSpacing(mm(1.5))
        # Per week, as the report's fair comparisons: a quarter's totals beside a month's
        # would look like a drop; each period's length is shown.
        names = [self.tr("Period"), self.tr("Length"), self.tr("Items in per week"),
                 self.tr("Kg in per week"), self.tr("Revenue per week"), self.tr("Reuse rate")]
        columns = [(self.tr("Baseline now"), old), (self.tr("New baseline"), new)]
        for row, name in enumerate(names, start=1):
            grid.addWidget(self._cell(name, bold=True), row, 0)
        for column, (heading, report) in enumerate(columns, start=1):
            grid.addWidget(self._cell(heading, bold=True), 0, column)
            if report is None:
                grid.addWidget(self._cell(self.tr("no baseline yet")), 1, column)
                continue
            figures, days = report.total, counted_days(report)
            weeks, rate = max(days, 1) / 7, figures.reuse_rate
            for row, text in enumerate((
                period_text(report.period), self.tr("%n days", "", days),
                format_number(figures.items_in / weeks, language.code, 1),
                f"{format_number(figures.grams_in / 1000 / weeks, language.code, 1)} kg",
                language.eur(round(figures.revenue_cents / weeks)),
                "–" if rate is None else f"{rate * 100:.0f} %",
            ), start=1):
                grid.addWidget(self._cell(text), row, column)
        self.body.insertLayout(1, grid)
        if old is not None:
            note = self._cell(self.tr("The baseline now stays in the history of settings, "
                                      "with who replaced it and when."))
            note.setWordWrap(True)
            note.setMaximumWidth(mm(170))
            self.body.insertWidget(2, note)
        if exports:  # a new baseline changes every comparison with it, earlier ones too
            note = self._cell(self.tr("This also changes the figures of earlier periods: %n "
                                      "export(s) of earlier periods hold the old figures.",
                                      "", exports))
            note.setWordWrap(True)
            note.setMaximumWidth(mm(170))
            self.body.insertWidget(2, note)

    def _cell(self, text: str, bold: bool = False) -> QLabel:
        label = QLabel(text, self)
        if bold:
            label.setStyleSheet("font-weight: bold;")
        return label


class CategoriesPanel(Panel):
    """Every category that took anything in, largest first, in a list that scrolls."""

    def __init__(self, host: QWidget, title: str, bars: list[Bar], empty: str, close: str
                 ) -> None:
        super().__init__(host, title)
        self.chart = HBarChart()
        self.chart.set_data("", bars, empty)
        self.chart.setMinimumHeight(round(mm(ROW_MM) * max(1, len(bars))))
        scroll = QScrollArea(self)
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(scroll.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        window = host.window()
        scroll.setMinimumSize(min(mm(170), window.width() - mm(20)),
                              min(self.chart.minimumHeight() + mm(2),
                                  window.height() - mm(60)))
        self.body.addWidget(scroll)
        self.close_button = self.add_cancel(close)
