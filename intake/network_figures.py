"""Every site's figures as the hub holds them: the dashboard's "Alle locaties" (issue 13).

A station never holds another site's steps. The hub keeps each site's day sums instead,
made by the code a station sums its own days with and put there by `ambacht report --hub`
(`db/hub/figures.py`, `intake/hub_report.py`); here they are counted by the code a station's
report counts its day sums with (`monitoring.counted`), so each site's flows are the figures
its own stations show once they hold the records the hub held then. What day sums cannot
give is left out: the stock (counted item by item at a moment) and the people block.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any

from db.hub.figures import network_figures
from intake.auth import Action, require
from intake.counting import COUNTING_RULES
from intake.hub_address import HubAddress
from intake.hub_report import summed
from intake.model import Category, User
from intake.monitoring import Figures, Period, Report, counted
from intake.provenance import Provenance, app_version

_CATEGORY_FIELDS = {field.name for field in fields(Category)}


@dataclass(frozen=True)
class NetworkReport:
    """A period's figures of every site on the hub: each site's and all added up."""

    period: Period
    total: Report  # every site's figures added up (site: '')
    by_site: dict[str, Report]  # by site name, in name order
    made_at: dict[str, datetime | None]  # when the hub's figures of each site were made
    hub: str  # the hub, as shown (never a password)
    read_at: datetime  # when they were read from the hub

    def provenance(self) -> Provenance:
        """Where an export of these figures comes from: the hub and each site's figures'
        time (no last step: the steps are the sites' own)."""
        return Provenance(made_at=self.read_at, last_event=None, last_recorded_at=None,
                          version=app_version(), rules=COUNTING_RULES, hub=self.hub,
                          network=dict(self.made_at))

    @property
    def oldest(self) -> datetime | None:
        """When the hub's oldest figures among the sites were made (None: none made)."""
        made = [at for at in self.made_at.values() if at is not None]
        return min(made) if made else None


def network_report(user: User, address: HubAddress, period: Period, now: datetime,
                   today: date) -> NetworkReport:
    """The figures of `period` of every site on the hub, read as this station; `today` is
    the local day (the figures of a running period count to it). Only for a coordinator of
    the network (`User.network`)."""
    require(user, Action.NETWORK_FIGURES)
    counted_to = min(period.last, max(today, period.first - timedelta(days=1)))
    by_site, made_at = {}, {}
    for site in network_figures(address, period.first, period.last):
        by_site[site["site"]] = _site_report(site, period, counted_to)
        made_at[site["site"]] = site["made_at"]
    return NetworkReport(period, _added_up(period, counted_to, list(by_site.values())),
                         by_site, made_at, address.shown(), now)


def _site_report(site: dict[str, Any], period: Period, counted_to: date) -> Report:
    """One site's report from its sums on the hub."""
    kinds = dict(site["kinds"])
    total, groups, by_week = counted(
        site["sums"], [(date.fromisoformat(week), *rest) for week, *rest in site["weeks"]],
        kinds)
    first = site["first_record"]
    return Report(
        period=period, site=site["site"], total=total, by_category=dict(groups["category"]),
        by_route=dict(groups["route"]), by_municipality=dict(groups["municipality"]),
        by_week=dict(sorted(by_week.items())),
        categories=[Category(**{key: value for key, value in category.items()
                                if key in _CATEGORY_FIELDS})  # a newer hub's extra keys
                    for category in site["categories"]],
        recipient_kinds=kinds, counted_to=counted_to,
        first_record=None if first is None else date.fromisoformat(first))


def _added_up(period: Period, counted_to: date, reports: list[Report]) -> Report:
    """Several sites' reports as one: every figure added up per total, category, route,
    municipality and week; a category by the name its first site gives it."""
    def merged(parts: list[dict[Any, Figures]]) -> dict[Any, Figures]:
        keys: dict[Any, list[Figures]] = defaultdict(list)
        for part in parts:
            for key, figures in part.items():
                keys[key].append(figures)
        return {key: summed(found) for key, found in keys.items()}

    categories: dict[str, Category] = {}
    for report in reports:
        for category in report.categories:
            categories.setdefault(category.code, category)
    firsts = [report.first_record for report in reports if report.first_record is not None]
    return Report(
        period=period, site="", total=summed(report.total for report in reports),
        by_category=merged([report.by_category for report in reports]),
        by_route=merged([report.by_route for report in reports]),
        by_municipality=merged([report.by_municipality for report in reports]),
        by_week=dict(sorted(merged([report.by_week for report in reports]).items())),
        categories=list(categories.values()),
        recipient_kinds={name: kind for report in reports
                         for name, kind in report.recipient_kinds.items()},
        counted_to=counted_to, first_record=min(firsts) if firsts else None)
