"""The shop: selling scanned items, taking returns back, and labelling items from elsewhere.

A sale may hold several items; they are written together or not at all. The price offered is
the item's own (set in the workshop) or else its category's usual price, and may be changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.till import TillQueries
from intake.auth import Action, require
from intake.errors import QT_TRANSLATE_NOOP, AmbachtError, NotAllowed, NotFound, ValidationError
from intake.events import Returned, Sold, payloads_of_kind
from intake.ids import new_id
from intake.lifecycle import active_events, check_not_voided, check_sellable
from intake.model import EventType, Item, Origin, PaymentMethod, Role, Route, Status, User
from intake.registers import clean_serial
from intake.steps import StepService, clean_reason
from intake.till import UNASKED, Payment, check_payment
from intake.units import check_price, check_weight_limits


@dataclass(frozen=True)
class Sale:
    """Items sold together, with what each cost and how they were paid."""

    id: str
    items: list[Item]
    total_cents: int
    payment: Payment = UNASKED

    @property
    def change_cents(self) -> int:
        return self.payment.change(self.total_cents)


@dataclass(frozen=True)
class ParkedBasket:
    """A sale put aside: its lines (code, price or None for the suggested one)."""

    id: str
    parked_at: datetime
    lines: list[tuple[str, int | None]]


class ShopService(StepService):
    """What shop staff (and the coordinator) do at the till."""

    def suggested_price(self, item: Item) -> int | None:
        """The item's own price, else its category's usual price, else None."""
        if item.price_cents is not None:
            return item.price_cents
        return self.category_of(item).price_cents

    def sellable(self, code: str) -> Item:
        """The item with this code, if it may be sold now; else a refusal saying why."""
        item = self.item(code)
        self.check_sellable(item)
        return item

    def check_sellable(self, item: Item) -> None:
        """Refuse to sell `item` now (sold, voided, electrical without a passed test)."""
        check_sellable(item, self.category_of(item).is_electrical)

    def sell(
        self, user: User, lines: list[tuple[str, int | None]], at: datetime | None = None,
        payment: Payment = UNASKED,
    ) -> Sale:
        """Sell items, each at its given price (None: the suggested one), as one sale paid by
        `payment`; cash received short of the total is refused and nothing is sold."""
        require(user, Action.SELL)
        if not lines:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Scan at least one item to sell."))
        check_payment(payment, None)  # the method first: the total needs the prices
        items = [self.sellable(code) for code, _ in lines]
        if len({item.code for item in items}) != len(items):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An item is in the list twice."))
        sale_id = new_id()
        steps = []
        for item, (_, given) in zip(items, lines, strict=True):
            price = given if given is not None else self.suggested_price(item)
            if price is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Item {code} has no price. Enter one."),
                    code=item.code,
                )
            check_price(price)
            steps.append(self._step(user, item, Sold(price, sale_id, payment.method), at))
        sold = [state for _, state in steps]
        total = sum(item.price_cents or 0 for item in sold)
        check_payment(payment, total)
        self._write(steps)
        return Sale(sale_id, sold, total, payment)

    def void_reason(self, item: Item) -> str:
        """Why the item was voided ('' when it was not)."""
        voids = [e for e in active_events(self.history(item)) if e.type is EventType.VOIDED]
        return (voids[-1].reason or "") if voids else ""

    def refund(self, code: str) -> int:
        """What a return of this sold item pays back: the price it was sold for."""
        item = self.item(code)
        check_not_voided(item)
        return self._last_sale(item).price_cents

    def _last_sale(self, item: Item) -> Sold:
        if item.status is not Status.SOLD:
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "Item {code} has not been sold."), code=item.code
            )
        return payloads_of_kind(active_events(self.history(item)), Sold)[-1]

    def take_back(
        self, user: User, code: str, reason: str, at: datetime | None = None,
        method: PaymentMethod = PaymentMethod.UNKNOWN,
    ) -> Item:
        """A customer brings a sold item back: it is in stock again and the price it was sold
        for is paid back by `method`."""
        require(user, Action.SELL)
        if not isinstance(method, PaymentMethod):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose cash or pin."))
        item = self.item(code)
        check_not_voided(item)
        sale = self._last_sale(item)
        step = self._step(user, item, Returned(sale.price_cents, sale.sale, method), at,
                          reason=clean_reason(reason))
        self._write([step])
        return step[1]

    def cancel_sale(self, user: User, sale: Sale, reason: str) -> list[Item]:
        """Undo a sale just recorded (wrong items, or paid another way): each item's sale is
        cancelled with `reason`, all or nothing; the history keeps the sale and its cancel."""
        require(user, Action.SELL)
        steps = []
        for sold in sale.items:
            item = self.item(sold.code)
            check_not_voided(item)
            last = active_events(self.history(item))[-1]
            if last.type is not EventType.SOLD:  # taken back or changed meanwhile
                raise NotAllowed(QT_TRANSLATE_NOOP(
                    "Errors", "Item {code} has changed since the sale; take it back instead."),
                    code=item.code)
            if user.role is not Role.COORDINATOR:
                self._check_own_today(user, last)
            steps.append(self._cancel(user, item, last, reason))
        self._write(steps)
        return [state for _, state in steps]

    def label_in_shop(
        self, user: User, category_code: str, weight_g: int | None = None,
        price_cents: int | None = None, at: datetime | None = None,
        serial: str | None = None,
    ) -> Item:
        """Give a code to an item that reached the store without passing the gate, with its
        serial number for the police register when it has one."""
        require(user, Action.LABEL_IN_SHOP)
        category = self.category(category_code)
        estimated = weight_g is None
        weight = category.standard_weight_g if weight_g is None else weight_g
        check_weight_limits(weight)
        if price_cents is not None:
            check_price(price_cents)
        number = None if serial is None else clean_serial(serial)
        with self.store.atomic():
            item, _ = self._new_item(
                user, category, Route.SALE, weight, estimated, origin=Origin.SHOP, at=at,
                price_cents=price_cents, serial=number,
            )
        return item

    # --- parked baskets: a sale put aside for a customer who comes back to pay --------------

    def park(self, user: User, lines: list[tuple[str, int | None]]) -> ParkedBasket:
        """Put a basket aside at this station; it survives a logout and a restart and is no
        sale: nothing of it is counted until it is paid."""
        require(user, Action.SELL)
        if not lines:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The sale is empty: nothing to "
                                                              "park."))
        for code, price in lines:
            self.item(code)
            if price is not None:
                check_price(price)
        basket = ParkedBasket(new_id(), self.clock.now(), list(lines))
        with self.store.atomic():
            TillQueries(self.store.db).park(basket.id, self.station, user.id, basket.parked_at,
                                            basket.lines)
        return basket

    def parked(self) -> list[ParkedBasket]:
        """This station's parked baskets, oldest first."""
        return [ParkedBasket(*row) for row in TillQueries(self.store.db).parked(self.station)]

    def pick_up(self, user: User, basket_id: str) -> tuple[list[tuple[Item, int | None]],
                                                           list[str]]:
        """Take a parked basket back into the till: its items that may still be sold with
        their prices, and the codes of those that may not any more (sold or voided since)."""
        require(user, Action.SELL)
        with self.store.atomic():
            lines = TillQueries(self.store.db).unpark(basket_id, self.station)
        if lines is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "That parked sale is gone: it was "
                                                       "picked up already."))
        kept: list[tuple[Item, int | None]] = []
        dropped: list[str] = []
        for code, price in lines:
            try:
                kept.append((self.sellable(code), price))
            except AmbachtError:
                dropped.append(code)
        return kept, dropped
