"""The top bar keeps every action whole at every panel (issue 15): where the gate's 'Type a
code', 'Find' and 'Camera' do not all fit beside the other screen, Settings and Log out (a
camera set up at 1024x768, a demo's badge), they fold into one 'Code…' button that offers
them, and nothing in the bar is cut."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fit_check import problems
from taps import log_in, tap
from test_gate_screen import panel

from db import Store
from intake.clock import FixedClock
from intake.model import User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.style import SMALLEST_TARGET_MM, fit_panel, use_fit
from ui.widgets.panels import ChoicePanel
from ui.widgets.search_panel import SearchPanel

# (width, height, dpi, demo, folded): the panels of issue 15 where the gate's three actions
# fold, and where they do not.
CASES = [(1024, 768, 96, False, True), (1024, 768, 96, True, True),
         (1280, 800, 150, True, True), (1920, 1080, 96, True, False)]


@pytest.fixture(params=CASES, ids=[f"{w}x{h}@{dpi}{'-demo' * demo}"
                                   for w, h, dpi, demo, _ in CASES])
def case(request) -> tuple[int, int, int, bool, bool]:
    return request.param


@pytest.fixture
def window(qtbot, case: tuple[int, int, int, bool, bool], store: Store, clock: FixedClock,
           coordinator: User, tmp_path: Path) -> Iterator[MainWindow]:
    width, height, dpi, demo, _ = case
    store.set_setting("label_folder", str(tmp_path / "labels"))
    store.set_setting("scan_camera", "camera 1")  # a station with a camera
    ctx: AppContext = build_context(store, clock, "nl", demo=demo)
    fit_panel(width, height, dpi=dpi)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.setFixedSize(width, height)
    window.show()
    yield window
    ctx.printer_queue.wait()
    use_fit(None)


def test_the_gate_bar_fits_with_a_camera(qtbot, window: MainWindow,
                                         case: tuple[int, int, int, bool, bool]) -> None:
    width, height, dpi, _, folded = case
    log_in(qtbot, window, "1234")
    window.show_place("gate")
    qtbot.wait(10)  # the layout settles
    top, gate = window.gate.top, window.gate
    assert problems(top, "gate's top bar", top, px_per_mm=dpi / 25.4,
                    least_mm=SMALLEST_TARGET_MM) == []
    assert top.settings_button.isVisible() and top.logout_button.isVisible()
    assert top.fold_button.isVisible() is folded
    assert gate.camera_button.isVisible() is not folded
    if not folded:
        return
    assert top.fold_button.text() == "Code…"
    tap(qtbot, top.fold_button)
    choice = panel(window, ChoicePanel)
    assert [b.text() for b in choice.option_buttons.values()] == [
        "Code intikken", "Zoek", "Camera"]
    tap(qtbot, choice.option_buttons["1"])  # 'Zoek', as if tapped in the bar
    panel(window, SearchPanel)


def test_no_screen_asks_for_more_than_the_panel(
        qtbot, window: MainWindow, case: tuple[int, int, int, bool, bool]) -> None:
    """A window that is not held to its size grows to what its screen asks: at 1280x800 on a
    10-inch panel a coordinator's bar asked 58 px more than the panel has, and the window
    pushed the status strip off the screen. Settings and Log out show their icons first."""
    width, height, dpi, _, _ = case
    log_in(qtbot, window, "1234")
    for key, _name in window.places():
        window.show_place(key)
        qtbot.wait(10)
        hint = window.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, key
        top = window.work_screens[key].top
        assert problems(top, f"{key}'s top bar", top, px_per_mm=dpi / 25.4,
                        least_mm=SMALLEST_TARGET_MM) == []
    top = window.gate.top
    if width == 1920:  # room for the words
        assert top.settings_button.text() == "Instellingen"
    else:
        assert top.settings_button.text() == "" and top.settings_button.toolTip() == (
            "Instellingen") and top.settings_button.accessibleName() == "Instellingen"
