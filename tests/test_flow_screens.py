"""An item walked through the centre on screen: taken in at the gate, scanned into repair in
the workshop, sold in the store, by taps and by simulated barcode-scanner bursts."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from repair_taps import flow, number, other, pick
from test_gate_screen import log_in, panel, tap

from db import Store
from devices.settings import SCAN_GAP
from intake.clock import FixedClock
from intake.model import EventType, Route, Status, User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screens.repair_flow import OTHER
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel, Panel


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, repairer: User, shop_clerk: User,
        tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    store.set_setting("document_folder", str(tmp_path / "documents"))
    return build_context(store, clock, "en")


def scan(qtbot, text: str, end: Qt.Key = Qt.Key.Key_Return, gaps_ms: list[float] | None = None,
         ) -> None:
    """Type `text` the way a USB scanner does: a burst of key presses 5 ms apart, then Enter.

    The scanner filter gets a clock that moves 5 ms per key (or by `gaps_ms`, one gap before
    each key and the Enter), so that a busy test machine pausing between two keys cannot turn
    the burst into typing.
    """
    [window] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]
    times = itertools.accumulate(gaps_ms or itertools.repeat(5.0))
    window.scanner.clock = lambda: next(times) / 1000
    target = QApplication.focusWidget() or window
    for char in text:
        key = Qt.Key(ord(char.upper()))
        modifiers = Qt.KeyboardModifier.ShiftModifier if char.isupper() else \
            Qt.KeyboardModifier.NoModifier
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, char))
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, end,
                                             Qt.KeyboardModifier.NoModifier, "\r"))
    window.scanner.clock = time.monotonic


def log_out(qtbot, window: MainWindow) -> None:
    screen = window.stack.currentWidget()
    tap(qtbot, screen.top.logout_button)


def answer(qtbot, window: MainWindow, key: str) -> None:
    tap(qtbot, panel(window, ChoicePanel).option_buttons[key])


def keypad(qtbot, window: MainWindow, text: str) -> None:
    pad = panel(window, KeypadPanel)
    pad.type_text(text)
    tap(qtbot, pad.ok_button)


def test_an_item_goes_from_gate_to_workshop_to_store(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    # The gate: a broken lamp, routed to sale, since it looked fine.
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    tap(qtbot, gate.categories.tiles["lamps"])
    tap(qtbot, gate.weight.standard_button)
    tap(qtbot, gate.weight.route_buttons[Route.SALE])
    code = "A000001"
    log_out(qtbot, window)

    # The store cannot sell it: it has no safety test.
    log_in(qtbot, window, "3333")
    assert window.stack.currentWidget() is window.shop
    scan(qtbot, code)
    assert window.shop.banner.is_error() and "safety test" in window.shop.banner.text()
    assert window.shop.basket == []
    log_out(qtbot, window)

    # The workshop scans it, repairs it, tests it and prices it.
    log_in(qtbot, window, "2222")
    workshop = window.workshop
    assert window.stack.currentWidget() is workshop
    scan(qtbot, code)
    assert workshop.card.item is not None and workshop.card.item.code == code
    tap(qtbot, workshop.start_button)
    assert ctx.workshop.item(code).status is Status.IN_REPAIR
    tap(qtbot, workshop.finish_button)
    assert flow(window).progress.text() == "Step 1"
    pick(qtbot, window, "fixed")
    pick(qtbot, window, "pass")
    number(qtbot, window, "7,5")
    assert flow(window).progress.text() == "Step 4 of 8: Fixed · test passed · €7.50"
    number(qtbot, window, "20")
    # A powered product's problem may not be left out: ORDS needs it.
    assert not flow(window).skip_button.isVisible()
    other(qtbot, window, "Loose wire")
    other(qtbot, window, "Hema")  # a brand not seen before, typed on the keyboard
    number(qtbot, window, "2019")  # year of manufacture
    pick(qtbot, window, "Lamp")  # the ORDS product, the category's own offered first
    item = ctx.workshop.item(code)
    assert ctx.workshop.history(item)[-1].data["brand"] == "Hema"
    assert ctx.workshop.history(item)[-1].data["year"] == 2019
    assert ctx.workshop.history(item)[-1].data["problem"] == "Loose wire"
    assert ctx.workshop.history(item)[-1].data["ords_category"] == "Lamp"
    assert ctx.workshop.suggestions(item)[0] == ["Hema"]
    assert (item.status, item.route, item.safety, item.price_cents) == (
        Status.IN_STOCK, Route.SALE, "pass", 750)
    assert "Now: At the centre" in workshop.card.facts.text()
    assert workshop.card.history.count() == 4
    log_out(qtbot, window)

    # The store sells it with a second item, scanned with the price prefilled.
    chair = ctx.gate.take_in(ctx.auth.login("1111"), ctx.gate.prepare("furniture", "sale"))
    log_in(qtbot, window, "3333")
    shop = window.shop
    scan(qtbot, code)
    scan(qtbot, chair.code)
    assert [(i.code, p) for i, p in shop.basket] == [(code, 750), (chair.code, 2500)]
    shop.lines.setCurrentRow(1)
    tap(qtbot, shop.price_button)
    keypad(qtbot, window, "20")
    assert "€ 27.50" in shop.total.text() or "€27.50" in shop.total.text()
    tap(qtbot, shop.pin_button)
    assert shop.total.text() == "Paid €27.50 · pin"
    assert ctx.shop.item(code).status is Status.SOLD
    assert ctx.shop.item(chair.code).price_cents == 2000
    # A second sale of the same lamp is refused with a clear message.
    scan(qtbot, code)
    assert shop.basket == [] and "has been sold" in shop.banner.text()

    # The customer brings the chair back.
    tap(qtbot, shop.return_button)
    scan(qtbot, chair.code)
    answer(qtbot, window, "Does not fit")
    answer(qtbot, window, "cash")
    assert ctx.shop.item(chair.code).status is Status.IN_STOCK
    types = [e.type for e in ctx.gate.history(ctx.gate.item(code))]
    assert types == [EventType.INTAKE, EventType.REPAIR_STARTED, EventType.SAFETY_TESTED,
                     EventType.REPAIR_FINISHED, EventType.SOLD]


def test_a_scan_never_types_into_the_field_that_has_focus(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    log_in(qtbot, window, "2222")
    item = ctx.gate.take_in(ctx.auth.login("1111"), ctx.gate.prepare("books", "sale"))
    field = QLineEdit(window.workshop)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    scan(qtbot, item.code)
    assert field.text() == ""
    assert window.workshop.card.item is not None
    assert window.workshop.card.item.code == item.code
    # A person typing (slower than a scanner) reaches the field, in order.
    for char in "ab":
        QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key(ord(char.upper())),
                                                Qt.KeyboardModifier.NoModifier, char))
        qtbot.wait(120)
    qtbot.waitUntil(lambda: field.text() == "ab")


def test_a_bike_whose_label_is_gone_is_found_by_its_frame_number(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    """The frame number's sticker scanned at the till stands for the bike's label."""
    bike = ctx.gate.take_in(ctx.auth.login("1111"), ctx.gate.prepare(
        "bicycles", "sale", None, serial="WTU 123-456"))
    log_in(qtbot, window, "3333")
    scan(qtbot, "WTU123456")
    assert [line.code for line, _ in window.shop.basket] == [bike.code]
    scan(qtbot, "XYZ99999")  # no item has it: said as any code that is not an item's
    assert window.shop.banner.text() == "'XYZ99999' is not an item code (like A000123)."
    assert [line.code for line, _ in window.shop.basket] == [bike.code]


def test_scans_are_checked_and_repeats_ignored(qtbot, window: MainWindow, ctx: AppContext) -> None:
    log_in(qtbot, window, "3333")
    shop = window.shop
    scan(qtbot, "A000404")
    assert shop.banner.is_error() and "No item has code A000404" in shop.banner.text()
    scan(qtbot, "HELLO1", Qt.Key.Key_Tab)  # a scanner set to end with Tab
    assert "not an item code" in shop.banner.text()
    book = ctx.shop.label_in_shop(ctx.auth.login("3333"), "books", None, 150)
    scan(qtbot, book.code)
    scan(qtbot, book.code)  # the same label read twice in a row
    assert len(shop.basket) == 1 and not shop.banner.is_error()


def test_a_scanner_that_stumbles_is_asked_to_scan_again(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    log_in(qtbot, window, "3333")
    shop = window.shop
    field = QLineEdit(shop)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    book = ctx.shop.label_in_shop(ctx.auth.login("3333"), "books", None, 150)
    quick = [5.0] * len(book.code)
    for gaps in ([*quick, 180],  # a pause before the Enter
                 [*quick[:3], 130, *quick[4:], 5]):  # a pause just over 100 ms mid-code
        scan(qtbot, book.code, gaps_ms=gaps)
        assert shop.banner.is_error(), gaps
        assert shop.banner.text() == "Code not recognised, scan again"
        shop.banner.hide()
    assert shop.basket == [] and field.text() == ""
    # A Bluetooth scanner typing every 130 ms scans once the station allows 150 ms.
    ctx.admin.set_device_setting(ctx.auth.login("1234"), SCAN_GAP, "150")
    ctx.devices.apply(ctx.store.settings())
    scan(qtbot, book.code, gaps_ms=[130.0] * (len(book.code) + 1))
    assert len(shop.basket) == 1 and not shop.banner.is_error()


def test_a_scan_before_login_asks_to_log_in(qtbot, window: MainWindow) -> None:
    scan(qtbot, "A000001")
    assert "Log in first" in window.login.message.text()


def test_a_scan_closes_an_open_question_and_is_taken(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    log_in(qtbot, window, "2222")
    tap(qtbot, window.workshop.type_code_button)
    assert [p for p in window.findChildren(Panel) if p.isVisible()]
    item = ctx.gate.take_in(ctx.auth.login("1111"), ctx.gate.prepare("toys", "repair"))
    scan(qtbot, item.code)
    assert window.workshop.card.item is not None and window.workshop.card.item.code == item.code


def test_material_leaves_with_a_delivery_note(
    qtbot, window: MainWindow, ctx: AppContext, coordinator: User, tmp_path: Path
) -> None:
    from intake.admin import NameList

    ctx.admin.add_name(coordinator, NameList.RECIPIENTS, "Metaal Oost")
    scrap = ctx.gate.take_in(ctx.auth.login("1111"), ctx.gate.prepare("metal", "material"))
    log_in(qtbot, window, "1111")
    assert window.gate.top.place_button.text() == "Material out"
    tap(qtbot, window.gate.top.place_button)
    material = window.material
    assert window.stack.currentWidget() is material
    scan(qtbot, scrap.code)
    tap(qtbot, material.batch_button)
    answer(qtbot, window, "wood")
    keypad(qtbot, window, "42,5")
    assert material.lines.count() == 2
    tap(qtbot, material.send_button)
    answer(qtbot, window, "Metaal Oost")
    tap(qtbot, panel(window, ConfirmPanel).yes_button)  # the summary: lines, kg, recipient
    ctx.printer_queue.wait()
    assert (tmp_path / "documents" / "UA000001.pdf").exists()
    assert ctx.material.shipment("UA000001").grams == scrap.weight_g + 42500
    assert ctx.gate.item(scrap.code).status is Status.MATERIAL_OUT


def test_the_coordinator_moves_between_screens(qtbot, window: MainWindow) -> None:
    log_in(qtbot, window, "1234")
    tap(qtbot, window.gate.top.place_button)
    # Every screen, the gate marked as the one showing (tests/test_settings_navigation.py).
    assert list(panel(window, ChoicePanel).option_buttons) == [
        "gate", "workshop", "shop", "material", "dashboard", "conflicts"]
    answer(qtbot, window, "workshop")
    assert window.stack.currentWidget() is window.workshop
    tap(qtbot, window.workshop.top.place_button)
    answer(qtbot, window, "shop")
    assert window.stack.currentWidget() is window.shop
    tap(qtbot, window.shop.top.place_button)
    answer(qtbot, window, "gate")
    assert window.stack.currentWidget() is window.gate




def test_a_coach_scans_an_item_at_the_gate_and_corrects_it(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    from ui.widgets.item_panel import ItemPanel

    log_in(qtbot, window, "1111")
    tap(qtbot, window.gate.visit_start.buttons[None])
    item = ctx.gate.take_in(ctx.auth.login("1111"), ctx.gate.prepare("toys", "sale"))
    scan(qtbot, item.code)
    card = panel(window, ItemPanel)
    assert card.card.heading.text().startswith(item.code)
    tap(qtbot, card.route_button)
    answer(qtbot, window, "repair")
    answer(qtbot, window, "It is broken")
    assert ctx.gate.item(item.code).route is Route.REPAIR
    assert "changed" in window.gate.banner.text()
    scan(qtbot, "A000404")
    assert "No item has code" in window.gate.banner.text()
    scan(qtbot, item.code)
    tap(qtbot, panel(window, ItemPanel).void_button)
    answer(qtbot, window, "Entered twice")
    assert ctx.gate.item(item.code).voided
    # A coach may not void someone else's item: the refusal is shown, nothing changes.
    other = ctx.shop.label_in_shop(ctx.auth.login("3333"), "books")
    scan(qtbot, other.code)
    tap(qtbot, panel(window, ItemPanel).void_button)
    answer(qtbot, window, "Entered twice")
    assert not ctx.gate.item(other.code).voided
    assert window.gate.banner.is_error()


def test_the_workshop_shelf_and_an_end_of_life_by_taps(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    coach = ctx.auth.login("1111")
    bike = ctx.gate.take_in(coach, ctx.gate.prepare("bicycles", "repair"))
    ctx.gate.take_in(coach, ctx.gate.prepare("books", "sale"))
    log_in(qtbot, window, "2222")
    workshop = window.workshop
    rows = workshop.shelf.rows
    assert rows.isVisible() and rows.count() == 1
    row = rows.item(0)
    assert row.text().startswith(bike.code)
    qtbot.mouseClick(rows.viewport(), Qt.MouseButton.LeftButton,
                     pos=rows.visualItemRect(row).center())
    assert workshop.card.item is not None and workshop.card.item.code == bike.code
    tap(qtbot, workshop.start_button)
    tap(qtbot, workshop.finish_button)
    pick(qtbot, window, "end_of_life")
    pick(qtbot, window, "too_worn_out")
    number(qtbot, window, "35")
    tap(qtbot, flow(window).skip_button)  # problem not described
    tap(qtbot, flow(window).skip_button)  # brand unknown
    tap(qtbot, flow(window).skip_button)  # year unknown
    item = ctx.workshop.item(bike.code)
    assert (item.status, item.route) == (Status.IN_STOCK, Route.MATERIAL)
    finished = ctx.workshop.history(item)[-1].data
    assert (finished["status"], finished["barrier"], finished["minutes"], finished["year"]) == (
        "end_of_life", "too_worn_out", 35, None)
    tap(qtbot, workshop.shelf_button)
    assert workshop.shelf.rows.count() == 0


def test_the_store_prints_a_price_label_and_cancels_a_mistaken_sale(
    qtbot, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    clerk = ctx.auth.login("3333")
    vase = ctx.shop.label_in_shop(clerk, "household")
    log_in(qtbot, window, "3333")
    shop = window.shop
    scan(qtbot, vase.code)
    tap(qtbot, shop.price_button)
    keypad(qtbot, window, "4")
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, shop.label_price_button)
    assert ctx.shop.item(vase.code).price_cents == 400
    assert (tmp_path / "labels" / f"{vase.code}.pdf").exists()
    tap(qtbot, shop.pin_button)
    tap(qtbot, shop.return_button)
    window._last_scan = ("", 0.0)  # the customer comes back later than the 2 s repeat guard
    scan(qtbot, vase.code)
    answer(qtbot, window, "Sold by mistake: cancel the sale")
    types = [e.type for e in ctx.shop.history(ctx.shop.item(vase.code))]
    assert types[-3:] == [EventType.PRICED, EventType.SOLD, EventType.CORRECTED]
    assert ctx.shop.item(vase.code).status is Status.IN_STOCK


def test_a_coach_cancels_a_wrong_shipment_line_from_the_gate(
    qtbot, window: MainWindow, ctx: AppContext, coordinator: User
) -> None:
    from intake.admin import NameList
    from ui.widgets.item_panel import ItemPanel

    ctx.admin.add_name(coordinator, NameList.RECIPIENTS, "Metaal Oost")
    coach = ctx.auth.login("1111")
    pan = ctx.gate.take_in(coach, ctx.gate.prepare("metal", "material"))
    ctx.material.send(coach, "Metaal Oost", [pan.code])
    log_in(qtbot, window, "1111")
    scan(qtbot, pan.code)
    tap(qtbot, panel(window, ItemPanel).correct_button)
    answer(qtbot, window, "last")  # not the category or weight: the last step
    answer(qtbot, window, "Wrong item scanned")
    assert ctx.gate.item(pan.code).status is Status.IN_STOCK
    assert ctx.material.shipment("UA000001").items == []


def test_a_code_typed_on_the_keypad(qtbot, window: MainWindow, ctx: AppContext) -> None:
    item = ctx.gate.take_in(ctx.auth.login("1111"), ctx.gate.prepare("toys", "repair"))
    log_in(qtbot, window, "2222")
    tap(qtbot, window.workshop.type_code_button)
    keypad(qtbot, window, str(int(item.code[1:])))
    assert window.workshop.card.item is not None and window.workshop.card.item.code == item.code
    ctx.store.add_station("B")  # a second station: the letter is asked first
    tap(qtbot, window.workshop.type_code_button)
    answer(qtbot, window, "B")
    keypad(qtbot, window, "7")
    assert "No item has code B000007" in window.workshop.banner.text()


def test_a_phones_repair_names_its_ords_product(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    """'Computers and phones' has no ORDS product of its own: the repairer picks one from the
    standard's list; the next repair offers it first."""
    from ui.widgets.panels import ListPanel

    coach = ctx.auth.login("1111")
    phone = ctx.gate.take_in(coach, ctx.gate.prepare("computers", "repair", serial="35209900"))
    log_in(qtbot, window, "2222")
    workshop = window.workshop
    scan(qtbot, phone.code)
    tap(qtbot, workshop.start_button)
    tap(qtbot, workshop.finish_button)
    pick(qtbot, window, "end_of_life")
    pick(qtbot, window, "no_way_to_open")
    number(qtbot, window, "15")
    other(qtbot, window, "Cracked screen")
    tap(qtbot, flow(window).skip_button)  # brand unknown
    tap(qtbot, flow(window).skip_button)  # year unknown
    assert list(flow(window).option_buttons) == [OTHER]  # no product of its own: the list
    pick(qtbot, window, OTHER)
    options = panel(window, ListPanel).options
    row = next(options.item(i) for i in range(options.count())
               if options.item(i).text() == "Mobile")
    options.scrollToItem(row)
    qtbot.mouseClick(options.viewport(), Qt.MouseButton.LeftButton,
                     pos=options.visualItemRect(row).center())
    finished = ctx.workshop.history(ctx.workshop.item(phone.code))[-1].data
    assert (finished["ords_category"], finished["barrier"], finished["problem"]) == (
        "Mobile", "no_way_to_open", "Cracked screen")
    assert ctx.workshop.products(ctx.workshop.item(phone.code)) == ["Mobile"]
