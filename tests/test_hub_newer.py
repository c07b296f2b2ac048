"""A station that already runs a newer Ambacht sends a kind of step this version does not know,
through a real PostgreSQL hub (issue 13): the step is kept (in the chain, unchanged), left out
of the replay with its item marked, the rest of the batch and later batches go through, the
coordinator is told once, and once this PC is updated the kept step takes effect.

The older version is this one with one kind of step taken out of what it knows
(`db/newer_steps.py`'s list and every read of an item's history that uses it): the station
that takes the step runs outside that, as the newer version."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from db import Store
from db.newer_steps import KNOWN_STEPS
from intake.clock import SystemClock
from intake.hub_sync import SyncService
from tests.cli_run import run, run_on
from tests.test_hub_background import strip_of
from tests.test_hub_sync import DAYS

_READERS = ("db.newer_steps", "db.merge", "db.store", "db.audit", "db.reports",
            "db.export_records")


@pytest.fixture
def hub(capsys, hub_url: str) -> str:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    return hub_url


@contextmanager
def older(monkeypatch: pytest.MonkeyPatch, kind: str) -> Iterator[None]:
    """This process as an Ambacht that does not know steps of `kind` yet."""
    import db.newer_steps

    with monkeypatch.context() as patch:
        patch.setattr(db.newer_steps, "_KNOWN", db.newer_steps._KNOWN - {kind})
        for module in _READERS:
            patch.setattr(f"{module}.KNOWN_STEPS", KNOWN_STEPS.replace(f", '{kind}'", ""))
        yield


def _ok(capsys, db: Path, *args: str) -> str:
    code, out, err = run_on(capsys, db, *args)
    assert code == 0, err
    return out.strip()


def _price(db: Path, code: str) -> object:
    store = Store.open(db)
    try:
        return store.db.execute("SELECT price_cents FROM items WHERE code = ?",
                                [code]).fetchone()[0]
    finally:
        store.close()


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    store = Store.open(db)
    try:
        return store.db.execute(sql).fetchall()
    finally:
        store.close()


def _report(capsys, db: Path) -> dict[str, object]:
    figures = json.loads(_ok(capsys, db, "report", *DAYS, "--format", "json"))
    figures.pop("provenance")
    return figures


def test_a_newer_stations_step_is_kept_and_counts_once_this_pc_is_updated(
        capsys, qtbot, monkeypatch, hub: str, tmp_path: Path) -> None:
    gate, store = tmp_path / "gate.sqlite", tmp_path / "store.sqlite"
    for db in (gate, store):
        assert run_on(capsys, db, "station", "join", "--hub", hub, "--site", "Zwolle")[0] == 0
    chair = _ok(capsys, gate, "intake", "--category", "furniture", "--route", "sale")
    assert run_on(capsys, gate, "sync")[0] == 0
    assert run_on(capsys, store, "sync")[0] == 0
    # The store runs the newer version: a price (unknown to the gate), then a step it knows.
    _ok(capsys, store, "price", chair, "--price-eur", "20")
    lamp = _ok(capsys, store, "intake", "--category", "lamps", "--route", "sale")
    assert run_on(capsys, store, "sync")[0] == 0
    _report(capsys, gate)  # an export: the next one lists the steps since, but the unknown
    with older(monkeypatch, "priced"):
        code, _, err = run_on(capsys, gate, "sync")
        assert code == 0, err
        assert err.count("update Ambacht: station B uses a newer version") == 1
        assert _price(gate, chair) is None  # the step without effect here
        assert _rows(gate, "SELECT code FROM items WHERE code = '" + lamp + "'") == [(lamp,)]
        kept = _rows(gate, "SELECT id, seq, hash FROM events WHERE type = 'priced'")
        assert kept == _rows(store, "SELECT id, seq, hash FROM events WHERE type = 'priced'")
        assert _rows(gate, "SELECT station FROM newer_steps") == [("B",)]
        code, out, err = run_on(capsys, gate, "item", chair)
        assert code == 0 and "newer Ambacht" in out
        assert run_on(capsys, gate, "check")[0] == 0  # the chain holds, nothing was changed
        assert _report(capsys, gate)["totals"]["items_in"] == 2
        assert "update Ambacht: station B" in run_on(capsys, gate, "conflicts")[2]
        opened = Store.open(gate)
        try:
            with strip_of(opened) as strip:
                state = SyncService(opened, SystemClock()).state()
                assert strip.hub_text(state) == "Update Ambacht: station B is newer"
        finally:
            opened.close()
        # The gate works on and its work travels both ways.
        book = _ok(capsys, gate, "intake", "--category", "books", "--route", "sale")
        assert run_on(capsys, gate, "sync")[0] == 0
    assert run_on(capsys, store, "sync")[0] == 0
    assert _rows(store, f"SELECT count(*) FROM items WHERE code = '{book}'") == [(1,)]
    # This PC is updated: the kept step takes effect, and the notice is gone.
    code, _, err = run_on(capsys, gate, "sync")
    assert code == 0 and "newer version" not in err
    assert _price(gate, chair) == 2000
    assert _rows(gate, "SELECT count(*) FROM newer_steps") == [(0,)]
    assert _report(capsys, gate) == _report(capsys, store)
