"""The scale and the serial scanner on screen, by taps, with devices simulated on ptys."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from serial_sim import SimulatedDevice
from taps import tap

from db import Store
from devices.settings import SCALE_PORT, SCALE_PROTOCOL, SCAN_GAP, SCANNER_PORT
from intake.clock import FixedClock
from intake.errors import ValidationError
from intake.model import Route, User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screens.admin import AdminScreen
from ui.widgets.item_panel import ItemPanel
from ui.widgets.keyboard import TextEntryPanel
from ui.widgets.panels import ChoicePanel, ListPanel, Panel


@pytest.fixture
def port(tmp_path: Path) -> Path:
    return tmp_path / "ttyUSB0"


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, tmp_path: Path) -> Iterator[AppContext]:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    ctx = build_context(store, clock, "en")
    yield ctx
    ctx.devices.stop()


def use_scale(ctx: AppContext, port: Path, protocol: str = "mt-sics") -> None:
    ctx.store.set_setting(SCALE_PROTOCOL, protocol)
    ctx.store.set_setting(SCALE_PORT, str(port))
    ctx.devices.apply(ctx.store.settings())


def open_gate(qtbot, window: MainWindow, category: str = "books") -> None:
    for digit in "1111":
        tap(qtbot, window.login.pinpad.keypad.buttons[digit])
    tap(qtbot, window.login.pinpad.ok_button)
    tap(qtbot, window.gate.visit_start.buttons[None])
    tap(qtbot, window.gate.categories.tiles[category])


def test_a_stable_weight_from_the_scale_is_taken_in_as_measured(
    qtbot, window: MainWindow, ctx: AppContext, port: Path
) -> None:
    scale = SimulatedDevice(port, answer=b"S D      2.480 kg\r\n")
    use_scale(ctx, port)
    open_gate(qtbot, window)
    panel = window.gate.weight
    sale = panel.route_buttons[Route.SALE]
    qtbot.waitUntil(lambda: panel.live.weight.text() == "2.48 kg")
    assert "Unstable" in panel.live.note.text() and not sale.isEnabled()
    scale.answer = b"S S      2.500 kg\r\n"
    qtbot.waitUntil(sale.isEnabled)
    assert panel.live.weight.text() == "2.5 kg" and panel.live.isVisible()
    tap(qtbot, sale)
    item = ctx.gate.item("A000001")
    assert (item.weight_g, item.weight_estimated) == (2_500, False)
    # The item still lies on the scale: its weight is not offered for the next one.
    tap(qtbot, window.gate.categories.tiles["books"])
    assert not sale.isEnabled() and "take the item off" in panel.live.note.text()
    scale.answer = b"S S      0.000 kg\r\n"
    qtbot.waitUntil(lambda: panel.live.weight.text() == "0 kg")
    scale.answer = b"S S      1.200 kg\r\n"
    qtbot.waitUntil(sale.isEnabled)
    # A typed weight goes before the scale's.
    for key in "3,1":
        tap(qtbot, panel.keypad.buttons[key])
    tap(qtbot, panel.route_buttons[Route.REPAIR])
    assert ctx.gate.item("A000002").weight_g == 3_100
    scale.unplug()


def test_unstable_overload_and_negative_are_never_saved(
    qtbot, window: MainWindow, ctx: AppContext, port: Path
) -> None:
    scale = SimulatedDevice(port, answer=b"S D      5.000 kg\r\n")
    use_scale(ctx, port)
    open_gate(qtbot, window)
    panel = window.gate.weight
    for answer, shown in ((b"S D      5.000 kg\r\n", "5 kg"), (b"S +\r\n", "Overload"),
                          (b"S S     -0.200 kg\r\n", "-0.2 kg"), (b"S -\r\n", "Underload"),
                          (b"EL\r\n", "Scale error")):
        scale.answer = answer
        qtbot.waitUntil(lambda shown=shown: panel.live.weight.text() == shown)
        assert not any(button.isEnabled() for button in panel.route_buttons.values())
        with pytest.raises(Exception, match="Enter a weight"):
            panel.weight_g()  # nothing typed, and the scale has no weight to give
    assert ctx.store.item_count() == 0
    scale.unplug()


def test_silent_scale_falls_back_to_the_keypad_and_comes_back(
    qtbot, window: MainWindow, ctx: AppContext, port: Path
) -> None:
    scale = SimulatedDevice(port, answer=b"S S      1.000 kg\r\n")
    use_scale(ctx, port)
    open_gate(qtbot, window)
    panel = window.gate.weight
    qtbot.waitUntil(lambda: panel.live.weight.text() == "1 kg")
    scale.answer = None
    start = time.monotonic()
    qtbot.waitUntil(lambda: "not answering" in panel.live.note.text(), timeout=2000)
    assert time.monotonic() - start < 1.2  # 0.8 s of silence, and the UI's 50 ms hand-over
    assert not panel.route_buttons[Route.SALE].isEnabled()
    assert not panel.live.zero_button.isEnabled()
    for key in "2,5":
        tap(qtbot, panel.keypad.buttons[key])
    assert panel.display.text() == "2.5 kg" and panel.display.isVisible()
    tap(qtbot, panel.route_buttons[Route.SALE])
    assert ctx.gate.item("A000001").weight_g == 2_500
    # Unplugged, then plugged back in: live again without a restart.
    scale.unplug()
    qtbot.wait(1200)
    assert "not connected" in panel.live.note.text()
    scale.plug()
    scale.answer = b"S S      0.700 kg\r\n"
    tap(qtbot, window.gate.categories.tiles["books"])
    qtbot.waitUntil(lambda: panel.route_buttons[Route.SALE].isEnabled(), timeout=4000)
    assert panel.live.weight.text() == "0.7 kg"
    tap(qtbot, panel.live.zero_button)
    qtbot.waitUntil(lambda: b"Z\r\n" in scale.commands())
    scale.unplug()


def test_no_scale_set_up_shows_no_live_weight(qtbot, window: MainWindow) -> None:
    open_gate(qtbot, window)
    assert not window.gate.weight.live.isVisible()
    assert window.gate.weight.display.text() == "0 kg"


def test_tare_and_zero_only_where_the_protocol_has_them(
    qtbot, window: MainWindow, ctx: AppContext, port: Path
) -> None:
    scale = SimulatedDevice(port, answer=b"\x0201.250\r")
    use_scale(ctx, port, "toledo-8217")
    open_gate(qtbot, window)
    live = window.gate.weight.live
    qtbot.waitUntil(lambda: live.weight.text() == "1.25 kg")
    assert live.zero_button.isVisible() and not live.tare_button.isVisible()
    scale.unplug()


def test_a_serial_scanner_line_is_a_scan(
    qtbot, window: MainWindow, ctx: AppContext, port: Path, coach: User
) -> None:
    item = ctx.gate.take_in(coach, ctx.gate.prepare("books", Route.SALE, None))
    scanner = SimulatedDevice(port)
    ctx.store.set_setting(SCANNER_PORT, str(port))
    ctx.devices.apply(ctx.store.settings())
    open_gate(qtbot, window)
    time.sleep(0.2)  # the port is open
    scanner.write(item.code.encode() + b"\r\n")
    qtbot.waitUntil(lambda: any(p.isVisible() for p in window.findChildren(ItemPanel)))
    [shown] = [p for p in window.findChildren(ItemPanel) if p.isVisible()]
    assert shown.title.text() == item.code
    scanner.unplug()


# --- settings ----------------------------------------------------------------------------------

@pytest.fixture
def admin(qtbot, ctx: AppContext, coordinator: User) -> AdminScreen:
    screen = AdminScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.enter(coordinator)
    tap(qtbot, screen.tabs["devices"])
    return screen


def visible(screen: QWidget, kind: type) -> Panel:
    [found] = [p for p in screen.window().findChildren(kind) if p.isVisible()]
    return found


def pick(qtbot, admin: AdminScreen, key: str) -> None:
    """Choose `key` in the open choice, a grid of buttons or a list (many ports)."""
    panel = visible(admin, Panel)
    if isinstance(panel, ChoicePanel):
        tap(qtbot, panel.option_buttons[key])
        return
    assert isinstance(panel, ListPanel)
    [row] = [panel.options.item(i) for i in range(panel.options.count())
             if panel.options.item(i).data(Qt.ItemDataRole.UserRole) == key]
    panel.options.itemClicked.emit(row)


def change(qtbot, admin: AdminScreen, key: str) -> None:
    section = admin.sections["devices"]
    rows = section.rows
    [row] = [i for i in range(rows.count())
             if rows.item(i).data(Qt.ItemDataRole.UserRole) == key]
    rows.setCurrentRow(row)
    tap(qtbot, section.change)


def test_scale_set_up_by_taps_and_tested(
    qtbot, admin: AdminScreen, ctx: AppContext, port: Path
) -> None:
    section = admin.sections["devices"]
    tap(qtbot, section.test)
    assert admin.banner.is_error() and "No scale" in admin.banner.text()
    change(qtbot, admin, SCALE_PROTOCOL)
    pick(qtbot, admin, "dini-cas")
    change(qtbot, admin, SCALE_PORT)
    pick(qtbot, admin, "\x00type")
    keyboard = visible(admin, TextEntryPanel)
    keyboard.display.setText("")
    keyboard.type_text(str(port))
    tap(qtbot, keyboard.ok_button)
    assert ctx.store.settings()[SCALE_PORT] == str(port)
    change(qtbot, admin, "scale_baud")
    pick(qtbot, admin, "19200")
    assert "19200" in section.rows.item(2).text()
    changes = [c.what for c in ctx.admin.changes()]
    assert {"setting scale_protocol", "setting scale_port", "setting scale_baud"} <= set(changes)

    tap(qtbot, section.test)  # nothing on the port yet
    qtbot.waitUntil(lambda: "not found on" in admin.banner.text())
    assert admin.banner.is_error()
    scale = SimulatedDevice(port, answer=b"ST,GS,+  1.500kg\r\n", stream=True)
    tap(qtbot, section.test)
    qtbot.waitUntil(lambda: "answers" in admin.banner.text())
    assert "1.5 kg" in admin.banner.text() and "ST,GS,+  1.500kg" in admin.banner.text()
    scale.answer = b"S S      1.000 kg\r\n"  # a scale that speaks another protocol
    tap(qtbot, section.test)
    qtbot.waitUntil(lambda: "cannot be read" in admin.banner.text(), timeout=3000)
    scale.unplug()


def test_a_bad_port_name_is_refused(qtbot, admin: AdminScreen, ctx: AppContext) -> None:
    change(qtbot, admin, SCALE_PORT)
    pick(qtbot, admin, "\x00type")
    keyboard = visible(admin, TextEntryPanel)
    keyboard.type_text(" rm -rf")
    tap(qtbot, keyboard.ok_button)
    assert admin.banner.is_error() and "not a serial port name" in admin.banner.text()
    assert SCALE_PORT not in ctx.store.settings()
    assert not any(isinstance(p, Panel) and p.isVisible() for p in admin.findChildren(Panel))


def test_a_slow_scanner_is_allowed_by_taps(qtbot, admin: AdminScreen, ctx: AppContext) -> None:
    assert ctx.devices.scan_gap_s == 0.1  # the default: a USB scanner and most Bluetooth ones
    change(qtbot, admin, SCAN_GAP)
    pick(qtbot, admin, "200")
    assert ctx.store.settings()[SCAN_GAP] == "200" and ctx.devices.scan_gap_s == 0.2
    assert any("200 ms" in admin.sections["devices"].rows.item(i).text()
               for i in range(admin.sections["devices"].rows.count()))
    with pytest.raises(ValidationError, match="one of 50, 100, 150, 200, 300 ms"):
        ctx.admin.set_device_setting(admin.user, SCAN_GAP, "75")
    assert ctx.store.settings()[SCAN_GAP] == "200"
