"""Settings as a coordinator finds their way (issue 14's settings, by taps): "Back" returns to
the screen Settings was opened from, and the "Go to" menu keeps every screen in one place."""

from __future__ import annotations

from pathlib import Path

import pytest
from taps import log_in, tap

from db import Store
from intake.clock import FixedClock
from intake.model import User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.panels import CURRENT_MARK, ChoicePanel


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coordinator: User, tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    store.set_setting("document_folder", str(tmp_path / "documents"))
    return build_context(store, clock, "en")


def go_to_panel(qtbot, window: MainWindow) -> ChoicePanel:
    tap(qtbot, window.stack.currentWidget().top.place_button)
    [panel] = [p for p in window.findChildren(ChoicePanel) if p.isVisible()]
    return panel


def go_to(qtbot, window: MainWindow, key: str) -> None:
    tap(qtbot, go_to_panel(qtbot, window).option_buttons[key])


def test_back_from_settings_returns_to_the_screen_it_was_opened_from(
    qtbot, window: MainWindow
) -> None:
    log_in(qtbot, window, "1234")
    go_to(qtbot, window, "dashboard")
    assert window.stack.currentWidget() is window.dashboard
    tap(qtbot, window.dashboard.top.settings_button)
    assert window.stack.currentWidget() is window.admin
    tap(qtbot, window.admin.tabs["staff"])  # a look around Settings changes nothing
    tap(qtbot, window.admin.back)
    assert window.stack.currentWidget() is window.dashboard
    go_to(qtbot, window, "material")
    tap(qtbot, window.material.top.settings_button)
    tap(qtbot, window.admin.back)
    assert window.stack.currentWidget() is window.material


def test_the_go_to_menu_keeps_every_screen_in_its_place(qtbot, window: MainWindow) -> None:
    log_in(qtbot, window, "1234")
    seen = {}
    for here in ("gate", "dashboard", "material"):
        if here != "gate":
            go_to(qtbot, window, here)
        panel = go_to_panel(qtbot, window)
        # Every screen, this one too, each at the same place of the grid as on every screen.
        seen[here] = [(key, panel.layout().itemAt(1).layout().indexOf(button))
                      for key, button in panel.option_buttons.items()]
        current = panel.option_buttons[here]
        assert current.isChecked() and current.text().startswith(CURRENT_MARK)
        assert not any(button.isChecked() for key, button in panel.option_buttons.items()
                       if key != here)
        tap(qtbot, panel.cancel_button)
    assert seen["gate"] == seen["dashboard"] == seen["material"]
    # The place of "Figures" is "Figures" from every screen (it gave "Material out" once).
    go_to(qtbot, window, "dashboard")
    assert window.stack.currentWidget() is window.dashboard
    # Tapping the screen showing keeps it: nothing is left or reset.
    go_to(qtbot, window, "dashboard")
    assert window.stack.currentWidget() is window.dashboard
