"""The lock test's child: the real app on a file, taking items in at the gate until it is killed.

Usage: python tests/app_child.py DATABASE. Starts the app as `ui.app.run_app` does (offscreen):
`Startup` opens the file, builds the services and the main window, and starts the start-up
backup, the day sums and the whole-file check on their threads. Then, inside the Qt event loop
so those threads and their timers run as in the app, it takes an item in every few milliseconds
through the GateService call the gate screen makes (`GateScreen._save`). Prints `ready` once
the window is up, then each item's code, flushed, only after `take_in` returned: the
acknowledgement a coach sees on the screen and the label.
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from intake.auth import SYSTEM_USER_ID  # noqa: E402
from intake.clock import SystemClock  # noqa: E402
from ui.app import Startup  # noqa: E402

INTAKES = itertools.cycle([("books", "sale"), ("bicycles", "repair"), ("wood", "material")])
EVERY_MS = 10


def main(path: str) -> int:
    app = QApplication(sys.argv[:1])
    startup = Startup(Path(path), SystemClock(), "en")
    startup.begin()
    assert startup.opened, "the app did not open the file"
    ctx = startup.contexts[0]
    user = ctx.store.user(SYSTEM_USER_ID)
    assert user is not None
    visit = ctx.gate.start_visit(user)
    print("ready", flush=True)

    def take_in() -> None:
        category, route = next(INTAKES)
        item = ctx.gate.take_in(user, ctx.gate.prepare(category, route), visit)
        print(item.code, flush=True)

    timer = QTimer()
    timer.setInterval(EVERY_MS)
    timer.timeout.connect(take_in)
    timer.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
