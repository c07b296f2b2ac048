"""Finding an item without its label (issue 15, point 7): by the digits its code ends in, its
category and its day of intake, without Qt; bad input is refused and changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from bad_input import HUGE, assert_translated, dump

from db import Store
from intake.clock import FixedClock
from intake.errors import ValidationError
from intake.gate import GateService
from intake.item_search import ItemSearch, When, days_of, find_items
from intake.model import Item, User

LIMIT = 5


def take_in(gate: GateService, coach: User, category: str, route: str = "sale") -> Item:
    return gate.take_in(coach, gate.prepare(category, route))


def find(store: Store, clock: FixedClock, limit: int = LIMIT, **what: object) -> tuple[
        list[str], int]:
    found = find_items(store, ItemSearch(**what), clock.now(), store.settings().zone, limit)
    return [item.code for item in found.items], found.total


@pytest.fixture
def items(gate: GateService, coach: User, clock: FixedClock) -> list[Item]:
    """25 items: A000001 .. A000025, bikes and books, one a day back from today."""
    clock.advance(days=-24)
    taken = []
    for n in range(25):
        taken.append(take_in(gate, coach, "bicycles" if n % 2 else "books"))
        clock.advance(days=1)
    clock.advance(days=-1)
    return taken


def test_digits_find_the_exact_number_first_then_codes_ending_in_them(
        store: Store, clock: FixedClock, items: list[Item]) -> None:
    codes, total = find(store, clock, digits="2")
    assert codes[0] == "A000002"  # the number typed, then the newest ending in 2
    assert codes[1:] == ["A000022", "A000012"]
    assert total == 3
    assert find(store, clock, digits="000012") == (["A000012"], 1)
    assert find(store, clock, digits="012")[0] == ["A000012"]


def test_every_station_letter_is_found(store: Store, clock: FixedClock, coach: User,
                                       items: list[Item]) -> None:
    store.add_station("B")
    other = GateService(store, clock, "B")
    b_item = take_in(other, coach, "toys")
    codes, _ = find(store, clock, digits="1")
    assert codes[:2] == ["B000001", "A000001"]  # both exact; the newest first
    assert b_item.code == "B000001"


def test_category_and_days_narrow_the_search(store: Store, clock: FixedClock,
                                             items: list[Item]) -> None:
    assert find(store, clock, category="bicycles", limit=100)[1] == 12
    assert find(store, clock, when=When.TODAY) == (["A000025"], 1)
    assert find(store, clock, when=When.YESTERDAY) == (["A000024"], 1)
    # The clock's Saturday 21 November: this week is Monday 16 to today, six days.
    assert find(store, clock, when=When.THIS_WEEK, limit=100)[1] == 6
    day = items[3].intake_at.astimezone(store.settings().zone).date()
    assert find(store, clock, when=When.DAY, day=day) == (["A000004"], 1)
    assert find(store, clock, digits="5", category="books") == (
        ["A000005", "A000025", "A000015"], 3)
    assert find(store, clock, digits="5", category="bicycles") == ([], 0)


def test_a_screenful_and_the_count_of_the_rest(store: Store, clock: FixedClock,
                                               items: list[Item]) -> None:
    found = find_items(store, ItemSearch(category="books"), clock.now(),
                       store.settings().zone, LIMIT)
    assert [item.code for item in found.items] == [
        "A000025", "A000023", "A000021", "A000019", "A000017"]
    assert (found.total, found.more) == (13, 8)


def test_nothing_found_is_an_empty_list(store: Store, clock: FixedClock,
                                        items: list[Item]) -> None:
    assert find(store, clock, digits="999") == ([], 0)
    assert find(store, clock, digits="2", category="lamps") == ([], 0)


def test_this_week_starts_on_monday() -> None:
    sunday = date(2026, 11, 22)
    assert days_of(ItemSearch(when=When.THIS_WEEK), sunday) == (sunday - timedelta(days=6),
                                                                 sunday)
    assert days_of(ItemSearch(), sunday) is None


@pytest.mark.parametrize(("what", "message"), [
    ({"digits": "abc"}, "digits of a code only"),
    ({"digits": "12a"}, "digits of a code only"),
    ({"digits": "1234567890"}, "at most 9 digits"),
    ({"digits": "1' OR '1'='1"}, "digits of a code only"),
    ({"digits": "*"}, "digits of a code only"),  # no wildcard reaches the GLOB
    ({"digits": "１２３"}, "digits of a code only"),  # fullwidth
    ({"digits": HUGE}, "digits of a code only"),
    ({"digits": 123}, "digits of a code only"),
    ({"category": "spaceships"}, "Unknown category"),
    ({"category": "books'; --"}, "Unknown category"),
    ({"when": When.DAY}, "Pick the day"),
    ({"when": "tomorrow"}, "Pick the day"),
    ({"when": When.DAY, "day": "2026-11-21"}, "Pick the day"),
])
def test_bad_input_is_refused_in_dutch_and_changes_nothing(
        store: Store, clock: FixedClock, items: list[Item], what: dict[str, object],
        message: str) -> None:
    before = dump(store.db.conn)
    with pytest.raises(ValidationError) as refused:
        find(store, clock, **what)
    assert message in str(refused.value)
    assert_translated(refused.value)
    assert dump(store.db.conn) == before
