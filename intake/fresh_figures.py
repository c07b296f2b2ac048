"""A station keeps its site's figures on the hub fresh (issue 13): "Alle locaties" no longer
waits for someone to run `ambacht report --hub`.

After a sync round (`intake/hub_sync.py`) a station holds its site's whole history as the hub
had it, and its own steps are on the hub. If steps or visits came or were made since its last
publication (`db/figures_to_publish.py` marks their days), it sums those days with the code
its own reports sum them with (`refresh_day_figures`) and puts them on the hub, beside the
number of the site's steps it holds. The hub takes a day only from sums made from at least
as many steps as the sums it holds (`db/hub/fresh_figures.py`): two stations publishing at
once never leave it with an older day. The first time, or after the sums' version changed
(time zone, CO2 factors, counting rules), every day of the site goes.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from db import Store
from db.figures_to_publish import FiguresToPublish
from db.hub.fresh_figures import DayRow
from intake.day_sums import cache_version, local_days, refresh_day_figures
from intake.model import Category


class FiguresHub(Protocol):
    """The hub as a station (`HubSession`) or the administrator's copy of a site
    (`FiguresOnHub`) publishes to."""

    def keeps_figures(self) -> bool: ...

    def publish_figures(self, state: dict[str, Any], days: list[tuple[date, date, list[DayRow]]],
                        everything: bool) -> str: ...

    def commit(self) -> None: ...


def publish_site_days(store: Store, hub: FiguresHub, now: datetime, upto: int) -> int:
    """Put the site's days that changed since the last publication on the hub and commit
    there; `upto` is the hub's number the file holds the site's records up to. The number of
    days sent (0: nothing had changed, or the hub keeps no such figures: not upgraded by
    `ambacht hub init`)."""
    marks = FiguresToPublish(store.db)
    marked = marks.marked()
    categories = store.categories(include_hidden=True)
    zone = store.settings().zone
    version = cache_version(zone, {c.code: c.co2_factor for c in categories})
    sent = marks.sent_version()  # another (or none) sends every day
    if not marked and sent == version or not hub.keeps_figures():
        return 0
    first_at = store.reports.first_record()
    state: dict[str, Any] = {
        # Counted before the days are summed: the sums are made from at least these.
        "steps": marks.steps(), "version": version, "upto": upto, "made_at": now,
        "first_record": None if first_at is None else first_at.astimezone(zone).date(),
        "recipient_kinds": store.name_lists.recipient_kinds(),
        "categories": [asdict(category) for category in categories]}
    answer = "everything"
    if sent == version:
        days = sorted({day for text in marked for day in local_days(zone,
                                                                    date.fromisoformat(text))})
        answer = hub.publish_figures(state, _summed(store, days, categories), False)
    if answer == "everything":  # the first time, or the hub's sums are of another version
        today = now.astimezone(zone).date()
        first = state["first_record"] or today
        # to the day after today: a step may be minutes ahead
        days = [first + timedelta(days=n) for n in range((today - first).days + 2)]
        answer = hub.publish_figures(state, _summed(store, days, categories), True)
    hub.commit()
    with store.atomic():
        marks.sent(marked, version)
    return len(days)


def _summed(store: Store, days: list[date], categories: list[Category]
            ) -> list[tuple[date, date, list[DayRow]]]:
    """Each of `days` (in order) with its Monday and its site-wide sums, summed again where
    steps came since."""
    if not days:
        return []
    refresh_day_figures(store, days[0], days[-1], categories)
    rows = store.day_figures.site_days(days)
    return [(day, day - timedelta(days=day.weekday()), rows[day]) for day in days]
