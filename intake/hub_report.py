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
from dataclasses import fields
from datetime import datetime
from pathlib import Path

from db import Store
from db.files import create_complete
from db.hub.figures import FiguresOnHub
from db.hub.site_records import SiteRecords
from db.site_config import apply_records
from db.travel_more import KINDS, PeopleRecords
from intake.clock import Clock
from intake.errors import QT_TRANSLATE_NOOP, NotFound
from intake.fresh_figures import publish_site_days
from intake.hub_address import HubAddress
from intake.hub_join import fill_from_site
from intake.hub_records import incoming_batch
from intake.merge import MergeService
from intake.monitoring import Figures

BATCH = 5000  # events taken in per SQLite transaction
COPY_LETTER = "Z"  # the copy's own letter: it never hands out a code
COPY_REV = "hub_copy_rev"  # the copy's setting: the hub's number it holds the records up to


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
            publish_figures(hub.figures(site_id), store, clock.now())
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


def publish_figures(hub: FiguresOnHub, store: Store, now: datetime) -> None:
    """Put the days of a site's copy whose sums changed since the last time on the hub (all
    of them the first time, or with another version), for the network's dashboard, as a
    station of the site does after a sync round (`intake/fresh_figures.py`). Days are summed
    there, before any report of the copy sums them, so that none is summed without being
    sent."""
    publish_site_days(store, hub, now, int(store.settings().get(COPY_REV, "0")))


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
