"""Commands of the hub and its stations: `hub init|invite|revoke`, `station join`, `sync`.

A hub that cannot be reached exits 3 with one line (nothing was lost: the station works on
alone); every other refusal exits 2, also with one line; what the hub said is in the log.
An address is printed only without its password.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from contextlib import closing
from typing import TypeVar

from cli.common import EXIT_UNREACHABLE, Refusal, db_path, service
from cli.conflicts import warn_newer, warn_shared_pins
from cli.opening import open_for
from db.hub.admin import init_hub, invite, revoke
from intake.clock_skew import in_words, is_off
from intake.codes import check_station
from intake.conflicts import ConflictService
from intake.hub_address import join_code, read_hub
from intake.hub_errors import HubUnreachable
from intake.hub_join import SITE_NAME_MAX, join
from intake.hub_sync import SyncReport, SyncService
from intake.logfile import log_to_file
from intake.text import clean_name, one_line

HUB_ENV = "AMBACHT_HUB"
_T = TypeVar("_T")


def add_commands(sub: argparse._SubParsersAction, db_opt: argparse.ArgumentParser,
                 parser_class: type[argparse.ArgumentParser]) -> None:
    """The hub's commands, on the `ambacht` parser."""
    hub_opt = parser_class(add_help=False)
    hub_opt.add_argument("--hub", default=os.environ.get(HUB_ENV), metavar="URL",
                         help=f"the hub's PostgreSQL URL (or set {HUB_ENV}, which keeps a "
                         "password out of the shell history; or keep it in ~/.pgpass)")
    hub = sub.add_parser("hub", help="set up the PostgreSQL hub where a site's stations meet")
    steps = hub.add_subparsers(dest="hub_step", required=True, parser_class=parser_class)
    steps.add_parser("init", parents=[hub_opt], help="create or upgrade the hub's schema")
    invite_ = steps.add_parser("invite", parents=[hub_opt],
                               help="print a one-time join code for a new station of a site")
    invite_.add_argument("--site", required=True, help="the site's name (made when new)")
    invite_.add_argument("--station", metavar="LETTER",
                         help="take this station over: a new PC for a dead one")
    invite_.add_argument("--new-site", action="store_true",
                         help="make a new site even though its name differs from an "
                         "existing site's only in capitals or spaces")
    revoke_ = steps.add_parser("revoke", parents=[hub_opt],
                               help="stop a station pushing and pulling")
    revoke_.add_argument("--site", required=True)
    revoke_.add_argument("--station", required=True, metavar="LETTER")

    station = sub.add_parser("station", help="this station and its hub")
    station_steps = station.add_subparsers(dest="station_step", required=True,
                                           parser_class=parser_class)
    join_ = station_steps.add_parser(
        "join", parents=[db_opt, hub_opt],
        help="join a site on the hub (a new database gets the site's configuration); prints "
        "the station's letter")
    join_.add_argument("--site", required=True)
    sub.add_parser("sync", parents=[db_opt],
                   help="one round with the hub: send this station's work, take in the rest")


def cmd_hub(args: argparse.Namespace) -> int:
    """`hub init`, `hub invite` or `hub revoke`."""
    return reaching(lambda: _HUB_STEPS[args.hub_step](args))


def cmd_station(args: argparse.Namespace) -> int:
    """`station join`: the letter alone on stdout, then a first round with the hub."""
    path = db_path(args)
    existing = open_for("station", path) if path.exists() else None
    try:
        joined = reaching(lambda: join(_hub(args), args.site, path, args.clock, existing))
    finally:
        if existing is not None:
            existing.close()
    if isinstance(joined, int):
        return joined
    print(joined.letter)
    sys.stdout.flush()
    print(f"ambacht: {path} is station {joined.letter} of {one_line(args.site)}"
          + (", made with the site's settings and lists" if joined.created else ""),
          file=sys.stderr)
    with closing(open_for("station", path)) as store:
        def first_round() -> int:  # its history goes up now
            report = SyncService(store, args.clock).round()
            print(f"ambacht: sent {report.sent}; received {report.received}", file=sys.stderr)
            return 0
        return reaching(first_round)


def cmd_sync(args: argparse.Namespace) -> int:
    """One round: what went each way, on stdout."""
    with closing(open_for("sync", db_path(args))) as store:
        status = reaching(lambda: _say(SyncService(store, args.clock).round()))
        conflicts = service(args, store, ConflictService)
        warn_shared_pins(conflicts, store.settings().zone)
        warn_newer(conflicts)
        return status


def _init(args: argparse.Namespace) -> int:
    address = read_hub(_hub(args))
    setup = init_hub(address)
    done = (f"set up ({', '.join(setup.applied)})" if setup.applied
            else "up to date, nothing changed")
    print(f"Hub {address.shown()}: {done}")
    return 0


def _invite(args: argparse.Namespace) -> int:
    address = read_hub(_hub(args))
    site = clean_name(args.site, SITE_NAME_MAX)
    letter = None if args.station is None else check_station(args.station)
    print(join_code(invite(address, site, letter, args.new_site), site))
    print(f"ambacht: a one-time join code for site {site} on {address.shown()}: it opens the "
          "hub once, to join, so hand it over as you would a key", file=sys.stderr)
    return 0


def _revoke(args: argparse.Namespace) -> int:
    address = read_hub(_hub(args))
    site, letter = clean_name(args.site, SITE_NAME_MAX), check_station(args.station)
    seen = revoke(address, site, letter)
    print(f"Station {letter} of {site} is revoked: it can no longer push or pull.")
    since = (f"since its last sync ({seen.astimezone():%Y-%m-%d %H:%M})" if seen
             else "(it never synced)")
    print(f"ambacht: warning: what station {letter} did {since} is on that PC only and now "
          f"never reaches the hub; a new PC that takes its place ('ambacht hub invite --site "
          f"{site} --station {letter}') goes on from what the hub holds, so that work must be "
          "entered again there", file=sys.stderr)
    return 0


_HUB_STEPS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": _init, "invite": _invite, "revoke": _revoke}


def _hub(args: argparse.Namespace) -> str:
    if not args.hub:
        raise Refusal(f"give the hub with --hub URL or {HUB_ENV}")
    return str(args.hub)


def _say(report: SyncReport) -> int:
    print(f"sent: {report.sent}")
    print(f"received: {report.received}")
    if is_off(report.clock_offset_s):
        off = in_words(report.clock_offset_s or 0, "this PC's clock")
        print(f"ambacht: {off}: set it right (what is changed here is dated by the hub's "
              "clock meanwhile)", file=sys.stderr)
    return 0


def reaching(run: Callable[[], _T]) -> _T | int:
    """Run a command that meets the hub; an unreachable hub is one line and exit 3. What
    the hub or the network said goes to the log (`intake/logfile.py`), not to stderr."""
    log_to_file(or_stderr=False)
    try:
        return run()
    except HubUnreachable as exc:
        print(f"ambacht: {exc}", file=sys.stderr)
        return EXIT_UNREACHABLE
