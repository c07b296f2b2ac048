"""What every service that moves items along shares: finding an item, writing a step, correcting.

A step is one event appended to the item's history together with the item row's new state, in
one transaction. A step's time may be given (records entered from paper) but never lies in the
future, nor before the item's latest step, so that the history reads in the order it happened.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from db import Store
from db.held_steps import HeldSteps
from intake.auth import Action, require
from intake.clock import Clock, ensure_utc
from intake.codes import item_code, normalize_item_code
from intake.errors import QT_TRANSLATE_NOOP, NotAllowed, NotFound, ValidationError
from intake.events import Corrected, Intake, Payload, Repurposed, Voided, new_event, payload_of
from intake.ids import new_id
from intake.lifecycle import CORRECTABLE, active_events, apply, check_not_voided, replay
from intake.localtime import check_step_time, day_span
from intake.merge import reproject
from intake.model import Category, Event, EventType, Item, Origin, Role, Route, User, Visit
from intake.order import merged_order
from intake.registers import kind_asked
from intake.text import one_line

REASON_MIN, REASON_MAX = 3, 200

# Who may take (and so correct) each kind of step.
STEP_ACTIONS: dict[EventType, Action] = {
    EventType.ROUTE_CHANGED: Action.CORRECT_INTAKE,
    EventType.REPAIR_STARTED: Action.REPAIR,
    EventType.REPAIR_FINISHED: Action.REPAIR,
    EventType.SAFETY_TESTED: Action.REPAIR,
    EventType.PRICED: Action.PRICE,
    EventType.SOLD: Action.SELL,
    EventType.RETURNED: Action.SELL,
    EventType.MATERIAL_OUT: Action.MATERIAL_OUT,
    EventType.INTAKE_CORRECTED: Action.CORRECT_INTAKE,
}

VOID_ACTIONS: dict[Origin, Action] = {
    Origin.GATE: Action.CORRECT_INTAKE,
    Origin.SHOP: Action.LABEL_IN_SHOP,
    Origin.REPURPOSED: Action.REPURPOSE,
    Origin.BULK: Action.MATERIAL_OUT,
}


def clean_reason(text: str) -> str:
    """A correction's reason: required, one line, a few words at least."""
    cleaned = one_line(text)
    if not REASON_MIN <= len(cleaned) <= REASON_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Give a reason of {min} to {max} characters."),
            min=REASON_MIN,
            max=REASON_MAX,
        )
    return cleaned


def clean_text(text: str | None, limit: int) -> str | None:
    """An optional free text (brand, problem): one line, printable, at most `limit` characters."""
    if text is None:
        return None
    cleaned = one_line(text)
    if not cleaned:
        return None
    if len(cleaned) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A text here is at most {max} characters."), max=limit
        )
    return cleaned


class StepService:
    """Base of the services that look up items and append steps to their history."""

    def __init__(self, store: Store, clock: Clock, station: str) -> None:
        self.store = store
        self.clock = clock
        self.station = station

    # --- lookups ---------------------------------------------------------------------------

    def item(self, code: str) -> Item:
        """The item with this code, as typed or scanned."""
        found = self.store.item_by_code(normalize_item_code(code))
        if found is None and HeldSteps(self.store.db).has_code(normalize_item_code(code)):
            raise NotFound(QT_TRANSLATE_NOOP(
                "Errors", "Item {code} was taken in by a station on a newer Ambacht: it can be "
                "used here once this PC is updated too."), code=code.strip().upper())
        if found is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "No item has code {code}."), code=code.strip().upper()
            )
        return found

    def history(self, item: Item) -> list[Event]:
        """Every event of the item, corrections and what they cancelled included, in the one
        merged order (`intake.order`): for a station's own steps, oldest first."""
        return merged_order(self.store.events(item.id))

    def category_of(self, item: Item) -> Category:
        category = self.store.category(item.category)
        if category is None:  # pragma: no cover - the foreign key makes this impossible
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "Unknown category '{code}'."), code=item.category
            )
        return category

    def category(self, code: str) -> Category:
        """A category that may be used for a new item (known and not hidden)."""
        category = self.store.category(str(code).strip().lower())
        if category is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Unknown category '{code}'."), code=str(code)[:30]
            )
        if category.hidden:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Category '{code}' is hidden."), code=category.code
            )
        return category

    # --- writing ---------------------------------------------------------------------------

    def _step(
        self, user: User, item: Item, payload: Payload, at: datetime | None = None,
        reason: str | None = None, after: Event | None = None,
    ) -> tuple[Event, Item]:
        """A new event for `item` and the item as it will be; nothing is written yet.

        The event links to the item's latest step this station knows (`after`: given when it
        is a step built just before in the same write), which keeps it after that step in the
        merged history of every station (`intake.order`)."""
        history = self.history(item)
        moment = self._moment(at, item, history)
        latest = after or (history[-1] if history else None)
        event = new_event(
            replace(payload, after=latest.id if latest else None), id=new_id(),
            item_id=item.id, at=moment, recorded_at=self.clock.now(), station=self.station,
            user_id=user.id, reason=reason,
        )
        return event, apply(item, event)

    def _write(self, steps: list[tuple[Event, Item]]) -> None:
        """Append the events and save the items' new states, all or nothing; an item with
        conflicts is replayed whole, since a correction may resolve one of them."""
        with self.store.atomic():
            for event, state in steps:
                self.store.add_event(event)
                self.store.save_item_state(state)
            conflicted = self.store.merge.items_with_conflicts({e.item_id for e, _ in steps})
            if conflicted:
                reproject(self.store, conflicted)

    def _new_item(
        self, user: User, category: Category, route: Route, weight_g: int, estimated: bool,
        *, origin: Origin, at: datetime | None = None, visit: Visit | None = None,
        made_from: tuple[str, ...] = (), price_cents: int | None = None,
        serial: str | None = None,
    ) -> tuple[Item, Event]:
        """A new item and its intake event, with the station's next code; call in a transaction.

        The intake event holds everything the item started with, so that a replay of the
        history can rebuild the item row.
        """
        moment = self._moment(at)
        code = item_code(self.station, self.store.take_item_seq(self.station))
        item = Item(
            id=new_id(), code=code, category=category.code, weight_g=weight_g,
            weight_estimated=estimated, route=route, station=self.station, intake_at=moment,
            visit_id=visit.id if visit else None, origin=origin, price_cents=price_cents,
        )
        payload = Intake(
            category=item.category, route=route, weight_g=weight_g, weight_estimated=estimated,
            visit=visit.code if visit else None, origin=origin, price_cents=price_cents,
            made_from=made_from, serial=serial,
            serial_kind=None if serial is None else kind_asked(self.store, category.code),
        )
        event = new_event(
            payload, id=new_id(), item_id=item.id, at=moment, recorded_at=self.clock.now(),
            station=self.station, user_id=user.id,
        )
        self.store.add_item(item, event)
        return item, event

    # --- corrections -----------------------------------------------------------------------

    def void(self, user: User, code: str, reason: str, at: datetime | None = None) -> Item:
        """Mark an item as taken in by mistake; it then counts nowhere. History keeps it.

        Voiding a product made from material items gives those items back to the stock.
        """
        item = self.item(code)
        self._check_correctable(user, item)
        event, state = self._step(user, item, Voided(), at, reason=clean_reason(reason))
        steps = [(event, state)]
        for source_code in item_sources(self.history(item)):
            source = self.item(source_code)
            used = [e for e in active_events(self.history(source))
                    if isinstance(p := payload_of(e), Repurposed) and p.into == item.code]
            if used:
                steps.append(self._cancel(user, source, used[-1], reason, at))
        self._write(steps)
        return state

    def correct_last(
        self, user: User, code: str, reason: str, at: datetime | None = None
    ) -> tuple[Item, Event]:
        """Cancel the item's latest step (a sale, a repair outcome, ...) with a reason.

        Returns the item as it is now and the step that was cancelled; the history keeps both.
        """
        item = self.item(code)
        check_not_voided(item)
        steps = active_events(self.history(item))[1:]
        if not steps:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "Item {code} has no step to correct."), code=item.code
            )
        last = steps[-1]
        if last.type not in CORRECTABLE:
            raise NotAllowed(
                QT_TRANSLATE_NOOP(
                    "Errors", "Item {code} was used to make another product; void that one."
                ),
                code=item.code,
            )
        require(user, STEP_ACTIONS[last.type])
        if user.role is not Role.COORDINATOR:
            self._check_own_today(user, last)
        event, state = self._cancel(user, item, last, reason, at)
        self._write([(event, state)])
        return state, last

    def _cancel(
        self, user: User, item: Item, step: Event, reason: str, at: datetime | None = None
    ) -> tuple[Event, Item]:
        event, _ = self._step(user, item, Corrected(cancels=step.id, step=step.type), at,
                              reason=clean_reason(reason))
        return event, replay(item, [*self.history(item), event])

    def _check_correctable(self, user: User, item: Item) -> None:
        """Whoever may give an item its code may void it: the coach a gate intake, the store an
        item it labelled, the workshop its product; staff only their own of today."""
        require(user, VOID_ACTIONS[item.origin])
        if item.voided:
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "Item {code} was voided already."), code=item.code
            )
        if user.role is not Role.COORDINATOR:
            self._check_own_today(user, self.history(item)[0])

    def _check_own_today(self, user: User, step: Event) -> None:
        """Staff correct their own steps of today; older ones and others' go via the coordinator."""
        start, _ = day_span(self.clock.now(), self.store.settings().zone)
        if step.user_id != user.id or step.recorded_at < start:
            raise NotAllowed(
                QT_TRANSLATE_NOOP(
                    "Errors", "Only your own items of today. Ask the coordinator for this one."
                )
            )

    def _moment(self, at: datetime | None, item: Item | None = None,
                history: list[Event] | None = None) -> datetime:
        """When a step happened: now, or a given time from 2000 on, not in the future and, for
        an existing item (with its `history`), not before this station's latest step of it.

        Only this station's own steps count: another station's clock may be off, and its
        times must not move ours (the merged order does not need them to: `intake.order`)."""
        now = self.clock.now()
        moment = now if at is None else ensure_utc(at)
        if at is not None:
            check_step_time(moment, now)
        own = [event.at for event in history or () if event.station == self.station]
        if item is not None and own:
            # The latest time, not the last step's: a time that cannot be read sorts first.
            latest = max(own)
            if moment < latest:
                if at is None:
                    return latest  # a step entered earlier for a later time; keep the order
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "That time is before the latest step of item {code}."
                    ),
                    code=item.code,
                )
        return moment


def item_sources(history: list[Event]) -> list[str]:
    """The codes of the items a product was made from (empty for anything else)."""
    intake = payload_of(history[0]) if history else None
    return list(intake.made_from) if isinstance(intake, Intake) else []
