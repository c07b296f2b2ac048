"""Figures of a site, or of every site, computed from the hub (`ambacht report --hub`).

A site's records are taken into a throwaway SQLite file in a temporary folder, by the code a
station takes them in with (configuration, `MergeService.take_in`, `PeopleRecords`), and the
report is made there by the code a station's report is made with: the figures are a
station's, byte for byte, with nothing to keep in step. No station's file is touched. Every
site's copy is made anew for each report: the hub holds the truth, the copy nothing of its
own.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

from db import Store
from db.hub.site_records import SiteRecords
from db.travel_more import KINDS, PeopleRecords
from intake.clock import Clock
from intake.errors import QT_TRANSLATE_NOOP, NotFound
from intake.hub_address import HubAddress
from intake.hub_join import fill_from_site
from intake.hub_records import incoming_batch
from intake.merge import MergeService
from intake.monitoring import Figures

BATCH = 5000  # events taken in per SQLite transaction
COPY_LETTER = "Z"  # the copy's own letter: it never hands out a code


def hub_sites(address: HubAddress) -> list[str]:
    """The names of the sites on the hub, in name order."""
    with SiteRecords(address) as hub:
        return hub.sites()


@contextmanager
def site_copy(address: HubAddress, site: str, clock: Clock) -> Iterator[Store]:
    """An open SQLite file holding `site`'s records as the hub holds them now; removed when
    the block ends. A site the hub does not know is refused."""
    with SiteRecords(address) as hub, tempfile.TemporaryDirectory(
            prefix="ambacht-hub-report-") as folder:
        site_id = hub.site_id(site)
        if site_id is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The hub has no site {site}."),
                           site=site)
        store = Store.open(Path(folder) / "site.sqlite", create=True)
        try:
            fill_from_site(store, hub.config(site_id), COPY_LETTER, site, clock)
            merge, people = MergeService(store), PeopleRecords(store.db)
            for got in hub.batches(site_id, BATCH):
                with store.atomic():
                    merge.take_in(incoming_batch(got))
                    for kind in KINDS:
                        people.take_in(kind, got[kind])
            yield store
        finally:
            store.close()


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
