"""The ORDS files of a period's repairs, in the shapes the Open Repair Alliance publishes.

ORDS v0.3 covers powered products: each repair of one is a row of the table schema, with its
ORDS product category. Whether a repair is powered is what its step recorded (the product it
names), never the category's setting today, so marking a category electrical later changes no
past record. Unpowered repairs (no product) have no place in that table: ORDS publishes them
only as counts per data provider, unpowered product type and repair status
(openrepair/data, aggregated/202507, `OpenRepairData_v0.3_unpowered_202507.csv`), and so does
`ords_unpowered_csv`.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import datetime
from typing import Any

from db import Store
from intake.events import RepairFinished
from intake.monitoring import Period
from intake.ords import (
    BARRIERS,
    PRODUCT_CATEGORIES,
    REPAIR_STATUS,
    product_category,
    unpowered_category,
)
from intake.text import spreadsheet_safe

# The columns of ORDS v0.3's table schema, in its order (tests/ords_v0_3_tableschema.json).
ORDS_COLUMNS = [
    "id", "data_provider", "country", "partner_product_category", "product_category",
    "product_category_id", "brand", "year_of_manufacture", "product_age", "repair_status",
    "repair_barrier_if_end_of_life", "group_identifier", "event_date", "problem",
]
# The columns of ORDS's summary of unpowered repairs.
UNPOWERED_COLUMNS = ["data_provider", "product_category", "repair_status", "total"]


def _repairs(store: Store, period: Period) -> list[tuple[Any, ...]]:
    """The period's repair records that stand: (at, payload, category code, station, seq)."""
    start, end = period.span(store)
    return [(at, repair, category, station, seq) for _, at, _, repair, category, station, seq
            in store.reports.repair_records(start, end)]


def ords_csv(store: Store, period: Period) -> str:
    """Every powered repair record of the period in the Open Repair Data Standard's columns
    and codes, with the site as `data_provider` and NLD as the country.

    A repair is powered when its step names an ORDS product category; the others are
    `ords_unpowered_csv`'s. The id is the station's letter and the event's place in its chain
    ('ambachta-1234'), the form the schema's pattern asks for."""
    settings = store.settings()
    zone, site = settings.zone, settings.site_name
    names = {c.code: c.name_en for c in store.categories(include_hidden=True)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ORDS_COLUMNS)
    for at, repair, category, station, seq in _repairs(store, period):
        product = product_category(repair.ords_category)
        if product is None:
            continue
        writer.writerow([spreadsheet_safe(value) for value in _record(
            repair, at.astimezone(zone), product, names.get(category, category), site,
            f"ambacht{station.lower()}-{seq}")])
    return out.getvalue()


def _record(repair: RepairFinished, local: datetime, product: str, partner_category: str,
            site: str, record_id: str) -> list[object]:
    """One repair as the table schema's row."""
    event_day = local.date()
    # A year after the repair is a typing error from before it was refused: left empty, so
    # that no age comes out negative.
    year = repair.year if repair.year and repair.year <= event_day.year else None
    return [
        record_id, site, "NLD", partner_category, product, PRODUCT_CATEGORIES[product],
        repair.brand or "Unknown",  # the schema's word for no brand
        year or "", "" if year is None else event_day.year - year,
        REPAIR_STATUS[repair.status][1],
        BARRIERS[repair.barrier][1] if repair.barrier else "", site,
        event_day.isoformat(), repair.problem or "",
    ]


def ords_unpowered_csv(store: Store, period: Period) -> str:
    """The period's unpowered repairs (their steps name no ORDS product) as ORDS publishes
    them: a count per data provider, unpowered product type and repair status."""
    site = store.settings().site_name
    counts = Counter(
        (unpowered_category(category), REPAIR_STATUS[repair.status][1])
        for _, repair, category, _, _ in _repairs(store, period)
        if product_category(repair.ords_category) is None)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(UNPOWERED_COLUMNS)
    for (kind, status), total in sorted(counts.items()):
        writer.writerow([spreadsheet_safe(site), kind, status, total])
    return out.getvalue()
