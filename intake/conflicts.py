"""Conflicts between stations' steps, and how the coordinator resolves them (issue 13).

Offline, two stations can take steps that contradict each other: the till sells an item the
gate voided meanwhile, the workshop ends a repair on an item the shop has sold. The merged
replay (`lifecycle.replay_history`) keeps such a step without effect and records it with the
step that caused it (`conflicts`, m012). Nothing is edited to resolve one: the coordinator
cancels one of the two with a correction and a reason, a new step like any other that
travels to every station. Cancelling the refused step keeps things as they are; cancelling
the cause (a void too: this is the one place a void can be undone) lets the refused step
count, and the item is replayed. A resolved conflict leaves the list on every station.
Two coordinators who resolve one conflict opposite ways, offline, make a conflict of two
corrections (`lifecycle.settle`): resolved the same way, by cancelling one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.newer_steps import NewerSteps
from db.overruled import cancelled_of
from db.shared_pins import open_findings
from db.station_clocks import clocks
from intake.auth import Action, require
from intake.clock import from_storage_or_unreadable
from intake.clock_skew import is_off
from intake.errors import QT_TRANSLATE_NOOP, NotAllowed, NotFound
from intake.model import EventType, Item, User
from intake.steps import StepService


@dataclass(frozen=True)
class ConflictStep:
    """One of a conflict's two steps: what, when (UTC), where and by whom."""

    id: str
    type: EventType
    at: datetime
    station: str
    person: str
    cancels: EventType | None = None  # a correction's: the kind of step it cancels


@dataclass(frozen=True)
class Conflict:
    """A step kept without effect (`step`), and the earlier step whose state refused it."""

    code: str  # the item's
    step: ConflictStep
    cause: ConflictStep


class ConflictService(StepService):
    """The open conflicts of the site, as this station has them, and their resolution."""

    def open_conflicts(self) -> list[Conflict]:
        """Every open conflict, the oldest refused step first."""
        return [Conflict(row[0], _step(row[1:7]), _step(row[7:13]))
                for row in self.store.merge.conflicts()]

    def shared_pins(self) -> list[tuple[str, str, datetime]]:
        """(name, other's name, found at) of colleagues found to share a PIN since their
        stations' staff lists met, not given a new PIN yet (`db/shared_pins.py`)."""
        return open_findings(self.store.db)

    def newer_stations(self) -> list[str]:
        """The letters of the stations that run a newer Ambacht: steps of theirs of kinds
        this version does not know wait here, without effect (`db/newer_steps.py`)."""
        return NewerSteps(self.store.db).stations()

    def newer_waiting(self) -> int:
        """How many steps wait here for a newer Ambacht: of kinds this version does not know,
        and the steps on items only a newer Ambacht takes in (`db/held_steps.py`)."""
        return NewerSteps(self.store.db).waiting()

    def clocks_off(self) -> list[tuple[str, int]]:
        """(letter, seconds ahead of the hub: negative behind) of the site's stations whose
        clock was more than a few minutes off at their last round, as the hub said at this
        station's last round (`intake/clock_skew.py`)."""
        return [(letter, offset) for letter, offset in clocks(self.store.db).items()
                if is_off(offset)]

    def newer_on(self, item: Item) -> list[str]:
        """The stations whose steps on the item wait for a newer Ambacht here."""
        return NewerSteps(self.store.db).of_item(item.id)

    def refused_steps(self, item: Item) -> dict[str, str]:
        """The item's steps in open conflicts (kept without effect): the id of the step that
        refused each, by its id."""
        return self.store.merge.refused_steps(item.id)

    def cancelled_steps(self, item: Item) -> set[str]:
        """The ids of the item's steps cancelled by a correction that stands (one of two
        opposite resolutions of a conflict does not, `lifecycle.settle`)."""
        return cancelled_of(self.store.db, item.id)

    def resolve(self, user: User, cancel: str, reason: str) -> Item:
        """Resolve a conflict by cancelling `cancel`, one of its two steps (the refused step
        or its cause: a cause may settle several conflicts at once), with a reason; returns
        the item as it is then."""
        require(user, Action.RESOLVE_CONFLICTS)
        found = [c for c in self.open_conflicts() if cancel in (c.step.id, c.cause.id)]
        if not found:
            raise NotFound(QT_TRANSLATE_NOOP(
                "Errors", "Step {step} is not one of an open conflict's two steps."),
                step=cancel[:40])
        conflict = found[0]
        item = self.item(conflict.code)
        history = self.history(item)
        target = next(event for event in history if event.id == cancel)
        if target.type is EventType.INTAKE:
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "Errors", "Item {code}'s intake cannot be cancelled; void the item instead."),
                code=item.code)
        event, state = self._cancel(user, item, target, reason)
        self._write([(event, state)])
        return self.item(item.code)  # the replay of `_write` may have changed it further


def _step(row: tuple[object, ...]) -> ConflictStep:
    return ConflictStep(id=str(row[0]), type=EventType(str(row[1])),
                        at=from_storage_or_unreadable(str(row[2])), station=str(row[3]),
                        person=str(row[4]),
                        cancels=EventType(str(row[5])) if row[5] is not None else None)
