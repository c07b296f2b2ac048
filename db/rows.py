"""How the core tables' rows are read and written: their columns, and the conversion between
a row and the domain's objects (`intake.model`), in one place for the Store and its parts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from intake.clock import from_storage_or_unreadable, to_storage
from intake.events import Payload, PayloadError, payload_from
from intake.model import Category, Event, EventType, Item, Origin, Role, Route, Status, User, Visit

CATEGORY_COLUMNS = (
    "code, name_nl, name_en, icon, standard_weight_g, min_weight_g, max_weight_g, co2_factor, "
    "co2_source, is_electrical, sort_order, hidden, price_cents, ords_category"
)
ITEM_COLUMNS = (
    "id, code, category, weight_g, weight_estimated, route, station, intake_at, visit_id, voided, "
    "status, origin, price_cents, safety"
)
ITEM_COLUMNS_OF_I = ", ".join(f"i.{column.strip()}" for column in ITEM_COLUMNS.split(","))
VISIT_COLUMNS = "id, code, station, user_id, started_at, municipality, ended_at"
EVENT_COLUMNS = "id, item_id, type, at, recorded_at, station, user_id, reason, data"
EVENT_READ_COLUMNS = f"{EVENT_COLUMNS}, seq"  # what `event_from` reads: the place in the chain too
INSERT_VISIT = f"INSERT INTO visits ({VISIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"
INSERT_ITEM = f"INSERT INTO items ({ITEM_COLUMNS}) VALUES ({', '.join('?' * 14)})"
INSERT_EVENT = (f"INSERT INTO events ({EVENT_COLUMNS}, seq, prev_hash, hash) "
                 f"VALUES ({', '.join('?' * 12)})")

def visit_row(visit: Visit) -> list[Any]:
    return [
        visit.id, visit.code, visit.station, visit.user_id, to_storage(visit.started_at),
        visit.municipality, to_storage(visit.ended_at) if visit.ended_at else None,
    ]


def item_row(item: Item) -> list[Any]:
    return [
        item.id, item.code, item.category, item.weight_g, int(item.weight_estimated),
        item.route.value, item.station, to_storage(item.intake_at), item.visit_id,
        int(item.voided), item.status.value, item.origin.value, item.price_cents, item.safety,
    ]


def event_row(event: Event) -> list[Any]:
    return [
        event.id, event.item_id, event.type.value, to_storage(event.at),
        to_storage(event.recorded_at), event.station, event.user_id, event.reason,
        json.dumps(event.data, sort_keys=True),
    ]


def user_from(row: Sequence[Any]) -> User:
    return User(
        id=row[0], name=row[1], role=Role(row[2]), active=bool(row[3]), has_pin=bool(row[4]),
        network=bool(row[5]))


def category_from(row: Sequence[Any]) -> Category:
    return Category(
        code=row[0], name_nl=row[1], name_en=row[2], icon=row[3], standard_weight_g=row[4],
        min_weight_g=row[5], max_weight_g=row[6], co2_factor=row[7], co2_source=row[8],
        is_electrical=bool(row[9]), sort_order=row[10], hidden=bool(row[11]),
        price_cents=row[12], ords_category=row[13],
    )


def visit_from(row: Sequence[Any]) -> Visit:
    return Visit(
        id=row[0], code=row[1], station=row[2], user_id=row[3],
        started_at=from_storage_or_unreadable(row[4]), municipality=row[5],
        ended_at=from_storage_or_unreadable(row[6]) if row[6] else None,
    )


def item_from(row: Sequence[Any]) -> Item:
    return Item(
        id=row[0], code=row[1], category=row[2], weight_g=row[3], weight_estimated=bool(row[4]),
        route=Route(row[5]), station=row[6], intake_at=from_storage_or_unreadable(row[7]),
        visit_id=row[8],
        voided=bool(row[9]), status=Status(row[10]), origin=Origin(row[11]), price_cents=row[12],
        safety=row[13],
    )


def event_from(row: Sequence[Any]) -> Event:
    return Event(
        id=row[0], item_id=row[1], type=EventType(row[2]), at=from_storage_or_unreadable(row[3]),
        recorded_at=from_storage_or_unreadable(row[4]), station=row[5], user_id=row[6],
        reason=row[7],
        data=json.loads(row[8]), seq=row[9] if len(row) > 9 else None,
    )


_KINDS = {kind.value: kind for kind in EventType}  # a report reads every step's kind


def payload_from_row(event_id: str, kind: str, data: str) -> Payload:
    """The typed payload of a stored event from its id, type and data columns; PayloadError
    (one line, naming the event) for data that is no JSON or not of its kind."""
    try:
        parsed = json.loads(data)
    except (TypeError, ValueError):
        raise PayloadError(event_id, "data", data) from None
    return payload_from(_KINDS[kind], parsed, event_id)
