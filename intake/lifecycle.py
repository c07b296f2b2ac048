"""An item's state as its history makes it, and which steps that state allows.

The events are the truth; the item row is their sum, kept in the same transaction. `apply` is
the one place that says what each kind of event does to an item, used both when a step is
written and when the whole history is replayed: after a correction cancels a step, and after
other stations' steps arrive (`intake/merge.py`), when the replay also finds the steps that
contradict each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from intake.errors import QT_TRANSLATE_NOOP, NotAllowed
from intake.events import (
    Corrected,
    Intake,
    IntakeCorrected,
    MaterialOut,
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
    payloads_of_kind,
)
from intake.model import Event, EventType, Item, RepairStatus, Route, Status
from intake.order import merged_order

# Steps a correction may cancel (an intake is voided instead; a void is final).
CORRECTABLE = frozenset({
    EventType.ROUTE_CHANGED, EventType.REPAIR_STARTED, EventType.REPAIR_FINISHED,
    EventType.SAFETY_TESTED, EventType.PRICED, EventType.SOLD, EventType.RETURNED,
    EventType.MATERIAL_OUT, EventType.INTAKE_CORRECTED,
})


def apply(item: Item, event: Event) -> Item:
    """The item after `event` (an intake or correction leaves it as it is)."""
    match payload_of(event):
        case IntakeCorrected(category=category, weight_g=grams, weight_estimated=estimated):
            return replace(item, category=category, weight_g=grams, weight_estimated=estimated)
        case RouteChanged(to=route):
            return replace(item, route=route)
        case Voided():
            return replace(item, voided=True)
        case RepairStarted():
            # A repair opens the product up: an earlier safety test no longer holds.
            return replace(item, status=Status.IN_REPAIR, route=Route.REPAIR, safety=None)
        case RepairFinished(status=outcome, price_cents=price):
            if outcome is RepairStatus.FIXED:
                route = Route.MATERIAL if item.safety == "fail" else Route.SALE
            elif outcome is RepairStatus.REPAIRABLE:
                route = Route.REPAIR
            else:
                route = Route.MATERIAL
            return replace(item, status=Status.IN_STOCK, route=route,
                           price_cents=item.price_cents if price is None else price)
        case SafetyTested() as test:
            return replace(
                item, safety=test.result, route=item.route if test.passed else Route.MATERIAL,
            )
        case Priced(price_cents=price):
            return replace(item, price_cents=price)
        case Sold(price_cents=price):
            return replace(item, status=Status.SOLD, price_cents=price)
        case Returned():
            return replace(item, status=Status.IN_STOCK, route=Route.SALE)
        case MaterialOut():
            return replace(item, status=Status.MATERIAL_OUT, route=Route.MATERIAL)
        case Repurposed():
            return replace(item, status=Status.REPURPOSED)
    return item


def cancelled_steps(events: Sequence[Event]) -> set[str]:
    """The ids of the steps the corrections among `events` cancel."""
    return {correction.cancels for correction in payloads_of_kind(events, Corrected)}


def active_events(events: Sequence[Event]) -> list[Event]:
    """The history without corrections and the steps they cancelled."""
    cancelled = cancelled_steps(events)
    return [e for e in events if e.type is not EventType.CORRECTED and e.id not in cancelled]


# The statuses each kind of step needs, as the services check them before they write one
# (`check_in_stock`, `check_at_centre`, ...); no step but a void may follow a void, and a sale
# needs the route 'sale' too. The replay holds every step to these, wherever it was taken.
_AT_CENTRE = frozenset({Status.IN_STOCK, Status.IN_REPAIR})
_NEEDS: dict[EventType, frozenset[Status]] = {
    EventType.ROUTE_CHANGED: frozenset({Status.IN_STOCK}),
    EventType.REPAIR_STARTED: frozenset({Status.IN_STOCK}),
    EventType.REPAIR_FINISHED: frozenset({Status.IN_REPAIR}),
    EventType.SAFETY_TESTED: _AT_CENTRE,
    EventType.PRICED: _AT_CENTRE,
    EventType.SOLD: frozenset({Status.IN_STOCK}),
    EventType.RETURNED: frozenset({Status.SOLD}),
    EventType.MATERIAL_OUT: frozenset({Status.IN_STOCK}),
    EventType.REPURPOSED: frozenset({Status.IN_STOCK}),
    EventType.VOIDED: frozenset(Status),
    # What an item is and weighs may be put right wherever it is, until it is voided.
    EventType.INTAKE_CORRECTED: frozenset(Status),
}


class Refused(NamedTuple):
    """A step the item's state did not allow where the merged order puts it (steps taken
    offline on two stations that contradict each other): it is kept and has no effect."""

    step: Event
    cause: Event  # the earlier step that brought the state refusing it


@dataclass(frozen=True)
class Replayed:
    """An item's state after its whole history, and the steps that state refused."""

    state: Item
    refused: tuple[Refused, ...]


def replay_history(item: Item, events: Sequence[Event]) -> Replayed:
    """Replay the item's whole history (any order: it is put in the one merged order of
    `intake.order`), corrections taken into account; a step the state does not allow at its
    place is left without effect and returned as refused."""
    ordered = merged_order(events)
    intake = payload_of(ordered[0])
    if not isinstance(intake, Intake):
        raise PayloadError(ordered[0].id, "type", ordered[0].type.value)
    state = replace(
        item, route=intake.route, voided=False, status=Status.IN_STOCK,
        price_cents=intake.price_cents, safety=None, category=intake.category,
        weight_g=intake.weight_g, weight_estimated=intake.weight_estimated,
    )
    # Which step last set each part of the state: the cause named when a step is refused.
    set_by = {"voided": ordered[0], "status": ordered[0], "route": ordered[0]}
    refused = []
    for event in active_events(ordered)[1:]:
        needs = _NEEDS.get(event.type)
        if needs is not None:
            cause = ("voided" if state.voided else "status" if state.status not in needs
                     else "route" if event.type is EventType.SOLD and state.route is not Route.SALE
                     else None)
            if cause is not None:
                refused.append(Refused(event, set_by[cause]))
                continue
        after = apply(state, event)
        for part, changed in (("voided", after.voided != state.voided),
                              ("status", after.status is not state.status),
                              ("route", after.route is not state.route)):
            if changed:
                set_by[part] = event
        state = after
    return Replayed(state, tuple(refused))


def replay(item: Item, events: Sequence[Event]) -> Item:
    """The item's state from its whole history (`replay_history`)."""
    return replay_history(item, events).state


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
