"""The figures a centre reports: what came in, where it went, what it brought, per period.

Everything is counted from the item events (never typed in twice), for local calendar days,
both ends included. Voided items count nowhere; a step cancelled by a correction counts
nowhere; a return takes its sale back (items, kg and revenue are net of returns).

- in: items taken in at the gate or labelled in the store (not products made here, not
  weighed-out batches), their kg (measured and estimated apart), and visits;
- routed at the gate: the route each item got at intake;
- repaired: repair outcomes (fixed, repairable, end of life) with their ORDS barriers;
- out: sold (items, kg, revenue; kg as is and after a repair), repurposed (products made; kg
  of the material they used), material out (items, kg, per recipient): the R-ladder's rungs;
- reuse rate = kg sold / kg in; environmental yield (*milieurendement*) = kg reused as a
  product or as material (sold + repurposed + material out) / kg in;
- CO2 avoided = kg sold x the category's factor (the factors and their sources are listed);
- demand: the mean days from intake to sale per category (what sells fastest);
- stock: the items at the centre at the period's end (or now), their kg and age.
Each item counts under its category, its route at the gate and its visit's municipality.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from db import Store
from intake.errors import QT_TRANSLATE_NOOP, ValidationError
from intake.localtime import site_zone
from intake.model import Category
from intake.text import spreadsheet_safe

log = logging.getLogger(__name__)
UNKNOWN_MUNICIPALITY = ""  # visits without a municipality, and items without a visit
# Yearly targets the coordinator may set, and how a report's figures are held against them.
TARGET_KINDS = ("kg_collected", "kg_reused", "items_repaired", "reuse_rate")


@dataclass(frozen=True)
class Period:
    """Local calendar days `first` to `last`, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The period ends before it starts.")
            )

    def year_earlier(self) -> Period:
        """The same days a year before (29 February becomes the 28th)."""
        def shift(day: date) -> date:
            return day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else 31))
        return Period(shift(self.first), shift(self.last))

    def span(self, store: Store) -> tuple[datetime, datetime]:
        """UTC start (midnight of the first day) and end (midnight after the last day)."""
        zone = site_zone(store.settings())
        start = datetime.combine(self.first, time(), zone)
        end = datetime.combine(self.last + timedelta(days=1), time(), zone)
        return start, end


@dataclass
class Figures:
    """The counts of one group: the total, a category, a route or a municipality."""

    items_in: int = 0
    grams_in: int = 0
    grams_in_measured: int = 0
    grams_in_estimated: int = 0
    visits: int = 0
    items_to_sale: int = 0
    items_to_repair: int = 0
    items_to_material: int = 0
    repair_attempts: int = 0
    items_repaired: int = 0  # ORDS 'fixed'
    items_repairable: int = 0
    items_end_of_life: int = 0
    barriers: Counter[str] = field(default_factory=Counter)
    items_sold: int = 0
    grams_sold: int = 0
    grams_sold_repaired: int = 0  # of which the item had been fixed in the workshop
    revenue_cents: int = 0
    items_returned: int = 0
    products_made: int = 0
    grams_repurposed: int = 0  # material used up in new products
    items_material_out: int = 0
    grams_material_out: int = 0
    material_by_recipient: Counter[str] = field(default_factory=Counter)
    co2_avoided_g: float = 0.0
    sale_days: int = 0  # days from intake to sale, summed over every sale
    sales_timed: int = 0  # the sales in that sum (a return does not undo the wait)
    items_in_stock: int = 0  # at the end of the period
    grams_in_stock: int = 0
    stock_days: int = 0  # their ages in days, summed
    stock_over_90_days: int = 0

    @property
    def reuse_rate(self) -> float | None:
        return self.grams_sold / self.grams_in if self.grams_in else None

    @property
    def environmental_yield(self) -> float | None:
        reused = self.grams_sold + self.grams_repurposed + self.grams_material_out
        return reused / self.grams_in if self.grams_in else None

    @property
    def days_to_sale(self) -> float | None:
        """How long a sold item waited on average: what sells fastest has the lowest."""
        return self.sale_days / self.sales_timed if self.sales_timed else None

    @property
    def stock_age_days(self) -> float | None:
        return self.stock_days / self.items_in_stock if self.items_in_stock else None

    @property
    def repair_rate(self) -> float | None:
        return self.items_repaired / self.repair_attempts if self.repair_attempts else None


@dataclass
class Report:
    """The figures of one period, in total and broken down."""

    period: Period
    site: str
    total: Figures
    by_category: dict[str, Figures]
    by_route: dict[str, Figures]
    by_municipality: dict[str, Figures]
    by_week: dict[date, Figures]  # keyed by the Monday of each local week
    categories: list[Category]  # for names and CO2 factors and their sources


def build_report(store: Store, period: Period, now: datetime | None = None) -> Report:
    """Count everything for `period` from the database; the stock is counted at the period's
    end, or at `now` (default: the clock on the wall) for a period that is not over yet.

    The flows are read from sums per local day and breakdown (`refresh_day_figures`), which
    SQL adds up to a few hundred rows however many items the period saw; only the stock is
    counted item by item.
    """
    categories = store.categories(include_hidden=True)
    refresh_day_figures(store, period.first, period.last, categories)
    total = Figures()
    groups: dict[str, dict[str, Figures]] = {
        "category": defaultdict(Figures), "route": defaultdict(Figures),
        "municipality": defaultdict(Figures)}
    for dim, key, kind, detail, *sums in store.day_figures.period(period.first, period.last):
        _count(total if dim == "total" else groups[dim][key], kind, detail, sums)
    by_week: dict[date, Figures] = defaultdict(Figures)
    for week, kind, detail, *sums in store.day_figures.weeks(period.first, period.last):
        _count(by_week[week], kind, detail, sums)
    start, end = period.span(store)
    moment = min(end, max(start, now or datetime.now(UTC)))
    for category, items, grams, days, old in store.reports.stock_by_category(moment):
        for figures in (total, groups["category"][category]):
            figures.items_in_stock += items
            figures.grams_in_stock += grams
            figures.stock_days += days
            figures.stock_over_90_days += old
    return Report(
        period=period, site=store.settings().get("site_name", ""), total=total,
        by_category=dict(groups["category"]), by_route=dict(groups["route"]),
        by_municipality=dict(groups["municipality"]), by_week=dict(sorted(by_week.items())),
        categories=categories,
    )


def refresh_day_figures(
    store: Store, first: date, last: date, categories: list[Category]
) -> None:
    """Bring the database's sums per local day up to date for the days `first` to `last`.

    Days that new events or visits touched since the last refresh are summed again from the
    events, and so is every day not summed before (the first report of a year on a database
    full of history does that work once) or summed in another time zone or with other CO2
    factors. Each day is written in its own short transaction, so the gate never waits long
    behind a report.
    """
    zone = site_zone(store.settings())
    factors = {c.code: c.co2_factor for c in categories}
    version = hashlib.sha256(
        json.dumps([zone.key, sorted(factors.items())]).encode()).hexdigest()[:16]

    def local_days(utc_date: date) -> set[date]:
        start = datetime.combine(utc_date, time(), UTC)
        return {start.astimezone(zone).date(),
                (start + timedelta(days=1, microseconds=-1)).astimezone(zone).date()}

    store.day_figures.claim_stale_dates(local_days)
    summed = store.day_figures.summed_days(first, last, version)
    day = first
    while day <= last:
        if day not in summed:
            start = datetime.combine(day, time(), zone)
            end = datetime.combine(day + timedelta(days=1), time(), zone)
            store.day_figures.save(day, day - timedelta(days=day.weekday()), version,
                                   _sum_day(store, start, end, factors))
        day += timedelta(days=1)


def refresh_in_background(path: str, today: date, days: int = 731) -> threading.Thread:
    """Sum the last `days` local days up to `today` on a connection of its own, in a thread.

    The app starts this while the first screen waits for a PIN, so that the first dashboard
    after an upgrade or a demo build finds its sums made; on a database that is in use every
    day, only a few days are stale. Failures are logged and change nothing: reports sum what
    they need themselves.
    """
    def work() -> None:
        try:
            store = Store.open(path)
            try:
                refresh_day_figures(store, today - timedelta(days=days - 1), today,
                                    store.categories(include_hidden=True))
            finally:
                store.close()
        except Exception:  # a report will sum the days itself; the app goes on
            log.exception("summing days in the background failed")

    thread = threading.Thread(target=work, name="day-sums", daemon=True)
    thread.start()
    return thread


def _sum_day(
    store: Store, start: datetime, end: datetime, factors: dict[str, float]
) -> list[tuple[str, str, str, str, int, int, int, int, float]]:
    """One day's flows summed per breakdown (dim and key), kind and detail: count, grams,
    money, days since intake and CO2 avoided in grams. Kinds: 'in' (detail: the route at the
    gate and whether the weight was measured or estimated), 'visit', and the steps after the
    gate (detail: see `_step_detail`)."""
    sums: dict[tuple[str, str, str, str], list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0.0])

    def add(kind: str, detail: str, category: str, municipality: str, route: str,
            values: tuple[float, ...]) -> None:
        keys = [("total", ""), ("municipality", municipality)]
        if kind != "visit":
            keys += [("category", category), ("route", route)]
        for dim, key in keys:
            row = sums[(dim, key, kind, detail)]
            for index, value in enumerate(values):
                row[index] += value

    for category, municipality, route, grams, estimated, _ in store.reports.intake_rows(start, end):
        weighed = "estimated" if estimated else "measured"
        add("in", f"{route}:{weighed}", category, municipality, route, (1, grams))
    for municipality, _ in store.reports.visit_rows(start, end):
        add("visit", "", "", municipality, "", (1,))
    for kind, data, category, municipality, route, grams, at, intake_at, fixed in (
        store.reports.step_rows(start, end)
    ):
        detail, money = _step_detail(kind, data, fixed)
        co2 = grams * factors.get(category, 0.0) if kind in ("sold", "returned") else 0.0
        add(kind, detail, category, municipality, route,
            (1, grams, money, (at - intake_at).days, co2))
    return [(dim, key, kind, detail, int(count), int(grams), int(money), int(days), co2)
            for (dim, key, kind, detail), (count, grams, money, days, co2) in sums.items()]


def _step_detail(kind: str, data: dict[str, object], fixed: bool) -> tuple[str, int]:
    """What of a step is counted apart (outcome and barrier; recipient; whether a sold item
    had been repaired) and its money."""
    if kind == "repair_finished":
        return f"{data['status']}:{data.get('barrier') or ''}", 0
    if kind == "sold":
        return "repaired" if fixed else "", int(str(data["price_cents"]))
    if kind == "returned":
        return "repaired" if fixed else "", int(str(data["refund_cents"]))
    if kind == "material_out":
        return str(data["recipient"]), 0
    return "", 0


def _count(figures: Figures, kind: str, detail: str, sums: list[Any]) -> None:
    """Add one row of sums (count, grams, money, days since intake, CO2 in grams)."""
    count, grams, money, days, co2_g = sums
    if kind == "in":
        route, _, weighed = detail.partition(":")
        figures.items_in += count
        figures.grams_in += grams
        if weighed == "estimated":
            figures.grams_in_estimated += grams
        else:
            figures.grams_in_measured += grams
        setattr(figures, f"items_to_{route}", getattr(figures, f"items_to_{route}") + count)
    elif kind == "visit":
        figures.visits += count
    elif kind == "repair_finished":
        status, _, barrier = detail.partition(":")
        figures.repair_attempts += count
        if status == "fixed":
            figures.items_repaired += count
        elif status == "repairable":
            figures.items_repairable += count
        else:
            figures.items_end_of_life += count
            if barrier:
                figures.barriers[barrier] += count
    elif kind in ("sold", "returned"):
        sign = 1 if kind == "sold" else -1
        figures.items_sold += sign * count
        figures.grams_sold += sign * grams
        figures.revenue_cents += sign * money
        figures.co2_avoided_g += sign * co2_g
        if detail == "repaired":
            figures.grams_sold_repaired += sign * grams
        if kind == "sold":
            figures.sale_days += days
            figures.sales_timed += count
        if kind == "returned":
            figures.items_returned += count
    elif kind == "material_out":
        figures.items_material_out += count
        figures.grams_material_out += grams
        figures.material_by_recipient[detail] += grams
    elif kind == "repurposed":
        figures.grams_repurposed += grams
    elif kind == "intake":  # a product made from material items
        figures.products_made += count


def figures_json(figures: Figures) -> dict[str, object]:
    """A group's figures with kg and euros, as the JSON and CSV exports give them."""
    return {
        "items_in": figures.items_in,
        "kg_in": _kg(figures.grams_in),
        "kg_in_measured": _kg(figures.grams_in_measured),
        "kg_in_estimated": _kg(figures.grams_in_estimated),
        "visits": figures.visits,
        "items_to_sale": figures.items_to_sale,
        "items_to_repair": figures.items_to_repair,
        "items_to_material": figures.items_to_material,
        "repair_attempts": figures.repair_attempts,
        "items_repaired": figures.items_repaired,
        "items_repairable": figures.items_repairable,
        "items_end_of_life": figures.items_end_of_life,
        "repair_rate": _ratio(figures.repair_rate),
        "barriers": dict(sorted(figures.barriers.items())),
        "items_sold": figures.items_sold,
        "kg_sold": _kg(figures.grams_sold),
        "kg_sold_as_is": _kg(figures.grams_sold - figures.grams_sold_repaired),
        "kg_sold_after_repair": _kg(figures.grams_sold_repaired),
        "revenue_eur": figures.revenue_cents / 100,
        "items_returned": figures.items_returned,
        "products_made": figures.products_made,
        "kg_repurposed": _kg(figures.grams_repurposed),
        "items_material_out": figures.items_material_out,
        "kg_material_out": _kg(figures.grams_material_out),
        "kg_material_by_recipient": {
            name: _kg(grams) for name, grams in sorted(figures.material_by_recipient.items())
        },
        "reuse_rate": _ratio(figures.reuse_rate),
        "environmental_yield": _ratio(figures.environmental_yield),
        "co2_avoided_kg": round(figures.co2_avoided_g / 1000, 3),
        "days_to_sale": None if figures.days_to_sale is None else round(figures.days_to_sale, 1),
        "items_in_stock": figures.items_in_stock,
        "kg_in_stock": _kg(figures.grams_in_stock),
        "stock_age_days": None if figures.stock_age_days is None else round(
            figures.stock_age_days, 1),
        "items_in_stock_over_90_days": figures.stock_over_90_days,
    }


def report_json(
    report: Report, baseline: Report | None = None, year_before: Report | None = None,
    targets: TargetProgress | None = None,
) -> dict[str, object]:
    """The report as the `ambacht report --format json` command prints it, beside the
    baseline and the same period a year earlier when they are given, and with the progress
    to the year's targets when they are set."""
    data = _one_json(report)
    data["baseline"] = None
    data["targets"] = None if targets is None else {
        "year": targets.year, "by": targets.by.isoformat(),
        "progress": [{"target": kind, "reached": round(reached, 3), "goal": goal}
                     for kind, reached, goal in targets.rows],
    }
    for key, other in (("baseline", baseline), ("year_earlier", year_before)):
        if other is None:
            continue
        data[key] = _one_json(other)
        data[f"change_vs_{key}_pct"] = {
            name: _change(value, data[key]["totals"][name])  # type: ignore[index]
            for name, value in data["totals"].items()  # type: ignore[attr-defined]
            if isinstance(value, (int, float)) and not isinstance(value, bool)
        }
    return data


def _one_json(report: Report) -> dict[str, object]:
    names = {c.code: c for c in report.categories}
    return {
        "site": report.site,
        "period": {"from": report.period.first.isoformat(), "to": report.period.last.isoformat()},
        "totals": figures_json(report.total),
        "by_category": [
            {"category": code, "name_nl": names[code].name_nl if code in names else code,
             "name_en": names[code].name_en if code in names else code,
             **figures_json(figures)}
            for code, figures in sorted(report.by_category.items(),
                                        key=lambda kv: _order(names, kv[0]))
        ],
        "by_route": [{"route": route, **figures_json(figures)}
                     for route, figures in sorted(report.by_route.items())],
        "by_municipality": [
            {"municipality": name or None, **figures_json(figures)}
            for name, figures in sorted(report.by_municipality.items(),
                                        key=lambda kv: (kv[0] == "", kv[0]))
        ],
        "by_week": [{"week": monday.isoformat(), **figures_json(figures)}
                    for monday, figures in report.by_week.items()],
        "co2_factors": [
            {"category": c.code, "kg_co2_per_kg": c.co2_factor, "source": c.co2_source}
            for c in report.categories
        ],
    }


def _order(names: dict[str, Category], code: str) -> tuple[int, str]:
    category = names.get(code)
    return (category.sort_order if category else 10**6, code)


def _kg(grams: int) -> float:
    return round(grams / 1000, 3)


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _change(now: float | None, before: object) -> float | None:
    if now is None or not isinstance(before, (int, float)) or before == 0:
        return None
    return round((now - before) / before * 100, 1)


def report_csv_rows(report: Report) -> list[list[object]]:
    """One table: a header, then a row per group (total, category, route, municipality) with
    every count, then the end-of-life barriers and the kg per material recipient."""
    scalar = [key for key, value in figures_json(Figures()).items()
              if not isinstance(value, dict)]
    rows: list[list[object]] = [["section", "key", *scalar]]

    def add(section: str, key: str, figures: Figures) -> None:
        values = figures_json(figures)
        rows.append([section, key, *("" if values[k] is None else values[k] for k in scalar)])

    add("total", "", report.total)
    for section, groups in (("category", report.by_category), ("route", report.by_route),
                            ("municipality", report.by_municipality)):
        for key, figures in sorted(groups.items()):
            add(section, key, figures)
    end_of_life = scalar.index("items_end_of_life")
    material = scalar.index("kg_material_out")
    for barrier, count in sorted(report.total.barriers.items()):
        row: list[object] = ["barrier", barrier, *[""] * len(scalar)]
        row[2 + end_of_life] = count
        rows.append(row)
    for recipient, grams in sorted(report.total.material_by_recipient.items()):
        row = ["recipient", recipient, *[""] * len(scalar)]
        row[2 + material] = _kg(grams)
        rows.append(row)
    return [[spreadsheet_safe(value) for value in row] for row in rows]


def parse_day(text: str) -> date:
    """A calendar day as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{text}' is not a date like 2026-03-31."),
            text=str(text)[:20],
        ) from None


def stored_baseline(settings: Mapping[str, str]) -> Period | None:
    """The period the coordinator marked as the baseline (nulmeting), if any."""
    try:
        return Period(date.fromisoformat(settings["baseline_from"]),
                      date.fromisoformat(settings["baseline_to"]))
    except (KeyError, ValueError):
        return None


def stored_targets(settings: Mapping[str, str], year: int) -> dict[str, float]:
    """The targets set for `year` (kg, items, or percent for the reuse rate)."""
    found = {}
    for kind in TARGET_KINDS:
        try:
            found[kind] = float(settings[f"target.{year}.{kind}"])
        except (KeyError, ValueError):
            continue
    return found


@dataclass(frozen=True)
class TargetProgress:
    """How far a year got towards its targets by a day: (kind, reached, target) per target."""

    year: int
    by: date
    rows: list[tuple[str, float, float]]


def year_progress(store: Store, by: date, now: datetime | None = None) -> TargetProgress | None:
    """Progress to the targets of `by`'s year from 1 January up to `by`; None without
    targets for that year."""
    targets = stored_targets(store.settings(), by.year)
    if not targets:
        return None
    so_far = build_report(store, Period(date(by.year, 1, 1), by), now).total
    return TargetProgress(by.year, by, target_progress(so_far, targets))


def target_progress(figures: Figures, targets: dict[str, float]) -> list[tuple[str, float, float]]:
    """(kind, reached so far, target) for each target that is set."""
    reached = {
        "kg_collected": figures.grams_in / 1000,
        "kg_reused": figures.grams_sold / 1000,
        "items_repaired": float(figures.items_repaired),
        "reuse_rate": (figures.reuse_rate or 0.0) * 100,
    }
    return [(kind, reached[kind], targets[kind]) for kind in TARGET_KINDS if kind in targets]
