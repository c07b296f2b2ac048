"""Commands about the monitoring figures: report, baseline, target, and the EU re-use
category of a category."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime

from cli.common import (
    Refusal,
    acting,
    note_earlier_periods,
    open_store,
    reserve_for,
    write_reserved,
)
from db import Store
from db.times import unreadable_item_codes
from intake.admin import AdminService
from intake.comparisons import year_earlier
from intake.eu_reuse import eu_mapping, eu_reuse, eu_reuse_json
from intake.monitoring import (
    TARGET_KINDS,
    Period,
    Report,
    build_report,
    parse_day,
    stored_baseline,
    year_progress,
)
from intake.ords_export import ords_csv, ords_unpowered_csv
from intake.outfiles import OutputFile
from intake.provenance import Provenance, provenance_json, provenance_of, record_export
from intake.report_formats import figures_json, report_csv, report_json
from intake.till import takings


def cmd_report(args: argparse.Namespace) -> int:
    """The figures of a period as JSON, CSV, XLSX, PDF, the ORDS CSV or the EU re-use
    report; with --hub, of a site or of every site as the hub holds them
    (`cli/hub_figures.py`)."""
    _check_options(args)
    if args.hub is not None or args.site is not None:
        from cli.hub_figures import hub_report  # psycopg is loaded only for the hub

        return hub_report(args)
    store = open_store(args)
    with reserve_for(store, args.out, args.force) as out:  # checked before figures are cached
        write_report(store, args, out)
    _note_skipped(store)
    return 0


def _check_options(args: argparse.Namespace) -> None:
    """Refuse an option the format asked for does not use, rather than ignore it unsaid."""
    if args.unpowered and args.format != "ords":
        raise Refusal(f"--unpowered goes with --format ords only; a {args.format} report "
                      "counts every repair already.")
    compared = [name for name, given in (("--baseline-from", args.baseline_from),
                                         ("--baseline-to", args.baseline_to),
                                         ("--year-earlier", args.year_earlier)) if given]
    if compared and args.format in ("ords", "eu-reuse"):
        raise Refusal(f"An {args.format} report compares with no other period: leave out "
                      f"{' and '.join(compared)}.")


def write_report(store: Store, args: argparse.Namespace, out: OutputFile | None) -> None:
    """Make the report `args` ask for and write it to `out`, recorded as an export, or to
    stdout: a report only looked at is no export, and changes nothing."""
    report, provenance, data = made_report(store, args, out is not None)
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    write_reserved(out, data)
    if args.format != "ords":  # the ORDS table is the standard's, without a provenance
        record_export(store, provenance, report.period, args.format,
                      figures_json(report.total), data)


def made_report(store: Store, args: argparse.Namespace,
                to_file: bool) -> tuple[Report, Provenance, bytes]:
    """The report `args` ask for: its figures, provenance and bytes (xlsx and pdf only
    `to_file`)."""
    # openpyxl and reportlab's page layout are loaded only for reports, so that starting
    # the app through this command stays fast.
    from intake.exports import report_xlsx
    from intake.report_pdf import render_report_pdf

    now = args.clock.now()
    period = _period(store, args, now)
    provenance = provenance_of(store, period, now)  # before the figures: they include its step
    report = build_report(store, period, now)
    baseline = None
    if args.baseline_from or args.baseline_to:
        if not (args.baseline_from and args.baseline_to):
            raise Refusal("a baseline needs both --baseline-from and --baseline-to")
        baseline = build_report(
            store, Period(parse_day(args.baseline_from), parse_day(args.baseline_to)), now)
    today = now.astimezone(store.settings().zone).date()
    # A period still running is set beside the same days so far a year before.
    year_before = (build_report(store, year_earlier(report.period, today), now)
                   if args.year_earlier else None)
    targets = year_progress(store, min(report.period.last, today))
    if args.format in ("xlsx", "pdf"):
        if not to_file:
            raise Refusal(f"a {args.format} file needs --out FILE.{args.format}")
        lang = args.lang or store.settings().language
        render = report_xlsx if args.format == "xlsx" else render_report_pdf
        data = render(report, baseline, lang, year_before=year_before, targets=targets,
                      provenance=provenance, eu=eu_reuse(store, report),
                      zone=store.settings().zone)
    elif args.format == "eu-reuse":
        figures = eu_reuse_json(eu_reuse(store, report), args.lang or "en")
        figures["provenance"] = provenance_json(provenance, figures_json(report.total))
        data = (json.dumps(figures, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    elif args.format == "json":
        figures = report_json(report, baseline, year_before, targets, provenance)
        figures["revenue_by_method"] = takings(store, report.period).to_json()
        data = (json.dumps(figures, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    elif args.format == "ords":
        ords = ords_unpowered_csv if args.unpowered else ords_csv
        data = ords(store, report.period).encode("utf-8")
    else:
        data = report_csv(report, baseline, year_before, provenance)
    return report, provenance, data


def _period(store: Store, args: argparse.Namespace, now: datetime) -> Period:
    """The days --from and --to name; the EU re-use report, reported per calendar year,
    defaults to the last complete year."""
    if args.first and args.last:
        return Period(parse_day(args.first), parse_day(args.last))
    if args.first or args.last or args.format != "eu-reuse":
        raise Refusal("a report needs both --from and --to")
    year = now.astimezone(store.settings().zone).year - 1
    return Period(date(year, 1, 1), date(year, 12, 31))


def cmd_category_eu(args: argparse.Namespace) -> int:
    """Set the EU re-use category a category's kilos are reported under."""
    store, user, _ = acting(args)
    admin = AdminService(store, args.clock)
    before = eu_mapping(store.settings(), admin.categories()).get(args.code)
    eu = admin.set_category_eu(user, args.code, args.eu_category)
    print(f"category {args.code}: EU {eu.value}")
    if eu != before:
        note_earlier_periods(args, store, "eu", args.code)
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


def cmd_baseline(args: argparse.Namespace) -> int:
    """Mark the baseline period (nulmeting) for the dashboard."""
    store, user, _ = acting(args)
    period = Period(parse_day(args.first), parse_day(args.last))
    before = stored_baseline(store.settings())
    AdminService(store, args.clock).set_baseline(user, period)
    print(f"baseline {period.first.isoformat()} to {period.last.isoformat()}")
    if period != before:
        note_earlier_periods(args, store, "baseline", None)
    return 0


def cmd_target(args: argparse.Namespace) -> int:
    """Set one or more of a year's targets, all or none."""
    store, user, _ = acting(args)
    given = {kind: getattr(args, kind) for kind in TARGET_KINDS
             if getattr(args, kind) is not None}
    if not given:
        raise Refusal("give at least one of --kg-collected, --kg-reused, --items-repaired, "
                      "--reuse-rate")
    admin = AdminService(store, args.clock)
    with store.atomic():  # all targets or none
        for kind, value in given.items():
            admin.set_target(user, args.year, kind, value)
    print(f"targets {args.year}: " + ", ".join(f"{k} {v:g}" for k, v in given.items()))
    return 0
