"""The hash chain that makes a change to the history evident (issue 11, point 7).

Every event carries its place in its station's chain: `seq` (1, 2, 3, ... per station), the
hash of the station's previous event (`prev_hash`) and its own `hash`, the SHA-256 of a
canonical JSON of its stored fields, its place and that previous hash. An event edited,
removed or slipped in afterwards, by anyone who went round Ambacht and its triggers, no longer
fits the chain, and `first_break` names it.

Pure: it works on the stored text of the fields (what any copy of the event holds, in SQLite
here or in another database after a sync), so the chain can be checked anywhere. It proves
nothing against someone who rewrites the whole chain from the changed event onwards: that is
caught by comparing the chain with a copy made before (a backup, another station's).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

GENESIS = "0" * 64  # the "previous hash" of a station's first event


class StoredEvent(NamedTuple):
    """One event as stored: its fields' text, `data` as its JSON, and its place in the chain
    (`seq`, `prev_hash` and `hash` are None for a row written without one)."""

    id: str
    item_id: str
    type: str
    at: str
    recorded_at: str
    station: str
    user_id: str
    reason: str | None
    data: str
    seq: int | None = None
    prev_hash: str | None = None
    hash: str | None = None

    def place(self) -> tuple[int, str]:
        """(seq, hash) of a linked event: what the next event of its station links onto."""
        if self.seq is None or self.hash is None:
            raise ValueError(f"event {self.id} has no place in a chain")
        return self.seq, self.hash


def event_hash(prev_hash: str, seq: int, event: StoredEvent) -> str:
    """The hash of `event` as the `seq`-th event of its station, after `prev_hash`."""
    try:
        data: object = json.loads(event.data)
    except (TypeError, ValueError):  # not JSON: written round Ambacht; hashed as it is
        data = event.data
    canonical = json.dumps(
        {
            "at": event.at, "data": data, "id": event.id,
            "item_id": event.item_id, "prev_hash": prev_hash, "reason": event.reason,
            "recorded_at": event.recorded_at, "seq": seq, "station": event.station,
            "type": event.type, "user_id": event.user_id,
        },
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def link(head: tuple[int, str] | None, event: StoredEvent) -> StoredEvent:
    """`event` as the next of its station after `head` (the last event's seq and hash; None
    for the station's first)."""
    seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
    return event._replace(seq=seq, prev_hash=prev, hash=event_hash(prev, seq, event))


class BreakKind(StrEnum):
    """How the history differs from what was written."""

    CHANGED = "changed"
    REMOVED = "removed"
    INSERTED = "inserted"


@dataclass(frozen=True)
class Break:
    """The first place where a station's chain does not hold.

    `event` is the event named: the changed or inserted one, or for REMOVED the first event
    after the gap; `missing` are the seqs of the removed events (REMOVED only)."""

    kind: BreakKind
    event: StoredEvent
    missing: tuple[int, int] | None = None


def first_break(events: Iterable[StoredEvent], *, whole: bool = True) -> Break | None:
    """Walk one station's events in seq order (events without a seq first) and return the
    first break, or None when the chain holds.

    With `whole` the events are the station's whole chain, so the first must be seq 1 after
    GENESIS; otherwise they are its tail, and the first event's own place is taken as given.
    """
    expected = (1, GENESIS) if whole else None
    before: StoredEvent | None = None  # the event walked before this one
    for event in events:
        if event.seq is None and event.prev_hash is None and event.hash is None:
            return Break(BreakKind.INSERTED, event)  # written round Ambacht, without a link
        if not (isinstance(event.seq, int) and isinstance(event.prev_hash, str)
                and isinstance(event.hash, str)):
            return Break(BreakKind.CHANGED, event)  # its link itself was edited
        if expected is None:
            expected = (event.seq, event.prev_hash)
        seq, prev = expected
        if event.seq < seq:
            return Break(BreakKind.INSERTED, event)  # a second event in a place taken
        if event.seq > seq:
            return Break(BreakKind.REMOVED, event, (seq, event.seq - 1))
        if event_hash(event.prev_hash, event.seq, event) != event.hash:
            return _changed(event, before, prev)
        if event.prev_hash != prev:
            # It is whole but built on another predecessor: that one was changed and given
            # a new hash, or slipped in before it (or, for the first, its link was edited).
            if before is None:
                return Break(BreakKind.CHANGED, event)
            inserted = before.prev_hash == event.prev_hash
            return Break(BreakKind.INSERTED if inserted else BreakKind.CHANGED, before)
        expected, before = (event.seq + 1, event.hash), event
    return None


def _changed(event: StoredEvent, before: StoredEvent | None, prev: str) -> Break:
    """`event` does not match its own hash: it was changed, unless it is whole one place
    further on, having been renumbered after an event was slipped in before it, or one place
    back, renumbered after the event before it was removed."""
    if before is not None and event.seq is not None and event.prev_hash is not None:
        if (event.prev_hash == before.prev_hash
                and event_hash(event.prev_hash, event.seq - 1, event) == event.hash):
            return Break(BreakKind.INSERTED, before)
        if (event.prev_hash != prev
                and event_hash(event.prev_hash, event.seq + 1, event) == event.hash):
            return Break(BreakKind.REMOVED, event, (event.seq, event.seq))
    return Break(BreakKind.CHANGED, event)
