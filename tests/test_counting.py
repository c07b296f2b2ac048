"""Every kilo is counted once (issue 14): the mass balance holds at the end of every month of
the demo year, a product's sale counts the product's kilos and not its sources', a weighed
batch counts in, material counts by its recipient's kind, kg reused has one definition, and a
sale's rung is what the item was when it was sold."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from test_properties import unaccounted_grams

from db import Store
from intake.admin import AdminService, NameList
from intake.clock import FixedClock
from intake.counting import RecipientKind
from intake.demo import build_demo
from intake.gate import GateService
from intake.material import MaterialService
from intake.model import Route, User
from intake.monitoring import Period, build_report, target_progress
from intake.setup import initialize
from intake.shop import ShopService
from intake.workshop import WorkshopService

AMS = ZoneInfo("Europe/Amsterdam")
END = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
LATER = datetime(2100, 1, 1, tzinfo=UTC)  # reports made after every period: stock at its end


@pytest.fixture(scope="module")
def demo_year() -> Store:
    store = Store.open(":memory:")
    initialize(store, FixedClock(END))
    build_demo(store, end=END, scale=0.3)
    return store


def month_ends(first: date, last: date) -> list[date]:
    ends, day = [], first
    while day <= last:
        following = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
        ends.append(min(following - timedelta(days=1), last))
        day = following
    return ends


def test_every_gram_of_the_demo_year_is_in_one_place_at_every_month_end(demo_year) -> None:
    (first,) = demo_year.db.execute("SELECT min(intake_at) FROM items").fetchone()
    first_day = datetime.fromisoformat(first.replace("Z", "+00:00")).astimezone(AMS).date()
    ends = month_ends(first_day, END.astimezone(AMS).date())
    assert len(ends) >= 12
    for end in ends:
        total = build_report(demo_year, Period(first_day, end), LATER).total
        assert total.grams_in > 0 and unaccounted_grams(total) == 0, end
        month = build_report(demo_year, Period(end.replace(day=1), end), LATER).total
        assert month.environmental_yield is not None
        assert 0 <= month.environmental_yield <= 1, end
    # The year has all the places: sold both ways, products, lost offcuts, every kind out.
    assert total.grams_sold_as_is and total.grams_sold_repaired and total.grams_sold_products
    assert total.grams_lost_in_making > 0
    assert all(total.material_by_kind[kind] > 0 for kind in RecipientKind)


@pytest.fixture
def me(store: Store) -> User:
    user = store.user("system")
    assert user is not None
    for name, kind in (("Metaal Oost", "recycling"), ("Afvalscheiding Milieustraat", None),
                       ("Repair Café Noord", "reuse")):
        AdminService(store, FixedClock(END)).add_name(user, NameList.RECIPIENTS, name)
        if kind:
            AdminService(store, FixedClock(END)).set_recipient_kind(user, name, kind)
    return user


def day_report(store: Store, day: date):
    return build_report(store, Period(day, day), LATER).total


def test_a_product_counts_its_own_kilos_once_and_its_sources_not_again(
    store: Store, clock: FixedClock, me: User, gate: GateService, workshop: WorkshopService,
    shop: ShopService,
) -> None:
    planks = [gate.take_in(me, gate.prepare("wood", Route.MATERIAL, 10_000)).code
              for _ in range(3)]
    table = workshop.repurpose(me, planks, "furniture", 25_000)
    shop.sell(me, [(table.code, 9000)])
    today = day_report(store, clock.now().astimezone(AMS).date())
    assert (today.grams_in, today.grams_repurposed, today.grams_products_made) == (
        30_000, 30_000, 25_000)
    assert today.grams_lost_in_making == 5000
    assert (today.grams_sold, today.grams_sold_products, today.grams_sold_as_is) == (
        25_000, 25_000, 0)
    assert today.grams_reused == 25_000
    assert today.environmental_yield == pytest.approx(25 / 30)
    assert unaccounted_grams(today) == 0


def test_a_weighed_batch_counts_in_and_material_counts_by_its_recipients_kind(
    store: Store, clock: FixedClock, me: User, gate: GateService, material: MaterialService,
) -> None:
    lamp = gate.take_in(me, gate.prepare("lamps", Route.MATERIAL, 2000)).code
    material.send(me, "Afvalscheiding Milieustraat", [lamp], [("metal", 250_000)])
    material.send(me, "Repair Café Noord", [], [("eee_small", 3000)])
    today = day_report(store, clock.now().astimezone(AMS).date())
    assert (today.items_in, today.batches_in, today.grams_in_batches) == (1, 2, 253_000)
    assert today.grams_in == 255_000
    assert dict(today.material_by_kind) == {"residual": 252_000, "reuse": 3000}
    assert today.grams_reused == 3000 and today.co2_avoided_g > 0
    assert today.environmental_yield == pytest.approx(3 / 255)
    assert unaccounted_grams(today) == 0


def test_kg_reused_is_the_same_in_the_targets_the_rate_and_the_co2(
    store: Store, clock: FixedClock, me: User, gate: GateService, shop: ShopService,
    material: MaterialService,
) -> None:
    book = gate.take_in(me, gate.prepare("books", Route.SALE, 1000)).code
    shop.sell(me, [(book, 200)])
    material.send(me, "Repair Café Noord", [], [("books", 4000)])
    today = day_report(store, clock.now().astimezone(AMS).date())
    assert today.grams_reused == 5000
    assert target_progress(today, {"kg_reused": 10.0}) == [("kg_reused", 5.0, 10.0)]
    assert today.reuse_rate == pytest.approx(5000 / 5000)
    factors = {c.code: c.co2_factor for c in store.categories(include_hidden=True)}
    assert today.co2_avoided_g == pytest.approx(5000 * factors["books"])


def test_a_later_repair_never_changes_an_earlier_sale(
    store: Store, clock: FixedClock, me: User, gate: GateService, workshop: WorkshopService,
    shop: ShopService,
) -> None:
    february = datetime(2026, 2, 10, 11, 0, tzinfo=UTC)
    clock.set(february)
    chair = gate.take_in(me, gate.prepare("furniture", Route.SALE, 1500)).code
    shop.sell(me, [(chair, 500)])
    before = day_report(store, february.date())
    assert (before.grams_sold_as_is, before.grams_sold_repaired) == (1500, 0)
    clock.set(datetime(2026, 2, 20, 11, 0, tzinfo=UTC))
    shop.take_back(me, chair, "Does not work")
    clock.set(datetime(2026, 11, 10, 11, 0, tzinfo=UTC))
    workshop.start_repair(me, chair)
    workshop.finish_repair(me, chair, workshop.outcome("fixed", price_cents=900))
    shop.sell(me, [(chair, None)])
    assert day_report(store, february.date()) == before
    november = day_report(store, date(2026, 11, 10))
    assert (november.grams_sold_as_is, november.grams_sold_repaired) == (0, 1500)
    returned = day_report(store, date(2026, 2, 20))
    assert (returned.grams_sold_as_is, returned.grams_sold_repaired) == (-1500, 0)


def test_the_command_line_sets_a_recipients_kind(tmp_path, capsys) -> None:
    import json

    from cli.main import main

    db = str(tmp_path / "centre.sqlite")
    assert main(["init", "--db", db]) == 0
    send = ["material", "--db", db, "--category", "metal", "--weight-kg", "10"]
    assert main([*send, "--recipient", "Afvalscheiding Milieustraat"]) == 0
    assert "added recipient 'Afvalscheiding Milieustraat' (residual)" in capsys.readouterr().err
    assert main([*send, "--recipient", "afvalscheiding milieustraat",
                 "--recipient-kind", "recycling"]) == 0
    assert "recipient 'Afvalscheiding Milieustraat' (recycling)" in capsys.readouterr().err
    assert main([*send, "--recipient", "Milieustraat", "--recipient-kind", "compost"]) == 2
    capsys.readouterr()
    today = datetime.now(AMS).date().isoformat()
    assert main(["report", "--db", db, "--from", today, "--to", today]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert totals["kg_material_by_kind"] == {"reuse": 0.0, "recycling": 20.0, "residual": 0.0}


def test_gate_intake_and_store_labelling_are_separate_lines(
    store: Store, clock: FixedClock, me: User, gate: GateService, shop: ShopService,
) -> None:
    from intake.report_formats import report_json

    gate.take_in(me, gate.prepare("books", Route.SALE, 1000))
    shop.label_in_shop(me, "furniture", 12_000, 2500)
    day = clock.now().astimezone(AMS).date()
    data = report_json(build_report(store, Period(day, day), LATER))
    totals = data["totals"]
    assert (totals["items_in"], totals["kg_in"]) == (2, 13.0)
    assert (totals["items_in_gate"], totals["kg_in_gate"]) == (1, 1.0)
    assert (totals["items_labelled_in_store"], totals["kg_labelled_in_store"]) == (1, 12.0)
    assert totals["items_to_sale"] == 1  # the route at the gate: gate items only
    [sale] = data["by_route"]
    assert (sale["route"], sale["items_in"], sale["kg_in"]) == ("sale", 1, 1.0)
    assert sale["items_labelled_in_store"] is None  # not a gate figure: not counted, not 0


def test_a_bad_kind_or_recipient_is_refused_and_changes_nothing(
    store: Store, clock: FixedClock, me: User, coach: User,
) -> None:
    from test_bad_input import dump

    from intake.errors import AmbachtError

    admin = AdminService(store, clock)
    for who, name, kind in ((me, "Metaal Oost", "compost"), (me, "Nobody", "reuse"),
                            (coach, "Metaal Oost", "reuse"), (me, "Metaal Oost", "")):
        before = dump(store.db.conn)
        with pytest.raises(AmbachtError):
            admin.set_recipient_kind(who, name, kind)
        assert dump(store.db.conn) == before, (name, kind)
    assert admin.set_recipient_kind(me, " metaal  oost ", "RESIDUAL") is RecipientKind.RESIDUAL
    assert admin.recipient_kinds()["Metaal Oost"] is RecipientKind.RESIDUAL


def test_what_is_lost_in_making_is_the_wholes_not_a_categorys(
    store: Store, clock: FixedClock, me: User, gate: GateService, workshop: WorkshopService,
    shop: ShopService, material: MaterialService,
) -> None:
    """Planks (wood) become a table (furniture): the 5 kg lost belong to neither category,
    municipality or route; wood's yield is not lowered by the planks used up in the table."""
    from intake.report_formats import report_csv_rows, report_json

    store.name_lists.add("municipalities", "Zwolle", 1)
    zwolle = gate.start_visit(me, "Zwolle")
    planks = [gate.take_in(me, gate.prepare("wood", Route.MATERIAL, 10_000), zwolle).code
              for _ in range(3)]
    scrap = gate.take_in(me, gate.prepare("wood", Route.MATERIAL, 4000), zwolle).code
    material.send(me, "Metaal Oost", [scrap], [])
    table = workshop.repurpose(me, planks, "furniture", 25_000)
    shop.sell(me, [(table.code, 9000)])
    day = clock.now().astimezone(AMS).date()
    report = build_report(store, Period(day, day), LATER)
    data = report_json(report)
    assert data["totals"]["kg_lost_in_making"] == 5.0
    assert data["totals"]["environmental_yield"] == round(29 / 34, 4)
    assert [week["kg_lost_in_making"] for week in data["by_week"]] == [5.0]
    categories = {row["category"]: row for row in data["by_category"]}
    groups = [*categories.values(), *data["by_route"], *data["by_municipality"]]
    assert {group["kg_lost_in_making"] for group in groups} == {None}
    # Wood: 4 kg left, to recycling; the 30 kg in the table are not "left" as waste.
    assert categories["wood"]["environmental_yield"] == 1.0
    assert categories["furniture"]["environmental_yield"] == 1.0
    header, *rows = report_csv_rows(report)
    column = header.index("kg_lost_in_making")
    assert {row[column] for row in rows if row[0] == "category"} == {""}
    assert next(row for row in rows if row[0] == "total")[column] == 5.0


def test_more_returns_than_sales_leave_the_rates_null_not_negative(
    store: Store, clock: FixedClock, me: User, gate: GateService, shop: ShopService,
    material: MaterialService,
) -> None:
    from intake.report_formats import report_json

    clock.set(datetime(2026, 10, 20, 11, 0, tzinfo=UTC))
    chair = gate.take_in(me, gate.prepare("furniture", Route.SALE, 16_000)).code
    shop.sell(me, [(chair, 2000)])
    clock.set(datetime(2026, 11, 10, 11, 0, tzinfo=UTC))
    shop.take_back(me, chair, "Wobbles")
    gate.take_in(me, gate.prepare("books", Route.SALE, 3000))
    material.send(me, "Metaal Oost", [], [("metal", 10_000)])
    november = build_report(store, Period(date(2026, 11, 1), date(2026, 11, 30)), LATER)
    totals = report_json(november)["totals"]
    assert (totals["kg_sold"], totals["kg_reused"]) == (-16.0, -16.0)  # net, as it is
    assert totals["reuse_rate"] is None and totals["environmental_yield"] is None
    [week] = report_json(november)["by_week"]
    assert (week["kg_in"], week["kg_reused"], week["reuse_rate"]) == (13.0, -16.0, None)
    assert unaccounted_grams(build_report(
        store, Period(date(2026, 10, 1), date(2026, 11, 30)), LATER).total) == 0
