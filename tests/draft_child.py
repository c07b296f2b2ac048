"""The drafts test's child: the real app on a file, with a repair flow and a material-out list
half done, waiting to be killed.

Usage: python tests/draft_child.py DATABASE BIKE PAN1 PAN2. Starts the app as `ui.app.Startup`
does (offscreen, in Dutch) and, inside its event loop, clicks as a person taps: the repairer's
PIN; on material out the two pans scanned and a weighed batch of wood; back in the workshop
the bike's scan, 'Reparatie starten', 'Reparatie klaar', 'Gerepareerd', a price of € 45 and
the minutes offered. Prints `ready` once all that is on screen, then waits for its SIGKILL.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402

from intake.clock import SystemClock  # noqa: E402
from ui.app import Startup  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.screens.repair_flow import RepairFlowPanel  # noqa: E402
from ui.widgets.keypad_panel import KeypadPanel  # noqa: E402
from ui.widgets.panels import ChoicePanel  # noqa: E402


def shown(window: MainWindow, kind: type) -> object:
    [panel] = [p for p in window.findChildren(kind) if p.isVisible()]
    return panel


def click(button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    button.click()


def drive(window: MainWindow, bike: str, pans: list[str]) -> None:
    for digit in "2222":
        click(window.login.pinpad.keypad.buttons[digit])
    click(window.login.pinpad.ok_button)
    click(window.workshop.top.place_button)  # 'Materiaal uit'
    for pan in pans:
        window.on_scan(pan)
    click(window.material.batch_button)
    choice = shown(window, ChoicePanel)
    assert isinstance(choice, ChoicePanel)
    click(choice.option_buttons["wood"])
    weight = shown(window, KeypadPanel)
    assert isinstance(weight, KeypadPanel)
    for key in "12":
        click(weight.keypad.buttons[key])
    click(weight.ok_button)
    click(window.material.top.place_button)  # 'Werkplaats'
    window.on_scan(bike)
    click(window.workshop.start_button)
    click(window.workshop.finish_button)
    flow = shown(window, RepairFlowPanel)
    assert isinstance(flow, RepairFlowPanel)
    click(flow.option_buttons["fixed"])
    assert flow.keypad is not None
    for key in "45":
        click(flow.keypad.buttons[key])  # the first digit replaces the price offered
    click(flow.ok_button)
    click(flow.ok_button)  # the minutes offered
    print("ready", flush=True)


def main(path: str, bike: str, *pans: str) -> int:
    app = QApplication(sys.argv[:1])
    startup = Startup(Path(path), SystemClock(), "nl")
    startup.begin()
    [window] = [w for w in startup.windows if isinstance(w, MainWindow)]
    QTimer.singleShot(200, lambda: drive(window, bike, list(pans)))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
