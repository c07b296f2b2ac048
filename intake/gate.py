"""The gate: visits, taking items in, and correcting them.

Validation (`prepare`) is apart from execution (`take_in`): the screen asks `prepare` first and
only shows a confirmation or an error; nothing is written until `take_in`, which writes the item
and its intake event in one transaction, so an item whose code was shown is on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.open_visits import latest_open_visit
from db.visit_cancels import cancel_visit, is_cancelled
from intake.auth import Action, require
from intake.codes import visit_code
from intake.errors import (
    QT_TRANSLATE_NOOP,
    Grams,
    NeedsConfirmation,
    NotAllowed,
    NotFound,
    ValidationError,
)
from intake.events import IntakeCorrected, RouteChanged
from intake.ids import new_id
from intake.lifecycle import check_in_stock
from intake.localtime import day_span
from intake.model import Category, GateTotals, Item, Origin, Route, User, Visit
from intake.registers import clean_serial
from intake.steps import StepService, clean_reason
from intake.units import check_weight_limits


@dataclass(frozen=True)
class IntakeRequest:
    """A checked intake, ready to be taken in."""

    category: Category
    route: Route
    weight_g: int
    estimated: bool
    serial: str | None = None  # a frame number, IMEI or serial number (the police register)


def parse_route(text: str | Route) -> Route:
    """A route from its code (sale, repair, material)."""
    try:
        return Route(text)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown route '{route}'. Use sale, repair or material."),
            route=str(text)[:20],
        ) from None


class GateService(StepService):
    """What the resource coach does at the thrift-store container."""

    # --- lookups ---------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        """The category tiles, in the coordinator's order."""
        return self.store.categories()

    def municipalities(self) -> list[str]:
        return self.store.name_lists.names("municipalities")

    def today(self, *, all_stations: bool = False) -> GateTotals:
        """Items, weight and visits since local midnight, at this station or at all of them."""
        start, end = day_span(self.clock.now(), self.store.settings().zone)
        return self.store.reports.gate_totals(start, end, None if all_stations else self.station)

    # --- visits ----------------------------------------------------------------------------

    def start_visit(
        self, user: User, municipality: str | None = None, at: datetime | None = None
    ) -> Visit:
        """Open a visit: one resident's drop-off, counted as one visitor."""
        require(user, Action.INTAKE)
        moment = self._moment(at)
        known = {name.casefold(): name for name in self.store.name_lists.names("municipalities")}
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
        with self.store.atomic():  # a single write, but storage failures read as at intake
            self.store.end_visit(visit.id, self.clock.now())

    def cancel_visit(self, user: User, visit: Visit) -> None:
        """Cancel a visit started by mistake: it then counts nowhere. Only a visit with no
        item that stands; the history keeps it, with who cancelled it and when."""
        require(user, Action.INTAKE)
        if self.visit_items(visit):
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "Errors", "Visit {code} has items. Undo them first, or end the visit."),
                code=visit.code)
        if is_cancelled(self.store.db, visit.id):
            raise NotAllowed(QT_TRANSLATE_NOOP("Errors", "Visit {code} was cancelled already."),
                             code=visit.code)
        with self.store.atomic():
            cancel_visit(self.store.db, visit.id, self.clock.now(), self.station, user.id,
                         "Started by mistake")

    def open_visit(self) -> Visit | None:
        """A visit of today that this station left open (the app stopped mid-visit)."""
        start, _ = day_span(self.clock.now(), self.store.settings().zone)
        return latest_open_visit(self.store.db, self.station, start)

    def visit(self, code: str) -> Visit:
        found = self.store.visit(code.strip().upper())
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No visit has code {code}."),
                           code=code.strip()[:24])
        return found

    # --- intake ----------------------------------------------------------------------------

    def prepare(
        self,
        category_code: str,
        route: str | Route,
        weight_g: int | None = None,
        *,
        confirmed: bool = False,
        serial: str | None = None,
    ) -> IntakeRequest:
        """Check an intake without writing it; `weight_g=None` uses the standard weight.

        Raises NeedsConfirmation for a weight outside the category's bounds, unless `confirmed`.
        """
        category = self.category(category_code)
        checked_route = parse_route(route)
        number = None if serial is None else clean_serial(serial)
        if weight_g is None:
            return IntakeRequest(category, checked_route, category.standard_weight_g, True,
                                 number)
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
        return IntakeRequest(category, checked_route, weight_g, False, number)

    def take_in(
        self, user: User, request: IntakeRequest, visit: Visit | None = None,
        at: datetime | None = None,
    ) -> Item:
        """Write the item and its intake event; returns it with its new code."""
        require(user, Action.INTAKE)
        with self.store.atomic():
            item, _ = self._new_item(
                user, request.category, request.route, request.weight_g, request.estimated,
                origin=Origin.GATE, at=at, visit=visit, serial=request.serial,
            )
        return item

    # --- corrections -----------------------------------------------------------------------

    def undo_last(self, user: User, visit: Visit, reason: str) -> Item:
        """Void the visit's most recent item (the gate's undo button)."""
        items = self.visit_items(visit)
        if not items:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no item to undo in this visit."))
        return self.void(user, items[0].code, reason)

    def correct_intake(
        self, user: User, code: str, reason: str, *, category: str | None = None,
        weight_g: int | None = None, at: datetime | None = None,
    ) -> Item:
        """Put right the category or the weight an item was taken in with: a new step with a
        reason, the history keeps what it was, and the figures follow. A new category alone
        keeps a weighed weight, and an estimate becomes the new category's standard weight."""
        item = self.item(code)
        self._check_correctable(user, item)
        new = item.category if category is None else self.category(category).code
        if weight_g is not None:
            check_weight_limits(weight_g)
            grams, estimated = weight_g, False
        elif item.weight_estimated:
            grams, estimated = self.category(new).standard_weight_g, True
        else:
            grams, estimated = item.weight_g, False
        if (new, grams, estimated) == (item.category, item.weight_g, item.weight_estimated):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Item {code} has that already: there is nothing to correct."),
                code=item.code)
        event, state = self._step(
            user, item, IntakeCorrected(new, grams, estimated, item.category, item.weight_g),
            at, reason=clean_reason(reason))
        self._write([(event, state)])
        return state

    def change_route(self, user: User, code: str, route: str | Route, reason: str) -> Item:
        """Send an item along another route than the one chosen at the gate."""
        item = self.item(code)
        new_route = parse_route(route)
        self._check_correctable(user, item)
        check_in_stock(item)
        if new_route is item.route:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The item already has this route.")
            )
        event, state = self._step(
            user, item, RouteChanged(item.route, new_route), reason=clean_reason(reason),
        )
        self._write([(event, state)])
        return state
