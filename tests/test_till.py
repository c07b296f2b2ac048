"""The till without a screen: cash and pin, the change, refunds by method, parked baskets and
the takings of a day by payment method, which add up to the report's revenue."""

from __future__ import annotations

import json
from datetime import date

import pytest
from test_flow import assert_rows_match_history, snapshot, take_in

from db import Store
from intake.clock import FixedClock
from intake.errors import NotAllowed, NotFound, ValidationError
from intake.events import Returned, Sold, payload_of, payloads_of_kind
from intake.gate import GateService
from intake.model import EventType, PaymentMethod, Status, User
from intake.monitoring import Period, build_report
from intake.shop import ShopService
from intake.till import CARD, Payment, check_payment, quick_amounts, takings

CASH = PaymentMethod.CASH


def test_cash_gives_change_and_is_stored_with_each_sold_item(
    gate: GateService, shop: ShopService, coach: User, shop_clerk: User, store: Store,
) -> None:
    chair = take_in(gate, coach, "furniture", "sale")
    book = take_in(gate, coach, "books", "sale")
    sale = shop.sell(shop_clerk, [(chair.code, 1000), (book.code, 250)],
                     payment=Payment(CASH, 2000))
    assert (sale.total_cents, sale.change_cents) == (1250, 750)
    for code in (chair.code, book.code):
        [sold] = payloads_of_kind(shop.history(shop.item(code)), Sold)
        assert (sold.method, sold.sale) == (CASH, sale.id)
    *_, before, sold_step = shop.history(shop.item(book.code))
    assert sold_step.data == {
        "after": before.id, "price_cents": 250, "sale": sale.id, "method": "cash"}
    assert_rows_match_history(store, gate)


def test_a_short_or_nonsense_payment_changes_nothing(
    gate: GateService, shop: ShopService, coach: User, shop_clerk: User, store: Store,
) -> None:
    chair = take_in(gate, coach, "furniture", "sale")
    before = snapshot(store)
    with pytest.raises(ValidationError, match=r"€10.00 received is less than the total "
                                              r"€12.50: €2.50 short"):
        shop.sell(shop_clerk, [(chair.code, 1250)], payment=Payment(CASH, 1000))
    for bad in (-100, 2.5, True, 10**9):
        with pytest.raises(ValidationError):
            shop.sell(shop_clerk, [(chair.code, 1250)], payment=Payment(CASH, bad))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="Only cash"):
        shop.sell(shop_clerk, [(chair.code, 1250)], payment=Payment(PaymentMethod.PIN, 2000))
    with pytest.raises(ValidationError, match="cash or pin"):
        shop.sell(shop_clerk, [(chair.code, 1250)], payment=Payment("bitcoin"))  # type: ignore[arg-type]
    assert snapshot(store) == before
    check_payment(Payment(CASH), 1250)  # the exact amount: no change


def test_a_sale_just_made_is_undone_whole_or_not_at_all(
    gate: GateService, shop: ShopService, coach: User, shop_clerk: User, store: Store,
) -> None:
    chair = take_in(gate, coach, "furniture", "sale")
    book = take_in(gate, coach, "books", "sale")
    sale = shop.sell(shop_clerk, [(chair.code, 1000), (book.code, 250)], payment=CARD)
    shop.take_back(shop_clerk, book.code, "Past niet", method=CASH)  # one line changed since
    before = snapshot(store)
    with pytest.raises(NotAllowed, match="take it back instead"):
        shop.cancel_sale(shop_clerk, sale, "Verkeerd aangeslagen")
    assert snapshot(store) == before  # the chair's sale stands too: all or nothing
    assert shop.item(chair.code).status is Status.SOLD
    lamp = take_in(gate, coach, "furniture", "sale")
    again = shop.sell(shop_clerk, [(lamp.code, 400), (book.code, 250)], payment=CARD)
    undone = shop.cancel_sale(shop_clerk, again, "Verkeerd aangeslagen")
    assert [item.status for item in undone] == [Status.IN_STOCK, Status.IN_STOCK]
    last = shop.history(shop.item(lamp.code))[-1]  # the sale stays, cancelled with a reason
    assert (last.type, last.reason) == (EventType.CORRECTED, "Verkeerd aangeslagen")
    assert_rows_match_history(store, gate)


def test_round_amounts_offered_for_cash() -> None:
    assert quick_amounts(1250) == [1500, 2000, 5000]
    assert quick_amounts(2000) == [5000, 10000]
    assert quick_amounts(350) == [500, 1000, 2000]
    assert quick_amounts(0) == []  # given away: nothing to hand over


def test_a_return_pays_back_the_price_it_was_sold_for_by_the_method_chosen(
    gate: GateService, shop: ShopService, coach: User, shop_clerk: User, store: Store,
) -> None:
    lamp = take_in(gate, coach, "furniture", "sale")
    shop.sell(shop_clerk, [(lamp.code, 1800)], payment=CARD)
    assert shop.refund(lamp.code) == 1800
    before = snapshot(store)
    with pytest.raises(ValidationError, match="cash or pin"):
        shop.take_back(shop_clerk, lamp.code, "Does not fit", method="voucher")  # type: ignore[arg-type]
    assert snapshot(store) == before
    shop.take_back(shop_clerk, lamp.code, "Does not fit", method=CASH)
    *_, sold_step, return_step = shop.history(shop.item(lamp.code))
    returned = payload_of(return_step)
    assert returned == Returned(1800, returned.sale, CASH, after=sold_step.id)
    with pytest.raises(NotAllowed, match="has not been sold"):
        shop.refund(lamp.code)


def test_an_old_sale_reads_as_paid_unknown() -> None:
    from intake.events import payload_from, to_data

    old = {"price_cents": 900, "sale": "s1"}
    payload = payload_from(EventType.SOLD, old, "e1")
    assert payload.method is PaymentMethod.UNKNOWN
    assert to_data(payload) == old  # written again, nothing is added


def test_a_parked_basket_is_kept_until_picked_up_and_counts_for_nothing(
    gate: GateService, shop: ShopService, coach: User, shop_clerk: User, store: Store,
    clock: FixedClock,
) -> None:
    chair = take_in(gate, coach, "furniture", "sale")
    book = take_in(gate, coach, "books", "sale")
    events = store.db.execute("SELECT count(*) FROM events").fetchone()
    basket = shop.park(shop_clerk, [(chair.code, 900), (book.code, None)])
    assert store.db.execute("SELECT count(*) FROM events").fetchone() == events
    # Another station's till in the same file does not see it; this one, reopened, does.
    assert ShopService(store, clock, "B").parked() == []
    again = ShopService(store, clock, "A")
    assert [b.lines for b in again.parked()] == [[(chair.code, 900), (book.code, None)]]
    shop.sell(shop_clerk, [(book.code, 100)], payment=CARD)  # sold meanwhile
    kept, dropped = again.pick_up(shop_clerk, basket.id)
    assert [(item.code, price) for item, price in kept] == [(chair.code, 900)]
    assert dropped == [book.code]
    assert again.parked() == []
    with pytest.raises(NotFound, match="picked up already"):
        again.pick_up(shop_clerk, basket.id)
    with pytest.raises(ValidationError, match="nothing to park"):
        shop.park(shop_clerk, [])
    with pytest.raises(NotFound):
        shop.park(shop_clerk, [("A000999", 100)])
    with pytest.raises(NotAllowed):
        shop.park(coach, [(chair.code, 100)])
    assert shop.parked() == []


def test_the_days_takings_by_method_add_up_to_the_reports_revenue(
    gate: GateService, shop: ShopService, coach: User, shop_clerk: User, store: Store,
    clock: FixedClock,
) -> None:
    codes = [take_in(gate, coach, "furniture", "sale").code for _ in range(6)]
    shop.sell(shop_clerk, [(codes[0], 1000), (codes[1], 500)], payment=Payment(CASH, 2000))
    shop.sell(shop_clerk, [(codes[2], 700)], payment=CARD)
    shop.sell(shop_clerk, [(codes[3], 300)])  # a script's sale: unknown
    shop.sell(shop_clerk, [(codes[4], 400)], payment=CARD)
    clock.advance(minutes=5)
    shop.take_back(shop_clerk, codes[1], "Does not fit", method=PaymentMethod.PIN)
    shop.correct_last(shop_clerk, codes[4], "Wrong item at the till")  # never happened
    gate.void(coach, codes[5], "Entered twice")
    today = Period(date(2026, 11, 21), date(2026, 11, 21))
    day = takings(store, today)
    assert day.to_json() == {
        "cash": {"sales": 1, "items": 2, "sold_cents": 1500, "returns": 0,
                 "refunded_cents": 0, "net_cents": 1500},
        "pin": {"sales": 1, "items": 1, "sold_cents": 700, "returns": 1,
                "refunded_cents": 500, "net_cents": 200},
        "unknown": {"sales": 1, "items": 1, "sold_cents": 300, "returns": 0,
                    "refunded_cents": 0, "net_cents": 300},
    }
    assert (day.sales, day.returns, day.net_cents) == (3, 1, 2000)
    report = build_report(store, today, clock.now())
    assert report.total.revenue_cents == day.net_cents
    assert takings(store, Period(date(2026, 11, 22), date(2026, 11, 22))).sales == 0
    # A sale at another till whose history is here counts for the site, not this till's day.
    other = take_in(gate, coach, "furniture", "sale")
    store.add_station("B")
    ShopService(store, clock, "B").sell(shop_clerk, [(other.code, 900)], payment=CARD)
    assert takings(store, today).net_cents == 2900
    assert takings(store, today, "A").net_cents == 2000
    assert takings(store, today, "B").to_json()["pin"]["net_cents"] == 900
    assert shop.item(codes[1]).status is Status.IN_STOCK


def test_takings_read_only_the_sales_index(store: Store) -> None:
    plan = " ".join(str(row) for row in store.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM events INDEXED BY events_sales "
        "WHERE type IN ('sold', 'returned') AND at >= '2026' AND at < '2027'").fetchall())
    assert "events_sales" in plan and "SCAN events" not in plan


def test_the_command_line_sells_for_cash_and_reports_revenue_by_method(
    capsys, tmp_path,
) -> None:
    from cli_run import run

    from cli.main import main

    db = str(tmp_path / "centre.sqlite")
    assert main(["init", "--db", db, "--site", "Ambacht Oss"]) == 0
    capsys.readouterr()
    d = ("--db", db)
    codes = [run(capsys, "intake", *d, "--category", "furniture", "--route", "sale")[1].strip()
             for _ in range(3)]
    code, out, _ = run(capsys, "sell", codes[0], codes[1], *d, "--price-eur", "10", "2,5",
                       "--paid", "cash", "--received-eur", "20")
    assert code == 0 and out.splitlines()[-3:] == ["total  €12.50", "paid  cash",
                                                   "change  €7.50"]
    code, _, err = run(capsys, "sell", codes[2], *d, "--price-eur", "5", "--paid", "cash",
                       "--received-eur", "4")
    assert code == 2 and "€4.00 received is less than the total €5.00: €1.00 short" in err
    code, _, err = run(capsys, "sell", codes[2], *d, "--paid", "pin", "--received-eur", "4")
    assert code == 2 and "give --paid cash" in err
    assert run(capsys, "sell", codes[2], *d, "--price-eur", "5", "--paid", "pin")[0] == 0
    code, out, _ = run(capsys, "return", codes[1], *d, "--reason", "Past niet", "--paid", "cash")
    assert (code, out) == (0, f"{codes[1]}  back in stock; pay back €2.50 by cash\n")
    code, out, _ = run(capsys, "report", *d, "--from", "2000-01-01", "--to", "2100-12-31",
                       "--format", "json")
    data = json.loads(out)
    assert data["revenue_by_method"]["cash"] == {
        "sales": 1, "items": 2, "sold_cents": 1250, "returns": 1, "refunded_cents": 250,
        "net_cents": 1000}
    assert data["revenue_by_method"]["pin"]["net_cents"] == 500
    assert data["totals"]["revenue_eur"] == 15.0
