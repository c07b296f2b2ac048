"""What the events' hash chain (m010) costs: per intake, and to check.

Two on-disk databases (WAL, `synchronous=FULL`, as the app opens them) get the same demo
history; in one the chain is lifted (its trigger and index dropped, events written without a
link, as before m010). Intakes through `GateService.prepare` + `take_in` then alternate
between the two in short blocks, so that the machine's noise falls on both alike. Prints JSON:
- intake_with_chain, intake_without_chain: median / p95 / p99 in ms, and intakes per second;
- chain_cost_ratio: the median with the chain over the median without;
- check_full_s, check_s: `ambacht check --full` and `ambacht check` (`intake.audit.check_file`:
  the page check and the chain walk, and with --full the item rows replayed and the year's
  cached day sums summed again), with chain_walk_full_s / chain_walk_tail_s: the chain walk
  alone, and check_figures_s: the rows and day sums alone, on the database of about
  `--events` events whose year of day sums is cached (as the app leaves it);
- migrate_s: m010 chaining that history from scratch (as on the upgrade of an old file).

Usage: python bench/bench_chain.py [--events 100000] [--intakes 400]
"""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import Store  # noqa: E402
from db.chain import chain_history, find_break  # noqa: E402
from db.rows import INSERT_EVENT  # noqa: E402
from intake.audit import check_figures, check_file  # noqa: E402
from intake.clock import SystemClock  # noqa: E402
from intake.day_sums import refresh_day_figures  # noqa: E402
from intake.demo import build_demo  # noqa: E402
from intake.gate import GateService  # noqa: E402
from intake.setup import initialize  # noqa: E402

EVENTS_PER_YEAR_AT_SCALE_1 = 52_000  # what build_demo writes (measured)
BLOCK = 20  # intakes in a row on one database before switching to the other


def build(path: Path, events: int) -> Store:
    store = Store.open(path, create=True)
    initialize(store, SystemClock(), site_name="Bench")
    build_demo(store, end=datetime.now(UTC), days=365,
               scale=events / EVENTS_PER_YEAR_AT_SCALE_1)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store


def without_chain(store: Store) -> None:
    """Lift the chain from this database and this store: writes as before m010."""
    store.db.execute("DROP TRIGGER events_chained")
    store.db.execute("DROP INDEX events_chain")

    def insert(rows: Sequence[Sequence[Any]]) -> None:
        store.db.conn.executemany(INSERT_EVENT, [(*row, None, None, None) for row in rows])

    store._insert_events = insert  # type: ignore[method-assign]


def figures(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    median = statistics.median(ordered)
    return {"median_ms": round(median, 3),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 3),
            "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 3),
            "per_second": round(1000 / median), "runs": len(ordered)}


def intakes(stores: dict[str, Store], count: int) -> dict[str, list[float]]:
    """`count` intakes on each store, alternating in blocks of BLOCK."""
    samples: dict[str, list[float]] = {name: [] for name in stores}
    actions: dict[str, Callable[[], object]] = {}
    for name, store in stores.items():
        gate = GateService(store, SystemClock(), store.settings()["station"])
        coach = next(user for user in store.users() if user.role.value == "coach")
        actions[name] = lambda gate=gate, coach=coach: gate.take_in(
            coach, gate.prepare("books", "sale"))
        for _ in range(BLOCK):  # warm-up
            actions[name]()
    for _ in range(count // BLOCK):
        for name, action in actions.items():
            for _ in range(BLOCK):
                start = time.perf_counter()
                action()
                samples[name].append((time.perf_counter() - start) * 1000)
    return samples


def seconds(action: Callable[[], object], runs: int = 3) -> float:
    """The fastest of `runs` (warm cache: what a daily check on a used PC meets)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return round(best, 3)


def walk(path: Path, whole: bool) -> None:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    assert find_break(conn, whole=whole) is None
    conn.close()


def migrate_seconds(path: Path) -> float:
    """Chain the history again from nothing, as m010 does on an old file (rolled back)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP INDEX events_chain")
    conn.execute("UPDATE events SET seq = NULL, prev_hash = NULL, hash = NULL")
    start = time.perf_counter()
    chain_history(conn)
    took = time.perf_counter() - start
    conn.execute("ROLLBACK")
    conn.close()
    return round(took, 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--intakes", type=int, default=400)
    parser.add_argument("--dir", type=Path, help="where to build the databases (default: tmp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        chained, plain = (build(Path(folder) / f"{name}.sqlite", args.events)
                          for name in ("chained", "plain"))
        without_chain(plain)
        samples = intakes({"with": chained, "without": plain}, args.intakes)
        path = Path(chained.path)
        today = datetime.now(chained.settings().zone).date()
        refresh_day_figures(chained, today - timedelta(days=365), today,
                            chained.categories(include_hidden=True))
        (events,) = chained.db.execute("SELECT count(*) FROM events").fetchone()
        chained.close()
        plain.close()
        report = {
            "machine": {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version},
            "events_in_db": events,
            "intake_with_chain": figures(samples["with"]),
            "intake_without_chain": figures(samples["without"]),
            "chain_cost_ratio": round(statistics.median(samples["with"])
                                      / statistics.median(samples["without"]), 3),
            "check_full_s": seconds(lambda: check_file(path, full=True)),
            "check_s": seconds(lambda: check_file(path)),
            "check_figures_s": seconds(lambda: check_figures(path)),
            "chain_walk_full_s": seconds(lambda: walk(path, True)),
            "chain_walk_tail_s": seconds(lambda: walk(path, False)),
            "migrate_s": migrate_seconds(path),
        }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
