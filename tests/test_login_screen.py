"""The login keypad after too many wrong PINs: locked, with a countdown, also after a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout
from taps import log_in, tap

from db import Store
from intake.auth import LOCK_AFTER
from intake.clock import FixedClock
from intake.errors import AmbachtError
from intake.model import Role, User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.keypad import Keypad


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User) -> AppContext:
    return build_context(store, clock, "en")


def test_wrong_pins_lock_the_keypad_with_a_countdown(
    qtbot, window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    login = window.login
    for _ in range(LOCK_AFTER - 1):
        log_in(qtbot, window, "9999")
        assert login.message.text() == "Unknown PIN. Try again."
    log_in(qtbot, window, "9999")
    assert not login.pinpad.isEnabled() and not login.pinpad.ok_button.isEnabled()
    assert login.message.text() == "Too many wrong PINs. Try again in 0:30."
    clock.advance(seconds=12)
    qtbot.waitUntil(lambda: login.message.text().endswith("0:18."), timeout=2500)
    tap(qtbot, login.language_buttons["nl"])  # the language can still be chosen
    qtbot.waitUntil(lambda: login.message.text()
                    == "Te vaak een verkeerde pincode. Probeer het over 0:18 opnieuw.")
    clock.advance(seconds=18)
    qtbot.waitUntil(lambda: login.pinpad.isEnabled(), timeout=2500)
    assert not login.message.isVisible() and not login.lock_timer.isActive()
    log_in(qtbot, window, "1111")
    assert window.user is not None and window.user.name == "Sanne"


def test_a_lock_shows_after_a_restart(
    qtbot, store: Store, clock: FixedClock, ctx: AppContext, coach: User
) -> None:
    for _ in range(LOCK_AFTER):
        with pytest.raises(AmbachtError):  # Unknown PIN, then LockedOut
            ctx.auth.login("9999")
    clock.advance(seconds=5)
    window = MainWindow(build_context(store, clock, "en"))
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.login
    assert not window.login.pinpad.isEnabled()
    assert window.login.message.text() == "Too many wrong PINs. Try again in 0:25."


def test_the_first_pin_is_not_subject_to_a_lock(qtbot, store: Store, clock: FixedClock) -> None:
    window = MainWindow(build_context(store, clock, "en"))  # a new database: no PIN yet
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.first_run
    for pin in ["2468", "1357"] * LOCK_AFTER + ["2468", "2468"]:  # differing pairs first
        for digit in pin:
            tap(qtbot, window.first_run.pinpad.keypad.buttons[digit])
        tap(qtbot, window.first_run.pinpad.ok_button)
    assert window.user is not None and window.user.name == "Coördinator"
    assert window.ctx.auth.locked_until() is None


def test_a_colleague_disabled_elsewhere_is_logged_out_at_the_next_touch_or_scan(
    qtbot, window: MainWindow, ctx: AppContext, coach: User, coordinator: User
) -> None:
    log_in(qtbot, window, "1111")
    assert window.user is not None and window.user.id == coach.id
    # The coordinator disables Sanne at another station (same database, another process).
    ctx.auth.update_user(coordinator, coach.id, name=coach.name, role=coach.role, active=False)
    qtbot.mouseClick(window.gate.visit_start.buttons[None], Qt.MouseButton.LeftButton)
    assert window.user is None and window.stack.currentWidget() is window.login
    assert window.login.message.text().startswith("Your account was changed")
    assert window.gate.visit is None  # the tap that found it out started nothing

    ctx.auth.update_user(coordinator, coach.id, name=coach.name, role=coach.role, active=True)
    log_in(qtbot, window, "1111")
    ctx.auth.update_user(coordinator, coach.id, name=coach.name, role=Role.SHOP, active=True)
    window.on_scan("A000001")  # a scan finds it out too
    assert window.user is None


def test_a_colleagues_right_pin_at_the_keypad_does_not_wipe_out_wrong_ones(
    qtbot, window: MainWindow, clock: FixedClock
) -> None:
    """Typing one's own PIN after every four guesses once started the count afresh."""
    login = window.login
    for _ in range(LOCK_AFTER - 1):
        log_in(qtbot, window, "9999")
    log_in(qtbot, window, "1111")
    assert window.user is not None and window.user.name == "Sanne"
    window.logout()
    log_in(qtbot, window, "9999")
    assert not login.pinpad.isEnabled()
    assert login.message.text() == "Too many wrong PINs. Try again in 0:30."


def test_a_pin_may_start_with_zero(qtbot, window: MainWindow, ctx: AppContext,
                                   coordinator: User) -> None:
    """A PIN keeps every digit typed, where a number would drop its leading zero."""
    ctx.auth.add_user(coordinator, "Bo", Role.COACH, "0012")
    log_in(qtbot, window, "0012")
    assert window.user is not None and window.user.name == "Bo"


def test_the_pin_pad_and_the_number_pads_have_1_2_3_on_top(window: MainWindow) -> None:
    def rows(keypad: Keypad) -> list[list[str]]:
        grid = keypad.layout()
        assert isinstance(grid, QGridLayout)
        at = {grid.getItemPosition(grid.indexOf(button))[:2]: key
              for key, button in keypad.buttons.items()}
        return [[at[row, column] for column in range(3)] for row in range(4)]

    assert rows(window.login.pinpad.keypad) == [
        ["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"], ["clear", "0", "back"]]
    assert rows(Keypad(decimals=3))[::3] == [["1", "2", "3"], [",", "0", "back"]]
