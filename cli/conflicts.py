"""`ambacht conflicts` and `ambacht resolve`: the steps of stations that contradict each other
(kept without effect, issue 13), and the coordinator's resolution of one."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import tzinfo

from cli.common import acting, open_store, service
from intake.clock_skew import in_words
from intake.conflicts import Conflict, ConflictService, ConflictStep


def cmd_conflicts(args: argparse.Namespace) -> int:
    """List the open conflicts, as text or as a JSON list (one object per conflict)."""
    store = open_store(args)
    conflicts = service(args, store, ConflictService)
    found = conflicts.open_conflicts()
    warn_shared_pins(conflicts, store.settings().zone)
    warn_newer(conflicts)
    warn_clocks(conflicts)
    if args.json:
        print(json.dumps([_json(conflict) for conflict in found], ensure_ascii=False, indent=2))
        return 0
    zone = store.settings().zone
    for conflict in found:
        print(f"{conflict.code}  {_line(conflict.step, zone)}")
        print(f"           refused after {_line(conflict.cause, zone)}")
    if not found:
        print("no open conflicts")
    return 0


def warn_shared_pins(conflicts: ConflictService, zone: tzinfo) -> None:
    """On stderr: colleagues found to share a PIN since their stations' staff lists met."""
    for one, other, found_at in conflicts.shared_pins():
        local = found_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        print(f"ambacht: {one} and {other} have the same PIN (found {local}): neither can log "
              "in until one of them gets a new PIN", file=sys.stderr)


def warn_clocks(conflicts: ConflictService) -> None:
    """On stderr: stations whose clock is more than a few minutes off the hub's."""
    for letter, offset in conflicts.clocks_off():
        print(f"ambacht: {in_words(offset, f'the clock of station {letter}')}: set it right",
              file=sys.stderr)


def warn_newer(conflicts: ConflictService) -> None:
    """On stderr, once: stations that run a newer Ambacht, whose new kinds of steps wait
    here without effect until this PC is updated."""
    letters = conflicts.newer_stations()
    if letters:
        who = (f"station {letters[0]} uses" if len(letters) == 1
               else f"stations {', '.join(letters)} use")
        waiting = conflicts.newer_waiting()
        steps = "1 step waits" if waiting == 1 else f"{waiting} steps wait"
        print(f"ambacht: update Ambacht: {who} a newer version; {steps} here for it, kept, and "
              "count once this PC is updated", file=sys.stderr)


def cmd_resolve(args: argparse.Namespace) -> int:
    """Cancel one of an open conflict's two steps, with a reason."""
    store, user, _ = acting(args)
    item = service(args, store, ConflictService).resolve(user, args.step, args.reason)
    state = "VOIDED" if item.voided else f"{item.status.value}, route {item.route.value}"
    print(f"{item.code}  cancelled step {args.step}; now {state}")
    return 0


def _json(conflict: Conflict) -> dict[str, object]:
    return {"item": conflict.code, "step": _step_json(conflict.step),
            "cause": _step_json(conflict.cause)}


def _step_json(step: ConflictStep) -> dict[str, object]:
    return {"id": step.id, "type": step.type.value, "at": step.at.isoformat(),
            "station": step.station, "person": step.person,
            "cancels": step.cancels.value if step.cancels else None}


def _line(step: ConflictStep, zone: tzinfo) -> str:
    local = step.at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    what = f"cancels {step.cancels.value}" if step.cancels else step.type.value
    return f"{what:<15} {local}  station {step.station}  {step.person}  ({step.id})"
