"""A file damaged in the middle (issue 11): no new step is taken into it, and every refusal
points to a restore. The damage is a page of the events overwritten while the file is closed,
as a failing disk would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_run import digest, run

from db import Store
from intake.clock import FixedClock
from intake.errors import DamagedDatabase
from intake.gate import GateService
from intake.model import Route
from ui.app import Startup, open_store
from ui.screens.recovery import RecoveryScreen

ITEMS = 400  # enough events for many pages, so that one in the middle can be hit




def says_restore(message: str) -> bool:
    return "damaged" in message and "ambacht restore" in message


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock) -> Path:
    """A closed file whose middle page of the events table is scribbled over."""
    path = tmp_path / "ambacht.sqlite"
    store = open_store(path, clock)
    gate = GateService(store, clock, "A")
    user = store.users()[0]
    with store.atomic():
        for _ in range(ITEMS):
            gate.take_in(user, gate.prepare("books", Route.SALE, 1500))
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = [row[0] for row in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' ORDER BY pageno")]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert len(pages) > 10
    middle = pages[len(pages) // 2]
    data = bytearray(path.read_bytes())  # tests may write the file; Ambacht never does
    data[(middle - 1) * size + 100:middle * size] = b"\x5a" * (size - 100)
    path.write_bytes(bytes(data))
    return path


def test_write_commands_are_refused_before_they_write(capsys, db: Path) -> None:
    before = digest(db)
    for command in (["intake", "--category", "books", "--route", "sale"],
                    ["void", "A000001", "--reason", "by mistake"],
                    ["target", "--year", "2026", "--kg-collected", "1000"]):
        code, out, err = run(capsys, *command, "--db", str(db))
        assert code == 2 and out == "", command
        assert err.count("\n") == 1 and says_restore(err), err
    assert digest(db) == before


def test_check_refuses_and_a_report_reads_or_refuses_in_one_line(capsys, db: Path) -> None:
    code, _, err = run(capsys, "check", "--db", str(db))
    assert code == 2 and says_restore(err)
    code, out, err = run(capsys, "report", "--db", str(db), "--from", "2026-11-01",
                         "--to", "2026-11-30")
    # A report reads the events of the period: it meets the damaged page and says so, in
    # one line, with the way out (no traceback).
    assert code == 2 and out == "" and err.count("\n") == 1 and says_restore(err)
    code, out, _ = run(capsys, "item", "A000001", "--db", str(db))
    assert code == 0 and out.startswith("A000001")  # a page not damaged reads as ever


def test_damage_met_while_running_refuses_every_later_step(db: Path, clock: FixedClock) -> None:
    store = Store.open(db)  # the opening checks what is cheap; the page is not read yet
    gate = GateService(store, clock, "A")
    user = store.users()[0]
    assert store.damage is None
    with pytest.raises(sqlite3.DatabaseError):
        store.db.execute("SELECT count(*), sum(length(data)) FROM events").fetchone()
    assert isinstance(store.damage, DamagedDatabase)
    before = store.db.execute("SELECT next_item_seq FROM stations").fetchone()
    with pytest.raises(DamagedDatabase) as refused:
        gate.take_in(user, gate.prepare("books", Route.SALE, 1500))
    assert says_restore(str(refused.value))
    assert store.db.execute("SELECT next_item_seq FROM stations").fetchone() == before
    store.close()


def test_the_app_check_marks_the_store_before_the_recovery_screen(
    qtbot, db: Path, clock: FixedClock
) -> None:
    startup = Startup(db, clock, "en")
    with qtbot.waitSignal(startup.damaged, timeout=20_000):
        startup.begin()
        store = startup.contexts[0].store
    # Marked on the check's thread: from then on the gate takes nothing in.
    assert isinstance(store.damage, DamagedDatabase) and says_restore(str(store.damage))
    qtbot.waitUntil(lambda: bool(startup.windows) and isinstance(
        startup.windows[-1].centralWidget(), RecoveryScreen), timeout=5000)
    startup.windows[-1].close()
