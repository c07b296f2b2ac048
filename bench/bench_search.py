""""Zoek" (issue 15, point 7) timed on a demo year (~23,000 items, on disk), and the query plans
that make it so: a search runs again at every key on the keypad.

Prints JSON, medians in milliseconds over the rounds, of `find_items` with a screenful (6):
- digits_ms: three digits of a code, every day ("123");
- one_digit_ms: one digit, every day (the most found: a tenth of the items);
- digits_today_ms, digits_week_ms: the digits with today or this week;
- category_day_ms: a category on one picked day, no digits;
- category_ms: a category, every day (the newest first);
and `plans`: SQLite's plan of each of those statements.

Usage: python bench/bench_search.py [--rounds 20] [--scale 1.0]
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
from db.item_search import ItemSearchQueries  # noqa: E402
from intake.clock import FixedClock  # noqa: E402
from intake.demo import build_demo  # noqa: E402
from intake.item_search import ItemSearch, When, find_items  # noqa: E402
from intake.setup import initialize  # noqa: E402

SHOWN = 6


def median_ms(action: Callable[[], object], rounds: int) -> float:
    action()  # warm: the page cache
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 2)


def plans(store: Store, end: datetime, category: str) -> dict[str, list[str]]:
    """The plan of each statement the searches run: the count and the screenful."""
    found: dict[str, list[str]] = {}
    queries = ItemSearchQueries(store.db)
    original = store.db.execute

    def explain(sql: str, args: list[object]) -> object:
        rows = original(f"EXPLAIN QUERY PLAN {sql}", args).fetchall()
        found[f"{len(found) + 1}: {sql}"] = [row[-1] for row in rows]
        return original(sql, args)

    store.db.execute = explain  # type: ignore[method-assign]
    try:
        queries.find("123", None, None, None, SHOWN)
        queries.find("123", None, end - timedelta(days=7), end, SHOWN)
        queries.find("", category, end - timedelta(days=1), end, SHOWN)
        queries.find("", category, None, None, SHOWN)
    finally:
        store.db.execute = original  # type: ignore[method-assign]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    end = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    zone = None
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "demo.sqlite", create=True)
        initialize(store, FixedClock(end))
        build_demo(store, end=end, scale=args.scale)
        zone = store.settings().zone
        category = store.categories()[0].code
        day = (end - timedelta(days=3)).astimezone(zone).date()

        def search(**what: object) -> Callable[[], object]:
            return lambda: find_items(store, ItemSearch(**what), end, zone, SHOWN)

        figures = {
            "items": store.item_count(),
            "digits_ms": median_ms(search(digits="123"), args.rounds),
            "one_digit_ms": median_ms(search(digits="7"), args.rounds),
            "digits_today_ms": median_ms(search(digits="123", when=When.TODAY), args.rounds),
            "digits_week_ms": median_ms(search(digits="123", when=When.THIS_WEEK), args.rounds),
            "category_day_ms": median_ms(search(category=category, when=When.DAY, day=day),
                                         args.rounds),
            "category_ms": median_ms(search(category=category), args.rounds),
            "plans": plans(store, end, category),
            "date": date.today().isoformat(),
        }
        store.close()
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
