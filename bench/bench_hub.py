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
- report_site_first_s / report_site_s: `ambacht report --hub --site` of the year to today,
  JSON, the first time (the site's copy is made) and again once two more steps came (the
  copy takes in only what is new; sync_round_two_steps_s is the gate's round that sent
  them and put the site's changed days on the hub);
- report_all_*: the same without --site over `--sites` sites of a year each (the first
  site's records copied on the hub under new site ids and numbers, in SQL), whose copies and
  reports are made in parallel processes, one per core (`cores`; `load` is the machine's
  load average as the reports began): _first_s the first time (copies made), _nothing_new_s
  again, _new_steps_s after two new steps at every site; report_all_over_* the year that
  ended yesterday (a period over, whose site reports are reused while nothing changed);
- floor_read_day_sums_s: every site's day sums of the year read from the hub as a station
  reads them; alle_locaties_s: the same counted to the dashboard's "Alle locaties".

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
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cli.main import main as ambacht  # noqa: E402
from db import Store  # noqa: E402
from db.hub.figures import network_figures  # noqa: E402
from intake.clock import FixedClock, SystemClock  # noqa: E402
from intake.demo import build_demo  # noqa: E402
from intake.gate import GateService  # noqa: E402
from intake.hub_sync import SyncService  # noqa: E402
from intake.model import Role, Route  # noqa: E402
from intake.monitoring import Period  # noqa: E402
from intake.network_figures import network_report  # noqa: E402
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
    running = ("--from", str(end.replace(year=end.year - 1)), "--to", str(end))
    over = ("--from", str(end - timedelta(days=365)), "--to", str(end - timedelta(days=1)))
    out = iter(range(100))

    def report(period: tuple[str, ...], *more: str) -> float:
        return seconds(lambda: run("report", "--hub", hub, *period, "--out",
                                   str(folder / f"report{next(out)}.json"), *more))

    results: dict[str, object] = {}
    results["report_site_first_s"] = report(running, "--site", "Bench")
    results["sync_round_two_steps_s"] = seconds(lambda: new_steps(gate_db, 2))
    results["report_site_s"] = report(running, "--site", "Bench")
    copy_site(hub, sites)
    results["sites"], results["cores"] = sites, os.cpu_count()
    results["load"] = round(os.getloadavg()[0], 1)  # a shared machine: how busy it was
    results["report_all_first_s"] = report(running)
    # The bare floor: every site's day sums of the year read as a station reads them for
    # "Alle locaties", and the same counted to figures (`network_report`).
    store = Store.open(gate_db)
    address = SyncService(store, SystemClock()).link().address
    user = next(u for u in store.users() if u.role is Role.COORDINATOR)
    store.close()
    first, last = end.replace(year=end.year - 1), end
    results["floor_read_day_sums_s"] = seconds(lambda: network_figures(address, first, last))
    results["alle_locaties_s"] = seconds(lambda: network_report(
        replace(user, network=True), address, Period(first, last), datetime.now(UTC), end))
    results["report_all_nothing_new_s"] = report(running)
    results["report_all_over_first_s"] = report(over)
    results["report_all_over_nothing_new_s"] = report(over)
    # A few new steps at every site: two at the first, copied to the others.
    (top,) = _hub_rows(hub, "SELECT coalesce(max(rev), 0) FROM ambacht.events")[0]
    new_steps(gate_db, 2)
    copy_site(hub, sites, after=top)
    results["load_new_steps"] = round(os.getloadavg()[0], 1)
    results["report_all_new_steps_s"] = report(running)
    results["report_all_over_new_steps_s"] = report(over)
    return results


def new_steps(gate_db: Path, count: int) -> None:
    """`count` items taken in at the gate and one sync round (which puts the site's changed
    days on the hub)."""
    gate = Store.open(gate_db)
    service, user = GateService(gate, SystemClock(), "A"), gate.user("system")
    assert user is not None
    for _ in range(count):
        service.take_in(user, service.prepare("books", Route.SALE, None))
    SyncService(gate, SystemClock()).round()
    gate.close()


def _hub_rows(hub: str, query: str) -> list[tuple[object, ...]]:
    with psycopg.connect(hub) as conn:
        return conn.execute(query).fetchall()  # type: ignore[arg-type]


def copy_site(hub: str, sites: int, after: int = 0) -> None:
    """Sites 2..`sites`: the first site's rows numbered after `after` again under each
    site's id (made the first time), their numbers moved past every number there is (in
    order, as if pushed after)."""
    tables = ("config", "codes", "visits", "shipments", "events", "visit_cancellations",
              "courses", "station_sessions")
    with psycopg.connect(hub, autocommit=True) as conn:
        (first,) = conn.execute("SELECT id FROM ambacht.sites ORDER BY id LIMIT 1").fetchone()
        top = max(conn.execute(f"SELECT coalesce(max(rev), 0) FROM ambacht.{table} "  # type: ignore[arg-type]
                               "WHERE site_id = %s", [first]).fetchone()[0]
                  for table in tables)
        for number in range(2, sites + 1):
            name = f"Bench {number:02}"
            (site,) = conn.execute("SELECT id FROM ambacht.sites WHERE name = %s",
                                   [name]).fetchone() or conn.execute(
                "INSERT INTO ambacht.sites (name) VALUES (%s) RETURNING id", [name]).fetchone()
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
                             "WHERE site_id = %(first)s AND rev > %(after)s "
                             "ON CONFLICT DO NOTHING",  # a changed row: kept as it was
                             {"site": site, "offset": offset, "first": first, "after": after})
            conn.execute("SELECT setval('ambacht.rev', %s)", [offset + top])


def seconds_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _never():
    raise SystemExit("the store station did not join")


if __name__ == "__main__":
    main()
