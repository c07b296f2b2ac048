"""The status strip (issue 15, point 3): printer, scale, serial scanner and the latest backup
under every screen, updated from their signals; a tap opens the part's settings for the
coordinator and says what it means to everyone else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from serial_sim import SimulatedDevice
from taps import log_in, tap

from db import Store
from devices.settings import SCALE_PORT, SCALE_PROTOCOL, SCANNER_PORT
from intake.clock import FixedClock
from intake.model import Route, User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.panels import MessagePanel
from ui.widgets.status_strip import BACKUP, HUB, PRINTER, SCALE, SCANNER


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, tmp_path: Path) -> Iterator[AppContext]:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    ctx = build_context(store, clock, "nl")
    yield ctx
    ctx.devices.stop()


def shown_message(window: MainWindow) -> MessagePanel:
    [panel] = [p for p in window.findChildren(MessagePanel) if p.isVisible()]
    return panel


def test_the_strip_shows_the_printer_and_what_waits_and_explains_it(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    strip = window.status
    assert strip.isVisible() and strip.parts[PRINTER].text() == "Printer ok"
    assert strip.parts[BACKUP].text() == "Nog geen back-up"  # in memory: nothing to back up
    # No scale, serial scanner or hub set up at this station: those parts stay away.
    assert all(strip.parts[key].isHidden() for key in (SCALE, SCANNER, HUB))
    ctx.store.set_setting("printer", "no-such-printer")
    log_in(qtbot, window, "1111")
    with qtbot.waitSignal(ctx.printer_queue.failed, timeout=20_000):
        tap(qtbot, window.gate.visit_start.buttons[None])
        tap(qtbot, window.gate.categories.tiles["toys"])
        tap(qtbot, window.gate.weight.standard_button)
        tap(qtbot, window.gate.weight.route_buttons[Route.SALE])
    part = strip.parts[PRINTER]
    assert part.text() == "Printer: 1 label wacht" == (
        "Printer: " + window.gate.waiting_labels.text())  # the button's own words
    assert part.property("role") == "status-bad"
    tap(qtbot, part)  # a coach is told what it means
    panel = shown_message(window)
    assert panel.title.text() == "Printer: 1 label wacht"
    assert window.stack.currentWidget() is window.gate
    tap(qtbot, panel.ok_button)
    ctx.store.set_setting("printer", "")
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        ctx.printer_queue.retry_now()  # the printer is back
    qtbot.waitUntil(lambda: part.text() == "Printer ok")
    assert part.property("role") == "status"


def test_a_tap_opens_the_parts_settings_for_the_coordinator(
    qtbot, window: MainWindow, ctx: AppContext, coordinator: User
) -> None:
    log_in(qtbot, window, "1234")
    tap(qtbot, window.status.parts[BACKUP])
    assert window.stack.currentWidget() is window.admin
    assert window.admin.stack.currentWidget() is window.admin.sections["station"]
    tap(qtbot, window.status.parts[PRINTER])
    assert window.admin.stack.currentWidget() is window.admin.sections["printer"]


def test_scale_and_serial_scanner_show_whether_they_are_connected(
    qtbot, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    scale_port, scanner_port = tmp_path / "ttyUSB0", tmp_path / "ttyUSB1"
    scale = SimulatedDevice(scale_port, answer=b"S S      1.000 kg\r\n")
    scanner = SimulatedDevice(scanner_port)
    ctx.store.set_setting(SCALE_PROTOCOL, "mt-sics")
    ctx.store.set_setting(SCALE_PORT, str(scale_port))
    ctx.store.set_setting(SCANNER_PORT, str(scanner_port))
    ctx.devices.apply(ctx.store.settings())
    parts = window.status.parts
    assert parts[SCALE].isVisible() and parts[SCANNER].isVisible()
    qtbot.waitUntil(lambda: parts[SCALE].text() == "Weegschaal verbonden")
    assert parts[SCANNER].text() == "Scanner ok"
    scale.unplug()
    scanner.unplug()
    qtbot.waitUntil(lambda: parts[SCALE].text() == "Weegschaal niet verbonden", timeout=3000)
    qtbot.waitUntil(lambda: parts[SCANNER].text() == "Scanner niet verbonden", timeout=3000)
    assert parts[SCANNER].property("role") == "status-bad"
    tap(qtbot, parts[SCANNER])  # nobody logged in: what it means
    texts = [label.text() for label in shown_message(window).findChildren(QLabel)]
    assert "De barcodescanner is niet verbonden: controleer de kabel. Typ intussen de " \
        "codes." in texts
