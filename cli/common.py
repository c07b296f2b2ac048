"""What every command shares: exit statuses, refusals, opening the database, who acts, the
services, and the files written beside a step."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from cli.opening import open_for
from db import Store
from db.times import unreadable_times_of
from intake.auth import AuthService
from intake.errors import AmbachtError
from intake.figure_changes import exports_touched
from intake.localtime import parse_step_time
from intake.model import Item, User
from intake.outfiles import OutputFile, reserve
from intake.paths import default_db_path
from intake.steps import StepService
from labels.printing import PrintError

EXIT_REFUSED = 2
EXIT_NOT_WRITTEN = 4  # the step was saved, its file not: retrying would save it twice
EXIT_UNREACHABLE = 3  # the hub did not answer: nothing lost, the station works on alone
PIN_ENV = "AMBACHT_PIN"
_S = TypeVar("_S", bound=StepService)
_T = TypeVar("_T")


class Refusal(AmbachtError):
    """A refusal worded by the command line itself (English only, nothing to fill in)."""

    def __init__(self, message: str) -> None:
        super().__init__("{message}", message=message)


def db_path(args: argparse.Namespace) -> Path:
    """The database file the command names, or the default one."""
    return Path(getattr(args, "db", None) or default_db_path())


def open_store(args: argparse.Namespace) -> Store:
    """The database, opened as the command needs it (`cli.opening.open_for`); `main` closes
    it when the command ends, however it ends."""
    store = open_for(args.command, db_path(args))
    args.opened.append(store)
    return store


def acting(args: argparse.Namespace) -> tuple[Store, User, datetime | None]:
    """The database, who acts (`AuthService.command_line_user`) and the --at time of a step
    command. An empty --pin or AMBACHT_PIN is refused there, not taken as none given."""
    store = open_store(args)
    given = getattr(args, "at", None)  # before the PIN: a bad time counts no wrong PIN
    at = None if given is None else parse_step_time(given, args.clock.now(),
                                                    store.settings().zone)
    pin = args.pin if args.pin is not None else os.environ.get(PIN_ENV)
    user = AuthService(store, args.clock).command_line_user(args.user, pin)
    return store, user, at


def service(args: argparse.Namespace, store: Store, cls: type[_S]) -> _S:
    """A step service on this database's station, with the run's clock."""
    return cls(store, args.clock, store.settings().station)


def optional(parse: Callable[[str], _T], text: str | None) -> _T | None:
    """`parse(text)`, or None for an option not given."""
    return None if text is None else parse(text)


def reserve_for(store: Store, path: Path | None,
                force: bool) -> AbstractContextManager[OutputFile | None]:
    """The checked output file for `path`, or nothing when no file was asked for."""
    if path is None:
        return nullcontext()
    return reserve(path, force=force, db_path=store.path, settings=store.settings())


def write_after_step(out: OutputFile | None, render: Callable[[], bytes]) -> int:
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


def write_file(store: Store, path: Path, force: bool, render: Callable[[], bytes]) -> int:
    """Write a file that goes with no step: any failure is a refusal, nothing changed."""
    with reserve_for(store, path, force) as out:
        assert out is not None
        return write_reserved(out, render())


def write_reserved(out: OutputFile, data: bytes) -> int:
    """Write a reserved file that goes with no step; a failure is a Refusal."""
    try:
        out.write(data)
    except OSError as exc:
        raise Refusal(f"cannot write {out.path}: {exc.strerror or exc}") from exc
    return 0


def note_unreadable(store: Store, item: Item) -> int:
    """Name an item whose stored time cannot be read (an older version's, a hand edit): it
    is left out of the figures. The command goes on; returns its status, 0."""
    times = unreadable_times_of(store.db, item.id)
    if times:
        shown = ", ".join(f"'{text[:40]}'" for text in times)
        print(f"ambacht: {item.code} has a time that cannot be read and is not counted in "
              f"reports: {shown}", file=sys.stderr)
    return 0


def note_earlier_periods(args: argparse.Namespace, store: Store, kind: str,
                         key: str | None) -> None:
    """After a change that counts the past by its new value too (`intake.figure_changes`):
    one line on stderr naming how many exports of earlier periods now hold other figures
    than the same report made again would; nothing if none."""
    today = args.clock.now().astimezone(store.settings().zone).date()
    count = exports_touched(store, kind, key, today)
    if count:
        exports = ("1 export of an earlier period holds" if count == 1
                   else f"{count} exports of earlier periods hold")
        print(f"ambacht: this also changes the figures of earlier periods: {exports} the old "
              "figures", file=sys.stderr)
