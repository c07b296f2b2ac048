"""The dashboard's "Alle locaties" (issue 13): every site's figures from the hub, for a
coordinator of the network (`User.network`).

They are read from the hub (`intake.network_figures`) on a worker of their own, never on the
UI thread: the dashboard shows what it has meanwhile and says that it is reading. The figures
last read of each period are kept, so a hub out of reach leaves them on the screen with
their time and a short message; entering the dashboard again reads them afresh.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta, tzinfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from intake.auth import Action, may
from intake.comparisons import year_earlier
from intake.errors import AmbachtError
from intake.hub_errors import HubUnreachable
from intake.model import User
from intake.monitoring import Figures, Period, Report
from intake.network_figures import NetworkReport, network_report
from intake.provenance import Provenance
from intake.report_formats import report_csv
from ui.background import Worker
from ui.context import AppContext
from ui.screens.dashboard_parts import kg_text, percent_text
from ui.widgets.charts import Bar, HBarChart

log = logging.getLogger("ambacht")
SITE_COLOUR = "#1f4fb8"


class NetworkFigures(QObject):
    """Every site's figures of the periods the dashboard shows, read in the background."""

    changed = Signal()  # figures came, or the hub could not be reached: show them again

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._worker = Worker("network", parent=self)
        self.label = QLabel(parent)  # what `status` says, under the period while shown
        self.label.setWordWrap(True)
        self.label.hide()
        self._read: dict[Period, NetworkReport] = {}  # the figures last read, per period
        self._fresh: set[Period] = set()  # read since the dashboard was entered
        self._asked: set[Period] = set()  # being read
        # The last read's failure, until one goes through: the hub out of reach, or what else.
        self.unreachable = False
        self.failure: str | None = None

    def offered(self, user: User | None) -> bool:
        """Whether 'All sites' is offered: to a network coordinator on a station of a hub."""
        account = None if user is None else self.ctx.account(user.id)  # as it is now
        return (account is not None and may(account, Action.NETWORK_FIGURES)
                and self.ctx.sync.state() is not None)

    def entered(self) -> None:
        """The dashboard was entered: read each period again when it is shown."""
        self._fresh.clear()

    def report(self, user: User, period: Period) -> NetworkReport | None:
        """The figures of `period` as last read (None: none yet); they are read again in the
        background unless they were since the dashboard was entered."""
        if period not in self._fresh and period not in self._asked:
            self._ask(user, period)
        return self._read.get(period)

    def read(self, period: Period) -> NetworkReport | None:
        """The figures of `period` as last read, without reading them again."""
        return self._read.get(period)

    def _ask(self, user: User, period: Period) -> None:
        user = self.ctx.account(user.id) or user  # as it is now: marked since the login
        address = self.ctx.hub_address()
        now = self.ctx.clock.now()
        today = now.astimezone(self.ctx.zone()).date()
        self._asked.add(period)
        self._worker.submit(lambda: network_report(user, address, period, now, today),
                            lambda got: self._done(period, got),
                            lambda exc: self._failed(period, exc))

    def _done(self, period: Period, got: NetworkReport) -> None:
        self._asked.discard(period)
        self._fresh.add(period)
        self._read[period] = got
        self.unreachable, self.failure = False, None
        self.changed.emit()

    def _failed(self, period: Period, exc: Exception) -> None:
        self._asked.discard(period)
        self._fresh.add(period)  # not asked again until the dashboard is entered again
        self.unreachable = isinstance(exc, HubUnreachable)
        if isinstance(exc, AmbachtError):
            self.failure = self.ctx.language.error(exc)
        else:
            log.error("reading every site's figures failed", exc_info=exc)
            self.failure = self.tr("Every site's figures could not be read: see the log.")
        self.changed.emit()

    def show_status(self, period: Period, shown: bool) -> None:
        """Say `status` under the period while every site's figures show."""
        self.label.setVisible(shown)
        self.label.setText(self.status(period) if shown else "")

    def blank(self, charts: list[HBarChart]) -> None:
        """The baseline's and targets' charts, which are each site's own."""
        for chart in charts:
            chart.set_data(chart.title, [], self.tr(
                "The baseline and the targets are each site's: choose 'This site'."))

    def status(self, period: Period) -> str:
        """One line on the figures of `period`: reading, from when, or the hub out of reach."""
        got = self._read.get(period)
        made = None if got is None else got.oldest
        when = "" if made is None else made.astimezone(self.ctx.zone()).strftime("%d-%m %H:%M")
        if period in self._asked and got is None:
            return self.tr("Reading every site's figures from the hub…")
        if self.unreachable:
            if got is None:
                return self.tr("The hub cannot be reached. No figures of all sites yet.")
            return self.tr("The hub cannot be reached. Figures of {time}.").format(time=when)
        if self.failure is not None:
            return self.failure
        if got is None:
            return ""
        missing = sum(at is None for at in got.made_at.values())
        text = self.tr("%n site(s), figures of the hub of {time}", "", len(got.by_site)).format(
            time=when or "–")
        if missing:
            text += " · " + self.tr("%n without figures yet", "", missing)
        return text + (" · " + self.tr("reading again…") if period in self._asked else "")

    def exportable(self, period: Period, all_sites: bool) -> bool:
        """Whether the export has figures: the site's, or every site's once read."""
        return not all_sites or period in self._read

    def reason(self) -> str:
        return self.tr("Every site's figures are not read yet.")

    def render(self, period: Period, today: date, kind: str) -> tuple[Report, Provenance, bytes]:
        """Every site's figures of `period` as last read, as a file of `kind` (see
        `network_render`), beside the same days a year before if those were read."""
        before = self._read.get(year_earlier(period, today))
        return network_render(self._read[period], None if before is None else before.total,
                              kind, self.ctx.language.code, self.ctx.zone())

    def site_bars(self, got: NetworkReport | None) -> list[Bar]:
        """The kilos in per site with its reuse rate: the breakdown 'per locatie'."""
        if got is None:
            return []
        lang = self.ctx.language.code
        return [Bar(site, report.total.grams_in, f"{kg_text(report.total.grams_in, lang)} · "
                    f"{percent_text(report.total.reuse_rate)}", SITE_COLOUR)
                for site, report in got.by_site.items()]


def empty_report(period: Period) -> Report:
    """What shows while every site's figures are read for the first time: nothing counted
    (no change against a year before is worked out from it)."""
    return Report(period=period, site="", total=Figures(), by_category={}, by_route={},
                  by_municipality={}, by_week={}, categories=[], recipient_kinds={},
                  counted_to=period.last, first_record=period.last + timedelta(days=1))


def network_render(got: NetworkReport, year_before: Report | None, kind: str,
                   lang: str, zone: tzinfo) -> tuple[Report, Provenance, bytes]:
    """Every site's figures as a file of `kind` (xlsx, pdf, csv): added up, beside the same
    days a year before if read, with the hub and each site's time as their provenance (which
    keeps the export out of this site's records: `record_export`). The baseline, targets and
    EU re-use figures are each site's and stay out. Times are shown in `zone`, this site's."""
    from intake.exports import report_xlsx
    from intake.report_pdf import render_report_pdf

    provenance = got.provenance()
    if kind == "csv":
        return got.total, provenance, report_csv(got.total, None, year_before, provenance)
    render = report_xlsx if kind == "xlsx" else render_report_pdf
    return got.total, provenance, render(got.total, None, lang, year_before=year_before,
                                         targets=None, provenance=provenance, eu=None,
                                         zone=zone)
