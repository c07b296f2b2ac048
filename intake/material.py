"""Material out: items and weighed batches leaving the centre to a recipient, on a delivery note.

A recipient (a recycler, a school's woodwork class, a textile sorter) comes from the list the
coordinator keeps. A batch weighed by category, without item labels, becomes an item of origin
'bulk' that leaves at once, so that every kilo out has a code and a history like any other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from intake.auth import Action, require
from intake.codes import shipment_code
from intake.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from intake.events import MaterialOut
from intake.lifecycle import check_in_stock
from intake.model import Item, Origin, Route, User
from intake.steps import StepService
from intake.units import check_weight_limits, format_kg


def grams_per_category(lines: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """(category, grams) lines summed per category, the heaviest first: a delivery note's
    totals, and the summary shown before sending."""
    per_category: dict[str, int] = defaultdict(int)
    for category, grams in lines:
        per_category[category] += grams
    return sorted(per_category.items(), key=lambda kv: -kv[1])


@dataclass(frozen=True)
class Shipment:
    """One delivery note: what left, to whom, when."""

    code: str
    recipient: str
    at: datetime
    items: list[Item]

    @property
    def grams(self) -> int:
        return sum(item.weight_g for item in self.items)


class MaterialService(StepService):
    """Recording material that leaves the centre, and its delivery notes."""

    def recipients(self) -> list[str]:
        return self.store.name_lists.names("recipients")

    def recipient(self, name: str) -> str:
        """The recipient as the coordinator spelled it; refuses a name not on the list."""
        known = {r.casefold(): r for r in self.store.name_lists.names("recipients")}
        found = known.get(" ".join(str(name).split()).casefold())
        if found is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "Unknown recipient '{name}'. Ask the coordinator to add it."),  # noqa: E501
                name=str(name)[:40],
            )
        return found

    def send(
        self, user: User, recipient: str, codes: list[str] | None = None,
        batches: list[tuple[str, int]] | None = None, at: datetime | None = None,
    ) -> Shipment:
        """Send scanned items and weighed batches (category, grams) out on one delivery note."""
        require(user, Action.MATERIAL_OUT)
        name = self.recipient(recipient)
        codes, batches = codes or [], batches or []
        if not codes and not batches:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Scan an item or enter a weight to send out.")
            )
        items = [self.item(code) for code in codes]
        if len({item.code for item in items}) != len(items):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An item is in the list twice."))
        for item in items:
            check_in_stock(item)
        checked = []
        for category_code, grams in batches:
            check_weight_limits(grams)
            checked.append((self.category(category_code), grams))
        moment = self._moment(at)
        with self.store.atomic():
            code = shipment_code(self.station, self.store.take_shipment_seq(self.station))
            self.store.add_shipment(code, name, moment, self.station, user.id)
            for category, grams in checked:
                bulk, _ = self._new_item(user, category, Route.MATERIAL, grams, False,
                                         origin=Origin.BULK, at=moment)
                items.append(bulk)
            steps = [self._step(user, item, MaterialOut(code, name), moment)
                     for item in items]
            self._write(steps)
        return Shipment(code, name, moment, [state for _, state in steps])

    def shipment(self, code: str) -> Shipment:
        """A delivery note recorded earlier, as it stands (corrected lines left out)."""
        row = self.store.shipment(code.strip().upper())
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "No delivery note has number {code}."),
                code=code.strip()[:24],
            )
        return Shipment(row[0], row[1], row[2], self.store.shipment_items(row[0]))

    def delivery_note_pdf(self, code: str) -> bytes:
        """The delivery note as a PDF in the site's label language, kg per category."""
        shipment = self.shipment(code)
        settings = self.store.settings()
        lang = settings.label_language
        names = {c.code: c.name(lang) for c in self.store.categories(include_hidden=True)}
        local = shipment.at.astimezone(settings.zone)
        # reportlab's page layout takes a tenth of a second to import: only when needed.
        from labels.delivery_note import DeliveryNote, NoteLine, render_delivery_note

        note = DeliveryNote(
            lang=lang, site=settings.site_name, number=shipment.code,
            recipient=shipment.recipient, date=local.strftime("%d-%m-%Y %H:%M"),
            lines=[NoteLine(item.code, names.get(item.category, item.category),
                            format_kg(item.weight_g, lang, estimated=item.weight_estimated))
                   for item in shipment.items],
            totals=[(names.get(cat, cat), format_kg(grams, lang)) for cat, grams in
                    grams_per_category((i.category, i.weight_g) for i in shipment.items)],
            total=format_kg(shipment.grams, lang),
        )
        return render_delivery_note(note)
