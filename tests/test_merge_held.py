"""A newer station's new way of taking items in, between stations' files (issue 13,
`db/held_steps.py`): the steps on such an item are held whole, the rest goes through, the
chain holds, they pass on, and once this PC is updated they take effect as if just arrived.
(Through a real hub and the command line: test_hub_held.py.)"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from newer_kind import KIND, knowing, take_in_newly
from stations import (
    CLERK,
    COACH,
    Station,
    assert_rows_are_replays,
    exchange,
    items_of,
    report_text,
    station,
)

from db.chain import find_break
from db.newer_steps import NewerSteps
from intake.merge import SiteBatch
from intake.model import Status

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
HELD = ("SELECT id, item_id, type, at, recorded_at, station, user_id, reason, data, seq, "
        "prev_hash, hash FROM {} WHERE station = 'B' AND (type = '" + KIND + "' OR item_id IN "
        "(SELECT item_id FROM {} WHERE type = '" + KIND + "')) ORDER BY seq")


def _rows(here: Station, table: str) -> list[tuple[object, ...]]:
    return here.store.db.execute(HELD.format(table, table)).fetchall()


def _newer_work(newer: Station, monkeypatch: pytest.MonkeyPatch) -> str:
    """The newer station takes a chair in its new way and sells it; its code."""
    with knowing(monkeypatch, newer.store):
        chair = take_in_newly(newer.store, "B", COACH.id, newer.clock.now(), "furniture", 8000)
        newer.clock.advance(minutes=5)
        newer.shop.sell(CLERK, [(chair, 2500)])
    return chair


def test_steps_on_an_item_taken_in_the_new_way_are_held_and_the_rest_goes_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gate, newer, third = (station(tmp_path, letter, START) for letter in "ABC")
    lamp = newer.gate.take_in(COACH, newer.gate.prepare("books", "sale", 1200))
    chair = _newer_work(newer, monkeypatch)
    newer.clock.advance(minutes=5)
    newer.workshop.set_price(CLERK, lamp.code, 900)

    outcome = exchange(newer, gate)
    assert (outcome.events, outcome.held, outcome.deferred) == (2, 2, 0)
    assert gate.store.item_by_code(chair) is None  # not here until this PC knows the kind
    assert gate.item(lamp.code).price_cents == 900  # B's steps after the held ones went in
    assert _rows(gate, "held_steps") == _rows(newer, "events")  # whole, byte for byte
    assert (NewerSteps(gate.store.db).stations(), NewerSteps(gate.store.db).waiting()) == (
        ["B"], 2)
    assert find_break(gate.store.db.conn, whole=True) is None  # the chain holds across them
    assert exchange(newer, gate) == type(outcome)(0, 0, 0, 0, 0, 0)  # the same again: nothing

    # Passed on with B's chain, as they came: a third station holds them the same way.
    assert exchange(gate, third).held == 2
    assert _rows(third, "held_steps") == _rows(newer, "events")

    # B works on; the gap check counts the held steps as B's: the next batch goes in.
    newer.clock.advance(minutes=5)
    newer.shop.sell(CLERK, [(lamp.code, 900)])
    assert exchange(newer, gate).events == 1
    cup = gate.gate.take_in(COACH, gate.gate.prepare("household", "sale", 300))
    assert exchange(gate, newer).events == 1
    assert newer.item(cup.code) == gate.item(cup.code)

    # This PC is updated: the held steps are taken in as if they had just arrived.
    with knowing(monkeypatch, gate.store, newer.store):
        assert exchange(newer, gate).events == 0
        gate.merge.take_in(SiteBatch())  # (the exchange above took them in already)
        assert gate.store.db.execute("SELECT count(*) FROM held_steps").fetchone() == (0,)
        assert gate.store.db.execute("SELECT count(*) FROM held_codes").fetchone() == (0,)
        assert _rows(gate, "events") == _rows(newer, "events")
        assert items_of(gate.store) == items_of(newer.store)
        day = date(2026, 11, 21)
        now = newer.clock.now()
        assert report_text(gate, day, day, now) == report_text(newer, day, day, now)
        assert NewerSteps(gate.store.db).waiting() == 0
        assert find_break(gate.store.db.conn, whole=True) is None
        assert_rows_are_replays(gate.store)
        assert gate.item(chair).status is Status.SOLD  # the sale held with it took effect


def test_a_held_step_changed_outside_ambacht_is_found_by_the_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gate, newer = station(tmp_path, "A", START), station(tmp_path, "B", START)
    _newer_work(newer, monkeypatch)
    exchange(newer, gate)
    conn = sqlite3.connect(gate.store.path)
    with pytest.raises(sqlite3.IntegrityError, match="kept as they came"):
        conn.execute("UPDATE held_steps SET data = '{}'")
    with pytest.raises(sqlite3.IntegrityError, match="leaves only into the events"):
        conn.execute("DELETE FROM held_steps")
    conn.execute("DROP TRIGGER held_steps_no_update")
    conn.execute("UPDATE held_steps SET at = '2026-11-21T08:00:00.000000Z' WHERE seq = 1")
    conn.commit()
    conn.close()
    found = find_break(gate.store.db.conn, whole=True)
    assert found is not None and found.event.station == "B" and found.event.seq == 1


def test_a_pc_that_takes_over_a_newer_stations_letter_continues_after_its_held_steps(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gate, newer = station(tmp_path, "A", START), station(tmp_path, "B", START)
    chair = _newer_work(newer, monkeypatch)
    exchange(newer, gate)
    # B's PC dies; a new one on this (older) version takes its letter and pulls its steps back.
    (tmp_path / "new").mkdir()
    again = station(tmp_path / "new", "B", START + timedelta(hours=1))
    assert exchange(gate, again).held == 2
    book = again.gate.take_in(COACH, again.gate.prepare("books", "sale", 400))
    (seq,) = again.store.db.execute("SELECT seq FROM events WHERE item_id = ?",
                                    [book.id]).fetchone()
    assert seq == 3  # after its own held steps, not in their place
    assert (chair, book.code) == ("B000001", "B000002")  # the chair's code not handed out
    assert exchange(again, gate).events == 1
    assert find_break(again.store.db.conn, whole=True) is None
    assert find_break(gate.store.db.conn, whole=True) is None
