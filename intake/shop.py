"""The shop: selling scanned items, taking returns back, and labelling items from elsewhere.

A sale may hold several items; they are written together or not at all. The price offered is
the item's own (set in the workshop) or else its category's usual price, and may be changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from intake.auth import Action, require
from intake.errors import QT_TRANSLATE_NOOP, NotAllowed, ValidationError
from intake.events import Returned, Sold, payloads_of_kind
from intake.ids import new_id
from intake.lifecycle import active_events, check_not_voided, check_sellable
from intake.model import Item, Origin, Route, Status, User
from intake.registers import clean_serial
from intake.steps import StepService, clean_reason
from intake.units import check_price, check_weight_limits


@dataclass(frozen=True)
class Sale:
    """Items sold together, with what each cost."""

    id: str
    items: list[Item]
    total_cents: int


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
        check_sellable(item, self.category_of(item).is_electrical)
        return item

    def sell(
        self, user: User, lines: list[tuple[str, int | None]], at: datetime | None = None
    ) -> Sale:
        """Sell items, each at its given price (None: the suggested one), as one sale."""
        require(user, Action.SELL)
        if not lines:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Scan at least one item to sell."))
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
            steps.append(self._step(user, item, Sold(price, sale_id), at))
        self._write(steps)
        sold = [state for _, state in steps]
        return Sale(sale_id, sold, sum(item.price_cents or 0 for item in sold))

    def take_back(
        self, user: User, code: str, reason: str, at: datetime | None = None
    ) -> Item:
        """A customer brings a sold item back: it is in stock again and the price is refunded."""
        require(user, Action.SELL)
        item = self.item(code)
        check_not_voided(item)
        if item.status is not Status.SOLD:
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "Item {code} has not been sold."), code=item.code
            )
        sale = payloads_of_kind(active_events(self.history(item)), Sold)[-1]
        step = self._step(user, item, Returned(sale.price_cents, sale.sale), at,
                          reason=clean_reason(reason))
        self._write([step])
        return step[1]

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
