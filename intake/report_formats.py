"""A report as data for other programs: the JSON of `ambacht report --format json` and the CSV
table; kg and euros, ratios rounded. The workbook and the PDF are `intake.exports` and
`intake.report_pdf`."""

from __future__ import annotations

from intake.counting import RecipientKind
from intake.model import Category
from intake.monitoring import Figures, Report, TargetProgress
from intake.text import spreadsheet_safe

_VISITS = frozenset({"visits", "visits_without_items"})
_STOCK = frozenset({"items_in_stock", "kg_in_stock", "stock_age_days",
                    "items_in_stock_over_90_days"})
# What each breakdown does not compute: visits are not per category or route, the stock is
# counted per category only, and the routes at the gate hold gate items only.
NOT_COUNTED: dict[str, frozenset[str]] = {
    "total": frozenset(),
    "category": _VISITS,
    "route": _VISITS | _STOCK | {"items_labelled_in_store", "kg_labelled_in_store",
                                 "batches_in", "kg_in_batches"},
    "municipality": _STOCK,
    "week": _STOCK,
}


def figures_json(figures: Figures, not_counted: frozenset[str] = frozenset()) -> dict[str, object]:
    """A group's figures with kg and euros, as the JSON and CSV exports give them; the keys in
    `not_counted` (what a breakdown does not compute, `NOT_COUNTED`) are None, never 0."""
    data: dict[str, object] = {
        "items_in": figures.items_in,
        "kg_in": _kg(figures.grams_in),
        "kg_in_measured": _kg(figures.grams_in_measured),
        "kg_in_estimated": _kg(figures.grams_in_estimated),
        "items_in_gate": figures.items_in_gate,
        "kg_in_gate": _kg(figures.grams_in_gate),
        "items_labelled_in_store": figures.items_labelled_in_store,
        "kg_labelled_in_store": _kg(figures.grams_labelled_in_store),
        "batches_in": figures.batches_in,
        "kg_in_batches": _kg(figures.grams_in_batches),
        "visits": figures.visits,
        "visits_without_items": figures.visits_without_items,
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
        "kg_sold_as_is": _kg(figures.grams_sold_as_is),
        "kg_sold_after_repair": _kg(figures.grams_sold_repaired),
        "kg_sold_products": _kg(figures.grams_sold_products),
        "revenue_eur": figures.revenue_cents / 100,
        "items_returned": figures.items_returned,
        "products_made": figures.products_made,
        "kg_products_made": _kg(figures.grams_products_made),
        "kg_repurposed": _kg(figures.grams_repurposed),
        "kg_lost_in_making": _kg(figures.grams_lost_in_making),
        "items_material_out": figures.items_material_out,
        "kg_material_out": _kg(figures.grams_material_out),
        "kg_material_by_kind": {
            kind.value: _kg(figures.material_by_kind[kind]) for kind in RecipientKind},
        "kg_material_by_recipient": {
            name: _kg(grams) for name, grams in sorted(figures.material_by_recipient.items())
        },
        "kg_reused": _kg(figures.grams_reused),
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
    return {key: None if key in not_counted else value for key, value in data.items()}


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
             **figures_json(figures, NOT_COUNTED["category"])}
            for code, figures in sorted(report.by_category.items(),
                                        key=lambda kv: _order(names, kv[0]))
        ],
        "by_route": [{"route": route, **figures_json(figures, NOT_COUNTED["route"])}
                     for route, figures in sorted(report.by_route.items())],
        "by_municipality": [
            {"municipality": name or None, **figures_json(figures, NOT_COUNTED["municipality"])}
            for name, figures in sorted(report.by_municipality.items(),
                                        key=lambda kv: (kv[0] == "", kv[0]))
        ],
        "by_week": [{"week": monday.isoformat(), **figures_json(figures, NOT_COUNTED["week"])}
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
    every count (empty where a breakdown does not count it), then the end-of-life barriers and
    the kg of material per kind of recipient and per recipient."""
    scalar = [key for key, value in figures_json(Figures()).items()
              if not isinstance(value, dict)]
    rows: list[list[object]] = [["section", "key", *scalar]]

    def add(section: str, key: str, figures: Figures) -> None:
        values = figures_json(figures, NOT_COUNTED[section])
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
    material_rows = [("recipient_kind", kind, grams)
                     for kind, grams in sorted(report.total.material_by_kind.items())]
    material_rows += [("recipient", name, grams)
                      for name, grams in sorted(report.total.material_by_recipient.items())]
    for section, name, grams in material_rows:
        row = [section, name, *[""] * len(scalar)]
        row[2 + material] = _kg(grams)
        rows.append(row)
    return [[spreadsheet_safe(value) for value in row] for row in rows]
