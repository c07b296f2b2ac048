"""A station's records as they travel to and from the hub: JSON objects of their stored text.

Events go as stored (every field's text, with their place in the chain), so that any copy can
check their hashes; visits and delivery notes with their times in the stored form
(`intake.clock.to_storage`), item codes as (item id, code).
"""

from __future__ import annotations

from typing import Any

from intake.chain import StoredEvent
from intake.clock import from_storage, to_storage
from intake.merge import ItemCode, SiteBatch
from intake.model import ShipmentRecord, Visit

Record = dict[str, Any]


def outgoing_records(batch: SiteBatch) -> dict[str, list[Record]]:
    """A batch of this station's own records, as `HubSession.push` takes them."""
    return {
        "codes": [{"item_id": code.item_id, "code": code.code} for code in batch.codes],
        "visits": [{"id": visit.id, "code": visit.code, "station": visit.station,
                    "user_id": visit.user_id, "municipality": visit.municipality,
                    "started_at": to_storage(visit.started_at),
                    "ended_at": None if visit.ended_at is None else to_storage(visit.ended_at)}
                   for visit in batch.visits],
        "shipments": [{"code": note.code, "recipient": note.recipient, "at": to_storage(note.at),
                       "station": note.station, "user_id": note.user_id}
                      for note in batch.shipments],
        "events": [event._asdict() for event in batch.events],
    }


def incoming_batch(got: Record) -> SiteBatch:
    """What `HubSession.pull` gave, as the batch `MergeService.take_in` takes in."""
    return SiteBatch(
        events=tuple(StoredEvent(**event) for event in got["events"]),
        visits=tuple(Visit(id=visit["id"], code=visit["code"], station=visit["station"],
                           user_id=visit["user_id"], municipality=visit["municipality"],
                           started_at=from_storage(visit["started_at"]),
                           ended_at=None if visit["ended_at"] is None
                           else from_storage(visit["ended_at"]))
                     for visit in got["visits"]),
        shipments=tuple(ShipmentRecord(code=note["code"], recipient=note["recipient"],
                                       at=from_storage(note["at"]), station=note["station"],
                                       user_id=note["user_id"])
                        for note in got["shipments"]),
        codes=tuple(ItemCode(code["item_id"], code["code"]) for code in got["codes"]),
    )
