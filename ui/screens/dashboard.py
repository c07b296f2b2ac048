"""The coordinator's dashboard: the figures of a week, month, quarter or year at a glance,
beside the same period a year earlier and the baseline, with progress to the year's targets,
and exports of the period as XLSX, PDF and CSV (to a USB stick when one is in,
`figures_export`). On a station of a hub, the top bar's scope button shows this station's
steps only or the whole site's (every station's history is in the file once synced), and to a
coordinator of the network every site's, from the hub (`dashboard_network.py`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.comparisons import change_pct, change_pp, counted_days, is_counted, year_earlier
from intake.model import User
from intake.monitoring import Period, Report, rungs
from intake.provenance import Provenance
from intake.report_formats import report_csv
from ui.context import AppContext
from ui.screens.dashboard_network import NetworkFigures, empty_report
from ui.screens.dashboard_parts import kg_text, out_of, percent_text, period_of
from ui.screens.figures_export import ReportExport
from ui.screens.figures_panels import (
    BaselinePanel,
    CategoriesPanel,
    count_text,
    period_text,
)
from ui.screens.scan_screen import ScanScreen
from ui.style import MIN_TARGET_MM, ROUTE_COLOURS, apart, mm
from ui.widgets.charts import Bar, BarChart, HBarChart, Series
from ui.widgets.figure_tile import Tile
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel
from ui.widgets.reasons import enable

KINDS = ("week", "month", "quarter", "year")
CATEGORY_BARS = 10  # the chart's rows; "All categories" lists every one
IN_COLOUR, OUT_COLOUR, TARGET_COLOUR = "#1f4fb8", "#0b7a2a", "#6b6b6b"
RUNG_COLOURS = {"sold_as_is": ROUTE_COLOURS["sale"], "sold_after_repair": ROUTE_COLOURS["sale"],
                "sold_products": ROUTE_COLOURS["repair"], "reuse": ROUTE_COLOURS["sale"],
                "recycling": ROUTE_COLOURS["material"], "residual": TARGET_COLOUR,
                "lost_in_making": TARGET_COLOUR}


class DashboardScreen(ScanScreen):
    """Charts and key figures for the coordinator; scans go to the gate instead."""

    takes_scans = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind = "month"
        self.day = self.last_complete(self.kind)
        self._cache: dict[tuple[Period, str | None], Report] = {}
        self.station: str | None = None  # this station's figures only, or (None) the site's
        self.all_sites = False  # every site's, from the hub
        self.network = NetworkFigures(ctx, self)
        self.network.changed.connect(lambda: self.refresh() if self.all_sites and self.user
                                     else None)
        self._pending: Report | None = None  # shown; its baseline and targets still to draw
        self.type_code_button.hide()  # nothing here is scanned
        self.scope_button = self.action_button(self.choose_scope)
        self.top.add_action(self.scope_button)
        self.kind_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        picker = QHBoxLayout()
        picker.setSpacing(apart())  # its groups do different things: 4 mm between them
        picker.setProperty("distinct", True)  # as tests/fit_check.py reads it
        kinds = QHBoxLayout()  # the kinds of period are alternatives: closer
        kinds.setSpacing(mm(1))
        picker.addLayout(kinds)
        for kind in KINDS:
            button = self.action_button(lambda _=False, k=kind: self.choose_kind(k))
            button.setCheckable(True)
            group.addButton(button)
            self.kind_buttons[kind] = button
            kinds.addWidget(button)
        self.earlier = self.action_button(lambda: self.step(-1))
        self.later = self.action_button(lambda: self.step(1))
        self.period_label = QLabel(self)
        self.period_label.setWordWrap(True)
        self.period_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.exports = ReportExport(self, ctx, self.banner, self.render)
        self.export_button = self.action_button(self.exports.ask)
        picker.addWidget(self.earlier)
        picker.addSpacing(mm(1) - apart())  # the period between the arrows keeps them apart
        picker.addWidget(self.period_label, 1)
        picker.addSpacing(mm(1) - apart())
        picker.addWidget(self.later)
        self.baseline_button = self.action_button(self.mark_baseline)
        self.baseline_button.setProperty("ends", True)  # it replaces one, after a question
        self.target_button = self.action_button(self.ask_target)
        for button in (self.baseline_button, self.target_button, self.export_button):
            picker.addWidget(button)
        for button in (*self.kind_buttons.values(), self.earlier, self.later):
            button.setMinimumWidth(mm(MIN_TARGET_MM))  # a short word: the target sets it
        self.tiles = {key: Tile(self) for key in
                      ("kg_in", "kg_sold", "reuse", "yield", "repaired", "revenue", "co2")}
        tiles = QHBoxLayout()
        tiles.setSpacing(mm(2))
        for tile in self.tiles.values():
            tile.peers = list(self.tiles.values())
            tiles.addWidget(tile)
        self.weekly = BarChart(self)
        self.ladder = HBarChart(self)
        self.baseline_chart = HBarChart(self)
        self.targets = HBarChart(self)
        self.categories = HBarChart(self)
        self.all_categories: list[Bar] = []
        self.all_button = self.action_button(self.show_all_categories)
        charts = QGridLayout()
        charts.setSpacing(mm(4))
        charts.addWidget(self.weekly, 0, 0)
        charts.addWidget(self.ladder, 0, 1)
        charts.addWidget(self.baseline_chart, 1, 0)
        charts.addWidget(self.targets, 1, 1)
        column = QVBoxLayout()  # tall: room for ten categories, and the way to the rest
        column.setSpacing(apart())
        column.addWidget(self.categories, 1)
        column.addWidget(self.all_button)
        charts.addLayout(column, 0, 2, 2, 1)
        page = QVBoxLayout()
        page.setSpacing(apart())
        page.addLayout(picker)
        page.addWidget(self.network.label)
        page.addLayout(tiles)
        page.addLayout(charts, 1)
        self.body.addLayout(page, 1)
        self.kind_buttons[self.kind].setChecked(True)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        names = {"week": self.tr("Week"), "month": self.tr("Month"),
                 "quarter": self.tr("Quarter"), "year": self.tr("Year")}
        for kind, button in self.kind_buttons.items():
            button.setText(names[kind])
        self.earlier.setText("◀")
        self.later.setText("▶")
        self.baseline_button.setText(self.tr("Baseline"))
        self.target_button.setText(self.tr("Targets"))
        self.all_button.setText(self.tr("All categories"))
        self.export_button.setText(self.tr("Export"))
        if self.user is not None:
            self.refresh()

    def enter(self, user, places, here) -> None:  # noqa: ANN001 - as ScanScreen.enter
        super().enter(user, places, here)
        self._cache.clear()  # new intakes and sales since the last visit
        self.network.entered()  # and at the other sites
        joined = self.ctx.sync.state() is not None
        self.scope_button.setVisible(joined)  # a lone PC is its site
        if not joined:
            self.station = None
        self.all_sites = self.all_sites and self.network.offered(user)
        self.refresh()

    # --- scope -----------------------------------------------------------------------------

    def scopes(self) -> list[tuple[str, str]]:
        letter = self.ctx.settings().station
        network = [("network", self.tr("All sites"))] if self.network.offered(self.user) else []
        return [("site", self.tr("This site")),
                (letter, self.tr("This station ({letter})").format(letter=letter)), *network]

    def choose_scope(self) -> None:
        panel = ChoicePanel(self, self.tr("Whose figures?"), self.scopes(), self.tr("Cancel"))
        panel.chosen.connect(self.show_scope)
        panel.open()

    def show_scope(self, key: str) -> None:
        """The site's figures ('site'), a station's (its letter) or every site's ('network')."""
        self.all_sites = key == "network"
        self.station = None if key in ("site", "network") else key
        self.refresh()

    # --- period ----------------------------------------------------------------------------

    def today(self) -> date:
        return self.ctx.clock.now().astimezone(self.ctx.zone()).date()

    def period(self) -> Period:
        return period_of(self.kind, self.day)

    def last_complete(self, kind: str) -> date:
        """A day of the last complete period of a kind: a running one would show its first
        days against whole periods (on the 1st, "-100 %")."""
        return period_of(kind, self.today()).first - timedelta(days=1)

    def choose_kind(self, kind: str) -> None:
        """Show a kind of period: the one holding the last day shown, or the last complete
        one if that runs still."""
        self.day = min(self.period().last, self.last_complete(kind))
        self.kind = kind
        self.kind_buttons[kind].setChecked(True)
        self.refresh()

    def step(self, direction: int) -> None:
        """The period before (-1) or after (+1) the one shown."""
        period = self.period()
        self.day = period.first - timedelta(days=1) if direction < 0 else \
            period.last + timedelta(days=1)
        self.refresh()

    def report(self, period: Period) -> Report:
        if self.all_sites and self.user is not None:  # what was read, until the hub's come
            got = self.network.report(self.user, period)
            return empty_report(period) if got is None else got.total
        key = (period, self.station)
        if key not in self._cache:
            self._cache[key] = self.ctx.report(period, self.station)
        return self._cache[key]

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        lang = self.ctx.language
        period = self.period()
        self.later.setEnabled(period.last < self.today())
        self.period_label.setText(period_text(period))
        self.scope_button.setText(dict(self.scopes())[
            "network" if self.all_sites else self.station or "site"])
        enable(self.export_button, self.station is None and self.network.exportable(
            period, self.all_sites), self.network.reason() if self.all_sites else
            self.tr("Exports are the whole site's: choose 'This site' first."))
        report = self.report(period)
        self.network.show_status(period, self.all_sites)
        self._tiles(report, self.report(year_earlier(period, self.today())))
        now = report.total
        weeks = list(report.by_week.items())
        self.weekly.format_value = lambda value: kg_text(value * 1000, lang.code)[:-3]
        self.weekly.set_data(
            self.tr("Kg in and reused per week"),
            [f"{monday:%d-%m}" for monday, _ in weeks],
            [Series(self.tr("in"), [f.grams_in / 1000 for _, f in weeks], IN_COLOUR),
             Series(self.tr("reused"), [f.grams_reused / 1000 for _, f in weeks],
                    OUT_COLOUR)])
        rung_names = {
            "sold_as_is": self.tr("Sold as it was"),
            "sold_after_repair": self.tr("Sold after repair"),
            "sold_products": self.tr("Sold as a product made here"),
            "reuse": self.tr("Out for reuse"), "recycling": self.tr("Out for recycling"),
            "residual": self.tr("Out as residual waste"),
            "lost_in_making": self.tr("Lost in making"),
        }
        self.ladder.set_data(self.tr("What happened to the kilos"), [
            Bar(rung_names[rung], grams, kg_text(grams, lang.code), RUNG_COLOURS[rung])
            for rung, grams in rungs(now)
        ])
        names = {c.code: c.name(lang.code) for c in report.categories}
        self.all_categories = [
            Bar(names.get(code, code), f.grams_in,
                f"{kg_text(f.grams_in, lang.code)} · {percent_text(f.reuse_rate)}", IN_COLOUR)
            for code, f in sorted(report.by_category.items(), key=lambda kv: -kv[1].grams_in)
            if f.grams_in]
        if self.all_sites:  # every site's: per site ("per locatie") instead of per category
            self.all_categories = self.network.site_bars(self.network.read(period))
        self.categories.set_data(self.tr("Kg in per site · reuse rate") if self.all_sites
                                 else self.tr("Kg in per category · reuse rate"),
                                 self.all_categories[:CATEGORY_BARS],
                                 self.tr("Nothing came in."))
        self.all_button.setVisible(not self.all_sites)
        self.all_button.setText(self.tr("All %n categories", "", len(self.all_categories))
                                if self.all_categories else self.tr("All categories"))
        # The baseline and the year so far may span many months: they are drawn right after
        # the screen shows, so the period's own figures never wait for them.
        self.baseline_chart.set_data(self.tr("Beside the baseline"), [], "…")
        self.targets.set_data(self._targets_title(period.last.year), [], "…")
        self._pending = report
        QTimer.singleShot(0, self, self._compare)  # not called once this screen is gone

    def _compare(self) -> None:
        report = self._pending
        if self.user is None or report is None or self.period() != report.period:
            return  # logged out, or another period was chosen meanwhile
        if self.all_sites:
            self.network.blank([self.baseline_chart, self.targets])
            return
        self._baseline(report)
        self._targets(report.period)

    def _tiles(self, report: Report, earlier_report: Report) -> None:
        """The key figures, each with its change against the same days a year before: counts
        and kilos per day in %, rates in percentage points (`intake.comparisons`)."""
        lang = self.ctx.language
        now, before = report.total, earlier_report.total
        days = (counted_days(report), counted_days(earlier_report))
        rows = {
            "kg_in": (kg_text(now.grams_in, lang.code), self.tr("in"), now.grams_in,
                      before.grams_in),
            "kg_sold": (kg_text(now.grams_sold, lang.code), self.tr("sold"), now.grams_sold,
                        before.grams_sold),
            "reuse": (percent_text(now.reuse_rate), self.tr("reused"), now.reuse_rate,
                      before.reuse_rate),
            "yield": (percent_text(now.environmental_yield), self.tr("environmental yield"),
                      now.environmental_yield, before.environmental_yield),
            "repaired": (count_text(now.items_repaired, lang.code), self.tr("repaired"),
                         now.items_repaired, before.items_repaired),
            "revenue": (lang.eur(now.revenue_cents), self.tr("revenue"), now.revenue_cents,
                        before.revenue_cents),
            "co2": (kg_text(now.co2_avoided_g, lang.code), self.tr("CO2 avoided"),
                    now.co2_avoided_g, before.co2_avoided_g),
        }
        rates = {"reuse", "yield"}
        year = earlier_report.period.last.year
        for key, (value, name, current, earlier) in rows.items():
            if not is_counted(earlier_report):
                change = None
            elif key in rates:
                points = change_pp(current, earlier)
                change = None if points is None else self.tr("{points} pp").format(
                    points=f"{'+' if points > 0 else ''}{points:.0f}")
            else:
                percent = change_pct(key, current, earlier, *days)
                change = None if percent is None else f"{'+' if percent > 0 else ''}{percent:.0f} %"
            versus = "" if change is None else self.tr("{change} vs {year}").format(
                change=change, year=year)
            self.tiles[key].show_figure(value, name, versus)

    def _baseline(self, report: Report) -> None:
        """Rates and kg per week beside the baseline's: comparable whatever the lengths."""
        baseline_period, lang = self.ctx.baseline(), self.ctx.language.code
        title = self.tr("Beside the baseline")
        if baseline_period is None:
            self.baseline_chart.set_data(title, [], self.tr(
                "No baseline yet. Mark one with: ambacht baseline --from DATE --to DATE"))
            return
        base_report = self.report(baseline_period)
        base, now = base_report.total, report.total
        weeks_now = counted_days(report) / 7 or 1.0  # a running period: its days so far
        weeks_base = counted_days(base_report) / 7 or 1.0
        bars = []
        for name, value, value_base, shown in (
            (self.tr("kg in per week"), now.grams_in / 1000 / weeks_now,
             base.grams_in / 1000 / weeks_base, lambda v: kg_text(v * 1000, lang)),
            (self.tr("reuse rate"), (now.reuse_rate or 0) * 100, (base.reuse_rate or 0) * 100,
             lambda v: f"{v:.0f} %"),
            (self.tr("environmental yield"), (now.environmental_yield or 0) * 100,
             (base.environmental_yield or 0) * 100, lambda v: f"{v:.0f} %"),
        ):
            scale = max(value, value_base) * 1.15 or 1.0  # each pair on its own scale
            # The pair shares its name; the legend tells the colours apart.
            bars.append(Bar(name, value, shown(value), OUT_COLOUR, scale=scale))
            bars.append(Bar(name, value_base, shown(value_base), TARGET_COLOUR, scale=scale))
        self.baseline_chart.set_data(title, bars, legend=[
            (self.tr("now"), OUT_COLOUR),
            (self.tr("baseline {period}").format(period=period_text(baseline_period)),
             TARGET_COLOUR)])

    def _targets(self, period: Period) -> None:
        year, lang = period.last.year, self.ctx.language.code
        progress = self.ctx.year_progress(min(date(year, 12, 31), self.today()))
        title = self._targets_title(year)
        if progress is None:
            self.targets.set_data(title, [], self.tr(
                "No targets for {year}. Tap 'Targets' to set them.").format(
                year=year))
            return
        names = {"kg_collected": self.tr("kg collected"), "kg_reused": self.tr("kg reused"),
                 "items_repaired": self.tr("items repaired"),
                 "reuse_rate": self.tr("reuse rate %")}
        self.targets.set_data(title, [
            Bar(names[kind], reached, out_of(reached, target, lang),
                OUT_COLOUR if reached >= target else IN_COLOUR, target,
                scale=max(target, reached) * 1.15)
            for kind, reached, target in progress.rows
        ])

    def _targets_title(self, year: int) -> str:
        """The targets are the site's: said so when one station's figures show."""
        if self.station is None:
            return self.tr("Targets {year}").format(year=year)
        return self.tr("Targets {year} (the whole site)").format(year=year)

    def mark_baseline(self) -> None:
        """Make the period shown the baseline, after showing it beside the baseline it
        replaces (or that there is none yet)."""
        period = self.period()
        old_period = self.ctx.baseline()
        panel = BaselinePanel(self, self.ctx.language, self.report(period),
                              self.report(old_period) if old_period else None,
                              self.ctx.exports_touched("baseline", None))
        panel.answered.connect(lambda yes: self._save(
            lambda user: self.ctx.admin.set_baseline(user, period),
            self.tr("Baseline marked.")) if yes else None)
        panel.open()

    def show_all_categories(self) -> None:
        """Every category that took anything in, when the chart has room for ten."""
        CategoriesPanel(self, self.tr("Kg in per category · reuse rate"), self.all_categories,
                        self.tr("Nothing came in."), self.tr("Close")).open()

    def ask_target(self) -> None:
        """Set one of the year's targets: which, then its value on the keypad."""
        year = self.period().last.year
        names = [("kg_collected", self.tr("kg collected")), ("kg_reused", self.tr("kg reused")),
                 ("items_repaired", self.tr("items repaired")),
                 ("reuse_rate", self.tr("reuse rate %"))]
        choice = ChoicePanel(self, self.tr("Targets {year}").format(year=year), names,
                             self.tr("Cancel"))

        def chosen(kind: str) -> None:
            keypad = KeypadPanel(self, dict(names)[kind], max_digits=8)
            keypad.entered.connect(lambda text: self._save(
                lambda user: self.ctx.admin.set_target(user, year, kind, float(text or 0)),
                self.tr("Target saved.")))
            keypad.open()

        choice.chosen.connect(chosen)
        choice.open()

    def _save(self, action: Callable[[User], object], done: str) -> None:
        if self.user is not None and self.attempt(lambda: action(self.user) or True, done):
            self.refresh()

    def render(self, kind: str) -> tuple[Report, Provenance, bytes]:
        """The period's report as a file of `kind` (xlsx, pdf, csv), with its provenance:
        the site's, or every site's as last read from the hub (`network_render`)."""
        if self.all_sites:  # refresh enables the export once they are read
            return self.network.render(self.period(), self.today(), kind)
        # openpyxl and reportlab's page layout load here, not at start-up (a third of a second).
        from intake.exports import report_xlsx
        from intake.report_pdf import render_report_pdf

        provenance = self.ctx.provenance(self.period())
        report = self.ctx.report(self.period())  # afresh: it includes the step named above
        self._cache[(report.period, None)] = report
        baseline_period = self.ctx.baseline()
        baseline = self.report(baseline_period) if baseline_period else None
        year_before = self.report(year_earlier(report.period, self.today()))
        if kind == "csv":
            return report, provenance, report_csv(report, baseline, year_before, provenance)
        targets = self.ctx.year_progress(min(report.period.last, self.today()))
        render = report_xlsx if kind == "xlsx" else render_report_pdf
        return report, provenance, render(
            report, baseline, self.ctx.language.code, year_before=year_before, targets=targets,
            provenance=provenance, eu=self.ctx.eu_reuse(report), zone=self.ctx.zone())

