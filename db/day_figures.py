"""The day-sum cache of the monitoring figures (m006): sums per local day, per breakdown,
kept until an event or visit of that day changes (`intake.monitoring` fills and reads it);
`store.day_figures`. It is station business and never leaves the station's file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.store import Store

# The breakdowns of a day's sums. Each is kept for the whole file (the site, once its
# stations' history has arrived) and, as `dim@letter`, for each station's own steps.
DIMS = ("total", "category", "route", "municipality")


def scoped(dim: str, station: str | None) -> str:
    """The stored name of breakdown `dim` for the whole file (None) or one station."""
    return dim if station is None else f"{dim}@{station}"


class DayFigures:
    """The day_figures, day_figures_done and stale_dates tables of one open database."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    def claim_stale_dates(self, local_days: Callable[[date], Iterable[date]]) -> None:
        """Forget the summed days that events or visits since the last claim may have changed;
        `local_days` maps such a UTC date to the local days it overlaps."""
        with self.store.atomic():  # holds the write lock from the start: no mark slips in between
            dates = self.db.execute("DELETE FROM stale_dates RETURNING date").fetchall()
            days = {day for (text,) in dates if _is_date(text)
                    for day in local_days(date.fromisoformat(text))}
            self.db.conn.executemany(
                "DELETE FROM day_figures_done WHERE day = ?", [(d.isoformat(),) for d in days])

    def summed_days(self, first: date, last: date, version: str) -> set[date]:
        """The local days from `first` to `last` whose sums are up to date for `version`."""
        return {
            date.fromisoformat(row[0]) for row in self.db.execute(
                "SELECT day FROM day_figures_done WHERE day >= ? AND day <= ? AND version = ?",
                [first.isoformat(), last.isoformat(), version])
        }

    def sum_and_save(
        self, day: date, week: date, version: str,
        local_days: Callable[[date], Iterable[date]],
        make_rows: Callable[[], Iterable[tuple[str, str, str, str, int, int, int, int, float]]],
    ) -> None:
        """Sum one local day (`make_rows` reads its events) and save the sums in one
        transaction that holds the write lock throughout (issue 14).

        Why: summed outside it, a day could be read, then a step of that day committed and its
        mark claimed and summed by a second refresh, and then the first refresh's older sums
        saved over the second's as done: the mark was spent and the day stayed wrong for good.
        Holding the lock, no step and no other refresh comes between the read and the save;
        marks that came in before are claimed first, and a day another refresh summed
        meanwhile is left as it is."""
        with self.store.atomic():
            self.claim_stale_dates(local_days)
            if not self.summed_days(day, day, version):
                self._save(day, week, version, make_rows())

    def _save(
        self, day: date, week: date, version: str,
        rows: Iterable[tuple[str, str, str, str, int, int, int, int, float]],
    ) -> None:
        """Replace one local day's sums: (dim, key, kind, detail, count, grams, money, days,
        CO2 in grams) each."""
        with self.store.atomic():
            self.db.execute("DELETE FROM day_figures WHERE day = ?", [day.isoformat()])
            self.db.conn.executemany(
                "INSERT INTO day_figures (day, week, dim, key, kind, detail, count, grams, "
                "money, days, co2_g) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(day.isoformat(), week.isoformat(), *row) for row in rows],
            )
            self.db.execute(
                "INSERT OR REPLACE INTO day_figures_done (day, version) VALUES (?, ?)",
                [day.isoformat(), version])

    def period(self, first: date, last: date, station: str | None = None,
               dims: tuple[str, ...] = DIMS) -> list[tuple[Any, ...]]:
        """The day sums from `first` to `last` added up per breakdown (of `station`'s steps
        only, if given): (dim, key, kind, detail, count, grams, money, days, CO2 in grams),
        `dim` one of `dims` (default: all)."""
        names = {scoped(dim, station): dim for dim in dims}
        return [
            (names[row[0]], *row[1:])
            for row in self.db.execute(
                "SELECT dim, key, kind, detail, sum(count), sum(grams), sum(money), sum(days), "
                "sum(co2_g) FROM day_figures WHERE day >= ? AND day <= ? "
                f"AND dim IN ({', '.join('?' * len(names))}) GROUP BY dim, key, kind, detail",
                [first.isoformat(), last.isoformat(), *names])
        ]

    def site_days(self, days: list[date]) -> dict[date, list[tuple[Any, ...]]]:
        """The sums of each of `days` over the whole file (no station's own), as saved:
        (dim, key, kind, detail, count, grams, money, days, CO2 in grams), dim one of DIMS."""
        found: dict[date, list[tuple[Any, ...]]] = {day: [] for day in days}
        for day, *row in self.db.execute(
                "SELECT day, dim, key, kind, detail, count, grams, money, days, co2_g "
                f"FROM day_figures WHERE dim IN ({', '.join('?' * len(DIMS))}) "
                "AND day IN (SELECT value FROM json_each(?))",
                [*DIMS, json.dumps([day.isoformat() for day in days])]):
            found[date.fromisoformat(day)].append(tuple(row))
        return found

    def takings(self, first: date, last: date, station: str | None = None
                ) -> list[tuple[str, str, int, int]]:
        """The sales and returns from `first` to `last` per payment method (of `station`'s
        steps only, if given): (method, kind 'sold', 'returned' or 'sales', count, cents)."""
        return self.db.execute(
            "SELECT key, kind, sum(count), sum(money) FROM day_figures "
            "WHERE day >= ? AND day <= ? AND dim = ? GROUP BY key, kind",
            [first.isoformat(), last.isoformat(), scoped("method", station)]).fetchall()

    def weeks(self, first: date, last: date, station: str | None = None
              ) -> list[tuple[Any, ...]]:
        """The totals from `first` to `last` per local week (of `station`'s steps only, if
        given): (Monday, kind, detail, count, grams, money, days, CO2 in grams)."""
        return [
            (date.fromisoformat(row[0]), *row[1:])
            for row in self.db.execute(
                "SELECT week, kind, detail, sum(count), sum(grams), sum(money), sum(days), "
                "sum(co2_g) FROM day_figures WHERE day >= ? AND day <= ? AND dim = ? "
                "GROUP BY week, kind, detail",
                [first.isoformat(), last.isoformat(), scoped("total", station)])
        ]


def _is_date(text: str) -> bool:
    """Whether a stale date marked from an event's time is a date (see db/times.py)."""
    try:
        date.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return True


