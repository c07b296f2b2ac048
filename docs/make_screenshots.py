"""Screenshots of the main screens for the docs, taken from a real window.

Run under a display, e.g. `xvfb-run -a -s "-screen 0 1920x1080x24" python
docs/make_screenshots.py [LANG] [WIDTHxHEIGHT@DPI]`. It builds a demo database in a temporary
folder, drives the app by its real buttons, and grabs the screen where the window is (not the
widget) so that what is saved is what a person would see. With a panel (`1280x800@150`), the
window has that size and is fitted to that density, as `--panel-dpi` does, and the main screens
are saved as `screenshot-NAME-1280x800.png`.

With `AMBACHT_HUB` set to a hub administrator's URL (an empty PostgreSQL database will do:
`hub init` runs first), the demo station also joins that hub by the settings' own taps, and
the joined section and the dashboard's station scope are shot too.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow

from db import Store
from db.backup import backup_name, write_backup
from db.hub.admin import init_hub
from intake.clock import SystemClock
from intake.demo import build_demo
from intake.errors import StorageError
from intake.hub_address import read_hub
from intake.setup import initialize
from ui.app import build_context
from ui.main_window import MainWindow
from ui.screens.admin_hub import JoinCodePanel
from ui.screens.figures_panels import BaselinePanel
from ui.screens.recovery import RecoveryScreen
from ui.screens.till_parts import CashPanel, DayClosePanel
from ui.style import fit_panel, stylesheet
from ui.widgets.keyboard import SerialPanel, TextEntryPanel
from ui.widgets.panels import ChoicePanel

OUT = Path(__file__).resolve().parent
# The screens shot at each panel size: one of each screen a role works on.
PANEL_SHOTS = {"login", "gate", "gate-saved", "gate-item", "settings-station", "workshop",
               "workshop-shelf", "repair-outcome", "store", "till-cash", "till-paid", "material",
               "dashboard", "dashboard-baseline"}


def main() -> int:
    app = QApplication(sys.argv[:1])
    lang = sys.argv[1] if len(sys.argv) > 1 else "nl"
    panel = sys.argv[2] if len(sys.argv) > 2 else None
    folder = Path(tempfile.mkdtemp())
    store = Store.open(folder / "demo.sqlite", create=True)
    initialize(store, SystemClock())
    build_demo(store, end=datetime.now(UTC))
    store.set_setting("label_folder", str(folder / "labels"))
    ctx = build_context(store, SystemClock(), lang)
    suffix = "" if lang == "nl" else f"-{lang}"
    if panel is not None:
        size, dpi = panel.split("@")
        width, height = (int(n) for n in size.split("x"))
        fit_panel(width, height, dpi=float(dpi))
        suffix += f"-{size}"
    window = MainWindow(ctx)
    if panel is not None:
        window.setFixedSize(width, height)
    else:
        window.resize(1280, 800)
    window.show()

    def shoot(name: str) -> None:
        if panel is not None and name not in PANEL_SHOTS:
            return
        app.processEvents()
        QTest.qWait(300)
        where = window.frameGeometry()
        window.screen().grabWindow(0, where.x(), where.y(), where.width(), where.height()).save(
            str(OUT / f"screenshot-{name}{suffix}.png"))

    def tap(button: object) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
        app.processEvents()

    def run() -> None:
        for digit in "1111":
            tap(window.login.pinpad.keypad.buttons[digit])
        shoot("login")
        tap(window.login.pinpad.ok_button)
        shoot("visit-start")
        tap(window.gate.visit_start.buttons["Zwolle"])
        tap(window.gate.categories.tiles["bicycles"])
        tap(window.gate.weight.standard_button)
        tap(window.gate.weight.route_buttons[next(iter(window.gate.weight.route_buttons))])
        serial = window.findChild(SerialPanel)
        serial.type_text("WBK4512873")
        tap(serial.ok_button)
        QTest.qWait(500)
        shoot("gate-saved")
        tap(window.gate.categories.tiles["eee_small"])
        for key in "3,4":
            tap(window.gate.weight.keypad.buttons[key])
        shoot("gate")
        tap(window.gate.undo_button)
        shoot("undo")
        tap(window.findChild(ChoicePanel).cancel_button)
        window.logout()
        for digit in "1234":
            tap(window.login.pinpad.keypad.buttons[digit])
        tap(window.login.pinpad.ok_button)
        tap(window.gate.top.settings_button)
        shoot("settings")
        for section in ("printer", "devices", "station"):
            tap(window.admin.tabs[section])
            shoot(f"settings-{section}")
        tap(window.admin.sections["station"].hub)
        shoot("settings-stations")
        tap(window.admin.sections["hub"].join_button)
        typed = window.findChild(JoinCodePanel)
        typed.type_text("AMBACHT1.eyJob3N0IjoiaHViLmV4YW1wbGUubmwiLCJwb3J0Ijo1NDMyLCJkYm5hbWUi")
        shoot("settings-join-code")
        typed.close_panel()
        tap(window.admin.back)
        window.on_scan(pick("status = 'sold'"))
        shoot("gate-item")
        window.gate.end_visit()  # the resident has gone: no open visit asks over later shots
        window.logout()
        log_in("2222")
        shoot("workshop-shelf")  # the shelf: counts, filters, days at the centre
        window.on_scan(pick("status = 'in_repair'"))
        shoot("workshop")
        tap(window.workshop.finish_button)
        shoot("repair-outcome")
        window.logout()
        log_in("3333")
        for code in picks("status = 'in_stock' AND route = 'sale' AND category IN "
                          "('furniture', 'books', 'toys')", 3):
            window.on_scan(code)
            QTest.qWait(2100)  # not a repeat
        shoot("store")
        tap(window.shop.cash_button)  # the till (issue 15): cash, the change, the day close
        cash = window.findChild(CashPanel)
        for key in "50":
            tap(cash.keypad.buttons[key])
        shoot("till-cash")
        tap(cash.ok_button)
        shoot("till-paid")
        tap(window.shop.day_close_button)
        shoot("till-day-close")
        tap(window.findChild(DayClosePanel).ok_button)
        window.logout()
        log_in("1111")
        tap(window.gate.top.place_button)
        for code in picks("status = 'in_stock' AND route = 'material'", 2):
            window.on_scan(code)
        window.material.batches.append(("metal", 86_500))
        window.material.retranslate()
        shoot("material")
        window.logout()
        log_in("1234")
        window.show_place("dashboard")
        QTest.qWait(500)
        shoot("dashboard")
        tap(window.dashboard.kind_buttons["quarter"])
        tap(window.dashboard.baseline_button)  # the baseline now beside the quarter shown
        shoot("dashboard-baseline")
        tap(window.findChild(BaselinePanel).no_button)
        tap(window.dashboard.kind_buttons["month"])
        if os.environ.get("AMBACHT_HUB") and panel is None:
            joined()
        if panel is None:
            recovery()
        app.quit()

    def joined() -> None:
        """Join the hub by the section's taps (the administrator's URL makes the code), and
        show the section once the history is up, and the dashboard of this station only."""
        url = os.environ["AMBACHT_HUB"]
        init_hub(read_hub(url))
        tap(window.dashboard.top.settings_button)
        tap(window.admin.tabs["station"])
        tap(window.admin.sections["station"].hub)
        hub = window.admin.sections["hub"]
        tap(hub.join_button)
        code = window.findChild(JoinCodePanel)
        code.type_text(url)
        tap(code.ok_button)
        site = [p for p in window.findChildren(TextEntryPanel) if p.isVisible()][0]
        tap(site.ok_button)  # the demo's site name, as it stands
        while hub._working or ctx.sync.state() is None or ctx.sync.state().last_contact is None:
            QTest.qWait(200)
        shoot("settings-stations-joined")
        tap(window.admin.back)
        window.show_place("dashboard")
        window.dashboard.show_scope(ctx.settings().station)
        QTest.qWait(500)
        shoot("dashboard-station")

    def recovery() -> None:
        """The screen a damaged database opens on, with a backup to restore."""
        damaged = folder / "damaged" / "ambacht.sqlite"
        (damaged.parent / "backups").mkdir(parents=True)
        write_backup(store.path, damaged.parent / "backups" / backup_name(datetime.now(UTC)))
        damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4096)
        error = StorageError(
            "The database {path} is damaged ({detail}). Restore it from a backup.",
            path=str(damaged), detail="database disk image is malformed")
        screen = RecoveryScreen(error, damaged, SystemClock(), ctx.language)
        other = QMainWindow()
        other.setStyleSheet(stylesheet())
        other.setCentralWidget(screen)
        other.setGeometry(window.geometry())
        window.hide()
        other.show()
        app.processEvents()
        QTest.qWait(300)
        where = other.frameGeometry()
        other.screen().grabWindow(0, where.x(), where.y(), where.width(), where.height()).save(
            str(OUT / f"screenshot-recovery{suffix}.png"))

    def log_in(pin: str) -> None:
        for digit in pin:
            tap(window.login.pinpad.keypad.buttons[digit])
        tap(window.login.pinpad.ok_button)

    def picks(where: str, count: int) -> list[str]:
        rows = store.db.execute(
            f"SELECT code FROM items WHERE voided = 0 AND {where} "  # noqa: S608 - fixed text
            "ORDER BY intake_at DESC LIMIT ?", [count]).fetchall()
        return [code for (code,) in rows]

    def pick(where: str) -> str:
        return picks(where, 1)[0]

    QTimer.singleShot(500, run)
    app.exec()
    ctx.printer_queue.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
