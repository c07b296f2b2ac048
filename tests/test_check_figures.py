"""`ambacht check --full` holds the item rows and the cached day sums against the events
(issue 11): rows and sums edited with sqlite3 are named, though the hash chain still holds."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_run import check, run
from test_chain import tamper

from db import Store
from db.audit import read_only_store
from intake.audit import first_wrong_day
from intake.clock import FixedClock
from intake.demo import build_demo
from intake.monitoring import Period, build_report
from intake.setup import initialize


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "h.sqlite"




def three_items_one_sold(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """The tester's start: init, three intakes, A000002 sold, a report made (day sums cached)."""
    assert run(capsys, "init", "--db", str(db), "--site", "Test")[0] == 0
    for _ in range(3):
        assert run(capsys, "intake", "--db", str(db), "--category", "books",
                   "--route", "sale")[0] == 0
    assert run(capsys, "sell", "--db", str(db), "A000002", "--price-eur", "5")[0] == 0
    today = date.today().isoformat()
    assert run(capsys, "report", "--db", str(db), "--from", today, "--to", today)[0] == 0
    assert check(capsys, db, "--full") == (0, f"{db}: ok\n")


def test_an_item_row_edited_with_sqlite3_is_named(capsys, db: Path) -> None:
    three_items_one_sold(capsys, db)
    (grams,) = sqlite3.connect(db).execute(
        "SELECT weight_g FROM items WHERE code = 'A000001'").fetchone()
    tamper(db, "UPDATE items SET weight_g = 500000, category = 'eee_large', "
           "price_cents = 99999 WHERE code = 'A000001'",
           "UPDATE items SET status = 'in_stock' WHERE code = 'A000002'",
           "DELETE FROM day_figures", "DELETE FROM day_figures_done")
    code, said = check(capsys, db, "--full")
    assert code == 2
    assert ("the row of item A000001 does not match its history (category, weight_g, "
            "price_cents)") in said
    assert f"{db}: ok" not in said
    tamper(db, f"UPDATE items SET weight_g = {grams}, category = 'books', price_cents = NULL "
           "WHERE code = 'A000001'")
    code, said = check(capsys, db, "--full")
    assert code == 2
    assert "item A000002 does not match its history (status)" in said


def test_a_removed_item_row_and_a_changed_gate_fact_are_named(capsys, db: Path) -> None:
    three_items_one_sold(capsys, db)
    tamper(db, "UPDATE items SET gate_route = 'material' WHERE code = 'A000003'")
    code, said = check(capsys, db, "--full")
    assert (code, "item A000003 does not match its history (gate_route)" in said) == (2, True)
    tamper(db, "UPDATE items SET gate_route = 'sale' WHERE code = 'A000003'",
           "PRAGMA foreign_keys = OFF", "DELETE FROM items WHERE code = 'A000003'")
    code, said = check(capsys, db, "--full")
    assert code == 2
    assert "does not match its history (row)" in said


def test_a_cached_day_sum_edited_with_sqlite3_is_named(capsys, db: Path) -> None:
    three_items_one_sold(capsys, db)
    (day,) = sqlite3.connect(db).execute("SELECT DISTINCT day FROM day_figures").fetchone()
    tamper(db, f"UPDATE day_figures SET grams = grams * 1000 WHERE day = '{day}'")
    everything = "SELECT * FROM day_figures ORDER BY day, dim, key, kind, detail"
    cached = sqlite3.connect(db).execute(everything).fetchall()
    code, said = check(capsys, db, "--full")
    assert code == 2
    assert f"the cached sums of {day} do not match its steps" in said
    # Compared in memory: the check left the cache as it found it.
    assert sqlite3.connect(db).execute(everything).fetchall() == cached
    assert run(capsys, "check", "--db", str(db))[0] == 0  # the quick check reads no figures


def test_a_day_marked_stale_is_left_to_the_next_report(capsys, db: Path) -> None:
    """A step after the last report makes its day's sums old, not wrong."""
    three_items_one_sold(capsys, db)
    assert run(capsys, "intake", "--db", str(db), "--category", "toys",
               "--route", "sale")[0] == 0
    assert check(capsys, db, "--full") == (0, f"{db}: ok\n")


def test_a_demo_year_passes_and_its_edited_day_is_named(tmp_path: Path,
                                                        clock: FixedClock) -> None:
    path = tmp_path / "demo.sqlite"
    store = Store.open(path, create=True)
    initialize(store, clock, site_name="Demo", station="A")
    build_demo(store, end=clock.now(), days=60, scale=0.3)
    today = clock.now().date()
    build_report(store, Period(today - timedelta(days=59), today), clock.now())
    store.close()
    reader = read_only_store(path)
    assert first_wrong_day(reader) is None
    reader.close()
    (wrong,) = sqlite3.connect(path).execute(
        "SELECT DISTINCT day FROM day_figures WHERE kind = 'in' ORDER BY day LIMIT 1 OFFSET 20"
    ).fetchone()
    tamper(path, f"UPDATE day_figures SET grams = grams + 1 WHERE day = '{wrong}' "
           "AND kind = 'in' AND dim = 'category'")
    reader = read_only_store(path)
    assert first_wrong_day(reader) == date.fromisoformat(wrong)
    reader.close()
