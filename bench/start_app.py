"""Start the real app on a database and quit as soon as its first screen is up.

`bench_intake.py` runs this in a fresh process and measures from launch to the line this
prints, so the figure includes what a person waits for: Python, Qt, opening and checking the
database, and the first screen drawn. Usage: QT_QPA_PLATFORM=offscreen python bench/start_app.py DB
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.app import run_app  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])

    def ready() -> None:
        window = QApplication.activeWindow() or QApplication.topLevelWidgets()[0]
        window.repaint()  # the first screen drawn, not only built
        print("ready", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)  # runs once the event loop has started: the window is shown
    return run_app(db_path=Path(sys.argv[1]), lang=None)


if __name__ == "__main__":
    sys.exit(main())
