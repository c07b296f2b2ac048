"""The repair-done flow without a screen: the steps an item needs, back, the answers kept,
the minutes suggested from the repair's start; and the workshop shelf's counts, filters and
days on the shelf."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from test_flow import take_in

from db import Store
from intake.clock import FixedClock
from intake.gate import GateService
from intake.model import User
from intake.repair_flow import RepairDraft, Step, suggested_minutes
from intake.shelf import ShelfFilter, ShelfState, days_on_shelf, read_shelf
from intake.workshop import WorkshopService


def test_a_fixed_bike_needs_six_steps_and_back_keeps_the_answers() -> None:
    draft = RepairDraft("A000001", electrical=False, powered=False)
    assert draft.steps() == [Step.STATUS, Step.PRICE, Step.MINUTES, Step.PROBLEM, Step.BRAND,
                             Step.YEAR]
    assert draft.position() == (1, None)  # how many follow depends on the outcome
    draft.answer("fixed")
    draft.answer("45")
    assert (draft.current, draft.position()) == (Step.MINUTES, (3, 6))
    draft.back()
    assert draft.current is Step.PRICE and draft.answers[Step.PRICE] == "45"
    draft.answer("40")
    for answer in ("30", "Lekke band", "Gazelle", ""):
        draft.answer(answer)
    assert draft.done
    assert draft.given()[:2] == [(Step.STATUS, "fixed"), (Step.PRICE, "40")]
    assert draft.outcome_fields() == {
        "status": "fixed", "barrier": None, "safety_test": None, "price_cents": 4000,
        "minutes": "30", "problem": "Lekke band", "brand": "Gazelle", "year": None,
        "product": None}


def test_the_steps_follow_the_outcome_and_the_safety_test() -> None:
    lamp = RepairDraft("A000002", electrical=True, powered=True)
    assert lamp.steps()[:3] == [Step.STATUS, Step.SAFETY, Step.PRICE]
    assert lamp.steps()[-1] is Step.PRODUCT
    lamp.answer("fixed")
    assert lamp.position() == (2, None)  # a failed test takes the price's step away
    lamp.answer("fail")  # a failed test: no price, it may not be sold
    assert Step.PRICE not in lamp.steps() and lamp.current is Step.MINUTES
    lamp.back()
    lamp.back()
    lamp.answer("end_of_life")  # changed its mind: the safety answer no longer applies
    assert lamp.current is Step.BARRIER
    for answer in ("too_worn_out", "20", "Kapot snoer", "", "", "Lamp"):
        lamp.answer(answer)
    fields = lamp.outcome_fields()
    assert (fields["status"], fields["barrier"], fields["safety_test"], fields["price_cents"]) \
        == ("end_of_life", "too_worn_out", None, None)


def test_minutes_are_suggested_from_the_start_rounded_and_only_within_a_working_day() -> None:
    start = datetime(2026, 5, 2, 9, 0, tzinfo=UTC)
    assert suggested_minutes(start, start + timedelta(minutes=43)) == 45
    assert suggested_minutes(start, start + timedelta(minutes=1)) == 5
    assert suggested_minutes(start, start + timedelta(hours=9)) is None  # not time worked
    assert suggested_minutes(None, start) is None
    assert suggested_minutes(start, start - timedelta(minutes=5)) is None  # a clock put back


def test_the_repair_start_is_read_from_the_history(
    gate: GateService, workshop: WorkshopService, coach: User, repairer: User,
    clock: FixedClock,
) -> None:
    bike = take_in(gate, coach, "bicycles", "repair")
    assert workshop.repair_started_at(bike) is None
    clock.advance(minutes=10)
    started = workshop.start_repair(repairer, bike.code)
    assert workshop.repair_started_at(started) == clock.now()


def test_the_shelf_counts_filters_and_ages(
    gate: GateService, workshop: WorkshopService, coach: User, repairer: User,
    clock: FixedClock, store: Store,
) -> None:
    old_bike = take_in(gate, coach, "bicycles", "repair")
    clock.advance(days=3)
    bike = take_in(gate, coach, "bicycles", "repair")
    lamp = take_in(gate, coach, "lamps", "repair")
    take_in(gate, coach, "books", "sale")  # not for the workshop
    workshop.start_repair(repairer, lamp.code)
    shelf = read_shelf(store)
    assert (shelf.in_repair, shelf.waiting, shelf.matching) == (1, 2, 3)
    assert shelf.by_category == {"bicycles": 2, "lamps": 1}
    assert [item.code for item in shelf.items] == [lamp.code, old_bike.code, bike.code]
    waiting = read_shelf(store, ShelfFilter(state=ShelfState.WAITING))
    assert [item.code for item in waiting.items] == [old_bike.code, bike.code]
    assert waiting.by_category == {"bicycles": 2}
    lamps = read_shelf(store, ShelfFilter(category="lamps"))
    assert (lamps.in_repair, lamps.waiting, [i.code for i in lamps.items]) == (1, 0, [lamp.code])
    assert len(read_shelf(store, limit=1).items) == 1
    zone = ZoneInfo("Europe/Amsterdam")
    assert days_on_shelf(old_bike, clock.now(), zone) == 3
    assert days_on_shelf(bike, clock.now(), zone) == 0
