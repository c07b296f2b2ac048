"""The standard-weight table as it held at a moment (issue 14, point 10's quality check).

An estimated weight is the category's standard weight on the day of the intake, so the EU
re-use report of a period shows the table that held at the period's end, not today's, and
names the changes made within the period. `config_changes` keeps every standard weight set at
this station (`db.eu_reuse.weight_history`): a category's value at a moment is the old value
of its first change after it, else its value now; a category added later was not in the
table. (A change made at another station of a hub reaches this file as the category's new
row, without a record here: the table then shows it from the moment it arrived.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db import Store
from db.eu_reuse import weight_history
from intake.model import Category


@dataclass(frozen=True)
class WeightTable:
    """The standard weights (grams per category code) at `at`, when one was last set by
    then, and the changes from `since` up to `at`: (when, code, old grams, new grams)."""

    grams: dict[str, int]
    last_changed: datetime | None
    changes: list[tuple[datetime, str, int | None, int | None]]


def _grams(value: str | None) -> int | None:
    """The standard weight in a record's value: "500 [50, 5000] g" -> 500."""
    first = (value or "").split(" ", 1)[0]
    return int(first) if first.isdigit() else None


def weights_at(store: Store, categories: list[Category], since: datetime,
               at: datetime) -> WeightTable:
    """The table of `categories`' standard weights as it held at `at`, and its changes from
    `since` on."""
    history = weight_history(store.db)
    grams = {}
    for category in categories:
        later = [(old, new) for when, code, old, new in history
                 if code == category.code and when >= at]
        if any(old is None for old, _ in later):  # added after `at`: not in the table then
            continue
        before = _grams(later[0][0]) if later else None
        grams[category.code] = category.standard_weight_g if before is None else before
    return WeightTable(
        grams=grams,
        last_changed=max((when for when, _, _, _ in history if when < at), default=None),
        changes=[(when, code, _grams(old), _grams(new)) for when, code, old, new in history
                 if since <= when < at and old is not None])
