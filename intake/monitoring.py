"""The figures a centre reports: what came in, where it went, what it brought, per period.

Everything is counted from the item events (never typed in twice), for local calendar days,
both ends included, under the counting rules of `intake.counting`; `docs/figures.md` defines
every figure. Voided items count nowhere; a step cancelled by a correction counts nowhere; a
return takes its sale back (items, kg and revenue are net of returns).

Every gram taken in (at the gate, labelled in the store, or weighed out as a batch) is counted
once, in one place: in stock, sold as it was, sold after repair, made into a product (whose
own kilos then count where the product goes; what the making lost counts as lost in making),
or sent out to a recipient of one kind (reuse, recycling, residual waste). Kg reused = kg sold
(net; a product's own kilos, never its sources') + kg sent to recipients who reuse; the
reuse rate, the CO2 avoided and the targets all use it. A sale's rung (as it was, after
repair) is what the item was when it was sold. Each item counts under its category, its
visit's municipality and, for gate items only, its route at the gate.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from db import Store
from intake.counting import RecipientKind
from intake.day_sums import refresh_day_figures
from intake.errors import QT_TRANSLATE_NOOP, ValidationError
from intake.model import Category
from intake.people import PeopleFigures, people_figures
from intake.settings import Settings

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
        zone = store.settings().zone
        start = datetime.combine(self.first, time(), zone)
        end = datetime.combine(self.last + timedelta(days=1), time(), zone)
        return start, end


@dataclass
class Figures:
    """The counts of one group: the total, a category, a route, a municipality or a week."""

    items_in: int = 0  # at the gate and labelled in the store
    grams_in: int = 0  # those and the batches weighed out as material
    grams_in_measured: int = 0
    grams_in_estimated: int = 0
    items_in_gate: int = 0
    grams_in_gate: int = 0
    items_labelled_in_store: int = 0
    grams_labelled_in_store: int = 0
    batches_in: int = 0
    grams_in_batches: int = 0
    visits: int = 0  # with at least one item that stands
    visits_without_items: int = 0
    items_to_sale: int = 0  # routes at the gate: gate items only
    items_to_repair: int = 0
    items_to_material: int = 0
    repair_attempts: int = 0
    items_repaired: int = 0  # ORDS 'fixed'
    items_repairable: int = 0
    items_end_of_life: int = 0
    barriers: Counter[str] = field(default_factory=Counter)
    items_sold: int = 0
    grams_sold: int = 0
    grams_sold_repaired: int = 0  # the item had been fixed in the workshop before the sale
    grams_sold_products: int = 0  # products made here, their own kilos
    revenue_cents: int = 0
    items_returned: int = 0
    products_made: int = 0
    grams_products_made: int = 0  # the products' own kilos when made
    grams_repurposed: int = 0  # material used up in new products
    items_material_out: int = 0
    grams_material_out: int = 0
    material_by_recipient: Counter[str] = field(default_factory=Counter)
    material_by_kind: Counter[str] = field(default_factory=Counter)  # RecipientKind values
    co2_avoided_g: float = 0.0
    sale_days: int = 0  # days from intake to sale, summed over every sale
    sales_timed: int = 0  # the sales in that sum (a return does not undo the wait)
    items_in_stock: int = 0  # at the end of the period
    grams_in_stock: int = 0
    stock_days: int = 0  # their ages in days, summed
    stock_over_90_days: int = 0

    @property
    def grams_sold_as_is(self) -> int:
        return self.grams_sold - self.grams_sold_repaired - self.grams_sold_products

    @property
    def grams_lost_in_making(self) -> int:
        """What the material used up weighed more than the products made from it."""
        return self.grams_repurposed - self.grams_products_made

    @property
    def grams_reused(self) -> int:
        """Kg reused, the one definition every figure uses: sold (net of returns) and sent
        to recipients who reuse it."""
        return self.grams_sold + self.material_by_kind[RecipientKind.REUSE]

    @property
    def reuse_rate(self) -> float | None:
        """Kg reused of kg in; None without kilos in, or when returns outweigh the sales
        (kg reused below 0): a share of a negative amount means nothing."""
        if not self.grams_in or self.grams_reused < 0:
            return None
        return self.grams_reused / self.grams_in

    @property
    def environmental_yield(self) -> float | None:
        """Of what left the centre (reused, sent out, lost in making), the share reused or
        recycled: a fraction from 0 to 1; None when nothing left, or when returns outweigh
        the sales (kg reused below 0)."""
        return self._yield(max(0, self.grams_lost_in_making))

    @property
    def group_yield(self) -> float | None:
        """The environmental yield of a breakdown's group (a category, route or
        municipality): without what was lost in making, which is no group's own. A product
        counts under its own category, with no municipality or route, while its sources
        count under theirs: the sources' kilos used up in it are not "left" in a way that
        should lower their group's yield."""
        return self._yield(0)

    def _yield(self, lost_g: int) -> float | None:
        if self.grams_reused < 0:
            return None
        kept = self.grams_reused + self.material_by_kind[RecipientKind.RECYCLING]
        left = kept + self.material_by_kind[RecipientKind.RESIDUAL] + lost_g
        return kept / left if left > 0 else None

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
    recipient_kinds: dict[str, str]  # each recipient's kind (RecipientKind values)
    counted_to: date  # the last day counted: the period's last, or today while it runs
    first_record: date | None  # the local day the database's first item or visit came in
    people: PeopleFigures | None = None  # staff per kind, hours, courses (intake/people.py)
    station: str | None = None  # counted for this station's steps only, or (None) the file's


def build_report(store: Store, period: Period, now: datetime,
                 station: str | None = None) -> Report:
    """Count everything for `period` from the database; the stock is counted at the period's
    end, or at `now` (default: the clock on the wall) for a period that is not over yet.
    With `station` (a letter), only that station's steps count: the items and visits it took
    in and the steps it took (the stock: the items it took in); the people block is the
    station's own either way, as it does not travel.

    The flows are read from sums per local day and breakdown (``intake.day_sums`), which
    SQL adds up to a few hundred rows however many items the period saw; only the stock is
    counted item by item.
    """
    categories = store.categories(include_hidden=True)
    refresh_day_figures(store, period.first, period.last, categories)
    kinds = store.name_lists.recipient_kinds()
    total, groups, by_week = counted(
        store.day_figures.period(period.first, period.last, station),
        store.day_figures.weeks(period.first, period.last, station), kinds)
    start, end = period.span(store)
    moment = min(end, max(start, now))
    zone = store.settings().zone
    first = store.reports.first_record(station)
    for category, items, grams, days, old in store.reports.stock_by_category(moment, station):
        for figures in (total, groups["category"][category]):
            figures.items_in_stock += items
            figures.grams_in_stock += grams
            figures.stock_days += days
            figures.stock_over_90_days += old
    return Report(
        period=period, site=store.settings().get("site_name", ""), total=total,
        by_category=dict(groups["category"]), by_route=dict(groups["route"]),
        by_municipality=dict(groups["municipality"]), by_week=dict(sorted(by_week.items())),
        categories=categories, recipient_kinds=kinds,
        counted_to=min(period.last, max(now.astimezone(zone).date(),
                                        period.first - timedelta(days=1))),
        first_record=None if first is None else first.astimezone(zone).date(),
        people=people_figures(store, start, end, period.first, period.last), station=station,
    )


def counted(sums: Iterable[Sequence[Any]], weeks: Iterable[Sequence[Any]],
            kinds: dict[str, str]
            ) -> tuple[Figures, dict[str, dict[str, Figures]], dict[date, Figures]]:
    """The figures that day sums added up give: the total, per breakdown and key (category,
    route, municipality), and per week. `sums` are (dim, key, kind, detail, count, grams,
    money, days, CO2 in grams), `weeks` (Monday, kind, detail, the same sums); `kinds` gives
    each recipient's kind. A station's report and the hub's figures of a network both count
    with this (`intake/network_figures.py`)."""
    total = Figures()
    groups: dict[str, dict[str, Figures]] = {
        "category": defaultdict(Figures), "route": defaultdict(Figures),
        "municipality": defaultdict(Figures)}
    for dim, key, kind, detail, *values in sums:
        _count(total if dim == "total" else groups[dim][key], kind, detail, values, kinds)
    by_week: dict[date, Figures] = defaultdict(Figures)
    for week, kind, detail, *values in weeks:
        _count(by_week[week], kind, detail, values, kinds)
    return total, groups, by_week


def _count(figures: Figures, kind: str, detail: str, sums: list[Any],
           kinds: dict[str, str]) -> None:
    """Add one row of sums (count, grams, money, days since intake, CO2 in grams); `kinds`
    gives each recipient's kind (recycling if unknown)."""
    count, grams, money, days, co2_g = sums
    if kind == "in":
        origin, route, weighed = detail.split(":")
        figures.grams_in += grams
        if weighed == "estimated":
            figures.grams_in_estimated += grams
        else:
            figures.grams_in_measured += grams
        if origin == "bulk":
            figures.batches_in += count
            figures.grams_in_batches += grams
            return
        figures.items_in += count
        if origin == "store":
            figures.items_labelled_in_store += count
            figures.grams_labelled_in_store += grams
        else:
            figures.items_in_gate += count
            figures.grams_in_gate += grams
            setattr(figures, f"items_to_{route}", getattr(figures, f"items_to_{route}") + count)
    elif kind == "visit":
        if detail == "empty":
            figures.visits_without_items += count
        else:
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
        elif detail == "product":
            figures.grams_sold_products += sign * grams
        if kind == "sold":
            figures.sale_days += days
            figures.sales_timed += count
        if kind == "returned":
            figures.items_returned += count
    elif kind == "material_out":
        recipient_kind = kinds.get(detail, RecipientKind.RECYCLING)
        figures.items_material_out += count
        figures.grams_material_out += grams
        figures.material_by_recipient[detail] += grams
        figures.material_by_kind[recipient_kind] += grams
        if recipient_kind == RecipientKind.REUSE:
            figures.co2_avoided_g += co2_g
    elif kind == "repurposed":
        figures.grams_repurposed += grams
    elif kind == "intake":  # a product made from material items
        figures.products_made += count
        figures.grams_products_made += grams


# The R-ladder's rungs a report draws, from the highest: where the kilos of a period went.
RUNGS = ("sold_as_is", "sold_after_repair", "sold_products", "reuse", "recycling", "residual",
         "lost_in_making")


def rungs(figures: Figures) -> list[tuple[str, int]]:
    """(rung, grams) for each of `RUNGS`: every chart of the R-ladder draws these."""
    grams = {
        "sold_as_is": figures.grams_sold_as_is,
        "sold_after_repair": figures.grams_sold_repaired,
        "sold_products": figures.grams_sold_products,
        **{kind.value: figures.material_by_kind[kind] for kind in RecipientKind},
        "lost_in_making": figures.grams_lost_in_making,
    }
    return [(rung, grams[rung]) for rung in RUNGS]


def parse_day(text: str) -> date:
    """A calendar day as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{text}' is not a date like 2026-03-31."),
            text=str(text)[:20],
        ) from None


def stored_baseline(settings: Settings) -> Period | None:
    """The period the coordinator marked as the baseline (nulmeting), if any."""
    days = settings.baseline
    return Period(*days) if days else None


def stored_targets(settings: Settings, year: int) -> dict[str, float]:
    """The targets set for `year` (kg, items, or percent for the reuse rate)."""
    targets = {kind: settings.target(year, kind) for kind in TARGET_KINDS}
    return {kind: value for kind, value in targets.items() if value is not None}


@dataclass(frozen=True)
class TargetProgress:
    """How far a year got towards its targets by a day: (kind, reached, target) per target."""

    year: int
    by: date
    rows: list[tuple[str, float, float]]


def year_progress(store: Store, by: date) -> TargetProgress | None:
    """Progress to the targets of `by`'s year from 1 January up to `by`; None without
    targets for that year."""
    targets = stored_targets(store.settings(), by.year)
    if not targets:
        return None
    # The targets are flows: the year's totals alone, without the stock, weeks or breakdowns
    # a whole report counts.
    first = date(by.year, 1, 1)
    refresh_day_figures(store, first, by, store.categories(include_hidden=True))
    so_far, _, _ = counted(store.day_figures.period(first, by, dims=("total",)), [],
                           store.name_lists.recipient_kinds())
    return TargetProgress(by.year, by, target_progress(so_far, targets))


def target_progress(figures: Figures, targets: dict[str, float]) -> list[tuple[str, float, float]]:
    """(kind, reached so far, target) for each target that is set."""
    reached = {
        "kg_collected": figures.grams_in / 1000,
        "kg_reused": figures.grams_reused / 1000,
        "items_repaired": float(figures.items_repaired),
        "reuse_rate": (figures.reuse_rate or 0.0) * 100,
    }
    return [(kind, reached[kind], targets[kind]) for kind in TARGET_KINDS if kind in targets]
