"""The workshop: repairs recorded as the Open Repair Data Standard asks, safety tests, prices
and repurposing (a new product made from material items).

Electrical equipment is released for sale only with a passed safety test on record; a failed
test sends it to material. A repair opens the product up, so it needs a new test afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from intake.auth import Action, require
from intake.errors import QT_TRANSLATE_NOOP, NotAllowed, ValidationError
from intake.events import (
    Priced,
    RepairFinished,
    RepairStarted,
    Repurposed,
    SafetyTested,
    payload_of,
)
from intake.lifecycle import check_at_centre, check_in_stock, check_not_voided
from intake.model import Barrier, Item, Origin, RepairStatus, Route, Status, User
from intake.ords import (
    check_product_category,
    parse_barrier,
    parse_repair_status,
    powered,
    product_category,
)
from intake.shelf import EVERYTHING, Shelf, ShelfFilter, read_shelf
from intake.steps import StepService, clean_text
from intake.units import check_price, check_weight_limits

MAX_MINUTES = 24 * 60  # one repair session; more is a typo
BRAND_MAX, PROBLEM_MAX = 40, 200
FIRST_YEAR = 1900
_NOT_ELECTRICAL = QT_TRANSLATE_NOOP(
    "Errors", "Item {code} is not electrical; it needs no safety test."
)
_BAD_YEAR = QT_TRANSLATE_NOOP("Errors", "A year of manufacture is {low} to {high}.")
_BAD_MINUTES = QT_TRANSLATE_NOOP("Errors", "Minutes spent are {low} to {high}.")
_NO_PROBLEM = QT_TRANSLATE_NOOP(
    "Errors", "Describe the problem of {code}: the repair record of a powered product needs it.")
_NO_PRODUCT = QT_TRANSLATE_NOOP(
    "Errors", "Which product is {code} (laptop, mobile, ...)? Choose its ORDS product category.")
_UNPOWERED_PRODUCT = QT_TRANSLATE_NOOP(
    "Errors", "Item {code} is not electrical, so it has no ORDS product category: leave the "
    "product out.")
_YEAR_AFTER_REPAIR = QT_TRANSLATE_NOOP(
    "Errors", "Made in {year}? The repair was in {repair_year}: a product is made before it "
    "is repaired.")


@dataclass(frozen=True)
class RepairOutcome:
    """What the repairer records when a repair ends (ORDS terms)."""

    status: RepairStatus
    barrier: Barrier | None = None  # only with end of life
    problem: str | None = None
    brand: str | None = None
    year: int | None = None  # year of manufacture, when known
    minutes: int | None = None
    safety_test: str | None = None  # 'pass' or 'fail', for electrical items
    price_cents: int | None = None  # the store price of a fixed item
    product: str = ""  # ORDS product category; '' takes the item's category's


def parse_safety(text: str) -> str:
    """'pass' or 'fail'."""
    cleaned = str(text).strip().lower()
    if cleaned not in ("pass", "fail"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A safety test result is pass or fail."),
        )
    return cleaned


class WorkshopService(StepService):
    """What workshop staff (and the coordinator) do with an item they scanned."""

    def shelf(self, chosen: ShelfFilter = EVERYTHING) -> Shelf:
        """What is on the workshop's shelf as `chosen` filters it, with its counts."""
        return read_shelf(self.store, chosen)

    def repair_started_at(self, item: Item) -> datetime | None:
        """When the item's latest repair started, if it is in repair."""
        if item.status is not Status.IN_REPAIR:
            return None
        starts = [event.at for event in self.history(item)
                  if isinstance(payload_of(event), RepairStarted)]
        return starts[-1] if starts else None

    def suggestions(self, item: Item, limit: int = 6) -> tuple[list[str], list[str]]:
        """Brands and problems recorded most often for this item's category."""
        return (self.store.frequent_repair_values("brand", item.category, limit),
                self.store.frequent_repair_values("problem", item.category, limit))

    def products(self, item: Item, limit: int = 6) -> list[str]:
        """The ORDS product categories to offer for this item: its category's own first, then
        those its category's repairs named most often."""
        default = self.category_of(item).ords_category
        used = self.store.frequent_repair_values("ords_category", item.category, limit)
        names = [product_category(name) for name in [default, *used]]
        return list(dict.fromkeys(name for name in names if name))[:limit]

    def start_repair(self, user: User, code: str, at: datetime | None = None) -> Item:
        """Take an item into repair, whatever route the gate gave it."""
        require(user, Action.REPAIR)
        item = self.item(code)
        check_in_stock(item)
        step = self._step(user, item, RepairStarted(from_route=item.route), at)
        self._write([step])
        return step[1]

    def outcome(
        self, status: str | RepairStatus, *, barrier: str | Barrier | None = None,
        problem: str | None = None, brand: str | None = None, year: int | str | None = None,
        minutes: int | str | None = None, safety_test: str | None = None,
        price_cents: int | None = None, product: str | None = None,
    ) -> RepairOutcome:
        """A checked repair outcome from what was typed or chosen; `product` is the ORDS
        product category when it is not the one the item's category maps to."""
        repair_status = parse_repair_status(status)
        checked_barrier = parse_barrier(barrier) if barrier not in (None, "") else None
        if checked_barrier is not None and repair_status is not RepairStatus.END_OF_LIFE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A repair barrier goes only with end of life.")
            )
        if price_cents is not None:
            check_price(price_cents)
        return RepairOutcome(
            status=repair_status, barrier=checked_barrier,
            problem=clean_text(problem, PROBLEM_MAX), brand=clean_text(brand, BRAND_MAX),
            year=_whole_number(year, FIRST_YEAR, self.clock.now().year, _BAD_YEAR),
            minutes=_whole_number(minutes, 1, MAX_MINUTES, _BAD_MINUTES),
            safety_test=None if safety_test is None else parse_safety(safety_test),
            price_cents=price_cents, product=check_product_category(product or ""),
        )

    def finish_repair(
        self, user: User, code: str, outcome: RepairOutcome, at: datetime | None = None
    ) -> Item:
        """Record how a repair ended; a safety test done with it is recorded just before.

        A powered item's repair goes into the ORDS export, which needs the problem and the
        product category; its year of manufacture is never after the repair."""
        require(user, Action.REPAIR)
        item = self.item(code)
        check_not_voided(item)
        if item.status is not Status.IN_REPAIR:
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "Item {code} is not in repair. Start the repair first."),  # noqa: E501
                code=item.code,
            )
        category = self.category_of(item)
        steps = []
        if outcome.safety_test is not None:
            if not category.is_electrical:
                raise ValidationError(_NOT_ELECTRICAL, code=item.code)
            steps.append(self._step(user, item, SafetyTested(outcome.safety_test), at))
            item = steps[-1][1]
        if outcome.product and not powered(category):
            raise ValidationError(_UNPOWERED_PRODUCT, code=item.code)
        product = outcome.product or category.ords_category
        if powered(category) and not outcome.problem:
            raise ValidationError(_NO_PROBLEM, code=item.code)
        if powered(category) and not product:
            raise ValidationError(_NO_PRODUCT, code=item.code)
        finished = RepairFinished(
            outcome.status, barrier=outcome.barrier, problem=outcome.problem,
            brand=outcome.brand, year=outcome.year, minutes=outcome.minutes,
            ords_category=product,
            price_cents=outcome.price_cents if outcome.status is RepairStatus.FIXED else None,
        )
        steps.append(self._step(user, item, finished, at, after=steps[-1][0] if steps else None))
        repair_year = steps[-1][0].at.astimezone(self.store.settings().zone).year
        if outcome.year is not None and outcome.year > repair_year:
            raise ValidationError(_YEAR_AFTER_REPAIR, year=outcome.year, repair_year=repair_year)
        self._write(steps)
        return steps[-1][1]

    def safety_test(
        self, user: User, code: str, result: str, at: datetime | None = None
    ) -> Item:
        """Record an electrical safety test (by whom and when go into the event)."""
        require(user, Action.REPAIR)
        item = self.item(code)
        check_at_centre(item)
        if not self.category_of(item).is_electrical:
            raise ValidationError(_NOT_ELECTRICAL, code=item.code)
        step = self._step(user, item, SafetyTested(parse_safety(result)), at)
        self._write([step])
        return step[1]

    def set_price(
        self, user: User, code: str, price_cents: int, at: datetime | None = None
    ) -> Item:
        """Put a store price on an item that is still at the centre."""
        require(user, Action.PRICE)
        item = self.item(code)
        check_at_centre(item)
        check_price(price_cents)
        step = self._step(user, item, Priced(price_cents), at)
        self._write([step])
        return step[1]

    def repurpose(
        self, user: User, source_codes: list[str], category_code: str,
        weight_g: int | None = None, at: datetime | None = None,
        price_cents: int | None = None,
    ) -> Item:
        """Make a new product from material items; it gets its own code and names its sources.

        Without a weight the product weighs what its sources weighed together.
        """
        require(user, Action.REPURPOSE)
        if not source_codes:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Scan at least one item the product is made from.")
            )
        sources = [self.item(code) for code in source_codes]
        codes = [item.code for item in sources]
        if len(set(codes)) != len(codes):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An item is in the list twice."))
        for source in sources:
            check_in_stock(source)
        category = self.category(category_code)
        if weight_g is None:
            weight_g = sum(source.weight_g for source in sources)
            estimated = any(source.weight_estimated for source in sources)
        else:
            estimated = False
        check_weight_limits(weight_g)
        if price_cents is not None:
            check_price(price_cents)
        with self.store.atomic():
            product, intake = self._new_item(
                user, category, Route.SALE, weight_g, estimated, origin=Origin.REPURPOSED, at=at,
                made_from=tuple(codes), price_cents=price_cents,
            )
            # The sources are used up at the moment the product was made.
            steps = [self._step(user, source, Repurposed(product.code),
                                max(intake.at, self.history(source)[-1].at))
                     for source in sources]
            self._write(steps)
        return product


def _whole_number(value: int | str | None, low: int, high: int, message: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise ValidationError(message, low=low, high=high)
    return int(text)
