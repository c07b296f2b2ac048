"""The EU re-use report (issue 14, point 10) timed on a demo year (~23,000 items, on disk):
what it adds to a year's report.

Prints JSON, medians in milliseconds over the rounds:
- report_year_ms: the year's monitoring report (day sums kept), which the EU report starts from;
- eu_reuse_ms: the EU figures of that report (the re-used kilos read again per category and
  by weighed or estimated, the method changes);
- eu_json_ms: those as the JSON of `report --format eu-reuse`;
- xlsx_ms, xlsx_with_eu_ms and pdf_ms, pdf_with_eu_ms: the workbook and the PDF without and
  with the EU sheet and page.

Usage: python bench/bench_eu_reuse.py [--rounds 10]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import Store  # noqa: E402
from intake.clock import FixedClock  # noqa: E402
from intake.demo import build_demo  # noqa: E402
from intake.eu_reuse import eu_reuse, eu_reuse_json  # noqa: E402
from intake.exports import report_xlsx  # noqa: E402
from intake.monitoring import Period, build_report  # noqa: E402
from intake.report_pdf import render_report_pdf  # noqa: E402
from intake.setup import initialize  # noqa: E402


def median_ms(action: Callable[[], object], rounds: int) -> float:
    action()  # warm: the day sums, the fonts
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    end = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "demo.sqlite", create=True)
        initialize(store, FixedClock(end))
        build_demo(store, end=end)
        year = Period(end.date() - timedelta(days=364), end.date())
        report = build_report(store, year, end)
        eu = eu_reuse(store, report)
        zone = store.settings().zone
        figures = {
            "items": store.item_count(),
            "tonnes_reused": round(sum(eu.grams.values()) / 1e6, 3),
            "report_year_ms": median_ms(lambda: build_report(store, year, end), args.rounds),
            "eu_reuse_ms": median_ms(lambda: eu_reuse(store, report), args.rounds),
            "eu_json_ms": median_ms(lambda: json.dumps(eu_reuse_json(eu_reuse(store, report))),
                                    args.rounds),
            "xlsx_ms": median_ms(lambda: report_xlsx(report, zone=zone), args.rounds),
            "xlsx_with_eu_ms": median_ms(lambda: report_xlsx(report, eu=eu, zone=zone),
                                         args.rounds),
            "pdf_ms": median_ms(lambda: render_report_pdf(report, zone=zone), args.rounds),
            "pdf_with_eu_ms": median_ms(lambda: render_report_pdf(report, eu=eu, zone=zone),
                                        args.rounds),
            "date": date.today().isoformat(),
        }
        store.close()
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
