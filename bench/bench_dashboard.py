"""How long the Figures screen takes to paint, at the panels of issue 15.

Runs the real window offscreen on a demo year (bench_flow.demo_context), fitted to each panel
as `--panel-dpi` does, opens the dashboard as the coordinator and prints JSON per panel:
- paint_ms: a whole repaint of the screen (tiles, five charts; their layouts kept);
- refresh_ms: the period shown again and painted: its figures from the screen's cache, the
  baseline and the year's targets worked out again, every chart and tile laid out again
  (each text measured at the sizes down to the floor until it fits);
  both as median and p99 over the rounds.

Usage: python bench/bench_dashboard.py [--rounds 50]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_flow import demo_context, figures, timed  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.main_window import MainWindow  # noqa: E402
from ui.style import fit_panel  # noqa: E402

PANELS = [(1024, 768, 96), (1280, 800, 150), (1920, 1080, 96)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    result = {}
    with tempfile.TemporaryDirectory() as folder:
        _store, _clock, ctx = demo_context(folder)
        coordinator = ctx.auth.login("1234")
        for width, height, dpi in PANELS:
            fit_panel(width, height, dpi=dpi)
            window = MainWindow(ctx)
            window.setFixedSize(width, height)
            window.show()
            window.on_logged_in(coordinator)
            window.show_place("dashboard")
            app.processEvents()
            dashboard = window.dashboard
            dashboard.grab()  # the first layout
            paint = [timed(dashboard.grab) for _ in range(args.rounds)]
            refresh = [timed(lambda d=dashboard: (d.refresh(), app.processEvents(), d.grab()))
                       for _ in range(args.rounds)]
            result[f"{width}x{height}@{dpi}"] = {"paint_ms": figures(paint),
                                                 "refresh_ms": figures(refresh)}
            window.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
