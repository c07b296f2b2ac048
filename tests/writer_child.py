"""The four-writer test's child: one kind of write, through the real command line, for a while.

Usage: python tests/writer_child.py DATABASE KIND SECONDS. KIND is `visits` (intake with
`--visit new`, then a second item into that visit), `repairs` (`--visit new`, route repair),
`sales` (an intake, then `sell`) or `material` (an intake, then `material` with a weighed batch
beside it). Each command is `cli.main.main` with its own Store, as a separate `ambacht`
process would have, but without a Python start per command, so the four writers really
collide. Prints `ok KIND VALUE` after a command returned 0 (VALUE: the code it printed), or
`refused STATUS MESSAGE`; the parent checks every acknowledged value is in the database. Ends
with `slowest SECONDS`, the longest a command took (waiting for the others included).
"""

from __future__ import annotations

import contextlib
import gc
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cli.main import main as ambacht  # noqa: E402

SLOWEST = [0.0]


def run(db: str, *argv: str) -> tuple[str, str]:
    """Run one command; (its stdout, its stderr), after printing a refusal if it failed."""
    out, err = io.StringIO(), io.StringIO()
    start = time.monotonic()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = ambacht([argv[0], "--db", db, *argv[1:]])
    SLOWEST[0] = max(SLOWEST[0], time.monotonic() - start)
    gc.collect()  # the command's Store closes with its last reference, as at a process's end
    if status != 0:
        print(f"refused {status} {argv[0]} {err.getvalue().strip()}", flush=True)
        raise SystemExit(1)
    return out.getvalue(), err.getvalue()


def acknowledge(kind: str, value: str) -> None:
    print(f"ok {kind} {value.strip()}", flush=True)


def one_round(db: str, kind: str) -> None:
    if kind in ("visits", "repairs"):
        category, route = ("books", "sale") if kind == "visits" else ("bicycles", "repair")
        out, err = run(db, "intake", "--category", category, "--route", route, "--visit", "new")
        acknowledge("item", out)
        visit = err.split()[-1]  # "visit VA000012" on stderr
        acknowledge("visit", visit)
        out, _ = run(db, "intake", "--category", category, "--route", route, "--visit", visit)
        acknowledge("item", out)
    elif kind == "sales":
        code = run(db, "intake", "--category", "books", "--route", "sale")[0].strip()
        acknowledge("item", code)
        run(db, "sell", code, "--price-eur", "2.50")
        acknowledge("sold", code)
    else:
        code = run(db, "intake", "--category", "wood", "--route", "material")[0].strip()
        acknowledge("item", code)
        out, _ = run(db, "material", code, "--category", "wood", "--weight-kg", "12",
                     "--recipient", "Metaal Oost")
        acknowledge("shipment", out)
        acknowledge("shipped", code)


def main(db: str, kind: str, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        one_round(db, kind)
    print(f"slowest {SLOWEST[0]:.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
