"""Commands about one item or the list of categories: intake, item, label, categories."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from cli.common import (
    Refusal,
    acting,
    note_unreadable,
    open_store,
    optional,
    reserve_for,
    service,
    write_after_step,
    write_file,
)
from db import Store
from db.newer_steps import NewerSteps
from db.times import unreadable_times_of
from intake.clock import is_unreadable
from intake.conflicts import ConflictService
from intake.gate import GateService, parse_route
from intake.labelling import LabelService
from intake.model import Event, Item
from intake.registers import RegisterService
from intake.units import format_eur, format_kg, parse_kg
from labels.layout import SIZES


def cmd_intake(args: argparse.Namespace) -> int:
    """Take in one item, in a new or open visit if asked; prints its code."""
    store, user, at = acting(args)
    gate = service(args, store, GateService)
    request = gate.prepare(args.category, parse_route(args.route),
                           optional(parse_kg, args.weight_kg), confirmed=args.confirm_weight,
                           serial=args.serial)
    if args.municipality and args.visit != "new":
        raise Refusal("--municipality goes with --visit new")
    with reserve_for(store, args.label, args.force) as out:
        with store.atomic():  # a new visit and its item are written together or not at all
            visit = None
            if args.visit == "new":
                visit = gate.start_visit(user, args.municipality, at)
            elif args.visit:
                visit = gate.visit(args.visit)
            item = gate.take_in(user, request, visit, at)
        if visit is not None and args.visit == "new":
            print(f"visit {visit.code}", file=sys.stderr)
        print(item.code)
        if request.serial is not None:
            _note_same_number(store, args, request.serial, item.code)
        return write_after_step(out, lambda: LabelService(store, args.clock).render([item]))


def _note_same_number(store: Store, args: argparse.Namespace, serial: str, code: str) -> None:
    """Say on stderr which items at the centre carry the new item's number too (taken in
    twice?); the intake stands, as the same bike may come back after it left."""
    others = RegisterService(store, args.clock).in_stock_with(serial, code)
    if others:
        codes = ", ".join(item.code for item in others)
        has = "has" if len(others) == 1 else "have"
        print(f"ambacht: {codes} at the centre {has} serial number {serial} too: check that "
              "it is not the same item taken in twice.", file=sys.stderr)


def _item_json(store: Store, gate: GateService, item: Item) -> dict[str, object]:
    visit = store.visit(item.visit_id) if item.visit_id else None
    names = {user.id: user.name for user in store.users(include_inactive=True)}
    history = gate.history(item)
    steps = {event.id: event for event in history}
    marks = ConflictService(store, gate.clock, gate.station)
    cancelled, refused = marks.cancelled_steps(item), marks.refused_steps(item)
    return {
        "code": item.code,
        "unreadable_times": unreadable_times_of(store.db, item.id),
        "category": item.category,
        "weight_g": item.weight_g,
        "weight_kg": item.weight_g / 1000,
        "weight_estimated": item.weight_estimated,
        "route": item.route.value,
        "status": item.status.value,
        "origin": item.origin.value,
        "price_eur": None if item.price_cents is None else item.price_cents / 100,
        "safety_test": item.safety,
        "station": item.station,
        "intake_at": _iso(item.intake_at),
        "visit": visit.code if visit else None,
        "municipality": visit.municipality if visit else None,
        "voided": item.voided,
        # Stations whose steps on it are of kinds this version does not know (issue 13).
        "needs_newer_ambacht": NewerSteps(store.db).of_item(item.id),
        "history": [
            {
                "id": event.id,
                "type": event.type.value,
                "at": _iso(event.at),
                "recorded_at": _iso(event.recorded_at),
                "station": event.station,
                "user": names.get(event.user_id, event.user_id),
                "reason": event.reason,
                "data": event.data,
                "cancelled": event.id in cancelled,
                # A step another station's contradicted: kept, counts for nothing (issue 13).
                "conflict": None if event.id not in refused else {
                    "refused_after": _step_json(steps[refused[event.id]], names)},
            }
            for event in history
        ],
    }


def cmd_item(args: argparse.Namespace) -> int:
    """Show an item and its history, as text or JSON; by its code or by its serial number
    (every item taken in with it, the latest first)."""
    if args.code is not None and args.serial is not None:
        raise Refusal("Give an item's code or --serial NUMBER, not both.")
    if args.code is None and args.serial is None:
        raise Refusal("Give an item's code (A000123), or --serial NUMBER to find the items "
                      "taken in with that number.")
    store = open_store(args)
    gate = service(args, store, GateService)
    if args.serial is None:
        found = [gate.item(args.code)]
    else:
        found = RegisterService(store, args.clock).find(args.serial)
    if args.json:
        shown = [_item_json(store, gate, item) for item in found]
        print(json.dumps(shown[0] if args.serial is None else shown, ensure_ascii=False,
                         indent=2))
        return max(note_unreadable(store, item) for item in found)
    return max(_print_item(store, gate, item) for item in found)


def _print_item(store: Store, gate: GateService, item: Item) -> int:
    data = _item_json(store, gate, item)
    zone = store.settings().zone
    weight = format_kg(item.weight_g, "en", estimated=item.weight_estimated)
    state = "VOIDED" if item.voided else f"{item.status.value}, route {item.route.value}"
    if item.price_cents is not None:
        state += f", {format_eur(item.price_cents, 'en')}"
    print(f"{item.code}  {item.category}  {weight}  {state}")
    print(f"visit {data['visit'] or '-'}  municipality {data['municipality'] or '-'}")
    for event in data["history"]:  # type: ignore[attr-defined]
        local = ("(unreadable)    " if event["at"] is None else
                 datetime.fromisoformat(event["at"]).astimezone(zone).strftime("%Y-%m-%d %H:%M"))
        reason = f"  reason: {event['reason']}" if event["reason"] else ""
        details = ", ".join(f"{k}={v}" for k, v in event["data"].items() if v not in (None, ""))
        mark = ("  [cancelled]" if event["cancelled"] else
                "  [conflict, counts for nothing]" if event["conflict"] else "")
        print(f"  {local}  {event['type']:<15} {event['user']} @ {event['station']}{reason}"
              f"{'  ' + details if details else ''}{mark}")
    for letter in data["needs_newer_ambacht"]:  # type: ignore[attr-defined]
        print(f"  needs a newer Ambacht: steps of station {letter} are kept without effect "
              "until this PC is updated")
    return note_unreadable(store, item)


def _step_json(event: Event, names: dict[str, str]) -> dict[str, object]:
    """Which step, for a conflict's mark: its id, kind, station and person."""
    return {"id": event.id, "type": event.type.value, "station": event.station,
            "user": names.get(event.user_id, event.user_id)}


def _iso(moment: datetime) -> str | None:
    """A time for `item --json`; None for one that cannot be read (listed apart)."""
    return None if is_unreadable(moment) else moment.isoformat()


def cmd_label(args: argparse.Namespace) -> int:
    """Print an item's label again, or write it to a file."""
    store = open_store(args)
    item = service(args, store, GateService).item(args.code)
    if args.size is not None and args.size not in SIZES:
        raise Refusal(f"unknown label size '{args.size}'; use {', '.join(SIZES)}")
    labels = LabelService(store, args.clock)
    if args.out:
        return write_file(store, args.out, args.force, lambda: labels.render([item], args.size))
    print(labels.printer().print_labels([labels.content(item)], args.size or labels.size(),
                                        labels.copies(), item.code))
    return 0


def cmd_categories(args: argparse.Namespace) -> int:
    """List the category codes, hidden ones marked, as text or JSON."""
    store = open_store(args)
    rows = store.categories(include_hidden=True)
    if args.json:
        print(json.dumps([
            {"code": c.code, "name_nl": c.name_nl, "name_en": c.name_en,
             "standard_weight_kg": c.standard_weight_g / 1000,
             "min_weight_kg": None if c.min_weight_g is None else c.min_weight_g / 1000,
             "max_weight_kg": None if c.max_weight_g is None else c.max_weight_g / 1000,
             "co2_factor": c.co2_factor, "electrical": c.is_electrical, "hidden": c.hidden}
            for c in rows
        ], ensure_ascii=False, indent=2))
        return 0
    for c in rows:
        hidden = "  (hidden)" if c.hidden else ""
        print(f"{c.code:<12} {c.name_en:<28} {format_kg(c.standard_weight_g, 'en'):>8}{hidden}")
    return 0
