"""What the checks of issue 11's point 6 cost each command, on a year of demo history.

Prints JSON with median / p99 in milliseconds of:
- quick_check_ms: `PRAGMA quick_check` of the whole file, the check every write command of
  `ambacht` runs first (`cli/opening.py`);
- open_ms: `Store.open` as every command does (header, owner, newer migrations, and, with a
  `-wal` beside the file as while the app runs, the foreign `-wal` check with its header read);
- open_for_write_ms: what a write command does before its step (`open_for`: open +
  quick_check), against which open_ms is the bare command's share;
- command_ms: a whole `ambacht intake` in a fresh process (Python start, imports, open,
  check, the intake, exit), to weigh the check against what a person or script waits for.

Usage: python bench/bench_files.py [--rounds 30] [--commands 8]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cli.opening import open_for  # noqa: E402
from db import Store  # noqa: E402
from db.connection import check_intact  # noqa: E402
from intake.clock import SystemClock  # noqa: E402
from ui.app import open_store  # noqa: E402


def figures(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"median": round(statistics.median(ordered), 2),
            "p99": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 2),
            "n": len(ordered)}


def timed(action: Callable[[], object], rounds: int) -> dict[str, float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return figures(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--commands", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        app_store = open_store(path, SystemClock(), demo=True)  # held open: the app's -wal
        items = app_store.item_count()
        app_store.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        result: dict[str, object] = {
            "items": items, "megabytes": round(path.stat().st_size / 1e6, 1),
            "quick_check_ms": timed(lambda: check_intact(path), args.rounds),
            "open_ms": timed(lambda: Store.open(path).close(), args.rounds),
            "open_for_write_ms": timed(lambda: open_for("intake", path).close(), args.rounds),
        }
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "cli", "intake", "--db", str(path),
                   "--category", "books", "--route", "sale"]
        result["command_ms"] = timed(
            lambda: subprocess.run(command, env=env, check=True, capture_output=True),
            args.commands)
        app_store.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
