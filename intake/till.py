"""The till's money: how a sale is paid (cash or pin) and the change, the round amounts offered
for cash, and a period's takings by payment method (the day close, the report's
`revenue_by_method`).

The change is worked out here, never on the screen, so that the touchscreen, the command line
and the tests refuse the same short payment with the same message.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db import Store
from intake.day_sums import refresh_day_figures
from intake.errors import QT_TRANSLATE_NOOP, Cents, ValidationError
from intake.model import PaymentMethod
from intake.monitoring import Period
from intake.units import check_price, is_whole

# The notes a customer hands over; the till offers the next round amounts above a total.
NOTES_CENTS = (500, 1000, 2000, 5000, 10000)
QUICK_AMOUNTS = 3  # round amounts offered beside 'exact'


@dataclass(frozen=True)
class Payment:
    """How a sale is paid: by pin, or in cash with what the customer handed over (None: the
    exact amount). `unknown` is for sales recorded without asking (scripts)."""

    method: PaymentMethod
    received_cents: int | None = None

    def change(self, total_cents: int) -> int:
        """The change to give back on `total_cents` (0 by pin or for the exact amount)."""
        return 0 if self.received_cents is None else self.received_cents - total_cents


CARD = Payment(PaymentMethod.PIN)
UNASKED = Payment(PaymentMethod.UNKNOWN)


def check_payment(payment: Payment, total_cents: int | None) -> None:
    """Refuse a payment that cannot settle `total_cents`: cash received that is not an amount
    or less than the total, or an amount received by pin or unasked. Without a total, only
    the method and the amount are checked."""
    if not isinstance(payment.method, PaymentMethod):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose cash or pin."))
    received = payment.received_cents
    if received is None:
        return
    if payment.method is not PaymentMethod.CASH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Only cash has an amount received."))
    if not is_whole(received):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Type the amount received in euros."))
    check_price(received)
    if total_cents is not None and received < total_cents:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{received} received is less than the total {total}: "
                                        "{short} short."),
            received=Cents(received), total=Cents(total_cents),
            short=Cents(total_cents - received))


def quick_amounts(total_cents: int) -> list[int]:
    """The round amounts a customer is likely to hand over for `total_cents`, smallest first:
    each note's next multiple above the total (12,50 gives 15, 20 and 50)."""
    rounds = sorted({-(-total_cents // note) * note for note in NOTES_CENTS} - {total_cents})
    return [amount for amount in rounds if amount > 0][:QUICK_AMOUNTS]


@dataclass
class MethodTakings:
    """What one payment method took in: sales (a sale of several items counts once), their
    items and amount, and the returns paid back by it."""

    sales: int = 0
    items: int = 0
    sold_cents: int = 0
    returns: int = 0
    refunded_cents: int = 0

    @property
    def net_cents(self) -> int:
        return self.sold_cents - self.refunded_cents


@dataclass
class Takings:
    """A period's takings per payment method, in the order cash, pin, unknown."""

    by_method: dict[PaymentMethod, MethodTakings] = field(default_factory=dict)

    @property
    def sales(self) -> int:
        return sum(m.sales for m in self.by_method.values())

    @property
    def returns(self) -> int:
        return sum(m.returns for m in self.by_method.values())

    @property
    def net_cents(self) -> int:
        return sum(m.net_cents for m in self.by_method.values())

    def to_json(self) -> dict[str, dict[str, int]]:
        """The report's `revenue_by_method` block: every method, in cents."""
        return {method.value: {"sales": t.sales, "items": t.items, "sold_cents": t.sold_cents,
                               "returns": t.returns, "refunded_cents": t.refunded_cents,
                               "net_cents": t.net_cents}
                for method, t in self.by_method.items()}


def takings(store: Store, period: Period, station: str | None = None) -> Takings:
    """The sales and returns of `period` that still stand (not cancelled by a correction nor
    in conflict, the item not voided), summed per payment method: the same sales the
    report's revenue counts. With `station`, only that till's (its day close: other
    stations' sales may be here too, merged from the hub)."""
    # Read from the day sums (`intake.day_sums`), which sum the very steps the report's
    # revenue counts: a year's takings cost a few rows, not a payload per sale.
    refresh_day_figures(store, period.first, period.last, store.categories(include_hidden=True))
    result = Takings({method: MethodTakings() for method in PaymentMethod})
    for method, kind, count, cents in store.day_figures.takings(period.first, period.last,
                                                                station):
        sums = result.by_method[PaymentMethod(method)]
        if kind == "sales":
            sums.sales += count
        elif kind == "sold":
            sums.items += count
            sums.sold_cents += cents
        else:
            sums.returns += count
            sums.refunded_cents += cents
    return result
