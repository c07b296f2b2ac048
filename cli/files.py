"""Commands about the database file itself: init, backup, restore, check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import db_path, open_store
from db.backup import BackupSummary, back_up, write_backup
from db.hub_restore import restored
from db.restore import restore
from intake.audit import check_file
from intake.setup import open_or_create


def cmd_init(args: argparse.Namespace) -> int:
    """Create and fill a new database; an existing one is left as it is."""
    store, filled = open_or_create(db_path(args), args.clock, site_name=args.site,
                                   station=args.station)
    args.opened.append(store)  # closed by `main`, as `open_store`'s are
    if not filled:
        print(f"ambacht: {store.path} is already an Ambacht database; nothing changed.",
              file=sys.stderr)
        return 0
    print(f"Created {store.path}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Make a checked backup: in the backup folder (rotated) or to the file --out names."""
    store = open_store(args)  # refuses a file that is not ours; a damaged copy is refused below
    path, settings = Path(store.path), store.settings()
    store.close()
    summary = (write_backup(path, args.out) if args.out
               else back_up(path, settings, args.clock.now()))
    print(summary.path)
    print(f"ambacht: {_contents(summary)}", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database with a backup, all or nothing; the old file is kept."""
    path = db_path(args)
    summary, kept = restore(args.file, path, args.clock.now())
    print(f"Restored {path} from {args.file}: {_contents(summary)}")
    print(f"The previous database is kept as {kept}" if kept else "There was no database yet.")
    if restored(open_store(args).db):
        print("This station of a hub takes no step until 'ambacht sync' has brought its own "
              "steps back from the hub.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Read the whole database for damage and its history for changes made round Ambacht
    (with --full also its item rows and cached day sums: `intake.audit`)."""
    store = open_store(args)
    path = store.path
    store.close()
    check_file(path, full=args.full)
    print(f"{path}: ok")
    return 0


def _contents(summary: BackupSummary) -> str:
    latest = summary.latest_event_at or "none"
    return f"{summary.items} items, {summary.events} steps, latest step at {latest} (UTC)"
