"""Receipts: the ESC/POS bytes, sent over TCP 9100 and through a real CUPS raw queue to a real
listener, and the same receipt on the label printer (PDF read back, ZPL to a fake Zebra)."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fakezebra import FakeZebra, free_port
from test_flow import take_in
from test_labels_cups import cups_queue  # noqa: F401 - the fixture that starts CUPS
from test_till_screen import ReceiptListener

from db import Store
from intake.admin import AdminService
from intake.gate import GateService
from intake.model import PaymentMethod, User
from intake.receipts import receipt_of
from intake.shop import ShopService
from intake.till import CARD, Payment
from labels.escpos import (
    CODE_PAGE_858,
    FEED_AND_CUT,
    INIT,
    CupsReceiptPrinter,
    NetworkReceiptPrinter,
    ReceiptSetting,
    render_escpos,
)
from labels.printing import PrintError
from labels.receipt import Receipt, receipt_pdf, receipt_zpl, text_lines
from labels.zpl import ZebraPrinter

RECEIPT = Receipt(
    "Ambachtscentrum Zwolle", "21-11-2026 10:00",
    (("A000001", "Meubels", "€ 10,00"), ("A000002", "Boeken en een hele lange naam", "€ 2,50")),
    (("Totaal", "€ 12,50"), ("Contant", "€ 20,00"), ("Wisselgeld", "€ 7,50")),
    "Bedankt en tot ziens!")


@pytest.fixture
def listener() -> Iterator[ReceiptListener]:
    printer = ReceiptListener()
    yield printer
    printer.stop()


def test_the_lines_fit_the_paper_and_never_cut_an_amount() -> None:
    lines = text_lines(RECEIPT, 32)
    assert all(len(line) <= 32 for line in lines)
    assert lines == [
        "Ambachtscentrum Zwolle",
        "21-11-2026 10:00",
        "-" * 32,
        "A000001 Meubels          € 10,00",
        "A000002 Boeken en een hel € 2,50",
        "-" * 32,
        "Totaal                   € 12,50",
        "Contant                  € 20,00",
        "Wisselgeld                € 7,50",
        "",
        "Bedankt en tot ziens!",
    ]


def test_escpos_bytes() -> None:
    data = render_escpos(RECEIPT)
    assert data.startswith(INIT + CODE_PAGE_858 + b"\x1ba\x01\x1bE\x01Ambachtscentrum Zwolle\n")
    assert data.endswith(FEED_AND_CUT)
    assert "€".encode("cp858") == b"\xd5" and b"\xd5 12,50" in data
    total = b"\x1bE\x01\x1d!\x01Totaal" + b" " * 29 + b"\xd5 12,50\n\x1d!\x00\x1bE\x00"
    assert total in data  # the total in bold, double height
    # A control character in a text can start no command: it prints as '?'.
    sneaky = Receipt("Site\x1b@", "now", (), ())
    assert b"Site?@\n" in render_escpos(sneaky)


def test_a_receipt_over_tcp_9100(listener: ReceiptListener) -> None:
    where = NetworkReceiptPrinter("127.0.0.1", listener.port).send(render_escpos(RECEIPT))
    assert where == f"127.0.0.1:{listener.port}"
    assert listener.received.wait(5)
    assert listener.jobs == [render_escpos(RECEIPT)]


def test_a_receipt_printer_that_is_off_says_so() -> None:
    port = free_port()
    with pytest.raises(PrintError, match=f"receipt printer 127.0.0.1:{port} refused"):
        NetworkReceiptPrinter("127.0.0.1", port, timeout_s=2).send(b"x")


@pytest.mark.cups
def test_a_receipt_through_a_cups_raw_queue(
    cups_queue: str, listener: ReceiptListener,  # noqa: F811
) -> None:
    queue = "AmbachtReceipt"
    subprocess.run(["lpadmin", "-p", queue, "-v", f"socket://127.0.0.1:{listener.port}", "-E"],
                   check=True, capture_output=True)
    try:
        data = render_escpos(RECEIPT)
        assert CupsReceiptPrinter(queue).send(data).startswith(f"{queue}, job ")
        assert listener.received.wait(30), "CUPS sent nothing to the receipt printer"
        time.sleep(0.3)
        assert b"".join(listener.jobs) == data  # raw: byte for byte, no filter in between
    finally:
        subprocess.run(["lpadmin", "-x", queue], check=False, capture_output=True)


def test_the_receipt_on_the_label_printer(tmp_path: Path) -> None:
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(receipt_pdf(RECEIPT, "62x29"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")
    assert len([page for page in pages if page.strip()]) >= 2  # 11 lines over 29 mm labels
    assert "Wisselgeld" in text and "€ 7,50" in text and "A000001 Meubels" in text
    zebra = FakeZebra()
    try:
        zpl = receipt_zpl(RECEIPT, "102x51", 203)
        assert ZebraPrinter("127.0.0.1", zebra.port).send(zpl) == f"Zebra 127.0.0.1:{zebra.port}"
        assert b"".join(zebra.labels).count(b"^XA") == zpl.count(b"^XA") >= 1
        assert b"^FB" in zpl and b"^FDWisselgeld^FS" in zpl and b"^FD\xe2\x82\xac 7,50^FS" in zpl
    finally:
        zebra.stop()


def test_a_sale_becomes_a_receipt_in_the_label_language(
    store: Store, gate: GateService, shop: ShopService, coach: User, shop_clerk: User,
) -> None:
    chair = take_in(gate, coach, "furniture", "sale")
    book = take_in(gate, coach, "books", "sale")
    sale = shop.sell(shop_clerk, [(chair.code, 1000), (book.code, 250)],
                     payment=Payment(PaymentMethod.CASH, 2000))
    receipt = receipt_of(store, sale, datetime(2026, 11, 21, 9, 5, tzinfo=UTC))
    assert receipt.when == "21-11-2026 10:05"  # the site's local time
    assert receipt.lines[0] == (chair.code, "Meubels", "€ 10,00")
    assert receipt.sums == (("Totaal", "€ 12,50"), ("Contant", "€ 20,00"),
                            ("Wisselgeld", "€ 7,50"))
    store.set_setting("label_language", "en")
    lamp = take_in(gate, coach, "furniture", "sale")
    by_card = receipt_of(store, shop.sell(shop_clerk, [(lamp.code, 500)], payment=CARD),
                         datetime(2026, 11, 21, 9, 5, tzinfo=UTC))
    assert by_card.sums == (("Total", "€5.00"), ("Card (pin)", "€5.00"))


def test_the_receipt_setting_reads_what_it_can() -> None:
    assert ReceiptSetting.from_settings({}) == ReceiptSetting("none")
    assert ReceiptSetting.from_settings({"receipt_printer": "fax"}).kind == "none"
    network = ReceiptSetting.from_settings({"receipt_printer": "network",
                                            "receipt_host": "10.0.0.9", "receipt_port": "x"})
    assert (network.host, network.port) == ("10.0.0.9", 9100)
    with pytest.raises(PrintError):
        ReceiptSetting("label").printer()


def test_the_receipt_printer_is_chosen_by_taps(
    qtbot, store: Store, clock, coordinator: User, listener: ReceiptListener,
) -> None:
    from test_admin_screen import open_panel, select, tap, type_on_keyboard

    from ui.app import build_context
    from ui.screens.admin import AdminScreen
    from ui.widgets.keypad_panel import KeypadPanel
    from ui.widgets.panels import ChoicePanel

    screen = AdminScreen(build_context(store, clock, "nl"))
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.enter(coordinator)
    section = screen.sections["printer"]
    tap(qtbot, screen.tabs["printer"])
    select(screen, "printer", "receipt")
    assert section.rows.currentItem().text() == "Kassabonnen: Geen bonnen"
    tap(qtbot, section.change)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["network"])
    type_on_keyboard(qtbot, screen, "127.0.0.1")
    keypad = open_panel(screen, KeypadPanel)
    for key in str(listener.port):
        tap(qtbot, keypad.keypad.buttons[key])
    tap(qtbot, keypad.ok_button)
    assert ReceiptSetting.from_settings(store.settings()) == ReceiptSetting(
        "network", host="127.0.0.1", port=listener.port)
    select(screen, "printer", "receipt")
    assert section.rows.currentItem().text() == (
        f"Kassabonnen: Bonprinter (ESC/POS) in het netwerk · 127.0.0.1:{listener.port}")
    with pytest.raises(Exception, match="not a host name"):
        AdminService(store, clock).set_receipt_printer(coordinator, "network", host="a b")
    with pytest.raises(Exception, match="Unknown kind"):
        AdminService(store, clock).set_receipt_printer(coordinator, "fax")
