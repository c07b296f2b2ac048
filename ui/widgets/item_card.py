"""An item at a glance: code, category, weight, where it is now, and its whole history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from intake.events import (
    Corrected,
    Intake,
    IntakeCorrected,
    MaterialOut,
    Payload,
    PayloadError,
    Priced,
    RepairFinished,
    RepairStarted,
    Repurposed,
    Returned,
    RouteChanged,
    SafetyTested,
    Sold,
    Voided,
    payload_of,
)
from intake.model import Event, Item, Origin, RepairStatus, Route, Status
from intake.report_words import barrier_name
from ui.context import AppContext
from ui.style import mm
from ui.widgets.base import touch_list


def route_name(route: Route) -> str:
    return {
        Route.SALE: QCoreApplication.translate("ItemCard", "Sale"),
        Route.REPAIR: QCoreApplication.translate("ItemCard", "Repair"),
        Route.MATERIAL: QCoreApplication.translate("ItemCard", "Material"),
    }[route]


def status_name(item: Item) -> str:
    if item.voided:
        return QCoreApplication.translate("ItemCard", "Voided")
    return {
        Status.IN_STOCK: QCoreApplication.translate("ItemCard", "At the centre"),
        Status.IN_REPAIR: QCoreApplication.translate("ItemCard", "In repair"),
        Status.SOLD: QCoreApplication.translate("ItemCard", "Sold"),
        Status.MATERIAL_OUT: QCoreApplication.translate("ItemCard", "Left as material"),
        Status.REPURPOSED: QCoreApplication.translate("ItemCard", "Used in a new product"),
    }[item.status]


class ItemCard(QWidget):
    """Shows one item; `show_item` fills it in the current language."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item: Item | None = None
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.history = touch_list(self)
        self.history.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(mm(2))
        column.addWidget(self.heading)
        column.addWidget(self.facts)
        column.addWidget(self.history, 1)

    def show_item(self, item: Item) -> None:
        self.item = item
        lang = self.ctx.language
        category = self.ctx.gate.category_of(item)
        self.heading.setText(f"{item.code} · {category.name(lang.code)} · "
                             f"{lang.kg(item.weight_g, estimated=item.weight_estimated)}")
        facts = [
            self.tr("Now: {status}").format(status=status_name(item)),
            self.tr("Route: {route}").format(route=route_name(item.route)),
        ]
        if item.price_cents is not None:
            facts.append(self.tr("Price: {price}").format(price=lang.eur(item.price_cents)))
        if category.is_electrical:
            facts.append({"pass": self.tr("Safety test: passed"),
                          "fail": self.tr("Safety test: failed")}.get(
                item.safety or "", self.tr("Safety test: not done")))
        self.facts.setText("   ·   ".join(facts))
        history = self.ctx.gate.history(item)
        payloads = [self.payload(event) for event in history]
        cancelled = self.ctx.conflicts.cancelled_steps(item)
        refused = self.ctx.conflicts.refused_steps(item)
        names = self.ctx.user_names()
        self.history.clear()
        # The latest step first: that is what one looks for.
        for event, payload in reversed(list(zip(history, payloads, strict=True))):
            when = lang.local(event.at, self.ctx.zone(), "%d-%m-%Y %H:%M")
            text = payload if isinstance(payload, str) else self.describe(payload)
            line = f"{when}   {text}   ({names.get(event.user_id, '?')})"
            if event.reason:
                line += "\n" + self.tr("Reason: {reason}").format(reason=event.reason)
            if event.id in cancelled:
                line = self.tr("[cancelled] {line}").format(line=line)
            elif event.id in refused:  # another station's step contradicted it: 'Let op'
                line = self.tr("[conflict, not counted] {line}").format(line=line)
            self.history.addItem(line)
        for letter in self.ctx.conflicts.newer_on(item):  # below the rest: its place unknown
            self.history.addItem(self.tr("[needs a newer Ambacht] a step of station {station} "
                                         "this version cannot show; it counts once this PC "
                                         "is updated").format(station=letter))

    def payload(self, event: Event) -> Payload | str:
        """The step's payload, or the message saying it cannot be read (a hand-edited row):
        the rest of the history still shows."""
        try:
            return payload_of(event)
        except PayloadError as error:
            return self.ctx.language.error(error)

    def describe(self, payload: Payload) -> str:
        """One step of the history in a few words."""
        lang = self.ctx.language
        match payload:
            case Intake(made_from=made_from) if made_from:
                return self.tr("Made from {codes}").format(codes=", ".join(made_from))
            case Intake(origin=Origin.SHOP):
                return self.tr("Labelled in the shop")
            case Intake(origin=Origin.BULK):
                return self.tr("Weighed out as a batch of material")
            case Intake(route=route):
                return self.tr("Taken in at the gate, route {route}").format(
                    route=route_name(route))
            case RouteChanged(to=route):
                return self.tr("Route changed to {route}").format(route=route_name(route))
            case Voided():
                return self.tr("Voided")
            case RepairStarted():
                return self.tr("Repair started")
            case RepairFinished(status=status, minutes=minutes) as repair:
                outcome = {RepairStatus.FIXED: self.tr("fixed"),
                           RepairStatus.REPAIRABLE: self.tr("repairable"),
                           RepairStatus.END_OF_LIFE: self.tr("end of life")}[status]
                text = self.tr("Repair finished: {outcome}").format(outcome=outcome)
                if repair.barrier is not None:
                    text += " · " + barrier_name(repair.barrier, lang.code)
                if minutes:
                    text += " · " + self.tr("%n minutes", "", minutes)
                # What the workshop recorded for ORDS, as it was typed and chosen.
                product = dict(lang.ords_choices([repair.ords_category])).get(
                    repair.ords_category) if repair.ords_category else None
                said = [part for part in (product, repair.problem, repair.brand,
                                          repair.year and str(repair.year)) if part]
                return "\n".join([text, " · ".join(said)]) if said else text
            case SafetyTested() as test:
                return (self.tr("Safety test passed") if test.passed
                        else self.tr("Safety test failed"))
            case Priced(price_cents=price):
                return self.tr("Price set to {price}").format(price=lang.eur(price))
            case Sold(price_cents=price):
                return self.tr("Sold for {price}").format(price=lang.eur(price))
            case Returned(refund_cents=refund):
                return self.tr("Taken back; {price} refunded").format(price=lang.eur(refund))
            case MaterialOut(recipient=recipient, shipment=shipment):
                return self.tr("To {recipient} (delivery note {note})").format(
                    recipient=recipient, note=shipment)
            case Repurposed(into=code):
                return self.tr("Used to make {code}").format(code=code)
            case Corrected():
                return self.tr("Correction: the step before was cancelled")
            case IntakeCorrected() as fix:
                names = self.ctx.category_names()
                return self.tr("Corrected from {old} · {old_weight} to {new} · {weight}").format(
                    old=names.get(fix.from_category, fix.from_category),
                    old_weight=lang.kg(fix.from_weight_g),
                    new=names.get(fix.category, fix.category),
                    weight=lang.kg(fix.weight_g, estimated=fix.weight_estimated))
