"""How the `ambacht` command opens the database (issue 11).

A command that only reads (`READ_ONLY`) also reads a file that a newer Ambacht changed, on a
read-only connection, with a warning on stderr; every other command refuses such a file. A
command that writes first reads the whole file with `PRAGMA quick_check` (a few tens of
milliseconds on a year of a centre's data, `bench/bench_files.py`), so that a file damaged in
the middle takes no new step: the refusal points to `ambacht restore`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from db import Store
from db.connection import check_intact

# Commands that never change the database. `restore` and `init` are not here: they write.
READ_ONLY = frozenset({"item", "label", "categories", "backup", "check", "delivery-note",
                       "report", "conflicts",
                       "register"})


def open_for(command: str, path: Path) -> Store:
    """The database for `command`: read-only on a newer file when the command only reads,
    checked for damage when it writes. Refusals are StorageErrors."""
    if command in READ_ONLY:
        store = Store.open(path, newer_read_only=True)
        if store.newer:
            print(f"ambacht: warning: {path} was changed by a newer version of Ambacht "
                  f"({', '.join(store.newer)}); it is only read here. Update Ambacht to "
                  "change it.", file=sys.stderr)
        return store
    store = Store.open(path)
    try:
        check_intact(path, pages=not store.pages_read)  # read once, not twice
    except BaseException:
        store.close()
        raise
    return store
