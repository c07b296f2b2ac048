"""Random steps on three stations' files where B runs a newer Ambacht that also takes items
in its new way (`newer_kind.KIND`), with random partial exchanges in any direction: the older
stations hold the steps on those items (`db/held_steps.py`) and take the rest in; once every
station is updated, a final full exchange leaves every station with the same events, items
that equal a replay of their union, the same conflicts and byte for byte the same report
(`test_merge_properties.run`), and nothing held (issue 13)."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from newer_kind import knowing, take_in_newly
from stations import BOSS, Station, exchange, station
from test_merge_properties import KINDS, act, run

from intake.errors import AmbachtError

START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

steps = st.lists(st.tuples(
    st.sampled_from((*KINDS, "newly", "newly", "newly", "exchange", "exchange", "exchange")),
    st.integers(0, 2),  # the station acting (or sending)
    st.integers(0, 2),  # the station receiving, for an exchange
    st.integers(0, 1000),  # which item, of those the station knows
    st.integers(1, 6),  # a batch's limit; else a choice
    st.integers(1, 90),  # minutes on the station's clock before the step
), min_size=15, max_size=40)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(steps=steps)
def test_older_stations_hold_the_newer_ones_items_and_agree_once_updated(
    steps: list[tuple[str, int, int, int, int, int]],
) -> None:
    patch = pytest.MonkeyPatch()
    with tempfile.TemporaryDirectory() as folder:
        stations = [station(Path(folder), letter, START) for letter in "ABC"]
        try:
            with knowing(patch, stations[1].store):
                pass  # the newer station's file has its migration
            # Every run starts with an item taken in the new way and sent to A.
            start = [("newly", 1, 0, 0, 2, 1), ("exchange", 1, 0, 0, 6, 1)]
            for kind, who, to, pick, choice, minutes in start + steps:
                here, there = stations[1 if kind == "newly" else who], stations[to]
                here.clock.advance(minutes=minutes)
                # What the newer station does, and what it takes in, it does as the newer one.
                newer = (there if kind == "exchange" else here).letter == "B"
                with knowing(patch) if newer else contextlib.nullcontext():
                    _step(here, there, kind, pick, choice)
            held = sum(here.store.db.execute("SELECT count(*) FROM held_steps").fetchone()[0]
                       for here in stations)
            event(f"held before the update: {min(held, 5)}")
            with knowing(patch, *(here.store for here in stations)):  # every PC updated
                run(stations, [])
                for here in stations:
                    assert here.store.db.execute(
                        "SELECT count(*) FROM held_steps").fetchone() == (0,)
        finally:
            patch.undo()
            for here in stations:
                here.store.close()


def _step(here: Station, there: Station, kind: str, pick: int, choice: int) -> None:
    if kind == "exchange":
        exchange(here, there, limit=choice)
    elif kind == "newly":  # at the newer station
        take_in_newly(here.store, "B", BOSS.id, here.clock.now(),
                      ["furniture", "books", "metal"][choice % 3], 500 * choice)
    else:
        with contextlib.suppress(AmbachtError):  # a refusal changes nothing
            act(here, kind, pick, choice)
