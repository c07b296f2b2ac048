"""The `ambacht` command: starts the app, or does one thing from a script.

Every refusal exits with status 2 and one line on stderr and changes nothing (a wrong PIN is
counted towards the station's lock, as at the keypad). A file asked for with `--out`, `--label`
or `--note` is checked before the step runs (`intake.outfiles`); when the step was saved but
its file could not be written after all, the command exits with status 4 instead.

A command that changes data acts as the staff member whose PIN `--pin` / `AMBACHT_PIN` gives
(and `--user` names, if given), with that person's role; without either it acts as the built-in
'Command line' account, a coordinator. A name without a PIN, or an empty one, is refused.
Either way every step is attributed in the history, with this database's station.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from pathlib import Path
from typing import NoReturn, TypeVar

from db import Store
from db.backup import BackupSummary, back_up, write_backup
from db.connection import check_intact, storage_errors
from db.restore import restore
from db.times import unreadable_item_codes, unreadable_times_of
from intake.admin import AdminService, NameList
from intake.auth import Action, AuthService, may
from intake.cli_store import open_for
from intake.clock import SystemClock, is_unreadable
from intake.errors import AmbachtError
from intake.gate import GateService, parse_route
from intake.labelling import LabelService
from intake.localtime import parse_step_time, site_zone
from intake.material import MaterialService
from intake.model import Item, User
from intake.monitoring import TARGET_KINDS, Period, build_report, parse_day, year_progress
from intake.outfiles import OutputFile, reserve
from intake.paths import default_db_path, make_files_private
from intake.report_formats import report_csv_rows, report_json
from intake.setup import open_or_create
from intake.shop import ShopService
from intake.steps import StepService
from intake.units import format_eur, format_kg, parse_eur, parse_kg
from intake.workshop import WorkshopService
from labels.layout import SIZES
from labels.printing import PrintError

EXIT_REFUSED = 2
EXIT_NOT_WRITTEN = 4  # the step was saved, its file not: retrying would save it twice
PIN_ENV = "AMBACHT_PIN"
_S = TypeVar("_S", bound=StepService)


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line, like every other refusal."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_REFUSED, f"{self.prog}: {message}\n")


def _build_parser() -> argparse.ArgumentParser:
    db_opt = _Parser(add_help=False)
    db_opt.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, help="database file (default: data dir)"
    )
    who_opt = _Parser(add_help=False, parents=[db_opt])
    who_opt.add_argument("--user", metavar="NAME",
                         help="act as the active staff member of this name, with their role; "
                         "needs their PIN (default: the 'Command line' account, a coordinator)")
    who_opt.add_argument("--pin", help=f"act as the staff member with this PIN; better set "
                         f"{PIN_ENV}, which stays out of the shell history")
    parser = _Parser(prog="ambacht", description="Ambacht: intake at a circular craft centre.")
    parser.add_argument("--db", type=Path, default=None, help="database file")
    parser.add_argument("--lang", choices=["nl", "en"], help="language of the app")
    parser.add_argument("--fullscreen", action="store_true", help="fill the screen (kiosk)")
    parser.add_argument("--demo", action="store_true", help="open a database full of demo data")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    init = sub.add_parser("init", parents=[db_opt], help="create the database")
    init.add_argument("--site", help="site name on labels and reports")
    init.add_argument("--station", help="this station's letter, A to Z (default A)")

    intake = sub.add_parser("intake", parents=[who_opt], help="take in one item")
    intake.add_argument("--category", required=True, help="category code (see 'categories')")
    intake.add_argument("--route", required=True, help="sale, repair or material")
    intake.add_argument("--weight-kg", help="weight in kg; without it the standard weight")
    intake.add_argument("--confirm-weight", action="store_true",
                        help="accept a weight outside the category's usual bounds")
    intake.add_argument("--visit", help="'new' or the code of an open visit (VA000012)")
    intake.add_argument("--municipality", help="municipality of the visit (with --visit new)")
    intake.add_argument("--at", help="when it was taken in (ISO time; local unless offset)")
    intake.add_argument("--label", type=Path, help="also write the label PDF to this file")
    _add_force(intake)

    item = sub.add_parser("item", parents=[db_opt], help="show an item and its history")
    item.add_argument("code")
    item.add_argument("--json", action="store_true")

    label = sub.add_parser("label", parents=[db_opt], help="reprint an item's label")
    label.add_argument("code")
    label.add_argument("--out", type=Path, help="write the PDF here instead of printing")
    label.add_argument("--size", help="label size (62x29, 57x32, 102x51, a4)")
    _add_force(label)

    categories = sub.add_parser("categories", parents=[db_opt], help="list category codes")
    categories.add_argument("--json", action="store_true")

    backup = sub.add_parser("backup", parents=[db_opt],
                            help="make a checked backup in the backup folder (rotated)")
    backup.add_argument("--out", type=Path, help="write the backup to this new file instead")
    restore_ = sub.add_parser("restore", parents=[db_opt],
                              help="replace the database with a backup; the old one is kept")
    restore_.add_argument("file", type=Path, help="the backup file")
    check = sub.add_parser("check", parents=[db_opt],
                           help="read the whole database for damage and the last 1,000 steps "
                           "of each station for changes made round Ambacht (the app does at "
                           "start)")
    check.add_argument("--full", action="store_true",
                       help="also compare every index with its table, and check every step "
                       "(slower)")
    _add_flow_commands(sub, db_opt, who_opt)
    return parser


def _add_flow_commands(
    sub: argparse._SubParsersAction, db_opt: argparse.ArgumentParser,
    who_opt: argparse.ArgumentParser,
) -> None:
    """The steps after the gate: repair, sale, return, material, repurpose, corrections."""
    at_opt = _Parser(add_help=False, parents=[who_opt])
    at_opt.add_argument("--at", help="when it happened (ISO time; local unless offset)")

    repair = sub.add_parser("repair", help="start or finish a repair")
    steps = repair.add_subparsers(dest="repair_step", required=True, parser_class=_Parser)
    start = steps.add_parser("start", parents=[at_opt], help="take an item into repair")
    start.add_argument("code")
    finish = steps.add_parser("finish", parents=[at_opt], help="record how a repair ended")
    finish.add_argument("code")
    finish.add_argument("--status", required=True, help="fixed, repairable or end-of-life")
    finish.add_argument("--barrier", help="ORDS barrier, with end-of-life (e.g. "
                        "spare-parts-not-available, too-worn-out)")
    finish.add_argument("--problem", help="a short description of the fault")
    finish.add_argument("--brand")
    finish.add_argument("--year", help="year of manufacture, when known")
    finish.add_argument("--minutes", help="minutes spent")
    finish.add_argument("--safety-test", choices=["pass", "fail"],
                        help="electrical safety test done with the repair")
    finish.add_argument("--price-eur", help="store price of a fixed item")

    safety = sub.add_parser("safety-test", parents=[at_opt],
                            help="record an electrical safety test")
    safety.add_argument("code")
    safety.add_argument("result", choices=["pass", "fail"])

    price = sub.add_parser("price", parents=[at_opt], help="put a store price on an item")
    price.add_argument("code")
    price.add_argument("--price-eur", required=True)

    sell = sub.add_parser("sell", parents=[at_opt], help="sell items as one sale")
    sell.add_argument("codes", nargs="+", metavar="CODE")
    sell.add_argument("--price-eur", nargs="+", action="extend", metavar="AMOUNT",
                      help="one price per code, in order (default: the suggested price)")

    back = sub.add_parser("return", parents=[at_opt], help="take a sold item back")
    back.add_argument("code")
    back.add_argument("--reason", required=True)

    material = sub.add_parser("material", parents=[at_opt],
                              help="send items or a weighed batch out to a recipient")
    material.add_argument("codes", nargs="*", metavar="CODE")
    material.add_argument("--category", help="category of a batch weighed without labels")
    material.add_argument("--weight-kg", help="weight of that batch")
    material.add_argument("--recipient", required=True)
    material.add_argument("--note", type=Path, help="write the delivery note PDF to this file")
    _add_force(material)

    note = sub.add_parser("delivery-note", parents=[db_opt],
                          help="print a delivery note again, or write it to a file")
    note.add_argument("code", help="the note's number, like UA000012")
    note.add_argument("--out", type=Path, help="write the PDF here instead of printing")
    _add_force(note)

    void = sub.add_parser("void", parents=[at_opt], help="void an item taken in by mistake")
    void.add_argument("code")
    void.add_argument("--reason", required=True)

    correct = sub.add_parser("correct", parents=[at_opt],
                             help="cancel an item's latest step (sale, repair outcome, ...)")
    correct.add_argument("code")
    correct.add_argument("--reason", required=True)

    report = sub.add_parser("report", parents=[db_opt],
                            help="the monitoring figures of a period (local days, both included)")
    report.add_argument("--from", dest="first", required=True, metavar="DATE")
    report.add_argument("--to", dest="last", required=True, metavar="DATE")
    report.add_argument("--baseline-from", metavar="DATE")
    report.add_argument("--baseline-to", metavar="DATE")
    report.add_argument("--year-earlier", action="store_true",
                        help="also the same period a year earlier (json, xlsx, pdf), with the "
                        "changes")
    report.add_argument("--format", choices=["json", "csv", "xlsx", "pdf", "ords"],
                        default="json",
                        help="json or csv of the figures, an xlsx workbook, a pdf report, or "
                        "the ORDS csv of the period's repair records")
    report.add_argument("--out", type=Path, help="write to this file instead of stdout")
    report.add_argument("--lang", choices=["nl", "en"], help="language of an xlsx workbook "
                        "or pdf report (default: the app's language)")
    _add_force(report)

    baseline = sub.add_parser("baseline", parents=[who_opt],
                              help="mark the baseline period (nulmeting) for the dashboard")
    baseline.add_argument("--from", dest="first", required=True, metavar="DATE")
    baseline.add_argument("--to", dest="last", required=True, metavar="DATE")

    target = sub.add_parser("target", parents=[who_opt], help="set a year's targets")
    target.add_argument("--year", type=int, required=True)
    target.add_argument("--kg-collected", type=float)
    target.add_argument("--kg-reused", type=float)
    target.add_argument("--items-repaired", type=float)
    target.add_argument("--reuse-rate", type=float, help="percent of kg in that is sold")

    repurpose = sub.add_parser("repurpose", parents=[at_opt],
                               help="make a new product from material items")
    repurpose.add_argument("--from", dest="sources", nargs="+", required=True, metavar="CODE")
    repurpose.add_argument("--category", required=True)
    repurpose.add_argument("--weight-kg", help="weight of the product (default: the sources')")
    repurpose.add_argument("--price-eur")
    repurpose.add_argument("--label", type=Path, help="also write its label PDF to this file")
    _add_force(repurpose)


def _add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="replace the output file if it exists (never the database, a "
                        "backup or a symbolic link)")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `ambacht` console script."""
    make_files_private()
    try:
        args = _build_parser().parse_args(argv)
    except SystemExit as exit_:  # bad usage (status 2, one line already said) or --help (0)
        return int(exit_.code or 0)
    if args.command is None:
        from ui.app import run_app  # Qt is loaded only when the app is wanted

        return run_app(db_path=args.db, lang=args.lang, fullscreen=args.fullscreen, demo=args.demo)
    try:
        with storage_errors(_db_path(args)):  # a damaged page met while reading, say
            return _COMMANDS[args.command](args)
    except AmbachtError as exc:
        return _refuse(str(exc))
    except PrintError as exc:
        return _refuse(str(exc))


def _refuse(message: str) -> int:
    print(f"ambacht: {message}", file=sys.stderr)
    return EXIT_REFUSED


def _open(args: argparse.Namespace) -> Store:
    return open_for(args.command, _db_path(args))


def _db_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or default_db_path())


def _cmd_init(args: argparse.Namespace) -> int:
    store, filled = open_or_create(getattr(args, "db", None) or default_db_path(), SystemClock(),
                                   site_name=args.site, station=args.station)
    if not filled:
        print(f"ambacht: {store.path} is already an Ambacht database; nothing changed.",
              file=sys.stderr)
        return 0
    print(f"Created {store.path}")
    return 0


def _cmd_intake(args: argparse.Namespace) -> int:
    store, user, at = _flow(args)
    gate = _services(store, GateService)
    weight_g = parse_kg(args.weight_kg) if args.weight_kg is not None else None
    request = gate.prepare(args.category, parse_route(args.route), weight_g,
                           confirmed=args.confirm_weight)
    if args.municipality and args.visit != "new":
        return _refuse("--municipality goes with --visit new")
    with _reserve(store, args.label, args.force) as out:
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
        return _write_after_step(out, lambda: LabelService(store).render([item]))


class _Refusal(AmbachtError):
    """A refusal worded by the command line itself (English only, nothing to fill in)."""

    def __init__(self, message: str) -> None:
        super().__init__("{message}", message=message)


def _reserve(store: Store, path: Path | None,
             force: bool) -> AbstractContextManager[OutputFile | None]:
    """The checked output file for `path`, or nothing when no file was asked for."""
    if path is None:
        return nullcontext()
    return reserve(path, force=force, db_path=store.path, settings=store.settings())


def _write_after_step(out: OutputFile | None, render: Callable[[], bytes]) -> int:
    """Write the file of a step that is saved already: a failure now exits 4, not 2, since
    the step must not be repeated."""
    if out is None:
        return 0
    try:
        out.write(render())
    except (OSError, AmbachtError, PrintError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"ambacht: saved; the file could not be written: {out.path}: {reason}",
              file=sys.stderr)
        return EXIT_NOT_WRITTEN
    return 0


def _write_file(store: Store, path: Path, force: bool, render: Callable[[], bytes]) -> int:
    """Write a file that goes with no step: any failure is a refusal, nothing changed."""
    with _reserve(store, path, force) as out:
        assert out is not None
        return _write_reserved(out, render())


def _write_reserved(out: OutputFile, data: bytes) -> int:
    try:
        out.write(data)
    except OSError as exc:
        raise _Refusal(f"cannot write {out.path}: {exc.strerror or exc}") from exc
    return 0


def _item_json(store: Store, gate: GateService, item: Item) -> dict[str, object]:
    visit = store.visit(item.visit_id) if item.visit_id else None
    names = {user.id: user.name for user in store.users(include_inactive=True)}
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
        "history": [
            {
                "type": event.type.value,
                "at": _iso(event.at),
                "recorded_at": _iso(event.recorded_at),
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
    gate = _services(store, GateService)
    item = gate.item(args.code)
    data = _item_json(store, gate, item)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return _note_unreadable(item.code, unreadable_times_of(store.db, item.id))
    zone = site_zone(store.settings())
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
        print(f"  {local}  {event['type']:<15} {event['user']} @ {event['station']}{reason}"
              f"{'  ' + details if details else ''}")
    return _note_unreadable(item.code, unreadable_times_of(store.db, item.id))


def _iso(moment: datetime) -> str | None:
    """A time for `item --json`; None for one that cannot be read (listed apart)."""
    return None if is_unreadable(moment) else moment.isoformat()


def _note_unreadable(code: str, times: list[str]) -> int:
    """Name an item whose stored time cannot be read (an older version's, a hand edit): it
    is left out of the figures. The command goes on; returns its status, 0."""
    if times:
        shown = ", ".join(f"'{text[:40]}'" for text in times)
        print(f"ambacht: {code} has a time that cannot be read and is not counted in "
              f"reports: {shown}", file=sys.stderr)
    return 0


def _cmd_label(args: argparse.Namespace) -> int:
    store = _open(args)
    gate = _services(store, GateService)
    item = gate.item(args.code)
    if args.size is not None and args.size not in SIZES:
        return _refuse(f"unknown label size '{args.size}'; use {', '.join(SIZES)}")
    if args.out:
        return _write_file(store, args.out, args.force,
                           lambda: LabelService(store).render([item], args.size))
    labels = LabelService(store)
    print(labels.printer().print_labels([labels.content(item)], args.size or labels.size(),
                                        labels.copies(), item.code))
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


def _cmd_backup(args: argparse.Namespace) -> int:
    store = _open(args)  # refuses a file that is not ours; a damaged copy is refused below
    path, settings = Path(store.path), store.settings()
    store.close()
    summary = (write_backup(path, args.out) if args.out
               else back_up(path, settings, SystemClock().now()))
    print(summary.path)
    print(f"ambacht: {_contents(summary)}", file=sys.stderr)
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    path = getattr(args, "db", None) or default_db_path()
    summary, kept = restore(args.file, path, SystemClock().now())
    print(f"Restored {path} from {args.file}: {_contents(summary)}")
    print(f"The previous database is kept as {kept}" if kept else "There was no database yet.")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    store = _open(args)
    path = store.path
    store.close()
    check_intact(path, full=args.full)
    print(f"{path}: ok")
    return 0


def _contents(summary: BackupSummary) -> str:
    latest = summary.latest_event_at or "none"
    return f"{summary.items} items, {summary.events} steps, latest step at {latest} (UTC)"


def _flow(args: argparse.Namespace) -> tuple[Store, User, datetime | None]:
    """The database, who acts (`AuthService.command_line_user`) and the --at time of a step
    command. An empty --pin or AMBACHT_PIN is refused there, not taken as none given."""
    store = _open(args)
    given = getattr(args, "at", None)  # before the PIN: a bad time counts no wrong PIN
    at = None if given is None else parse_step_time(given, SystemClock().now(),
                                                    store.settings().zone)
    pin = args.pin if args.pin is not None else os.environ.get(PIN_ENV)
    user = AuthService(store, SystemClock()).command_line_user(args.user, pin)
    return store, user, at


def _services(store: Store, cls: type[_S]) -> _S:
    return cls(store, SystemClock(), store.settings()["station"])


def _cmd_repair(args: argparse.Namespace) -> int:
    store, user, at = _flow(args)
    workshop = _services(store, WorkshopService)
    if args.repair_step == "start":
        item = workshop.start_repair(user, args.code, at)
    else:
        outcome = workshop.outcome(
            args.status, barrier=args.barrier, problem=args.problem, brand=args.brand,
            year=args.year, minutes=args.minutes, safety_test=args.safety_test,
            price_cents=parse_eur(args.price_eur) if args.price_eur is not None else None,
        )
        item = workshop.finish_repair(user, args.code, outcome, at)
    print(f"{item.code}  {item.status.value}  route {item.route.value}")
    return 0


def _cmd_safety_test(args: argparse.Namespace) -> int:
    store, user, at = _flow(args)
    item = _services(store, WorkshopService).safety_test(user, args.code, args.result, at)
    print(f"{item.code}  safety {item.safety}  route {item.route.value}")
    return 0


def _cmd_price(args: argparse.Namespace) -> int:
    store, user, at = _flow(args)
    item = _services(store, WorkshopService).set_price(user, args.code,
                                                       parse_eur(args.price_eur), at)
    print(f"{item.code}  {format_eur(item.price_cents or 0, 'en')}")
    return 0


def _cmd_sell(args: argparse.Namespace) -> int:
    store, user, at = _flow(args)
    prices: list[int | None] = [None] * len(args.codes)
    if args.price_eur is not None:
        if len(args.price_eur) != len(args.codes):
            return _refuse(f"give one --price-eur per code: {len(args.codes)} codes, "
                           f"{len(args.price_eur)} prices")
        prices = [parse_eur(text) for text in args.price_eur]
    sale = _services(store, ShopService).sell(user, list(zip(args.codes, prices, strict=True)),
                                              at)
    for item in sale.items:
        print(f"{item.code}  {format_eur(item.price_cents or 0, 'en')}")
    print(f"total  {format_eur(sale.total_cents, 'en')}")
    return 0


def _cmd_return(args: argparse.Namespace) -> int:
    store, user, at = _flow(args)
    item = _services(store, ShopService).take_back(user, args.code, args.reason, at)
    print(f"{item.code}  back in stock")
    return 0


def _cmd_material(args: argparse.Namespace) -> int:
    store, user, at = _flow(args)
    batches = []
    if args.category is not None or args.weight_kg is not None:
        if args.category is None or args.weight_kg is None:
            return _refuse("a batch needs both --category and --weight-kg")
        batches.append((args.category, parse_kg(args.weight_kg)))
    material = _services(store, MaterialService)
    recipient = " ".join(args.recipient.split())
    # A coordinator keeps the list, so theirs adds a new name; anyone else's is refused.
    added = may(user, Action.MANAGE_SETTINGS) and recipient.casefold() not in {
        r.casefold() for r in material.recipients()}
    with _reserve(store, args.note, args.force) as out:
        with store.atomic():  # a new recipient is kept only with the shipment it came with
            if added:
                recipient = AdminService(store, SystemClock()).add_name(
                    user, NameList.RECIPIENTS, recipient)
            shipment = material.send(user, recipient, args.codes, batches, at)
        if added:
            print(f"ambacht: added recipient '{recipient}'", file=sys.stderr)
        print(shipment.code)
        return _write_after_step(out, lambda: material.delivery_note_pdf(shipment.code))


def _cmd_delivery_note(args: argparse.Namespace) -> int:
    store = _open(args)
    material = _services(store, MaterialService)
    if args.out:
        return _write_file(store, args.out, args.force,
                           lambda: material.delivery_note_pdf(args.code))
    pdf = material.delivery_note_pdf(args.code)
    print(LabelService(store).document_printer().print_pdf(pdf, args.code.strip().upper()))
    return 0


def _cmd_void(args: argparse.Namespace) -> int:
    store, user, at = _flow(args)
    item = _services(store, GateService).void(user, args.code, args.reason, at)
    print(f"{item.code}  voided")
    return _note_unreadable(item.code, unreadable_times_of(store.db, item.id))


def _cmd_correct(args: argparse.Namespace) -> int:
    store, user, at = _flow(args)
    item, step = _services(store, GateService).correct_last(user, args.code, args.reason, at)
    print(f"{item.code}  cancelled {step.type.value}; now {item.status.value}, "
          f"route {item.route.value}")
    return 0


def _cmd_repurpose(args: argparse.Namespace) -> int:
    store, user, at = _flow(args)
    weight_g = parse_kg(args.weight_kg) if args.weight_kg is not None else None
    price = parse_eur(args.price_eur) if args.price_eur is not None else None
    with _reserve(store, args.label, args.force) as out:
        product = _services(store, WorkshopService).repurpose(
            user, args.sources, args.category, weight_g, at, price
        )
        print(product.code)
        return _write_after_step(out, lambda: LabelService(store).render([product]))


def _cmd_report(args: argparse.Namespace) -> int:
    store = _open(args)
    with _reserve(store, args.out, args.force) as out:  # checked before figures are cached
        status = _report(store, args, out)
    if status == 0:
        _note_skipped(store)
    return status


def _report(store: Store, args: argparse.Namespace, out: OutputFile | None) -> int:
    # openpyxl and reportlab's page layout are loaded only for reports, so that starting
    # the app through this command stays fast.
    from intake.exports import ords_csv, report_xlsx
    from intake.report_pdf import render_report_pdf

    now = SystemClock().now()
    report = build_report(store, Period(parse_day(args.first), parse_day(args.last)), now)
    baseline = None
    if args.baseline_from or args.baseline_to:
        if not (args.baseline_from and args.baseline_to):
            return _refuse("a baseline needs both --baseline-from and --baseline-to")
        baseline = build_report(
            store, Period(parse_day(args.baseline_from), parse_day(args.baseline_to)), now)
    year_before = (build_report(store, report.period.year_earlier(), now)
                   if args.year_earlier else None)
    today = now.astimezone(store.settings().zone).date()
    targets = year_progress(store, min(report.period.last, today), now)
    if args.format in ("xlsx", "pdf"):
        if out is None:
            return _refuse(f"a {args.format} file needs --out FILE.{args.format}")
        lang = args.lang or store.settings().get("language", "nl")
        render = report_xlsx if args.format == "xlsx" else render_report_pdf
        return _write_reserved(out, render(report, baseline, lang, year_before=year_before,
                                           targets=targets))
    if args.format == "json":
        data = report_json(report, baseline, year_before, targets)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif args.format == "ords":
        text = ords_csv(store, report.period)
    else:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(report_csv_rows(report))
        text = buffer.getvalue()
    if out is not None:
        return _write_reserved(out, text.encode("utf-8"))
    sys.stdout.write(text)
    return 0


def _note_skipped(store: Store) -> None:
    """Name the items a report leaves out because a time of theirs cannot be read."""
    codes = unreadable_item_codes(store.db)
    if codes:
        shown = ", ".join(codes[:20]) + (", ..." if len(codes) > 20 else "")
        has = "item has" if len(codes) == 1 else "items have"
        are = "is" if len(codes) == 1 else "are"
        print(f"ambacht: {len(codes)} {has} a time that cannot be read and {are} not counted: "
              f"{shown}", file=sys.stderr)


def _cmd_baseline(args: argparse.Namespace) -> int:
    store, user, _ = _flow(args)
    period = Period(parse_day(args.first), parse_day(args.last))
    AdminService(store, SystemClock()).set_baseline(user, period)
    print(f"baseline {period.first.isoformat()} to {period.last.isoformat()}")
    return 0


def _cmd_target(args: argparse.Namespace) -> int:
    store, user, _ = _flow(args)
    given = {kind: getattr(args, kind) for kind in TARGET_KINDS
             if getattr(args, kind) is not None}
    if not given:
        return _refuse("give at least one of --kg-collected, --kg-reused, --items-repaired, "
                       "--reuse-rate")
    admin = AdminService(store, SystemClock())
    with store.atomic():  # all targets or none
        for kind, value in given.items():
            admin.set_target(user, args.year, kind, value)
    print(f"targets {args.year}: " + ", ".join(f"{k} {v:g}" for k, v in given.items()))
    return 0


_COMMANDS = {
    "init": _cmd_init,
    "intake": _cmd_intake,
    "item": _cmd_item,
    "label": _cmd_label,
    "categories": _cmd_categories,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "check": _cmd_check,
    "repair": _cmd_repair,
    "safety-test": _cmd_safety_test,
    "price": _cmd_price,
    "sell": _cmd_sell,
    "return": _cmd_return,
    "material": _cmd_material,
    "delivery-note": _cmd_delivery_note,
    "void": _cmd_void,
    "correct": _cmd_correct,
    "repurpose": _cmd_repurpose,
    "report": _cmd_report,
    "baseline": _cmd_baseline,
    "target": _cmd_target,
}

if __name__ == "__main__":
    sys.exit(main())
