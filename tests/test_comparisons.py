"""Fair comparisons (issue 14, point 3): counts and kilos per day, rates in percentage points,
levels as they are, a running period against the same days so far before."""

from __future__ import annotations

from datetime import date

from intake.comparisons import change_pct, change_pp, counted_period, year_earlier
from intake.monitoring import Period

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def test_counts_and_kilos_compare_per_day() -> None:
    # The example: March (31 days) against a 91-day baseline that saw 2.5 times as
    # much in all, but less per day.
    assert change_pct("items_in", 1000, 2475, 31, 91) == round(
        (1000 / 31) / (2475 / 91) * 100 - 100, 1)
    assert change_pct("items_in", 1000, 2475, 31, 91) > 0
    assert change_pct("items_in", 5, 0, 31, 28) is None  # nothing to compare with
    assert change_pct("items_in", 5, 3, 0, 28) is None  # no day counted yet


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
