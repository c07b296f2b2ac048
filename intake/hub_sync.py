"""One sync round between a station and its hub: push, then pull (`ambacht sync`).

Push: the configuration records changed here (each with the time of its change), then this
station's own records the hub does not hold, in batches, each batch one hub transaction; then
its own visit cancellations, courses and sessions (`db/travel_more.py`).
Pull: everything of the site after the station's cursor, in batches; each batch is taken in
with the cursor's move in one SQLite transaction, so a kill anywhere repeats at most a batch,
and taking a batch in twice changes nothing.

The configuration's last-writer rule: the hub keeps, per record, the change with the latest
(time, station letter), a time ahead of the hub's own clock counting as the hub's now; every
station takes the hub's value. The time is the hub's: each round starts by comparing this
station's clock with the hub's (`intake/clock_skew.py`), and a change is sent dated by its own
clock minus the difference, so a PC hours ahead does not win over later changes. A record
changed here and not yet sent is not overwritten by a pull: it is sent first, and the hub
decides (docs/stations.md).
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime

from db import Store
from db.hub.station import HubSession, Record
from db.hub_link import HubLinks, Link, own_hash, own_head, unsent_events
from db.hub_restore import clear_restored, restored
from db.newer_steps import NewerSteps
from db.site_config import apply_records, read_records
from db.station_clocks import clocks, save_clocks
from db.travel_more import KINDS, PeopleRecords
from intake.clock import Clock, from_storage, to_storage
from intake.clock_skew import hub_time
from intake.errors import HistoryDiverged
from intake.fresh_figures import publish_site_days
from intake.hub_errors import ForkedStation, HubRefused, HubUnreachable, NotJoined
from intake.hub_records import incoming_batch, outgoing_records
from intake.merge import MergeService

BATCH = 2000  # events per hub transaction, both ways
# The hub's refusals that mean this station is let in no more: revoked, or its role
# closed (revoked, or taken over by a new PC: `ambacht hub invite --station`).
REVOKED = frozenset({"AMB02", "28000"})
# Those, and a credential the hub does not know or take: shown in the top bar until a round
# goes through (a passing refusal, such as a server shutting down, is not).
LOCKED_OUT = REVOKED | {"AMB01", "28P01"}
# Noted as the refusal when this file's own steps went apart from the hub's copy of them (a
# restored or copied file took steps before it synced): it can never sync again.
FORKED = "forked"
# The hub's refusals of a push that mean just that: another history, or a chain that does not
# continue the hub's copy.
OWN_HISTORY_REFUSED = frozenset({"AMB08", "AMB09"})


@dataclass
class Flow:
    """How many records went one way in a round."""

    events: int = 0
    visits: int = 0
    shipments: int = 0
    config: int = 0
    people: int = 0  # visit cancellations, courses and sessions at a station

    def add(self, counts: Record) -> None:
        for name in ("events", "visits", "shipments", "config", "people"):
            setattr(self, name, getattr(self, name) + int(counts.get(name, 0)))

    def __str__(self) -> str:
        return (f"{self.events} steps, {self.visits} visits, {self.shipments} delivery notes, "
                f"{self.config} settings and lists, {self.people} cancellations, courses and "
                f"sessions")


@dataclass
class SyncReport:
    """What a round sent and what it took in."""

    sent: Flow = field(default_factory=Flow)
    received: Flow = field(default_factory=Flow)
    clock_offset_s: int | None = None  # this PC's clock minus the hub's (None: not known)


@dataclass(frozen=True)
class SyncState:
    """What the top bar shows: the hub reached last, or out of reach since, and how many of
    this station's steps wait to be sent."""

    site: str
    letter: str
    last_contact: datetime | None
    offline_since: datetime | None
    waiting: int  # this station's steps the hub has not confirmed
    config_waiting: bool  # configuration changed here and not sent yet
    hub: str = ""  # the hub's address as it may be shown (no password)
    refused: str | None = None  # the hub's refusal at the last round (REVOKED: revoked)
    newer: tuple[str, ...] = ()  # stations on a newer Ambacht, whose new steps wait here
    newer_waiting: int = 0  # the steps that wait here for a newer Ambacht
    clock_offset_s: int | None = None  # this PC's clock minus the hub's at the last round
    restored: bool = False  # restored from a backup: no step before a round went through


class SyncService:
    """Sync rounds of one station's database with the hub it joined."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store, self.clock = store, clock
        self.links = HubLinks(store.db)

    def link(self) -> Link:
        found = self.links.link()
        if found is None:
            raise NotJoined(self.store.path)
        return found

    def state(self) -> SyncState | None:
        """The station's hub state, or None for a station that joined no hub."""
        link = self.links.link()
        if link is None:
            return None
        newer = NewerSteps(self.store.db)
        return SyncState(link.site, link.letter, link.last_contact, link.offline_since,
                         unsent_events(self.store.db, link.letter, link.pushed_seq),
                         self.links.last_dirty_id() > 0, link.address.shown(), link.refused,
                         tuple(newer.stations()), newer.waiting(),
                         clocks(self.store.db).get(link.letter), restored(self.store.db))

    def round(self, progress: Callable[[SyncReport], None] | None = None) -> SyncReport:
        """Push, then pull. An unreachable hub (or a link that drops) is noted as 'offline
        since' and raised as HubUnreachable; what was taken in before stays. `progress` gets
        a copy of the counts so far after each batch (a year of history is many batches)."""
        link = self.link()
        report = SyncReport()
        told = (lambda: progress(deepcopy(report))) if progress else (lambda: None)
        try:
            with HubSession(link.address) as hub:
                report.clock_offset_s = self._clock(hub, link.letter)
                self._push(hub, link, report.sent, told, report.clock_offset_s)
                self._pull(hub, link, report.received, told)
                # The network's figures as fresh as the site's steps on the hub: the days
                # that changed since the last round.
                publish_site_days(self.store, hub, self.clock.now(),
                                  self.link().pulled_rev)
        except HubUnreachable:
            with self.store.atomic():
                self.links.contact(self.clock.now(), reached=False)
            raise
        except HubRefused as exc:
            if exc.code in OWN_HISTORY_REFUSED:  # the hub holds another history of it
                raise self._forked(link.letter) from exc
            if exc.code in LOCKED_OUT:  # reached, but it lets this station in no more
                with self.store.atomic():
                    self.links.refused(exc.code)
            raise
        except HistoryDiverged as exc:
            if exc.params.get("station") != link.letter:
                raise
            raise self._forked(link.letter) from exc
        with self.store.atomic():
            self.links.contact(self.clock.now(), reached=True)
        return report

    def _forked(self, letter: str) -> ForkedStation:
        """Note that this file's own steps are not the hub's (no round can ever go through
        again: the status strip and `check` say so), and the error that says it."""
        with self.store.atomic():
            self.links.refused(FORKED)
        return ForkedStation(letter)

    def _clock(self, hub: HubSession, letter: str) -> int | None:
        """This PC's clock minus the hub's, in seconds, kept with every station's (None from
        a hub set up before h007)."""
        found = hub.clock_check(self.clock.now())
        if found is None:
            return None
        hub.commit()
        offsets = {str(key): int(value) for key, value in found["stations"].items()}
        with self.store.atomic():
            save_clocks(self.store.db, offsets)
        return offsets.get(letter)

    def _push(self, hub: HubSession, link: Link, sent: Flow, told: Callable[[], None],
              offset_s: int | None) -> None:
        """The configuration changed here (dated by the hub's clock), then this station's
        own records in batches of BATCH steps, from the last step the hub holds (which a
        restored backup may be behind: its own steps then come back with the pull)."""
        dirty = self.links.dirty()
        values = read_records(self.store, [(change.kind, change.key) for change in dirty])
        config = [{"kind": change.kind, "key": change.key,
                   "at": to_storage(from_storage(change.at) - hub_time(offset_s)),
                   "value": values[(change.kind, change.key)]}
                  for change in dirty if (change.kind, change.key) in values]
        me = hub.whoami()
        head, visits = int(me["seq"]), link.visits_through
        if own_hash(self.store.db, link.letter, head) not in (None, me["hash"]):
            raise ForkedStation(link.letter)  # the hub's last step of it is another here
        merge = MergeService(self.store)
        while True:
            batch = merge.outgoing(link.letter, head, BATCH, visits)
            records = outgoing_records(batch)
            if config or any(records.values()):
                sent.add(hub.push(config, records["codes"], records["visits"],
                                  records["shipments"], records["events"]))
                hub.commit()
            if batch.events:
                head = batch.events[-1].seq or head
            with self.store.atomic():
                if config:
                    self.links.sent(dirty[-1].id)
                self.links.set_pushed(head, batch.changed_through)
            told()
            config = []
            if not batch.events and batch.changed_through == visits:
                break
            visits = batch.changed_through
        self._push_people(hub, link.letter, sent)

    def _push_people(self, hub: HubSession, letter: str, sent: Flow) -> None:
        """This station's own visit cancellations, courses and sessions after their cursors,
        BATCH of each kind per hub transaction (after the visits they name)."""
        people = PeopleRecords(self.store.db)
        cursors = people.cursors()
        while True:
            records, through = {}, {}
            for kind in KINDS:
                records[kind], through[kind] = people.own_after(kind, letter, cursors[kind],
                                                                BATCH)
            if not any(records.values()):
                return
            sent.add(hub.push_people(records))
            hub.commit()
            with self.store.atomic():
                for kind in KINDS:
                    people.set_sent(kind, through[kind])
            cursors = through

    def _pull(self, hub: HubSession, link: Link, received: Flow,
              told: Callable[[], None]) -> None:
        """The site's records after the cursor, a batch at a time, each taken in with its
        cursor in one transaction (configuration first: steps name its staff and
        categories)."""
        after = link.pulled_rev
        merge = MergeService(self.store)
        while True:
            got = hub.pull(after, BATCH, own_head(self.store.db, link.letter))
            hub.commit()
            with self.store.atomic():
                mark = self.links.last_dirty_id()
                waiting = {(change.kind, change.key) for change in self.links.dirty()}
                received.config += apply_records(self.store, [
                    record for record in got["config"]
                    if (record["kind"], record["key"]) not in waiting])
                self.links.forget_after(mark)  # the pull's own writes are no local changes
                outcome = merge.take_in(incoming_batch(got))
                if outcome.deferred:  # not expected in the hub's order: take it again later
                    return
                people = PeopleRecords(self.store.db)  # after the visits they name
                received.people += sum(people.take_in(kind, got.get(kind, []))
                                       for kind in KINDS)
                self.links.set_pulled(int(got["upto"]))
                if not got["more"]:  # the hub's end: this station's own steps are all back
                    clear_restored(self.store.db)
            received.events += outcome.events + outcome.held  # held: kept for a newer Ambacht
            received.visits += outcome.visits
            received.shipments += outcome.shipments
            told()
            after = int(got["upto"])
            if not got["more"]:
                return
