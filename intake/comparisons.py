"""Setting a period's figures beside another's, fairly (issue 14; `docs/figures.md`).

- Counts and kilos are compared as pace per day: March's 31 days against a 91-day baseline
  compare what came in per day, not in all.
- Rates (reuse rate, environmental yield, repair rate) are compared in percentage points,
  under their own keys (`change_vs_..._pp`), never as a relative % of a %.
- Levels at the period's end (stock, its age, days to sale) are compared as they are.
- A period still running counts only its days so far, and is set beside the same number of
  days before (a year earlier: those days a year before).
- A period's days count from the database's first record (the first local day with an item
  or a visit) at the earliest: a baseline that began before the centre kept records is not
  diluted by days nobody counted. A period with no counted day is not counted: null, never 0.
- A change against a period whose net (kilos sold net of returns, say) is 0 or below is null:
  a relative change of a negative amount means nothing.
"""

from __future__ import annotations

from datetime import date

from intake.monitoring import Period, Report

RATES = ("reuse_rate", "environmental_yield", "repair_rate")
LEVELS = frozenset({"items_in_stock", "kg_in_stock", "stock_age_days",
                    "items_in_stock_over_90_days", "days_to_sale"})


def counted_period(period: Period, today: date) -> Period:
    """The days of `period` counted so far: all of them once it is over, up to today while it
    runs (the whole period if it has not begun)."""
    if period.first <= today < period.last:
        return Period(period.first, today)
    return period


def year_earlier(period: Period, today: date) -> Period:
    """The days a period is set beside a year before: for a running period, the days so far."""
    return counted_period(period, today).year_earlier()


def counted_from(report: Report) -> date:
    """The first day a report's figures are counted from: the period's first, or the day of
    the database's first record when that came later."""
    if report.first_record is None:
        return report.period.first
    return max(report.period.first, report.first_record)


def counted_days(report: Report) -> int:
    """How many days a report's figures are counted over: from `counted_from` up to
    `Report.counted_to` (the period's end, or today while it runs); 0 when none."""
    return max(0, (report.counted_to - counted_from(report)).days + 1)


def per_week(amount: float, report: Report) -> float | None:
    """`amount` of a report per week of the days it counts (`counted_days`): a quarter's and
    a month's side by side; None without a counted day."""
    days = counted_days(report)
    return amount / days * 7 if days else None


def is_counted(report: Report) -> bool:
    """Whether the database counted the report's period: not when the period ended before
    its first item or visit (a database with none yet counts from now on)."""
    return report.first_record is None or report.first_record <= report.period.last


def change_pct(key: str, now: object, before: object, now_days: int,
               before_days: int) -> float | None:
    """The relative change in % of a count or kilos per day, or of a level as it is; None for
    a rate (see `change_pp`), for what is not a number, and where nothing compares: no day
    counted on either side, or a figure before of 0 or below."""
    if key in RATES or not _number(now) or not _number(before):
        return None
    if key not in LEVELS:
        if not now_days or not before_days:
            return None
        now, before = now / now_days, before / before_days  # type: ignore[operator]
    if before <= 0:  # type: ignore[operator]
        return None
    return round((now - before) / before * 100, 1)  # type: ignore[operator]


def pace_change(key: str, now: object, before: object, report: Report,
                other: Report) -> float | None:
    """`change_pct` of a figure of `report` against the same of `other`, each over the days
    it counts (`counted_days`)."""
    return change_pct(key, now, before, counted_days(report), counted_days(other))


def change_pp(now: object, before: object) -> float | None:
    """The change of a rate (a fraction) in percentage points."""
    if not _number(now) or not _number(before):
        return None
    return round((now - before) * 100, 1)  # type: ignore[operator]


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)

