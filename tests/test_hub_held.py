"""A station on a newer Ambacht takes an item in its new way, through a real PostgreSQL hub
(issue 13, `db/held_steps.py`): an older station, a process of this version that does not
know the kind, holds the steps on that item and keeps pulling the newer station's later work,
its own goes up, `check --full` holds; once it is updated (the kind registered in this
process) the held steps take effect and its figures equal the newer station's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from newer_kind import knowing, take_in_newly

from db import Store
from intake.auth import SYSTEM_USER_ID
from intake.clock import SystemClock
from intake.hub_sync import SyncService
from tests.cli_run import run, run_on
from tests.test_hub_background import strip_of
from tests.test_hub_sync import DAYS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def hub(capsys, hub_url: str) -> str:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    return hub_url


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


def older(*args: str) -> tuple[int, str, str]:
    """`ambacht ARGS` as a process of this version: it does not know the newer kind."""
    done = subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120, check=False)
    return done.returncode, done.stdout, done.stderr


def _ok(capsys, db: Path, *args: str) -> str:
    code, out, err = run_on(capsys, db, *args)
    assert code == 0, err
    return out.strip()


def _count(db: Path, sql: str) -> object:
    with opened(db) as store:
        return store.db.execute(sql).fetchone()[0]


def _report(capsys, db: Path) -> dict[str, object]:
    figures = json.loads(_ok(capsys, db, "report", *DAYS, "--format", "json"))
    figures.pop("provenance")
    return figures


def test_an_older_station_pulls_on_past_an_item_taken_in_the_new_way_and_counts_it_once_updated(
        capsys, qtbot, monkeypatch, hub: str, tmp_path: Path) -> None:
    gate, shop = tmp_path / "gate.sqlite", tmp_path / "shop.sqlite"
    for db in (gate, shop):
        assert run_on(capsys, db, "station", "join", "--hub", hub, "--site", "Zwolle")[0] == 0
    # The shop runs the newer Ambacht: a chair taken in its new way, then sold.
    with opened(shop) as store, knowing(monkeypatch, store):
        chair = take_in_newly(store, "B", SYSTEM_USER_ID, datetime.now(UTC), "furniture", 8000)
        _ok(capsys, shop, "sell", chair, "--price-eur", "25")
        assert run_on(capsys, shop, "sync")[0] == 0

    # The gate, older, holds both steps and its pull goes on past them.
    code, out, err = older("sync", "--db", str(gate))
    assert code == 0, err
    assert "received: 2 steps" in out
    assert "station B uses a newer version; 2 steps wait here" in err
    assert _count(gate, f"SELECT count(*) FROM items WHERE code = '{chair}'") == 0
    assert _count(gate, "SELECT count(*) FROM held_steps") == 2
    with opened(gate) as store, strip_of(store) as strip:  # this process, too, is older here
        state = SyncService(store, SystemClock()).state()
        assert state is not None and (state.newer, state.newer_waiting) == (("B",), 2)
        assert strip.hub_text(state) == "Update Ambacht: station B is newer"
    code, _, err = older("item", chair, "--db", str(gate))  # its label scanned at the gate
    assert code == 2 and f"Item {chair} was taken in by a station on a newer Ambacht" in err
    # The shop's later ordinary work comes through, and the gate's goes up.
    with knowing(monkeypatch):
        book = _ok(capsys, shop, "intake", "--category", "books", "--route", "sale")
        _ok(capsys, shop, "price", book, "--price-eur", "3")
        assert run_on(capsys, shop, "sync")[0] == 0
    cup = older("intake", "--category", "household", "--route", "sale", "--db", str(gate))
    assert cup[0] == 0, cup[2]
    code, out, err = older("sync", "--db", str(gate))
    assert code == 0 and "sent: 1 steps" in out and "received: 2 steps" in out, out + err
    assert _count(gate, f"SELECT price_cents FROM items WHERE code = '{book}'") == 300
    with knowing(monkeypatch):
        assert run_on(capsys, shop, "sync")[0] == 0
    assert _count(shop, f"SELECT count(*) FROM items WHERE code = '{cup[1].strip()}'") == 1
    code, out, err = older("check", "--full", "--db", str(gate))
    assert code == 0, out + err
    code, _, err = older("conflicts", "--db", str(gate))
    assert code == 0 and "2 steps wait here" in err

    # The gate is updated: the held steps take effect, and the figures are the shop's.
    with opened(gate) as store, knowing(monkeypatch, store):
        code, _, err = run_on(capsys, gate, "sync")
        assert code == 0 and "newer version" not in err, err
        assert _count(gate, f"SELECT price_cents FROM items WHERE code = '{chair}'") == 2500
        assert _count(gate, "SELECT count(*) FROM held_steps") == 0
        assert _report(capsys, gate) == _report(capsys, shop)
        assert run_on(capsys, gate, "check", "--full")[0] == 0
