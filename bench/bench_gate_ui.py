"""How long the app takes to answer a coach: start-up, and one intake by taps.

Runs the real window offscreen on an on-disk demo database (a year of history) and prints JSON:
- start_ms: from building the services to the PIN screen being shown (database already made);
- intake_taps_ms: tile + 'standard weight' + route, until the item is saved and its label
  queued (median / p95 / p99). Printing itself runs on a worker thread and is not waited for.

Usage: python bench/bench_gate_ui.py [--intakes 200]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from intake.clock import SystemClock  # noqa: E402
from intake.model import Route  # noqa: E402
from ui.app import build_context, open_store  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.widgets.keyboard import SerialPanel  # noqa: E402


def tap(widget: object) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[call-overload]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--intakes", type=int, default=200)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        clock = SystemClock()
        open_store(Path(folder) / "demo.sqlite", clock, demo=True).close()
        start = time.perf_counter()
        store = open_store(Path(folder) / "demo.sqlite", clock)
        store.set_setting("label_folder", str(Path(folder) / "labels"))
        ctx = build_context(store, clock, "nl")
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        start_ms = (time.perf_counter() - start) * 1000
        for digit in "1111":
            tap(window.login.pinpad.keypad.buttons[digit])
        tap(window.login.pinpad.ok_button)
        gate = window.gate
        tap(gate.visit_start.buttons[None])
        tiles = list(gate.categories.tiles)
        samples = []
        for n in range(args.intakes):
            began = time.perf_counter()
            tap(gate.categories.tiles[tiles[n % len(tiles)]])
            tap(gate.weight.standard_button)
            tap(gate.weight.route_buttons[list(Route)[n % 3]])
            # A bike or a computer asks for its serial number: this one has none to read.
            for panel in window.findChildren(SerialPanel):
                if panel.isVisible():
                    tap(panel.skip_button)
            samples.append((time.perf_counter() - began) * 1000)
            app.processEvents()
        ctx.printer_queue.wait()
        samples.sort()
        report = {
            "items_in_db": store.item_count(),
            "start_ms": round(start_ms, 1),
            "intake_taps_ms": {
                "median": round(statistics.median(samples), 2),
                "p95": round(samples[int(0.95 * (len(samples) - 1))], 2),
                "p99": round(samples[int(0.99 * (len(samples) - 1))], 2),
                "runs": len(samples),
            },
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        store.close()
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
