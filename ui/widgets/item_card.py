"""An item at a glance: code, category, weight, where it is now, and its whole history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from intake.model import Event, EventType, Item, Route, Status
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
        cancelled = {e.data.get("cancels") for e in history if e.type is EventType.CORRECTED}
        names = self.ctx.user_names()
        self.history.clear()
        for event in reversed(history):  # the latest step first: that is what one looks for
            when = lang.local(event.at, self.ctx.zone(), "%d-%m-%Y %H:%M")
            line = f"{when}   {self.describe(event)}   ({names.get(event.user_id, '?')})"
            if event.reason:
                line += "\n" + self.tr("Reason: {reason}").format(reason=event.reason)
            if event.id in cancelled:
                line = self.tr("[cancelled] {line}").format(line=line)
            self.history.addItem(line)

    def describe(self, event: Event) -> str:
        """One step of the history in a few words."""
        data, lang = event.data, self.ctx.language
        match event.type:
            case EventType.INTAKE:
                if data.get("made_from"):
                    return self.tr("Made from {codes}").format(
                        codes=", ".join(str(c) for c in data["made_from"]))  # type: ignore[union-attr]
                if data.get("origin") == "store":
                    return self.tr("Labelled in the store")
                if data.get("origin") == "bulk":
                    return self.tr("Weighed out as a batch of material")
                return self.tr("Taken in at the gate, route {route}").format(
                    route=route_name(Route(str(data["route"]))))
            case EventType.ROUTE_CHANGED:
                return self.tr("Route changed to {route}").format(
                    route=route_name(Route(str(data["to"]))))
            case EventType.VOIDED:
                return self.tr("Voided")
            case EventType.REPAIR_STARTED:
                return self.tr("Repair started")
            case EventType.REPAIR_FINISHED:
                outcome = {"fixed": self.tr("fixed"), "repairable": self.tr("repairable"),
                           "end_of_life": self.tr("end of life")}[str(data["status"])]
                text = self.tr("Repair finished: {outcome}").format(outcome=outcome)
                if data.get("minutes"):
                    text += " · " + self.tr("%n minutes", "", int(str(data["minutes"])))
                return text
            case EventType.SAFETY_TESTED:
                return (self.tr("Safety test passed") if data["result"] == "pass"
                        else self.tr("Safety test failed"))
            case EventType.PRICED:
                return self.tr("Price set to {price}").format(
                    price=lang.eur(int(str(data["price_cents"]))))
            case EventType.SOLD:
                return self.tr("Sold for {price}").format(
                    price=lang.eur(int(str(data["price_cents"]))))
            case EventType.RETURNED:
                return self.tr("Taken back; {price} refunded").format(
                    price=lang.eur(int(str(data["refund_cents"]))))
            case EventType.MATERIAL_OUT:
                return self.tr("To {recipient} (delivery note {note})").format(
                    recipient=data["recipient"], note=data["shipment"])
            case EventType.REPURPOSED:
                return self.tr("Used to make {code}").format(code=data["into"])
            case EventType.CORRECTED:
                return self.tr("Correction: the step before was cancelled")
        return event.type.value
