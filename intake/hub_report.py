"""Figures of a site, or of every site, computed from the hub (`ambacht report --hub`).

A site's records are taken into a SQLite file of its own (a copy, in the user's data folder,
never a station's file), by the code a station takes them in with (configuration,
`MergeService.take_in`, `PeopleRecords`), and the report is made there by the code a
station's report is made with: the figures are a station's, byte for byte, with nothing to
keep in step. The copy keeps the hub's number it holds the records up to, so the next report
takes in only what is new; it holds nothing of its own and can be removed at any time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, fields
from datetime import datetime, timedelta
from pathlib import Path

from db import Store
from db.files import create_complete
from db.hub.figures import FiguresOnHub
from db.hub.site_records import SiteRecords
from db.site_config import apply_records
from db.travel_more import KINDS, PeopleRecords
from intake.clock import Clock
from intake.day_sums import cache_version, local_days, refresh_day_figures
from intake.errors import QT_TRANSLATE_NOOP, NotFound
from intake.hub_address import HubAddress
from intake.hub_join import fill_from_site
from intake.hub_records import incoming_batch
from intake.merge import MergeService
from intake.monitoring import Figures

BATCH = 5000  # events taken in per SQLite transaction
COPY_LETTER = "Z"  # the copy's own letter: it never hands out a code
COPY_REV = "hub_copy_rev"  # the copy's setting: the hub's number it holds the records up to
# The copy's setting: the day sums' version whose every summed day is on the hub ('': some
# may not be, after a publication that did not end: all are sent again).
COPY_PUBLISHED = "hub_copy_published"


def hub_sites(address: HubAddress) -> list[str]:
    """The names of the sites on the hub, in name order."""
    with SiteRecords(address) as hub:
        return hub.sites()


@contextmanager
def site_copy(address: HubAddress, site: str, clock: Clock, folder: Path) -> Iterator[Store]:
    """An open SQLite file in `folder` holding `site`'s records as the hub holds them now:
    made at the first report, then brought up to date with what is new. A site the hub does
    not know is refused."""
    with SiteRecords(address) as hub:
        site_id = hub.site_id(site)
        if site_id is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The hub has no site {site}."),
                           site=site)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{hub.hub_id()}-{site_id}.sqlite"
        if not path.exists():
            create_complete(path, lambda new: fill_from_site(new, [], COPY_LETTER, site, clock),
                            clock.now())
        store = Store.open(path)
        try:
            _bring_up_to_date(store, hub, site_id)
            publish_figures(address, store, site_id, clock.now())
            yield store
        finally:
            store.close()


def _bring_up_to_date(store: Store, hub: SiteRecords, site_id: int) -> None:
    """Take in the site's records after the copy's number, a batch per transaction with the
    number it reached (as a station's pull does: a kill repeats at most a batch)."""
    merge, people = MergeService(store), PeopleRecords(store.db)
    after = int(store.settings().get(COPY_REV, "0"))
    for got in hub.batches(site_id, after, BATCH):
        with store.atomic():
            apply_records(store, got["config"])  # first: steps name its staff and categories
            merge.take_in(incoming_batch(got))
            for kind in KINDS:
                people.take_in(kind, got[kind])
            store.set_setting(COPY_REV, str(got["upto"]))


def publish_figures(address: HubAddress, store: Store, site_id: int, now: datetime) -> None:
    """Put the days of a site's copy whose sums changed since the last time on the hub (all
    of them the first time, or with another version), for the network's dashboard
    (`db/hub/figures.py`). Days are summed here, before any report of the copy sums them, so
    that none is summed without being sent."""
    with FiguresOnHub(address, site_id) as hub:
        version = _publish(hub, store, now)
    if version is not None:  # the hub committed them
        store.set_setting(COPY_PUBLISHED, version)


def _publish(hub: FiguresOnHub, store: Store, now: datetime) -> str | None:
    """The days to put on the hub, put there (uncommitted); the sums' version (None: a hub
    without the figures)."""
    categories = store.categories(include_hidden=True)
    zone = store.settings().zone
    version = cache_version(zone, {c.code: c.co2_factor for c in categories})
    on_hub = hub.version()
    if on_hub is None:
        return None  # a hub not upgraded for the network's figures (`ambacht hub init`)
    first_at = store.reports.first_record()
    first = now.astimezone(zone).date() if first_at is None else first_at.astimezone(zone).date()
    last = now.astimezone(zone).date() + timedelta(days=1)  # a step may be minutes ahead
    everything = on_hub != version or store.settings().get(COPY_PUBLISHED) != version
    store.day_figures.claim_stale_dates(lambda utc_date: local_days(zone, utc_date))
    before = set() if everything else store.day_figures.summed_days(first, last, version)
    store.set_setting(COPY_PUBLISHED, "")  # until the hub has them
    refresh_day_figures(store, first, last, categories)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    rows = store.day_figures.site_days([day for day in days if day not in before])
    hub.publish({
        "version": version, "upto": int(store.settings().get(COPY_REV, "0")), "made_at": now,
        "first_record": None if first_at is None else first,
        "recipient_kinds": store.name_lists.recipient_kinds(),
        "categories": [asdict(category) for category in categories],
    }, ((day, day - timedelta(days=day.weekday()), found) for day, found in rows.items()),
        everything)
    return version


def summed(all_figures: Iterable[Figures]) -> Figures:
    """The figures of several sites together: every count, kilo and sum added up (the rates
    follow from them)."""
    total = Figures()
    for figures in all_figures:
        for field in fields(Figures):
            mine, theirs = getattr(total, field.name), getattr(figures, field.name)
            if isinstance(mine, Counter):
                mine.update(theirs)  # adds, keeping counts below one (+ would drop them)
            else:
                setattr(total, field.name, mine + theirs)
    return total
