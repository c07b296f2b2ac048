"""What taking in another station's history costs inside a station's SQLite file (issue 13):
`MergeService.outgoing` -> `take_in` in batches of 2,000 events (as the hub sends them), no
PostgreSQL in between.

Station A gets a demo year (about 52,000 events at scale 1); station B, a new file with the
same staff, then takes it in:
- join_s: the whole year, batch after batch, as a new station joining the site;
- week_s: the last `--week` events alone (a week offline at a busy centre is about 2,500),
  after the rest was taken in before;
- events_per_s of each, and the share of `take_in` spent replaying the items
  (reproject_share: the replay, the item rows and the conflicts, against the checks and
  inserts);
- same_items: every item row of both receivers equals the sender's (the figures follow
  from them and the events; the tests compare report JSON on stations configured alike).

Usage: python bench/bench_merge.py [--scale 1.0] [--week 2500]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import Store  # noqa: E402
from intake import merge as merge_module  # noqa: E402
from intake.clock import FixedClock  # noqa: E402
from intake.demo import build_demo  # noqa: E402
from intake.merge import MergeService  # noqa: E402
from intake.setup import open_or_create  # noqa: E402

END = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)
BATCH = 2000


def station(path: Path, letter: str) -> Store:
    store, _ = open_or_create(path, FixedClock(END), site_name="Bench", station=letter)
    return store


def same_staff(source: Store, target: Store) -> None:
    """The staff of `source` in `target` with the same ids (the hub carries them)."""
    known = {user.id for user in target.users(include_inactive=True)}
    with target.atomic():
        for user in source.users(include_inactive=True):
            if user.id not in known:
                target.add_user(user, None, END)


def pull(source: Store, target: Store, *, upto: int | None = None) -> tuple[float, int]:
    """`target` takes in `source`'s station A up to seq `upto` (all when None), in batches;
    returns (seconds in take_in, events taken in)."""
    sender, receiver = MergeService(source), MergeService(target)
    spent, taken, changed = 0.0, 0, 0
    while True:
        head = target.merge.head("A")
        after = head[0] if head else 0
        limit = BATCH if upto is None else min(BATCH, upto - after)
        if limit <= 0:
            return spent, taken
        batch = sender.outgoing("A", after, limit, changed)
        if not batch.events and not batch.visits:
            return spent, taken
        started = time.perf_counter()
        taken += receiver.take_in(batch).events
        spent += time.perf_counter() - started
        changed = batch.changed_through


def item_rows(store: Store) -> list[tuple[object, ...]]:
    return store.db.execute("SELECT * FROM items ORDER BY id").fetchall()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--week", type=int, default=2500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = station(Path(folder) / "a.db", "A")
        build_demo(source, end=END, scale=args.scale)
        (total,) = source.db.execute("SELECT count(*) FROM events").fetchone()

        # Time the replay apart: the same function, wrapped to add up its seconds.
        replay_spent = [0.0]
        reproject = merge_module.reproject

        def timed(store: Store, item_ids: set[str]) -> int:
            started = time.perf_counter()
            try:
                return reproject(store, item_ids)
            finally:
                replay_spent[0] += time.perf_counter() - started

        merge_module.reproject = timed  # type: ignore[assignment]
        joined = station(Path(folder) / "b.db", "B")
        same_staff(source, joined)
        join_s, join_events = pull(source, joined)
        join_replay = replay_spent[0]

        caught_up = station(Path(folder) / "c.db", "C")
        same_staff(source, caught_up)
        pull(source, caught_up, upto=total - args.week)
        replay_spent[0] = 0.0
        week_s, week_events = pull(source, caught_up)
        merge_module.reproject = reproject
        result = {
            "machine": platform.platform(),
            "events_in_year": total,
            "join_s": round(join_s, 2),
            "join_events": join_events,
            "join_events_per_s": round(join_events / join_s),
            "join_reproject_share": round(join_replay / join_s, 2),
            "week_s": round(week_s, 3),
            "week_events": week_events,
            "week_events_per_s": round(week_events / week_s),
            "week_reproject_share": round(replay_spent[0] / week_s, 2),
            "same_items": item_rows(source) == item_rows(joined) == item_rows(caught_up),
        }
        for store in (source, joined, caught_up):
            store.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
