"""The kiosk test's probe, run under a bare X server (xvfb-run, no window manager).

Usage: python tests/kiosk_probe.py DATABASE [app options]. Starts the app with `--fullscreen`
on DATABASE, waits for its window to be shown, prints the window's geometry and the screen's
as JSON ({"window": [x, y, w, h], "screen": [w, h]}), and stops the app.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "import sys; from cli.main import main; sys.exit(main(sys.argv[1:]))"


def geometry(*which: str) -> list[int]:
    """x, y, width and height of a window (`-id N`) or the screen (`-root`)."""
    info = subprocess.run(["xwininfo", *which], capture_output=True, text=True,
                          check=True).stdout
    return [int(re.search(pattern + r":\s+(-?\d+)", info).group(1))  # type: ignore[union-attr]
            for pattern in ("Absolute upper-left X", "Absolute upper-left Y", "Width",
                            "Height")]


def main(database: str, *options: str) -> int:
    app = subprocess.Popen([sys.executable, "-c", APP, "--fullscreen", "--db", database,
                            *options], cwd=ROOT)
    try:
        for _ in range(120):  # the first start makes the database: give it a while
            time.sleep(0.25)
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Ambacht"],
                                   capture_output=True, text=True, check=False).stdout.split()
            if found:
                time.sleep(0.5)  # let a window manager, if there were one, have its say
                print(json.dumps({"window": geometry("-id", found[0]),
                                  "screen": geometry("-root")[2:]}))
                return 0
        return 1
    finally:
        app.terminate()
        app.wait(10)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
