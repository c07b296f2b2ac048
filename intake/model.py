"""The plain data the services and the database hand each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    """What a user does at the centre; decides what the services let them do."""

    COACH = "coach"  # resource coach at the gate
    WORKSHOP = "workshop"
    STORE = "store"
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
