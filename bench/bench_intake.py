"""How fast is an intake at the gate, on a database that has seen years of them?

For each size (items already in the database) this prints, as one JSON object on stdout:
- intake: GateService.prepare + take_in + the label PDF (LabelService.render), in ms;
- intake_save: prepare + take_in alone; label_render: the label PDF alone;
- lookup: GateService.item(code) of random existing codes, in ms;
- floor_raw_sqlite_lookup: the same look-up as one bare sqlite3 SELECT by code, and the ratio;
- floor_raw_reportlab_label: the same label drawn with bare reportlab calls (texts and bars
  placed beforehand, so only drawing and writing the PDF is timed), and the ratio;
- floor_raw_sqlite: one raw sqlite3 INSERT of an item row and an event row, committed with
  the same durability (WAL, synchronous=FULL), and our intake_save as a ratio of it;
- report_year: the monitoring report of the last full local year of history, first on a
  cold cache (`report_year_first_s`: every day summed from the events once), then as the app
  and the command line meet it (`report_year`: sums per day kept, the days new intakes
  touched redone); report_month likewise; xlsx_year: that report as an XLSX workbook;
  report_year_station: the year's report of one station's steps (the dashboard's "Dit
  station", from the same day sums);
- floor_raw_sqlite_year: one bare GROUP BY over the year's items (count and grams per
  category), the least any report of a year can read, and report_year as a ratio of it;
- app_start: from launching `bench/start_app.py` (the real app, offscreen) on the database to
  its first screen drawn, in a fresh process each time;
- build_s and bytes_per_item of the on-disk database.

Usage: python bench/bench_intake.py [--sizes 100000,1000000] [--intakes 300] [--lookups 2000]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from db import Store  # noqa: E402
from intake.auth import AuthService  # noqa: E402
from intake.chain import GENESIS  # noqa: E402
from intake.clock import SystemClock, to_storage  # noqa: E402
from intake.demo import build_demo  # noqa: E402
from intake.exports import report_xlsx  # noqa: E402
from intake.gate import GateService  # noqa: E402
from intake.ids import new_id  # noqa: E402
from intake.labelling import LabelService  # noqa: E402
from intake.monitoring import Period, build_report  # noqa: E402
from intake.setup import initialize  # noqa: E402
from labels.geometry import bar_runs, font_name, lay_out  # noqa: E402
from labels.layout import SIZES  # noqa: E402

ITEMS_PER_YEAR_AT_SCALE_1 = 22_000  # a little under what build_demo writes a year at scale 1


def timed(action: Callable[[], object], runs: int, warmup: int = 20) -> dict[str, float]:
    """Median, p95 and p99 of `runs` calls, in milliseconds."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 3),
        "p95_ms": round(samples[int(0.95 * (runs - 1))], 3),
        "p99_ms": round(samples[int(0.99 * (runs - 1))], 3),
        "runs": runs,
    }


def build(path: Path, items: int) -> tuple[Store, float]:
    start = time.perf_counter()
    store = Store.open(path, create=True)
    initialize(store, SystemClock(), site_name="Bench")
    build_demo(store, end=datetime.now(UTC), days=365,
               scale=items / ITEMS_PER_YEAR_AT_SCALE_1)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store, time.perf_counter() - start


def raw_floor(path: Path, runs: int) -> dict[str, float]:
    """The same two rows written with bare sqlite3, the event with its chain link (a bare
    sha256 on a station of its own, 'R'): the least an intake can cost here."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=FULL")
    user = conn.execute("SELECT id FROM users LIMIT 1").fetchone()[0]
    counter = iter(range(10**9))
    head = [0, GENESIS]

    def insert() -> None:
        item_id, now = new_id(), to_storage(datetime.now(UTC))
        seq = next(counter) + 1
        digest = hashlib.sha256(f"{head[1]}{seq}{item_id}{now}".encode()).hexdigest()
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO items (id, code, category, weight_g, weight_estimated, route, station, "
            "intake_at, visit_id, voided) VALUES (?, ?, 'books', 500, 1, 'sale', 'A', ?, NULL, 0)",
            [item_id, f"R{seq:08d}", now])
        conn.execute(
            "INSERT INTO events (id, item_id, type, at, recorded_at, station, user_id, data, "
            "seq, prev_hash, hash) VALUES (?, ?, 'intake', ?, ?, 'R', ?, '{}', ?, ?, ?)",
            [new_id(), item_id, now, now, user, seq, head[1], digest])
        conn.execute("COMMIT")
        head[:] = [seq, digest]

    result = timed(insert, runs)
    conn.close()
    return result


def raw_lookup(path: Path, codes: list[str], rng: random.Random, runs: int) -> dict[str, float]:
    """An item row by its code with bare sqlite3: the least a look-up can cost."""
    conn = sqlite3.connect(path)
    result = timed(lambda: conn.execute(
        "SELECT * FROM items WHERE code = ?", [rng.choice(codes)]).fetchone(), runs)
    conn.close()
    return result


def raw_label(labels: LabelService, item: object, runs: int) -> dict[str, float]:
    """The same label drawn with bare reportlab: what is left when the layout is known."""
    size = SIZES[labels.size()]
    width, height = size.width_mm * mm, size.height_mm * mm
    layout = lay_out(labels.content(item), width, height)  # type: ignore[arg-type]
    bars = layout.bars
    runs_of_bars = [(bars.left + first * bars.module, count * bars.module)
                    for first, count in bar_runs(bars.modules)]

    def draw() -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=(width, height), invariant=True)
        for text in layout.texts:
            canvas.setFont(font_name(text), text.size)
            (canvas.drawRightString if text.right else canvas.drawString)(
                text.x, text.baseline, text.text)
        for x, w in runs_of_bars:
            canvas.rect(x, bars.bottom, w, bars.height, stroke=0, fill=1)
        canvas.showPage()
        canvas.save()
        return out.getvalue()

    return timed(draw, runs)


def ratio(ours: object, floor: object) -> float:
    return round(ours["median_ms"] / floor["median_ms"], 2)  # type: ignore[index]


def bench_report(store: Store, path: Path) -> dict[str, object]:
    """A year's and a month's monitoring report and the year's XLSX, beside a raw GROUP BY."""
    now = SystemClock().now()
    last = now.date()
    year = Period(last - timedelta(days=364), last)
    month = Period(last - timedelta(days=29), last)
    start = time.perf_counter()
    build_report(store, year, now)
    first_s = time.perf_counter() - start
    report = build_report(store, year, now)
    conn = sqlite3.connect(path)
    low, high = (to_storage(moment) for moment in year.span(store))

    def raw_year() -> None:
        conn.execute(
            "SELECT category, count(*), sum(weight_g) FROM items WHERE intake_at >= ? "
            "AND intake_at < ? AND voided = 0 GROUP BY category", [low, high]).fetchall()

    result: dict[str, object] = {
        "items_in_year": report.total.items_in,
        "report_year_first_s": round(first_s, 2),
        "report_year": timed(lambda: build_report(store, year, now), 10, warmup=1),
        "report_month": timed(lambda: build_report(store, month, now), 20, warmup=1),
        "report_year_station": timed(lambda: build_report(
            store, year, now, store.settings().station), 10, warmup=1),
        "xlsx_year": timed(lambda: report_xlsx(build_report(store, year, now),
                                                      zone=store.settings().zone), 5, warmup=1),
        "floor_raw_sqlite_year": timed(raw_year, 5, warmup=1),
    }
    conn.close()
    result["report_year_vs_floor"] = ratio(result["report_year"],
                                           result["floor_raw_sqlite_year"])
    return result


def app_start(path: Path, runs: int = 5) -> dict[str, float]:
    """Launch to first screen drawn of the real app in a new process, in milliseconds.

    Timed up to the line the app prints then, not to its exit: on the way out the app lets
    the backup it started in the background finish, which on a big database takes seconds.
    """
    script = Path(__file__).resolve().parent / "start_app.py"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    samples = []
    for _ in range(runs + 1):  # the first warms the disk cache and is left out
        start = time.perf_counter()
        with subprocess.Popen([sys.executable, str(script), str(path)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True) as child:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            samples.append((time.perf_counter() - start) * 1000)
            child.wait()
    samples = sorted(samples[1:])
    return {"median_ms": round(statistics.median(samples), 1),
            "p99_ms": round(samples[-1], 1), "runs": runs}


def bench_size(folder: Path, items: int, intakes: int, lookups: int) -> dict[str, object]:
    path = folder / f"bench-{items}.sqlite"
    store, build_s = build(path, items)
    clock = SystemClock()
    gate = GateService(store, clock, "A")
    labels = LabelService(store, clock)
    coach = AuthService(store, clock).login("1111")
    visit = gate.start_visit(coach)
    rng = random.Random(1)
    codes = [c for (c,) in store.db.execute("SELECT code FROM items").fetchall()]
    categories = [c.code for c in gate.categories()]

    def save() -> object:
        request = gate.prepare(rng.choice(categories), rng.choice(["sale", "repair", "material"]))
        return gate.take_in(coach, request, visit)

    def intake() -> None:
        labels.render([save()])  # type: ignore[list-item]

    last = gate.take_in(coach, gate.prepare("books", "sale"), visit)
    result = {
        "items_in_db": store.item_count(),
        "build_s": round(build_s, 1),
        "intake": timed(intake, intakes),
        "intake_save": timed(save, intakes),
        "label_render": timed(lambda: labels.render([last]), intakes),
        "lookup": timed(lambda: gate.item(rng.choice(codes)), lookups),
    }
    result["floor_raw_sqlite_lookup"] = raw_lookup(path, codes, rng, lookups)
    result["lookup_vs_floor"] = ratio(result["lookup"], result["floor_raw_sqlite_lookup"])
    result["floor_raw_reportlab_label"] = raw_label(labels, last, intakes)
    result["label_render_vs_floor"] = ratio(result["label_render"],
                                            result["floor_raw_reportlab_label"])
    result.update(bench_report(store, path))  # after the intakes: their days are redone
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    result["bytes_per_item"] = round(path.stat().st_size / store.item_count())
    store.close()
    result["app_start"] = app_start(path)
    floor = raw_floor(path, intakes)
    result["floor_raw_sqlite"] = floor
    result["intake_save_vs_floor"] = ratio(result["intake_save"], floor)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--intakes", type=int, default=300)
    parser.add_argument("--lookups", type=int, default=2000)
    parser.add_argument("--dir", type=Path, help="where to build the databases (default: tmp)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        report = {
            "machine": {"python": platform.python_version(), "cpu": platform.processor() or
                        platform.machine(), "sqlite": sqlite3.sqlite_version},
            "sizes": {str(size): bench_size(Path(folder), size, args.intakes, args.lookups)
                      for size in sizes},
        }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
