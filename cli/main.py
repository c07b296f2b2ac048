"""Entry point of the `ambacht` console script: parse, then start the app or run a command.

One clock serves the whole run: `main` puts it on the parsed arguments as `args.clock`, and
every command reads the time from there.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from cli import conflicts, figures, files, flow, hub, items, people, registers
from cli.common import EXIT_REFUSED, db_path
from cli.parser import build_parser
from db.connection import storage_errors
from intake.clock import SystemClock
from intake.errors import AmbachtError
from intake.paths import make_files_private
from labels.printing import PrintError

EXIT_PIPE_CLOSED = 128 + 13  # what a shell reports for a program ended by SIGPIPE

_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": files.cmd_init,
    "intake": items.cmd_intake,
    "item": items.cmd_item,
    "label": items.cmd_label,
    "categories": items.cmd_categories,
    "backup": files.cmd_backup,
    "restore": files.cmd_restore,
    "check": files.cmd_check,
    "repair": flow.cmd_repair,
    "safety-test": flow.cmd_safety_test,
    "price": flow.cmd_price,
    "sell": flow.cmd_sell,
    "return": flow.cmd_return,
    "material": flow.cmd_material,
    "delivery-note": flow.cmd_delivery_note,
    "void": flow.cmd_void,
    "correct": flow.cmd_correct,
    "repurpose": flow.cmd_repurpose,
    "report": figures.cmd_report,
    "baseline": figures.cmd_baseline,
    "target": figures.cmd_target,
    "category-eu": figures.cmd_category_eu,
    "conflicts": conflicts.cmd_conflicts,
    "resolve": conflicts.cmd_resolve,
    "hub": hub.cmd_hub,
    "station": hub.cmd_station,
    "sync": hub.cmd_sync,
    "register": registers.cmd_register,
    "category-serial": registers.cmd_category_serial,
    "staff-kind": people.cmd_staff_kind,
    "network-coordinator": people.cmd_network_coordinator,
    "course": people.cmd_course,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `ambacht` console script; returns the exit status."""
    make_files_private()
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # bad usage (status 2, one line already said) or --help (0)
        return int(exit_.code or 0)
    if args.command is None:
        from ui.app import run_app  # Qt is loaded only when the app is wanted

        return run_app(db_path=args.db, lang=args.lang, fullscreen=args.fullscreen, demo=args.demo,
                       panel_dpi=args.panel_dpi)
    args.clock = SystemClock()
    args.opened = []  # the stores the command opened (`cli.common.open_store`)
    try:
        with storage_errors(db_path(args)):  # a damaged page met while reading, say
            return _COMMANDS[args.command](args)
    except (AmbachtError, PrintError) as exc:
        print(f"ambacht: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # The reader stopped early (`ambacht categories | head`): end quietly, as `cat` does.
        # Whatever the command wrote to the database was committed before it printed.
        _silence_stdout()
        return EXIT_PIPE_CLOSED
    finally:
        # Closed here, not left to the garbage collector: a connection keeps itself alive
        # through its statement cache, and holds the file until a collection runs. That
        # matters when commands run one after another in one process (restore refuses a file
        # another connection has open).
        for store in args.opened:
            store.close()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing what is left at exit raises nothing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)

