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
from intake.order import merged_order, seen_by

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
    """The ids of the steps (a correction too) that the corrections among `events` (one
    item's history) cancel: those of the corrections that stand (`settle`)."""
    return settle(events).cancelled


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
    overruled: tuple[str, ...] = ()  # corrections that do not stand (`settle`)


@dataclass(frozen=True)
class Settled:
    """What the corrections of an item's history come to: the steps cancelled by those that
    stand, and the corrections refused as contradicting another's resolution."""

    cancelled: set[str]
    refused: tuple[Refused, ...]
    overruled: tuple[str, ...]  # the corrections that do not stand: refused or cancelled


def settle(events: Sequence[Event], item: Item | None = None) -> Settled:
    """Which corrections among `events` (one item's history, any order) stand.

    A correction stands unless a correction that stands cancels it (the coordinator's
    decision on the conflict below), or it is refused: two coordinators, each not knowing
    the other's step, resolved one conflict opposite ways (one cancelled the refused step,
    the other the step that refused it). Both cancellations standing would bring back a
    state neither chose (the voided item in stock, the sale counted nowhere), so the later
    of the two in the merged order is kept without effect and is itself a conflict, with the
    other as its cause, for the coordinator to decide once more. A correction that saw the
    other's (it was taken after it had arrived) is a decision taken knowing it, and stands.
    """
    if sum(event.type is EventType.CORRECTED for event in events) < 2:
        # Nothing to contradict (most items): every correction stands.
        return Settled({correction.cancels
                        for correction in payloads_of_kind(events, Corrected)}, (), ())
    ordered = merged_order(events)
    corrections = [(event, payload.cancels) for event in ordered
                   if event.type is EventType.CORRECTED
                   and isinstance(payload := payload_of(event), Corrected)]
    start = _start(ordered[0], item)
    seen = seen_by(ordered, (event.id for event, _ in corrections))
    refused: dict[str, Event] = {}
    for _ in corrections:  # a refusal can change what stands: until nothing changes
        standing = _standing(corrections, refused)
        found: dict[str, Event] = {}
        kept: dict[str, Event] = {}  # a conflict's step and the correction that kept it
        applied: set[str] = set()
        for correction, target in corrections:
            if correction.id in standing:  # a correction that stands cancels it
                continue
            keeper = kept.get(target)
            if keeper is not None and keeper.id not in seen[correction.id]:
                found[correction.id] = keeper
                continue
            if target in applied:  # two that cancel one step agree
                continue
            pairs = [(r.step, r.cause) for r in _replay(start, ordered, applied).refused]
            pairs.extend((event, refused_by) for event_id, refused_by in found.items()
                         if (event := _by_id(ordered, event_id)) is not None)
            for step, cause in pairs:
                if target in (step.id, cause.id):
                    kept.setdefault(cause.id if target == step.id else step.id, correction)
            applied.add(target)
        if found.keys() == refused.keys():
            break
        refused = found
    standing = _standing(corrections, refused)
    return Settled(set(standing),
                   tuple(Refused(event, refused[event.id]) for event, _ in corrections
                         if event.id in refused),
                   tuple(event.id for event, _ in corrections
                         if event.id in refused or event.id in standing))


def _standing(corrections: list[tuple[Event, str]], refused: dict[str, Event]
              ) -> dict[str, Event]:
    """The corrections that stand, by the step each cancels: all but the refused and those a
    correction that stands cancels (always a later one: so looked at from the last)."""
    standing: dict[str, Event] = {}
    for correction, target in reversed(corrections):
        if correction.id not in refused and correction.id not in standing:
            standing[target] = correction  # of two cancelling one step, the first
    return standing


def _by_id(events: Sequence[Event], event_id: str) -> Event | None:
    return next((event for event in events if event.id == event_id), None)


def _start(intake_event: Event, item: Item | None) -> Item:
    """The item as its intake made it (`item`'s identity kept, when given)."""
    intake = payload_of(intake_event)
    if not isinstance(intake, Intake):
        raise PayloadError(intake_event.id, "type", intake_event.type.value)
    if item is None:
        item = Item(id=intake_event.item_id, code="", category=intake.category,
                    weight_g=intake.weight_g, weight_estimated=intake.weight_estimated,
                    route=intake.route, station=intake_event.station,
                    intake_at=intake_event.at, origin=intake.origin)
    return replace(
        item, route=intake.route, voided=False, status=Status.IN_STOCK,
        price_cents=intake.price_cents, safety=None, category=intake.category,
        weight_g=intake.weight_g, weight_estimated=intake.weight_estimated,
    )


def replay_history(item: Item, events: Sequence[Event]) -> Replayed:
    """Replay the item's whole history (any order: it is put in the one merged order of
    `intake.order`), corrections taken into account (`settle`); a step the state does not
    allow at its place is left without effect and returned as refused, and so is a
    correction that contradicts another's resolution."""
    ordered = merged_order(events)
    settled = settle(ordered, item)
    replayed = _replay(_start(ordered[0], item), ordered, settled.cancelled)
    return Replayed(replayed.state, replayed.refused + settled.refused, settled.overruled)


def _replay(state: Item, ordered: Sequence[Event], cancelled: set[str]) -> Replayed:
    """`ordered` (merged order, its intake first) from the intake's `state`, without the
    corrections and the steps in `cancelled`."""
    # Which step last set each part of the state: the cause named when a step is refused.
    set_by = {"voided": ordered[0], "status": ordered[0], "route": ordered[0]}
    refused = []
    for event in ordered[1:]:
        if event.type is EventType.CORRECTED or event.id in cancelled:
            continue
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
