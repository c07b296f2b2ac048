"""Bad input at the screens: the app's own keypads and the scanner refuse it with a red banner
and change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input import (
    CODES,
    dump,
)
from test_flow_screens import scan
from test_gate_screen import log_in, tap

from db import Store
from intake.clock import FixedClock
from intake.model import Route, User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow

# --- the screens: the app's own keypads and the scanner ------------------------------------


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coordinator: User, tmp_path: Path) -> AppContext:
    """The app in Dutch; the coordinator (PIN 1234) may use every screen. A000001 a chair."""
    store.set_setting("label_folder", str(tmp_path / "labels"))
    ctx = build_context(store, clock, "nl")
    ctx.gate.take_in(coordinator, ctx.gate.prepare("furniture", "sale"))
    return ctx


GATE_KEYPAD: list[tuple[str, str]] = [
    ("0", "meer dan 0 kg"),
    ("0,000", "meer dan 0 kg"),
    (",", "meer dan 0 kg"),
    ("99999", "hoogstens"),  # the keypad takes four digits: 9999 kg, over the 1000 kg limit
]


def test_the_gate_refuses_bad_weights_with_a_red_banner(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    log_in(qtbot, window, "1234")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    before = dump(ctx.store.db.conn)
    tap(qtbot, gate.categories.tiles["toys"])
    assert not any(b.isEnabled() for b in gate.weight.route_buttons.values())  # no weight yet
    for keys, message in GATE_KEYPAD:
        gate.weight.keypad.clear()
        for key in keys:
            gate.weight.keypad.press(key)
        tap(qtbot, gate.weight.route_buttons[Route.SALE])
        assert gate.banner.is_error() and message in gate.banner.text(), (keys, gate.banner.text())
        gate.banner.hide()
        assert gate.weight.category is not None, keys  # the coach can correct the weight
    assert dump(ctx.store.db.conn) == before


def test_a_pin_of_the_wrong_length_cannot_be_sent(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    before = dump(ctx.store.db.conn)
    pinpad = window.login.pinpad
    for pin in ("", "1", "123"):
        pinpad.keypad.clear()
        for digit in pin:
            tap(qtbot, pinpad.keypad.buttons[digit])
        assert not pinpad.ok_button.isEnabled(), pin
    pinpad.keypad.clear()
    for digit in "1234000000":
        pinpad.keypad.press(digit)
    assert pinpad.keypad.text() == "12340000"  # the keypad stops at eight digits
    assert window.user is None and dump(ctx.store.db.conn) == before


@pytest.mark.parametrize("screen", ["gate", "workshop", "shop", "material"])
def test_each_screen_refuses_bad_scans_with_a_red_banner(
    qtbot, window: MainWindow, ctx: AppContext, screen: str
) -> None:
    log_in(qtbot, window, "1234")
    window.show_place(screen)
    shown = window.work_screens[screen]
    assert window.stack.currentWidget() is shown
    before = dump(ctx.store.db.conn)
    for code, _ in CODES:
        # A burst of keys as the scanner types it; what no burst can carry (control keys) or
        # would take long to type (the 10,000 characters, typed once, at the gate) as if it had.
        burst = code.isprintable() and len(code) >= 4 and (len(code) < 100 or screen == "gate")
        if burst:
            scan(qtbot, code)
        else:
            window.on_scan(code)
        assert shown.banner.is_error(), ascii(code)[:40]
        text = shown.banner.text()
        assert "\n" not in text and len(text) < 120, ascii(text)[:200]
        assert "code" in text and text.isprintable(), ascii(text)[:200]  # Dutch: 'code'
        shown.banner.hide()
    assert dump(ctx.store.db.conn) == before


def test_a_scan_before_login_is_refused_in_one_short_line(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    window.on_scan("A" * 10_000)
    text = window.login.message.text()
    assert window.login.message.is_error() and "Log in" not in text  # Dutch
    assert len(text) < 120, len(text)
