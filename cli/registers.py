"""Commands about the registers: the police register of numbered items and which categories
ask for a number."""

from __future__ import annotations

import argparse
import sys

from cli.common import acting, note_earlier_periods, open_store, write_file
from intake.monitoring import Period, parse_day
from intake.registers import RegisterService, parse_serial_kind


def cmd_register(args: argparse.Namespace) -> int:
    """The numbered items taken in during a period, as the register's CSV (docs/register.md)."""
    store = open_store(args)
    registers = RegisterService(store, args.clock)
    period = Period(parse_day(args.first), parse_day(args.last))
    if args.out is not None:
        return write_file(store, args.out, args.force,
                          lambda: registers.register_csv(period).encode("utf-8"))
    sys.stdout.write(registers.register_csv(period))
    return 0


def cmd_category_serial(args: argparse.Namespace) -> int:
    """Set which number a category's items are asked for at intake."""
    store, user, _ = acting(args)
    kind = parse_serial_kind(args.kind)
    registers = RegisterService(store, args.clock)
    before = registers.serial_kind(args.code)
    registers.set_serial_kind(user, args.code, kind)
    # Said in the words the command takes ('imei-serial'), not as stored ('imei_serial').
    print(f"category {args.code}: serial {(kind or 'none').replace('_', '-')}")
    if kind != before:
        note_earlier_periods(args, store, "serial", args.code)
    return 0
