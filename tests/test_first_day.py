"""The first day, by taps: a demo says so, the first run leads through the settings a gate
needs, each gate step has a hint, a disabled button says why, and "Unknown" is an ordinary
choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from taps import log_in, tap

from db import Store
from intake.auth import LOCK_AFTER
from intake.clock import FixedClock
from intake.errors import AmbachtError
from intake.model import Route, User
from intake.setup import initialize
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.keyboard import TextEntryPanel


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, shop_clerk: User,
        tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    store.name_lists.add("municipalities", "Zwolle", 1)
    return build_context(store, clock, "nl")


def press_disabled(qtbot, widget: QWidget) -> None:
    """Tap a widget that is shown but disabled, as a newcomer does."""
    assert widget.isVisible() and not widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_each_gate_step_has_a_hint_in_a_line_that_keeps_its_place(
        qtbot, window: MainWindow) -> None:
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons["Zwolle"])
    weight = gate.weight
    sale = weight.route_buttons[Route.SALE]
    places = (weight.hint.geometry(), sale.geometry(), weight.keypad.geometry())
    assert weight.hint.text() == "Kies wat het is"
    tap(qtbot, gate.categories.tiles["bicycles"])
    assert weight.hint.text() == "Weeg of tik het gewicht"
    tap(qtbot, weight.standard_button)
    assert weight.hint.text() == "Waar gaat het heen?"
    assert (weight.hint.geometry(), sale.geometry(), weight.keypad.geometry()) == places


def test_a_disabled_gate_button_says_why_and_changes_nothing(
        qtbot, window: MainWindow, ctx: AppContext) -> None:
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons["Zwolle"])
    weight = gate.weight
    press_disabled(qtbot, weight.route_buttons[Route.SALE])
    assert gate.banner.is_error() and gate.banner.text() == "Kies eerst een categorie"
    # A key of the disabled keypad gives its keypad's reason.
    gate.banner.hide()
    press_disabled(qtbot, weight.keypad.buttons["7"])
    assert gate.banner.text() == "Kies eerst een categorie"
    assert weight.keypad.text() == ""
    press_disabled(qtbot, gate.reprint_button)
    assert gate.banner.text() == "Nog geen label in dit bezoek"
    tap(qtbot, gate.categories.tiles["bicycles"])
    press_disabled(qtbot, weight.route_buttons[Route.REPAIR])
    assert gate.banner.text() == "Weeg eerst, of tik het gewicht"
    assert ctx.gate.today().items == 0


def test_a_disabled_till_button_says_why(qtbot, window: MainWindow) -> None:
    log_in(qtbot, window, "3333")
    shop = window.shop
    assert window.stack.currentWidget() is shop
    assert shop.total.text() == "Scan het label van een artikel om te verkopen."
    press_disabled(qtbot, shop.cash_button)
    assert shop.banner.is_error() and shop.banner.text() == "Scan eerst een artikel"
    press_disabled(qtbot, shop.parked_button)
    assert shop.banner.text() == "Er zijn geen geparkeerde verkopen"


def test_a_disabled_material_out_button_says_why(qtbot, window: MainWindow) -> None:
    log_in(qtbot, window, "1111")
    tap(qtbot, window.gate.top.place_button)  # the coach's other screen: material out
    material = window.material
    assert window.stack.currentWidget() is material
    press_disabled(qtbot, material.send_button)
    assert material.banner.text() == "Scan eerst een artikel of voeg een partij toe"


def test_an_enabled_button_is_not_told_about(qtbot, window: MainWindow) -> None:
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons["Zwolle"])
    tap(qtbot, gate.categories.tiles["bicycles"])
    tap(qtbot, gate.weight.keypad.buttons["7"])
    assert not gate.banner.isVisible()
    assert gate.weight.keypad.text() == "7"


def test_unknown_municipality_is_an_ordinary_choice(qtbot, window: MainWindow,
                                                    ctx: AppContext) -> None:
    log_in(qtbot, window, "1111")
    buttons = window.gate.visit_start.buttons
    assert buttons[None].text() == "Onbekend / niet gevraagd"
    assert buttons[None].property("role") is None
    assert buttons[None].property("role") == buttons["Zwolle"].property("role")
    # Without municipalities there is only one way in, and it is the main one.
    window.gate.visit_start.set_municipalities([])
    assert window.gate.visit_start.buttons[None].property("role") == "primary"


@pytest.mark.parametrize("demo", [True, False])
def test_a_demo_says_so_with_its_pins(qtbot, store: Store, clock: FixedClock, coach: User,
                                      demo: bool) -> None:
    window = MainWindow(build_context(store, clock, "nl", demo=demo))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    strip = window.login.demo_badge
    assert strip.isVisible() is demo
    assert strip.text() == ("DEMO - pincodes: coördinator 1234, coach 1111, werkplaats 2222, "
                            "winkel 3333")
    log_in(qtbot, window, "1111")
    badge = window.gate.top.demo_badge
    assert badge.isVisible() is demo and badge.text() == "DEMO"


def first_pin(qtbot, window: MainWindow) -> None:
    for _twice in range(2):
        for digit in "2468":
            tap(qtbot, window.first_run.pinpad.keypad.buttons[digit])
        tap(qtbot, window.first_run.pinpad.ok_button)


@pytest.fixture
def new_window(qtbot, clock: FixedClock) -> MainWindow:
    """The window on a new database: no PIN yet."""
    store = Store.open(":memory:")
    initialize(store, clock)
    window = MainWindow(build_context(store, clock, "nl"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def test_the_first_run_leads_through_staff_municipalities_and_printer_to_the_gate(
        qtbot, new_window: MainWindow) -> None:
    window, admin = new_window, new_window.admin
    first_pin(qtbot, window)
    guide = admin.guide_bar
    assert window.stack.currentWidget() is admin and guide.isVisible()
    assert not admin.back.isVisible() and not any(t.isVisible() for t in admin.tabs.values())
    shown = []
    for _step in range(3):
        shown.append(admin.stack.currentWidget())
        assert guide.next_button.text() == "Overslaan"
        tap(qtbot, guide.next_button)
    assert shown == [admin.sections[key] for key in ("staff", "municipalities", "printer")]
    assert window.stack.currentWidget() is window.gate
    # The settings are ordinary again afterwards.
    window.show_admin()
    assert not guide.isVisible() and admin.back.isVisible()


def test_a_step_with_something_saved_goes_on_with_next(qtbot, new_window: MainWindow) -> None:
    window, admin = new_window, new_window.admin
    first_pin(qtbot, window)
    guide = admin.guide_bar
    tap(qtbot, guide.next_button)  # no staff yet
    assert "Stap 2 van 3" in guide.text.text()
    names = admin.sections["municipalities"]
    tap(qtbot, names.add)  # type: ignore[attr-defined]
    [keyboard] = [p for p in window.findChildren(TextEntryPanel) if p.isVisible()]
    keyboard.type_text("Zwolle")
    tap(qtbot, keyboard.ok_button)
    assert window.ctx.gate.municipalities() == ["Zwolle"]
    assert guide.next_button.text() == "Volgende"
    tap(qtbot, guide.next_button)
    assert admin.stack.currentWidget() is admin.sections["printer"]
    assert guide.next_button.text() == "Overslaan"  # a new step starts unsaved
    tap(qtbot, guide.next_button)
    assert window.stack.currentWidget() is window.gate
    assert "Zwolle" in window.gate.visit_start.buttons


def test_the_login_ok_says_why_but_not_over_a_lock(qtbot, window: MainWindow, ctx: AppContext
                                                   ) -> None:
    login = window.login
    press_disabled(qtbot, login.pinpad.ok_button)
    assert login.message.text() == "Tik eerst je pincode: minstens 4 cijfers"
    for _ in range(LOCK_AFTER):
        with pytest.raises(AmbachtError):  # an unknown PIN, then locked out
            ctx.auth.login("9999")
    login.enter()
    locked = login.message.text()
    assert locked.startswith("Te vaak een verkeerde pincode")
    # The keypad is off for the lock, which has no reason of its own: its message stays.
    press_disabled(qtbot, login.pinpad.ok_button)
    assert login.message.text() == locked


def test_a_reason_goes_when_its_cause_goes(qtbot, window: MainWindow) -> None:
    """"Kies eerst een categorie" stayed red after the category was chosen."""
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons["Zwolle"])
    press_disabled(qtbot, gate.weight.keypad.buttons["7"])
    assert gate.banner.is_error() and gate.banner.text() == "Kies eerst een categorie"
    tap(qtbot, gate.categories.tiles["bicycles"])
    assert not gate.banner.isVisible()
    # Another message stays: only the reason that no longer holds goes.
    gate.banner.error("Printer uit")
    tap(qtbot, gate.categories.tiles["books"])
    assert gate.banner.text() == "Printer uit" and gate.banner.isVisible()
