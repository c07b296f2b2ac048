"""The status strip (issue 15, point 3): printer, scale, serial scanner and the latest backup
under every screen, updated from their signals, each part a target; a tap does what the part
says (the labels waiting to try again, a scale test, a backup now) and offers the coordinator
its settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from serial_sim import SimulatedDevice
from taps import log_in, tap

from db import Store
from devices.settings import SCALE_PORT, SCALE_PROTOCOL, SCANNER_PORT
from intake.auth import AuthService
from intake.clock import FixedClock
from intake.model import Role, Route, User
from intake.setup import initialize
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.style import DANGER, MIN_TARGET_MM, mm
from ui.widgets.icons import BAD, OK, PENDING, badged
from ui.widgets.panels import ChoicePanel, Panel
from ui.widgets.print_jobs import RETRY_ALL
from ui.widgets.status_actions import ActionPanel
from ui.widgets.status_strip import BACKUP, HUB, PRINTER, SCALE, SCANNER

P = TypeVar("P", bound=Panel)


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, tmp_path: Path) -> Iterator[AppContext]:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    ctx = build_context(store, clock, "nl")
    yield ctx
    ctx.devices.stop()


def shown(window: MainWindow, kind: type[P]) -> P:
    [panel] = [p for p in window.findChildren(kind) if p.isVisible()]
    return panel


def test_the_strip_shows_the_printer_and_what_waits_and_a_tap_retries(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    strip = window.status
    assert strip.isVisible() and strip.parts[PRINTER].words == "Printer ok"
    assert strip.parts[PRINTER].text() == "Printer ok"  # the strip has room for the words
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
    tap(qtbot, part)  # the labels waiting, to try again
    waiting = shown(window, ChoicePanel)
    assert waiting.title.text().startswith("Labels die op de printer wachten")
    assert window.stack.currentWidget() is window.gate
    ctx.store.set_setting("printer", "")  # the printer is back
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, waiting.option_buttons[RETRY_ALL])
    qtbot.waitUntil(lambda: part.text() == "Printer ok")
    assert part.property("role") == "status"
    tap(qtbot, part)  # nothing waits: what it means
    assert shown(window, ActionPanel).message.text() == "De labelprinter werkt."


def test_the_coordinator_reaches_the_parts_settings(
    qtbot, window: MainWindow, ctx: AppContext, coordinator: User
) -> None:
    log_in(qtbot, window, "1234")
    tap(qtbot, window.status.parts[BACKUP])
    tap(qtbot, shown(window, ActionPanel).buttons["Instellingen"])
    assert window.stack.currentWidget() is window.admin
    assert window.admin.stack.currentWidget() is window.admin.sections["station"]
    tap(qtbot, window.status.parts[PRINTER])
    tap(qtbot, shown(window, ActionPanel).buttons["Instellingen"])
    assert window.admin.stack.currentWidget() is window.admin.sections["printer"]


def test_a_tap_on_the_backup_backs_up_now(qtbot, clock: FixedClock, tmp_path: Path) -> None:
    """On a station whose file is on disk: the latest backup's time, and 'back up now'."""
    on_disk = Store.open(tmp_path / "ambacht.sqlite", create=True)
    initialize(on_disk, clock, site_name="Ambachtscentrum Test", station="A")
    auth = AuthService(on_disk, clock)
    auth.add_user(auth.set_first_pin("1234"), "Sanne", Role.COACH, "1111")
    on_disk.set_setting("label_folder", str(tmp_path / "labels"))
    ctx = build_context(on_disk, clock, "nl")
    disk_window = MainWindow(ctx)
    qtbot.addWidget(disk_window)
    disk_window.resize(1280, 800)
    disk_window.show()
    part = disk_window.status.parts[BACKUP]
    assert part.text() == "Nog geen back-up"
    assert part.state == PENDING  # no tick: nothing is backed up yet
    log_in(qtbot, disk_window, "1111")
    tap(qtbot, part)
    panel = shown(disk_window, ActionPanel)
    with qtbot.waitSignal(ctx.backups.done, timeout=20_000):
        tap(qtbot, panel.buttons["Nu back-up maken"])
        # At once, before the copy is done: the panel and the strip say it is working.
        assert panel.message.text() == "Back-up maken…"
        assert part.text() == "Back-up maken…"
        assert not panel.buttons["Nu back-up maken"].isEnabled()
    # Done: said in the panel, in local time and without the file's path.
    assert panel.isVisible() and panel.message.text() == "Back-up opgeslagen om 10:00."
    assert part.text() == "Back-up 10:00" and part.property("role") == "status"
    assert part.state == OK
    ctx.printer_queue.wait()


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
    tap(qtbot, parts[SCALE])  # tests the scale: connects afresh, says its first answer
    test = shown(window, ActionPanel)
    qtbot.waitUntil(lambda: test.message.text().startswith("De weegschaal antwoordt: 1 kg"))
    tap(qtbot, test.close_button)
    scale.unplug()
    scanner.unplug()
    qtbot.waitUntil(lambda: parts[SCALE].text() == "Weegschaal niet verbonden", timeout=3000)
    qtbot.waitUntil(lambda: parts[SCANNER].text() == "Scanner niet verbonden", timeout=3000)
    assert parts[SCANNER].property("role") == "status-bad"
    tap(qtbot, parts[SCANNER])  # nobody logged in: what it means
    assert shown(window, ActionPanel).message.text() == (
        "De barcodescanner is niet verbonden: controleer de kabel. Typ intussen de codes.")
    tap(qtbot, shown(window, ActionPanel).close_button)
    tap(qtbot, parts[SCALE])
    test = shown(window, ActionPanel)
    qtbot.waitUntil(lambda: test.message.text().startswith("Weegschaal niet aangesloten"),
                    timeout=3000)
    tap(qtbot, test.buttons["Weegschaal testen"])  # again: still unplugged
    assert test.message.text() == "Weegschaal testen…"
    qtbot.waitUntil(lambda: test.message.text().startswith("Weegschaal niet aangesloten"),
                    timeout=3000)


def test_each_part_is_a_target_with_its_state_in_its_icon(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    """At least 15 mm high at full size, and the state told by the badge's shape too."""
    part = window.status.parts[PRINTER]
    assert part.height() >= mm(MIN_TARGET_MM) - 1
    ok_icon = part.icon().pixmap(64, 64).toImage()
    part.show_state("Printerfout", BAD)
    assert part.icon().pixmap(64, 64).toImage() != ok_icon
    shapes = {state: badged("printer", DANGER, state).pixmap(64, 64).toImage()
              for state in (OK, PENDING, BAD)}
    for one, other in ((OK, PENDING), (PENDING, BAD), (BAD, OK)):
        assert shapes[one] != shapes[other]  # in one colour: the shape tells
