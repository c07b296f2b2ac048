"""Stations meeting on a PostgreSQL hub (issue 13): how fast news travels and what it costs.

Starts a throwaway PostgreSQL cluster (tests/hub_server.py; Debian's postgresql package) on
this machine's loopback, or uses the empty database `--hub URL` names, and prints JSON:
- push_year_s: a station that ran alone with a demo year (`--days`, ~75,000 steps) joins
  and sends its history up;
- join_year_s: a new station joins that site and takes the whole year in;
- catch_up_week_s: a station that was offline while another took `--week` steps (about a
  week at a busy gate) comes back and takes them in (one `ambacht sync` round);
- gate_to_store_ms: from an intake committed at the gate (its app's background sync
  running) until the item is in the store station's database, which its own background
  sync fills on the hub's NOTIFY: median, p99 over `--rounds` items;
- intake_ms_sync_off / intake_ms_sync_on and sync_cost_ratio: `prepare` + `take_in` at the
  gate with its background sync stopped and running (median).
- report_site_first_s / report_site_s: `ambacht report --hub --site` of the year, JSON, the
  first time (the site's copy is made) and again once two more steps came (the copy takes
  in only what is new); report_all_first_s / report_all_s: the same without --site over
  `--sites` sites of a year each (the first site's records copied on the hub under new
  site ids and numbers, in SQL), whose copies and reports are made in parallel processes,
  one per core (`cores`; `load` is the machine's load average as the reports began).

Usage: python bench/bench_hub.py [--days 365] [--week 2500] [--rounds 100] [--sites 20]
       [--reports-only] [--hub URL]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cli.main import main as ambacht  # noqa: E402
from db import Store  # noqa: E402
from intake.clock import FixedClock, SystemClock  # noqa: E402
from intake.demo import build_demo  # noqa: E402
from intake.gate import GateService  # noqa: E402
from intake.hub_sync import SyncService  # noqa: E402
from intake.model import Route  # noqa: E402
from intake.setup import initialize  # noqa: E402
from tests.hub_server import HubServer, binaries  # noqa: E402
from ui.hub_sync import BackgroundSync  # noqa: E402


def figures(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"median": round(statistics.median(ordered), 1),
            "p99": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 1),
            "n": len(ordered)}


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return round(time.perf_counter() - start, 2)


def run(*args: str) -> None:
    """An `ambacht` command in this process; what it says goes to stderr, not the JSON."""
    with contextlib.redirect_stdout(sys.stderr):
        status = ambacht(list(args))
    if status != 0:
        raise SystemExit(f"ambacht {' '.join(args[:2])} exited {status}")


def join(db: Path, hub: str) -> None:
    run("station", "join", "--hub", hub, "--site", "Bench", "--db", str(db))


def wait_until(app: QApplication, done: Callable[[], bool], limit_s: float = 30.0) -> None:
    deadline = time.monotonic() + limit_s
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting")
        app.processEvents()
        time.sleep(0.002)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--week", type=int, default=2500)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--sites", type=int, default=20)
    parser.add_argument("--reports-only", action="store_true",
                        help="only the reports on the hub (report_*)")
    parser.add_argument("--hub", help="an empty database's admin URL (default: a throwaway)")
    args = parser.parse_args()
    server = None
    if args.hub is None:
        bin_dir = binaries()
        if bin_dir is None:
            raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
        server = HubServer(bin_dir)
        server.start()
    try:
        hub = args.hub or server.new_database()  # type: ignore[union-attr]
        print(json.dumps(measure(hub, args), indent=2))
    finally:
        if server is not None:
            server.remove()


def measure(hub: str, args: argparse.Namespace) -> dict[str, object]:
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="ambacht-bench-hub-"))
    run("hub", "init", "--hub", hub)
    gate_db, store_db, late_db = (folder / f"{name}.sqlite" for name in ("gate", "store", "late"))
    year = Store.open(gate_db, create=True)
    end = datetime.now(UTC)
    initialize(year, FixedClock(end), site_name="Bench", station="A")
    build_demo(year, end=end, days=args.days)
    steps = year.db.execute("SELECT count(*) FROM events").fetchone()[0]
    year.close()
    results: dict[str, object] = {"year_steps": steps}
    results["push_year_s"] = seconds(lambda: join(gate_db, hub))
    if args.reports_only:
        return {**results, **measure_reports(hub, gate_db, folder, args.sites)}
    results["join_year_s"] = seconds(lambda: join(store_db, hub))
    join(late_db, hub)

    gate = Store.open(gate_db)
    clock = SystemClock()
    service = GateService(gate, clock, "A")
    user = gate.user("system")
    assert user is not None

    def intake() -> str:
        return service.take_in(user, service.prepare("books", Route.SALE, None)).code

    for _ in range(args.week):
        intake()
    SyncService(gate, clock).round()
    results["catch_up_week_steps"] = args.week
    results["catch_up_week_s"] = seconds(lambda: run("sync", "--db", str(late_db)))

    off = [seconds_ms(intake) for _ in range(args.rounds)]
    gate_sync = BackgroundSync(gate, clock)
    shop = Store.open(store_db)
    shop_sync = BackgroundSync(shop, clock)
    gate_sync.start()
    shop_sync.start()
    wait_until(app, lambda: (shop_sync.state() or _never()).last_contact is not None)
    latencies, on = [], []
    for _ in range(args.rounds):
        started = time.perf_counter()
        code = intake()
        on.append((time.perf_counter() - started) * 1000)
        wait_until(app, lambda code=code: shop.item_by_code(code) is not None)
        latencies.append((time.perf_counter() - started) * 1000)
        time.sleep(0.05)  # items come one by one at a gate, not in a burst
    gate_sync.stop()
    shop_sync.stop()
    results["gate_to_store_ms"] = figures(latencies)
    results["intake_ms_sync_off"] = figures(off)
    results["intake_ms_sync_on"] = figures(on)
    results["sync_cost_ratio"] = round(statistics.median(on) / statistics.median(off), 2)
    gate.close()
    shop.close()
    return {**results, **measure_reports(hub, gate_db, folder, args.sites)}


def measure_reports(hub: str, gate_db: Path, folder: Path, sites: int) -> dict[str, object]:
    """The year's report of one site and of `sites` sites, from the hub."""
    os.environ["XDG_DATA_HOME"] = str(folder / "data")  # the sites' copies
    end = datetime.now(UTC).date()
    year = ("report", "--hub", hub, "--from", str(end.replace(year=end.year - 1)),
            "--to", str(end), "--out")
    results: dict[str, object] = {}
    results["report_site_first_s"] = seconds(
        lambda: run(*year, str(folder / "site1.json"), "--site", "Bench"))
    gate = Store.open(gate_db)
    service, user = GateService(gate, SystemClock(), "A"), gate.user("system")
    assert user is not None
    for _ in range(2):
        service.take_in(user, service.prepare("books", Route.SALE, None))
    SyncService(gate, SystemClock()).round()
    gate.close()
    results["report_site_s"] = seconds(
        lambda: run(*year, str(folder / "site2.json"), "--site", "Bench"))
    copy_site(hub, sites)
    results["sites"], results["cores"] = sites, os.cpu_count()
    results["load"] = round(os.getloadavg()[0], 1)  # a shared machine: how busy it was
    results["report_all_first_s"] = seconds(lambda: run(*year, str(folder / "all1.json")))
    results["report_all_s"] = seconds(lambda: run(*year, str(folder / "all2.json")))
    return results


def copy_site(hub: str, sites: int) -> None:
    """Sites 2..`sites`: the first site's rows again under a new site id, their numbers moved
    past every number there is (in order, as if pushed after)."""
    tables = ("config", "codes", "visits", "shipments", "events", "visit_cancellations",
              "courses", "station_sessions")
    with psycopg.connect(hub, autocommit=True) as conn:
        (first,) = conn.execute("SELECT id FROM ambacht.sites ORDER BY id LIMIT 1").fetchone()
        top = max(conn.execute(f"SELECT coalesce(max(rev), 0) FROM ambacht.{table} "  # type: ignore[arg-type]
                               "WHERE site_id = %s", [first]).fetchone()[0]
                  for table in tables)
        for number in range(2, sites + 1):
            (site,) = conn.execute("INSERT INTO ambacht.sites (name) VALUES (%s) RETURNING id",
                                   [f"Bench {number:02}"]).fetchone()
            (offset,) = conn.execute("SELECT nextval('ambacht.rev')").fetchone()
            for table in tables:
                columns = [name for (name,) in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                    "'ambacht' AND table_name = %s ORDER BY ordinal_position", [table])]
                moved = [{"site_id": "%(site)s", "rev": "rev + %(offset)s",
                          "ended_rev": "ended_rev + %(offset)s"}.get(name, name)
                         for name in columns]
                conn.execute(f"INSERT INTO ambacht.{table} ({', '.join(columns)}) "  # type: ignore[arg-type]
                             f"SELECT {', '.join(moved)} FROM ambacht.{table} "
                             "WHERE site_id = %(first)s",
                             {"site": site, "offset": offset, "first": first})
            conn.execute("SELECT setval('ambacht.rev', %s)", [offset + top])


def seconds_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _never():
    raise SystemExit("the store station did not join")


if __name__ == "__main__":
    main()
