"""Other stations' history in this station's file: what a station sends on, and taking in what
others sent (issue 13). No network here: the hub (`PostgreSQL`) or a test carries `SiteBatch`es.

- `outgoing(station, after_seq, limit, changed_after)` gives one station's events after a
  place in its chain, the codes of the items they take in, the visits and delivery notes they
  name, and that station's visits new or ended after a change number of this file
  (`visits.changed`, m012): a visit that ends later is sent again. `SiteBatch.changed_through`
  is the number to ask after next time.
- `take_in(batch)` writes, in one transaction, what is new: events continue their station's
  chain as it came (the chain trigger of `db/chain.py`); an event here already with the same
  hash is skipped; another event in its place, a hash that does not fit or a gap refuses the
  whole batch, naming the event, and nothing is written. An event whose item has not arrived
  (its intake is another station's, not sent yet) waits with the rest of its station's events
  for a later batch (`MergeOutcome.deferred`). Events of this station's own letter are taken
  in too: a restored backup pulls its own steps back.
- A step of a kind this version does not know (its station runs a newer Ambacht) is kept and
  marked (`db/newer_steps.py`): it continues its chain and travels on, but takes no part in the
  replay until this PC is upgraded; the next `take_in` after that replays its item.
- Such a step that names an item not here (a newer way of taking items in), and every later
  step on that item, is held whole with the item's code (`db/held_steps.py`; which step is
  written, held or waits: `intake/placing.py`): still part of its station's chain, it does not
  stop the batch. Held steps come again with every batch that names their item and once this
  PC knows their kind, and are placed then as if they had just arrived.
- Every item that got events is replayed whole in the one merged order (`intake.order`,
  `lifecycle.replay_history`): its row, and its conflicts (steps the replay found not
  allowed, kept without effect) in the `conflicts` table, the same on every station.
- Every station's code counters move past the highest item, visit and delivery note numbers
  taken in, so no code is handed out twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import NamedTuple

from db import Store
from db.held_steps import HeldSteps
from db.newer_steps import NewerSteps, is_known
from db.overruled import set_overruled
from intake.chain import GENESIS, StoredEvent, event_hash
from intake.clock import from_storage_or_unreadable, to_storage
from intake.errors import QT_TRANSLATE_NOOP, HistoryDiverged
from intake.events import Intake, MaterialOut, Payload, payload_from
from intake.lifecycle import replay_history
from intake.model import EventType, Item, ShipmentRecord, Visit
from intake.placing import place

__all__ = ["ItemCode", "MergeOutcome", "MergeService", "ShipmentRecord", "SiteBatch",
           "reproject"]

class ItemCode(NamedTuple):
    """The code an item got (not in its intake event: the item row holds it)."""

    item_id: str
    code: str


@dataclass(frozen=True)
class SiteBatch:
    """What one station sends on: events of stations of its site (each station's in chain
    order, seq, prev_hash and hash as stored), the codes of the items they take in, the visits
    and delivery notes they name, and visits new or ended since a point."""

    events: tuple[StoredEvent, ...] = ()
    visits: tuple[Visit, ...] = ()
    shipments: tuple[ShipmentRecord, ...] = ()
    codes: tuple[ItemCode, ...] = ()
    changed_through: int = 0  # the sender's visit change number this batch is complete up to


@dataclass(frozen=True)
class MergeOutcome:
    """What `take_in` wrote."""

    events: int  # new events
    visits: int  # new visits and visits that ended
    shipments: int  # new delivery notes
    conflicts: int  # open conflicts of the items that got events
    deferred: int  # events left for a later batch: their item has not arrived yet
    held: int = 0  # new steps held for a newer Ambacht: their item is not here


class MergeService:
    """Sending on and taking in one station's file's share of the site's history."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def outgoing(self, station: str, after_seq: int, limit: int,
                 changed_after: int = 0) -> SiteBatch:
        """`station`'s events with seq > `after_seq` in chain order (at most `limit`), with
        what they refer to, and `station`'s visits changed after `changed_after` (at most
        `limit`; see the module's docstring)."""
        rows = self.store.merge
        events = rows.events_after(station, after_seq, limit)
        known = [(event, _payload(event)) for event in events if is_known(event.type)]
        payloads = [payload for _, payload in known]
        # The codes of the items they take in; a kind not known here may take one in too.
        intakes = [event.item_id for event, payload in known if isinstance(payload, Intake)]
        intakes += [event.item_id for event in events if not is_known(event.type)]
        changed = rows.visits_changed(station, changed_after, limit)
        named = {p.visit for p in payloads if isinstance(p, Intake) and p.visit}
        visits = {visit.id: visit for visit in rows.visits(named)}
        visits.update((visit.id, visit) for visit, _ in changed)
        return SiteBatch(
            events=tuple(events),
            visits=tuple(sorted(visits.values(), key=lambda visit: visit.code)),
            shipments=tuple(rows.shipments(
                {p.shipment for p in payloads if isinstance(p, MaterialOut)})),
            codes=tuple(ItemCode(*pair) for pair in rows.item_codes(intakes)),
            changed_through=max((number for _, number in changed), default=changed_after),
        )

    def take_in(self, batch: SiteBatch) -> MergeOutcome:
        """Write what is new in `batch`, all or nothing (see the module's docstring)."""
        rows = self.store.merge
        # The checks read inside the write transaction, so no other writer of this file
        # (the app taking a step of its own) slips in between them and the writes.
        with self.store.atomic():
            newer, held = NewerSteps(self.store.db), HeldSteps(self.store.db)
            known_again = newer.now_known()  # this PC was upgraded: they take effect now
            new = self._new_events(batch.events)
            # Held steps come again, as if they had just arrived, once their kind is known
            # here or a step of the batch names their item.
            held_items = held.items()
            again = held.of_items(held.now_known()
                                  | (held_items & {event.item_id for event in new}))
            arrived = sorted([*again, *new], key=lambda e: (e.station, e.seq or 0))
            codes = held.codes() | dict(batch.codes)
            # A step of a kind a newer Ambacht wrote has no payload here: kept, not replayed.
            payloads = {e.id: _payload(e) for e in arrived if is_known(e.type)}
            self._check_known(arrived, payloads, codes)
            visits, ended = self._new_visits(batch.visits)
            shipments = self._new_shipments(batch.shipments)
            placed, kept, deferred = place(
                arrived, payloads, self.store.merge.items({e.item_id for e in arrived}),
                self._visits_here(payloads, {v.code for v in visits}),
                held_items - {event.item_id for event in again}, {e.id for e in again})
            for visit in visits:
                rows.add_visit(visit)
            for visit_id, ended_at in ended:
                rows.end_visit(visit_id, ended_at)
            for shipment in shipments:
                rows.add_shipment(shipment)
            intakes = [(event, payload) for event in placed
                       if isinstance(payload := payloads.get(event.id), Intake)]
            visit_ids = {visit.code: visit.id for visit in rows.visits(
                payload.visit for _, payload in intakes if payload.visit)}
            new_ids = {event.id for event in new}
            made = {event.item_id for event, _ in intakes}
            waiting = {item: code for item, code in batch.codes if item not in made}
            waiting = {item: code for item, code in waiting.items()
                       if item not in rows.items(waiting)}
            held.keep_codes(waiting)
            rows.insert_items([_item(event, payload, codes[event.item_id], visit_ids)
                               for event, payload in intakes])
            # Each item's intake placed before its steps, the new held ones in their chains.
            rows.insert_events(placed, [event for event in kept if event.id in new_ids])
            held.released([event for event in placed if event.id not in new_ids])
            newer.keep(event for event in placed if event.id not in payloads)
            conflicts = reproject(self.store, {event.item_id for event in placed} | known_again)
            self._move_counters({e.station for e in [*placed, *kept]},
                                [codes[e.item_id] for e in placed
                                 if isinstance(payloads.get(e.id), Intake)]
                                + list(waiting.values()),
                                [v.code for v in visits], [s.code for s in shipments])
        return MergeOutcome(events=len([e for e in placed if e.id in new_ids]),
                            visits=len(visits) + len(ended), shipments=len(shipments),
                            conflicts=conflicts, deferred=len(deferred),
                            held=len([e for e in kept if e.id in new_ids]))

    # --- checks: every refusal comes before the first write ------------------------------

    def _new_events(self, events: tuple[StoredEvent, ...]) -> list[StoredEvent]:
        """The events not here yet, each station's in chain order, checked to continue what
        this file holds of its station; the same event here already is left out."""
        rows = self.store.merge
        for event in events:
            if (event.seq is None or event.prev_hash is None or event.hash is None
                    or event_hash(event.prev_hash, event.seq, event) != event.hash):
                raise HistoryDiverged(QT_TRANSLATE_NOOP(
                    "Errors", "Step {event} of station {station} does not match its own hash: "
                    "it was changed on the way. Nothing was taken in."), event=event.id,
                    station=event.station)
        here = rows.stored(event.id for event in events)
        new: list[StoredEvent] = []
        sent: dict[str, StoredEvent] = {}  # a batch may hold one event twice (two parts)
        heads: dict[str, tuple[int, str] | None] = {}
        for event in sorted(events, key=lambda e: (e.station, e.seq or 0)):
            if event.id in here or event.id in sent:
                if here.get(event.id, sent.get(event.id)) != event:
                    raise _diverged(event)
                continue
            sent[event.id] = event
            if event.station not in heads:
                heads[event.station] = rows.head(event.station)
            head = heads[event.station]
            seq = event.seq or 0
            if head is not None and seq <= head[0]:
                raise _diverged(event)  # another event holds its place here
            if head is not None and seq == head[0] + 1 and event.prev_hash != head[1]:
                raise _diverged(event)  # it follows another step than the one here
            if (seq, event.prev_hash) != ((head[0] + 1, head[1]) if head else (1, GENESIS)):
                raise HistoryDiverged(QT_TRANSLATE_NOOP(
                    "Errors", "Steps {first} to {last} of station {station} are missing before "
                    "step {event}. Nothing was taken in."), first=(head[0] if head else 0) + 1,
                    last=seq - 1, station=event.station, event=event.id)
            heads[event.station] = (seq, event.hash or "")
            new.append(event)
        return new

    def _check_known(self, new: list[StoredEvent], payloads: dict[str, Payload],
                     codes: dict[str, str]) -> None:
        """Refuse steps by staff or of categories not known here (the site's configuration
        arrives first), and items that came without their code or whose code is another's."""
        for event in new:
            if self.store.user(event.user_id) is None:
                raise HistoryDiverged(QT_TRANSLATE_NOOP(
                    "Errors", "Step {event} of station {station} was taken by a staff member "
                    "not known here ({user}): the site's staff must arrive first. Nothing was "
                    "taken in."),
                    event=event.id, station=event.station, user=event.user_id)
        intakes = [(e, p) for e in new if isinstance(p := payloads.get(e.id), Intake)]
        taken = self.store.merge.item_ids(codes.get(e.item_id, "") for e, _ in intakes)
        for event, payload in intakes:
            code = codes.get(event.item_id)
            if code is None:
                raise HistoryDiverged(QT_TRANSLATE_NOOP(
                    "Errors", "Step {event} of station {station} takes in an item that came "
                    "without its code. Nothing was taken in."), event=event.id,
                    station=event.station)
            if code in taken:
                raise HistoryDiverged(QT_TRANSLATE_NOOP(
                    "Errors", "Code {code} belongs to another item here: the histories went "
                    "apart. Nothing was taken in."), code=code)
            if self.store.category(payload.category) is None:
                raise HistoryDiverged(QT_TRANSLATE_NOOP(
                    "Errors", "Item {code} has category '{category}', not known here: the "
                    "site's categories must arrive first. Nothing was taken in."), code=code,
                    category=payload.category)

    def _new_visits(self, visits: tuple[Visit, ...]) -> tuple[list[Visit], list[tuple[str, str]]]:
        """The visits not here yet, and (id, end) of those here that ended since."""
        here = {visit.id: visit for visit in self.store.merge.visits(v.code for v in visits)}
        new, ended = [], []
        for visit in {visit.id: visit for visit in visits}.values():  # each once
            known = here.get(visit.id)
            if known is None:
                if any(other.code == visit.code for other in here.values()):
                    raise _visit_diverged(visit)
                new.append(visit)
            elif (known.code, known.station, known.user_id, known.started_at,
                  known.municipality) != (visit.code, visit.station, visit.user_id,
                                          visit.started_at, visit.municipality):
                raise _visit_diverged(visit)
            elif known.ended_at is None and visit.ended_at is not None:
                ended.append((visit.id, to_storage(visit.ended_at)))
        return new, ended

    def _new_shipments(self, shipments: tuple[ShipmentRecord, ...]) -> list[ShipmentRecord]:
        """The delivery notes not here yet (each once); one here that differs refuses."""
        here = {s.code: s for s in self.store.merge.shipments(s.code for s in shipments)}
        for shipment in shipments:
            if shipment.code in here and here[shipment.code] != shipment:
                raise HistoryDiverged(QT_TRANSLATE_NOOP(
                    "Errors", "Delivery note {code} differs from the one here: the histories "
                    "went apart. Nothing was taken in."), code=shipment.code)
        return list({s.code: s for s in shipments if s.code not in here}.values())

    def _visits_here(self, payloads: dict[str, Payload], new: set[str]) -> set[str]:
        """The codes of the visits the intakes name that are here or among the `new`."""
        named = {p.visit for p in payloads.values() if isinstance(p, Intake) and p.visit}
        return new | {visit.code for visit in self.store.merge.visits(named)}

    # --- writes -----------------------------------------------------------------------------

    def _move_counters(self, stations: set[str], items: list[str], visits: list[str],
                       shipments: list[str]) -> None:
        """Every station whose steps came is known here, and each letter's counters are past
        the highest number taken in (codes: A000123, VA000017, UA000003)."""
        highest: dict[str, list[int]] = {letter: [0, 0, 0] for letter in stations}
        for index, codes, skip in ((0, items, 0), (1, visits, 1), (2, shipments, 1)):
            for code in codes:
                letter, number = code[skip], int(code[skip + 1:])
                counters = highest.setdefault(letter, [0, 0, 0])
                counters[index] = max(counters[index], number)
        for letter, (item, visit, shipment) in sorted(highest.items()):
            self.store.add_station(letter)
            self.store.merge.move_counters(letter, item=item + 1, visit=visit + 1,
                                           shipment=shipment + 1)


def reproject(store: Store, item_ids: set[str]) -> int:
    """Replay each item's whole history in the merged order and save its state and its
    conflicts (inside the caller's transaction); returns how many conflicts they have."""
    conflicts: list[tuple[str, str, str]] = []
    overruled: list[tuple[str, str]] = []
    items = store.merge.item_rows(item_ids)
    for item_id, events in store.merge.histories(item_ids).items():
        item = items.get(item_id)
        if item is None:
            continue
        replayed = replay_history(item, events)
        if replayed.state != item:
            store.save_item_state(replayed.state)
        conflicts.extend((refused.step.id, item_id, refused.cause.id)
                         for refused in replayed.refused)
        overruled.extend((correction, item_id) for correction in replayed.overruled)
    store.merge.set_conflicts(item_ids, conflicts)
    set_overruled(store.db, item_ids, overruled)
    return len(conflicts)


def _item(event: StoredEvent, intake: Intake, code: str, visit_ids: dict[str, str]) -> Item:
    """An item row as its intake event starts it (the replay gives its state); its visit is
    here by now (`_placeable`)."""
    return Item(id=event.item_id, code=code, category=intake.category,
                weight_g=intake.weight_g, weight_estimated=intake.weight_estimated,
                route=intake.route, station=event.station,
                intake_at=from_storage_or_unreadable(event.at),
                visit_id=visit_ids.get(intake.visit) if intake.visit else None,
                origin=intake.origin, price_cents=intake.price_cents)


def _payload(event: StoredEvent) -> Payload:
    """The typed payload of a stored event (PayloadError, naming it, when it cannot be read)."""
    try:
        kind = EventType(event.type)
        data = json.loads(event.data)
    except (TypeError, ValueError):
        from intake.events import PayloadError
        raise PayloadError(event.id, "type", event.type) from None
    return payload_from(kind, data, event.id)


def _diverged(event: StoredEvent) -> HistoryDiverged:
    return HistoryDiverged(QT_TRANSLATE_NOOP(
        "Errors", "Step {seq} of station {station} here is not step {event} as sent: the "
        "histories went apart (a changed or restored copy). Nothing was taken in."),
        seq=event.seq, station=event.station, event=event.id)


def _visit_diverged(visit: Visit) -> HistoryDiverged:
    return HistoryDiverged(QT_TRANSLATE_NOOP(
        "Errors", "Visit {code} differs from the one here: the histories went apart. "
        "Nothing was taken in."), code=visit.code)
