"""The crash test's child: takes items in at the gate, one after another, until it is killed.

Usage: python tests/crash_child.py DATABASE. Prints `ready` once the database is open, then each
item's code, flushed, only after `GateService.take_in` returned: that line is the
acknowledgement a coach would see on the screen and on the label.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import Store  # noqa: E402
from intake.auth import SYSTEM_USER_ID  # noqa: E402
from intake.clock import SystemClock  # noqa: E402
from intake.gate import GateService  # noqa: E402

INTAKES = itertools.cycle([("books", "sale"), ("bicycles", "repair"), ("wood", "material")])


def main(path: str) -> None:
    store = Store.open(path)
    gate = GateService(store, SystemClock(), store.settings()["station"])
    user = store.user(SYSTEM_USER_ID)
    assert user is not None
    print("ready", flush=True)
    for count in itertools.count():
        if count % 10 == 0:  # a new visitor now and then: visits are written too
            visit = gate.start_visit(user)
        category, route = next(INTAKES)
        item = gate.take_in(user, gate.prepare(category, route), visit)
        print(item.code, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
