"""From an item to its printed label: the texts, the PDF, the printer the settings name, and
the print jobs that keep a label until its printer has confirmed it.

A label is read by shop staff and customers, so it is in the site's label language (a setting,
Dutch by default), not in the language of whoever is logged in.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from db import Store
from intake.clock import Clock
from intake.errors import QT_TRANSLATE_NOOP, NotFound
from intake.ids import new_id
from intake.model import Item, Route, Status
from intake.paths import data_dir
from intake.settings import whole_number
from intake.units import format_eur, format_kg
from labels.jobs import JobState, PrintJob
from labels.layout import LabelContent
from labels.printing import CupsPrinter, DocumentPrinter, FolderPrinter, LabelPrinter
from labels.render import render_pdf
from labels.setting import PRINTER_KINDS, PrinterSetting, open_printer

ROUTE_NAMES: dict[str, dict[Route, str]] = {
    "nl": {Route.SALE: "Verkoop", Route.REPAIR: "Reparatie", Route.MATERIAL: "Materiaal"},
    "en": {Route.SALE: "Sale", Route.REPAIR: "Repair", Route.MATERIAL: "Material"},
}


class LabelService:
    """Renders and prints item labels as the coordinator's settings say."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def content(self, item: Item) -> LabelContent:
        settings = self.store.settings()
        lang = settings.label_language
        category = self.store.category(item.category)
        if category is None:  # pragma: no cover - the foreign key makes this impossible
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "Unknown category '{code}'."), code=item.category
            )
        return LabelContent(
            code=item.code,
            category=category.name(lang),
            weight=format_kg(item.weight_g, lang, estimated=item.weight_estimated),
            route=ROUTE_NAMES.get(lang, ROUTE_NAMES["nl"])[item.route],
            date=item.intake_at.astimezone(settings.zone).strftime("%d-%m-%Y"),
            site=settings.site_name,
            price=self._price(item, lang),
        )

    @staticmethod
    def _price(item: Item, lang: str) -> str:
        """The price, on the label of an item that waits in the shop for a buyer."""
        for_sale = item.status is Status.IN_STOCK and item.route is Route.SALE
        return format_eur(item.price_cents, lang) if for_sale and item.price_cents else ""

    def size(self) -> str:
        return self.store.settings().label_size

    def render(self, items: list[Item], size: str | None = None) -> bytes:
        """One PDF with a label for each item (times the labels-per-item setting)."""
        copies = self.copies()
        contents = [self.content(item) for item in items for _ in range(copies)]
        return render_pdf(contents, size or self.size())

    def copies(self) -> int:
        return self.store.settings().labels_per_item

    def printer_setting(self) -> PrinterSetting:
        """The station's label printer. Before printer kinds, a queue name meant CUPS."""
        settings = self.store.settings()
        kind = settings.get("printer_kind") or ("cups" if settings.get("printer") else "folder")
        if kind not in PRINTER_KINDS:
            kind = "folder"
        return PrinterSetting(
            kind=kind,
            name=settings.get("qt_printer" if kind == "qt" else "printer", ""),
            host=settings.get("zebra_host", ""),
            port=whole_number(settings.get("zebra_port"), 9100),
            dpi=whole_number(settings.get("printer_dpi"), 203),
            folder=str(self.label_folder()),
        )

    def printer(self) -> LabelPrinter:
        """The label printer the settings name (a Qt printer only the app can make)."""
        return open_printer(self.printer_setting())

    def document_printer(self) -> DocumentPrinter:
        """Where A4 documents (delivery notes) go: a CUPS queue if set, else a folder."""
        queue = self.store.settings().document_printer
        return CupsPrinter(queue) if queue else FolderPrinter(self.document_folder())

    def document_folder(self) -> Path:
        """Where documents and reports are saved as files."""
        return self.store.settings().document_folder or data_dir() / "documents"

    def label_folder(self) -> Path:
        return self.store.settings().label_folder or data_dir() / "labels"

    # --- print jobs ------------------------------------------------------------------------

    def queue_item(self, item: Item) -> PrintJob:
        """Keep a job for the item's label(s) until a printer confirms it.

        Asked again while an earlier job of the item still waits, the earlier job is the
        answer: it will be tried now, and one label comes out, not two.
        """
        waiting = next((job for job in self.waiting_jobs()
                        if job.code == item.code and job.state is not JobState.PRINTING), None)
        if waiting is not None:
            return waiting
        now = self.clock.now()
        job = PrintJob(
            id=new_id(), code=item.code, station=self._station(), labels=(self.content(item),),
            copies=self.copies(), label_size=self.size(), printer=self.printer_setting(),
            state=JobState.QUEUED, attempts=0, last_error="", result="", created_at=now,
            updated_at=now,
        )
        self.store.print_jobs.add(job)
        return job

    def waiting_jobs(self) -> list[PrintJob]:
        """This station's jobs that have not printed yet, oldest first."""
        return self.store.print_jobs.waiting(self._station())

    def start_attempt(self, job: PrintJob) -> PrintJob:
        """The job goes to the station's printer of this moment, in its label size."""
        return self._save(replace(job, state=JobState.PRINTING, attempts=job.attempts + 1,
                                  label_size=self.size(), printer=self.printer_setting()))

    def job_printed(self, job: PrintJob, where: str) -> PrintJob:
        return self._save(replace(job, state=JobState.DONE, result=where, last_error=""))

    def job_failed(self, job: PrintJob, error: str) -> PrintJob:
        return self._save(replace(job, state=JobState.FAILED, last_error=error))

    def cancel_job(self, job_id: str) -> PrintJob | None:
        """Cancel a waiting job; None when it has printed, is printing or is gone."""
        job = self.store.print_jobs.get(job_id)
        if job is None or job.state not in (JobState.QUEUED, JobState.FAILED):
            return None
        return self._save(replace(job, state=JobState.CANCELLED))

    def _save(self, job: PrintJob) -> PrintJob:
        job = replace(job, updated_at=self.clock.now())
        self.store.print_jobs.update(job)
        return job

    def _station(self) -> str:
        return self.store.settings().station

