"""The `ambacht` command's arguments: one parser, bad usage reported in one line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from cli import hub
from cli.common import EXIT_REFUSED, PIN_ENV


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line, like every other refusal."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_REFUSED, f"{self.prog}: {message}\n")


PANEL_DPI = (50, 400)


def _panel_dpi(text: str) -> int:
    low, high = PANEL_DPI
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(f"a whole number from {low} to {high}, not {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command and of the app's own options."""
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
    parser.add_argument("--panel-dpi", type=_panel_dpi, metavar="DPI",
                        help="the panel's real pixels per inch, for one that misreports its "
                        f"size ({PANEL_DPI[0]} to {PANEL_DPI[1]}; default: as it reports)")
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
    intake.add_argument("--serial", metavar="NUMBER", help="frame number, IMEI or serial "
                        "number, for the police register")
    intake.add_argument("--label", type=Path, help="also write the label PDF to this file")
    _add_force(intake)

    item = sub.add_parser("item", parents=[db_opt], help="show an item and its history")
    item.add_argument("code", nargs="?")
    item.add_argument("--serial", metavar="NUMBER",
                      help="instead of a code: the items taken in with this serial number")
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
                       help="also compare every index with its table, check every step, "
                       "every item against its history and the cached day sums (slower)")
    _add_flow_commands(sub, db_opt, who_opt)
    hub.add_commands(sub, db_opt, _Parser)
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
    finish.add_argument("--barrier", help="ORDS barrier, with end-of-life: its code (1-6), "
                        "the code list's text ('No way to open product') or a short name "
                        "(too-worn-out)")
    finish.add_argument("--problem", help="the fault (and what was done); required for a "
                        "powered item")
    finish.add_argument("--product", help="ORDS product category (Laptop, Mobile, ...), "
                        "when not the one the item's category maps to")
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
    sell.add_argument("--paid", choices=["cash", "pin"],
                      help="how the sale was paid (default: not recorded)")
    sell.add_argument("--received-eur", metavar="AMOUNT",
                      help="cash handed over: prints the change (needs --paid cash)")

    back = sub.add_parser("return", parents=[at_opt], help="take a sold item back")
    back.add_argument("code")
    back.add_argument("--reason", required=True)
    back.add_argument("--paid", choices=["cash", "pin"],
                      help="how the price was paid back (default: not recorded)")

    material = sub.add_parser("material", parents=[at_opt],
                              help="send items or a weighed batch out to a recipient")
    material.add_argument("codes", nargs="*", metavar="CODE")
    material.add_argument("--category", help="category of a batch weighed without labels")
    material.add_argument("--weight-kg", help="weight of that batch")
    material.add_argument("--recipient", required=True)
    material.add_argument("--recipient-kind", choices=("reuse", "recycling", "residual"),
                          help="what the recipient does with material (coordinator; a new "
                               "recipient's kind is guessed from its name, else recycling)")
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
                             help="cancel an item's latest step (sale, repair outcome, ...), "
                                  "or put right its category or weight")
    correct.add_argument("code")
    correct.add_argument("--reason", required=True)
    correct.add_argument("--category", help="the category it should have had")
    correct.add_argument("--weight-kg", help="the weight it should have had")

    report = sub.add_parser("report", parents=[db_opt],
                            help="the monitoring figures of a period (local days, both included)")
    report.add_argument("--from", dest="first", metavar="DATE",
                        help="first day (eu-reuse: default the last complete year)")
    report.add_argument("--to", dest="last", metavar="DATE")
    report.add_argument("--baseline-from", metavar="DATE")
    report.add_argument("--baseline-to", metavar="DATE")
    report.add_argument("--year-earlier", action="store_true",
                        help="also the same period a year earlier (json, csv, xlsx, pdf), with "
                        "the changes")
    report.add_argument("--format", choices=["json", "csv", "xlsx", "pdf", "ords", "eu-reuse"],
                        default="json",
                        help="json or csv of the figures, an xlsx workbook, a pdf report, "
                        "the ORDS csv of the period's repair records, or the EU re-use "
                        "report (json, Decision (EU) 2021/19)")
    report.add_argument("--out", type=Path, help="write to this file instead of stdout")
    report.add_argument("--lang", choices=["nl", "en"], help="language of an xlsx workbook "
                        "or pdf report (default: the app's language)")
    report.add_argument("--hub", metavar="URL", help="the figures as the hub holds them, of "
                        "--site NAME or of every site (JSON)")
    report.add_argument("--site", help="with --hub: the site's figures, in any format")
    report.add_argument("--unpowered", action="store_true",
                        help="ords: instead, the repairs of unpowered items (no ORDS "
                        "product), counted per type and status as ORDS publishes them")
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

    conflicts = sub.add_parser("conflicts", parents=[db_opt],
                               help="list the steps of stations that contradict each other")
    conflicts.add_argument("--json", action="store_true", help="a JSON list, one per conflict")
    resolve = sub.add_parser("resolve", parents=[who_opt],
                             help="cancel one of an open conflict's two steps (coordinator)")
    resolve.add_argument("step", help="the id of the step to cancel, as 'conflicts' lists it")
    resolve.add_argument("--reason", required=True)

    repurpose = sub.add_parser("repurpose", parents=[at_opt],
                               help="make a new product from material items")
    repurpose.add_argument("--from", dest="sources", nargs="+", required=True, metavar="CODE")
    repurpose.add_argument("--category", required=True)
    repurpose.add_argument("--weight-kg", help="weight of the product (default: the sources')")
    repurpose.add_argument("--price-eur")
    repurpose.add_argument("--label", type=Path, help="also write its label PDF to this file")
    _add_force(repurpose)
    _add_registers_and_people(sub, db_opt, who_opt)


def _add_registers_and_people(sub: argparse._SubParsersAction, db_opt: argparse.ArgumentParser,
                              who_opt: argparse.ArgumentParser) -> None:
    """The police register of numbered items, which categories ask for a number, staff
    kinds and courses."""
    register = sub.add_parser("register", parents=[db_opt],
                              help="the numbered items taken in during a period (CSV for the "
                              "police register, docs/register.md)")
    register.add_argument("--from", dest="first", required=True, metavar="DATE")
    register.add_argument("--to", dest="last", required=True, metavar="DATE")
    register.add_argument("--out", type=Path, help="write to this file instead of stdout")
    _add_force(register)
    serial = sub.add_parser("category-serial", parents=[who_opt],
                            help="which number a category's items are asked for at intake")
    serial.add_argument("code", help="category code (see 'categories')")
    serial.add_argument("kind", help="frame, imei-serial or none")
    eu = sub.add_parser("category-eu", parents=[who_opt],
                        help="the EU re-use category a category's kilos are reported under")
    eu.add_argument("code", help="category code (see 'categories')")
    eu.add_argument("eu_category", help="textiles, eee, furniture, construction or other")
    kind = sub.add_parser("staff-kind", parents=[who_opt],
                          help="what kind of staff a colleague is (counted in the report; a "
                          "change counts from now on, earlier sessions keep their kind)")
    kind.add_argument("name", help="the colleague's name")
    kind.add_argument("kind", help="paid, volunteer, placement (work placement or "
                      "participation) or trainee")
    network = sub.add_parser("network-coordinator", parents=[who_opt],
                             help="let a coordinator see every site's figures on the hub "
                             "(the dashboard's 'All sites')")
    network.add_argument("name", help="the coordinator's name")
    network.add_argument("--no", dest="network", action="store_false",
                         help="no longer (the coordinator sees this site's figures)")
    course = sub.add_parser("course", help="courses and workshops held at the centre")
    steps = course.add_subparsers(dest="course_step", required=True, parser_class=_Parser)
    add = steps.add_parser("add", parents=[who_opt], help="record a course or workshop")
    add.add_argument("--date", dest="day", required=True, metavar="DATE")
    add.add_argument("--subject", required=True,
                     help="what the course was about, up to 80 characters; no names: the "
                     "subject is printed in the report")
    add.add_argument("--participants", required=True, help="how many took part")
    cancel = steps.add_parser("cancel", parents=[who_opt],
                              help="cancel a course recorded by mistake")
    cancel.add_argument("id", help="the course's id (see 'course list')")
    cancel.add_argument("--reason", required=True)
    listing = steps.add_parser("list", parents=[who_opt], help="the courses of a period")
    listing.add_argument("--from", dest="first", required=True, metavar="DATE")
    listing.add_argument("--to", dest="last", required=True, metavar="DATE")


def _add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="replace the output file if it exists (never the database, a "
                        "backup or a symbolic link)")

