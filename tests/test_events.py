"""Typed events (`intake/events.py`): each kind's payload round-trips, keys a newer station
wrote are kept, an older event without a newer key reads, and a bad stored value gives one clear
error - in a report too - while the stored JSON of every event stays byte for byte the same."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cli.main import main
from db import Store
from db.rows import payload_from_row
from intake.clock import FixedClock
from intake.demo import build_demo
from intake.events import (
    PAYLOADS,
    Corrected,
    Intake,
    IntakeCorrected,
    MaterialOut,
    Payload,
    PayloadError,
    Priced,
    RepairFinished,
    RepairStarted,
    Repurposed,
    Returned,
    RouteChanged,
    SafetyTested,
    Sold,
    Voided,
    payload_from,
    payload_of,
    to_data,
)
from intake.gate import GateService
from intake.lifecycle import replay
from intake.material import MaterialService
from intake.model import Barrier, EventType, Origin, RepairStatus, Route, User
from intake.monitoring import Period, build_report
from intake.ords_export import ords_csv
from intake.setup import initialize
from intake.shop import ShopService
from intake.workshop import WorkshopService
from ui.app import build_context
from ui.widgets.item_card import ItemCard

ONE_OF_EACH: list[Payload] = [
    Intake(category="books", route=Route.SALE, weight_g=1200, weight_estimated=True,
           visit="VA000017"),
    Intake(category="furniture", route=Route.SALE, weight_g=9000, origin=Origin.REPURPOSED,
           price_cents=4500, made_from=("A000001", "A000002")),
    RouteChanged(Route.SALE, Route.REPAIR),
    Voided(),
    RepairStarted(Route.REPAIR),
    RepairFinished(RepairStatus.END_OF_LIFE, barrier=Barrier.NO_WAY_TO_OPEN, problem="Cracked",
                   brand="Philips", year=2015, minutes=40, ords_category="Kettle"),
    RepairFinished(RepairStatus.FIXED, price_cents=750),
    SafetyTested("fail"),
    Priced(1250),
    Sold(1250, "0192f0c4-sale"),
    Returned(1250, None),
    MaterialOut("UA000003", "Metaal Oost"),
    Repurposed("A000009"),
    Corrected("0192f0c4-step", EventType.SOLD),
    IntakeCorrected("toys", 2400, False, "books", 1200),
]


def stored(payload: Payload) -> str:
    """The text `db/rows.py` stores for a payload."""
    return json.dumps(to_data(payload), sort_keys=True)


def test_one_of_each_kind_is_covered() -> None:
    assert {payload.TYPE for payload in ONE_OF_EACH} == set(EventType) == set(PAYLOADS)


@pytest.mark.parametrize("payload", ONE_OF_EACH, ids=lambda p: p.TYPE.value)
def test_each_kind_round_trips_through_its_stored_json(payload: Payload) -> None:
    text = stored(payload)
    again = payload_from(payload.TYPE, json.loads(text), "e1")
    assert again == payload
    assert stored(again) == text


def test_the_services_write_what_they_always_wrote() -> None:
    # The stored form did not change: optional keys are left out as before, the rest is there.
    assert to_data(ONE_OF_EACH[0]) == {"category": "books", "route": "sale", "weight_g": 1200,
                                       "weight_estimated": True, "visit": "VA000017"}
    assert to_data(RepairFinished(RepairStatus.REPAIRABLE)) == {
        "status": "repairable", "barrier": None, "problem": None, "brand": None, "year": None,
        "minutes": None, "ords_category": ""}
    assert to_data(RouteChanged(Route.SALE, Route.MATERIAL)) == {"from": "sale", "to": "material"}


def test_keys_from_a_newer_station_are_kept_as_they_came() -> None:
    data = {"price_cents": 900, "sale": "s1", "till": {"receipt": 17, "lines": [1, 2.5]},
            "currency": "EUR"}
    payload = payload_from(EventType.SOLD, data, "e1")
    assert payload == Sold(900, "s1", extra={"till": {"receipt": 17, "lines": [1, 2.5]},
                                             "currency": "EUR"})
    assert json.dumps(to_data(payload), sort_keys=True) == json.dumps(data, sort_keys=True)


def test_an_older_event_without_a_newer_key_reads_with_its_default() -> None:
    older = {"status": "fixed", "barrier": None}  # no problem, brand, year, ords_category ...
    payload = payload_from(EventType.REPAIR_FINISHED, older, "e1")
    assert payload == RepairFinished(RepairStatus.FIXED)
    assert payload.ords_category == "" and payload.year is None
    assert to_data(payload) == older  # written again, nothing is added
    assert payload_from(EventType.CORRECTED, {"cancels": "e0"}, "e2") == Corrected("e0")
    assert payload_from(EventType.REPAIR_STARTED, {}, "e3") == RepairStarted(None)
    # A key the services leave out at its default stays if an event had it anyway.
    explicit = {"category": "books", "route": "sale", "weight_g": 10, "origin": "gate"}
    assert to_data(payload_from(EventType.INTAKE, explicit, "e4")) == explicit


@pytest.mark.parametrize(("kind", "data", "key", "value"), [
    (EventType.SOLD, {"price_cents": "abc"}, "price_cents", "abc"),
    (EventType.PRICED, {"price_cents": True}, "price_cents", "True"),
    (EventType.PRICED, {"price_cents": 12.5}, "price_cents", "12.5"),
    (EventType.ROUTE_CHANGED, {"from": "sale", "to": "shop"}, "to", "shop"),
    (EventType.SAFETY_TESTED, {"result": "maybe"}, "result", "maybe"),
    (EventType.INTAKE, {"category": "books", "route": "sale", "weight_g": 9, "made_from": "A1"},
     "made_from", "A1"),
    (EventType.MATERIAL_OUT, {"recipient": "Metaal Oost"}, "shipment", ""),
    (EventType.SOLD, [1250], "data", "[1250]"),
])
def test_a_bad_stored_value_is_one_clear_error(kind: EventType, data: object, key: str,
                                               value: str) -> None:
    with pytest.raises(PayloadError) as raised:
        payload_from(kind, data, "0192-e1")
    assert str(raised.value) == f"Step 0192-e1 cannot be read: {key} is '{value}'."


def test_data_that_is_no_json_is_one_clear_error() -> None:
    with pytest.raises(PayloadError, match="Step e1 cannot be read: data is '{price'"):
        payload_from_row("e1", "sold", "{price")


def all_stored(store: Store) -> list[tuple[str, str, str]]:
    return store.db.execute("SELECT id, type, data FROM events ORDER BY rowid").fetchall()


def test_every_demo_event_reads_and_writes_back_byte_for_byte(clock: FixedClock) -> None:
    store = Store.open(":memory:")
    initialize(store, clock, site_name="Test", station="A")
    build_demo(store, end=clock.now(), days=120)
    rows = all_stored(store)
    assert {kind for _, kind, _ in rows} >= {
        "intake", "route_changed", "voided", "repair_started", "repair_finished",
        "safety_tested", "sold", "returned", "material_out", "repurposed"}
    for event_id, kind, text in rows:
        payload = payload_from_row(event_id, kind, text)
        assert json.dumps(to_data(payload), sort_keys=True) == text, event_id


def test_every_service_event_reads_and_writes_back_byte_for_byte(
    store: Store, clock: FixedClock, gate: GateService, workshop: WorkshopService,
    shop: ShopService, material: MaterialService, coordinator: User,
) -> None:
    def take_in(category: str, route: str) -> str:
        return gate.take_in(coordinator, gate.prepare(category, route, None)).code

    kettle, chair, plank, board = (take_in("eee_small", "repair"), take_in("furniture", "sale"),
                                   take_in("wood", "material"), take_in("wood", "material"))
    gate.change_route(coordinator, chair, "repair", "Wobbly leg")
    workshop.start_repair(coordinator, kettle)
    workshop.finish_repair(coordinator, kettle, workshop.outcome(
        "fixed", problem="Plug", brand="Bosch", year="2012", minutes="30", safety_test="pass",
        price_cents=900))
    shop.sell(coordinator, [(kettle, None)])
    shop.take_back(coordinator, kettle, "Too small after all")
    workshop.set_price(coordinator, kettle, 800)
    table = workshop.repurpose(coordinator, [plank, board], "furniture", price_cents=5000)
    shop.label_in_shop(coordinator, "books", price_cents=300)
    material.send(coordinator, "Metaal Oost", batches=[("metal", 20000)])
    gate.correct_last(coordinator, kettle, "Wrong price typed")
    gate.correct_intake(coordinator, chair, "Weighed again", weight_g=12_500)
    gate.void(coordinator, table.code, "Made by mistake")
    assert {kind for _, kind, _ in all_stored(store)} == {t.value for t in EventType}
    for event_id, kind, text in all_stored(store):
        assert json.dumps(to_data(payload_from_row(event_id, kind, text)),
                          sort_keys=True) == text, kind
    for code in (kettle, chair, plank, board, table.code):
        item = gate.item(code)
        assert replay(item, gate.history(item)) == item
    made = payload_of(gate.history(table)[0])
    assert isinstance(made, Intake) and made.made_from == (plank, board)


def hand_edit(path: Path, kind: str, key: str, value: str) -> str:
    """Put `value` under `key` in the first `kind` event, as someone with sqlite3 would; returns
    that event's id."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER events_no_update")
    event_id = conn.execute(
        "SELECT min(id) FROM events WHERE type = ?", [kind]).fetchone()[0]
    conn.execute(f"UPDATE events SET data = json_set(data, '$.{key}', ?) WHERE id = ?",
                 [value, event_id])
    conn.commit()
    conn.close()
    return event_id


@pytest.fixture
def demo_file(tmp_path: Path, clock: FixedClock) -> Path:
    path = tmp_path / "ambacht.sqlite"
    store = Store.open(path, create=True)
    initialize(store, clock, site_name="Test", station="A")
    build_demo(store, end=clock.now(), days=60)
    store.close()
    return path


def test_a_report_over_a_hand_edited_price_stops_with_one_clear_line(
    demo_file: Path, clock: FixedClock, capsys,
) -> None:
    event_id = hand_edit(demo_file, "sold", "price_cents", "abc")
    store = Store.open(demo_file)
    period = Period(date(2026, 9, 1), date(2026, 11, 21))
    with pytest.raises(PayloadError, match=f"Step {event_id} cannot be read: price_cents"):
        build_report(store, period, clock.now())
    store.close()
    assert main(["report", "--db", str(demo_file), "--from", "2026-09-01",
                 "--to", "2026-11-21"]) == 2
    said = capsys.readouterr().err
    assert f"Step {event_id} cannot be read: price_cents is 'abc'." in said
    assert "Traceback" not in said


def test_the_ords_export_over_a_hand_edited_year_names_the_event(
    demo_file: Path, clock: FixedClock
) -> None:
    event_id = hand_edit(demo_file, "repair_finished", "year", "nineteen")
    store = Store.open(demo_file)
    with pytest.raises(PayloadError, match=f"Step {event_id} cannot be read: year is 'ninet"):
        ords_csv(store, Period(date(2026, 9, 1), date(2026, 11, 21)))
    store.close()


def test_the_item_card_shows_a_step_that_cannot_be_read_and_the_rest(
    qtbot, store: Store, clock: FixedClock, gate: GateService, shop: ShopService,
    coordinator: User, tmp_path: Path,
) -> None:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    code = gate.take_in(coordinator, gate.prepare("books", "sale", None)).code
    clock.advance(minutes=5)
    shop.sell(coordinator, [(code, 250)])
    store.db.execute("DROP TRIGGER events_no_update")
    store.db.execute("UPDATE events SET data = json_set(data, '$.price_cents', 'abc') "
                     "WHERE type = 'sold'")
    card = ItemCard(build_context(store, clock, "en"))
    qtbot.addWidget(card)
    card.show_item(gate.item(code))
    lines = [card.history.item(row).text() for row in range(card.history.count())]
    assert "cannot be read: price_cents is 'abc'." in lines[0]
    assert "Taken in at the gate, route Sale" in lines[1]


def test_the_item_card_shows_what_the_workshop_recorded(
    qtbot, store: Store, clock: FixedClock, gate: GateService, coordinator: User,
    tmp_path: Path,
) -> None:
    """The outcome, the barrier, the product, the problem and the brand, in the user's
    language: a volunteer looking an item up sees why it is end of life."""
    store.set_setting("label_folder", str(tmp_path / "labels"))
    workshop = WorkshopService(store, clock, "A")
    code = gate.take_in(coordinator, gate.prepare("eee_small", "repair", None)).code
    workshop.start_repair(coordinator, code)
    workshop.finish_repair(coordinator, code, workshop.outcome(
        "end_of_life", barrier="too-worn-out", problem="Motor brandt door", brand="Philips",
        safety_test=None))
    card = ItemCard(build_context(store, clock, "nl"))
    qtbot.addWidget(card)
    card.show_item(gate.item(code))
    lines = [card.history.item(row).text() for row in range(card.history.count())]
    finished = next(line for line in lines if "Reparatie klaar: einde levensduur" in line)
    assert "einde levensduur · Te versleten\n" in finished
    assert "\nKlein huishoudelijk apparaat · Motor brandt door · Philips" in finished
