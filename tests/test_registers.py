"""Serial numbers for the police register: categories that ask for one, the number kept in the
intake event (never anything about a person), found again by `ambacht item --serial`, and the
register's CSV of numbered items (docs/register.md); at the gate typed or scanned."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from taps import log_in, tap

from cli.main import main
from db import Store
from intake.clock import FixedClock
from intake.errors import NotAllowed, NotFound, ValidationError
from intake.events import Intake, new_event
from intake.gate import GateService
from intake.ids import new_id
from intake.model import Item, Route, User
from intake.monitoring import Period
from intake.registers import REGISTER_COLUMNS, RegisterService, clean_serial
from intake.setup import initialize
from intake.shop import ShopService
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.keyboard import SerialPanel

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def registers(store: Store, clock: FixedClock) -> RegisterService:
    return RegisterService(store, clock)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_bicycles_and_computers_ask_for_a_number_by_default(registers: RegisterService) -> None:
    assert registers.serial_kinds() == {"bicycles": "frame", "computers": "imei_serial"}


@pytest.mark.parametrize(("typed", "stored"), [
    ("wtu 123-456", "WTU123456"), ("35 209900 176148 1", "352099001761481"),
    ("AB/12.34", "AB1234")])
def test_a_number_is_stored_in_one_form(typed: str, stored: str) -> None:
    assert clean_serial(typed) == stored


@pytest.mark.parametrize("typed", ["", "abc", "a@b.nl", "Jan de Vries, Dorpstraat 1", "X" * 31,
                                   "12\x003456", "１２３４５"])
def test_a_bad_number_is_refused_and_nothing_is_written(
    store: Store, gate: GateService, typed: str
) -> None:
    with pytest.raises(ValidationError, match="serial number"):
        gate.prepare("bicycles", "sale", None, serial=typed or " ")
    assert store.db.execute("SELECT count(*) FROM events").fetchone() == (0,)


@pytest.mark.parametrize(("typed", "what"), [
    ("Jan de Vries", "at least one digit"), ("Dorpsstraat 12", "street address"),
    ("DORPSSTRAAT 12A", "street address"), ("Laan van Meerdervoort 112-2", "street address"),
    ("0612345678", "phone number"), ("06-1234 5678", "phone number"),
    ("+31 6 12345678", "phone number"), ("0031612345678", "phone number"),
    # typed together, with the place or the postcode, or a postcode alone
    ("Dorpsstraat12", "street address"), ("Dorpsstraat 12 Zwolle", "street address"),
    ("Hoofdweg 3 8011 AB Zwolle", "street address"), ("1234AB", "street address"),
    ("1234 AB", "street address")])
def test_personal_data_is_no_serial_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, what: str
) -> None:
    path = tmp_path / "centre.sqlite"
    store = Store.open(path, create=True)
    initialize(store, FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    store.close()
    capsys.readouterr()
    assert main(["intake", "--db", str(path), "--category", "bicycles", "--route", "sale",
                 "--serial", typed]) == 2
    err = capsys.readouterr().err
    assert what in err and err.count("\n") == 1
    store = Store.open(path)
    assert store.db.execute("SELECT count(*) FROM events").fetchone() == (0,)
    store.close()


@pytest.mark.parametrize(("typed", "stored"), [
    ("WTU 123-456", "WTU123456"), ("AB12345C", "AB12345C"), ("GZ 12345678", "GZ12345678"),
    ("35 209900 176148 1", "352099001761481"), ("C02XK1ABJG5J", "C02XK1ABJG5J"),
    ("ABCD1234", "ABCD1234"), ("SN 0612-3456", "SN06123456"), ("HOF12345", "HOF12345")])
def test_real_frame_numbers_imeis_and_serials_are_kept(typed: str, stored: str) -> None:
    assert clean_serial(typed) == stored


def test_the_number_is_found_and_registered(
    store: Store, gate: GateService, shop: ShopService, registers: RegisterService,
    coach: User, shop_clerk: User, coordinator: User,
) -> None:
    bike = gate.take_in(coach, gate.prepare("bicycles", "sale", None, serial="wtu 123-456"))
    phone = gate.take_in(coach, gate.prepare("computers", "sale", None,
                                             serial="352099001761481"))
    gate.take_in(coach, gate.prepare("bicycles", "sale", None))  # no number on it
    wrong = gate.take_in(coach, gate.prepare("bicycles", "sale", None, serial="WTU999"))
    gate.void(coach, wrong.code, "Entered twice")
    shop.sell(shop_clerk, [(bike.code, 3500)])
    assert [item.code for item in registers.find("WTU-123456")] == [bike.code]
    with pytest.raises(NotFound, match="No item has serial number NOPE1"):
        registers.find("nope1")
    text = registers.register_csv(NOVEMBER)
    assert next(csv.reader(io.StringIO(text))) == REGISTER_COLUMNS
    assert rows(text) == [
        {"item_code": bike.code, "received_on": "2026-11-21", "received_at": "10:00",
         "category": "bicycles", "description": "Fietsen", "number_kind": "frame_number",
         "number": "WTU123456", "status": "sold", "left_on": "2026-11-21"},
        {"item_code": phone.code, "received_on": "2026-11-21", "received_at": "10:00",
         "category": "computers", "description": "Computers en telefoons",
         "number_kind": "imei_or_serial_number", "number": "352099001761481",
         "status": "in_stock", "left_on": ""},
    ]
    # No person in the register: only codes, days, categories and numbers.
    assert "Sanne" not in text and "Mo" not in text and coach.id not in text


def test_the_register_says_the_kind_of_number_asked_at_intake(
    store: Store, gate: GateService, registers: RegisterService, coach: User,
    coordinator: User, clock: FixedClock,
) -> None:
    bike = gate.take_in(coach, gate.prepare("bicycles", "sale", None, serial="WTU 123-456"))
    book = gate.take_in(coach, gate.prepare("books", "sale", None, serial="9789023456789"))
    # An intake written before the kind was recorded: the category's kind today.
    older = Item(id=new_id(), code="A000099", category="computers", weight_g=3000,
                 weight_estimated=True, route=Route.SALE, station="A", intake_at=clock.now())
    with store.atomic():
        store.add_item(older, new_event(
            Intake(category="computers", route=Route.SALE, weight_g=3000, weight_estimated=True,
                   serial="352099001761481"),
            id=new_id(), item_id=older.id, at=clock.now(), recorded_at=clock.now(),
            station="A", user_id=coach.id))
    registers.set_serial_kind(coordinator, "bicycles", "imei_serial")
    registers.set_serial_kind(coordinator, "books", "frame")
    assert gate.history(bike)[0].data["serial_kind"] == "frame"
    assert gate.history(book)[0].data["serial_kind"] == "serial"  # books asked none
    kinds = {r["item_code"]: r["number_kind"] for r in rows(registers.register_csv(NOVEMBER))}
    assert kinds == {bike.code: "frame_number", book.code: "serial_number",
                     "A000099": "imei_or_serial_number"}


def test_the_coordinator_alone_sets_which_categories_ask(
    store: Store, registers: RegisterService, coordinator: User, coach: User
) -> None:
    registers.set_serial_kind(coordinator, "eee_small", "imei_serial")
    registers.set_serial_kind(coordinator, "bicycles", None)
    assert registers.serial_kinds() == {"computers": "imei_serial", "eee_small": "imei_serial"}
    changes = store.db.execute("SELECT what, old_value, new_value FROM config_changes "
                               "WHERE what LIKE '%serial'").fetchall()
    assert changes == [("category eee_small serial", None, "imei_serial"),
                       ("category bicycles serial", "frame", None)]
    with pytest.raises(NotAllowed):
        registers.set_serial_kind(coach, "books", "frame")
    with pytest.raises(NotFound):
        registers.set_serial_kind(coordinator, "spaceships", "frame")
    with pytest.raises(ValidationError):
        registers.set_serial_kind(coordinator, "books", "isbn")


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "centre.sqlite"
    store = Store.open(path, create=True)
    initialize(store, FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    store.close()
    db = ["--db", str(path)]
    assert main(["intake", *db, "--category", "bicycles", "--route", "sale", "--serial",
                 "WTU 123 456", "--at", "2026-11-02T10:00"]) == 0
    assert main(["intake", *db, "--category", "computers", "--route", "repair", "--serial",
                 "a@b"]) == 2
    assert "serial number" in capsys.readouterr().err
    assert main(["item", *db, "--serial", "wtu123456", "--json"]) == 0
    [found] = json.loads(capsys.readouterr().out)
    assert found["code"] == "A000001" and found["history"][0]["data"]["serial"] == "WTU123456"
    assert main(["item", *db]) == 2
    assert capsys.readouterr().err == (
        "ambacht: Give an item's code (A000123), or --serial NUMBER to find the items taken "
        "in with that number.\n")
    assert main(["item", *db, "A000001", "--serial", "WTU123456"]) == 2
    assert capsys.readouterr().err == (
        "ambacht: Give an item's code or --serial NUMBER, not both.\n")
    assert main(["item", *db, "--serial", "XYZ9999"]) == 2
    capsys.readouterr()
    out = tmp_path / "register.csv"
    assert main(["register", *db, "--from", "2026-11-01", "--to", "2026-11-30",
                 "--out", str(out)]) == 0
    assert [r["number"] for r in rows(out.read_text())] == ["WTU123456"]
    assert main(["register", *db, "--from", "2026-11-01", "--to", "2026-11-30",
                 "--out", str(out)]) == 2  # no overwriting without --force
    assert main(["category-serial", *db, "furniture", "frame"]) == 0
    assert main(["category-serial", *db, "toys", "imei-serial"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "category toys: serial imei-serial"
    assert main(["category-serial", *db, "furniture", "isbn"]) == 2


def test_a_number_an_item_at_the_centre_carries_is_said_and_taken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "centre.sqlite"
    store = Store.open(path, create=True)
    initialize(store, FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    store.close()
    db = ["--db", str(path)]
    bike = ["intake", *db, "--category", "bicycles", "--route", "sale"]
    assert main([*bike, "--serial", "WTU 123 456"]) == 0
    assert main([*bike, "--serial", "AB12345C"]) == 0
    capsys.readouterr()
    assert main([*bike, "--serial", "wtu-123456"]) == 0
    out, err = capsys.readouterr()
    assert out == "A000003\n"
    assert err == ("ambacht: A000001 at the centre has serial number WTU123456 too: check that "
                   "it is not the same item taken in twice.\n")
    assert main(["sell", *db, "A000002", "--price-eur", "40"]) == 0
    capsys.readouterr()
    assert main([*bike, "--serial", "AB12345C"]) == 0  # A000002 was sold: it came back
    assert capsys.readouterr().err == ""


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    return build_context(store, clock, "nl")


def visible(window: MainWindow) -> SerialPanel:
    [panel] = [p for p in window.findChildren(SerialPanel) if p.isVisible()]
    return panel


def test_the_gate_asks_for_the_number_typed_or_scanned(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    from test_flow_screens import scan

    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])

    def bike() -> None:
        tap(qtbot, gate.categories.tiles["bicycles"])
        tap(qtbot, gate.weight.standard_button)
        tap(qtbot, gate.weight.route_buttons[Route.SALE])

    bike()
    panel = visible(window)
    assert "Framenummer" in panel.title.text()
    for key in "WB1":
        tap(qtbot, panel.keys[key])
    tap(qtbot, panel.ok_button)  # too short: asked again with what was typed and why
    panel = visible(window)
    assert panel.display.text() == "WB1" and panel.refusal.isVisible()
    assert ctx.store.db.execute("SELECT count(*) FROM items").fetchone() == (0,)
    for _ in "WB1":
        panel.backspace()  # as the ⌫ key does
    for key in "0612345678":  # a phone number: said in Dutch, in the panel, nothing saved
        tap(qtbot, panel.keys[key])
    tap(qtbot, panel.ok_button)
    panel = visible(window)
    assert panel.refusal.text() == ("Dat is een telefoonnummer, geen serienummer: het "
                                    "register bewaart niets over een persoon.")
    assert not gate.banner.is_error()  # said where the eyes are, not behind the panel
    assert ctx.store.db.execute("SELECT count(*) FROM items").fetchone() == (0,)
    for _ in "0612345678":
        panel.backspace()
    for key in "WBK4512873":
        tap(qtbot, panel.keys[key])
    tap(qtbot, panel.ok_button)
    assert [i.code for i in ctx.registers.find("WBK4512873")] == ["A000001"]
    bike()
    scan(qtbot, "WBK9990001")  # the sticker's barcode answers the question
    assert [i.code for i in ctx.registers.find("WBK9990001")] == ["A000002"]
    bike()
    tap(qtbot, visible(window).skip_button)
    assert ctx.gate.history(ctx.gate.item("A000003"))[0].data.get("serial") is None
    tap(qtbot, gate.categories.tiles["books"])  # books ask for no number
    tap(qtbot, gate.weight.standard_button)
    tap(qtbot, gate.weight.route_buttons[Route.SALE])
    assert not [p for p in window.findChildren(SerialPanel) if p.isVisible()]
    assert ctx.gate.item("A000004").category == "books"
    assert not gate.saved.notice.isVisible()
    bike()
    scan(qtbot, "WBK 451-2873")  # A000001's number again: saved, and said
    assert ctx.gate.item("A000005").category == "bicycles"
    assert gate.saved.notice.isVisible() and gate.saved.notice.text() == (
        "Nog een item in het centrum heeft dit nummer: A000001. Twee keer ingenomen?")
    assert "A000005" not in gate.saved.notice.text()


def test_the_store_asks_for_the_number_of_an_item_from_elsewhere(
    qtbot, window: MainWindow, ctx: AppContext, shop_clerk: User
) -> None:
    from test_flow_screens import keypad, scan

    from ui.widgets.panels import ChoicePanel

    log_in(qtbot, window, "3333")
    shop = window.shop
    tap(qtbot, shop.label_button)
    [choice] = [p for p in window.findChildren(ChoicePanel) if p.isVisible()]
    tap(qtbot, choice.option_buttons["bicycles"])
    keypad(qtbot, window, "45")
    scan(qtbot, "WBK7770001")
    [bike] = ctx.registers.find("WBK7770001")
    assert (bike.origin.value, bike.price_cents) == ("store", 4500)
    assert ctx.shop.label_in_shop(shop_clerk, "books").code != bike.code  # none asked
    with pytest.raises(ValidationError):
        ctx.shop.label_in_shop(shop_clerk, "bicycles", serial="a@b")
