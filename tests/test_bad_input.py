"""Bad input at every entry point is refused with a clear, translated message and changes
nothing: the services (gate, workshop, store, material, settings), the scanner, the command
line, the screens' own keypads, and the one file the app reads (its database).

Each entry point has a table of cases; each case compares a dump of every table before and
after. Empty, huge, negative, non-numeric, NaN and infinite, unicode lookalikes, control
characters, another station's codes and SQL-looking text are in every table where they fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from bad_input import (
    CODES,
    HUGE,
    INF,
    NAN,
    NOW,
    SQL,
    assert_translated,
    dump,
)

from db import Store
from intake.admin import AdminService, NameList
from intake.auth import AuthService
from intake.clock import FixedClock
from intake.errors import AmbachtError, NeedsConfirmation, NotAllowed, NotFound, ValidationError
from intake.gate import GateService
from intake.material import MaterialService
from intake.model import PaymentMethod, Role, User
from intake.monitoring import Period
from intake.setup import initialize
from intake.shop import ShopService
from intake.till import Payment
from intake.workshop import WorkshopService

# --- the services ----------------------------------------------------------------------------


@dataclass
class World:
    """One centre shared by the service tables: refusals change nothing, so they can share."""

    store: Store
    gate: GateService
    workshop: WorkshopService
    shop: ShopService
    material: MaterialService
    admin: AdminService
    auth: AuthService
    boss: User


@pytest.fixture(scope="module")
def world() -> World:
    """A000001 a chair for sale, A000002 a lamp in repair, A000003 a book sold, A000004 a
    kettle for sale (electrical, untested), A000005 planks for material."""
    clock = FixedClock(NOW)
    store = Store.open(":memory:")
    initialize(store, clock, site_name="Ambacht Test", station="A")
    auth = AuthService(store, clock)
    boss = auth.set_first_pin("1234")
    admin = AdminService(store, clock)
    admin.add_name(boss, NameList.MUNICIPALITIES, "Zwolle")
    admin.add_name(boss, NameList.RECIPIENTS, "Metaal Oost")
    gate = GateService(store, clock, "A")
    for category, route in (("furniture", "sale"), ("lamps", "repair"), ("books", "sale"),
                            ("eee_small", "sale"), ("wood", "material")):
        gate.take_in(boss, gate.prepare(category, route))
    workshop = WorkshopService(store, clock, "A")
    shop = ShopService(store, clock, "A")
    workshop.start_repair(boss, "A000002")
    shop.sell(boss, [("A000003", 250)])
    return World(store, gate, workshop, shop, MaterialService(store, clock, "A"), admin, auth,
                 boss)


Case = tuple[str, Callable[[World], object], type[AmbachtError]]


def _w(world: World) -> WorkshopService:
    return world.workshop


GATE: list[Case] = [
    ("category empty", lambda w: w.gate.prepare("", "sale", 1000), ValidationError),
    ("category unknown", lambda w: w.gate.prepare("spaceship", "sale", 1000), ValidationError),
    ("category SQL", lambda w: w.gate.prepare("books'; DROP TABLE items;--", "sale", 1000),
     ValidationError),
    ("category huge", lambda w: w.gate.prepare(HUGE, "sale", 1000), ValidationError),
    ("category control", lambda w: w.gate.prepare("books\x00", "sale", 1000), ValidationError),
    ("category fullwidth", lambda w: w.gate.prepare("ｂｏｏｋｓ", "sale", 1000), ValidationError),
    ("weight zero", lambda w: w.gate.prepare("books", "sale", 0), ValidationError),
    ("weight negative", lambda w: w.gate.prepare("books", "sale", -500), ValidationError),
    ("weight huge", lambda w: w.gate.prepare("books", "sale", 10**12), ValidationError),
    ("weight NaN", lambda w: w.gate.prepare("books", "sale", NAN), ValidationError),
    ("weight inf", lambda w: w.gate.prepare("books", "sale", INF), ValidationError),
    ("weight fraction of a gram", lambda w: w.gate.prepare("books", "sale", 2.5),
     ValidationError),
    ("weight True", lambda w: w.gate.prepare("books", "sale", True), ValidationError),
    ("weight as text", lambda w: w.gate.prepare("books", "sale", "1000"), ValidationError),
    ("weight unusual, not confirmed", lambda w: w.gate.prepare("books", "sale", 80_000),
     NeedsConfirmation),
    ("route empty", lambda w: w.gate.prepare("books", "", 1000), ValidationError),
    ("route unknown", lambda w: w.gate.prepare("books", "burn", 1000), ValidationError),
    ("route with a line break", lambda w: w.gate.prepare("books", "sale\nx", 1000),
     ValidationError),
    ("route huge", lambda w: w.gate.prepare("books", HUGE, 1000), ValidationError),
    ("municipality unknown", lambda w: w.gate.start_visit(w.boss, "Atlantis"), ValidationError),
    ("municipality control", lambda w: w.gate.start_visit(w.boss, "Zwolle\x1b"),
     ValidationError),
    ("municipality SQL", lambda w: w.gate.start_visit(w.boss, "'; DELETE FROM visits;--"),
     ValidationError),
    ("municipality huge", lambda w: w.gate.start_visit(w.boss, HUGE), ValidationError),
    ("visit unknown", lambda w: w.gate.visit("VZ999999"), NotFound),
    ("visit huge", lambda w: w.gate.visit(HUGE), NotFound),
    ("intake in the future", lambda w: w.gate.take_in(
        w.boss, w.gate.prepare("books", "sale", 1000), at=NOW + timedelta(days=1)),
     ValidationError),
    ("route change to nonsense", lambda w: w.gate.change_route(
        w.boss, "A000001", "burn", "Wrong route"), ValidationError),
    ("route change to the same", lambda w: w.gate.change_route(
        w.boss, "A000001", "sale", "Wrong route"), ValidationError),
    ("route change, reason of control characters", lambda w: w.gate.change_route(
        w.boss, "A000001", "repair", "\x00\x01\x02\x03"), ValidationError),
    ("void, reason huge", lambda w: w.gate.void(w.boss, "A000001", HUGE), ValidationError),
    ("void, reason empty", lambda w: w.gate.void(w.boss, "A000001", "  "), ValidationError),
]

WORKSHOP: list[Case] = [
    ("status empty", lambda w: _w(w).outcome(""), ValidationError),
    ("status unknown", lambda w: _w(w).outcome("mended"), ValidationError),
    ("status SQL", lambda w: _w(w).outcome("fixed'; --"), ValidationError),
    ("barrier unknown", lambda w: _w(w).outcome("end-of-life", barrier="gremlins"),
     ValidationError),
    ("barrier with fixed", lambda w: _w(w).outcome("fixed", barrier="too worn out"),
     ValidationError),
    ("problem huge", lambda w: _w(w).outcome("fixed", problem=HUGE), ValidationError),
    ("problem control", lambda w: _w(w).outcome("fixed", problem="Plug\x00loose"),
     ValidationError),
    ("brand too long", lambda w: _w(w).outcome("fixed", brand="B" * 41), ValidationError),
    ("brand right-to-left override", lambda w: _w(w).outcome("fixed", brand="\u202eespilihP"),
     ValidationError),
    ("brand zero-width space", lambda w: _w(w).outcome("fixed", brand="Hema\u200b"),
     ValidationError),
    ("year fullwidth", lambda w: _w(w).outcome("fixed", year="２０１５"), ValidationError),
    ("year negative", lambda w: _w(w).outcome("fixed", year="-5"), ValidationError),
    ("year in the future", lambda w: _w(w).outcome("fixed", year="2999"), ValidationError),
    ("year text", lambda w: _w(w).outcome("fixed", year="old"), ValidationError),
    ("year fraction", lambda w: _w(w).outcome("fixed", year=2015.5), ValidationError),
    ("minutes zero", lambda w: _w(w).outcome("fixed", minutes="0"), ValidationError),
    ("minutes negative", lambda w: _w(w).outcome("fixed", minutes="-5"), ValidationError),
    ("minutes exponent", lambda w: _w(w).outcome("fixed", minutes="1e3"), ValidationError),
    ("minutes NaN", lambda w: _w(w).outcome("fixed", minutes="NaN"), ValidationError),
    ("minutes over a day", lambda w: _w(w).outcome("fixed", minutes="99999"), ValidationError),
    ("price NaN", lambda w: _w(w).outcome("fixed", price_cents=NAN), ValidationError),
    ("price inf", lambda w: _w(w).outcome("fixed", price_cents=INF), ValidationError),
    ("price negative", lambda w: _w(w).outcome("fixed", price_cents=-1), ValidationError),
    ("price fraction of a cent", lambda w: _w(w).outcome("fixed", price_cents=1.5),
     ValidationError),
    ("price huge", lambda w: _w(w).outcome("fixed", price_cents=10**9), ValidationError),
    ("safety result", lambda w: _w(w).outcome("fixed", safety_test="ok"), ValidationError),
    ("safety test of furniture", lambda w: _w(w).safety_test(w.boss, "A000001", "pass"),
     ValidationError),
    ("set price NaN", lambda w: _w(w).set_price(w.boss, "A000001", NAN), ValidationError),
    ("set price negative", lambda w: _w(w).set_price(w.boss, "A000001", -1), ValidationError),
    ("start a repair twice", lambda w: _w(w).start_repair(w.boss, "A000002"), NotAllowed),
    ("finish without a start", lambda w: _w(w).finish_repair(
        w.boss, "A000001", _w(w).outcome("fixed")), NotAllowed),
    ("repurpose from nothing", lambda w: _w(w).repurpose(w.boss, [], "furniture"),
     ValidationError),
    ("repurpose weight NaN", lambda w: _w(w).repurpose(w.boss, ["A000005"], "furniture", NAN),
     ValidationError),
    ("repurpose weight zero", lambda w: _w(w).repurpose(w.boss, ["A000005"], "furniture", 0),
     ValidationError),
    ("repurpose price inf", lambda w: _w(w).repurpose(
        w.boss, ["A000005"], "furniture", None, price_cents=INF), ValidationError),
]

SHOP: list[Case] = [
    ("nothing to sell", lambda w: w.shop.sell(w.boss, []), ValidationError),
    ("price NaN", lambda w: w.shop.sell(w.boss, [("A000001", NAN)]), ValidationError),
    ("price inf", lambda w: w.shop.sell(w.boss, [("A000001", INF)]), ValidationError),
    ("price negative", lambda w: w.shop.sell(w.boss, [("A000001", -100)]), ValidationError),
    ("price fraction of a cent", lambda w: w.shop.sell(w.boss, [("A000001", 99.5)]),
     ValidationError),
    ("price True", lambda w: w.shop.sell(w.boss, [("A000001", True)]), ValidationError),
    ("price huge", lambda w: w.shop.sell(w.boss, [("A000001", 10**7)]), ValidationError),
    ("one item twice", lambda w: w.shop.sell(w.boss, [("A000001", 100), ("a000001", 100)]),
     ValidationError),
    ("code SQL", lambda w: w.shop.sell(w.boss, [(SQL, 100)]), ValidationError),
    ("code of another station", lambda w: w.shop.sell(w.boss, [("Z000001", 100)]), NotFound),
    ("sold already", lambda w: w.shop.sell(w.boss, [("A000003", 100)]), NotAllowed),
    ("untested electrical", lambda w: w.shop.sell(w.boss, [("A000004", 100)]), NotAllowed),
    ("sale in the future", lambda w: w.shop.sell(
        w.boss, [("A000001", 100)], NOW + timedelta(hours=1)), ValidationError),
    ("refund of what was not sold", lambda w: w.shop.take_back(w.boss, "A000001", "Broken"),
     NotAllowed),
    ("return reason empty", lambda w: w.shop.take_back(w.boss, "A000003", ""), ValidationError),
    ("return reason too short", lambda w: w.shop.take_back(w.boss, "A000003", "no"),
     ValidationError),
    ("return reason huge", lambda w: w.shop.take_back(w.boss, "A000003", HUGE),
     ValidationError),
    ("return reason control", lambda w: w.shop.take_back(w.boss, "A000003", "Broken\x07"),
     ValidationError),
    ("cash short of the total", lambda w: w.shop.sell(
        w.boss, [("A000001", 1250)], payment=Payment(PaymentMethod.CASH, 1000)),
     ValidationError),
    ("cash received NaN", lambda w: w.shop.sell(
        w.boss, [("A000001", 1250)], payment=Payment(PaymentMethod.CASH, NAN)), ValidationError),
    ("cash received negative", lambda w: w.shop.sell(
        w.boss, [("A000001", 0)], payment=Payment(PaymentMethod.CASH, -1)), ValidationError),
    ("amount received by pin", lambda w: w.shop.sell(
        w.boss, [("A000001", 100)], payment=Payment(PaymentMethod.PIN, 500)), ValidationError),
    ("payment method unknown", lambda w: w.shop.sell(
        w.boss, [("A000001", 100)], payment=Payment("bitcoin")), ValidationError),
    ("refund method unknown", lambda w: w.shop.take_back(
        w.boss, "A000003", "Broken", method="voucher"), ValidationError),
    ("park nothing", lambda w: w.shop.park(w.boss, []), ValidationError),
    ("park an unknown code", lambda w: w.shop.park(w.boss, [("A000999", 100)]), NotFound),
    ("park a price inf", lambda w: w.shop.park(w.boss, [("A000001", INF)]), ValidationError),
    ("pick up no parked sale", lambda w: w.shop.pick_up(w.boss, "nothing"), NotFound),
    ("label in store: weight NaN", lambda w: w.shop.label_in_shop(w.boss, "books", NAN),
     ValidationError),
    ("label in store: price negative", lambda w: w.shop.label_in_shop(
        w.boss, "books", 1000, -1), ValidationError),
    ("label in store: category SQL", lambda w: w.shop.label_in_shop(
        w.boss, "'; DROP TABLE items;--"), ValidationError),
]

MATERIAL: list[Case] = [
    ("recipient empty", lambda w: w.material.send(w.boss, "", ["A000005"]), NotFound),
    ("recipient unknown", lambda w: w.material.send(w.boss, "Nobody", ["A000005"]), NotFound),
    ("recipient huge", lambda w: w.material.send(w.boss, HUGE, ["A000005"]), NotFound),
    ("recipient control", lambda w: w.material.send(w.boss, "Metaal Oost\x00", ["A000005"]),
     NotFound),
    ("recipient SQL", lambda w: w.material.send(
        w.boss, "'; DROP TABLE shipments;--", ["A000005"]), NotFound),
    ("nothing to send", lambda w: w.material.send(w.boss, "Metaal Oost"), ValidationError),
    ("batch zero", lambda w: w.material.send(w.boss, "Metaal Oost", [], [("wood", 0)]),
     ValidationError),
    ("batch negative", lambda w: w.material.send(w.boss, "Metaal Oost", [], [("wood", -1)]),
     ValidationError),
    ("batch NaN", lambda w: w.material.send(w.boss, "Metaal Oost", [], [("wood", NAN)]),
     ValidationError),
    ("batch fraction", lambda w: w.material.send(w.boss, "Metaal Oost", [], [("wood", 0.5)]),
     ValidationError),
    ("batch huge", lambda w: w.material.send(w.boss, "Metaal Oost", [], [("wood", 10**9)]),
     ValidationError),
    ("batch of an unknown category", lambda w: w.material.send(
        w.boss, "Metaal Oost", [], [("gold", 1000)]), ValidationError),
    ("an item twice", lambda w: w.material.send(
        w.boss, "Metaal Oost", ["A000005", "a000005"]), ValidationError),
    ("an item in repair", lambda w: w.material.send(w.boss, "Metaal Oost", ["A000002"]),
     NotAllowed),
    ("delivery note unknown", lambda w: w.material.shipment("UZ000001"), NotFound),
]

ADMIN: list[Case] = [
    ("category code empty", lambda w: w.admin.add_category(w.boss, "", "Fietsen", "Bikes", 1000),
     ValidationError),
    ("category code upper-case SQL", lambda w: w.admin.add_category(
        w.boss, "X'; DROP TABLE categories;--", "X", "X", 1000), ValidationError),
    ("category code huge", lambda w: w.admin.add_category(w.boss, HUGE, "X", "X", 1000),
     ValidationError),
    ("category code exists", lambda w: w.admin.add_category(w.boss, "books", "X", "X", 1000),
     ValidationError),
    ("category name empty", lambda w: w.admin.add_category(w.boss, "prams", "", "Prams", 1000),
     ValidationError),
    ("category name huge", lambda w: w.admin.rename_category(w.boss, "books", HUGE, "Books"),
     ValidationError),
    ("category name control", lambda w: w.admin.rename_category(
        w.boss, "books", "Boe\x00ken", "Books"), ValidationError),
    ("category name zero-width", lambda w: w.admin.rename_category(
        w.boss, "books", "\u200b", "Books"), ValidationError),
    ("rename an unknown category", lambda w: w.admin.rename_category(w.boss, "x", "X", "X"),
     NotFound),
    ("standard weight zero", lambda w: w.admin.set_category_weights(w.boss, "books", 0, None,
                                                                      None), ValidationError),
    ("standard weight NaN", lambda w: w.admin.set_category_weights(w.boss, "books", NAN, None,
                                                                     None), ValidationError),
    ("lower bound NaN", lambda w: w.admin.set_category_weights(w.boss, "books", 1000, NAN,
                                                                 None), ValidationError),
    ("upper bound fraction", lambda w: w.admin.set_category_weights(w.boss, "books", 1000, None,
                                                                      2000.5), ValidationError),
    ("bounds the wrong way round", lambda w: w.admin.set_category_weights(
        w.boss, "books", 1000, 2000, 500), ValidationError),
    ("CO2 factor NaN", lambda w: w.admin.set_category_co2(w.boss, "books", NAN, "Guide"),
     ValidationError),
    ("CO2 factor inf", lambda w: w.admin.set_category_co2(w.boss, "books", INF, "Guide"),
     ValidationError),
    ("CO2 factor negative", lambda w: w.admin.set_category_co2(w.boss, "books", -1, "Guide"),
     ValidationError),
    ("CO2 factor as text", lambda w: w.admin.set_category_co2(w.boss, "books", "1", "Guide"),
     ValidationError),
    ("CO2 source empty", lambda w: w.admin.set_category_co2(w.boss, "books", 1.0, ""),
     ValidationError),
    ("CO2 source huge", lambda w: w.admin.set_category_co2(w.boss, "books", 1.0, HUGE),
     ValidationError),
    ("CO2 source escape codes", lambda w: w.admin.set_category_co2(
        w.boss, "books", 1.0, "\x1b[31mGuide"), ValidationError),
    ("category price NaN", lambda w: w.admin.set_category_price(w.boss, "books", NAN),
     ValidationError),
    ("category price negative", lambda w: w.admin.set_category_price(w.boss, "books", -5),
     ValidationError),
    ("staff name empty", lambda w: w.auth.add_user(w.boss, " ", Role.COACH, "5555"),
     ValidationError),
    ("staff name huge", lambda w: w.auth.add_user(w.boss, HUGE, Role.COACH, "5555"),
     ValidationError),
    ("staff name control", lambda w: w.auth.add_user(w.boss, "Kim\x00", Role.COACH, "5555"),
     ValidationError),
    ("PIN empty", lambda w: w.auth.add_user(w.boss, "Kim", Role.COACH, ""), ValidationError),
    ("PIN too short", lambda w: w.auth.add_user(w.boss, "Kim", Role.COACH, "123"),
     ValidationError),
    ("PIN too long", lambda w: w.auth.add_user(w.boss, "Kim", Role.COACH, "123456789"),
     ValidationError),
    ("PIN with a letter", lambda w: w.auth.add_user(w.boss, "Kim", Role.COACH, "12a4"),
     ValidationError),
    ("PIN fullwidth", lambda w: w.auth.add_user(w.boss, "Kim", Role.COACH, "１２３４５"),
     ValidationError),
    ("PIN taken", lambda w: w.auth.add_user(w.boss, "Kim", Role.COACH, "1234"),
     ValidationError),
    ("municipality empty", lambda w: w.admin.add_name(w.boss, NameList.MUNICIPALITIES, ""),
     ValidationError),
    ("municipality huge", lambda w: w.admin.add_name(w.boss, NameList.MUNICIPALITIES, HUGE),
     ValidationError),
    ("municipality control", lambda w: w.admin.add_name(
        w.boss, NameList.MUNICIPALITIES, "Kampen\x1b"), ValidationError),
    ("municipality in other capitals", lambda w: w.admin.add_name(
        w.boss, NameList.MUNICIPALITIES, "ZWOLLE"), ValidationError),
    ("recipient bidi override", lambda w: w.admin.add_name(
        w.boss, NameList.RECIPIENTS, "\u202etsoO laateM"), ValidationError),
    ("hide a name not on the list", lambda w: w.admin.set_name_hidden(
        w.boss, NameList.RECIPIENTS, HUGE, True), NotFound),
    ("site name empty", lambda w: w.admin.set_site_name(w.boss, "\n\t "), ValidationError),
    ("site name huge", lambda w: w.admin.set_site_name(w.boss, HUGE), ValidationError),
    ("site name bell", lambda w: w.admin.set_site_name(w.boss, "Ambacht\x07"), ValidationError),
    ("idle time zero", lambda w: w.admin.set_idle_logout(w.boss, 0), ValidationError),
    ("idle time over an hour", lambda w: w.admin.set_idle_logout(w.boss, 3601),
     ValidationError),
    ("idle time NaN", lambda w: w.admin.set_idle_logout(w.boss, NAN), ValidationError),
    ("idle time fraction", lambda w: w.admin.set_idle_logout(w.boss, 60.5), ValidationError),
    ("idle time as text", lambda w: w.admin.set_idle_logout(w.boss, "60"), ValidationError),
    ("screen size under 80 %", lambda w: w.admin.set_screen_scale(w.boss, 79), ValidationError),
    ("screen size over 150 %", lambda w: w.admin.set_screen_scale(w.boss, 151),
     ValidationError),
    ("screen size fraction", lambda w: w.admin.set_screen_scale(w.boss, 99.5), ValidationError),
    ("printer queue with a space", lambda w: w.admin.set_printer(w.boss, "Zebra 1"),
     ValidationError),
    ("printer queue a path", lambda w: w.admin.set_printer(w.boss, "../../etc/passwd"),
     ValidationError),
    ("printer queue shell", lambda w: w.admin.set_printer(w.boss, "q; rm -rf ~"),
     ValidationError),
    ("printer queue huge", lambda w: w.admin.set_printer(w.boss, HUGE), ValidationError),
    ("printer queue fullwidth", lambda w: w.admin.set_printer(w.boss, "ｚｅｂｒａ"),
     ValidationError),
    ("labels per item fraction", lambda w: w.admin.set_labels_per_item(w.boss, 2.5),
     ValidationError),
    ("labels per item zero", lambda w: w.admin.set_labels_per_item(w.boss, 0), ValidationError),
    ("label size unknown", lambda w: w.admin.set_label_size(w.boss, "huge"), ValidationError),
    ("language unknown", lambda w: w.admin.set_language(w.boss, "de"), ValidationError),
    ("target NaN", lambda w: w.admin.set_target(w.boss, 2026, "kg_collected", NAN),
     ValidationError),
    ("target inf", lambda w: w.admin.set_target(w.boss, 2026, "kg_collected", INF),
     ValidationError),
    ("target unknown", lambda w: w.admin.set_target(w.boss, 2026, "'; --", 5), ValidationError),
    ("baseline backwards", lambda w: w.admin.set_baseline(
        w.boss, Period(NOW.date(), NOW.date() - timedelta(days=1))), ValidationError),
]

SERVICE_TABLES = {"gate": GATE, "workshop": WORKSHOP, "shop": SHOP, "material": MATERIAL,
                  "admin": ADMIN}
SERVICE_CASES = [
    pytest.param(attempt, error, id=f"{table}: {name}")
    for table, cases in SERVICE_TABLES.items() for name, attempt, error in cases
]


@pytest.mark.parametrize(("attempt", "error"), SERVICE_CASES)
def test_the_services_refuse_bad_input_and_change_nothing(
    world: World, attempt: Callable[[World], object], error: type[AmbachtError]
) -> None:
    before = dump(world.store.db.conn)
    with pytest.raises(AmbachtError) as refused:
        attempt(world)
    assert type(refused.value) is error, refused.value
    assert_translated(refused.value)
    assert dump(world.store.db.conn) == before


@pytest.mark.parametrize(("code", "error"), CODES, ids=[ascii(c)[:30] for c, _ in CODES])
def test_every_look_up_refuses_bad_codes(world: World, code: str, error: type[AmbachtError]
                                         ) -> None:
    before = dump(world.store.db.conn)
    for look_up in (world.gate.item, world.workshop.item, world.shop.sellable,
                    world.material.item, lambda c: world.shop.take_back(world.boss, c, "Back"),
                    lambda c: world.gate.void(world.boss, c, "Mistake")):
        with pytest.raises(AmbachtError) as refused:
            look_up(code)
        assert type(refused.value) is error, refused.value
        assert_translated(refused.value)
        assert "\n" not in str(refused.value) and len(str(refused.value)) < 100
    assert dump(world.store.db.conn) == before


def test_sql_looking_names_are_kept_as_plain_text(store: Store, coordinator: User,
                                                  clock: FixedClock) -> None:
    """Text that looks like SQL is a name like any other: stored as typed, harming nothing."""
    admin = AdminService(store, clock)
    name = "Robert'); DROP TABLE items;--"
    admin.add_name(coordinator, NameList.RECIPIENTS, name)
    admin.rename_category(coordinator, "books", name, "Books")
    assert name in MaterialService(store, clock, "A").recipients()
    assert store.category("books").name_nl == name
    assert store.item_count() == 0 and "items" in dump(store.db.conn)
    # A decomposed accent is stored composed, so that 'Súdwest' is one name however typed.
    assert admin.add_name(coordinator, NameList.MUNICIPALITIES, "Su\u0301dwest") == "Súdwest"


