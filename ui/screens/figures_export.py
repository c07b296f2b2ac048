"""The Figures screen's exports (XLSX, PDF, CSV): which, where to, by taps, and saying where
it went.

"Export" asks which file: the workbook (XLSX), the council's report (PDF) or the table (CSV).
With a USB stick in (`intake.export_places`) or an export folder set, a question lists the
places as big buttons: each stick by its label, that folder, and the documents folder on this
computer. With neither, the report goes to the documents folder at once, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from intake.errors import AmbachtError
from intake.export_places import ExportError, Place, Volumes, save_export
from intake.monitoring import Report
from intake.provenance import Provenance
from ui.context import AppContext
from ui.widgets.base import Banner
from ui.widgets.panels import ChoicePanel

Render = Callable[[str], tuple[Report, Provenance, bytes]]  # kind -> report, its provenance, file


class ReportExport(QObject):
    """Exports for one screen: `start(kind)` asks where (if there is a choice), renders the
    report with `render`, saves it there and says so in the screen's banner."""

    def __init__(self, host: QWidget, ctx: AppContext, banner: Banner, render: Render,
                 volumes: Volumes | None = None) -> None:
        super().__init__(host)
        self.host, self.ctx, self.banner, self.render = host, ctx, banner, render
        self.volumes = volumes or Volumes()

    def places(self) -> list[Place]:
        """The USB sticks in now, the export folder if set, and the documents folder."""
        places = self.volumes.find()
        folder = self.ctx.settings().export_folder
        if folder:
            places.append(Place(Path(folder)))
        places.append(Place(self.ctx.labels.document_folder(), make=True))
        return places

    def place_name(self, place: Place) -> str:
        if place.is_stick:
            return self.tr("USB stick {label}").format(label=place.label)
        if place.make:
            return self.tr("Documents folder on this computer")
        return self.tr("Folder {folder}").format(folder=place.path.name or place.path)

    def ask(self) -> None:
        """Which file: the workbook, the report or the table; then where (`start`)."""
        panel = ChoicePanel(self.host, self.tr("Export the period as"), [
            ("xlsx", self.tr("Workbook (XLSX)")), ("pdf", self.tr("Report (PDF)")),
            ("csv", self.tr("Table (CSV)"))], self.tr("Cancel"), columns=1)
        panel.chosen.connect(self.start)
        panel.open()

    def start(self, kind: str) -> None:
        """Save the report as `kind` (xlsx, pdf, csv): where the coordinator taps, if there
        is more than one place."""
        places = self.places()
        if len(places) == 1:
            self.save(kind, places[0])
            return
        panel = ChoicePanel(self.host, self.tr("Save the {kind} file where?").format(
            kind=kind.upper()), [(str(n), self.place_name(p)) for n, p in enumerate(places)],
            self.tr("Cancel"), columns=1)
        panel.chosen.connect(lambda key: self.save(kind, places[int(key)]))
        panel.open()

    def save(self, kind: str, place: Place) -> None:
        report, provenance, data = self.render(kind)
        # Every site's figures have a name of their own, so that they are never taken for
        # (or saved over by) this site's export of the same period.
        name = (self.tr("network-report-{first}-{last}") if provenance.network is not None
                else self.tr("report-{first}-{last}"))
        stem = name.format(first=report.period.first.isoformat(),
                           last=report.period.last.isoformat())
        try:
            path = save_export(place, stem, f".{kind}", data, self.volumes.still_there)
        except ExportError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        try:
            self.ctx.record_export(provenance, report, kind, data)
        except AmbachtError as exc:  # saved, but not recorded: say so
            self.banner.error(self.ctx.language.error(exc))
            return
        # Where, in the words of the choice (a stick's label, a folder's name), never a path.
        if place.is_stick:
            self.banner.ok(self.tr("Saved on USB stick {label}: {name}").format(
                label=place.label, name=path.name))
        elif place.make:
            self.banner.ok(self.tr("Saved in Ambacht's Documents folder: {name}").format(
                name=path.name))
        else:
            self.banner.ok(self.tr("Saved in the folder {folder}: {name}").format(
                folder=place.path.name or place.path, name=path.name))
