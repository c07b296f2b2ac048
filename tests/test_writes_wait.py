"""Programs writing one database at once wait for each other: nothing refused, nothing lost.

Each writer (`writer_child.py`) is a process of its own that runs the real command line again
and again: intakes opening a new visit (`--visit new`, which reads the municipalities before
it writes, the case that used to be refused "in use" at once), intakes into that visit, sales
and material out with a weighed batch. Every write transaction takes the write lock as it
begins and waits for the others (`db/immediate.py`), so no command may fail. Afterwards every
acknowledged code is in the database in the state its command left it, and the counts match.
Run with -s to see the figures; docs/durability.md records them.

Opening takes part too: a program that opens an older file while another migrates it waits and
then finds the migrations applied, instead of applying them again (`db/connection.py`,
`_migrate`). And a trace of the statements of a day's steps shows every transaction begins
with `BEGIN IMMEDIATE`.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from db import Store
from db.chain import find_break
from db.immediate import ImmediateDatabase
from db.schema import migrations
from intake.auth import AuthService
from intake.clock import FixedClock
from intake.day_sums import refresh_day_figures
from intake.errors import ValidationError
from intake.gate import GateService
from intake.material import MaterialService
from intake.model import Route, User
from intake.setup import initialize
from intake.shop import ShopService

CHILD = Path(__file__).with_name("writer_child.py")
WRITERS = ("visits", "repairs", "sales", "material")
SECONDS = 60.0  # the issue asks for a minute; the one long test the suite allows


def test_four_writers_for_a_minute_nothing_refused_nothing_lost(
    tmp_path: Path, clock: FixedClock
) -> None:
    db = tmp_path / "ambacht.sqlite"
    store = Store.open(db, create=True)
    initialize(store, clock, station="A")
    store.close()

    start = time.monotonic()
    children = [
        subprocess.Popen([sys.executable, str(CHILD), str(db), kind, str(SECONDS)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for kind in WRITERS
    ]
    acknowledged: dict[str, list[str]] = defaultdict(list)
    refusals: list[str] = []
    slowest = 0.0
    for kind, child in zip(WRITERS, children, strict=True):
        out, err = child.communicate(timeout=SECONDS + 120)
        for line in out.splitlines():
            word, *rest = line.split(" ", 2)
            if word == "ok":
                acknowledged[rest[0]].append(rest[1])
            elif word == "slowest":
                slowest = max(slowest, float(rest[0]))
            else:
                refusals.append(f"{kind}: {line}")
        if child.returncode != 0 and not refusals:
            refusals.append(f"{kind} exited {child.returncode}: {err.strip()[-500:]}")
    elapsed = time.monotonic() - start
    assert not refusals, refusals[:5]

    items, visits = acknowledged["item"], acknowledged["visit"]
    shipments = acknowledged["shipment"]
    assert len(items) == len(set(items)), "an item code was handed out twice"
    assert len(visits) == len(set(visits)), "a visit code was handed out twice"
    assert all(acknowledged[kind] for kind in ("item", "visit", "sold", "shipped", "shipment"))

    store = Store.open(db)
    try:
        assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert find_break(store.db.conn, whole=True) is None  # four writers, one chain
        stored = dict(store.db.execute("SELECT code, status FROM items WHERE origin = 'gate'")
                      .fetchall())
        assert sorted(stored) == sorted(items), "gate items lost or not acknowledged"
        assert all(stored[code] == "sold" for code in acknowledged["sold"])
        assert all(stored[code] == "material_out" for code in acknowledged["shipped"])
        stored_visits = {row[0] for row in store.db.execute("SELECT code FROM visits")}
        assert stored_visits == set(visits)
        stored_notes = {row[0] for row in store.db.execute("SELECT code FROM shipments")}
        assert stored_notes == set(shipments)
        (batches,) = store.db.execute(
            "SELECT count(*) FROM items WHERE origin = 'bulk'").fetchone()
        assert batches == len(shipments)  # one weighed batch on every delivery note
    finally:
        store.close()
    commands = (len(items) + len(acknowledged["sold"]) + len(shipments))
    print(f"\nfour writers: {len(WRITERS)} processes for {elapsed:.0f} s, {commands} write "
          f"commands ({len(items)} intakes, {len(visits)} with --visit new, "
          f"{len(acknowledged['sold'])} sales, {len(shipments)} material out), 0 refused, "
          f"0 lost; the slowest command took {slowest:.2f} s")


def test_a_program_opening_an_older_file_while_another_migrates_it_waits(
    tmp_path: Path
) -> None:
    """The test holds the write lock on a file one migration behind while a child opens it,
    then applies that migration itself and commits. The child, which saw it pending, must
    wait and then find it applied, not apply it a second time ('index already exists')."""
    db = tmp_path / "older.sqlite"
    newest = migrations._migrations[-1].name
    first = ImmediateDatabase(db)
    first.execute("PRAGMA journal_mode=WAL")
    migrations.apply(first, stop_before=newest)  # a file of the version before this one
    first.execute("BEGIN IMMEDIATE")
    code = "import sys\nfrom db import Store\nprint('opening', flush=True)\n" \
           "Store.open(sys.argv[1]).close()\n"
    child = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == "opening\n"
        time.sleep(1.0)  # the child reads what is pending, then waits for the lock
        migrations.apply(first)  # inside the open transaction: savepoints
        first.execute("COMMIT")
    finally:
        first.close()
        _, err = child.communicate(timeout=60)
    assert child.returncode == 0, err.strip()[-500:]
    store = Store.open(db)
    try:
        names = [row[0] for row in store.db.execute(
            "SELECT name FROM _sqlite_migrations WHERE name = ?", [newest])]
    finally:
        store.close()
    assert names == [newest]


def test_every_transaction_begins_immediate(
    store: Store, clock: FixedClock, auth: AuthService, coordinator: User, gate: GateService,
    shop: ShopService, material: MaterialService,
) -> None:
    """Whatever path a write takes (a step's transaction, a nested one, a lone write like a
    setting or a wrong PIN, the day sums), SQLite sees `BEGIN IMMEDIATE`, never a plain
    `BEGIN` that could not wait for the lock."""
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    visit = gate.start_visit(coordinator)
    book = gate.take_in(coordinator, gate.prepare("books", Route.SALE), visit)
    wood = gate.take_in(coordinator, gate.prepare("wood", Route.MATERIAL), visit)
    shop.sell(coordinator, [(book.code, 250)])
    material.send(coordinator, "Metaal Oost", [wood.code])
    store.set_setting("language", "en")
    with pytest.raises(ValidationError):
        auth.login("9999")  # counted in the station's run of wrong PINs
    today = clock.now().date()
    refresh_day_figures(store, today, today, store.categories(include_hidden=True))
    store.db.conn.set_trace_callback(None)
    begins = [s for s in statements if s.split()[0].upper() in ("BEGIN", "SAVEPOINT")]
    assert len(begins) >= 7
    assert [s for s in begins if s.upper().startswith("BEGIN") and s != "BEGIN IMMEDIATE"] == []
