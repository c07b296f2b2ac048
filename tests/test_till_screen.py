"""The till by taps and scans, in Dutch as the store sees it: cash with change, pin, a return
paid back, parked sales over a logout and a restart, the day close, a voided label, a receipt.

The taps of a sale with cash and of a return are counted: a change that adds a tap fails here.
"""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from taps import counting, log_in, tap
from test_flow import snapshot
from test_flow_screens import log_out, scan
from test_gate_screen import panel

from db import Store
from intake.clock import FixedClock
from intake.events import Returned, Sold, payload_of
from intake.model import Item, PaymentMethod, Status, User
from intake.till import CARD, Payment
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screens.shop import ShopScreen
from ui.screens.till_parts import CashPanel, DayClosePanel
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel
from ui.widgets.reasons import reason_of

# What a sale with cash and a return take, in taps (scans are not taps).
CASH_SALE_TAPS = 2  # 'Contant', then the note handed over
RETURN_TAPS = 3  # 'Retour', then the reason, then cash or pin


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, shop_clerk: User,
        tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    return build_context(store, clock, "nl")


def total(shop: ShopScreen) -> str:
    """The total line as read (its amounts are joined by no-break spaces)."""
    return shop.total.text().replace("\u00a0", " ")


def for_sale(ctx: AppContext, *prices: int) -> list[Item]:
    coach = ctx.auth.login("1111")
    items = []
    for price in prices:
        item = ctx.gate.take_in(coach, ctx.gate.prepare("furniture", "sale"))
        items.append(ctx.workshop.set_price(ctx.auth.login("3333"), item.code, price))
    return items


def test_a_sale_with_cash_shows_the_change_until_the_next_scan(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    chair, book, lamp = for_sale(ctx, 1000, 250, 400)
    log_in(qtbot, window, "3333")
    shop = window.shop
    scan(qtbot, chair.code)
    scan(qtbot, book.code)
    assert total(shop) == "Totaal € 12,50"
    with counting() as count:
        tap(qtbot, shop.cash_button)
        cash = panel(window, CashPanel)
        assert cash.title.text() == "Contant: totaal €\u00a012,50"
        assert [b.text() for b in cash.quick_buttons.values()] == [
            "Gepast", "€\u00a015,00", "€\u00a020,00", "€\u00a050,00"]
        tap(qtbot, cash.quick_buttons[2000])
    assert count.taps == CASH_SALE_TAPS
    assert total(shop) == "Betaald € 12,50 · contant · wisselgeld € 7,50"
    for code in (chair.code, book.code):
        sold = payload_of(ctx.shop.history(ctx.shop.item(code))[-1])
        assert isinstance(sold, Sold) and sold.method is PaymentMethod.CASH
    window._last_scan = ("", 0.0)
    scan(qtbot, lamp.code)  # the next customer: the last one's payment goes
    assert total(shop) == "Totaal € 4,00"


def test_cash_typed_shows_the_change_and_a_short_amount_sells_nothing(
    qtbot, window: MainWindow, ctx: AppContext, store: Store
) -> None:
    [chair] = for_sale(ctx, 1250)
    log_in(qtbot, window, "3333")
    shop = window.shop
    scan(qtbot, chair.code)
    tap(qtbot, shop.cash_button)
    cash = panel(window, CashPanel)
    for key in "10":
        tap(qtbot, cash.keypad.buttons[key])
    assert cash.display.text() == "€ 10"
    assert cash.change.text() == ("€\u00a010,00 ontvangen is minder dan het totaal €\u00a012,50: "
                                  "€\u00a02,50 te weinig.")
    before = snapshot(store)
    # Short: "Betaald" is off (and looks it), with the reason shown above it; a tap on it
    # sells nothing and the panel stays.
    assert not cash.ok_button.isEnabled() and reason_of(cash.ok_button) == cash.change.text()
    qtbot.mouseClick(cash.ok_button, Qt.MouseButton.LeftButton)
    assert cash.isVisible() and snapshot(store) == before
    assert ctx.shop.item(chair.code).status is Status.IN_STOCK
    tap(qtbot, cash.keypad.buttons["back"])
    for key in "5,5":  # 15,50
        tap(qtbot, cash.keypad.buttons[key])
    assert cash.change.text() == "Wisselgeld €\u00a03,00"
    tap(qtbot, cash.ok_button)
    assert total(shop) == "Betaald € 12,50 · contant · wisselgeld € 3,00"


def test_a_sale_just_paid_can_be_undone_until_the_next_scan(
    qtbot, window: MainWindow, ctx: AppContext, store: Store
) -> None:
    chair, book = for_sale(ctx, 1000, 250)
    log_in(qtbot, window, "3333")
    shop = window.shop
    assert not shop.undo_button.isVisible()  # nothing paid yet
    scan(qtbot, chair.code)
    scan(qtbot, book.code)
    tap(qtbot, shop.pin_button)
    assert shop.undo_button.text() == "Verkeerd? Terugdraaien"
    tap(qtbot, shop.undo_button)
    ask = panel(window, ConfirmPanel)
    before = snapshot(store)
    tap(qtbot, ask.no_button)  # kept: nothing changes
    assert snapshot(store) == before and shop.undo_button.isVisible()
    tap(qtbot, shop.undo_button)
    tap(qtbot, panel(window, ConfirmPanel).yes_button)
    assert total(shop) == "Verkoop teruggedraaid: geef € 12,50 terug"
    assert not shop.undo_button.isVisible()
    for code in (chair.code, book.code):  # for sale again; the history keeps sale and undo
        item = ctx.shop.item(code)
        assert item.status is Status.IN_STOCK
        assert [e.reason for e in ctx.shop.history(item)][-1] == "Verkoop ongedaan aan de kassa"


def test_pin_is_one_tap(qtbot, window: MainWindow, ctx: AppContext) -> None:
    [chair] = for_sale(ctx, 1250)
    log_in(qtbot, window, "3333")
    scan(qtbot, chair.code)
    with counting() as count:
        tap(qtbot, window.shop.pin_button)
    assert count.taps == 1
    assert total(window.shop) == "Betaald € 12,50 · pin"
    sold = payload_of(ctx.shop.history(ctx.shop.item(chair.code))[-1])
    assert isinstance(sold, Sold) and sold.method is PaymentMethod.PIN


def test_a_return_names_the_refund_and_asks_how(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    [chair] = for_sale(ctx, 750)
    ctx.shop.sell(ctx.auth.login("3333"), [(chair.code, None)])
    log_in(qtbot, window, "3333")
    shop = window.shop
    with counting() as count:
        tap(qtbot, shop.return_button)
        # An instruction, not a success: not in the green of "went well".
        assert shop.banner.text() == "Scan het artikel dat de klant terugbrengt."
        assert shop.banner.property("role") == "banner-do"
        scan(qtbot, chair.code)
        reasons = panel(window, ChoicePanel)
        assert reasons.title.text() == f"Waarom komt {chair.code} terug? Verkocht voor €\u00a07,50."
        tap(qtbot, reasons.option_buttons["Past niet"])
        how = panel(window, ChoicePanel)
        assert how.title.text() == "€\u00a07,50 terugbetalen: hoe?"
        tap(qtbot, how.option_buttons["cash"])
    assert count.taps == RETURN_TAPS
    assert total(shop) == "€ 7,50 terugbetaald · contant"
    returned = payload_of(ctx.shop.history(ctx.shop.item(chair.code))[-1])
    assert isinstance(returned, Returned)
    assert (returned.refund_cents, returned.method) == (750, PaymentMethod.CASH)


def test_a_parked_sale_survives_a_logout_and_a_restart(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    chair, book, lamp = for_sale(ctx, 1000, 250, 400)
    log_in(qtbot, window, "3333")
    shop = window.shop
    scan(qtbot, chair.code)
    scan(qtbot, book.code)
    tap(qtbot, shop.park_button)
    assert shop.basket == [] and shop.parked_button.text() == "Geparkeerd (1)"
    scan(qtbot, lamp.code)
    log_out(qtbot, window)  # the open sale is parked too, not lost
    again = MainWindow(ctx)  # the app started again on the same database
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    log_in(qtbot, again, "3333")
    till = again.shop
    assert till.parked_button.text() == "Geparkeerd (2)"
    tap(qtbot, till.parked_button)
    choice = panel(again, ChoicePanel)
    [first, _] = choice.option_buttons
    assert choice.option_buttons[first].text() == "10:00 · 2 artikelen · €\u00a012,50"
    tap(qtbot, choice.option_buttons[first])
    assert [item.code for item, _ in till.basket] == [chair.code, book.code]
    assert till.parked_button.text() == "Geparkeerd (1)"
    tap(qtbot, till.pin_button)
    assert ctx.shop.item(book.code).status is Status.SOLD
    again.close()


def test_the_day_close_shows_the_takings_by_method(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    chair, book, lamp = for_sale(ctx, 1000, 250, 400)
    clerk = ctx.auth.login("3333")
    ctx.shop.sell(clerk, [(chair.code, None), (book.code, None)],
                  payment=Payment(PaymentMethod.CASH, 2000))
    ctx.shop.sell(clerk, [(lamp.code, None)], payment=CARD)
    ctx.shop.take_back(clerk, book.code, "Past niet", method=PaymentMethod.CASH)
    log_in(qtbot, window, "3333")
    tap(qtbot, window.shop.day_close_button)
    close = panel(window, DayClosePanel)
    assert close.title.text() == "Dagafsluiting 21-11-2026"
    assert close.text().splitlines() == [
        "Contant: €\u00a010,00",
        "1 verkoop · €\u00a012,50 · 1 retour · −€\u00a02,50",
        "Pin: €\u00a04,00",
        "1 verkoop · €\u00a04,00",
        "Totaal: €\u00a014,00",
        "2 verkopen · 1 retour",
    ]


def test_a_voided_label_at_the_till_offers_a_new_one(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    coach = ctx.auth.login("1111")
    vase = ctx.gate.take_in(coach, ctx.gate.prepare("household", "sale"))
    ctx.gate.void(coach, vase.code, "Dubbel ingevoerd")
    log_in(qtbot, window, "3333")
    scan(qtbot, vase.code)
    offer = panel(window, ConfirmPanel)
    assert offer.title.text() == (f"{vase.code} is ongeldig gemaakt (Dubbel ingevoerd) en kan "
                                  "met dit label niet verkocht worden. Een nieuw label maken?")
    tap(qtbot, offer.yes_button)
    tap(qtbot, panel(window, ChoicePanel).option_buttons["household"])
    price = panel(window, KeypadPanel)
    for key in "3":
        tap(qtbot, price.keypad.buttons[key])
    tap(qtbot, price.ok_button)
    [(item, cents)] = window.shop.basket
    assert item.code != vase.code and cents == 300
    assert total(window.shop) == "Totaal € 3,00"


class ReceiptListener:
    """A receipt printer on the loopback's TCP port: keeps each connection's bytes."""

    def __init__(self) -> None:
        self.jobs: list[bytes] = []
        self.received = threading.Event()
        listener = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                data = b""
                while chunk := self.request.recv(65536):
                    data += chunk
                listener.jobs.append(data)
                listener.received.set()

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener() -> Iterator[ReceiptListener]:
    printer = ReceiptListener()
    yield printer
    printer.stop()


def test_a_receipt_on_a_network_receipt_printer(
    qtbot, window: MainWindow, ctx: AppContext, coordinator: User, listener: ReceiptListener
) -> None:
    ctx.admin.set_receipt_printer(coordinator, "network", host="127.0.0.1", port=listener.port)
    [chair] = for_sale(ctx, 1250)
    log_in(qtbot, window, "3333")
    shop = window.shop
    assert shop.receipt_button.isVisible() and not shop.receipt_button.isEnabled()
    scan(qtbot, chair.code)
    tap(qtbot, shop.cash_button)
    tap(qtbot, panel(window, CashPanel).quick_buttons[2000])
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, shop.receipt_button)
    assert listener.received.wait(5)
    [job] = listener.jobs
    text = job.decode("cp858")
    assert "Ambachtscentrum Test" in text and "21-11-2026 10:00" in text
    assert f"{chair.code} Meubels" in text and "Wisselgeld" in text and "€ 7,50" in text
    assert job.endswith(b"\x1dV\x42\x03")  # feed and cut


def test_a_receipt_printer_that_is_off_says_so_on_the_till(
    qtbot, window: MainWindow, ctx: AppContext, coordinator: User
) -> None:
    from fakezebra import free_port

    port = free_port()
    ctx.admin.set_receipt_printer(coordinator, "network", host="127.0.0.1", port=port)
    [chair] = for_sale(ctx, 1250)
    log_in(qtbot, window, "3333")
    scan(qtbot, chair.code)
    tap(qtbot, window.shop.pin_button)
    with qtbot.waitSignal(ctx.printer_queue.failed, timeout=10_000):
        tap(qtbot, window.shop.receipt_button)
    assert window.shop.banner.is_error()
    assert window.shop.banner.text() == (  # short and Dutch; the address is in the log
        "De bonprinter reageert niet: zet hem aan en tik opnieuw op Bon.")
    assert window.shop.receipt_button.isEnabled()  # to print it again


def test_the_day_close_prints_on_the_receipt_printer(
    qtbot, window: MainWindow, ctx: AppContext, coordinator: User, listener: ReceiptListener
) -> None:
    ctx.admin.set_receipt_printer(coordinator, "network", host="127.0.0.1", port=listener.port)
    chair, book = for_sale(ctx, 1000, 250)
    clerk = ctx.auth.login("3333")
    ctx.shop.sell(clerk, [(chair.code, None)], payment=Payment(PaymentMethod.CASH, 2000))
    ctx.shop.sell(clerk, [(book.code, None)], payment=CARD)
    log_in(qtbot, window, "3333")
    tap(qtbot, window.shop.day_close_button)
    close = panel(window, DayClosePanel)
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, close.print_button)
    assert listener.received.wait(5)
    text = listener.jobs[0].decode("cp858")
    assert "Dagafsluiting 21-11-2026 10:00" in text
    assert "Contant (1 verkoop, 0 retouren)" in text and "€ 10,00" in text
    assert "Pin (1 verkoop, 0 retouren)" in text and "Totaal" in text and "€ 12,50" in text
