"""Other stations' history in one station's file (issue 13): `MergeService.outgoing` and
`take_in` between stations that are each their own SQLite file, no hub in between."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from stations import (
    BOSS,
    CLERK,
    COACH,
    REPAIRER,
    Station,
    assert_rows_are_replays,
    batch_from,
    exchange,
    items_of,
    report_text,
    station,
)

from intake.chain import event_hash, link
from intake.errors import HistoryDiverged
from intake.merge import SiteBatch
from intake.model import Status

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.fixture
def gate(tmp_path: Path) -> Station:
    return station(tmp_path, "A", START)


@pytest.fixture
def shop(tmp_path: Path) -> Station:
    return station(tmp_path, "B", START)


def counts(here: Station) -> tuple[int, ...]:
    """Rows of every table a merge writes."""
    return tuple(here.store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("events", "items", "visits", "shipments", "conflicts"))


def test_a_station_takes_in_the_items_visits_and_notes_of_another(
    gate: Station, shop: Station,
) -> None:
    visit = gate.gate.start_visit(COACH, "Zwijndrecht")
    chair = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000), visit)
    scrap = gate.gate.take_in(COACH, gate.gate.prepare("metal", "material", 3000), visit)
    gate.gate.end_visit(visit)
    note = gate.material.send(COACH, "Metaalhandel Jansen", [scrap.code])
    outcome = exchange(gate, shop)
    assert (outcome.events, outcome.visits, outcome.shipments, outcome.deferred) == (3, 1, 1, 0)
    assert items_of(shop.store) == items_of(gate.store)
    assert shop.store.visit(visit.code) == gate.store.visit(visit.code)
    assert shop.material.shipment(note.code).items == gate.material.shipment(note.code).items
    # The shop can scan the gate's chair and sell it; the gate then sees the sale.
    shop.clock.advance(minutes=30)
    shop.shop.sell(CLERK, [(chair.code, 2500)])
    assert exchange(shop, gate).events == 1
    assert gate.item(chair.code).status is Status.SOLD
    assert items_of(shop.store) == items_of(gate.store)
    assert_rows_are_replays(gate.store)


def test_a_visit_that_ends_later_travels_again(gate: Station, shop: Station) -> None:
    visit = gate.gate.start_visit(COACH)
    first = gate.merge.outgoing("A", 0, 100)
    shop.merge.take_in(first)
    assert shop.store.visit(visit.code).ended_at is None
    gate.clock.advance(minutes=4)
    gate.gate.end_visit(visit)
    again = gate.merge.outgoing("A", 0, 100, changed_after=first.changed_through)
    assert [v.code for v in again.visits] == [visit.code]
    assert shop.merge.take_in(again).visits == 1
    assert shop.store.visit(visit.code).ended_at == gate.clock.now()
    assert gate.merge.outgoing("A", 0, 100, changed_after=again.changed_through).visits == ()


def test_taking_in_the_same_batch_twice_changes_nothing(gate: Station, shop: Station) -> None:
    for grams in (1000, 2000, 3000):
        gate.gate.take_in(COACH, gate.gate.prepare("books", "sale", grams))
    batch = batch_from(gate, shop)
    assert shop.merge.take_in(batch).events == 3
    before = (counts(shop), items_of(shop.store), shop.store.db.execute(
        "SELECT * FROM stations ORDER BY letter").fetchall())
    outcome = shop.merge.take_in(batch)
    assert (outcome.events, outcome.visits, outcome.shipments) == (0, 0, 0)
    assert (counts(shop), items_of(shop.store), shop.store.db.execute(
        "SELECT * FROM stations ORDER BY letter").fetchall()) == before


def test_a_step_changed_on_the_way_is_refused_and_nothing_is_written(
    gate: Station, shop: Station,
) -> None:
    shop.gate.take_in(COACH, shop.gate.prepare("books", "sale", 500))
    for grams in (1000, 2000):
        gate.gate.take_in(COACH, gate.gate.prepare("books", "sale", grams))
    batch = batch_from(gate, shop)
    changed = batch.events[1]._replace(data=changed_weight(batch.events[1].data))
    before = counts(shop)
    with pytest.raises(HistoryDiverged, match=f"Step {changed.id} of station A does not match"):
        shop.merge.take_in(SiteBatch(events=(batch.events[0], changed), codes=batch.codes))
    assert counts(shop) == before


def changed_weight(data: str) -> str:
    payload = json.loads(data)
    payload["weight_g"] = 1
    return json.dumps(payload, sort_keys=True)


def test_another_history_in_the_same_place_is_refused_naming_it(
    gate: Station, shop: Station,
) -> None:
    gate.gate.take_in(COACH, gate.gate.prepare("books", "sale", 1000))
    exchange(gate, shop)
    # A copy of A that went apart: its first step rewritten whole, with a hash that fits.
    first = gate.merge.outgoing("A", 0, 1).events[0]
    forged = link(None, first._replace(data=changed_weight(first.data)))
    assert event_hash(forged.prev_hash or "", 1, forged) == forged.hash
    before = counts(shop)
    with pytest.raises(HistoryDiverged, match="the histories went apart"):
        shop.merge.take_in(SiteBatch(events=(forged,)))
    other = link(None, first._replace(id="f" * 32))  # another event in its place
    with pytest.raises(HistoryDiverged, match=f"Step 1 of station A here is not step {'f' * 32}"):
        shop.merge.take_in(SiteBatch(events=(other,)))
    assert counts(shop) == before


def test_a_gap_in_a_stations_steps_is_refused(gate: Station, shop: Station) -> None:
    for grams in (1000, 2000, 3000):
        gate.gate.take_in(COACH, gate.gate.prepare("books", "sale", grams))
    later = gate.merge.outgoing("A", 1, 100)
    with pytest.raises(HistoryDiverged, match="Steps 1 to 1 of station A are missing"):
        shop.merge.take_in(later)
    assert counts(shop)[0] == 0


def test_a_restored_station_pulls_its_own_steps_back_and_reuses_no_code(
    tmp_path: Path, gate: Station, shop: Station,
) -> None:
    visit = gate.gate.start_visit(COACH)
    codes = [gate.gate.take_in(COACH, gate.gate.prepare("books", "sale", g), visit).code
             for g in (1000, 2000)]
    gate.material.send(COACH, "Metaalhandel Jansen", [codes[1]])
    exchange(gate, shop)
    # The gate's PC dies; a new one starts as station A with an empty file.
    new = station(tmp_path / "new", "A", START + timedelta(hours=2))
    assert exchange(shop, new).events == 3
    assert items_of(new.store) == items_of(gate.store)
    code = new.gate.take_in(COACH, new.gate.prepare("books", "sale", 700)).code
    assert code == "A000003"
    assert new.gate.start_visit(COACH).code == "VA000002"
    assert new.material.send(COACH, "Metaalhandel Jansen", [code]).code == "UA000002"
    # Its new steps continue its chain, so every other station takes them in.
    assert exchange(new, shop).events == 2


def test_other_letters_counters_move_too(gate: Station, shop: Station) -> None:
    for _ in range(3):
        gate.gate.take_in(COACH, gate.gate.prepare("books", "sale", 100))
    exchange(gate, shop)
    assert shop.store.db.execute(
        "SELECT letter, next_item_seq FROM stations ORDER BY letter").fetchall() == [
        ("A", 4), ("B", 1)]
    assert shop.store.station_letters() == ["A", "B"]


def test_a_step_on_an_item_not_arrived_waits_for_it(tmp_path: Path, gate: Station,
                                                     shop: Station) -> None:
    workshop = station(tmp_path, "C", START)
    lamp = gate.gate.take_in(COACH, gate.gate.prepare("lamps", "repair", 900))
    exchange(gate, workshop)
    workshop.workshop.start_repair(REPAIRER, lamp.code)
    # The shop hears from the workshop first: its step waits for the lamp's intake.
    outcome = shop.merge.take_in(workshop.merge.outgoing("C", 0, 100))
    assert (outcome.events, outcome.deferred) == (0, 1)
    assert shop.store.merge.head("C") is None
    exchange(gate, shop)
    assert shop.merge.take_in(workshop.merge.outgoing("C", 0, 100)).events == 1
    assert shop.item(lamp.code).status is Status.IN_REPAIR


def test_an_unknown_staff_member_or_category_is_refused(gate: Station, shop: Station) -> None:
    gate.gate.take_in(BOSS, gate.gate.prepare("books", "sale", 100))
    batch = gate.merge.outgoing("A", 0, 10)
    stranger = link(None, batch.events[0]._replace(user_id="9" * 32))
    with pytest.raises(HistoryDiverged, match="staff member not known here"):
        shop.merge.take_in(SiteBatch(events=(stranger,), codes=batch.codes))
    unknown = link(None, batch.events[0]._replace(
        data=batch.events[0].data.replace('"books"', '"harps"')))
    with pytest.raises(HistoryDiverged, match="category 'harps', not known here"):
        shop.merge.take_in(SiteBatch(events=(unknown,), codes=batch.codes))
    with pytest.raises(HistoryDiverged, match="came without its code"):
        shop.merge.take_in(SiteBatch(events=batch.events))
    assert counts(shop)[0] == 0


def test_reports_agree_once_the_stations_agree(gate: Station, shop: Station) -> None:
    visit = gate.gate.start_visit(COACH, "Zwijndrecht")
    chair = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000), visit)
    exchange(gate, shop)
    shop.shop.sell(CLERK, [(chair.code, 2500)])
    exchange(shop, gate)
    day = date(2026, 11, 21)
    assert report_text(gate, day, day) == report_text(shop, day, day)
    assert json.loads(report_text(gate, day, day))["totals"]["revenue_eur"] == 25.0


def test_days_summed_before_a_merge_are_summed_again_for_what_it_brought(
    gate: Station, shop: Station,
) -> None:
    monday = date(2026, 11, 16)
    gate.clock.set(datetime(2026, 11, 17, 9, 0, tzinfo=UTC))  # a step on an earlier day
    chair = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000))
    gate.clock.set(START)
    gate.shop.sell(CLERK, [(chair.code, 1200)])
    week = (monday, date(2026, 11, 22))
    before = json.loads(report_text(shop, *week))["totals"]  # sums the shop's days
    assert (before["items_in"], before["revenue_eur"]) == (0, 0)
    exchange(gate, shop)
    assert report_text(shop, *week, START) == report_text(gate, *week, START)
    after = json.loads(report_text(shop, *week, START))["totals"]
    assert (after["items_in"], after["revenue_eur"]) == (1, 12.0)


def test_a_batch_holding_something_twice_takes_it_in_once(gate: Station, shop: Station) -> None:
    visit = gate.gate.start_visit(COACH)
    scrap = gate.gate.take_in(COACH, gate.gate.prepare("metal", "material", 3000), visit)
    gate.material.send(COACH, "Metaalhandel Jansen", [scrap.code])
    batch = gate.merge.outgoing("A", 0, 100)
    doubled = SiteBatch(events=batch.events * 2, visits=batch.visits * 2,
                        shipments=batch.shipments * 2, codes=batch.codes * 2)
    outcome = shop.merge.take_in(doubled)
    assert (outcome.events, outcome.visits, outcome.shipments) == (2, 1, 1)
    assert items_of(shop.store) == items_of(gate.store)
