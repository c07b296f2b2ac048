"""Several stations of one site, each its own SQLite file, and the exchange of their history
through `MergeService` (what the hub carries between them), for the merge tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from db import Store
from intake.clock import FixedClock
from intake.gate import GateService
from intake.lifecycle import replay
from intake.material import MaterialService
from intake.merge import MergeOutcome, MergeService, SiteBatch
from intake.model import Item, Role, User
from intake.monitoring import Period, build_report
from intake.report_formats import report_json
from intake.setup import open_or_create
from intake.shop import ShopService
from intake.workshop import WorkshopService

# The site's staff, the same on every station (the hub carries them; here they are made so).
COACH = User(id="0" * 31 + "1", name="Sanne", role=Role.COACH, has_pin=False)
REPAIRER = User(id="0" * 31 + "2", name="Joris", role=Role.WORKSHOP, has_pin=False)
CLERK = User(id="0" * 31 + "3", name="Mo", role=Role.SHOP, has_pin=False)
BOSS = User(id="0" * 31 + "4", name="Ilse", role=Role.COORDINATOR, has_pin=False)
STAFF = (COACH, REPAIRER, CLERK, BOSS)


@dataclass
class Station:
    """One PC of the site: its file, its own clock and its services."""

    letter: str
    store: Store
    clock: FixedClock

    @property
    def gate(self) -> GateService:
        return GateService(self.store, self.clock, self.letter)

    @property
    def workshop(self) -> WorkshopService:
        return WorkshopService(self.store, self.clock, self.letter)

    @property
    def shop(self) -> ShopService:
        return ShopService(self.store, self.clock, self.letter)

    @property
    def material(self) -> MaterialService:
        return MaterialService(self.store, self.clock, self.letter)

    @property
    def merge(self) -> MergeService:
        return MergeService(self.store)

    def item(self, code: str) -> Item:
        return self.gate.item(code)


def station(folder: Path, letter: str, start: datetime) -> Station:
    """A new station `letter` in `folder`, with the site's staff and defaults."""
    clock = FixedClock(start)
    store, _ = open_or_create(folder / f"station-{letter}.db", clock,
                              site_name="Ambachtscentrum De Waard", station=letter)
    with store.atomic():
        for user in STAFF:
            store.add_user(user, None, start)
        store.name_lists.add("recipients", "Metaalhandel Jansen", 1)
        store.name_lists.add("municipalities", "Zwijndrecht", 1)
    return Station(letter, store, clock)


def batch_from(source: Station, target: Station, limit: int = 100_000) -> SiteBatch:
    """Everything `source` holds that `target` lacks, of every station `source` knows, as
    one batch (each station's events after `target`'s head of it)."""
    parts = []
    for letter in source.store.station_letters():
        head = target.store.merge.head(letter)
        parts.append(source.merge.outgoing(letter, head[0] if head else 0, limit))
    return SiteBatch(
        events=tuple(e for part in parts for e in part.events),
        visits=tuple(v for part in parts for v in part.visits),
        shipments=tuple(s for part in parts for s in part.shipments),
        codes=tuple(c for part in parts for c in part.codes),
    )


def exchange(source: Station, target: Station, limit: int = 100_000) -> MergeOutcome:
    """`target` takes in what `source` has and it lacks."""
    return target.merge.take_in(batch_from(source, target, limit))


def both_ways(one: Station, other: Station) -> None:
    """Each of the two takes in what the other has and it lacks."""
    exchange(one, other)
    exchange(other, one)


def full_exchange(stations: list[Station]) -> None:
    """Every station gets everything: each sends to the first, then the first to each."""
    for other in stations[1:]:
        exchange(other, stations[0])
    for other in stations[1:]:
        exchange(stations[0], other)


def items_of(store: Store) -> dict[str, tuple[object, ...]]:
    """Every item's row (what a person sees of it), by code."""
    return {row[1]: row for row in store.db.execute(
        "SELECT id, code, category, weight_g, weight_estimated, route, station, intake_at, "
        "visit_id, voided, status, origin, price_cents, safety, gate_route, municipality "
        "FROM items ORDER BY code")}


def conflicts_of(store: Store) -> list[tuple[object, ...]]:
    return store.db.execute("SELECT event_id, item_id, cause_id FROM conflicts "
                            "ORDER BY event_id").fetchall()


def report_text(station_: Station, first: date, last: date, now: datetime | None = None) -> str:
    """`ambacht report --format json` of the period, as printed at `now` (the station's
    clock unless given: a period not over counts the stock at that moment)."""
    report = build_report(station_.store, Period(first, last), now or station_.clock.now())
    return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"


def assert_rows_are_replays(store: Store) -> None:
    """Every item row equals the replay of its whole merged history."""
    gate = GateService(store, FixedClock(datetime.now().astimezone()), "A")
    for (code,) in store.db.execute("SELECT code FROM items").fetchall():
        item = gate.item(code)
        assert replay(item, store.events(item.id)) == item, code
