"""A realistic year at the gate, for trying the app and for benchmarks.

Staff and their PINs: coordinator 'Coördinator' 1234, coaches Sanne 1111 and Ahmed 1112,
workshop Joris 2222, store Fatima 3333. The centre serves five municipalities of the WaardeRing
network. The gate is open Tuesday to Saturday, 9:00 to 17:00, busiest on Saturday and in spring
and autumn; a visit brings one to four items. About 30% of weights are the category's standard
weight (estimated), 0.5% of items are undone by the coach within minutes, 1% change route later.

After the gate, items live on as they would: electrical goods get a safety test, the workshop
repairs (fixed, repairable or end of life, with ORDS barriers), the store sells most things
within weeks at around the category's price and takes a few back, planks become tables, and
material leaves each Friday to its recipient on a delivery note. Every step is made with the
same `apply` the services use, so the rows equal a replay of their history.

Records are written in bulk (the same rows the services write), so a year takes a few seconds.
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
from intake.codes import item_code, shipment_code, visit_code
from intake.demo_people import add_demo_people
from intake.demo_repairs import problem_and_brand
from intake.events import (
    Intake,
    MaterialOut,
    Payload,
    RepairFinished,
    RepairStarted,
    Repurposed,
    Returned,
    RouteChanged,
    SafetyTested,
    Sold,
    Voided,
    new_event,
)
from intake.ids import new_id
from intake.lifecycle import apply
from intake.localtime import site_zone
from intake.model import (
    Barrier,
    Category,
    Event,
    Item,
    Origin,
    PaymentMethod,
    RepairStatus,
    Role,
    Route,
    Status,
    User,
    Visit,
)

STAFF = (("Sanne", Role.COACH, "1111"), ("Ahmed", Role.COACH, "1112"),
         ("Joris", Role.WORKSHOP, "2222"), ("Fatima", Role.SHOP, "3333"))
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
RECIPIENTS = {  # material stream -> who takes it
    "metal": "Metaalrecycling Oost", "eee_small": "Metaalrecycling Oost",
    "eee_large": "Metaalrecycling Oost", "computers": "Metaalrecycling Oost",
    "lamps": "Metaalrecycling Oost", "bicycles": "Metaalrecycling Oost",
    "wood": "Houtwerkplaats Deltion College", "furniture": "Houtwerkplaats Deltion College",
    "textiles": "Textielsortering Wieland",
}
OTHER_RECIPIENT = "Afvalscheiding Milieustraat"
# The school's woodwork class makes things of the wood; the rest goes to the containers.
RECIPIENT_KINDS = {"Houtwerkplaats Deltion College": "reuse", OTHER_RECIPIENT: "residual"}
SHIPMENT_WEEKDAY = 4  # Friday
# Median days from 'ready for sale' to sold, per category: what sells fastest.
DAYS_TO_SALE = {"bicycles": 4, "furniture": 8, "eee_small": 6, "computers": 5, "lamps": 10,
                "toys": 9, "household": 12, "books": 20, "textiles": 14, "eee_large": 7}
# Numbers for the police register, from the item's number (no random draw): a frame number,
# an IMEI-like number.
DEMO_SERIALS = {"bicycles": "WBK{:07d}", "computers": "35{:013d}"}
SEVERAL_PRODUCTS = ("Laptop", "Mobile", "Desktop computer", "Tablet")
RETURN_REASONS = ("Werkt niet", "Past niet", "Bedacht zich")
DEMO_TARGETS = {"kg_collected": 100_000, "kg_reused": 55_000, "items_repaired": 2_200,
                "reuse_rate": 58}


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
        store.name_lists.add("municipalities", name, order)
    categories = {c.code: c for c in store.categories()}
    mix = [(code, share, routes) for code, (share, routes) in MIX.items() if code in categories]

    visits: list[Visit] = []
    items: list[Item] = []
    events: list[Event] = []
    voided = changed = 0
    last_gate_step: list[datetime] = []
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
                last_gate_step.append(correction.at if correction else at)
    life = _AfterTheGate(rng, zone, end, station, categories, staff["Joris"], staff["Fatima"],
                         coaches[0], len(items) + 1)
    items = [life.live(item, at) for item, at in zip(items, last_gate_step, strict=True)]
    items = [life.final.get(item.id, item) for item in items] + life.products
    events += life.events
    for order, name in enumerate(sorted({*RECIPIENTS.values(), OTHER_RECIPIENT}), start=1):
        store.name_lists.add("recipients", name, order)
        store.name_lists.set_recipient_kind(name, RECIPIENT_KINDS.get(name, "recycling"))
    # The first three months were the baseline (nulmeting); this year has targets.
    store.set_setting("baseline_from", first_day.isoformat())
    store.set_setting("baseline_to", (first_day + timedelta(days=90)).isoformat())
    for kind, value in DEMO_TARGETS.items():
        scaled = value if kind == "reuse_rate" else round(value * scale)
        store.set_setting(f"target.{end.astimezone(zone).year}.{kind}", str(scaled))
    store.bulk_insert(station, visits, items, events, next_item_seq=life.next_seq,
                      next_visit_seq=len(visits) + 1, shipments=life.shipments)
    open_days = [first_day + timedelta(days=n) for n in range(days)
                 if (first_day + timedelta(days=n)).weekday() in OPEN_WEEKDAYS
                 and first_day + timedelta(days=n) < end.astimezone(zone).date()]
    add_demo_people(store, staff, coordinator, station, open_days, zone, seed)
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
    intake = new_event(
        Intake(category=code, route=route, weight_g=weight, weight_estimated=estimated,
               visit=visit.code, serial=DEMO_SERIALS[code].format(seq) if code in DEMO_SERIALS
               else None),
        id=new_id(), item_id=item.id, at=at, recorded_at=at, station=station, user_id=coach.id,
    )
    return item, intake


def _weight(rng: random.Random, category: Category) -> int:
    grams = round(category.standard_weight_g * rng.lognormvariate(0, 0.45) / 10) * 10
    low = category.min_weight_g or 10
    high = category.max_weight_g or 1_000_000
    return max(low, min(high, grams))


def _void(rng: random.Random, item: Item, coach: User, at: datetime) -> tuple[Item, Event]:
    moment = at + timedelta(minutes=rng.randint(1, 10))
    return replace(item, voided=True), new_event(
        Voided(), id=new_id(), item_id=item.id, at=moment, recorded_at=moment,
        station=item.station, user_id=coach.id, reason=rng.choice(VOID_REASONS),
    )


def _reroute(rng: random.Random, item: Item, user: User, at: datetime) -> tuple[Item, Event]:
    moment = at + timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 5))
    new_route = rng.choice([route for route in Route if route is not item.route])
    return replace(item, route=new_route), new_event(
        RouteChanged(item.route, new_route), id=new_id(), item_id=item.id, at=moment,
        recorded_at=moment, station=item.station, user_id=user.id,
        reason=ROUTE_REASONS[item.route],
    )


class _AfterTheGate:
    """What happens to items after the gate, step by step, up to the demo's end."""

    def __init__(
        self, rng: random.Random, zone: ZoneInfo, end: datetime, station: str,
        categories: dict[str, Category], repairer: User, clerk: User, coach: User,
        next_seq: int,
    ) -> None:
        self.rng, self.zone, self.end, self.station = rng, zone, end, station
        self.categories, self.repairer, self.clerk, self.coach = (
            categories, repairer, clerk, coach)
        self.next_seq = next_seq
        self.events: list[Event] = []
        self.products: list[Item] = []
        self.shipments: list[tuple[str, str, datetime, str, str]] = []
        self._open_shipments: dict[tuple[str, datetime], str] = {}
        self._planks: list[tuple[Item, datetime]] = []
        self.final: dict[str, Item] = {}  # items whose state changed after `live` returned

    def live(self, item: Item, at: datetime) -> Item:
        """The item after its later life, from its last gate step `at`; its events are
        collected in `self.events`. Items used up later are in `self.final`."""
        if item.voided:
            return item
        rng, category = self.rng, self.categories[item.category]
        if item.route is Route.REPAIR:
            item, at = self._repair(item, at)
        if item.route is Route.SALE and category.is_electrical and item.safety is None:
            item, at = self._step(item, at, rng.uniform(1, 5), self.repairer,
                                  SafetyTested("pass" if rng.random() < 0.93 else "fail"))
        if item.status is Status.IN_STOCK and item.route is Route.SALE:
            item, at = self._sell(item, at)
        if item.status is Status.IN_STOCK and item.route is Route.MATERIAL:
            if item.category == "wood" and rng.random() < 0.15:
                self._planks.append((item, at))
                if len(self._planks) >= 3:
                    self._repurpose()
                return item  # on the pile until three planks make a table
            item, at = self._ship(item, at)
        return item

    def _repair(self, item: Item, at: datetime) -> tuple[Item, datetime]:
        rng, category = self.rng, self.categories[item.category]
        item, at = self._step(item, at, rng.uniform(1, 10), self.repairer,
                              RepairStarted(from_route=item.route))
        if item.status is not Status.IN_REPAIR:
            return item, at
        outcome = rng.choices(list(RepairStatus), (60, 10, 30))[0]
        if outcome is RepairStatus.FIXED and category.is_electrical:
            item, at = self._step(item, at, rng.uniform(0, 2), self.repairer,
                                  SafetyTested("pass" if rng.random() < 0.95 else "fail"))
        barrier = rng.choices(list(Barrier), (30, 20, 10, 10, 5, 25))[0]
        price = self._price(category) if outcome is RepairStatus.FIXED else None
        # The draws in the order the demo always made them, so a seed gives the same year.
        problem, brand = problem_and_brand(rng, category)
        year = rng.randint(1995, self.end.year) if rng.random() < 0.4 else None
        if year is not None:  # never made after the repair
            year = min(year, at.year)
        # A category of several products (computers and phones) names one per repair; taken
        # from the code, so that the random draws stay as they were.
        product = category.ords_category or SEVERAL_PRODUCTS[int(item.code[1:]) % 4]
        finished = RepairFinished(
            outcome, barrier=barrier if outcome is RepairStatus.END_OF_LIFE else None,
            problem=problem, brand=brand, year=year,
            minutes=rng.choice((15, 20, 30, 45, 60, 90, 120)),
            ords_category=product if category.is_electrical else "", price_cents=price,
        )
        return self._step(item, at, rng.uniform(0, 3), self.repairer, finished)

    def _sell(self, item: Item, at: datetime) -> tuple[Item, datetime]:
        rng = self.rng
        if rng.random() > 0.85:
            return item, at  # still in the shop
        median = DAYS_TO_SALE.get(item.category, 12)
        price = item.price_cents or self._price(self.categories[item.category])
        # Small amounts in cash, larger ones by pin (no draw: the demo's history stays as it was).
        method = PaymentMethod.CASH if price < 2000 else PaymentMethod.PIN
        item, at = self._step(item, at, median * rng.lognormvariate(0, 0.6), self.clerk,
                              Sold(price, new_id(), method))
        if item.status is Status.SOLD and rng.random() < 0.03:
            item, at = self._step(item, at, rng.uniform(1, 14), self.clerk,
                                  Returned(price, method=method),
                                  reason=rng.choice(RETURN_REASONS))
            if item.status is Status.IN_STOCK:
                item, at = self._step(item, at, median * rng.lognormvariate(0, 0.6),
                                      self.clerk, Sold(price, new_id(), method))
        return item, at

    def _ship(self, item: Item, at: datetime) -> tuple[Item, datetime]:
        # Material leaves on the first Friday after it came free, at 15:00.
        local = at.astimezone(self.zone)
        days = (SHIPMENT_WEEKDAY - local.weekday()) % 7 or 7
        moment = datetime.combine(local.date() + timedelta(days=days), time(15, 0), self.zone)
        if moment >= self.end:
            return item, at
        recipient = RECIPIENTS.get(item.category, OTHER_RECIPIENT)
        code = self._open_shipments.get((recipient, moment))
        if code is None:
            code = shipment_code(self.station, len(self.shipments) + 1)
            self._open_shipments[(recipient, moment)] = code
            self.shipments.append((code, recipient, moment, self.station, self.coach.id))
        return self._event(item, moment, self.coach, MaterialOut(code, recipient)), moment

    def _repurpose(self) -> None:
        """Three planks become a table in the workshop."""
        planks, self._planks = self._planks, []
        at = self._open_time(max(at for _, at in planks) + timedelta(days=self.rng.uniform(2, 9)))
        if at >= self.end:
            return
        code = item_code(self.station, self.next_seq)
        self.next_seq += 1
        furniture = self.categories["furniture"]
        product = Item(
            id=new_id(), code=code, category=furniture.code,
            # Sawing and sanding leave offcuts: the table weighs less than its planks.
            weight_g=sum(p.weight_g for p, _ in planks) * 85 // 100, weight_estimated=False,
            route=Route.SALE, station=self.station, intake_at=at, origin=Origin.REPURPOSED,
            price_cents=self._price(furniture) * 2,
        )
        self.events.append(new_event(
            Intake(category=product.category, route=Route.SALE, weight_g=product.weight_g,
                   origin=Origin.REPURPOSED, price_cents=product.price_cents,
                   made_from=tuple(p.code for p, _ in planks)),
            id=new_id(), item_id=product.id, at=at, recorded_at=at, station=self.station,
            user_id=self.repairer.id,
        ))
        for plank, _ in planks:
            self.final[plank.id] = self._event(plank, at, self.repairer, Repurposed(code))
        sold, _ = self._sell(product, at)
        self.products.append(sold)

    def _price(self, category: Category) -> int:
        usual = category.price_cents or 200
        return max(50, round(usual * self.rng.uniform(0.6, 1.6) / 50) * 50)

    def _step(
        self, item: Item, at: datetime, days: float, user: User, payload: Payload,
        reason: str | None = None,
    ) -> tuple[Item, datetime]:
        """`kind` happens `days` after `at`, in opening hours, unless that is past the end."""
        moment = self._open_time(at + timedelta(days=days))
        if moment >= self.end:
            return item, at
        return self._event(item, moment, user, payload, reason), moment

    def _event(
        self, item: Item, at: datetime, user: User, payload: Payload, reason: str | None = None,
    ) -> Item:
        event = new_event(payload, id=new_id(), item_id=item.id, at=at, recorded_at=at,
                          station=self.station, user_id=user.id, reason=reason)
        self.events.append(event)
        return apply(item, event)

    def _open_time(self, moment: datetime) -> datetime:
        """The same moment if the centre is open then, else the next opening hour."""
        local = moment.astimezone(self.zone)
        if local.hour >= 17:
            local = datetime.combine(local.date() + timedelta(days=1), time(9, 30), self.zone)
        elif local.hour < 9:
            local = datetime.combine(local.date(), time(9, 30), self.zone)
        while local.weekday() not in OPEN_WEEKDAYS:
            local = datetime.combine(local.date() + timedelta(days=1), time(9, 30), self.zone)
        return local.astimezone(moment.tzinfo)
