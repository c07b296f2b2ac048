"""Fair comparisons (issue 14, point 3): counts and kilos per day, rates in percentage points,
levels as they are, a running period against the same days so far before."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, date, datetime, time

from openpyxl import load_workbook

from intake.comparisons import change_pct, change_pp, counted_days, counted_period, year_earlier
from intake.exports import report_xlsx
from intake.model import Route
from intake.monitoring import Period, build_report
from intake.report_formats import report_json
from intake.report_pdf import render_report_pdf

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def test_counts_and_kilos_compare_per_day() -> None:
    # The example: March (31 days) against a 91-day baseline that saw 2.5 times as
    # much in all, but less per day.
    assert change_pct("items_in", 1000, 2475, 31, 91) == round(
        (1000 / 31) / (2475 / 91) * 100 - 100, 1)
    assert change_pct("items_in", 1000, 2475, 31, 91) > 0
    assert change_pct("items_in", 5, 0, 31, 28) is None  # nothing to compare with
    assert change_pct("items_in", 5, 3, 0, 28) is None  # no day counted yet
    # More returns than sales before: a change of a negative net means nothing.
    assert change_pct("kg_sold", 10.0, -16.0, 31, 30) is None


def test_rates_compare_in_points_and_levels_as_they_are() -> None:
    assert change_pct("reuse_rate", 0.5, 0.4, 31, 91) is None
    assert change_pp(0.5, 0.4) == 10.0
    assert change_pp(None, 0.4) is None
    assert change_pct("kg_in_stock", 120.0, 100.0, 31, 91) == 20.0


def test_a_running_period_is_set_beside_the_same_days_before() -> None:
    today = date(2026, 11, 21)
    assert counted_period(NOVEMBER, today) == Period(date(2026, 11, 1), today)
    assert year_earlier(NOVEMBER, today) == Period(date(2025, 11, 1), date(2025, 11, 21))
    assert year_earlier(NOVEMBER, date(2026, 12, 2)) == NOVEMBER.year_earlier()
    assert counted_period(NOVEMBER, date(2026, 10, 2)) == NOVEMBER  # not begun


def _take_in(store, clock, gate, user, day: date, kg: int, items: int = 1) -> None:
    clock.set(datetime.combine(day, time(11), UTC))
    for _ in range(items):
        gate.take_in(user, gate.prepare("books", Route.SALE, kg * 1000))


def test_a_period_counts_its_days_from_the_first_record(
    store, clock, gate, coordinator, tmp_path
) -> None:
    # The auditor's demo: the first record on 25 November 2025. A baseline from 1 November
    # counts 68 days (25 November to 31 January), not 92; March 2026 counts all 31.
    _take_in(store, clock, gate, coordinator, date(2025, 11, 25), 10, items=6)
    _take_in(store, clock, gate, coordinator, date(2026, 1, 20), 10, items=62)
    _take_in(store, clock, gate, coordinator, date(2026, 3, 10), 10, items=31)
    clock.set(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    now = clock.now()
    march = build_report(store, Period(date(2026, 3, 1), date(2026, 3, 31)), now)
    baseline = build_report(store, Period(date(2025, 11, 1), date(2026, 1, 31)), now)
    assert (counted_days(march), counted_days(baseline)) == (31, 68)
    data = report_json(march, baseline)
    assert data["baseline"]["period"]["days_counted"] == 68
    # 310 kg in 31 days against 680 kg in 68 days: the same pace, not +65.5 %.
    assert data["change_vs_baseline_pct"]["kg_in"] == 0.0
    # The workbook and the PDF say over how many days the baseline's pace is taken.
    book = load_workbook(io.BytesIO(report_xlsx(march, baseline, "en", zone=store.settings().zone)))
    header = next(book["Totals"].iter_rows(min_row=4, max_row=4, values_only=True))
    assert header[2] == "Baseline 2025-11-01 – 2026-01-31 (68 days counted)"
    kg_in = next(row for row in book["Totals"].iter_rows(values_only=True) if row[0] == "Kg in")
    assert kg_in[1:] == (310.0, 680.0, 0.0, None)  # the change in points: none for kilos
    pdf = tmp_path / "march.pdf"
    pdf.write_bytes(render_report_pdf(march, baseline, "en", zone=store.settings().zone))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "68 days counted" in text

    # November 2026 against November 2025, which had records for 6 of its days.
    _take_in(store, clock, gate, coordinator, date(2026, 11, 10), 30, items=3)
    clock.set(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    november = build_report(store, Period(date(2026, 11, 1), date(2026, 11, 30)), clock.now())
    earlier = build_report(store, year_earlier(november.period, date(2026, 12, 2)), clock.now())
    data = report_json(november, year_before=earlier)
    assert data["year_earlier"]["period"]["days_counted"] == 6
    # 90 kg in 30 days against 60 kg in 6 days: a tenth per day less, not +50 %.
    assert data["change_vs_year_earlier_pct"]["kg_in"] == -70.0

    # A period wholly before the first record counts no day: no change, not -100 %.
    before = build_report(store, Period(date(2025, 10, 1), date(2025, 10, 31)), clock.now())
    assert counted_days(before) == 0
    data = report_json(november, before)
    assert data["baseline"]["period"]["days_counted"] == 0
    assert data["change_vs_baseline_pct"]["kg_in"] is None
