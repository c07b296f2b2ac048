"""The label printer settings: by taps to a Zebra on the network and a test print, and the
printer settings the services refuse or read."""

from __future__ import annotations

import re

import pytest
from fakezebra import FakeZebra, free_port
from test_admin_screen import open_panel, select, tap, type_on_keyboard

from db import Store
from intake.admin import AdminService
from intake.errors import ValidationError
from intake.labelling import LabelService
from intake.model import User
from labels.layout import SIZES
from labels.setting import PrinterSetting
from ui.app import build_context
from ui.screens.admin import AdminScreen
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel


@pytest.fixture
def screen(qtbot, store: Store, clock, coordinator: User) -> AdminScreen:
    screen = AdminScreen(build_context(store, clock, "en"))
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.enter(coordinator)
    return screen


def choose_zebra(qtbot, screen: AdminScreen, port: int) -> None:
    tap(qtbot, screen.tabs["printer"])
    select(screen, "printer", "printer")
    tap(qtbot, screen.sections["printer"].change)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["zebra"])
    type_on_keyboard(qtbot, screen, "127.0.0.1")
    keypad = open_panel(screen, KeypadPanel)
    for key in str(port):
        tap(qtbot, keypad.keypad.buttons[key])
    tap(qtbot, keypad.ok_button)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["300"])


def test_a_zebra_chosen_by_taps_gets_the_test_label(qtbot, screen: AdminScreen) -> None:
    zebra = FakeZebra()
    try:
        choose_zebra(qtbot, screen, zebra.port)
        assert screen.ctx.labels.printer_setting() == PrinterSetting(
            "zebra", host="127.0.0.1", port=zebra.port, dpi=300,
            folder=str(screen.ctx.labels.label_folder()))
        rows = screen.sections["printer"].rows
        assert f"Zebra 127.0.0.1:{zebra.port}" in rows.item(0).text()
        tap(qtbot, screen.sections["printer"].test_print)
        qtbot.waitUntil(lambda: "Test label printed" in screen.banner.text(), timeout=10_000)
        assert screen.banner.text() == f"Test label printed: Zebra 127.0.0.1:{zebra.port}"
        [label] = zebra.labels
        assert re.search(rb"\^PW732\b", label)  # 62 mm at 300 dpi
        assert screen.ctx.printer_queue.waiting() == []  # a test label is not kept
    finally:
        zebra.stop()


def test_a_test_print_to_a_printer_that_is_off_says_why(qtbot, screen: AdminScreen) -> None:
    choose_zebra(qtbot, screen, free_port())
    tap(qtbot, screen.sections["printer"].test_print)
    qtbot.waitUntil(lambda: "Test print failed" in screen.banner.text(), timeout=10_000)
    assert "refused the connection" in screen.banner.text()
    assert screen.banner.property("role") == "banner-error"


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ({"kind": "laser"}, "Unknown kind of printer"),
        ({"kind": "cups"}, "Choose a printer"),
        ({"kind": "cups", "name": "a; rm -rf /"}, "not a printer queue"),
        ({"kind": "zebra", "host": "printer 1"}, "not a host name"),
        ({"kind": "zebra", "host": "10.0.0.9", "port": 70000}, "1 to 65535"),
        ({"kind": "zebra", "host": "10.0.0.9", "dpi": 600}, "203 or 300"),
    ],
)
def test_printer_settings_that_are_refused(
    store: Store, clock, coordinator: User, where: dict, message: str
) -> None:
    admin = AdminService(store, clock)
    before = store.settings()
    with pytest.raises(ValidationError, match=message):
        admin.set_label_printer(coordinator, **where)
    assert store.settings() == before


def test_the_printer_setting_read_from_the_settings(store: Store, clock, coordinator: User) -> None:
    labels = LabelService(store, clock)
    assert labels.printer_setting().kind == "folder"
    store.set_setting("printer", "Brother_QL-800")  # as set before there were printer kinds
    assert labels.printer_setting().kind == "cups"
    assert labels.printer_setting().describe() == "Brother_QL-800"
    admin = AdminService(store, clock)
    admin.set_label_printer(coordinator, "zebra", host="zebra-gate.local", port=9100, dpi=203)
    assert labels.printer_setting().describe() == "Zebra zebra-gate.local:9100"
    admin.set_label_printer(coordinator, "qt", name="Brother QL-800 (Windows)")
    assert (labels.printer_setting().kind, labels.printer_setting().name) == (
        "qt", "Brother QL-800 (Windows)")
    assert [change.what for change in admin.changes()][:2] == [
        "setting printer_kind", "setting qt_printer"]


def test_label_sizes_are_named_in_the_users_language(
    qtbot, store: Store, clock, coordinator: User
) -> None:
    """Every stock in `SIZES` has a name, and the Dutch screen lists them in Dutch."""
    dutch = AdminScreen(build_context(store, clock, "nl"))
    qtbot.addWidget(dutch)
    dutch.show()
    dutch.enter(coordinator)
    section = dutch.sections["printer"]
    assert set(section.size_names()) == set(SIZES)
    tap(qtbot, dutch.tabs["printer"])
    select(dutch, "printer", "label_size")
    tap(qtbot, section.change)
    options = open_panel(dutch, ChoicePanel).option_buttons
    assert set(options) == set(SIZES)
    assert options["a4"].text() == "A4-vel met 3 x 8 labels van 70 x 37 mm"
