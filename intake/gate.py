"""The gate: visits, taking items in, and correcting them.

Validation (`prepare`) is apart from execution (`take_in`): the screen asks `prepare` first and
only shows a confirmation or an error; nothing is written until `take_in`, which writes the item
and its intake event in one transaction, so an item whose code was shown is on disk.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from db import Store
from intake.auth import Action, require
from intake.clock import Clock, ensure_utc
from intake.codes import item_code, normalize_item_code, visit_code
from intake.errors import (
    QT_TRANSLATE_NOOP,
    Grams,
    NeedsConfirmation,
    NotAllowed,
    NotFound,
    ValidationError,
)
from intake.ids import new_id
from intake.localtime import day_span, site_zone
from intake.model import Category, Event, EventType, GateTotals, Item, Role, Route, User, Visit
from intake.units import check_weight_limits

FUTURE_TOLERANCE = timedelta(minutes=5)  # clocks of two stations may differ a little
REASON_MIN, REASON_MAX = 3, 200


@dataclass(frozen=True)
class IntakeRequest:
    """A checked intake, ready to be taken in."""

    category: Category
    route: Route
    weight_g: int
    estimated: bool


def parse_route(text: str | Route) -> Route:
    """A route from its code (sale, repair, material)."""
    try:
        return Route(text)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown route '{route}'. Use sale, repair or material."),
            route=str(text)[:20],
        ) from None


def clean_reason(text: str) -> str:
    """A correction's reason: required, one line, a few words at least."""
    cleaned = " ".join(str(text).split())
    if not (REASON_MIN <= len(cleaned) <= REASON_MAX) or not cleaned.isprintable():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Give a reason of {min} to {max} characters."),
            min=REASON_MIN,
            max=REASON_MAX,
        )
    return cleaned


class GateService:
    """What the resource coach does at the thrift-store container."""

    def __init__(self, store: Store, clock: Clock, station: str) -> None:
        self.store = store
        self.clock = clock
        self.station = station

    # --- lookups ---------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        """The category tiles, in the coordinator's order."""
        return self.store.categories()

    def municipalities(self) -> list[str]:
        return self.store.municipalities()

    def item(self, code: str) -> Item:
        """The item with this code, as typed or scanned."""
        found = self.store.item_by_code(normalize_item_code(code))
        if found is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "No item has code {code}."), code=code.strip().upper()
            )
        return found

    def history(self, item: Item) -> list[Event]:
        return self.store.events(item.id)

    def today(self, *, all_stations: bool = False) -> GateTotals:
        """Items, weight and visits since local midnight, at this station or at all of them."""
        start, end = day_span(self.clock.now(), site_zone(self.store.settings()))
        return self.store.gate_totals(start, end, None if all_stations else self.station)

    # --- visits ----------------------------------------------------------------------------

    def start_visit(
        self, user: User, municipality: str | None = None, at: datetime | None = None
    ) -> Visit:
        """Open a visit: one resident's drop-off, counted as one visitor."""
        require(user, Action.INTAKE)
        moment = self._moment(at)
        known = {name.casefold(): name for name in self.store.municipalities()}
        if municipality is not None and municipality.strip():
            if municipality.strip().casefold() not in known:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Unknown municipality '{name}'."),
                    name=municipality.strip()[:40],
                )
            municipality = known[municipality.strip().casefold()]
        else:
            municipality = None
        with self.store.atomic():
            seq = self.store.take_visit_seq(self.station)
            visit = Visit(
                id=new_id(), code=visit_code(self.station, seq), station=self.station,
                user_id=user.id, started_at=moment, municipality=municipality,
            )
            self.store.add_visit(visit)
        return visit

    def visit_items(self, visit: Visit) -> list[Item]:
        """The visit's items (voided ones left out), the most recent first."""
        return self.store.items_of_visit(visit.id)

    def end_visit(self, visit: Visit) -> None:
        self.store.end_visit(visit.id, self.clock.now())

    def visit(self, code: str) -> Visit:
        found = self.store.visit(code.strip().upper())
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No visit has code {code}."), code=code)
        return found

    # --- intake ----------------------------------------------------------------------------

    def prepare(
        self,
        category_code: str,
        route: str | Route,
        weight_g: int | None = None,
        *,
        confirmed: bool = False,
    ) -> IntakeRequest:
        """Check an intake without writing it; `weight_g=None` uses the standard weight.

        Raises NeedsConfirmation for a weight outside the category's bounds, unless `confirmed`.
        """
        category = self.store.category(category_code)
        if category is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Unknown category '{code}'."), code=category_code[:30]
            )
        if category.hidden:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Category '{code}' is hidden."), code=category.code
            )
        checked_route = parse_route(route)
        if weight_g is None:
            return IntakeRequest(category, checked_route, category.standard_weight_g, True)
        check_weight_limits(weight_g)
        low, high = category.min_weight_g, category.max_weight_g
        outside = (low is not None and weight_g < low) or (high is not None and weight_g > high)
        if outside and not confirmed:
            raise NeedsConfirmation(
                QT_TRANSLATE_NOOP(
                    "Errors", "{weight} is unusual here (usual: {low} to {high}). Is it right?"
                ),
                weight=Grams(weight_g),
                low=Grams(low or 0),
                high=Grams(high or 0),
            )
        return IntakeRequest(category, checked_route, weight_g, False)

    def take_in(
        self, user: User, request: IntakeRequest, visit: Visit | None = None,
        at: datetime | None = None,
    ) -> Item:
        """Write the item and its intake event; returns it with its new code."""
        require(user, Action.INTAKE)
        moment = self._moment(at)
        recorded = self.clock.now()
        with self.store.atomic():
            code = item_code(self.station, self.store.take_item_seq(self.station))
            item = Item(
                id=new_id(), code=code, category=request.category.code,
                weight_g=request.weight_g, weight_estimated=request.estimated,
                route=request.route, station=self.station, intake_at=moment,
                visit_id=visit.id if visit else None,
            )
            event = Event(
                id=new_id(), item_id=item.id, type=EventType.INTAKE, at=moment,
                recorded_at=recorded, station=self.station, user_id=user.id,
                data={
                    "category": item.category, "route": item.route.value,
                    "weight_g": item.weight_g, "weight_estimated": item.weight_estimated,
                    "visit": visit.code if visit else None,
                },
            )
            self.store.add_item(item, event)
        return item

    # --- corrections -----------------------------------------------------------------------

    def void(self, user: User, code: str, reason: str) -> Item:
        """Mark an item as taken in by mistake; it then counts nowhere. History keeps it."""
        item = self.item(code)
        self._check_correctable(user, item)
        event = self._correction(user, item, EventType.VOIDED, reason, {})
        with self.store.atomic():
            self.store.add_event(event)
            self.store.set_item_voided(item.id)
        return replace(item, voided=True)

    def undo_last(self, user: User, visit: Visit, reason: str) -> Item:
        """Void the visit's most recent item (the gate's undo button)."""
        items = self.visit_items(visit)
        if not items:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no item to undo in this visit."))
        return self.void(user, items[0].code, reason)

    def change_route(self, user: User, code: str, route: str | Route, reason: str) -> Item:
        """Send an item along another route than the one chosen at the gate."""
        item = self.item(code)
        new_route = parse_route(route)
        self._check_correctable(user, item)
        if new_route is item.route:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The item already has this route.")
            )
        event = self._correction(
            user, item, EventType.ROUTE_CHANGED, reason,
            {"from": item.route.value, "to": new_route.value},
        )
        with self.store.atomic():
            self.store.add_event(event)
            self.store.set_item_route(item.id, new_route)
        return replace(item, route=new_route)

    def _check_correctable(self, user: User, item: Item) -> None:
        require(user, Action.CORRECT_INTAKE)
        if item.voided:
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "Item {code} was voided already."), code=item.code
            )
        if user.role is Role.COACH:
            # A coach corrects their own intakes of today; older ones go via the coordinator.
            intake = self.store.events(item.id)[0]
            start, _ = day_span(self.clock.now(), site_zone(self.store.settings()))
            if intake.user_id != user.id or intake.recorded_at < start:
                raise NotAllowed(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Only your own items of today. Ask the coordinator for this one."
                    )
                )

    def _correction(
        self, user: User, item: Item, kind: EventType, reason: str, data: dict[str, object]
    ) -> Event:
        now = self.clock.now()
        return Event(
            id=new_id(), item_id=item.id, type=kind, at=now, recorded_at=now,
            station=self.station, user_id=user.id, reason=clean_reason(reason), data=data,
        )

    def _moment(self, at: datetime | None) -> datetime:
        now = self.clock.now()
        if at is None:
            return now
        moment = ensure_utc(at)
        if moment > now + FUTURE_TOLERANCE:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "That time is in the future."))
        return moment
