"""An item's state as its history makes it, and which steps that state allows.

The events are the truth; the item row is their sum, kept in the same transaction. `apply` is
the one place that says what each kind of event does to an item, used both when a step is
written and when the whole history is replayed after a correction cancels a step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from intake.errors import QT_TRANSLATE_NOOP, NotAllowed
from intake.model import Event, EventType, Item, RepairStatus, Route, Status

# Steps a correction may cancel (an intake is voided instead; a void is final).
CORRECTABLE = frozenset({
    EventType.ROUTE_CHANGED, EventType.REPAIR_STARTED, EventType.REPAIR_FINISHED,
    EventType.SAFETY_TESTED, EventType.PRICED, EventType.SOLD, EventType.RETURNED,
    EventType.MATERIAL_OUT,
})


def apply(item: Item, event: Event) -> Item:
    """The item after `event` (an intake or correction leaves it as it is)."""
    data = event.data
    match event.type:
        case EventType.ROUTE_CHANGED:
            return replace(item, route=Route(str(data["to"])))
        case EventType.VOIDED:
            return replace(item, voided=True)
        case EventType.REPAIR_STARTED:
            # A repair opens the product up: an earlier safety test no longer holds.
            return replace(item, status=Status.IN_REPAIR, route=Route.REPAIR, safety=None)
        case EventType.REPAIR_FINISHED:
            outcome = RepairStatus(str(data["status"]))
            price = data.get("price_cents")
            if outcome is RepairStatus.FIXED:
                route = Route.MATERIAL if item.safety == "fail" else Route.SALE
            elif outcome is RepairStatus.REPAIRABLE:
                route = Route.REPAIR
            else:
                route = Route.MATERIAL
            return replace(
                item, status=Status.IN_STOCK, route=route,
                price_cents=int(price) if isinstance(price, int) else item.price_cents,
            )
        case EventType.SAFETY_TESTED:
            passed = data["result"] == "pass"
            return replace(
                item, safety="pass" if passed else "fail",
                route=item.route if passed else Route.MATERIAL,
            )
        case EventType.PRICED:
            return replace(item, price_cents=int(str(data["price_cents"])))
        case EventType.SOLD:
            return replace(item, status=Status.SOLD, price_cents=int(str(data["price_cents"])))
        case EventType.RETURNED:
            return replace(item, status=Status.IN_STOCK, route=Route.SALE)
        case EventType.MATERIAL_OUT:
            return replace(item, status=Status.MATERIAL_OUT, route=Route.MATERIAL)
        case EventType.REPURPOSED:
            return replace(item, status=Status.REPURPOSED)
    return item


def active_events(events: Sequence[Event]) -> list[Event]:
    """The history without corrections and the steps they cancelled."""
    cancelled = {e.data.get("cancels") for e in events if e.type is EventType.CORRECTED}
    return [e for e in events if e.type is not EventType.CORRECTED and e.id not in cancelled]


def replay(item: Item, events: Sequence[Event]) -> Item:
    """The item's state from its whole history (oldest first), corrections taken into account."""
    intake = events[0]
    price = intake.data.get("price_cents")
    state = replace(
        item, route=Route(str(intake.data["route"])), voided=False, status=Status.IN_STOCK,
        price_cents=int(price) if isinstance(price, int) else None, safety=None,
    )
    for event in active_events(events)[1:]:
        state = apply(state, event)
    return state


def check_not_voided(item: Item) -> None:
    if item.voided:
        raise NotAllowed(
            QT_TRANSLATE_NOOP("Errors", "Item {code} was voided; it counts nowhere."),
            code=item.code,
        )


def check_in_stock(item: Item) -> None:
    """Refuse, saying where the item is, unless it is at the centre and not in repair."""
    check_not_voided(item)
    messages = {
        Status.IN_REPAIR: QT_TRANSLATE_NOOP(
            "Errors", "Item {code} is in repair. Finish the repair first."
        ),
        Status.SOLD: QT_TRANSLATE_NOOP(
            "Errors", "Item {code} has been sold. Take it back as a return first."
        ),
        Status.MATERIAL_OUT: QT_TRANSLATE_NOOP(
            "Errors", "Item {code} has left the centre as material."
        ),
        Status.REPURPOSED: QT_TRANSLATE_NOOP(
            "Errors", "Item {code} was used to make another product."
        ),
    }
    if item.status is not Status.IN_STOCK:
        raise NotAllowed(messages[item.status], code=item.code)


def check_at_centre(item: Item) -> None:
    """Refuse, saying where the item is, unless it is at the centre (in repair counts)."""
    if item.status is not Status.IN_REPAIR:
        check_in_stock(item)
    check_not_voided(item)


def check_sellable(item: Item, electrical: bool) -> None:
    """An item may be sold when it is in stock, meant for sale, and safe if electrical."""
    check_in_stock(item)
    if item.route is Route.REPAIR:
        raise NotAllowed(
            QT_TRANSLATE_NOOP("Errors", "Item {code} is waiting for repair, not for sale."),
            code=item.code,
        )
    if item.route is Route.MATERIAL:
        raise NotAllowed(
            QT_TRANSLATE_NOOP("Errors", "Item {code} is meant for material, not for sale."),
            code=item.code,
        )
    if electrical and item.safety != "pass":
        raise NotAllowed(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Item {code} is electrical and has no passed safety test. The workshop must test it first.",  # noqa: E501
            ),
            code=item.code,
        )
