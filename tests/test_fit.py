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
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMainWindow
from taps import log_in, tap

from db import Store
from db.backup import write_backup
from intake.admin import AdminService, NameList
from intake.clock import FixedClock
from intake.errors import StorageError
from intake.export_places import Volumes
from intake.item_search import When
from intake.model import Route, User
from ui.app import build_context, open_store
from ui.context import AppContext
from ui.i18n import Language
from ui.main_window import MainWindow
from ui.screens.dashboard import CATEGORY_BARS
from ui.screens.figures_panels import CategoriesPanel
from ui.screens.recovery import RecoveryScreen
from ui.screens.repair_flow import RepairFlowPanel
from ui.screens.till_parts import CashPanel
from ui.style import (
    MIN_TARGET_MM,
    SMALLEST_TARGET_MM,
    current_fit,
    fit_panel,
    stylesheet,
    use_fit,
)
from ui.widgets.folder_chooser import FolderPanel
from ui.widgets.keyboard import SerialPanel, ask_reason
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel, MessagePanel, Panel, choose
from ui.widgets.search_panel import SearchPanel

# (width, height, dpi): a 4:3 monitor, a 10-inch panel, a cheap laptop, a full-HD monitor,
# a 15.6-inch full-HD panel. Dutch (the default) at each, English at the two smallest.
PANELS = [(1024, 768, 96), (1280, 800, 150), (1366, 768, 96), (1920, 1080, 96),
          (1920, 1080, 141)]
SHOWN = [(panel, "nl") for panel in PANELS] + [(panel, "en") for panel in PANELS[:2]]


@pytest.fixture(params=SHOWN, ids=[f"{w}x{h}@{dpi}-{lang}" for (w, h, dpi), lang in SHOWN])
def shown(request) -> tuple[tuple[int, int, int], str]:
    return request.param


@pytest.fixture
def ctx(shown: tuple[tuple[int, int, int], str], store: Store, clock: FixedClock,
        coordinator: User, coach: User, repairer: User, shop_clerk: User, tmp_path: Path
        ) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    store.set_setting("document_folder", str(tmp_path / "documents"))
    admin = AdminService(store, clock)
    for name in ("Zwolle", "Kampen", "Dalfsen", "Hattem", "Zwartewaterland"):
        admin.add_name(coordinator, NameList.MUNICIPALITIES, name)
    for name in ("Metaal Oost", "Houtwerk College"):
        admin.add_name(coordinator, NameList.RECIPIENTS, name)
    # As a demo: its strip and badge take room on the login screen and in the top bar.
    return build_context(store, clock, shown[1], demo=True)


@pytest.fixture
def window(shown: tuple[tuple[int, int, int], str], qtbot, ctx: AppContext
           ) -> Iterator[MainWindow]:
    width, height, dpi = shown[0]
    fit_panel(width, height, dpi=dpi)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.setFixedSize(width, height)
    window.panel_dpi = dpi  # for the tour's millimetres
    window.show()
    yield window
    ctx.printer_queue.wait()
    use_fit(None)


class Tour:
    """Shows the window's screens one by one and gathers what does not fit on each."""

    def __init__(self, window: QMainWindow, dpi: int) -> None:
        self.window, self.found = window, []
        self.px_per_mm = dpi / 25.4
        # 15 mm where the panel has room for the design, never under 11 mm.
        self.least_mm = max(SMALLEST_TARGET_MM, MIN_TARGET_MM * current_fit().density)

    def look(self, where: str) -> None:
        """The whole window, or the panel open over it (the screen under it had its look)."""
        QApplication.processEvents()
        panels = [p for p in self.window.findChildren(Panel) if p.isVisible()]
        self.found += problems(self.window, where, panels[-1] if panels else None,
                               px_per_mm=self.px_per_mm, least_mm=self.least_mm)

    def panel(self, where: str, panel: Panel) -> None:
        panel.open()
        self.look(where)
        panel.close_panel()


def codes(ctx: AppContext, coach: User, repairer: User) -> dict[str, str]:
    """Items to scan: one for sale, one in repair, one for material; and the longest row
    "Zoek" shows."""
    gate, workshop = ctx.gate, ctx.workshop
    sale = gate.take_in(coach, gate.prepare("furniture", "sale"))
    fix = gate.take_in(coach, gate.prepare("eee_small", "repair"))
    workshop.start_repair(repairer, fix.code)
    scrap = gate.take_in(coach, gate.prepare("metal", "material"))
    done = gate.take_in(coach, gate.prepare("bicycles", "repair"))
    workshop.start_repair(repairer, done.code)
    workshop.finish_repair(repairer, done.code, workshop.outcome("fixed", minutes=30))
    longest = gate.take_in(coach, gate.prepare("computers", "material"))  # in "Zoek"
    return {"sale": sale.code, "repair": fix.code, "material": scrap.code,
            "longest": longest.code}


def close_panels(window: MainWindow) -> None:
    for panel in window.findChildren(Panel):
        panel.close_panel()


def test_every_screen_fits(qtbot, window: MainWindow, ctx: AppContext, coach: User,
                           repairer: User, tmp_path: Path) -> None:
    items = codes(ctx, coach, repairer)
    tour = Tour(window, window.panel_dpi)
    tour.look("login")
    window.show_page(window.first_run)
    tour.look("first run")
    window.show_page(window.login)
    log_in(qtbot, window, "1234")  # the coordinator reaches every screen
    visit_the_gate(qtbot, window, ctx, tour, items)
    visit_the_work_screens(qtbot, window, tour, items, tmp_path)
    visit_the_settings(qtbot, window, tour)
    visit_the_common_panels(qtbot, window, tour)
    for pin, where in (("1111", "coach"), ("2222", "workshop"), ("3333", "shop")):
        window.logout()
        log_in(qtbot, window, pin)  # one screen or two: the top bar differs
        tour.look(f"{where}: own screen")
    assert not tour.found, "\n".join(tour.found)


def visit_the_gate(qtbot, window: MainWindow, ctx: AppContext, tour: Tour,
                   items: dict[str, str]) -> None:
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
    # The confirmation stands over the keypad, just above the routes, with the undo there.
    assert gate.saved.isVisible() and gate.saved.code.text() == gate.last_item.code
    assert gate.saved.geometry().bottom() < gate.weight.route_buttons[Route.SALE].y()
    tap(qtbot, gate.saved.undo_button)
    tour.look("gate: undo question")
    close_panels(window)
    tap(qtbot, gate.categories.tiles["bicycles"])
    assert not gate.saved.isVisible()  # the next item: the keypad is wanted
    tap(qtbot, gate.weight.standard_button)
    tap(qtbot, gate.weight.route_buttons[Route.REPAIR])
    assert any(p.isVisible() for p in window.findChildren(SerialPanel))
    tour.look("gate: a bike's frame number")
    close_panels(window)
    tap(qtbot, gate.end_button)
    tour.look("gate: end the visit?")
    close_panels(window)
    window.on_scan(items["sale"])
    tour.look("gate: item card")
    close_panels(window)
    ctx.printer_queue.wait()  # its "labels waiting" button comes and goes as labels print
    tour.look("gate: item card closed")
    before = button_places(window)
    gate.banner.error("Niet geprint voor A000001: de printer weigert de verbinding. Het label "
                      "wacht en wordt geprint zodra de printer terug is.")
    tour.look("gate: error banner")
    assert button_places(window) == before, "a banner moved buttons"
    # Its own place, in the top bar: it covers no heading or control under the bar.
    bar = gate.top.mapTo(gate, gate.top.rect().bottomLeft())
    assert gate.banner.geometry().bottom() <= bar.y(), "a banner over the screen"
    tap(qtbot, gate.banner)
    assert not gate.banner.isVisible()


def visit_the_work_screens(qtbot, window: MainWindow, tour: Tour, items: dict[str, str],
                           tmp_path: Path) -> None:
    window.show_place("workshop")
    tour.look("workshop: shelf")
    tap(qtbot, window.workshop.search_button)
    [search] = [p for p in window.findChildren(SearchPanel) if p.isVisible()]
    tour.look("search: empty")
    tap(qtbot, search.when_buttons[When.TODAY])
    assert search.result_buttons[-1].isVisible()  # a screenful, and a count of the rest
    tour.look("search: found")
    for digit in items["longest"][1:]:
        tap(qtbot, search.keypad.buttons[digit])
    assert search.result_buttons[0].text().startswith(items["longest"])
    tour.look("search: the longest row")
    tap(qtbot, search.when_buttons[When.DAY])
    tour.look("search: pick a day")
    close_panels(window)
    window.on_scan(items["repair"])
    tour.look("workshop: item")
    tap(qtbot, window.workshop.finish_button)
    tour.look("workshop: repair outcome")
    [outcome] = [p for p in window.findChildren(RepairFlowPanel) if p.isVisible()]
    tap(qtbot, outcome.option_buttons["end_of_life"])
    tour.look("workshop: why not repairable")
    tap(qtbot, outcome.option_buttons["too_worn_out"])
    tour.look("workshop: minutes on the keypad")
    close_panels(window)
    window.show_place("shop")
    window.on_scan(items["sale"])
    tour.look("shop: basket")
    shop = window.shop
    before = button_places(window)
    tap(qtbot, shop.cash_button)
    tour.look("shop: paid in cash")
    [cash] = [p for p in window.findChildren(CashPanel) if p.isVisible()]
    paid_at = button_places(window)[cash.ok_button]
    for key in "500":  # short, then change: the panel and its "Paid" stay where they are
        tap(qtbot, cash.keypad.buttons[key])
        assert button_places(window)[cash.ok_button] == paid_at, "the cash panel changed size"
    tap(qtbot, cash.quick_buttons[None])
    tour.look("shop: paid")
    after = button_places(window)
    assert all(after[b] == before[b] for b in (shop.price_button, shop.pin_button)), \
        "the till's rows moved"
    tap(qtbot, window.shop.day_close_button)
    tour.look("shop: day close")
    close_panels(window)
    window.show_place("material")
    window.on_scan(items["material"])
    tour.look("material: list")
    tap(qtbot, window.material.clear_button)
    tour.look("material: start over?")
    close_panels(window)
    visit_the_dashboard(qtbot, window, tour, tmp_path)
    tap(qtbot, window.dashboard.top.place_button)
    tour.look("dashboard: other screen")
    close_panels(window)
    dashboard = window.dashboard
    dashboard.scope_button.show()  # as on a station of a hub (test_hub_screen joins one)
    tap(qtbot, dashboard.scope_button)
    tour.look("dashboard: whose figures")
    [scope] = [p for p in window.findChildren(ChoicePanel) if p.isVisible()]
    tap(qtbot, scope.option_buttons[window.ctx.settings().station])
    tour.look("dashboard: this station")
    window.show_place("conflicts")
    tour.look("attention")


def visit_the_dashboard(qtbot, window: MainWindow, tour: Tour, tmp_path: Path) -> None:
    """This month's figures, with something in every category (more than its chart has rows
    for): each category is named in the chart or under "All categories", whole."""
    ctx, dashboard = window.ctx, window.dashboard
    coach = ctx.auth.login("1111")
    codes_in = [c.code for c in ctx.store.categories()]
    assert len(codes_in) > CATEGORY_BARS
    for number, code in enumerate(codes_in):  # tons in all: the tiles' longest values
        ctx.gate.take_in(coach, ctx.gate.prepare(code, "material", 987_654 - number * 1000,
                                                       confirmed=True))
    window.show_place("dashboard")
    tour.look("dashboard: last month, before the first record: not counted")
    tap(qtbot, dashboard.later)  # this month: the one with the items
    qtbot.waitUntil(lambda: bool(dashboard.targets.empty_text != "…"))
    tour.look("dashboard")
    shown = {piece.text for piece in dashboard.categories.painted_texts()}
    tap(qtbot, dashboard.all_button)
    [every] = [p for p in window.findChildren(CategoriesPanel) if p.isVisible()]
    tour.look("dashboard: all categories")
    shown |= {piece.text for piece in every.chart.painted_texts()}
    names = {c.code: c.name(ctx.language.code) for c in ctx.store.categories()}
    assert {names[code] for code in codes_in} <= shown, "a category out of reach"
    close_panels(window)
    tap(qtbot, dashboard.baseline_button)
    tour.look("dashboard: make this the baseline?")
    close_panels(window)
    tap(qtbot, dashboard.export_button)
    tour.look("dashboard: export as")
    stick = tmp_path / "media" / "coordinator" / "KINGSTON DATATRAVELER"
    stick.mkdir(parents=True)
    (tmp_path / "mounts").write_text(f"/dev/sdb1 {str(stick).replace(' ', chr(92) + '040')} "
                                     "vfat rw 0 0\n")
    dashboard.exports.volumes = Volumes(tmp_path / "mounts", roots=(tmp_path / "media",))
    tap(qtbot, [p for p in window.findChildren(ChoicePanel) if p.isVisible()][0]
        .option_buttons["pdf"])
    tour.look("dashboard: save where")
    close_panels(window)


def visit_the_settings(qtbot, window: MainWindow, tour: Tour) -> None:
    window.show_admin()
    for key, tab in window.admin.tabs.items():
        tap(qtbot, tab)
        tour.look(f"settings: {key}")
    station = window.admin.sections["station"]
    tap(qtbot, window.admin.tabs["station"])
    rows = station.rows
    [row] = [i for i in range(rows.count())
             if rows.item(i).data(Qt.ItemDataRole.UserRole) == "screen_scale"]
    rows.setCurrentRow(row)
    tap(qtbot, station.change)
    tour.look("settings: screen size")
    close_panels(window)
    tap(qtbot, station.hub)  # the link with the hub, under the Station tab
    tour.look("settings: stations")
    tap(qtbot, window.admin.sections["hub"].join_button)
    tour.look("settings: join code")
    close_panels(window)
    tap(qtbot, window.admin.back)
    assert window.user is not None
    window.admin.guide(window.user)  # the first run's guided steps, over to the gate
    window.show_page(window.admin)
    for step in range(3):
        tour.look(f"first steps: {step + 1}")
        tap(qtbot, window.admin.guide_bar.next_button)


def visit_the_common_panels(qtbot, window: MainWindow, tour: Tour) -> None:
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
    tour.panel("folder chooser", FolderPanel(host, window.ctx.language, "Back-upmap",
                                             "Naast de database"))
    window.ask_still_there()  # as after the idle time: the countdown must wrap, not be cut
    tour.look("still there?")
    window.still_there.answer()
    reasons = ask_reason(host, "Waarom?", ["kapot", "verkeerd ingevoerd"], lambda _reason: None,
                         skip="Niet beschreven")
    tour.look("reason")
    tap(qtbot, reasons.option_buttons[QCoreApplication.translate("Reasons", "Other…")])
    tour.look("keyboard")
    close_panels(window)


# The station's size setting at its ends, on the smallest and the largest panel (and 150 % on
# the 10-inch one): the Figures screen paints the most text.
SCALED = [((1024, 768, 96), 80), ((1024, 768, 96), 150), ((1920, 1080, 96), 80),
          ((1920, 1080, 96), 150), ((1280, 800, 150), 150)]


@pytest.mark.parametrize(("panel", "scale"), SCALED,
                         ids=[f"{w}x{h}@{dpi}-{scale}%" for (w, h, dpi), scale in SCALED])
def test_the_figures_fit_at_every_size_setting(
        qtbot, panel: tuple[int, int, int], scale: int, store: Store, clock: FixedClock,
        coordinator: User, coach: User, tmp_path: Path) -> None:
    """The Figures screen, its questions and "All categories" at a size setting of 80 or
    150 %: every painted text whole, every category reachable."""
    store.set_setting("document_folder", str(tmp_path / "documents"))
    ctx = build_context(store, clock, "nl")
    width, height, dpi = panel
    fit = fit_panel(width, height, dpi=dpi, scale_percent=scale)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.setFixedSize(width, height)
        window.show()
        log_in(qtbot, window, "1234")
        # Millimetres as the app takes them at this setting (a panel that misreports its size).
        tour = Tour(window, fit.px_per_mm * 25.4)
        visit_the_dashboard(qtbot, window, tour, tmp_path)
        assert not tour.found, "\n".join(tour.found)
    finally:
        ctx.printer_queue.wait()
        use_fit(None)


@pytest.mark.parametrize("panel", PANELS, ids=[f"{w}x{h}@{dpi}" for w, h, dpi in PANELS])
def test_the_recovery_screen_fits(qtbot, panel: tuple[int, int, int], tmp_path: Path,
                                  clock: FixedClock) -> None:
    """The screen a damaged database opens on, with a backup to restore and its question."""
    db = tmp_path / "ambacht.sqlite"
    Store.open(db, create=True).close()
    (tmp_path / "backups").mkdir()
    write_backup(db, tmp_path / "backups" / "ambacht-2026-11-20T170000Z.sqlite")
    db.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4096)
    with pytest.raises(StorageError) as refused:
        open_store(db, clock)
    width, height, dpi = panel
    fit_panel(width, height, dpi=dpi)
    try:
        language = Language()
        language.apply("nl")
        window = QMainWindow()
        window.setStyleSheet(stylesheet())
        window.setCentralWidget(RecoveryScreen(refused.value, db, clock, language))
        qtbot.addWidget(window)
        window.setFixedSize(width, height)
        window.show()
        tour = Tour(window, dpi)
        tour.look("recovery")
        [button] = window.centralWidget().choices.values()
        tap(qtbot, button)
        tour.look("recovery: restore?")
        assert not tour.found, "\n".join(tour.found)
    finally:
        use_fit(None)
