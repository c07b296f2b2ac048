"""The restart test's child: the app, started as `ambacht` starts it, given a new screen size.

Usage: python tests/restart_child.py DATABASE. Runs `ui.app.run_app` offscreen; once the
window shows, sets the station's screen size to 80 % and ends the event loop with RESTART, as
'Start again' does; once the second window shows, quits. Prints the pixels per millimetre each
window was built with, as JSON. In a process of its own: an app that ran and quit leaves Qt's
event loops unusable for the tests after it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from intake.auth import SYSTEM_USER_ID  # noqa: E402
from ui.app import run_app  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.style import RESTART, current_fit  # noqa: E402


def main(path: str) -> int:
    app = QApplication(sys.argv[:1])
    windows: list[MainWindow] = []
    sizes: list[float] = []

    def look() -> None:
        shown = [w for w in app.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible() and w not in windows]
        if not shown:
            return
        windows.append(shown[0])
        sizes.append(current_fit().px_per_mm)
        if len(windows) == 1:
            ctx = shown[0].ctx
            ctx.admin.set_screen_scale(ctx.store.user(SYSTEM_USER_ID), 80)
            QApplication.exit(RESTART)
        else:
            QApplication.quit()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(100)
    code = run_app(db_path=Path(path), lang="en", panel_dpi=96)
    print(json.dumps({"exit": code, "px_per_mm": sizes}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
