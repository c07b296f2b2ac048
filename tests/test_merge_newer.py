"""A kind of step this version does not know, from a station on a newer Ambacht, between
stations' files (issue 13, `db/newer_steps.py`): kept in its chain, passed on, left out of the
replay; the steps after it take effect. (Through the hub, and the update: test_hub_newer.py.)"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from stations import CLERK, COACH, Station, assert_rows_are_replays, exchange, station
from taps import log_in, tap
from test_gate_screen import panel

from intake.auth import AuthService
from intake.clock import to_storage
from intake.ids import new_id
from intake.model import Item, Status
from ui.app import build_context
from ui.main_window import MainWindow
from ui.widgets.item_card import ItemCard
from ui.widgets.panels import ChoicePanel

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def test_an_unknown_kind_of_step_is_kept_passed_on_and_the_rest_goes_through(
        tmp_path: Path) -> None:
    gate, newer, third = (station(tmp_path, letter, START) for letter in "ABC")
    chair = _photographed_and_sold(gate, newer)
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


def test_the_coordinator_is_told_on_let_op_and_the_item_card_marks_the_item(
        qtbot, tmp_path: Path) -> None:
    gate, newer = station(tmp_path, "A", START), station(tmp_path, "B", START)
    chair = _photographed_and_sold(gate, newer)
    exchange(newer, gate)
    AuthService(gate.store, gate.clock).set_first_pin("1234")
    window = MainWindow(build_context(gate.store, gate.clock, "nl"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    log_in(qtbot, window, "1234")
    tap(qtbot, window.stack.currentWidget().top.place_button)
    tap(qtbot, panel(window, ChoicePanel).option_buttons["conflicts"])
    rows = window.conflicts.rows
    assert [rows.item(row).text() for row in range(rows.count())] == [
        "Werk Ambacht bij: station B gebruikt een nieuwere versie.\n"
        "1 stap wacht hier daarop: hij is bewaard en telt mee zodra deze pc is bijgewerkt."]
    card = ItemCard(build_context(gate.store, gate.clock, "nl"))
    qtbot.addWidget(card)
    card.show_item(gate.item(chair.code))
    lines = [card.history.item(row).text() for row in range(card.history.count())]
    assert lines[-1].startswith("[nieuwere Ambacht nodig] een stap van station B")


def _photographed_and_sold(gate: Station, newer: Station) -> Item:
    """A chair from the gate that the newer station photographs (a kind of step this version
    does not know) and then sells."""
    chair = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000))
    exchange(gate, newer)
    newer.clock.advance(minutes=5)
    moment = to_storage(newer.clock.now())
    # As a newer Ambacht writes it: its own kind, in its chain like any step.
    newer.store._insert_events([(new_id(), chair.id, "photographed", moment, moment, "B",
                                 CLERK.id, None, json.dumps({"photos": 3}))])
    newer.clock.advance(minutes=5)
    newer.shop.sell(CLERK, [(chair.code, 2500)])
    return chair
