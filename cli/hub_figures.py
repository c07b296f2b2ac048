"""`ambacht report --hub URL [--site NAME]`: the figures as the hub holds them.

With `--site`, one site's report in any format, the same a station of that site makes once it
holds the same records (`intake/hub_report.py`; the sites' copies are kept in the data folder,
`hub-copies`). Without, every site's JSON report under
`by_site`, beside the period and the totals of all sites together; a site's report of a
period that is over is reused while nothing it depends on changed (`intake/report_reuse.py`).
A hub that cannot be reached exits 3, as `ambacht sync` does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from cli.common import Refusal, db_path, write_reserved
from cli.figures import made_report, write_report
from cli.hub import reaching
from db import Store
from intake.errors import AmbachtError
from intake.hub_address import read_hub
from intake.hub_errors import HubUnreachable
from intake.hub_join import SITE_NAME_MAX
from intake.hub_report import COPY_REV, hub_sites, site_copy, summed
from intake.monitoring import Figures, Period, parse_day
from intake.outfiles import OutputFile, reserve
from intake.paths import data_dir
from intake.provenance import provenance_of
from intake.report_formats import figures_json
from intake.report_reuse import keep, reuse_key, reused
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
    with _reserved(args) as out:
        sites = hub_sites(address)
        # Each site's copy and report are its own: made in parallel processes, one per core
        # (forked, so nothing is imported again: the exports' modules neither, loaded here),
        # each with its own hub connection and file.
        import intake.exports  # noqa: F401
        import intake.report_pdf  # noqa: F401
        with ProcessPoolExecutor(max_workers=max(1, min(len(sites), os.cpu_count() or 1)),
                                 mp_context=get_context("fork")) as pool:
            made = list(pool.map(_site_report, [(args, site) for site in sites]))
        reports = []
        for outcome in made:  # as one process would have ended
            if outcome[0] == "unreachable":
                raise HubUnreachable(address.shown(), str(outcome[1]))
            if outcome[0] == "refused":
                raise Refusal(str(outcome[1]))
            reports.append(outcome[1:])
        _write(out, _all_sites(args, reports))
    return 0


def _site_report(job: tuple[argparse.Namespace, str]) -> tuple[Any, ...]:
    """In a process of its own: one site's copy brought up to date and its JSON report
    ("made", name, totals, text), or ("unreachable", why) or ("refused", the message): what
    goes between processes is plain values."""
    args, site = job
    try:
        with site_copy(read_hub(str(args.hub)), site, args.clock, _copies()) as copy:
            return "made", *_made_or_reused(copy, args)
    except HubUnreachable as exc:
        return "unreachable", exc.params["reason"]
    except (AmbachtError, Refusal) as exc:
        return "refused", str(exc)


# What of the command's arguments a report of all sites depends on.
_QUESTION = ("first", "last", "format", "baseline_from", "baseline_to", "year_earlier", "lang")


def _made_or_reused(copy: Store, args: argparse.Namespace) -> tuple[str, Figures, str]:
    """A site's JSON report (site, totals, text): the last one again, with its provenance's
    time made afresh, if nothing it depends on changed since (`intake/report_reuse.py`);
    otherwise made and kept for the next time. A period still running is always made."""
    now = args.clock.now()
    period = Period(parse_day(args.first), parse_day(args.last))
    question = {name: getattr(args, name) for name in _QUESTION}
    question["today"] = now.astimezone(copy.settings().zone).date()
    upto = int(copy.settings().get(COPY_REV, "0"))
    over = now >= period.span(copy)[1]
    if over:
        provenance = provenance_of(copy, period, now)
        found = reused(Path(copy.path), reuse_key(question, provenance, upto), provenance)
        if found is not None:
            return found
    report, provenance, data = made_report(copy, args, to_file=False)
    text = data.decode("utf-8")
    if over:
        keep(Path(copy.path), reuse_key(question, provenance, upto), provenance.made_at,
             report.site, report.total, text)
    return report.site, report.total, text


def _write(out: OutputFile | None, data: bytes) -> None:
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        write_reserved(out, data)


def _all_sites(args: argparse.Namespace, made: list[tuple[str, Figures, str]]) -> bytes:
    """The JSON of every site: each site's report is set in as its process wrote it, each
    line moved in two levels, which gives the bytes one `json.dumps(..., indent=2)` of the
    whole would (a JSON text has no line break but between its values), without encoding
    every site's figures again on one core."""
    outer = json.dumps({
        "sites": [site for site, _, _ in made],
        "period": {"from": args.first, "to": args.last},
        "totals": figures_json(summed(total for _, total, _ in made)),
        "by_site": [],
    }, ensure_ascii=False, indent=2)
    inner = ",\n".join("    " + text.strip().replace("\n", "\n    ") for _, _, text in made)
    return (outer.removesuffix("[]\n}") + (f"[\n{inner}\n  ]\n}}\n" if made else "[]\n}\n")
            ).encode("utf-8")
