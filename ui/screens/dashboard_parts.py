"""The dashboard's parts: the period a day falls in, and how a tile writes kilos, rates and
progress towards a target."""

from __future__ import annotations

from datetime import date, timedelta

from intake.monitoring import Period
from intake.units import format_number


def period_of(kind: str, day: date) -> Period:
    """The week (Monday first), month, quarter or year that holds `day`."""
    if kind == "week":
        monday = day - timedelta(days=day.weekday())
        return Period(monday, monday + timedelta(days=6))
    if kind == "year":
        return Period(date(day.year, 1, 1), date(day.year, 12, 31))
    months = 3 if kind == "quarter" else 1
    first_month = (day.month - 1) // months * months + 1
    first = date(day.year, first_month, 1)
    next_month = first_month + months
    after = date(day.year + (next_month > 12), (next_month - 1) % 12 + 1, 1)
    return Period(first, after - timedelta(days=1))


def kg_text(grams: float, lang: str) -> str:
    """Whole kilograms with the language's thousands mark: what a tile has room for."""
    return f"{format_number(grams / 1000, lang)} kg"


def percent_text(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"


def out_of(reached: float, target: float, lang: str) -> str:
    """'87.810 / 100.000': a target's progress, in the language's figures."""
    return f"{format_number(reached, lang)} / {format_number(target, lang)}"
