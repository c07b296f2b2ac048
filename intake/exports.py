"""The monitoring report as a file a municipality keeps: an XLSX workbook (one sheet per
breakdown, real numbers with number formats); the ORDS files are `intake/ords_export.py`'s.

It reads a `Report` and knows nothing of Qt; texts come in Dutch or
English from the tables here, since a spreadsheet is read outside the app. Every text goes
through `spreadsheet_safe`, so a name typed as '=HYPERLINK(...)' stays a name, and a workbook's
text cells are strings, never formulas.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, tzinfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from intake.comparisons import RATES, change_pct, change_pp, counted_days, is_counted
from intake.counting import RecipientKind
from intake.eu_reuse import EuReuse
from intake.eu_reuse_report import eu_sheet
from intake.model import Barrier
from intake.monitoring import Figures, Report, TargetProgress
from intake.ords import BARRIERS
from intake.people_report import people_sheet
from intake.provenance import Provenance, provenance_rows
from intake.report_formats import NOT_COUNTED, figures_json
from intake.report_words import Wording
from intake.text import spreadsheet_safe

# (key in figures_json, Dutch label, English label, number format)
COLUMNS: list[tuple[str, str, str, str]] = [
    ("items_in", "Items in", "Items in", "0"),
    ("kg_in", "Kg in", "Kg in", "0.000"),
    ("kg_in_measured", "Kg gewogen", "Kg weighed", "0.000"),
    ("kg_in_estimated", "Kg geschat", "Kg estimated", "0.000"),
    ("items_in_gate", "Items in aan de poort", "Items in at the gate", "0"),
    ("kg_in_gate", "Kg in aan de poort", "Kg in at the gate", "0.000"),
    ("items_labelled_in_store", "Items gelabeld in de winkel", "Items labelled in the store",
     "0"),
    ("kg_labelled_in_store", "Kg gelabeld in de winkel", "Kg labelled in the store", "0.000"),
    ("batches_in", "Partijen gewogen", "Batches weighed", "0"),
    ("kg_in_batches", "Kg in partijen", "Kg in batches", "0.000"),
    ("visits", "Bezoeken", "Visits", "0"),
    ("visits_without_items", "Bezoeken zonder items", "Visits without items", "0"),
    ("items_to_sale", "Naar verkoop", "To sale", "0"),
    ("items_to_repair", "Naar reparatie", "To repair", "0"),
    ("items_to_material", "Naar materiaal", "To material", "0"),
    ("repair_attempts", "Reparaties", "Repairs", "0"),
    ("items_repaired", "Gerepareerd", "Fixed", "0"),
    ("items_repairable", "Later te repareren", "Repairable", "0"),
    ("items_end_of_life", "Einde levensduur", "End of life", "0"),
    ("repair_rate", "Reparatiepercentage", "Repair rate", "0.0%"),
    ("items_sold", "Verkocht", "Sold", "0"),
    ("kg_sold", "Kg verkocht", "Kg sold", "0.000"),
    ("kg_sold_as_is", "Kg verkocht zoals het was", "Kg sold as it was", "0.000"),
    ("kg_sold_after_repair", "Kg verkocht na reparatie", "Kg sold after repair", "0.000"),
    ("kg_sold_products", "Kg verkocht als eigen product", "Kg sold as products made here",
     "0.000"),
    ("revenue_eur", "Omzet (EUR)", "Revenue (EUR)", '"€" #,##0.00'),
    ("items_returned", "Retour", "Returned", "0"),
    ("products_made", "Nieuwe producten", "Products made", "0"),
    ("kg_products_made", "Kg nieuwe producten", "Kg of products made", "0.000"),
    ("kg_repurposed", "Kg verwerkt in producten", "Kg repurposed", "0.000"),
    ("kg_lost_in_making", "Kg verloren bij het maken", "Kg lost in making", "0.000"),
    ("items_material_out", "Materiaal weg (items)", "Material out (items)", "0"),
    ("kg_material_out", "Kg materiaal weg", "Kg material out", "0.000"),
    ("kg_reused", "Kg hergebruikt", "Kg reused", "0.000"),
    ("reuse_rate", "Hergebruikpercentage", "Reuse rate", "0.0%"),
    ("environmental_yield", "Milieurendement", "Environmental yield", "0.0%"),
    ("co2_avoided_kg", "Kg CO2 vermeden", "Kg CO2 avoided", "0.0"),
    ("days_to_sale", "Dagen tot verkoop (gem.)", "Days to sale (mean)", "0.0"),
    ("items_in_stock", "Op voorraad aan het eind", "In stock at the end", "0"),
    ("kg_in_stock", "Kg op voorraad", "Kg in stock", "0.000"),
    ("stock_age_days", "Leeftijd voorraad (dagen, gem.)", "Stock age (days, mean)", "0.0"),
]
WORDS = {
    "nl": {"totals": "Totalen", "category": "Categorie", "route": "Route",
           "municipality": "Gemeente", "barriers": "Barrières", "recipients": "Afnemers",
           "co2": "CO2-factoren", "baseline": "Nulmeting", "figure": "Kengetal",
           "period": "Periode", "value": "Waarde", "change": "Verschil %",
           "change_pp": "Verschil in procentpunten", "site": "Locatie",
           "unknown": "(onbekend)", "count": "Aantal", "kg": "Kg", "factor": "Kg CO2 per kg",
           "source": "Bron", "code": "Code", "name": "Naam", "ords_text": "Tekst van ORDS",
           "sale": "Verkoop", "repair": "Reparatie", "material": "Materiaal",
           "year_before": "Jaar eerder", "targets": "Doelen", "goal": "Doel",
           "reached": "Bereikt", "share": "% van doel", "up_to": "t/m", "kind": "Soort",
           "reuse": "Hergebruik", "recycling": "Recycling", "residual": "Restafval",
           "all": "(alle)", "provenance": "Herkomst"},
    "en": {"totals": "Totals", "category": "Category", "route": "Route",
           "municipality": "Municipality", "barriers": "Barriers", "recipients": "Recipients",
           "co2": "CO2 factors", "baseline": "Baseline", "figure": "Figure",
           "period": "Period", "value": "Value", "change": "Change %",
           "change_pp": "Change in percentage points", "site": "Site",
           "unknown": "(unknown)", "count": "Count", "kg": "Kg", "factor": "Kg CO2 per kg",
           "source": "Source", "code": "Code", "name": "Name", "ords_text": "ORDS text",
           "sale": "Sale", "repair": "Repair", "material": "Material",
           "year_before": "A year earlier", "targets": "Targets", "goal": "Target",
           "reached": "Reached", "share": "% of target", "up_to": "up to", "kind": "Kind",
           "reuse": "Reuse", "recycling": "Recycling", "residual": "Residual waste",
           "all": "(all)", "provenance": "Provenance"},
}
POINTS = '+0.0" pp";-0.0" pp";0.0" pp"'  # a rate's change, in percentage points
# The yearly targets' names (Dutch, English), in the order of TARGET_KINDS.
TARGET_NAMES = {
    "kg_collected": ("Kg ingezameld", "Kg collected"),
    "kg_reused": ("Kg hergebruikt", "Kg reused"),
    "items_repaired": ("Items gerepareerd", "Items repaired"),
    "reuse_rate": ("Hergebruikpercentage (%)", "Reuse rate (%)"),
}


def wording(lang: str, zone: tzinfo) -> Wording:
    """The words of a report in `lang` (times in the site's `zone`), its figures named and
    numbered as the totals name them."""
    label = 1 if lang == "en" else 0
    return Wording(lang, zone, {key: (labels[label], fmt) for key, *labels, fmt in COLUMNS})


def report_xlsx(
    report: Report, baseline: Report | None = None, lang: str = "nl", *,
    year_before: Report | None = None, targets: TargetProgress | None = None,
    provenance: Provenance | None = None, eu: EuReuse | None = None, zone: tzinfo,
) -> bytes:
    """The report as an XLSX workbook: totals (beside the baseline and the same period a year
    earlier when given), the year's targets when set, then a sheet per breakdown, the
    barriers, the recipients, the people (counts only), the CO2 factors with their sources,
    the EU re-use report when given, and where the report comes from (when it was made, what
    it includes, what changed since the last export); times in the site's `zone`."""
    words = WORDS.get(lang, WORDS["nl"])
    said = wording(lang, zone)
    label = 1 if lang == "nl" else 2
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = words["totals"]
    _totals_sheet(sheet, report, comparisons(baseline, year_before, words), words, label)
    if targets is not None:
        goals = book.create_sheet(f"{words['targets']} {targets.year}")
        _rows(goals, [f"{words['targets']} {targets.year} ({words['up_to']} "
                      f"{targets.by.isoformat()})", words["goal"], words["reached"],
                      words["share"]],
              [[TARGET_NAMES[kind][label - 1], goal, reached, reached / goal if goal else None]
               for kind, reached, goal in targets.rows], ["@", "#,##0.0", "#,##0.0", "0.0%"])
    names = {c.code: c.name(lang) for c in report.categories}
    routes = {"sale": words["sale"], "repair": words["repair"], "material": words["material"]}
    for dim, groups, name_of in (
        ("category", report.by_category, lambda key: names.get(key, key)),
        ("route", report.by_route, lambda key: routes.get(key, key)),
        ("municipality", report.by_municipality, lambda key: key or words["unknown"]),
    ):
        title = words[dim]
        _breakdown_sheet(book.create_sheet(title), title, groups, name_of, label,
                         NOT_COUNTED[dim])
    barriers = book.create_sheet(words["barriers"])
    # The name the repair screen gives, beside the ORDS code list's own (English) text.
    _rows(barriers, [words["code"], words["name"], words["ords_text"], words["count"]],
          [[barrier, said.barrier(Barrier(barrier)), BARRIERS[Barrier(barrier)][1], count]
           for barrier, count in sorted(report.total.barriers.items())], ["@", "@", "@", "0"])
    recipients = book.create_sheet(words["recipients"])
    kinds = {RecipientKind(kind): words[kind] for kind in RecipientKind}
    _rows(recipients, [words["name"], words["kind"], words["kg"]],
          [*[[name, kinds[RecipientKind(report.recipient_kinds.get(name, "recycling"))],
              grams / 1000] for name, grams in sorted(report.total.material_by_recipient.items())],
           *[[words["all"], kinds[RecipientKind(kind)], grams / 1000]
             for kind, grams in sorted(report.total.material_by_kind.items())]],
          ["@", "@", "0.000"])
    people_sheet(book, report.people, lang, _rows, _append)
    co2 = book.create_sheet(words["co2"])
    _rows(co2, [words["code"], words["name"], words["factor"], words["source"]],
          [[c.code, c.name(lang), c.co2_factor, c.co2_source] for c in report.categories],
          ["@", "@", "0.00", "@"])
    eu_sheet(book, eu, said, _rows, _append)
    if provenance is not None:
        _rows(book.create_sheet(words["provenance"]), [words["figure"], words["value"]],
              [list(row) for row in provenance_rows(provenance, figures_json(report.total),
                                                    lang, said)], ["@", "@"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def comparisons(
    baseline: Report | None, year_before: Report | None, words: dict[str, str],
    day: Callable[[date], str] = date.isoformat, between: str = " ",
) -> list[tuple[str, Report]]:
    """The reports set beside a report, each with its heading (what, then which days)."""
    return [
        (f"{words[key]}{between}{day(other.period.first)} – {day(other.period.last)}", other)
        for key, other in (("baseline", baseline), ("year_before", year_before))
        if other is not None
    ]


def _totals_sheet(sheet: Worksheet, report: Report, beside: list[tuple[str, Report]],
                  words: dict[str, str], label: int) -> None:
    period = f"{report.period.first.isoformat()} – {report.period.last.isoformat()}"
    _append(sheet, [words["site"], report.site])
    _append(sheet, [words["period"], period])
    header = [words["figure"], words["value"]]
    for heading, _ in beside:
        header += [heading, words["change"], words["change_pp"]]
    sheet.append([])
    _append(sheet, header)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    now = figures_json(report.total)
    others = [(figures_json(other.total) if is_counted(other) else {}, counted_days(other))
              for _, other in beside]
    for key, *labels, number_format in COLUMNS:
        row = [labels[label - 1], now[key]]
        for before, days in others:
            # Counts and kilos per day in %, rates in percentage points (intake.comparisons);
            # empty cells for a period not counted.
            # A rate's change has a column of its own: points are no per cent.
            old = before.get(key)
            if key in RATES:
                row += [old, None, change_pp(now[key], old)]
            else:
                pct = change_pct(key, now[key], old, counted_days(report), days)
                row += [old, None if pct is None else pct / 100, None]
        _append(sheet, row)
        sheet.cell(sheet.max_row, 2).number_format = number_format
        for index in range(len(others)):
            sheet.cell(sheet.max_row, 3 + 3 * index).number_format = number_format
            sheet.cell(sheet.max_row, 4 + 3 * index).number_format = "0.0%"
            sheet.cell(sheet.max_row, 5 + 3 * index).number_format = POINTS
    _widths(sheet, [32, 16, *[30, 12, 16] * len(others)])


def _breakdown_sheet(sheet: Worksheet, title: str, groups: dict[str, Figures],
                     name_of: object, label: int, not_counted: frozenset[str]) -> None:
    """A sheet per breakdown; what it does not count is an empty cell, never 0."""
    header = [title, *[labels[label - 1] for _, *labels, _ in COLUMNS]]
    rows = []
    for key, figures in sorted(groups.items()):
        values = figures_json(figures, not_counted)
        rows.append([name_of(key), *[values[k] for k, *_ in COLUMNS]])  # type: ignore[operator]
    _rows(sheet, header, rows, ["@", *[fmt for *_, fmt in COLUMNS]])


def _rows(sheet: Worksheet, header: list[str], rows: Sequence[Sequence[object]],
          formats: list[str]) -> None:
    _append(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        _append(sheet, row)
        for column, number_format in enumerate(formats, start=1):
            sheet.cell(sheet.max_row, column).number_format = number_format
    sheet.freeze_panes = "B2"
    _widths(sheet, [max(12, min(40, max((len(str(r[i])) for r in [header, *rows]),
                                         default=10) + 2)) for i in range(len(header))])


def _append(sheet: Worksheet, row: Sequence[object]) -> None:
    """Add a row: texts made safe and stored as strings, numbers as numbers."""
    sheet.append([spreadsheet_safe(value) for value in row])
    for column, value in enumerate(row, start=1):
        if isinstance(value, str):
            sheet.cell(sheet.max_row, column).data_type = "s"


def _widths(sheet: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
