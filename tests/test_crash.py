"""The crash test: intakes killed with SIGKILL at random moments lose nothing acknowledged.

A child process (`crash_child.py`) takes items in through the real GateService and prints each
code only after `take_in` returned. The parent kills it at a random moment, mostly while it
writes and sometimes while it opens the database (recovering the previous kill's WAL), again
and again on the same file. Afterwards every acknowledged code is in the database, the file
passes `PRAGMA integrity_check`, every item row equals the replay of its history, and the app
starts normally on it. Run with -s to see the figures; docs/durability.md records them.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from db import Store
from db.chain import find_break
from intake.clock import FixedClock
from intake.gate import GateService
from intake.lifecycle import replay
from intake.setup import initialize
from ui.app import build_context, open_store
from ui.main_window import MainWindow

CHILD = Path(__file__).with_name("crash_child.py")
MAX_KILLS = 40
TIME_BUDGET_S = 20.0  # the two cores are shared; stop early rather than slow the suite
MIN_KILLS = 15


def run_and_kill(db: Path, rng: random.Random) -> list[str]:
    """Start the child, kill it at a random moment; the codes it acknowledged before."""
    child = subprocess.Popen([sys.executable, str(CHILD), str(db)], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    if rng.random() < 0.2:
        time.sleep(rng.uniform(0.0, 0.4))  # somewhere in start-up: imports, open, WAL recovery
    else:
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.15))  # somewhere in the intake loop
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL  # killed, not failed by itself
    # A line cut off by the kill has no newline: only whole lines were acknowledged.
    lines = out.decode().split("\n")[:-1]
    return [line for line in lines if line != "ready"]


def test_sigkill_during_intakes_loses_nothing_acknowledged(
    tmp_path: Path, clock: FixedClock, qtbot
) -> None:
    db = tmp_path / "ambacht.sqlite"
    store = Store.open(db, create=True)
    initialize(store, clock, station="A")
    store.close()
    rng = random.Random()
    seed = rng.randrange(1_000_000)
    rng.seed(seed)
    acknowledged: list[str] = []
    kills = 0
    start = time.monotonic()
    while kills < MAX_KILLS and time.monotonic() - start < TIME_BUDGET_S:
        acknowledged += run_and_kill(db, rng)
        kills += 1
    elapsed = time.monotonic() - start
    assert kills >= MIN_KILLS, f"only {kills} kills in {elapsed:.1f} s"
    assert len(acknowledged) == len(set(acknowledged)), "a code was handed out twice"

    store = Store.open(db)  # the start-up check (quick_check) passes
    assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert find_break(store.db.conn, whole=True) is None  # a kill never breaks the chain
    stored = {row[0] for row in store.db.execute("SELECT code FROM items")}
    missing = [code for code in acknowledged if code not in stored]
    assert not missing, f"acknowledged but lost (seed {seed}): {missing[:10]}"
    gate = GateService(store, clock, "A")
    for code in stored:
        item = gate.item(code)
        assert replay(item, gate.history(item)) == item, code
    print(f"\ncrash test: {kills} SIGKILLs in {elapsed:.1f} s, {len(acknowledged)} acknowledged "
          f"intakes, {len(stored)} items stored, none lost (seed {seed})")
    store.close()

    # The app starts normally on the file: open as run_app does, build the window.
    app_store = open_store(db, clock)
    window = MainWindow(build_context(app_store, clock, "nl"))
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.first_run  # no PIN yet in this database
    window.ctx.printer_queue.wait()
    window.ctx.printer_queue.stop()
