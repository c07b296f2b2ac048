"""The till's flows, timed and their taps counted, on a demo year (~23,000 items): the real
window offscreen, scans as scanner bursts, taps as button clicks.

Prints JSON with the taps of each flow and the median / p99 in milliseconds the app takes
for its share (every tap and scan handled, the sale written and committed, the screen
updated), not the seconds a person needs to reach for the buttons:
- sale_cash: two items scanned, 'Contant', the first note above the total;
- sale_pin: one item scanned, 'Pin';
- return: 'Retour', the scan, a reason, cash;
- park_and_pick_up: two items scanned, 'Parkeren', 'Geparkeerd (n)', the sale;
- day_close_ms: the day close's takings by payment method;
- revenue_by_method_year_ms: `revenue_by_method` of the report of the demo's year.

Usage: python bench/bench_till.py [--rounds 100]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_flow import burst, demo_context, figures, shown_window, timed  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton, QWidget  # noqa: E402

from intake.monitoring import Period  # noqa: E402
from intake.till import takings  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.widgets.panels import Panel  # noqa: E402


def shown_panel(window: MainWindow) -> Panel:
    [panel] = [p for p in window.findChildren(Panel) if p.isVisible()]
    return panel


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        store, clock, ctx = demo_context(folder)
        coach, clerk = ctx.auth.login("1111"), ctx.auth.login("3333")
        window = shown_window(ctx, clerk)
        shop = window.shop
        taps: dict[str, int] = {}

        def flow(name: str, steps: list[QWidget | str | Callable[[], QWidget]]) -> float:
            """Run one flow: a code is scanned, a widget (or what a callable finds) tapped."""
            count = 0
            start = time.perf_counter()
            for step in steps:
                if isinstance(step, str):
                    window._last_scan = ("", 0.0)  # each customer comes after the repeat guard
                    burst(app, window, step)
                    continue
                button = step if isinstance(step, QWidget) else step()
                assert isinstance(button, QPushButton) and button.isEnabled(), (name, button)
                button.click()
                count += 1
            app.processEvents()
            taps[name] = count
            return (time.perf_counter() - start) * 1000

        def stock(count: int) -> list[str]:
            return [ctx.gate.take_in(coach, ctx.gate.prepare("furniture", "sale")).code
                    for _ in range(count)]

        def first_note() -> QWidget:
            """The cash panel's first round note above the total (after 'exact')."""
            return list(shown_panel(window).quick_buttons.values())[1]

        cash, pin, back, parked = [], [], [], []
        for _ in range(args.rounds):
            first, second = stock(2)
            cash.append(flow("sale_cash", [first, second, shop.cash_button, first_note]))
            assert "wisselgeld" in shop.total.text(), shop.total.text()
            (one,) = stock(1)
            pin.append(flow("sale_pin", [one, shop.pin_button]))
            back.append(flow("return", [shop.return_button, one,
                                        lambda: shown_panel(window).option_buttons["Past niet"],
                                        lambda: shown_panel(window).option_buttons["cash"]]))
            assert "terugbetaald" in shop.total.text(), shop.total.text()
            first, second = stock(2)
            parked.append(flow("park_and_pick_up", [
                first, second, shop.park_button, shop.parked_button,
                lambda: next(iter(shown_panel(window).option_buttons.values()))]))
            shop.pay_by_pin()
        today = clock.now().astimezone(ctx.zone()).date()
        day = [timed(lambda: takings(store, Period(today, today))) for _ in range(20)]
        year = Period(today - timedelta(days=364), today)
        year_takings = [timed(lambda: takings(store, year)) for _ in range(5)]
        result = {
            "items_in_db": store.item_count(),
            "taps": taps,
            "sale_cash_ms": figures(cash),
            "sale_pin_ms": figures(pin),
            "return_ms": figures(back),
            "park_and_pick_up_ms": figures(parked),
            "day_close_ms": figures(day),
            "revenue_by_method_year_ms": figures(year_takings),
        }
        ctx.printer_queue.wait()
        window.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
