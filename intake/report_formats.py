"""A report as data for other programs: the JSON of `ambacht report --format json` and the CSV
table; kg and euros, ratios rounded. The workbook and the PDF are `intake.exports` and
`intake.report_pdf`."""

from __future__ import annotations

import csv
import io

from intake.comparisons import RATES, change_pp, counted_days, is_counted, pace_change
from intake.counting import RecipientKind
from intake.model import Category
from intake.monitoring import Figures, Report, TargetProgress
from intake.people_report import people_json
from intake.provenance import Provenance, provenance_json, provenance_rows
from intake.text import spreadsheet_safe

_VISITS = frozenset({"visits", "visits_without_items"})
_STOCK = frozenset({"items_in_stock", "kg_in_stock", "stock_age_days",
                    "items_in_stock_over_90_days"})
# What only the whole has: a product counts under its own category (with no municipality or
# route), its sources under theirs, so the kilos lost in making it belong to no one group
# (furniture came out at -50.6 kg, wood at +59.5 kg). A week keeps it: the sources are used
# up when the product is made.
_WHOLE_ONLY = frozenset({"kg_lost_in_making"})
# What each breakdown does not compute: visits are not per category or route, the stock is
# counted per category only, and the routes at the gate hold gate items only.
NOT_COUNTED: dict[str, frozenset[str]] = {
    "total": frozenset(),
    "category": _VISITS | _WHOLE_ONLY,
    "route": _VISITS | _STOCK | _WHOLE_ONLY | {"items_labelled_in_store",
                                               "kg_labelled_in_store", "batches_in",
                                               "kg_in_batches"},
    "municipality": _STOCK | _WHOLE_ONLY,
    "week": _STOCK,
}


def figures_json(figures: Figures, not_counted: frozenset[str] = frozenset()) -> dict[str, object]:
    """A group's figures with kg and euros, as the JSON and CSV exports give them; the keys in
    `not_counted` (what a breakdown does not compute, `NOT_COUNTED`) are None, never 0. Where
    the loss in making is not counted, the environmental yield leaves it out too
    (`Figures.group_yield`)."""
    whole = not _WHOLE_ONLY & not_counted
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
        "environmental_yield": _ratio(figures.environmental_yield if whole
                                      else figures.group_yield),
        "co2_avoided_kg": round(figures.co2_avoided_g / 1000, 3),
        "days_to_sale": None if figures.days_to_sale is None else round(figures.days_to_sale, 1),
        "items_in_stock": figures.items_in_stock,
        "kg_in_stock": _kg(figures.grams_in_stock),
        "stock_age_days": None if figures.stock_age_days is None else round(
            figures.stock_age_days, 1),
        "items_in_stock_over_90_days": figures.stock_over_90_days,
    }
    return {key: None if key in not_counted else value for key, value in data.items()}


def totals_json(report: Report) -> dict[str, object]:
    """A report's totals as `figures_json` gives them; every one null for a period that is
    not counted (it ended before the database's first record), never 0. Every format shows
    its totals from this."""
    total = figures_json(report.total)
    return total if is_counted(report) else dict.fromkeys(total)


def report_json(
    report: Report, baseline: Report | None = None, year_before: Report | None = None,
    targets: TargetProgress | None = None, provenance: Provenance | None = None,
) -> dict[str, object]:
    """The report as the `ambacht report --format json` command prints it, beside the
    baseline and the same period a year earlier when they are given, and with the progress
    to the year's targets when they are set. The changes against those compare counts and
    kilos per day and rates in percentage points (`intake.comparisons`)."""
    data = _one_json(report)
    if provenance is not None:
        data["provenance"] = provenance_json(provenance, data["totals"])  # type: ignore[arg-type]
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
        now: dict[str, object] = data["totals"]  # type: ignore[assignment]
        before: dict[str, object] = data[key]["totals"]  # type: ignore[index]
        numbers = [name for name, value in now.items() if not isinstance(value, dict)]
        data[f"change_vs_{key}_pct"] = {
            name: pace_change(name, now[name], before[name], report, other)
            for name in numbers if name not in RATES}
        data[f"change_vs_{key}_pp"] = {name: change_pp(now[name], before[name])
                                       for name in RATES}
    return data


def _one_json(report: Report) -> dict[str, object]:
    """One period's figures; a period that ended before the database's first record is not
    counted: its figures are null and its breakdowns empty, never 0."""
    names = {c.code: c for c in report.categories}
    counted = is_counted(report)
    return {
        "site": report.site,
        "period": {"from": report.period.first.isoformat(), "to": report.period.last.isoformat(),
                   "days_counted": counted_days(report), "counted": counted},
        "totals": totals_json(report),
        "by_category": [] if not counted else [
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
        "people": people_json(report.people),
    }


def _order(names: dict[str, Category], code: str) -> tuple[int, str]:
    category = names.get(code)
    return (category.sort_order if category else 10**6, code)


def _kg(grams: int) -> float:
    return round(grams / 1000, 3)


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def report_csv_rows(report: Report, baseline: Report | None = None,
                    year_before: Report | None = None,
                    provenance: Provenance | None = None) -> list[list[object]]:
    """One table: a header, then a row per group (total, category, route, municipality) with
    every count (empty where a breakdown does not count it), then the end-of-life barriers and
    the kg of material per kind of recipient and per recipient. With a baseline or the same
    period a year earlier, their rows follow under sections named `baseline_...` and
    `year_earlier_...` (their total's key is their period), and then the changes of the
    totals, under the keys the JSON gives them (`change_vs_baseline_pct` ...). Last comes the
    provenance (section 'provenance': the label, then the text in the first figure's
    column). The last column, `days_counted`, gives each total row the days its period
    counts, by which the changes compare paces per day."""
    scalar = [key for key, value in figures_json(Figures()).items()
              if not isinstance(value, dict)]
    rows: list[list[object]] = [["section", "key", *scalar], *_rows_of(report, "", "", scalar)]
    data = report_json(report, baseline, year_before)
    for name, other in (("baseline", baseline), ("year_earlier", year_before)):
        if other is None:
            continue
        span = f"{other.period.first.isoformat()}/{other.period.last.isoformat()}"
        rows += _rows_of(other, f"{name}_", span, scalar)
        for key in sorted(k for k in data if k.startswith(f"change_vs_{name}_")):
            changes = data[key]
            assert isinstance(changes, dict)
            rows.append([key, span, *("" if changes.get(k) is None else changes[k]
                                      for k in scalar)])
    if provenance is not None:
        for label, text in provenance_rows(provenance, totals_json(report), "en"):
            rows.append(["provenance", label, text, *[""] * (len(scalar) - 1)])
    # The days each total counts, in a last column: a change is the pace per day counted.
    days = {f"{prefix}total": counted_days(period) for prefix, period in (
        ("", report), ("baseline_", baseline), ("year_earlier_", year_before)) if period}
    rows = [[*rows[0], "days_counted"], *([*row, days.get(str(row[0]), "")] for row in rows[1:])]
    return [[spreadsheet_safe(value) for value in row] for row in rows]


def report_csv(report: Report, baseline: Report | None = None,
               year_before: Report | None = None,
               provenance: Provenance | None = None) -> bytes:
    """`report_csv_rows` as a CSV file (UTF-8): what `report --format csv` prints and the
    Figures screen saves."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        report_csv_rows(report, baseline, year_before, provenance))
    return buffer.getvalue().encode("utf-8")


def _rows_of(report: Report, prefix: str, total_key: str,
             scalar: list[str]) -> list[list[object]]:
    """A report's rows; a period before the database's first record is not counted: its
    total row is empty and it has no other rows, as its JSON is null."""
    rows: list[list[object]] = []

    def add(section: str, key: str, figures: Figures) -> None:
        values = figures_json(figures, NOT_COUNTED[section])
        rows.append([prefix + section, key,
                     *("" if values[k] is None else values[k] for k in scalar)])

    if not is_counted(report):
        return [[prefix + "total", total_key, *[""] * len(scalar)]]
    add("total", total_key, report.total)
    for section, groups in (("category", report.by_category), ("route", report.by_route),
                            ("municipality", report.by_municipality)):
        for key, figures in sorted(groups.items()):
            add(section, key, figures)
    end_of_life = scalar.index("items_end_of_life")
    material = scalar.index("kg_material_out")
    for barrier, count in sorted(report.total.barriers.items()):
        row: list[object] = [prefix + "barrier", barrier, *[""] * len(scalar)]
        row[2 + end_of_life] = count
        rows.append(row)
    material_rows = [("recipient_kind", kind, grams)
                     for kind, grams in sorted(report.total.material_by_kind.items())]
    material_rows += [("recipient", name, grams)
                      for name, grams in sorted(report.total.material_by_recipient.items())]
    for section, name, grams in material_rows:
        row = [prefix + section, name, *[""] * len(scalar)]
        row[2 + material] = _kg(grams)
        rows.append(row)
    return rows
