"""A realistic year at the gate, for trying the app and for benchmarks.

Staff and their PINs: coordinator 'Coördinator' 1234, coaches Sanne 1111 and Ahmed 1112,
workshop Joris 2222, store Fatima 3333. The centre serves five municipalities of the WaardeRing
network. The gate is open Tuesday to Saturday, 9:00 to 17:00, busiest on Saturday and in spring
and autumn; a visit brings one to four items. About 30% of weights are the category's standard
weight (estimated), 0.5% of items are undone by the coach within minutes, 1% change route later.

Records are written in bulk (the same rows the gate writes), so a year takes a few seconds.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from db import Store
from intake.auth import AuthService
from intake.clock import FixedClock
from intake.codes import item_code, visit_code
from intake.ids import new_id
from intake.localtime import site_zone
from intake.model import Category, Event, EventType, Item, Role, Route, User, Visit

STAFF = (("Sanne", Role.COACH, "1111"), ("Ahmed", Role.COACH, "1112"),
         ("Joris", Role.WORKSHOP, "2222"), ("Fatima", Role.STORE, "3333"))
COORDINATOR_PIN = "1234"
SITE_NAME = "Ambachtscentrum WaardeRing Zwolle"
MUNICIPALITIES = (("Zwolle", 62), ("Kampen", 12), ("Dalfsen", 9), ("Zwartewaterland", 9),
                  ("Hattem", 8))
# category: (share of items, chance of sale / repair / material at the gate)
MIX: dict[str, tuple[float, tuple[float, float, float]]] = {
    "household": (24, (0.85, 0.03, 0.12)), "books": (16, (0.9, 0.0, 0.1)),
    "textiles": (14, (0.75, 0.05, 0.2)), "toys": (10, (0.8, 0.1, 0.1)),
    "furniture": (9, (0.6, 0.3, 0.1)), "eee_small": (7, (0.35, 0.5, 0.15)),
    "lamps": (5, (0.5, 0.4, 0.1)), "bicycles": (4, (0.3, 0.6, 0.1)),
    "computers": (3, (0.2, 0.5, 0.3)), "wood": (4, (0.1, 0.1, 0.8)),
    "metal": (3, (0.05, 0.05, 0.9)), "eee_large": (1, (0.3, 0.4, 0.3)),
}
VOID_REASONS = ("Verkeerde categorie", "Dubbel ingevoerd", "Bewoner nam het weer mee",
                "Verkeerd gewicht")
ROUTE_REASONS = {Route.SALE: "Bleek kapot bij het testen", Route.REPAIR: "Toch niet te repareren",
                 Route.MATERIAL: "Toch verkoopbaar"}
OPEN_WEEKDAYS = {1, 2, 3, 4, 5}  # Tuesday to Saturday


@dataclass(frozen=True)
class DemoSummary:
    """What `build_demo` wrote."""

    items: int
    visits: int
    voided: int
    route_changes: int
    pins: dict[str, str]


def build_demo(
    store: Store, *, end: datetime, days: int = 365, seed: int = 7, scale: float = 1.0
) -> DemoSummary:
    """Fill an initialised, empty database with `days` of gate activity up to `end`.

    `scale` multiplies the number of visits (about 30,000 items a year at 1.0).
    """
    rng = random.Random(seed)
    zone = site_zone(store.settings())
    station = store.settings()["station"]
    auth = AuthService(store, FixedClock(end))
    coordinator = auth.set_first_pin(COORDINATOR_PIN)
    staff = {name: auth.add_user(coordinator, name, role, pin) for name, role, pin in STAFF}
    coaches = [user for user in staff.values() if user.role is Role.COACH]
    store.set_setting("site_name", SITE_NAME)
    for order, (name, _) in enumerate(MUNICIPALITIES, start=1):
        store.add_name("municipalities", name, order)
    categories = {c.code: c for c in store.categories()}
    mix = [(code, share, routes) for code, (share, routes) in MIX.items() if code in categories]

    visits: list[Visit] = []
    items: list[Item] = []
    events: list[Event] = []
    voided = changed = 0
    first_day = end.astimezone(zone).date() - timedelta(days=days - 1)
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if day.weekday() not in OPEN_WEEKDAYS:
            continue
        for start in _visit_times(rng, day, zone, scale, end):
            coach = rng.choice(coaches)
            visit = Visit(
                id=new_id(), code=visit_code(station, len(visits) + 1), station=station,
                user_id=coach.id, started_at=start,
                municipality=_pick_municipality(rng), ended_at=start + timedelta(minutes=4),
            )
            visits.append(visit)
            for n in range(rng.choices((1, 2, 3, 4), (45, 30, 15, 10))[0]):
                at = start + timedelta(seconds=20 + 25 * n + rng.randint(0, 15))
                item, intake = _item(rng, mix, categories, station, len(items) + 1, visit,
                                     coach, at)
                events.append(intake)
                if rng.random() < 0.005:
                    item, correction = _void(rng, item, coach, at)
                    voided += 1
                elif rng.random() < 0.01 and at + timedelta(days=3) < end:
                    item, correction = _reroute(rng, item, coordinator, at)
                    changed += 1
                else:
                    correction = None
                if correction is not None:
                    events.append(correction)
                items.append(item)
    store.bulk_insert(station, visits, items, events, next_item_seq=len(items) + 1,
                      next_visit_seq=len(visits) + 1)
    pins = {coordinator.name: COORDINATOR_PIN, **{name: pin for name, _, pin in STAFF}}
    return DemoSummary(len(items), len(visits), voided, changed, pins)


def _visit_times(
    rng: random.Random, day: date, zone: ZoneInfo, scale: float, end: datetime
) -> list[datetime]:
    # Busier in spring and autumn (clear-outs), quieter in midwinter, busiest on Saturday.
    season = 1 + 0.25 * math.cos((day.timetuple().tm_yday - 110) / 365 * 4 * math.pi)
    mean = 42 * season * (1.5 if day.weekday() == 5 else 1.0) * scale
    count = max(0, round(rng.gauss(mean, mean * 0.15)))
    opening = datetime.combine(day, time(9, 0), zone)
    times = sorted(opening + timedelta(seconds=rng.randint(0, 8 * 3600 - 300))
                   for _ in range(count))
    return [moment for moment in times if moment + timedelta(minutes=5) < end]


def _pick_municipality(rng: random.Random) -> str | None:
    if rng.random() < 0.2:
        return None
    return rng.choices([name for name, _ in MUNICIPALITIES],
                       [share for _, share in MUNICIPALITIES])[0]


def _item(
    rng: random.Random, mix: list[tuple[str, float, tuple[float, float, float]]],
    categories: dict[str, Category], station: str, seq: int, visit: Visit, coach: User,
    at: datetime,
) -> tuple[Item, Event]:
    code, _, route_odds = rng.choices(mix, [share for _, share, _ in mix])[0]
    category = categories[code]
    route = rng.choices(list(Route), route_odds)[0]
    estimated = rng.random() < 0.3
    weight = category.standard_weight_g if estimated else _weight(rng, category)
    item = Item(
        id=new_id(), code=item_code(station, seq), category=code, weight_g=weight,
        weight_estimated=estimated, route=route, station=station, intake_at=at,
        visit_id=visit.id,
    )
    intake = Event(
        id=new_id(), item_id=item.id, type=EventType.INTAKE, at=at, recorded_at=at,
        station=station, user_id=coach.id,
        data={"category": code, "route": route.value, "weight_g": weight,
              "weight_estimated": estimated, "visit": visit.code},
    )
    return item, intake


def _weight(rng: random.Random, category: Category) -> int:
    grams = round(category.standard_weight_g * rng.lognormvariate(0, 0.45) / 10) * 10
    low = category.min_weight_g or 10
    high = category.max_weight_g or 1_000_000
    return max(low, min(high, grams))


def _void(rng: random.Random, item: Item, coach: User, at: datetime) -> tuple[Item, Event]:
    moment = at + timedelta(minutes=rng.randint(1, 10))
    return replace(item, voided=True), Event(
        id=new_id(), item_id=item.id, type=EventType.VOIDED, at=moment, recorded_at=moment,
        station=item.station, user_id=coach.id, reason=rng.choice(VOID_REASONS), data={},
    )


def _reroute(rng: random.Random, item: Item, user: User, at: datetime) -> tuple[Item, Event]:
    moment = at + timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 5))
    new_route = rng.choice([route for route in Route if route is not item.route])
    return replace(item, route=new_route), Event(
        id=new_id(), item_id=item.id, type=EventType.ROUTE_CHANGED, at=moment,
        recorded_at=moment, station=item.station, user_id=user.id,
        reason=ROUTE_REASONS[item.route], data={"from": item.route.value, "to": new_route.value},
    )
