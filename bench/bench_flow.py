"""How long the steps after the gate take: scanning an item open, selling, repairing, sending
material out, on a year of demo history (~23,000 items, ~75,000 events).

Prints JSON with median / p99 in milliseconds of:
- scan_to_card_ms: a scanner burst at the workshop screen until the item's card and history are
  shown (the real window offscreen, the scanner filter included);
- scan_to_basket_ms: a scanner burst at the store's till until the line is in the sale;
- sell_ms: `ShopService.sell` of one item (checks, event, item row, commit);
- repair_ms: `start_repair` + `finish_repair` (fixed, with safety test and price);
- material_ms: `MaterialService.send` of ten items, and delivery_note_ms: its PDF;
- report_year_ms: `build_report` for the demo's whole year (what the dashboard's year view and
  `ambacht report` compute), and report_month_ms for one month.

Usage: python bench/bench_flow.py [--rounds 200]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from db import Store  # noqa: E402
from intake.admin import NameList  # noqa: E402
from intake.clock import SystemClock  # noqa: E402
from intake.model import Item, User  # noqa: E402
from intake.monitoring import Period, build_report  # noqa: E402
from ui.app import build_context, open_store  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def figures(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"median": round(statistics.median(ordered), 3),
            "p99": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 3),
            "n": len(ordered)}


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def burst(app: QApplication, window: MainWindow, code: str) -> None:
    """What a USB scanner types: the code's characters, then Enter."""
    target = app.focusWidget() or window
    for char in code:
        app.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, ord(char.upper()),
                                        Qt.KeyboardModifier.NoModifier, char))
    app.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                    Qt.KeyboardModifier.NoModifier, "\r"))


def demo_context(folder: str) -> tuple[Store, SystemClock, AppContext]:
    """A demo year's database in `folder` (labels into its own folder there), with the app's
    services in Dutch: what every bench of the screens runs on."""
    clock = SystemClock()
    store = open_store(Path(folder) / "demo.sqlite", clock, demo=True)
    store.set_setting("label_folder", str(Path(folder) / "labels"))
    return store, clock, build_context(store, clock, "nl")


def shown_window(ctx: AppContext, user: User) -> MainWindow:
    """The real main window, offscreen at 1280x800, with `user` logged in."""
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    window.on_logged_in(user)
    return window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        store, clock, ctx = demo_context(folder)
        coach, repairer, clerk = (ctx.auth.login(pin) for pin in ("1111", "2222", "3333"))
        coordinator = ctx.auth.login("1234")
        ctx.admin.add_name(coordinator, NameList.RECIPIENTS, "Bench recycler")

        def new(category: str, route: str) -> Item:
            return ctx.gate.take_in(coach, ctx.gate.prepare(category, route))

        window = shown_window(ctx, repairer)
        shelf = [new("bicycles", "repair").code for _ in range(args.rounds)]
        card = []
        for code in shelf:
            card.append(timed(lambda c=code: burst(app, window, c)))
            shown = window.workshop.card.item
            assert shown is not None and shown.code == code, "the scan must open the card"
        window.logout()
        window.on_logged_in(clerk)
        stock = [new("furniture", "sale").code for _ in range(args.rounds)]
        basket = []
        for code in stock:
            basket.append(timed(lambda c=code: burst(app, window, c)))
        assert len(window.shop.basket) == len(stock)
        window.shop.basket.clear()

        sell = [timed(lambda c=code: ctx.shop.sell(clerk, [(c, 1500)])) for code in stock]
        repair = []
        outcome = ctx.workshop.outcome("fixed", minutes="30", price_cents=2500)
        for code in shelf:
            repair.append(timed(lambda c=code: (ctx.workshop.start_repair(repairer, c),
                                                ctx.workshop.finish_repair(repairer, c, outcome))))
        material, notes = [], []
        for _ in range(max(10, args.rounds // 10)):
            codes = [new("metal", "material").code for _ in range(10)]
            start = time.perf_counter()
            shipment = ctx.material.send(coach, "Bench recycler", codes)
            material.append((time.perf_counter() - start) * 1000)
            notes.append(timed(lambda s=shipment: ctx.material.delivery_note_pdf(s.code)))
        today = clock.now().astimezone(ctx.zone()).date()
        year = Period(today - timedelta(days=364), today)
        month = Period(today - timedelta(days=30), today)
        report_year = [timed(lambda: build_report(store, year, clock.now())) for _ in range(5)]
        report_month = [timed(lambda: build_report(store, month, clock.now())) for _ in range(20)]
        result = {
            "items_in_db": store.item_count(),
            "scan_to_card_ms": figures(card),
            "scan_to_basket_ms": figures(basket),
            "sell_ms": figures(sell),
            "repair_ms": figures(repair),
            "material_10_items_ms": figures(material),
            "delivery_note_ms": figures(notes),
            "report_year_ms": figures(report_year),
            "report_month_ms": figures(report_month),
        }
        ctx.printer_queue.wait()
        window.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
