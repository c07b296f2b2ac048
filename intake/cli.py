"""The `ambacht` command: starts the app, or does one thing from a script.

Every refusal exits with status 2 and one line on stderr and changes nothing; the command line
acts as the built-in 'Command line' account, so its intakes are attributed in the history.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import NoReturn
from zoneinfo import ZoneInfo

from db import Store
from intake.auth import SYSTEM_USER_ID
from intake.clock import SystemClock
from intake.errors import AmbachtError
from intake.gate import GateService, parse_route
from intake.labelling import LabelService
from intake.localtime import parse_local_or_utc, site_zone
from intake.model import Item, User
from intake.paths import default_db_path
from intake.setup import initialize
from intake.units import format_kg, parse_kg
from labels.layout import SIZES
from labels.printing import PrintError

EXIT_REFUSED = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line, like every other refusal."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_REFUSED, f"{self.prog}: {message}\n")


def _build_parser() -> argparse.ArgumentParser:
    db_opt = _Parser(add_help=False)
    db_opt.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, help="database file (default: data dir)"
    )
    parser = _Parser(prog="ambacht", description="Ambacht: intake at a circular craft centre.")
    parser.add_argument("--db", type=Path, default=None, help="database file")
    parser.add_argument("--lang", choices=["nl", "en"], help="language of the app")
    parser.add_argument("--fullscreen", action="store_true", help="fill the screen (kiosk)")
    parser.add_argument("--demo", action="store_true", help="open a database full of demo data")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    init = sub.add_parser("init", parents=[db_opt], help="create the database")
    init.add_argument("--site", help="site name on labels and reports")
    init.add_argument("--station", help="this station's letter, A to Z (default A)")

    intake = sub.add_parser("intake", parents=[db_opt], help="take in one item")
    intake.add_argument("--category", required=True, help="category code (see 'categories')")
    intake.add_argument("--route", required=True, help="sale, repair or material")
    intake.add_argument("--weight-kg", help="weight in kg; without it the standard weight")
    intake.add_argument("--confirm-weight", action="store_true",
                        help="accept a weight outside the category's usual bounds")
    intake.add_argument("--visit", help="'new' or the code of an open visit (VA000012)")
    intake.add_argument("--municipality", help="municipality of the visit (with --visit new)")
    intake.add_argument("--at", help="when it was taken in (ISO time; local unless offset)")
    intake.add_argument("--label", type=Path, help="also write the label PDF to this file")

    item = sub.add_parser("item", parents=[db_opt], help="show an item and its history")
    item.add_argument("code")
    item.add_argument("--json", action="store_true")

    label = sub.add_parser("label", parents=[db_opt], help="reprint an item's label")
    label.add_argument("code")
    label.add_argument("--out", type=Path, help="write the PDF here instead of printing")
    label.add_argument("--size", help="label size (62x29, 57x32, 102x51, a4)")

    categories = sub.add_parser("categories", parents=[db_opt], help="list category codes")
    categories.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `ambacht` console script."""
    try:
        args = _build_parser().parse_args(argv)
    except SystemExit as exit_:  # bad usage (status 2, one line already said) or --help (0)
        return int(exit_.code or 0)
    if args.command is None:
        from ui.app import run_app  # Qt is loaded only when the app is wanted

        return run_app(db_path=args.db, lang=args.lang, fullscreen=args.fullscreen, demo=args.demo)
    try:
        return _COMMANDS[args.command](args)
    except AmbachtError as exc:
        return _refuse(str(exc))
    except PrintError as exc:
        return _refuse(str(exc))


def _refuse(message: str) -> int:
    print(f"ambacht: {message}", file=sys.stderr)
    return EXIT_REFUSED


def _open(args: argparse.Namespace, *, create: bool = False) -> Store:
    return Store.open(getattr(args, "db", None) or default_db_path(), create=create)


def _cmd_init(args: argparse.Namespace) -> int:
    store = _open(args, create=True)
    if not initialize(store, SystemClock(), site_name=args.site, station=args.station):
        print(f"ambacht: {store.path} is already an Ambacht database; nothing changed.",
              file=sys.stderr)
        return 0
    print(f"Created {store.path}")
    return 0


def _gate(store: Store) -> tuple[GateService, User]:
    user = store.user(SYSTEM_USER_ID)
    assert user is not None, "initialize() creates the command line's account"
    return GateService(store, SystemClock(), store.settings()["station"]), user


def _cmd_intake(args: argparse.Namespace) -> int:
    store = _open(args)
    gate, user = _gate(store)
    zone = site_zone(store.settings())
    at = _parse_at(args.at, zone) if args.at else None
    weight_g = parse_kg(args.weight_kg) if args.weight_kg is not None else None
    request = gate.prepare(args.category, parse_route(args.route), weight_g,
                           confirmed=args.confirm_weight)
    if args.municipality and args.visit != "new":
        return _refuse("--municipality goes with --visit new")
    with store.atomic():  # a new visit and its item are written together or not at all
        visit = None
        if args.visit == "new":
            visit = gate.start_visit(user, args.municipality, at)
        elif args.visit:
            visit = gate.visit(args.visit)
        item = gate.take_in(user, request, visit, at)
    if visit is not None and args.visit == "new":
        print(f"visit {visit.code}", file=sys.stderr)
    if args.label:
        _write_label(store, item, args.label)
    print(item.code)
    return 0


def _parse_at(text: str, zone: ZoneInfo) -> datetime:
    try:
        return parse_local_or_utc(text, zone)
    except ValueError:
        raise _Refusal(f"'{text[:40]}' is not an ISO time like 2025-03-01T10:30") from None


class _Refusal(AmbachtError):
    """A refusal worded by the command line itself (English only, nothing to fill in)."""

    def __init__(self, message: str) -> None:
        super().__init__("{message}", message=message)


def _write_label(store: Store, item: Item, out: Path, size: str | None = None) -> None:
    pdf = LabelService(store).render([item], size)
    try:
        out.write_bytes(pdf)
    except OSError as exc:
        raise _Refusal(f"cannot write {out}: {exc.strerror or exc}") from exc


def _item_json(store: Store, gate: GateService, item: Item) -> dict[str, object]:
    visit = store.visit(item.visit_id) if item.visit_id else None
    names = {user.id: user.name for user in store.users(include_inactive=True)}
    return {
        "code": item.code,
        "category": item.category,
        "weight_g": item.weight_g,
        "weight_kg": item.weight_g / 1000,
        "weight_estimated": item.weight_estimated,
        "route": item.route.value,
        "station": item.station,
        "intake_at": item.intake_at.isoformat(),
        "visit": visit.code if visit else None,
        "municipality": visit.municipality if visit else None,
        "voided": item.voided,
        "history": [
            {
                "type": event.type.value,
                "at": event.at.isoformat(),
                "recorded_at": event.recorded_at.isoformat(),
                "station": event.station,
                "user": names.get(event.user_id, event.user_id),
                "reason": event.reason,
                "data": event.data,
            }
            for event in gate.history(item)
        ],
    }


def _cmd_item(args: argparse.Namespace) -> int:
    store = _open(args)
    gate, _ = _gate(store)
    item = gate.item(args.code)
    data = _item_json(store, gate, item)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    zone = site_zone(store.settings())
    weight = format_kg(item.weight_g, "en", estimated=item.weight_estimated)
    state = "VOIDED" if item.voided else f"route {item.route.value}"
    print(f"{item.code}  {item.category}  {weight}  {state}")
    print(f"visit {data['visit'] or '-'}  municipality {data['municipality'] or '-'}")
    for event in data["history"]:  # type: ignore[attr-defined]
        local = datetime.fromisoformat(event["at"]).astimezone(zone).strftime("%Y-%m-%d %H:%M")
        reason = f"  reason: {event['reason']}" if event["reason"] else ""
        print(f"  {local}  {event['type']:<14} {event['user']} @ {event['station']}{reason}")
    return 0


def _cmd_label(args: argparse.Namespace) -> int:
    store = _open(args)
    gate, _ = _gate(store)
    item = gate.item(args.code)
    if args.size is not None and args.size not in SIZES:
        return _refuse(f"unknown label size '{args.size}'; use {', '.join(SIZES)}")
    if args.out:
        _write_label(store, item, args.out, args.size)
        return 0
    labels = LabelService(store)
    print(labels.printer().print_pdf(labels.render([item], args.size), item.code))
    return 0


def _cmd_categories(args: argparse.Namespace) -> int:
    store = _open(args)
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


_COMMANDS = {
    "init": _cmd_init,
    "intake": _cmd_intake,
    "item": _cmd_item,
    "label": _cmd_label,
    "categories": _cmd_categories,
}

if __name__ == "__main__":
    sys.exit(main())
