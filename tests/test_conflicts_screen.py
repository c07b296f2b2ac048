"""The coordinator's 'Let op' screen: the conflicts between stations' steps, resolved by taps
(issue 13)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from stations import BOSS, CLERK, COACH, Station, exchange, station
from taps import log_in, tap
from test_gate_screen import panel

from intake.auth import AuthService
from intake.conflicts import ConflictService
from intake.model import Status
from ui.app import build_context
from ui.main_window import MainWindow
from ui.widgets.item_card import ItemCard
from ui.widgets.panels import ChoicePanel

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.fixture
def shop(tmp_path: Path) -> Station:
    """The till, which sold a chair the gate voided meanwhile, and then heard of the void."""
    gate, shop = station(tmp_path, "A", START), station(tmp_path, "B", START)
    chair = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000))
    exchange(gate, shop)
    gate.clock.advance(minutes=10)
    gate.gate.void(COACH, chair.code, "Taken in twice")
    shop.clock.advance(minutes=20)
    shop.shop.sell(CLERK, [(chair.code, 2500)])
    exchange(gate, shop)
    AuthService(shop.store, shop.clock).set_first_pin("1234")
    return shop


@pytest.fixture
def window(qtbot, shop: Station) -> Iterator[MainWindow]:
    window = MainWindow(build_context(shop.store, shop.clock, "nl"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window


def test_the_coordinator_keeps_the_sale_by_taps(qtbot, window: MainWindow, shop: Station) -> None:
    log_in(qtbot, window, "1234")
    assert ("conflicts", "Let op") in window.places()
    tap(qtbot, window.stack.currentWidget().top.place_button)
    tap(qtbot, panel(window, ChoicePanel).option_buttons["conflicts"])
    screen = window.conflicts
    assert window.stack.currentWidget() is screen
    assert screen.title.text().startswith("1 conflict tussen stations")
    row = screen.rows.item(0)
    assert row.text() == (
        "A000001: Verkocht op 21-11-2026 om 10:20, station B, Mo, telt niet mee\n"
        "want ervoor: Vervallen op 21-11-2026 om 10:10, station A, Sanne")
    qtbot.mouseClick(screen.rows.viewport(), Qt.MouseButton.LeftButton,
                     pos=screen.rows.visualItemRect(row).center())
    conflict = screen.conflicts[0]
    choice = panel(window, ChoicePanel)
    assert choice.option_buttons[conflict.cause.id].text() == "Behouden: Verkocht (B, Mo)"
    tap(qtbot, choice.option_buttons[conflict.cause.id])
    tap(qtbot, panel(window, ChoicePanel).option_buttons["Ter plekke nagekeken"])
    assert screen.rows.count() == 0
    assert screen.title.text() == "Geen conflicten tussen stations."
    assert screen.banner.text() == "Conflict van A000001 opgelost."
    assert shop.item("A000001").status is Status.SOLD


def test_the_item_card_marks_the_step_that_does_not_count(qtbot, shop: Station) -> None:
    card = ItemCard(build_context(shop.store, shop.clock, "nl"))
    qtbot.addWidget(card)
    card.show_item(shop.item("A000001"))
    lines = [card.history.item(row).text() for row in range(card.history.count())]
    assert lines[0].startswith("[conflict, telt niet mee] 21-11-2026 10:20")
    assert not lines[1].startswith("[")  # the void stands


def test_opposite_resolutions_show_what_each_cancelled(qtbot, tmp_path: Path) -> None:
    gate, shop = station(tmp_path, "A", START), station(tmp_path, "B", START)
    chair = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000))
    exchange(gate, shop)
    gate.gate.void(COACH, chair.code, "Taken in twice")
    shop.clock.advance(minutes=20)
    shop.shop.sell(CLERK, [(chair.code, 2500)])
    for one, other in ((gate, shop), (shop, gate)):
        exchange(one, other)
    (found,) = ConflictService(gate.store, gate.clock, "A").open_conflicts()
    gate.clock.advance(minutes=30)
    ConflictService(gate.store, gate.clock, "A").resolve(BOSS, found.step.id, "Void stands")
    shop.clock.advance(minutes=40)
    ConflictService(shop.store, shop.clock, "B").resolve(BOSS, found.cause.id, "It was sold")
    exchange(gate, shop)
    window = MainWindow(build_context(shop.store, shop.clock, "nl"))
    qtbot.addWidget(window)
    window.conflicts.entered = True
    window.conflicts.refresh()
    assert window.conflicts.rows.item(0).text() == (
        "A000001: Annulering van: Vervallen op 21-11-2026 om 11:00, station B, Ilse, telt niet "
        "mee\nwant ervoor: Annulering van: Verkocht op 21-11-2026 om 10:30, station A, Ilse")
