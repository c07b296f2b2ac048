"""Each kind of event's data as a typed, frozen dataclass, and the one conversion between it and
the JSON object stored in `events.data`.

The services, the replay, the reports and the screens build and read these payloads; nothing
else reads `Event.data` or builds it by hand. The stored form does not change, and an event read
and written again gives the same JSON, byte for byte, so the hash chain (`intake/chain.py`) of
every stored event still holds:

- keys this version does not know (an event from a newer station) are kept in `extra` and
  written back as they came;
- a key an older version did not write reads as the field's default (listed in each class)
  and is not added when the payload is written again;
- a value of the wrong type (a hand edit: a price "abc") raises `PayloadError`, a one-line
  `AmbachtError` naming the event, the key and the value, never a crash further on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

from intake.errors import QT_TRANSLATE_NOOP, AmbachtError
from intake.model import Barrier, Event, EventType, Origin, PaymentMethod, RepairStatus, Route


class PayloadError(AmbachtError):
    """A stored event whose data this version cannot read (not a JSON object, a key missing, a
    value of the wrong type)."""

    def __init__(self, event_id: str, key: str, value: object) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Step {event} cannot be read: {key} is '{value}'."),
            event=event_id, key=key, value=str(value)[:40],
        )


# --- how one value is read from JSON and written back ------------------------------------------

@dataclass(frozen=True)
class _Codec:
    read: Callable[[object], Any]  # raises TypeError, ValueError or KeyError for a bad value
    write: Callable[[Any], object]


def _same(value: object) -> object:
    return value


def _typed(kind: type) -> _Codec:
    def read(value: object) -> object:
        # The exact type, as JSON gives it: a price of `true` (a bool, so an int in Python) or
        # 12.5 is a bad value, not a price.
        if type(value) is not kind:
            raise TypeError(value)
        return value
    return _Codec(read, _same)


def _enum(kind: type[StrEnum]) -> _Codec:
    members = {member.value: member for member in kind}  # 5 times faster than kind(value)

    def read(value: object) -> StrEnum:
        if type(value) is not str:
            raise TypeError(value)
        return members[value]
    return _Codec(read, lambda value: value.value)


def _optional(codec: _Codec) -> _Codec:
    return _Codec(lambda value: None if value is None else codec.read(value),
                  lambda value: None if value is None else codec.write(value))


def _one_of(*choices: str) -> _Codec:
    def read(value: object) -> str:
        if value not in choices:
            raise ValueError(value)
        return str(value)
    return _Codec(read, _same)


def _codes_read(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise TypeError(value)
    return tuple(value)


_INT, _TEXT, _BOOL = _typed(int), _typed(str), _typed(bool)
_CODES = _Codec(_codes_read, list)


def _key(codec: _Codec, *, default: Any = MISSING, key: str | None = None,
         omitted: bool = False) -> Any:
    """A payload field stored under `key` (its own name unless given). An `omitted` field is
    left out of the JSON while it holds its default, as the services always wrote it."""
    return field(default=default, metadata=_stored(codec, key, omitted))


def _stored(codec: _Codec, key: str | None = None, omitted: bool = False) -> dict[str, Any]:
    """The metadata that makes a dataclass field a stored key of the payload."""
    return {"codec": codec, "key": key, "omitted": omitted}


# --- the payloads ----------------------------------------------------------------------------

# Shared by every payload without unknown keys: a report holds one payload per step, and fewer
# objects kept alive keep the garbage collector's passes short (slots, for the same reason).
_NO_EXTRA: Mapping[str, object] = MappingProxyType({})

@dataclass(frozen=True, slots=True)
class _Payload:
    """What every payload has besides its own fields (keyword-only, at the end)."""

    TYPE: ClassVar[EventType]
    # The id of the item's latest step the station knew when it took this one (None for an
    # intake and for steps written before m012): the causal link that orders an item's merged
    # history (`intake/order.py`). Stored only when set, so older events read back unchanged.
    after: str | None = field(default=None, kw_only=True,
                              metadata=_stored(_optional(_TEXT), omitted=True))
    # Keys this version does not know, as they came (an event from a newer station).
    extra: Mapping[str, object] = field(default_factory=lambda: _NO_EXTRA, kw_only=True,
                                        repr=False)
    # The known keys the stored JSON had (None for a payload built here): a key an older
    # version did not write is not added when the payload is written again.
    stored_keys: frozenset[str] | None = field(default=None, kw_only=True, repr=False,
                                               compare=False)


@dataclass(frozen=True, slots=True)
class Intake(_Payload):
    """An item got its code: everything it started with, so a replay can rebuild it.
    `visit` is the visit's code; `origin` (default gate), `price_cents`, `made_from` (the
    source items of a repurposed product) and `serial` (a frame number, IMEI or serial number
    for the police register; never anything about a person) with `serial_kind` (the kind of
    number the category asked for then: `frame`, `imei_serial`, or `serial` when it asked
    none) are stored only when they say something."""

    TYPE = EventType.INTAKE
    category: str = _key(_TEXT)
    route: Route = _key(_enum(Route))
    weight_g: int = _key(_INT)
    weight_estimated: bool = _key(_BOOL, default=False)
    visit: str | None = _key(_optional(_TEXT), default=None)
    origin: Origin = _key(_enum(Origin), default=Origin.GATE, omitted=True)
    price_cents: int | None = _key(_optional(_INT), default=None, omitted=True)
    made_from: tuple[str, ...] = _key(_CODES, default=(), omitted=True)
    serial: str | None = _key(_optional(_TEXT), default=None, omitted=True)
    serial_kind: str | None = _key(_optional(_TEXT), default=None, omitted=True)


@dataclass(frozen=True, slots=True)
class RouteChanged(_Payload):
    """The item was sent along another route (stored as `from` and `to`)."""

    TYPE = EventType.ROUTE_CHANGED
    from_: Route = _key(_enum(Route), key="from")
    to: Route = _key(_enum(Route))


@dataclass(frozen=True, slots=True)
class Voided(_Payload):
    """The item was taken in by mistake; the event's reason says why."""

    TYPE = EventType.VOIDED


@dataclass(frozen=True, slots=True)
class RepairStarted(_Payload):
    """The item went into repair from `from_route` (None if not stored)."""

    TYPE = EventType.REPAIR_STARTED
    from_route: Route | None = _key(_optional(_enum(Route)), default=None)


@dataclass(frozen=True, slots=True)
class RepairFinished(_Payload):
    """How a repair ended, in ORDS terms; `price_cents` (stored only when set) prices a fixed
    item. Unknown texts and numbers are None; `ords_category` defaults to ''."""

    TYPE = EventType.REPAIR_FINISHED
    status: RepairStatus = _key(_enum(RepairStatus))
    barrier: Barrier | None = _key(_optional(_enum(Barrier)), default=None)
    problem: str | None = _key(_optional(_TEXT), default=None)
    brand: str | None = _key(_optional(_TEXT), default=None)
    year: int | None = _key(_optional(_INT), default=None)
    minutes: int | None = _key(_optional(_INT), default=None)
    ords_category: str = _key(_TEXT, default="")
    price_cents: int | None = _key(_optional(_INT), default=None, omitted=True)


@dataclass(frozen=True, slots=True)
class SafetyTested(_Payload):
    """An electrical safety test: `result` is 'pass' or 'fail'."""

    TYPE = EventType.SAFETY_TESTED
    result: str = _key(_one_of("pass", "fail"))

    @property
    def passed(self) -> bool:
        return self.result == "pass"


@dataclass(frozen=True, slots=True)
class Priced(_Payload):
    """A store price was put on the item."""

    TYPE = EventType.PRICED
    price_cents: int = _key(_INT)


@dataclass(frozen=True, slots=True)
class Sold(_Payload):
    """The item was sold; `sale` is the id of the till's sale (None if not stored), `method`
    how it was paid (`unknown` for sales stored before the till asked)."""

    TYPE = EventType.SOLD
    price_cents: int = _key(_INT)
    sale: str | None = _key(_optional(_TEXT), default=None)
    method: PaymentMethod = _key(_enum(PaymentMethod), default=PaymentMethod.UNKNOWN)


@dataclass(frozen=True, slots=True)
class Returned(_Payload):
    """A customer brought the item back and got `refund_cents`, paid back by `method`;
    `sale` as in `Sold`."""

    TYPE = EventType.RETURNED
    refund_cents: int = _key(_INT)
    sale: str | None = _key(_optional(_TEXT), default=None)
    method: PaymentMethod = _key(_enum(PaymentMethod), default=PaymentMethod.UNKNOWN)


@dataclass(frozen=True, slots=True)
class MaterialOut(_Payload):
    """The item left as material on delivery note `shipment` to `recipient`."""

    TYPE = EventType.MATERIAL_OUT
    shipment: str = _key(_TEXT)
    recipient: str = _key(_TEXT)


@dataclass(frozen=True, slots=True)
class Repurposed(_Payload):
    """The item was used up making the product with code `into`."""

    TYPE = EventType.REPURPOSED
    into: str = _key(_TEXT)


@dataclass(frozen=True, slots=True)
class Corrected(_Payload):
    """Cancels the step with id `cancels`; `step` is that step's kind (None if not stored)."""

    TYPE = EventType.CORRECTED
    cancels: str = _key(_TEXT)
    step: EventType | None = _key(_optional(_enum(EventType)), default=None)


@dataclass(frozen=True, slots=True)
class IntakeCorrected(_Payload):
    """The category or weight the item was taken in with was wrong: what it is now
    (`category`, `weight_g`, `weight_estimated`) and what it was (`from_category`,
    `from_weight_g`), so that the history reads without the steps before it."""

    TYPE = EventType.INTAKE_CORRECTED
    category: str = _key(_TEXT)
    weight_g: int = _key(_INT)
    weight_estimated: bool = _key(_BOOL)
    from_category: str = _key(_TEXT)
    from_weight_g: int = _key(_INT)


Payload = (Intake | RouteChanged | Voided | RepairStarted | RepairFinished | SafetyTested
           | Priced | Sold | Returned | MaterialOut | Repurposed | Corrected | IntakeCorrected)

P = TypeVar("P", bound=_Payload)

PAYLOADS: dict[EventType, type[_Payload]] = {
    kind.TYPE: kind for kind in (Intake, RouteChanged, Voided, RepairStarted, RepairFinished,
                                 SafetyTested, Priced, Sold, Returned, MaterialOut, Repurposed,
                                 Corrected, IntakeCorrected)
}


# --- the one conversion ----------------------------------------------------------------------

@dataclass(frozen=True)
class _Stored:
    """One stored field of a payload class, looked up once (reports read every step)."""

    name: str  # the attribute
    key: str  # the JSON key
    codec: _Codec
    default: Any  # MISSING for a key every event of its kind has
    omitted: bool


def _stored_fields(kind: type[_Payload]) -> tuple[_Stored, ...]:
    return tuple(_Stored(f.name, f.metadata["key"] or f.name, f.metadata["codec"], f.default,
                         f.metadata["omitted"])
                 for f in fields(kind) if "codec" in f.metadata)


_FIELDS = {kind: _stored_fields(cls) for kind, cls in PAYLOADS.items()}
_KEYS = {kind: frozenset(stored.key for stored in specs) for kind, specs in _FIELDS.items()}


def payload_from(kind: EventType, data: object, event_id: str) -> Payload:
    """The payload of a `kind` event from its stored data (the parsed JSON)."""
    if not isinstance(data, dict):
        raise PayloadError(event_id, "data", data)
    values: dict[str, Any] = {}
    for stored in _FIELDS[kind]:
        if stored.key in data:
            try:
                values[stored.name] = stored.codec.read(data[stored.key])
            except (TypeError, ValueError, KeyError):
                raise PayloadError(event_id, stored.key, data[stored.key]) from None
        elif stored.default is MISSING:
            raise PayloadError(event_id, stored.key, "")
    known = _KEYS[kind]
    present = known.intersection(data)
    if present == known:
        present = known
    extra = ({key: value for key, value in data.items() if key not in known}
             if len(present) < len(data) else _NO_EXTRA)
    payload = PAYLOADS[kind](**values, extra=extra, stored_keys=present)
    return payload  # type: ignore[return-value]


def payload_of(event: Event) -> Payload:
    """The typed payload of a stored or new event."""
    return payload_from(event.type, event.data, event.id)


def payloads_of_kind(events: Iterable[Event], kind: type[P]) -> list[P]:
    """The payloads of those `events` that are of `kind` (the others are not read)."""
    return [payload for event in events if event.type is kind.TYPE
            if isinstance(payload := payload_of(event), kind)]


def to_data(payload: Payload) -> dict[str, object]:
    """The JSON object stored for `payload`: its fields, then the keys it kept as they came."""
    data: dict[str, object] = {}
    for stored in _FIELDS[payload.TYPE]:
        value = getattr(payload, stored.name)
        at_default = value == stored.default
        if payload.stored_keys is not None:
            keep = stored.key in payload.stored_keys or not at_default
        else:
            keep = not (stored.omitted and at_default)
        if keep:
            data[stored.key] = stored.codec.write(value)
    data.update(payload.extra)
    return data


def new_event(payload: Payload, *, id: str, item_id: str, at: datetime,  # noqa: A002
              recorded_at: datetime, station: str, user_id: str,
              reason: str | None = None) -> Event:
    """An event carrying `payload`, of the payload's kind."""
    return Event(id=id, item_id=item_id, type=payload.TYPE, at=at, recorded_at=recorded_at,
                 station=station, user_id=user_id, reason=reason, data=to_data(payload))
