"""Two coordinators resolve one conflict opposite ways while offline, through a real
PostgreSQL hub (tests/hub_server.py): the contradiction comes back as a conflict, the item
does not silently return to stock, and the item's history marks what counts for nothing
(issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import Store
from tests.cli_run import run, run_on


@pytest.fixture
def hub(capsys, hub_url: str) -> str:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    return hub_url


def _ok(capsys, db: Path, *args: str) -> str:
    code, out, err = run_on(capsys, db, *args)
    assert code == 0, err
    return out


def _conflicts(capsys, db: Path) -> list[dict[str, dict[str, object]]]:
    return json.loads(_ok(capsys, db, "conflicts", "--json"))  # type: ignore[no-any-return]


def _item(capsys, db: Path, code: str) -> dict[str, object]:
    return json.loads(_ok(capsys, db, "item", code, "--json"))  # type: ignore[no-any-return]


def _state(db: Path, code: str) -> tuple[object, ...]:
    store = Store.open(db)
    try:
        return store.db.execute("SELECT status, voided FROM items WHERE code = ?",
                                [code]).fetchone()
    finally:
        store.close()


def test_opposite_resolutions_offline_are_kept_as_a_conflict(capsys, hub: str,
                                                             tmp_path: Path) -> None:
    gate, shop = tmp_path / "gate.sqlite", tmp_path / "shop.sqlite"
    for db in (gate, shop):
        assert run_on(capsys, db, "station", "join", "--hub", hub, "--site", "Zwolle")[0] == 0
    chair = _ok(capsys, gate, "intake", "--category", "furniture", "--route", "sale").strip()
    _ok(capsys, gate, "sync")
    _ok(capsys, shop, "sync")
    _ok(capsys, gate, "void", chair, "--reason", "Taken in twice")
    _ok(capsys, shop, "sell", chair)
    for db in (gate, shop, gate):
        _ok(capsys, db, "sync")
    (conflict,) = _conflicts(capsys, gate)
    assert (conflict["step"]["type"], conflict["cause"]["type"]) == ("sold", "voided")
    # The item's history marks the sale (text and JSON).
    said = _ok(capsys, gate, "item", chair)
    (sold,) = [line for line in said.splitlines() if " sold " in line]
    assert sold.endswith("[conflict, counts for nothing]")
    (sale,) = [step for step in _item(capsys, gate, chair)["history"]  # type: ignore[union-attr]
               if step["type"] == "sold"]
    assert sale["conflict"]["refused_after"]["type"] == "voided"  # type: ignore[index]
    assert sale["conflict"]["refused_after"]["station"] == "A"  # type: ignore[index]
    # Offline, the gate's coordinator cancels the sale, the shop's the void.
    _ok(capsys, gate, "resolve", conflict["step"]["id"], "--reason", "The void stands")
    _ok(capsys, shop, "resolve", conflict["cause"]["id"], "--reason", "It was sold")
    for db in (gate, shop, gate):
        _ok(capsys, db, "sync")
    for db in (gate, shop):
        (again,) = _conflicts(capsys, db)
        assert (again["step"]["type"], again["cause"]["type"]) == ("corrected", "corrected")
        assert {again["step"]["cancels"], again["cause"]["cancels"]} == {"sold", "voided"}
        assert _state(db, chair) == _state(gate, chair)
        assert _state(db, chair) in (("in_stock", 1), ("sold", 0))  # one of the two, never both
    assert "cancels" in _ok(capsys, shop, "conflicts")
    # The coordinator decides once more, at either station: the decision travels.
    _ok(capsys, shop, "resolve", again["cause"]["id"], "--reason", "Checked the till")
    for db in (shop, gate):
        _ok(capsys, db, "sync")
    for db in (gate, shop):
        assert _conflicts(capsys, db) == []
    assert _state(gate, chair) == _state(shop, chair)
    history = _item(capsys, gate, chair)["history"]
    assert sum(step["cancelled"] for step in history) == 2  # type: ignore[union-attr]
