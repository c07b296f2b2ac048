"""The demo year: plausible, consistent with what the gate writes, and continued by the gate."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from db import Store
from intake.auth import AuthService
from intake.clock import FixedClock
from intake.demo import build_demo
from intake.demo_repairs import BRANDS, PROBLEMS
from intake.gate import GateService
from intake.lifecycle import replay
from intake.material import MaterialService
from intake.model import EventType
from intake.setup import initialize

END = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # a Tuesday afternoon


@pytest.fixture(scope="module")
def demo() -> tuple[Store, object]:
    store = Store.open(":memory:")
    initialize(store, FixedClock(END))
    summary = build_demo(store, end=END, days=120)
    return store, summary


def test_volumes_are_plausible(demo) -> None:
    store, summary = demo
    assert 4_000 < summary.items < 12_000 and 2_500 < summary.visits < 6_000
    assert 0 < summary.voided < summary.items * 0.02
    assert store.item_count() == summary.items


def test_codes_continue_at_the_gate() -> None:
    store = Store.open(":memory:")
    initialize(store, FixedClock(END))
    summary = build_demo(store, end=END, days=14)
    rows = store.db.execute("SELECT code FROM items ORDER BY rowid").fetchall()
    assert [code for (code,) in rows] == [f"A{n:06d}" for n in range(1, summary.items + 1)]
    gate = GateService(store, FixedClock(END), "A")
    coach = AuthService(store, FixedClock(END)).login("1111")
    assert gate.take_in(coach, gate.prepare("books", "sale")).code == f"A{summary.items + 1:06d}"
    assert gate.start_visit(coach).code == f"VA{summary.visits + 1:06d}"


def test_opening_hours_and_days(demo) -> None:
    store, _ = demo
    zone = ZoneInfo("Europe/Amsterdam")
    for (intake_at,) in store.db.execute("SELECT intake_at FROM items").fetchall():
        local = datetime.strptime(intake_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(
            tzinfo=UTC).astimezone(zone)
        assert local.weekday() in {1, 2, 3, 4, 5} and 9 <= local.hour < 17


def test_corrections_look_like_the_gates(demo) -> None:
    store, _ = demo
    gate = GateService(store, FixedClock(END), "A")
    voided = store.db.execute("SELECT code FROM items WHERE voided = 1 LIMIT 5").fetchall()
    for (code,) in voided:
        history = gate.history(gate.item(code))
        assert [e.type for e in history] == [EventType.INTAKE, EventType.VOIDED]
        assert history[1].reason
    (code,) = store.db.execute(
        "SELECT i.code FROM items i JOIN events e ON e.item_id = i.id "
        "WHERE e.type = 'route_changed' LIMIT 1").fetchone()
    item = gate.item(code)
    history = gate.history(item)
    change = next(e for e in history if e.type is EventType.ROUTE_CHANGED)
    assert change.data["to"] != change.data["from"] == history[0].data["route"]


def test_items_live_on_after_the_gate_as_the_services_would_make_them(demo) -> None:
    store, _ = demo
    gate = GateService(store, FixedClock(END), "A")
    counts = dict(store.db.execute("SELECT type, count(*) FROM events GROUP BY type").fetchall())
    for kind in ("repair_started", "repair_finished", "safety_tested", "sold", "returned",
                 "material_out", "repurposed"):
        assert counts.get(kind, 0) > 0, kind
    assert counts["sold"] > counts["intake"] * 0.4
    for (code,) in store.db.execute("SELECT code FROM items").fetchall()[::20]:
        item = gate.item(code)
        history = gate.history(item)
        assert replay(item, history) == item, code
        assert [e.at for e in history] == sorted(e.at for e in history), code
    shipment = store.db.execute("SELECT code FROM shipments LIMIT 1").fetchone()[0]
    material = MaterialService(store, FixedClock(END), "A")
    assert material.shipment(shipment).items
    assert store.name_lists.names("recipients")


def test_staff_can_log_in(demo) -> None:
    store, summary = demo
    auth = AuthService(store, FixedClock(END))
    for name, pin in summary.pins.items():
        assert auth.login(pin).name == name


def test_same_seed_same_year() -> None:
    def counts() -> tuple:
        store = Store.open(":memory:")
        initialize(store, FixedClock(END))
        build_demo(store, end=END, days=30)
        return store.db.execute(
            "SELECT count(*), sum(weight_g), group_concat(category) FROM items").fetchone()

    assert counts() == counts()


def test_a_repairs_problem_and_brand_fit_its_category(demo) -> None:
    """The workshop offers the problems and brands most used in the item's category: in the
    demo, those of that kind of thing."""
    store, _ = demo
    for category, problems, brands in (
            ("bicycles", PROBLEMS["bicycles"], BRANDS["bicycles"]),
            ("lamps", PROBLEMS["lamps"], BRANDS["lamps"])):
        used_problems = store.frequent_repair_values("problem", category, 20)
        used_brands = store.frequent_repair_values("brand", category, 20)
        assert used_problems and set(used_problems) <= set(problems), category
        assert used_brands and set(used_brands) <= set(brands), category
