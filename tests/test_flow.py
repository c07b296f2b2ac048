"""Items moving through the centre after the gate: workshop, store, material out, corrections.

Every refusal is checked to change nothing, and every item's stored state must equal a replay
of its history.
"""

from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest

from db import Store
from intake.clock import FixedClock
from intake.errors import AmbachtError, NotAllowed, NotFound, ValidationError
from intake.gate import GateService
from intake.lifecycle import replay
from intake.material import MaterialService
from intake.model import EventType, Item, Origin, Route, Status, User
from intake.shop import ShopService
from intake.workshop import WorkshopService


def take_in(gate: GateService, user: User, category: str, route: str,
            weight_g: int | None = None) -> Item:
    return gate.take_in(user, gate.prepare(category, route, weight_g, confirmed=True))


def snapshot(store: Store) -> tuple[object, ...]:
    return (
        store.db.execute("SELECT * FROM items ORDER BY rowid").fetchall(),
        store.db.execute("SELECT count(*) FROM events").fetchone(),
        store.db.execute("SELECT * FROM shipments").fetchall(),
        store.db.execute("SELECT * FROM stations").fetchall(),
    )


def assert_rows_match_history(store: Store, gate: GateService) -> None:
    for code, in store.db.execute("SELECT code FROM items").fetchall():
        item = gate.item(code)
        assert replay(item, gate.history(item)) == item, code


def test_the_history_tells_the_whole_story_in_order(
    gate: GateService, workshop: WorkshopService, shop: ShopService, clock: FixedClock,
    coach: User, repairer: User, shop_clerk: User,
) -> None:
    kettle = take_in(gate, coach, "eee_small", "sale", 1800)
    clock.advance(minutes=10)
    with pytest.raises(NotAllowed, match="no passed safety test"):
        shop.sell(shop_clerk, [(kettle.code, 500)])
    workshop.start_repair(repairer, kettle.code)
    clock.advance(minutes=45)
    outcome = workshop.outcome("fixed", problem="Loose wire in the plug", brand="Philips",
                               year="2015", minutes="40", safety_test="pass", price_cents=750)
    fixed = workshop.finish_repair(repairer, kettle.code, outcome)
    assert (fixed.status, fixed.route, fixed.safety, fixed.price_cents) == (
        Status.IN_STOCK, Route.SALE, "pass", 750)
    clock.advance(hours=2)
    assert shop.suggested_price(shop.sellable(kettle.code)) == 750
    sale = shop.sell(shop_clerk, [(kettle.code, None)])
    assert sale.total_cents == 750
    clock.advance(days=1)
    shop.take_back(shop_clerk, kettle.code, "Customer found it too small")
    clock.advance(hours=1)
    shop.sell(shop_clerk, [(kettle.code, 600)])

    history = gate.history(gate.item(kettle.code))
    assert [e.type for e in history] == [
        EventType.INTAKE, EventType.REPAIR_STARTED, EventType.SAFETY_TESTED,
        EventType.REPAIR_FINISHED, EventType.SOLD, EventType.RETURNED, EventType.SOLD,
    ]
    assert [e.user_id for e in history] == [coach.id] + [repairer.id] * 3 + [shop_clerk.id] * 3
    assert [e.at for e in history] == sorted(e.at for e in history)
    finished = history[3].data
    assert finished["status"] == "fixed" and finished["brand"] == "Philips"
    assert finished["year"] == 2015 and finished["minutes"] == 40
    assert finished["ords_category"] == "Small home electrical"
    assert history[5].reason == "Customer found it too small"
    assert history[5].data["refund_cents"] == 750
    final = gate.item(kettle.code)
    assert (final.status, final.price_cents) == (Status.SOLD, 600)
    assert_rows_match_history(gate.store, gate)


@pytest.fixture
def items(gate: GateService, workshop: WorkshopService, shop: ShopService,
          material: MaterialService, coach: User, coordinator: User) -> dict[str, str]:
    """One item in each state, by name."""
    made = {
        "sale": take_in(gate, coach, "furniture", "sale"),
        "repair": take_in(gate, coach, "bicycles", "repair"),
        "material": take_in(gate, coach, "wood", "material", 12000),
        "electrical": take_in(gate, coach, "eee_small", "sale"),
        "sold": take_in(gate, coach, "books", "sale"),
        "out": take_in(gate, coach, "metal", "material"),
        "in_repair": take_in(gate, coach, "toys", "repair"),
        "voided": take_in(gate, coach, "textiles", "sale"),
    }
    codes = {name: item.code for name, item in made.items()}
    shop.sell(coordinator, [(codes["sold"], 100)])
    material.send(coordinator, "Metaal Oost", [codes["out"]])
    workshop.start_repair(coordinator, codes["in_repair"])
    gate.void(coordinator, codes["voided"], "Taken in twice")
    return codes


REFUSALS = [
    ("sell twice", lambda s, u, c: s["shop"].sell(u, [(c["sold"], 100)]), "has been sold"),
    ("sell after material out", lambda s, u, c: s["shop"].sell(u, [(c["out"], 100)]),
     "left the centre"),
    ("repair after sale", lambda s, u, c: s["workshop"].start_repair(u, c["sold"]),
     "has been sold"),
    ("repair twice", lambda s, u, c: s["workshop"].start_repair(u, c["in_repair"]),
     "already|in repair"),
    ("finish without start", lambda s, u, c: s["workshop"].finish_repair(
        u, c["repair"], s["workshop"].outcome("fixed")), "not in repair"),
    ("sell what waits for repair", lambda s, u, c: s["shop"].sell(u, [(c["repair"], 100)]),
     "waiting for repair"),
    ("sell material", lambda s, u, c: s["shop"].sell(u, [(c["material"], 100)]),
     "meant for material"),
    ("sell untested electrical", lambda s, u, c: s["shop"].sell(u, [(c["electrical"], 100)]),
     "safety test"),
    ("sell while in repair", lambda s, u, c: s["shop"].sell(u, [(c["in_repair"], 100)]),
     "in repair"),
    ("sell a voided item", lambda s, u, c: s["shop"].sell(u, [(c["voided"], 100)]), "voided"),
    ("sell one item twice in a sale",
     lambda s, u, c: s["shop"].sell(u, [(c["sale"], 100), (c["sale"], 100)]), "twice"),
    ("half a sale refused", lambda s, u, c: s["shop"].sell(
        u, [(c["sale"], 100), (c["material"], 100)]), "meant for material"),
    ("return what was not sold", lambda s, u, c: s["shop"].take_back(u, c["sale"], "Broken"),
     "has not been sold"),
    ("return without a reason", lambda s, u, c: s["shop"].take_back(u, c["sold"], " "),
     "reason"),
    ("material out while in repair",
     lambda s, u, c: s["material"].send(u, "Metaal Oost", [c["in_repair"]]), "in repair"),
    ("material out twice", lambda s, u, c: s["material"].send(u, "Metaal Oost", [c["out"]]),
     "left the centre"),
    ("material out after sale",
     lambda s, u, c: s["material"].send(u, "Metaal Oost", [c["sold"]]), "has been sold"),
    ("unknown recipient", lambda s, u, c: s["material"].send(u, "Nobody", [c["material"]]),
     "Unknown recipient"),
    ("empty shipment", lambda s, u, c: s["material"].send(u, "Metaal Oost", []), "Scan an item"),
    ("batch of nothing", lambda s, u, c: s["material"].send(u, "Metaal Oost", [], [("wood", 0)]),
     "more than 0"),
    ("batch of an unknown category",
     lambda s, u, c: s["material"].send(u, "Metaal Oost", [], [("gold", 1000)]),
     "Unknown category"),
    ("repurpose a sold item", lambda s, u, c: s["workshop"].repurpose(u, [c["sold"]], "furniture"),
     "has been sold"),
    ("repurpose from nothing", lambda s, u, c: s["workshop"].repurpose(u, [], "furniture"),
     "at least one"),
    ("repurpose into an unknown category",
     lambda s, u, c: s["workshop"].repurpose(u, [c["material"]], "spaceship"), "Unknown category"),
    ("safety test of furniture", lambda s, u, c: s["workshop"].safety_test(u, c["sale"], "pass"),
     "not electrical"),
    ("safety test result", lambda s, u, c: s["workshop"].safety_test(u, c["electrical"], "ok"),
     "pass or fail"),
    ("barrier with fixed",
     lambda s, u, c: s["workshop"].outcome("fixed", barrier="lack of equipment"),
     "only with end of life"),
    ("unknown status", lambda s, u, c: s["workshop"].outcome("mended"), "Unknown repair status"),
    ("unknown barrier", lambda s, u, c: s["workshop"].outcome("end-of-life", barrier="gremlins"),
     "Unknown repair barrier"),
    ("year in the future", lambda s, u, c: s["workshop"].outcome("fixed", year=2999),
     "year of manufacture"),
    ("minutes", lambda s, u, c: s["workshop"].outcome("fixed", minutes="-5"), "Minutes"),
    ("negative price", lambda s, u, c: s["workshop"].set_price(u, c["sale"], -1), "price"),
    ("price of a sold item", lambda s, u, c: s["workshop"].set_price(u, c["sold"], 100),
     "has been sold"),
    ("unknown code", lambda s, u, c: s["shop"].sell(u, [("A999999", 100)]), "No item has code"),
    ("not a code", lambda s, u, c: s["workshop"].start_repair(u, "'; DROP TABLE items"),
     "not an item code"),
    ("correct an untouched item", lambda s, u, c: s["gate"].correct_last(u, c["sale"], "Oops"),
     "no step to correct"),
    ("void twice", lambda s, u, c: s["gate"].void(u, c["voided"], "Again"), "voided"),
    ("route change after sale",
     lambda s, u, c: s["gate"].change_route(u, c["sold"], "repair", "Broken"), "has been sold"),
]


@pytest.mark.parametrize(("name", "attempt", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refused_steps_change_nothing(
    name: str, attempt, message: str, items: dict[str, str], gate: GateService,
    workshop: WorkshopService, shop: ShopService, material: MaterialService,
    coordinator: User, store: Store,
) -> None:
    services = {"gate": gate, "workshop": workshop, "shop": shop, "material": material}
    before = snapshot(store)
    with pytest.raises(AmbachtError, match=message):
        attempt(services, coordinator, items)
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("who", "attempt"),
    [
        ("shop_clerk", lambda s, u, c: s["workshop"].start_repair(u, c["repair"])),
        ("shop_clerk", lambda s, u, c: s["workshop"].repurpose(u, [c["material"]], "furniture")),
        ("shop_clerk", lambda s, u, c: s["gate"].void(u, c["sale"], "Not mine")),
        ("shop_clerk", lambda s, u, c: s["material"].send(u, "Metaal Oost", [c["material"]])),
        ("repairer", lambda s, u, c: s["shop"].sell(u, [(c["sale"], 100)])),
        ("repairer", lambda s, u, c: s["shop"].take_back(u, c["sold"], "Broken")),
        ("repairer", lambda s, u, c: s["shop"].label_in_shop(u, "books")),
        ("coach", lambda s, u, c: s["shop"].sell(u, [(c["sale"], 100)])),
        ("coach", lambda s, u, c: s["workshop"].finish_repair(
            u, c["in_repair"], s["workshop"].outcome("fixed"))),
        ("repairer", lambda s, u, c: s["gate"].correct_last(u, c["sold"], "Wrong price")),
    ],
)
def test_roles_are_enforced_in_the_services(
    who: str, attempt, request: pytest.FixtureRequest, items: dict[str, str],
    gate: GateService, workshop: WorkshopService, shop: ShopService, material: MaterialService,
    store: Store,
) -> None:
    user = request.getfixturevalue(who)
    services = {"gate": gate, "workshop": workshop, "shop": shop, "material": material}
    before = snapshot(store)
    with pytest.raises(NotAllowed, match="role"):
        attempt(services, user, items)
    assert snapshot(store) == before


def test_a_corrected_sale_puts_the_item_back_and_keeps_the_original(
    items: dict[str, str], gate: GateService, shop: ShopService, shop_clerk: User,
    coordinator: User, clock: FixedClock,
) -> None:
    sold = shop.sell(shop_clerk, [(items["sale"], 2500)]).items[0]
    state, cancelled = gate.correct_last(shop_clerk, sold.code, "Scanned the wrong chair")
    assert cancelled.type is EventType.SOLD
    assert (state.status, state.price_cents) == (Status.IN_STOCK, None)
    types = [e.type for e in gate.history(state)]
    assert types[-2:] == [EventType.SOLD, EventType.CORRECTED]
    shop.sell(shop_clerk, [(sold.code, 2000)])  # sellable again
    # Yesterday's sale by someone else is for the coordinator to correct.
    clock.advance(days=1)
    with pytest.raises(NotAllowed, match="Ask the coordinator"):
        gate.correct_last(shop_clerk, sold.code, "Wrong price")
    gate.correct_last(coordinator, sold.code, "Wrong price")
    assert_rows_match_history(gate.store, gate)


def test_a_corrected_repair_outcome_goes_back_into_repair(
    items: dict[str, str], gate: GateService, workshop: WorkshopService, repairer: User,
) -> None:
    workshop.start_repair(repairer, items["repair"])
    workshop.finish_repair(repairer, items["repair"], workshop.outcome(
        "end-of-life", barrier="spare parts not available"))
    assert gate.item(items["repair"]).route is Route.MATERIAL
    state, _ = gate.correct_last(repairer, items["repair"], "Parts arrived after all")
    assert (state.status, state.route) == (Status.IN_REPAIR, Route.REPAIR)
    fixed = workshop.finish_repair(repairer, items["repair"],
                                   workshop.outcome("fixed", problem="Fuse"))
    assert (fixed.status, fixed.route) == (Status.IN_STOCK, Route.SALE)


def test_a_failed_safety_test_sends_the_item_to_material(
    items: dict[str, str], workshop: WorkshopService, shop: ShopService, repairer: User,
    shop_clerk: User,
) -> None:
    code = items["electrical"]
    assert workshop.safety_test(repairer, code, "fail").route is Route.MATERIAL
    with pytest.raises(NotAllowed, match="meant for material"):
        shop.sell(shop_clerk, [(code, 100)])
    workshop.start_repair(repairer, code)
    fixed = workshop.finish_repair(repairer, code, workshop.outcome(
        "fixed", safety_test="fail", problem="Fuse"))
    assert (fixed.route, fixed.safety) == (Route.MATERIAL, "fail")
    workshop.start_repair(repairer, code)  # a repair needs a new test afterwards
    fixed = workshop.finish_repair(repairer, code, workshop.outcome("fixed", problem="Fuse"))
    assert (fixed.route, fixed.safety) == (Route.SALE, None)
    with pytest.raises(NotAllowed, match="safety test"):
        shop.sell(shop_clerk, [(code, 100)])
    workshop.safety_test(repairer, code, "pass")
    assert shop.sell(shop_clerk, [(code, None)]).total_cents == 500  # the category's price


def test_repurposing_names_its_sources_and_a_void_gives_them_back(
    gate: GateService, workshop: WorkshopService, coach: User, repairer: User,
    coordinator: User,
) -> None:
    planks = [take_in(gate, coach, "wood", "material", grams) for grams in (4000, 6500, 1500)]
    table = workshop.repurpose(repairer, [p.code for p in planks], "furniture", price_cents=4500)
    assert (table.origin, table.route, table.weight_g, table.price_cents) == (
        Origin.REPURPOSED, Route.SALE, 12000, 4500)
    assert gate.history(table)[0].data["made_from"] == [p.code for p in planks]
    for plank in planks:
        used = gate.item(plank.code)
        assert used.status is Status.REPURPOSED
        assert gate.history(used)[-1].data["into"] == table.code
    with pytest.raises(NotAllowed, match=f"part of product {table.code}"):
        gate.correct_last(coordinator, planks[0].code, "Oops")
    gate.void(coordinator, table.code, "Table fell apart before it was finished")
    assert all(gate.item(p.code).status is Status.IN_STOCK for p in planks)
    assert_rows_match_history(gate.store, gate)


def test_material_leaves_on_a_delivery_note(
    items: dict[str, str], gate: GateService, material: MaterialService, coach: User,
    coordinator: User, store: Store, tmp_path,
) -> None:
    shipment = material.send(coach, "houtwerk college", [items["material"]],
                             [("wood", 35250), ("metal", 8000)])
    assert shipment.recipient == "Houtwerk College"
    assert shipment.grams == 12000 + 35250 + 8000
    bulk = shipment.items[1]
    assert (bulk.origin, bulk.status, bulk.weight_g) == (Origin.BULK, Status.MATERIAL_OUT, 35250)
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(material.delivery_note_pdf(shipment.code))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert shipment.code in text and "Houtwerk College" in text
    assert "47,25 kg" in text  # wood: 12 + 35.25
    assert "8 kg" in text and "55,25 kg" in text
    # A line sent by mistake is corrected: the note no longer lists it.
    gate.correct_last(coordinator, bulk.code, "Weighed twice")
    assert [i.code for i in material.shipment(shipment.code).items] == [
        items["material"], shipment.items[2].code]
    with pytest.raises(NotFound, match="delivery note"):
        material.shipment("UA999999")
    assert_rows_match_history(store, gate)


def test_items_from_elsewhere_are_labelled_in_the_store(
    shop: ShopService, gate: GateService, shop_clerk: User,
) -> None:
    item = shop.label_in_shop(shop_clerk, "books", None, 250)
    assert (item.origin, item.route, item.price_cents, item.weight_estimated) == (
        Origin.SHOP, Route.SALE, 250, True)
    assert item.visit_id is None
    sale = shop.sell(shop_clerk, [(item.code, None)])
    assert sale.total_cents == 250
    assert_rows_match_history(gate.store, gate)


def test_step_times_keep_the_history_in_order(
    items: dict[str, str], workshop: WorkshopService, shop: ShopService, coordinator: User,
    clock: FixedClock,
) -> None:
    now = clock.advance(hours=1)
    with pytest.raises(ValidationError, match="future"):
        workshop.start_repair(coordinator, items["repair"], now + timedelta(hours=1))
    with pytest.raises(ValidationError, match="before the latest step"):
        workshop.start_repair(coordinator, items["repair"], now - timedelta(hours=2))
    started = workshop.start_repair(coordinator, items["repair"], now - timedelta(minutes=1))
    assert started.status is Status.IN_REPAIR


def test_whoever_gave_an_item_its_code_may_void_it(
    gate: GateService, workshop: WorkshopService, shop: ShopService, coach: User,
    repairer: User, shop_clerk: User, clock: FixedClock, coordinator: User,
) -> None:
    plank = take_in(gate, coach, "wood", "material")
    table = workshop.repurpose(repairer, [plank.code], "furniture")
    with pytest.raises(NotAllowed, match="role"):
        gate.void(shop_clerk, table.code, "Not a table")
    assert gate.void(repairer, table.code, "Fell apart").voided
    assert gate.item(plank.code).status is Status.IN_STOCK
    vase = shop.label_in_shop(shop_clerk, "household")
    with pytest.raises(NotAllowed, match="role"):
        gate.void(coach, vase.code, "Not ours")
    clock.advance(days=1)
    with pytest.raises(NotAllowed, match="Ask the coordinator"):
        gate.void(shop_clerk, vase.code, "Labelled twice")
    assert gate.void(coordinator, vase.code, "Labelled twice").voided
