"""A clock off the hub's on screen (issue 13): the status strip says this PC's, in Dutch;
the coordinator's "Let op" names each station whose clock is off."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from stations import station

from db.station_clocks import save_clocks
from intake.hub_sync import SyncState
from ui.app import build_context
from ui.main_window import MainWindow
from ui.widgets.status_strip import StatusStrip

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def test_the_strip_says_this_pcs_clock_is_off(qtbot, tmp_path: Path) -> None:
    gate = station(tmp_path, "A", START)
    strip = StatusStrip(build_context(gate.store, gate.clock, "nl"))
    qtbot.addWidget(strip)
    state = SyncState("Zwolle", "A", START, None, 0, False, clock_offset_s=7 * 3600 + 100)
    assert strip.hub_text(state) == "De klok van deze PC loopt 7 uur voor"
    state = SyncState("Zwolle", "A", START, None, 0, False, clock_offset_s=-60)
    assert strip.hub_text(state) == "Verbonden"  # a minute is within what a PC drifts
    state = SyncState("Zwolle", "A", START, None, 0, False, clock_offset_s=-600)
    assert strip.hub_text(state) == "De klok van deze PC loopt 10 minuten achter"


def test_let_op_names_the_stations_whose_clock_is_off(qtbot, tmp_path: Path) -> None:
    gate = station(tmp_path, "A", START)
    with gate.store.atomic():
        save_clocks(gate.store.db, {"A": 2, "B": 7 * 3600, "C": -60 * 60})
    window = MainWindow(build_context(gate.store, gate.clock, "nl"))
    qtbot.addWidget(window)
    window.conflicts.entered = True
    window.conflicts.refresh()
    rows = [window.conflicts.rows.item(row).text() for row in range(window.conflicts.rows.count())]
    assert rows == ["De klok van station B loopt 7 uur voor op de hub: zet hem goed.",
                    "De klok van station C loopt 1 uur achter op de hub: zet hem goed."]
