"""A kind of step this version does not know, from a station on a newer Ambacht, between
stations' files (issue 13, `db/newer_steps.py`): kept in its chain, passed on, left out of the
replay; the steps after it take effect. (Through the hub, and the update: test_hub_newer.py.)"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from stations import CLERK, COACH, assert_rows_are_replays, exchange, station

from intake.clock import to_storage
from intake.ids import new_id
from intake.model import Status

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def test_an_unknown_kind_of_step_is_kept_passed_on_and_the_rest_goes_through(
        tmp_path: Path) -> None:
    gate, newer, third = (station(tmp_path, letter, START) for letter in "ABC")
    chair = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000))
    exchange(gate, newer)
    newer.clock.advance(minutes=5)
    moment = to_storage(newer.clock.now())
    # As a newer Ambacht writes it: its own kind, in its chain like any step.
    newer.store._insert_events([(new_id(), chair.id, "photographed", moment, moment, "B",
                                 CLERK.id, None, json.dumps({"photos": 3}))])
    newer.clock.advance(minutes=5)
    newer.shop.sell(CLERK, [(chair.code, 2500)])
    assert exchange(newer, gate).events == 2
    assert gate.item(chair.code).status is Status.SOLD  # the step after it took effect
    kept = "SELECT id, seq, prev_hash, hash FROM events WHERE type = 'photographed'"
    assert gate.store.db.execute(kept).fetchall() == newer.store.db.execute(kept).fetchall()
    assert gate.store.db.execute("SELECT station FROM newer_steps").fetchall() == [("B",)]
    assert exchange(gate, third).events == 3  # passed on with the rest of B's chain
    assert third.store.db.execute(kept).fetchall() == newer.store.db.execute(kept).fetchall()
    assert third.item(chair.code) == gate.item(chair.code)
    for here in (gate, third):
        assert_rows_are_replays(here.store)
