"""`ambacht report --hub URL [--site NAME]`: the figures as the hub holds them.

With `--site`, one site's report in any format, the same a station of that site makes once it
holds the same records (`intake/hub_report.py`; the sites' copies are kept in the data folder,
`hub-copies`). Without, every site's JSON report under
`by_site`, beside the period and the totals of all sites together. A hub that cannot be
reached exits 3, as `ambacht sync` does.
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from cli.common import Refusal, db_path, write_reserved
from cli.figures import made_report, write_report
from cli.hub import reaching
from intake.hub_address import read_hub
from intake.hub_join import SITE_NAME_MAX
from intake.hub_report import hub_sites, site_copy, summed
from intake.monitoring import Report
from intake.outfiles import OutputFile, reserve
from intake.paths import data_dir
from intake.report_formats import figures_json
from intake.text import clean_name


def hub_report(args: argparse.Namespace) -> int:
    """The report of `args` computed from the hub."""
    if args.hub is None:
        raise Refusal("--site is for a report from the hub: give the hub with --hub URL")
    if args.site is None and args.format != "json":
        raise Refusal("the report of every site is JSON: give --site NAME for "
                      f"a {args.format} report of one site")
    address = read_hub(str(args.hub))
    if args.site is not None:
        site = clean_name(args.site, SITE_NAME_MAX)

        def one_site() -> int:
            with _reserved(args) as out, site_copy(address, site, args.clock, _copies()) as copy:
                write_report(copy, args, out)
            return 0

        return reaching(one_site)
    return reaching(lambda: _every_site(args))


def _copies() -> Path:
    """Where the sites' copies are kept: beside this PC's own data, never in a station's
    file."""
    return data_dir() / "hub-copies"


def _reserved(args: argparse.Namespace) -> AbstractContextManager[OutputFile | None]:
    """The checked --out file (never this PC's station file nor its backups), checked before
    the hub is read."""
    if args.out is None:
        return nullcontext()
    return reserve(args.out, force=args.force, db_path=db_path(args), settings={})


def _every_site(args: argparse.Namespace) -> int:
    address = read_hub(str(args.hub))
    by_site, reports = [], []
    with _reserved(args) as out:
        for site in hub_sites(address):
            with site_copy(address, site, args.clock, _copies()) as copy:
                report, _, data = made_report(copy, args, to_file=False)
            reports.append(report)
            by_site.append(json.loads(data))
        _write(out, _all_sites(args, by_site, reports))
    return 0


def _write(out: OutputFile | None, data: bytes) -> None:
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        write_reserved(out, data)


def _all_sites(args: argparse.Namespace, by_site: list[dict[str, Any]],
               reports: list[Report]) -> bytes:
    return (json.dumps({
        "sites": [figures["site"] for figures in by_site],
        "period": {"from": args.first, "to": args.last},
        "totals": figures_json(summed(report.total for report in reports)),
        "by_site": by_site,
    }, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
