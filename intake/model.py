"""The plain data the services and the database hand each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    """What a user does at the centre; decides what the services let them do."""

    COACH = "coach"  # resource coach at the gate
    WORKSHOP = "workshop"
    SHOP = "store"  # at the till; stored as 'store' since the first version
    COORDINATOR = "coordinator"


class Route(StrEnum):
    """Where the coach sends an item at the gate (the R-ladder's top rungs first)."""

    SALE = "sale"
    REPAIR = "repair"
    MATERIAL = "material"


class EventType(StrEnum):
    """Kinds of entries in an item's append-only history."""

    INTAKE = "intake"
    ROUTE_CHANGED = "route_changed"
    VOIDED = "voided"
    REPAIR_STARTED = "repair_started"
    REPAIR_FINISHED = "repair_finished"
    SAFETY_TESTED = "safety_tested"
    PRICED = "priced"
    SOLD = "sold"
    RETURNED = "returned"
    MATERIAL_OUT = "material_out"
    REPURPOSED = "repurposed"  # the item was used up in making a new product
    CORRECTED = "corrected"  # cancels one earlier step; the step stays in the history
    INTAKE_CORRECTED = "intake_corrected"  # the category or weight given at intake was wrong


class Status(StrEnum):
    """Where an item is now; with its route, what can happen to it next."""

    IN_STOCK = "in_stock"  # at the centre: in the shop, on the repair shelf or the material pile
    IN_REPAIR = "in_repair"
    SOLD = "sold"
    MATERIAL_OUT = "material_out"  # left the centre to a material recipient
    REPURPOSED = "repurposed"  # became part of a new product


class Origin(StrEnum):
    """How an item got its code."""

    GATE = "gate"  # donated at the gate
    SHOP = "store"  # arrived in the shop from elsewhere and was labelled there (stored so)
    REPURPOSED = "repurposed"  # a new product made from material items
    BULK = "bulk"  # a batch of material weighed out by category, without item labels


class PaymentMethod(StrEnum):
    """How a sale was paid at the till, or a return paid back; `unknown` for the sales of
    versions before the till asked."""

    CASH = "cash"
    PIN = "pin"
    UNKNOWN = "unknown"


class RepairStatus(StrEnum):
    """The outcome of a repair, as the Open Repair Data Standard names it."""

    FIXED = "fixed"
    REPAIRABLE = "repairable"
    END_OF_LIFE = "end_of_life"


class Barrier(StrEnum):
    """Why an item reached its end of life (ORDS repair barrier, codes 1 to 6)."""

    SPARE_PARTS_NOT_AVAILABLE = "spare_parts_not_available"
    SPARE_PARTS_TOO_EXPENSIVE = "spare_parts_too_expensive"
    NO_WAY_TO_OPEN = "no_way_to_open"
    REPAIR_INFO_NOT_AVAILABLE = "repair_info_not_available"
    LACK_OF_EQUIPMENT = "lack_of_equipment"
    TOO_WORN_OUT = "too_worn_out"


@dataclass(frozen=True)
class Category:
    """A material stream as the coordinator configured it."""

    code: str
    name_nl: str
    name_en: str
    icon: str
    standard_weight_g: int
    min_weight_g: int | None = None
    max_weight_g: int | None = None
    co2_factor: float = 1.1  # kg CO2 avoided per kg reused
    co2_source: str = ""
    is_electrical: bool = False
    sort_order: int = 0
    hidden: bool = False
    price_cents: int | None = None  # the usual store price, offered at sale
    ords_category: str = ""  # ORDS product category; empty for unpowered goods

    def name(self, lang: str) -> str:
        """The name in `lang` ('nl' or 'en')."""
        return self.name_en if lang == "en" else self.name_nl


@dataclass(frozen=True)
class User:
    """A member of staff. Holds no PIN; the hash stays in the database."""

    id: str
    name: str
    role: Role
    active: bool = True
    has_pin: bool = True
    network: bool = False  # a coordinator who may see every site's figures on the hub


@dataclass(frozen=True)
class Visit:
    """One resident's drop-off at the gate; counts visitors."""

    id: str
    code: str
    station: str
    user_id: str
    started_at: datetime
    municipality: str | None = None
    ended_at: datetime | None = None


@dataclass(frozen=True)
class ShipmentRecord:
    """A delivery note as the `shipments` table holds it (its lines are material_out steps)."""

    code: str
    recipient: str
    at: datetime
    station: str
    user_id: str


@dataclass(frozen=True)
class Item:
    """One donated thing and its current state, as the events so far make it."""

    id: str
    code: str
    category: str
    weight_g: int
    weight_estimated: bool
    route: Route
    station: str
    intake_at: datetime
    visit_id: str | None = None
    voided: bool = False
    status: Status = Status.IN_STOCK
    origin: Origin = Origin.GATE
    price_cents: int | None = None
    safety: str | None = None  # 'pass' or 'fail' after an electrical safety test


@dataclass(frozen=True)
class Event:
    """One entry in an item's history; never changed or removed once written."""

    id: str
    item_id: str
    type: EventType
    at: datetime  # when it happened (may be in the past, for records entered from paper)
    recorded_at: datetime  # when it was entered
    station: str
    user_id: str
    reason: str | None = None
    data: dict[str, object] = field(default_factory=dict)
    seq: int | None = None  # its place in its station's chain, once written (m010)


@dataclass(frozen=True)
class GateTotals:
    """What came in at the gate over some span of time."""

    items: int
    grams: int
    visits: int


@dataclass(frozen=True)
class ConfigChange:
    """One change the coordinator made to the configuration."""

    at: datetime
    user: str  # the name of who made it
    what: str
    old: str | None
    new: str | None
