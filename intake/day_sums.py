"""The day-sum cache of the monitoring figures: each local day's flows summed per breakdown
(`db.day_figures`), summed again when an event or visit of that day changes. Reports add the
days up (`intake.monitoring.build_report`) instead of reading every event of a year."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from db import Store
from db.day_figures import scoped
from intake.counting import COUNTING_RULES
from intake.events import MaterialOut, Payload, RepairFinished, Returned, Sold
from intake.model import Category


def refresh_day_figures(
    store: Store, first: date, last: date, categories: list[Category]
) -> None:
    """Bring the database's sums per local day up to date for the days `first` to `last`.

    Days that new events or visits touched since the last refresh are summed again from the
    events, and so is every day not summed before (the first report of a year on a database
    full of history does that work once) or summed in another time zone or with other CO2
    factors. Each day is read and written in its own short transaction that holds the write
    lock (`DayFigures.sum_and_save`): the gate never waits long behind a report, and no
    step or other refresh can come between a day's read and its save.
    """
    zone = store.settings().zone
    factors = {c.code: c.co2_factor for c in categories}
    version = cache_version(zone, factors)
    def overlapped(utc_date: date) -> set[date]:
        return local_days(zone, utc_date)

    store.day_figures.claim_stale_dates(overlapped)
    summed = store.day_figures.summed_days(first, last, version)
    day = first
    while day <= last:
        if day not in summed:
            store.day_figures.sum_and_save(
                day, day - timedelta(days=day.weekday()), version, overlapped,
                lambda day=day: sum_local_day(store, day, zone, factors))  # type: ignore[misc]
        day += timedelta(days=1)


def cache_version(zone: ZoneInfo, factors: dict[str, float]) -> str:
    """What the day sums depend on besides the events: a day summed with another time zone,
    other CO2 factors, older counting rules, without the sums per station or without the
    takings is summed again."""
    return hashlib.sha256(json.dumps(
        [zone.key, sorted(factors.items()), COUNTING_RULES, "per station", "takings"]).encode()
    ).hexdigest()[:16]


def local_days(zone: ZoneInfo, utc_date: date) -> set[date]:
    """The local days a UTC date overlaps."""
    start = datetime.combine(utc_date, time(), UTC)
    return {start.astimezone(zone).date(),
            (start + timedelta(days=1, microseconds=-1)).astimezone(zone).date()}


def sum_local_day(
    store: Store, day: date, zone: ZoneInfo, factors: dict[str, float]
) -> list[tuple[str, str, str, str, int, int, int, int, float]]:
    """One local day's sums made afresh from the events (see `_sum_day`)."""
    start = datetime.combine(day, time(), zone)
    end = datetime.combine(day + timedelta(days=1), time(), zone)
    return _sum_day(store, start, end, factors)


def refresh_recent_days(path: str, today: date, days: int = 731) -> None:
    """Sum the last `days` local days up to `today`, on a connection of its own: the app runs
    this in the background at start (`ui.app`), so that the first dashboard after an upgrade
    or a demo build finds its sums made; on a database in use every day only a few days are
    stale. Reports sum what they need themselves if this never ran."""
    store = Store.open(path)
    try:
        refresh_day_figures(store, today - timedelta(days=days - 1), today,
                            store.categories(include_hidden=True))
    finally:
        store.close()


def _sum_day(
    store: Store, start: datetime, end: datetime, factors: dict[str, float]
) -> list[tuple[str, str, str, str, int, int, int, int, float]]:
    """One day's flows summed per breakdown (dim and key), kind and detail: count, grams,
    money, days since intake and CO2 avoided in grams. Kinds: 'in' (detail: how it came in,
    the route at the gate and whether the weight was measured or estimated), 'visit'
    (detail: 'empty' for a visit none of whose items stands), and the steps after the gate
    (detail: see `_step_detail`). Only gate items count under a route. Each breakdown is
    summed for the whole file and again per station (`db.day_figures.scoped`): an item
    taken in and a visit count for the station that took them in, a step for its own.
    The takings per payment method (`intake.till.takings`) are the breakdown 'method' of
    the same sales and returns: kinds 'sold', 'returned' and 'sales' (the sales they make,
    a sale of several items once)."""
    sums: dict[tuple[str, str, str, str], list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0.0])

    def add(kind: str, detail: str, category: str, municipality: str, route: str | None,
            station: str, values: tuple[float, ...]) -> None:
        keys = [("total", ""), ("municipality", municipality)]
        if kind != "visit":
            keys.append(("category", category))
        if route is not None:
            keys.append(("route", route))
        keys += [(scoped(dim, station), key) for dim, key in keys]
        for dim, key in keys:
            row = sums[(dim, key, kind, detail)]
            for index, value in enumerate(values):
                row[index] += value

    sales: dict[tuple[str, str], set[str]] = defaultdict(set)
    for category, municipality, route, grams, estimated, _, origin, station in (
        store.reports.intake_rows(start, end)
    ):
        weighed = "estimated" if estimated else "measured"
        add("in", f"{origin}:{route or ''}:{weighed}", category, municipality,
            route if origin == "gate" else None, station, (1, grams))
    for municipality, _, with_items, station in store.reports.visit_rows(start, end):
        add("visit", "" if with_items else "empty", "", municipality, None, station, (1,))
    for payload, category, municipality, route, grams, at, intake_at, origin, fixed, station in (
        store.reports.step_rows(start, end)
    ):
        kind = payload.TYPE.value
        detail, money = _step_detail(payload, origin, fixed)
        # CO2 is avoided by what is reused: sold, or sent to a recipient who reuses it (the
        # report counts material's CO2 only for those, `intake.monitoring`).
        co2 = grams * factors.get(category, 0.0) if kind in (
            "sold", "returned", "material_out") else 0.0
        add(kind, detail, category, municipality, route if origin == "gate" else None,
            station, (1, grams, money, (at - intake_at).days, co2))
        if isinstance(payload, Sold | Returned):
            for dim in ("method", scoped("method", station)):
                sums[(dim, payload.method.value, kind, "")][0] += 1
                sums[(dim, payload.method.value, kind, "")][2] += money
                if isinstance(payload, Sold) and payload.sale:
                    # A sale's items share its id and its time, so its day: counted once.
                    sales[(dim, payload.method.value)].add(payload.sale)
                elif isinstance(payload, Sold):  # sold before sales had ids: a sale each
                    sums[(dim, payload.method.value, "sales", "")][0] += 1
    for (dim, method), ids in sales.items():
        sums[(dim, method, "sales", "")][0] += len(ids)
    return [(dim, key, kind, detail, int(count), int(grams), int(money), int(days), co2)
            for (dim, key, kind, detail), (count, grams, money, days, co2) in sums.items()]


def _step_detail(payload: Payload, origin: str, fixed: bool) -> tuple[str, int]:
    """What of a step is counted apart (outcome and barrier; recipient; the rung of a sale:
    a product made here, after a repair made before it, or as it was) and its money."""
    match payload:
        case RepairFinished(status=status, barrier=barrier):
            return f"{status.value}:{barrier.value if barrier else ''}", 0
        case Sold(price_cents=money) | Returned(refund_cents=money):
            return "product" if origin == "repurposed" else "repaired" if fixed else "", money
        case MaterialOut(recipient=recipient):
            return recipient, 0
    return "", 0
