"""Which of the steps that arrived at a station can be written now, which are held for a newer
Ambacht and which wait for a later batch (issue 13; `MergeService.take_in` writes them).

Pure: it works on the steps, their payloads (none for a kind this version does not know) and
what is here, so the rule can be read and tested on its own.

- A step can be written once its item is here or taken in before it; an intake, once the visit
  it names is here.
- A step that cannot, of a kind this version does not know, names an item only a newer Ambacht
  can take in (a new way of taking items in): it is held (`db/held_steps.py`), and so is every
  later step on that item, of any station; the rest of its station's steps go on. A step held
  before and come again stays held while it still cannot be written.
- Any other step that cannot (another station's intake has not arrived: steps between
  stations' files) waits with the rest of its station's steps for a later batch, as before.

A step is held only when no other step can move: another station's steps in the same batch may
take its item in first.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from intake.chain import StoredEvent
from intake.events import Intake, Payload


def place(arrived: list[StoredEvent], payloads: dict[str, Payload], items: Iterable[str],
          visits: set[str], held_items: set[str], held_before: set[str],
          ) -> tuple[list[StoredEvent], list[StoredEvent], list[StoredEvent]]:
    """(placed, held, waiting) of the `arrived` steps, each station's in chain order:
    `placed` in an order they can be written in (each item's intake before its steps).
    `items` are the ids of the items here, `visits` the codes of the visits here or arriving,
    `held_items` the items with steps held that did not come again, `held_before` the ids of
    the arrived steps that were held before."""
    here, held_items = set(items), set(held_items)

    def ready(event: StoredEvent) -> bool:
        payload = payloads.get(event.id)
        if isinstance(payload, Intake):
            return payload.visit is None or payload.visit in visits
        return event.item_id in here

    def holdable(event: StoredEvent) -> bool:
        if event.id in held_before:
            return True
        if isinstance(payloads.get(event.id), Intake):
            return False  # it takes its item in: it waits for its visit
        return event.id not in payloads or event.item_id in held_items

    queues: dict[str, deque[StoredEvent]] = {}
    for event in arrived:
        queues.setdefault(event.station, deque()).append(event)
    placed: list[StoredEvent] = []
    held: list[StoredEvent] = []
    while True:
        moved = True
        while moved:
            moved = False
            for queue in queues.values():
                while queue and ready(queue[0]):
                    event = queue.popleft()
                    here.add(event.item_id)
                    placed.append(event)
                    moved = True
        stuck = next((queue for queue in queues.values() if queue and holdable(queue[0])), None)
        if stuck is None:
            return placed, held, [event for queue in queues.values() for event in queue]
        event = stuck.popleft()
        held_items.add(event.item_id)
        held.append(event)
