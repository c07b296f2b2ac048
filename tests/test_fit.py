"""Every screen and panel fits every panel the centres use (issue 15).

The window is built at each panel's size and density (`ui.style.fit_panel`, as `--panel-dpi`
and the station's size setting do), then every screen and panel a role reaches is shown and
held to tests/fit_check.py: nothing outside the window or cut off, no action's text clipped or
elided, no buttons on top of each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fit_check import button_places, problems
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from taps import log_in, tap

from db import Store
from intake.admin import AdminService, NameList
from intake.clock import FixedClock
from intake.model import User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.style import fit_panel, use_fit
from ui.widgets.keyboard import ask_reason
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel, MessagePanel, Panel, choose

# (width, height, dpi): a 4:3 monitor, a 10-inch panel, a cheap laptop, a full-HD monitor,
# a 15.6-inch full-HD panel.
PANELS = [(1024, 768, 96), (1280, 800, 150), (1366, 768, 96), (1920, 1080, 96),
          (1920, 1080, 141)]


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coordinator: User, coach: User, repairer: User,
        shop_clerk: User, tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    store.set_setting("document_folder", str(tmp_path / "documents"))
    admin = AdminService(store, clock)
    for name in ("Zwolle", "Kampen", "Dalfsen", "Hattem", "Zwartewaterland"):
        admin.add_name(coordinator, NameList.MUNICIPALITIES, name)
    for name in ("Metaal Oost", "Houtwerk College"):
        admin.add_name(coordinator, NameList.RECIPIENTS, name)
    return build_context(store, clock, "nl")


@pytest.fixture(params=PANELS, ids=[f"{w}x{h}@{dpi}" for w, h, dpi in PANELS])
def window(request, qtbot, ctx: AppContext) -> Iterator[MainWindow]:
    width, height, dpi = request.param
    fit_panel(width, height, dpi=dpi)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.setFixedSize(width, height)
    window.show()
    yield window
    ctx.printer_queue.wait()
    use_fit(None)


class Tour:
    """Shows the window's screens one by one and gathers what does not fit on each."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window, self.found = qtbot, window, []

    def look(self, where: str) -> None:
        """The whole window, or the panel open over it (the screen under it had its look)."""
        # Widgets replaced (a gate's tiles after a new login) go when the loop gets to them.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        panels = [p for p in self.window.findChildren(Panel) if p.isVisible()]
        self.found += problems(self.window, where, panels[-1] if panels else None)

    def panel(self, where: str, panel: Panel) -> None:
        panel.open()
        self.look(where)
        panel.close_panel()


def codes(ctx: AppContext, coach: User, repairer: User) -> dict[str, str]:
    """Items to scan: one for sale, one in repair, one for material."""
    gate, workshop = ctx.gate, ctx.workshop
    sale = gate.take_in(coach, gate.prepare("furniture", "sale"))
    fix = gate.take_in(coach, gate.prepare("eee_small", "repair"))
    workshop.start_repair(repairer, fix.code)
    scrap = gate.take_in(coach, gate.prepare("metal", "material"))
    done = gate.take_in(coach, gate.prepare("bicycles", "repair"))
    workshop.start_repair(repairer, done.code)
    workshop.finish_repair(repairer, done.code, workshop.outcome("fixed", minutes=30))
    return {"sale": sale.code, "repair": fix.code, "material": scrap.code}


def test_every_screen_fits(qtbot, window: MainWindow, ctx: AppContext, coach: User,
                           repairer: User) -> None:
    items = codes(ctx, coach, repairer)
    tour = Tour(qtbot, window)
    tour.look("login")
    window.show_page(window.first_run)
    tour.look("first run")
    window.show_page(window.login)
    log_in(qtbot, window, "1234")  # the coordinator reaches every screen
    gate = window.gate
    tour.look("gate: visit start")
    tap(qtbot, gate.visit_start.buttons["Zwolle"])
    tour.look("gate: tiles")
    tap(qtbot, gate.categories.tiles["eee_small"])
    for key in "12,5":
        tap(qtbot, gate.weight.keypad.buttons[key])
    tour.look("gate: weight typed")
    tap(qtbot, gate.weight.route_buttons[next(iter(gate.weight.route_buttons))])
    tour.look("gate: saved")
    tap(qtbot, gate.undo_button)
    tour.look("gate: undo question")
    for panel in window.findChildren(Panel):
        panel.close_panel()
    window.on_scan(items["sale"])
    tour.look("gate: item card")
    for panel in window.findChildren(Panel):
        panel.close_panel()
    ctx.printer_queue.wait()  # its "labels waiting" button comes and goes as labels print
    tour.look("gate: item card closed")
    before = button_places(window)
    gate.banner.error("Niet geprint voor A000001: de printer weigert de verbinding. Het label "
                      "wacht en wordt geprint zodra de printer terug is.")
    tour.look("gate: error banner")
    assert button_places(window) == before, "a banner moved buttons"
    tap(qtbot, gate.banner)
    assert not gate.banner.isVisible()

    window.show_place("workshop")
    tour.look("workshop: shelf")
    window.on_scan(items["repair"])
    tour.look("workshop: item")
    tap(qtbot, window.workshop.finish_button)
    tour.look("workshop: repair outcome")
    for panel in window.findChildren(Panel):
        panel.close_panel()

    window.show_place("shop")
    window.on_scan(items["sale"])
    tour.look("shop: basket")
    window.show_place("material")
    window.on_scan(items["material"])
    tour.look("material: list")
    window.show_place("dashboard")
    tour.look("dashboard")

    window.show_admin()
    for key, tab in window.admin.tabs.items():
        tap(qtbot, tab)
        tour.look(f"settings: {key}")
    tap(qtbot, window.admin.back)

    host = window.gate
    window.show_place("gate")
    tour.panel("choice panel", ChoicePanel(host, "Kies", [(str(n), f"Keuze {n}")
                                                          for n in range(8)], "Annuleren"))
    tour.panel("list panel", choose(host, "Kies", [(str(n), f"Keuze {n}") for n in range(30)],
                                    "Annuleren"))
    tour.panel("confirm panel", ConfirmPanel(host, "Lijst legen?", "Ja, legen", "Nee"))
    tour.panel("message panel", MessagePanel(host, "Er ging iets mis", "Alles is bewaard. " * 8,
                                             "OK"))
    tour.panel("keypad panel", KeypadPanel(host, "Minuten", max_digits=4, skip="Onbekend"))
    reasons = ask_reason(host, "Waarom?", ["kapot", "verkeerd ingevoerd"], lambda _reason: None,
               skip="Niet beschreven")
    tour.look("reason")
    tap(qtbot, reasons.option_buttons[QCoreApplication.translate("Reasons", "Other…")])
    tour.look("keyboard")
    for panel in window.findChildren(Panel):
        panel.close_panel()
    assert not tour.found, "\n".join(tour.found)
