"""Entry point of the `ambacht` console script: parse, then start the app or run a command.

One clock serves the whole run: `main` puts it on the parsed arguments as `args.clock`, and
every command reads the time from there.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from cli import figures, files, flow, items, people, registers
from cli.common import EXIT_REFUSED, db_path
from cli.parser import build_parser
from db.connection import storage_errors
from intake.clock import SystemClock
from intake.errors import AmbachtError
from intake.paths import make_files_private
from labels.printing import PrintError

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
    "register": registers.cmd_register,
    "category-serial": registers.cmd_category_serial,
    "staff-kind": people.cmd_staff_kind,
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

        return run_app(db_path=args.db, lang=args.lang, fullscreen=args.fullscreen, demo=args.demo)
    args.clock = SystemClock()
    try:
        with storage_errors(db_path(args)):  # a damaged page met while reading, say
            return _COMMANDS[args.command](args)
    except (AmbachtError, PrintError) as exc:
        print(f"ambacht: {exc}", file=sys.stderr)
        return EXIT_REFUSED

