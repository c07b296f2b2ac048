"""One order for an item's history, the same on every station that holds the same events
(issue 13: stations merge their histories).

The rule. A step comes after:
- the item's intake;
- the steps its own station took on the item before it (its hash chain's `seq`: a station
  always sees its own steps);
- the step it names as `after`: the item's latest step its station knew when it was taken
  (the causal link every step since m012 carries in its data);
- the step it cancels (a correction).
Only between steps that did not see each other does `at` (when the step happened, by its own
station's clock) decide, then the event id. So a clock that is off by hours on one station can
misplace that station's steps only against steps it never saw: never before a step its station
had already seen, and never reordering another station's steps among themselves.

`recorded_at` (when the step was entered) takes no part: it is read from the same clock, and a
record typed in from paper is entered late on purpose. It is shown, and it decides whose own
steps of today staff may correct.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from intake.events import Corrected, PayloadError, payload_of
from intake.model import Event, EventType


def merged_order(events: Sequence[Event]) -> list[Event]:
    """`events` (one item's history, in any order) in the one order of the rule above.

    Links to events that are not there (not arrived yet) are left out; should the links form a
    cycle (only a tampered history could), the events caught in it follow in (at, id) order.
    """
    if len({event.station for event in events}) == 1 and all(e.seq is not None for e in events):
        # One station's steps only (most items): its chain orders them, and every link a
        # step names points back along it.
        return sorted(events, key=lambda event: event.seq or 0)
    by_id = {event.id: event for event in events}
    before = _before(events)
    after: dict[str, list[str]] = {event_id: [] for event_id in before}
    for event_id, earlier_ids in before.items():
        for earlier in earlier_ids:
            after[earlier].append(event_id)
    waiting = {event_id: len(earlier_ids) for event_id, earlier_ids in before.items()}
    ready = [(by_id[event_id].at, event_id) for event_id, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    ordered: list[Event] = []
    while ready:
        _, event_id = heapq.heappop(ready)
        ordered.append(by_id[event_id])
        for later in after[event_id]:
            waiting[later] -= 1
            if waiting[later] == 0:
                heapq.heappush(ready, (by_id[later].at, later))
    if len(ordered) < len(events):
        placed = {event.id for event in ordered}
        ordered.extend(sorted((e for e in events if e.id not in placed),
                              key=lambda event: (event.at, event.id)))
    return ordered


def seen_by(events: Sequence[Event], ids: Iterable[str]) -> dict[str, set[str]]:
    """For each of `ids`, the steps of `events` (one item's history) its station had seen
    when it was taken: those the rule above puts before it, and theirs, and so on."""
    before = _before(events)
    seen: dict[str, set[str]] = {}
    for event_id in ids:
        found: set[str] = set()
        waiting = list(before.get(event_id, ()))
        while waiting:
            earlier = waiting.pop()
            if earlier not in found:
                found.add(earlier)
                waiting.extend(before[earlier])
        seen[event_id] = found
    return seen


def _before(events: Sequence[Event]) -> dict[str, set[str]]:
    """For each event, the events of `events` the rule above puts right before it."""
    by_id = {event.id: event for event in events}
    before: dict[str, set[str]] = {event.id: set() for event in events}
    intakes = [event.id for event in events if event.type is EventType.INTAKE]
    own: dict[str, list[Event]] = {}
    for event in events:
        if event.seq is not None:
            own.setdefault(event.station, []).append(event)
        links = _links(event)
        if event.type is not EventType.INTAKE:
            links.extend(intakes)
        before[event.id].update(link for link in links
                                if link is not None and link in by_id and link != event.id)
    for steps in own.values():
        steps.sort(key=lambda event: event.seq or 0)
        for first, then in zip(steps, steps[1:], strict=False):
            before[then.id].add(first.id)
    return before


def _links(event: Event) -> list[str | None]:
    """The steps `event` names as before it: its `after`, and what it cancels; none for a
    step that cannot be read (it is shown as such where it falls by time)."""
    try:
        payload = payload_of(event)
    except PayloadError:
        return []
    return [payload.after, payload.cancels if isinstance(payload, Corrected) else None]
