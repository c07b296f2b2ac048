"""Random steps on two or three stations, each its own SQLite file, with random partial
exchanges between them (`outgoing` -> `take_in`, cut at random limits, in any direction, one
station's clock off by hours): after a final full exchange every station holds the same
events, its items equal a replay of their union, its conflicts are the same, and its report
JSON is byte for byte the others' (issue 13)."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from stations import (
    BOSS,
    Station,
    conflicts_of,
    exchange,
    items_of,
    report_text,
    station,
)

from intake.errors import AmbachtError
from intake.lifecycle import replay

START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
KINDS = ("intake", "intake", "route", "repair", "finish", "test", "price", "sell", "return",
         "void", "correct", "material", "exchange", "exchange")

steps = st.lists(st.tuples(
    st.sampled_from(KINDS),
    st.integers(0, 2),  # the station acting (or sending)
    st.integers(0, 2),  # the station receiving, for an exchange
    st.integers(0, 1000),  # which item, of those the station knows
    st.integers(1, 6),  # a batch's limit; else a choice
    st.integers(1, 90),  # minutes on the station's clock before the step
), min_size=15, max_size=40)


def act(here: Station, kind: str, pick: int, choice: int) -> None:
    """One step at `here` on its `pick`-th item; a refusal changes nothing and is fine."""
    codes = [row[0] for row in here.store.db.execute("SELECT code FROM items ORDER BY code")]
    if kind == "intake" or not codes:
        here.gate.take_in(BOSS, here.gate.prepare(
            ["furniture", "books", "eee_small", "metal"][choice % 4],
            ["sale", "repair", "material"][choice % 3], 500 * choice))
        return
    code = codes[pick % len(codes)]
    if kind == "route":
        here.gate.change_route(BOSS, code, ["sale", "repair", "material"][choice % 3],
                               "Looked again")
    elif kind == "repair":
        here.workshop.start_repair(BOSS, code)
    elif kind == "finish":
        here.workshop.finish_repair(BOSS, code, here.workshop.outcome(
            ["fixed", "repairable", "end_of_life"][choice % 3], problem="Worn out"))
    elif kind == "test":
        here.workshop.safety_test(BOSS, code, "pass" if choice % 2 else "fail")
    elif kind == "price":
        here.workshop.set_price(BOSS, code, 100 * choice)
    elif kind == "sell":
        here.shop.sell(BOSS, [(code, 150 * choice)])
    elif kind == "return":
        here.shop.take_back(BOSS, code, "Did not fit")
    elif kind == "void":
        here.gate.void(BOSS, code, "Taken in twice")
    elif kind == "correct":
        here.gate.correct_last(BOSS, code, "Typed wrongly")
    elif kind == "material":
        here.material.send(BOSS, "Metaalhandel Jansen", [code])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(steps=steps, count=st.integers(2, 3),
       skew=st.sampled_from([timedelta(0), timedelta(hours=-5), timedelta(hours=3)]))
def test_stations_that_exchanged_everything_agree(
    steps: list[tuple[str, int, int, int, int, int]], count: int, skew: timedelta,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        stations = [station(Path(folder), letter, START + (skew if letter == "C" else
                                                           timedelta(0)))
                    for letter in "ABC"[:count]]
        try:
            run(stations, steps)
        finally:
            for here in stations:
                here.store.close()


def run(stations: list[Station], steps: list[tuple[str, int, int, int, int, int]]) -> None:
    for kind, who, to, pick, choice, minutes in steps:
        here = stations[who % len(stations)]
        here.clock.advance(minutes=minutes)
        if kind == "exchange":
            exchange(here, stations[to % len(stations)], limit=choice)
            continue
        with contextlib.suppress(AmbachtError):  # a refusal changes nothing
            act(here, kind, pick, choice)
    # The final full exchange: each sends everything to the first, the first to each; a
    # second round for what waited on another station's items.
    for _ in range(2):
        for other in stations[1:]:
            exchange(other, stations[0])
        for other in stations[1:]:
            exchange(stations[0], other)
    first = stations[0]
    events = {row[0] for row in first.store.db.execute("SELECT id FROM events")}
    union = {code: first.store.events(row[0]) for code, row in items_of(first.store).items()}
    days = (date(2026, 11, 19), max(here.clock.now() for here in stations).date()
            + timedelta(days=1))
    now = max(here.clock.now() for here in stations)
    expected_report = report_text(first, *days, now)
    event(f"conflicts: {min(len(conflicts_of(first.store)), 3)}")
    event(f"items: {min(len(union) // 5 * 5, 15)}+")
    for here in stations:
        assert {row[0] for row in here.store.db.execute("SELECT id FROM events")} == events
        assert here.store.merge.events_after(here.letter, 0, 10**6) == \
            first.store.merge.events_after(here.letter, 0, 10**6)
        rows = items_of(here.store)
        assert rows == items_of(first.store)
        for code, history in union.items():
            item = here.item(code)
            assert replay(item, history) == item, code
        assert conflicts_of(here.store) == conflicts_of(first.store)
        assert report_text(here, *days, now) == expected_report
