"""The gate service without Qt: visits, intakes, bounds, undo, route changes, roles."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from db import Store
from intake.clock import FixedClock
from intake.errors import NeedsConfirmation, NotAllowed, NotFound, ValidationError
from intake.gate import GateService
from intake.material import MaterialService
from intake.model import EventType, Route, User
from intake.shop import ShopService


def test_domain_and_storage_do_not_import_qt() -> None:
    probe = (
        "import sys, cli.main, intake.gate, intake.demo, db, labels.render; "
        "sys.exit('PySide6' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", probe], check=False).returncode == 0


def test_standard_weight_intake_is_estimated_and_gets_a_code(
    gate: GateService, coach: User, store: Store
) -> None:
    visit = gate.start_visit(coach)
    item = gate.take_in(coach, gate.prepare("bicycles", "sale"), visit)
    assert item.code == "A000001"
    assert item.weight_g == 15_000 and item.weight_estimated
    assert store.item_by_code("A000001") == item
    [event] = gate.history(item)
    assert event.type is EventType.INTAKE and event.user_id == coach.id
    assert event.data["visit"] == visit.code


def test_codes_count_up_per_station(store: Store, clock: FixedClock, coach: User) -> None:
    store.add_station("B")
    gate_a, gate_b = GateService(store, clock, "A"), GateService(store, clock, "B")
    codes = [g.take_in(coach, g.prepare("books", "sale")).code for g in (gate_a, gate_b, gate_a)]
    assert codes == ["A000001", "B000001", "A000002"]


def test_measured_weight_within_bounds(gate: GateService, coach: User) -> None:
    item = gate.take_in(coach, gate.prepare("furniture", Route.REPAIR, 23_400))
    assert (item.weight_g, item.weight_estimated, item.route) == (23_400, False, Route.REPAIR)


def test_weight_outside_bounds_needs_confirmation(gate: GateService, coach: User) -> None:
    with pytest.raises(NeedsConfirmation) as caught:
        gate.prepare("books", "sale", 55_000)
    assert "55 kg" in str(caught.value)
    request = gate.prepare("books", "sale", 55_000, confirmed=True)
    assert gate.take_in(coach, request).weight_g == 55_000


@pytest.mark.parametrize("grams", [0, -5, 1_000_001])
def test_hard_weight_limits_are_refused_even_when_confirmed(gate: GateService, grams: int) -> None:
    with pytest.raises(ValidationError) as caught:
        gate.prepare("furniture", "sale", grams, confirmed=True)
    assert not isinstance(caught.value, NeedsConfirmation)


def test_unknown_category_and_route(gate: GateService) -> None:
    with pytest.raises(ValidationError, match="Unknown category"):
        gate.prepare("spaceships", "sale")
    with pytest.raises(ValidationError, match="Unknown route"):
        gate.prepare("books", "burn")


def test_refused_intake_writes_nothing(gate: GateService, store: Store, shop_clerk: User) -> None:
    with pytest.raises(NotAllowed):
        gate.take_in(shop_clerk, gate.prepare("books", "sale"))
    assert store.item_count() == 0


def test_municipality_is_checked_and_canonical(
    gate: GateService, store: Store, coach: User
) -> None:
    store.name_lists.add("municipalities", "Zwolle", 1)
    assert gate.start_visit(coach, " zwolle ").municipality == "Zwolle"
    with pytest.raises(ValidationError, match="Unknown municipality"):
        gate.start_visit(coach, "Atlantis")


def test_undo_last_voids_with_reason_and_keeps_history(gate: GateService, coach: User) -> None:
    visit = gate.start_visit(coach)
    first = gate.take_in(coach, gate.prepare("toys", "sale"), visit)
    second = gate.take_in(coach, gate.prepare("lamps", "repair"), visit)
    with pytest.raises(ValidationError, match="reason"):
        gate.undo_last(coach, visit, " ")
    undone = gate.undo_last(coach, visit, "wrong category")
    assert undone.code == second.code and undone.voided
    assert [e.type for e in gate.history(undone)] == [EventType.INTAKE, EventType.VOIDED]
    assert gate.history(undone)[1].reason == "wrong category"
    assert gate.undo_last(coach, visit, "also wrong").code == first.code
    with pytest.raises(NotFound):
        gate.undo_last(coach, visit, "nothing left")


def test_voided_items_count_nowhere_today(gate: GateService, coach: User) -> None:
    visit = gate.start_visit(coach)
    gate.take_in(coach, gate.prepare("furniture", "sale", 20_000), visit)
    gate.take_in(coach, gate.prepare("books", "sale", 1_000), visit)
    gate.undo_last(coach, visit, "double entry")
    totals = gate.today()
    assert (totals.items, totals.grams, totals.visits) == (1, 20_000, 1)


def test_today_counts_only_what_came_in_at_the_gate(
    gate: GateService, coach: User, coordinator: User, material: MaterialService,
    shop: ShopService,
) -> None:
    gate.take_in(coach, gate.prepare("furniture", "sale", 20_000))
    material.send(coordinator, "Metaal Oost", batches=[("textiles", 42_000)])
    shop.label_in_shop(coordinator, "books")
    totals = gate.today()
    assert (totals.items, totals.grams) == (1, 20_000)


def test_today_follows_local_midnight(gate: GateService, coach: User, clock: FixedClock) -> None:
    # 23:30 UTC on 21 Nov is 00:30 on 22 Nov in Amsterdam: a new day at the gate.
    late_evening = datetime(2026, 11, 20, 23, 30, tzinfo=UTC)
    gate.take_in(coach, gate.prepare("books", "sale"), at=late_evening)
    assert gate.today().items == 1
    clock.set(datetime(2026, 11, 21, 23, 30, tzinfo=UTC))
    assert gate.today().items == 0


def test_route_change_is_an_event(gate: GateService, coach: User) -> None:
    item = gate.take_in(coach, gate.prepare("eee_small", "sale"))
    changed = gate.change_route(coach, item.code, "repair", "does not switch on")
    assert changed.route is Route.REPAIR and gate.item(item.code).route is Route.REPAIR
    intake, last = gate.history(item)
    assert last.type is EventType.ROUTE_CHANGED and last.data == {
        "after": intake.id, "from": "sale", "to": "repair"}  # the step it followed
    with pytest.raises(ValidationError, match="already has this route"):
        gate.change_route(coach, item.code, "repair", "again")


def test_coach_corrects_only_own_items_of_today(
    gate: GateService, coach: User, coordinator: User, clock: FixedClock
) -> None:
    theirs = gate.take_in(coordinator, gate.prepare("books", "sale"))
    with pytest.raises(NotAllowed, match="Only your own items"):
        gate.void(coach, theirs.code, "not mine")
    own = gate.take_in(coach, gate.prepare("books", "sale"))
    clock.advance(days=1)
    with pytest.raises(NotAllowed):
        gate.void(coach, own.code, "too late")
    assert gate.void(coordinator, own.code, "coordinator fixes it").voided
    with pytest.raises(NotAllowed, match="voided already"):
        gate.void(coordinator, own.code, "twice")


def test_past_intake_allowed_future_refused(gate: GateService, coach: User) -> None:
    past = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)
    item = gate.take_in(coach, gate.prepare("wood", "material", 30_000), at=past)
    assert item.intake_at == past
    with pytest.raises(ValidationError, match="future"):
        gate.take_in(coach, gate.prepare("wood", "material"), at=datetime(2027, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize("text", ["", "abc", "A12", "A0000012345678", "'; DROP TABLE items;--"])
def test_bad_codes_are_refused(gate: GateService, text: str) -> None:
    with pytest.raises(ValidationError, match="not an item code"):
        gate.item(text)


def test_unknown_code_is_not_found(gate: GateService) -> None:
    with pytest.raises(NotFound, match="A999999"):
        gate.item("a999999")


def test_events_cannot_be_changed_or_removed(gate: GateService, coach: User, store: Store) -> None:
    gate.take_in(coach, gate.prepare("books", "sale"))
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("UPDATE events SET reason = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM events")
