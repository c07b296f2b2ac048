"""The workshop's flows, timed and their taps counted, on a demo year (~23,000 items): the
real window offscreen, scans as scanner bursts, taps as button clicks.

Prints JSON with the taps of each flow and the median / p99 in milliseconds the app takes
for its share (every tap and scan handled, the repair written, the label queued, the screen
updated), not the seconds a person needs to reach for the buttons:
- fixed_bike: a bike routed to repair scanned, 'Reparatie starten', 'Reparatie klaar',
  'Gerepareerd', the price 45 and OK, OK on the minutes offered, the problem and the brand its
  category names most, 'Onbekend' year: the repair recorded and its price label queued;
- shelf_all_ms / shelf_waiting_bikes_ms: the shelf read and shown, all of it, and filtered
  to bikes waiting.

Usage: python bench/bench_workshop.py [--rounds 50]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_flow import burst, demo_context, figures, shown_window, timed  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402

from intake.shelf import ShelfFilter, ShelfState  # noqa: E402
from ui.screens.repair_flow import RepairFlowPanel  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        store, clock, ctx = demo_context(folder)
        coach, repairer = ctx.auth.login("1111"), ctx.auth.login("2222")
        window = shown_window(ctx, repairer)
        workshop = window.workshop
        taps = 0

        def flow_panel() -> RepairFlowPanel:
            [panel] = [p for p in window.findChildren(RepairFlowPanel) if p.isVisible()]
            return panel

        def first_choice() -> QPushButton:
            return next(iter(flow_panel().option_buttons.values()))

        def fixed_bike() -> float:
            nonlocal taps
            code = ctx.gate.take_in(coach, ctx.gate.prepare("bicycles", "repair")).code
            window._last_scan = ("", 0.0)
            steps = [
                lambda: workshop.start_button, lambda: workshop.finish_button,
                lambda: flow_panel().option_buttons["fixed"],
                lambda: flow_panel().keypad.buttons["4"], lambda: flow_panel().keypad.buttons["5"],
                lambda: flow_panel().ok_button, lambda: flow_panel().ok_button,
                first_choice, first_choice, lambda: flow_panel().skip_button,
            ]
            start = time.perf_counter()
            burst(app, window, code)
            for step in steps:
                button = step()
                assert button.isVisible() and button.isEnabled(), button
                button.click()
            app.processEvents()
            elapsed = (time.perf_counter() - start) * 1000
            taps = len(steps)
            assert ctx.workshop.item(code).price_cents == 4500
            return elapsed

        bikes = [fixed_bike() for _ in range(args.rounds)]
        workshop.show_item(None)
        everything = [timed(workshop.shelf.refresh) for _ in range(20)]
        workshop.shelf.chosen = ShelfFilter(ShelfState.WAITING, "bicycles")
        waiting_bikes = [timed(workshop.shelf.refresh) for _ in range(20)]
        result = {
            "items_in_db": store.item_count(),
            "on_the_shelf": ctx.workshop.shelf().matching,
            "taps": {"fixed_bike": taps},
            "fixed_bike_ms": figures(bikes),
            "shelf_all_ms": figures(everything),
            "shelf_waiting_bikes_ms": figures(waiting_bikes),
        }
        ctx.printer_queue.wait()
        window.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
