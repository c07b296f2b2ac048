"""Starting the app: first start, demo, a foreign file, and the first coordinator's PIN."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from db import Store
from intake.clock import FixedClock
from intake.errors import StorageError
from intake.setup import initialize
from ui.app import build_context, open_store
from ui.main_window import MainWindow


def test_first_start_creates_and_initialises(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "data" / "ambacht.sqlite"
    store = open_store(path, clock)
    assert path.exists() and store.item_count() == 0
    assert len(store.categories()) == 12
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    store.close()
    assert open_store(path, clock).settings()["station"] == "A"  # a second start changes nothing


def test_demo_fills_only_an_empty_database(tmp_path: Path, clock: FixedClock) -> None:
    store = open_store(tmp_path / "demo.sqlite", clock, demo=True)
    items = store.item_count()
    assert items > 10_000
    store.close()
    assert open_store(tmp_path / "demo.sqlite", clock, demo=True).item_count() == items


def test_a_foreign_file_is_refused_untouched(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photo (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not an Ambacht database"):
        open_store(path, clock)
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()


def test_first_run_asks_the_coordinator_pin_twice(qtbot, clock: FixedClock) -> None:
    store = Store.open(":memory:")
    initialize(store, clock)
    ctx = build_context(store, clock, "nl")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    first = window.first_run
    assert window.stack.currentWidget() is first

    def enter(pin: str) -> None:
        for digit in pin:
            qtbot.mouseClick(first.pinpad.keypad.buttons[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(first.pinpad.ok_button, Qt.MouseButton.LeftButton)

    enter("2468")
    assert "nog een keer" in first.prompt.text()
    enter("2469")
    assert first.message.isVisible() and "verschillen" in first.message.text()
    enter("2468")
    enter("2468")
    # The guide through staff, municipalities and the printer follows (test_first_day.py).
    assert window.stack.currentWidget() is window.admin
    for _step in range(3):
        qtbot.mouseClick(window.admin.guide_bar.next_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.gate
    assert window.gate.top.settings_button.isVisible()  # the coordinator may configure
    assert ctx.auth.login("2468").name == "Coördinator"


def test_after_start_the_file_is_checked_and_the_recent_days_summed(
    qtbot, tmp_path: Path, clock: FixedClock, caplog
) -> None:
    """The start's background work, in order: the check, then the dashboard's day sums."""
    from ui.app import Startup

    db = tmp_path / "gate.sqlite"
    initialize(Store.open(db, create=True), clock, site_name="Test", station="A")
    startup = Startup(db, clock, "en")
    startup.begin()
    assert startup._background.wait(60)
    assert startup.opened and not startup.contexts[0].store.damage
    summed = sqlite3.connect(db).execute("SELECT count(*) FROM day_figures_done").fetchone()
    assert summed == (731,)  # two years up to today, ready for the first dashboard
    assert "failed" not in caplog.text
    for window in startup.windows:
        window.close()
