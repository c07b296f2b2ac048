"""From an item to its printed label: the texts, the PDF and the printer the settings name.

A label is read by store staff and customers, so it is in the site's label language (a setting,
Dutch by default), not in the language of whoever is logged in.
"""

from __future__ import annotations

from pathlib import Path

from db import Store
from intake.errors import QT_TRANSLATE_NOOP, NotFound
from intake.localtime import site_zone
from intake.model import Item, Route, Status
from intake.paths import data_dir
from intake.units import format_eur, format_kg
from labels.layout import DEFAULT_SIZE, SIZES, LabelContent
from labels.printing import CupsPrinter, FolderPrinter, LabelPrinter
from labels.render import render_pdf

ROUTE_NAMES: dict[str, dict[Route, str]] = {
    "nl": {Route.SALE: "Verkoop", Route.REPAIR: "Reparatie", Route.MATERIAL: "Materiaal"},
    "en": {Route.SALE: "Sale", Route.REPAIR: "Repair", Route.MATERIAL: "Material"},
}


class LabelService:
    """Renders and prints item labels as the coordinator's settings say."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def content(self, item: Item) -> LabelContent:
        settings = self.store.settings()
        lang = settings.get("label_language", "nl")
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
            date=item.intake_at.astimezone(site_zone(settings)).strftime("%d-%m-%Y"),
            site=settings.get("site_name", ""),
            price=self._price(item, lang),
        )

    @staticmethod
    def _price(item: Item, lang: str) -> str:
        """The price, on the label of an item that waits in the store for a buyer."""
        for_sale = item.status is Status.IN_STOCK and item.route is Route.SALE
        return format_eur(item.price_cents, lang) if for_sale and item.price_cents else ""

    def size(self) -> str:
        size = self.store.settings().get("label_size", DEFAULT_SIZE)
        return size if size in SIZES else DEFAULT_SIZE

    def render(self, items: list[Item], size: str | None = None) -> bytes:
        """One PDF with a label for each item (times the labels-per-item setting)."""
        copies = self.copies()
        contents = [self.content(item) for item in items for _ in range(copies)]
        return render_pdf(contents, size or self.size())

    def copies(self) -> int:
        try:
            return max(1, min(5, int(self.store.settings().get("labels_per_item", "1"))))
        except ValueError:
            return 1

    def printer(self) -> LabelPrinter:
        """CUPS when a printer queue is set, else a folder of PDFs."""
        settings = self.store.settings()
        if settings.get("printer"):
            return CupsPrinter(settings["printer"])
        return FolderPrinter(self.label_folder())

    def document_printer(self) -> LabelPrinter:
        """Where A4 documents (delivery notes) go: a CUPS queue if set, else a folder."""
        settings = self.store.settings()
        if settings.get("document_printer"):
            return CupsPrinter(settings["document_printer"])
        return FolderPrinter(self.document_folder())

    def document_folder(self) -> Path:
        """Where documents and reports are saved as files."""
        folder = self.store.settings().get("document_folder", "")
        return Path(folder) if folder else data_dir() / "documents"

    def label_folder(self) -> Path:
        folder = self.store.settings().get("label_folder", "")
        return Path(folder) if folder else data_dir() / "labels"
