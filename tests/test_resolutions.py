"""Two coordinators resolve one conflict opposite ways while offline: the contradiction is
kept and shown, never two cancellations that bring back a state neither chose (issue 13)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from stations import (
    BOSS,
    CLERK,
    COACH,
    Station,
    assert_rows_are_replays,
    both_ways,
    conflicts_of,
    exchange,
    items_of,
    report_text,
    station,
)

from intake.conflicts import ConflictService
from intake.model import EventType, Status

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
DAY = date(2026, 11, 21)


@pytest.fixture
def sites(tmp_path: Path) -> tuple[Station, Station]:
    return station(tmp_path, "A", START), station(tmp_path, "B", START)


def conflicts(here: Station) -> ConflictService:
    return ConflictService(here.store, here.clock, here.letter)


def revenue(here: Station) -> object:
    return json.loads(report_text(here, DAY, DAY))["totals"]["revenue_eur"]


def assert_same(gate: Station, shop: Station) -> None:
    assert items_of(gate.store) == items_of(shop.store)
    assert conflicts_of(gate.store) == conflicts_of(shop.store)
    assert report_text(gate, DAY, DAY) == report_text(shop, DAY, DAY)
    for here in (gate, shop):
        assert_rows_are_replays(here.store)


def opposite_resolutions(gate: Station, shop: Station) -> str:
    """The gate voids a chair the till sells meanwhile; after a sync the gate's coordinator
    cancels the sale, the shop's (offline, ten minutes later) the void. Returns the code."""
    chair = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000))
    exchange(gate, shop)
    gate.clock.advance(minutes=10)
    gate.gate.void(COACH, chair.code, "Taken in twice")
    shop.clock.advance(minutes=20)
    shop.shop.sell(CLERK, [(chair.code, 2500)])
    both_ways(gate, shop)
    (found,) = conflicts(gate).open_conflicts()
    gate.clock.advance(minutes=30)
    conflicts(gate).resolve(BOSS, found.step.id, "The void stands")
    shop.clock.advance(minutes=40)
    conflicts(shop).resolve(BOSS, found.cause.id, "It was sold")
    both_ways(gate, shop)
    return chair.code


def test_opposite_resolutions_are_a_conflict_and_the_earlier_stands_meanwhile(
        sites: tuple[Station, Station]) -> None:
    gate, shop = sites
    code = opposite_resolutions(gate, shop)
    for here in (gate, shop):
        item = here.item(code)
        # Not both: the gate's resolution (the earlier) stands, the item stays voided.
        assert (item.voided, item.status) == (True, Status.IN_STOCK)
        (found,) = conflicts(here).open_conflicts()
        assert (found.step.type, found.step.station, found.cause.type, found.cause.station
                ) == (EventType.CORRECTED, "B", EventType.CORRECTED, "A")
        # Both steps shown with what each cancelled: the void, the sale.
        assert (found.step.cancels, found.cause.cancels) == (EventType.VOIDED, EventType.SOLD)
        assert revenue(here) == 0
    assert_same(gate, shop)


def test_the_coordinator_decides_once_more_for_the_later(sites: tuple[Station, Station]
                                                         ) -> None:
    gate, shop = sites
    code = opposite_resolutions(gate, shop)
    (found,) = conflicts(shop).open_conflicts()
    shop.clock.advance(minutes=5)
    item = conflicts(shop).resolve(BOSS, found.cause.id, "It was sold after all")
    assert (item.voided, item.status, item.price_cents) == (False, Status.SOLD, 2500)
    both_ways(gate, shop)
    for here in (gate, shop):
        assert conflicts(here).open_conflicts() == []
        assert here.item(code).status is Status.SOLD
        assert revenue(here) == 25.0  # the till's money is in the figures again
    assert_same(gate, shop)


def test_the_coordinator_decides_once_more_for_the_earlier(sites: tuple[Station, Station]
                                                           ) -> None:
    gate, shop = sites
    code = opposite_resolutions(gate, shop)
    (found,) = conflicts(gate).open_conflicts()
    gate.clock.advance(minutes=5)
    item = conflicts(gate).resolve(BOSS, found.step.id, "Taken in twice, truly")
    assert (item.voided, item.status) == (True, Status.IN_STOCK)
    both_ways(gate, shop)
    for here in (gate, shop):
        assert conflicts(here).open_conflicts() == []
        assert here.item(code).voided
        assert revenue(here) == 0
    assert_same(gate, shop)


def test_a_correction_taken_knowing_the_resolution_stands(sites: tuple[Station, Station]
                                                          ) -> None:
    gate, shop = sites
    vase = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 500))
    exchange(gate, shop)
    gate.clock.advance(minutes=5)
    gate.shop.sell(CLERK, [(vase.code, 300)])
    shop.clock.advance(minutes=6)
    shop.shop.sell(CLERK, [(vase.code, 400)])
    both_ways(gate, shop)
    (found,) = conflicts(shop).open_conflicts()  # the shop's sale, after the gate's
    shop.clock.advance(minutes=10)
    conflicts(shop).resolve(BOSS, found.step.id, "Sold at the gate")
    both_ways(gate, shop)
    # Knowing that, the gate's till takes its own sale back the same day: both stand.
    gate.clock.advance(minutes=20)
    gate.shop.correct_last(BOSS, vase.code, "Sold by mistake")
    both_ways(gate, shop)
    for here in (gate, shop):
        assert conflicts(here).open_conflicts() == []
        assert here.item(vase.code).status is Status.IN_STOCK
        assert revenue(here) == 0
    assert_same(gate, shop)


def test_two_coordinators_who_agree_make_no_conflict(sites: tuple[Station, Station]) -> None:
    gate, shop = sites
    chair = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000))
    exchange(gate, shop)
    gate.gate.void(COACH, chair.code, "Taken in twice")
    shop.clock.advance(minutes=20)
    shop.shop.sell(CLERK, [(chair.code, 2500)])
    both_ways(gate, shop)
    (found,) = conflicts(gate).open_conflicts()
    for here in (gate, shop):  # each cancels the sale, neither knowing the other did
        here.clock.advance(minutes=30)
        conflicts(here).resolve(BOSS, found.step.id, "The void stands")
    both_ways(gate, shop)
    for here in (gate, shop):
        assert conflicts(here).open_conflicts() == []
        assert here.item(chair.code).voided
        assert revenue(here) == 0
    assert_same(gate, shop)
