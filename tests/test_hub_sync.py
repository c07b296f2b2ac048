"""Steps travel between stations through a real PostgreSQL hub (issue 13): a centre of three
stations through a day with the hub away in the middle, pushing twice, a restored backup and a
dead PC's station taken over."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest

from db import Store
from tests.cli_run import run, run_on
from tests.hub_server import HubServer

TODAY = date.today()
DAYS = ("--from", str(TODAY - timedelta(days=1)), "--to", str(TODAY + timedelta(days=1)))


@pytest.fixture
def hub(capsys, hub_url: str) -> str:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    return hub_url


def _join(capsys, db: Path, hub: str) -> str:
    code, out, err = run_on(capsys, db, "station", "join", "--hub", hub, "--site", "Zwolle")
    assert code == 0, err
    return out.strip()


def _step(capsys, db: Path, *args: str) -> str:
    code, out, err = run_on(capsys, db, *args)
    assert code == 0, err
    return out.strip()


def _sync(capsys, db: Path) -> tuple[int, str]:
    code, out, err = run_on(capsys, db, "sync")
    return code, out + err


def _states(db: Path) -> list[tuple[object, ...]]:
    store = Store.open(db)
    try:
        return store.db.execute("SELECT code, status, route, voided, price_cents, safety "
                                "FROM items ORDER BY code").fetchall()
    finally:
        store.close()


def _report(capsys, db: Path) -> dict[str, object]:
    """The report JSON, all but its provenance (when and from which station's file)."""
    figures = json.loads(_step(capsys, db, "report", *DAYS, "--format", "json"))
    figures.pop("provenance")
    return figures


def test_a_centre_of_three_stations_through_a_day(capsys, hub: str, hub_server: HubServer,
                                                  tmp_path: Path) -> None:
    gate, workshop, store = (tmp_path / f"{name}.sqlite" for name in ("gate", "work", "store"))
    assert run_on(capsys, gate, "init", "--site", "Zwolle", "--station", "A")[0] == 0
    lamp = _step(capsys, gate, "intake", "--category", "eee_small", "--route", "repair",
                 "--visit", "new")
    assert _join(capsys, gate, hub) == "A"  # a centre that ran on one PC: history goes up
    assert _join(capsys, workshop, hub) == "B"
    assert _join(capsys, store, hub) == "C"
    chair = _step(capsys, gate, "intake", "--category", "furniture", "--route", "sale")
    assert _sync(capsys, gate)[0] == 0
    assert _sync(capsys, workshop)[0] == 0
    _step(capsys, workshop, "repair", "start", lamp)
    _step(capsys, workshop, "repair", "finish", lamp, "--status", "fixed", "--safety-test",
          "pass", "--price-eur", "12.50", "--problem", "Loose wire")
    hub_server.stop()  # the hub goes away: every station works on alone
    try:
        code, said = _sync(capsys, workshop)
        assert code == 3 and "cannot be reached" in said
        table = _step(capsys, store, "intake", "--category", "furniture", "--route", "sale")
        assert table.startswith("C")
    finally:
        hub_server.start()
    for db in (workshop, store, gate, store):
        assert _sync(capsys, db)[0] == 0
    _step(capsys, store, "sell", lamp, chair)
    for db in (store, gate, workshop):
        assert _sync(capsys, db)[0] == 0
    assert _states(gate) == _states(workshop) == _states(store)
    assert [row[:2] for row in _states(gate)] == [(lamp, "sold"), (chair, "sold"),
                                                  (table, "in_stock")]
    assert _report(capsys, gate) == _report(capsys, workshop) == _report(capsys, store)
    with psycopg.connect(hub) as conn:
        assert conn.execute("SELECT station, count(*) FROM ambacht.events GROUP BY station "
                            "ORDER BY station").fetchall() == [("A", 2), ("B", 3), ("C", 3)]


def test_pushing_and_pulling_twice_changes_nothing(capsys, hub: str, tmp_path: Path) -> None:
    gate, shop = tmp_path / "gate.sqlite", tmp_path / "shop.sqlite"
    _join(capsys, gate, hub)
    _join(capsys, shop, hub)
    _step(capsys, gate, "intake", "--category", "books", "--route", "sale")
    code, said = _sync(capsys, gate)
    assert code == 0 and "sent: 1 steps" in said
    code, said = _sync(capsys, shop)
    assert code == 0 and "received: 1 steps" in said
    for db in (gate, shop):
        code, said = _sync(capsys, db)
        assert code == 0 and "sent: 0 steps, 0 visits" in said and "received: 0 steps" in said
    assert _states(gate) == _states(shop)


def test_a_restored_backup_takes_its_own_steps_back_and_hands_out_no_code_twice(
        capsys, hub: str, tmp_path: Path) -> None:
    gate = tmp_path / "gate.sqlite"
    _join(capsys, gate, hub)
    first = _step(capsys, gate, "intake", "--category", "books", "--route", "sale")
    backup = tmp_path / "old.sqlite"
    _step(capsys, gate, "backup", "--out", str(backup))
    second = _step(capsys, gate, "intake", "--category", "books", "--route", "sale")
    assert _sync(capsys, gate)[0] == 0
    _step(capsys, gate, "restore", str(backup))
    assert [row[0] for row in _states(gate)] == [first]
    assert _sync(capsys, gate)[0] == 0
    assert [row[0] for row in _states(gate)] == [first, second]
    third = _step(capsys, gate, "intake", "--category", "books", "--route", "sale")
    assert third not in (first, second) and third.startswith("A")
    code, said = _sync(capsys, gate)
    assert code == 0 and "sent: 1 steps" in said


def test_a_new_pc_takes_a_dead_stations_place(capsys, hub: str, tmp_path: Path) -> None:
    dead, new = tmp_path / "dead.sqlite", tmp_path / "new.sqlite"
    assert _join(capsys, dead, hub) == "A"
    code_a = _step(capsys, dead, "intake", "--category", "books", "--route", "sale")
    assert _sync(capsys, dead)[0] == 0
    status, takeover, _ = run(capsys, "hub", "invite", "--hub", hub, "--site", "Zwolle",
                              "--station", "A")
    assert status == 0
    assert _join(capsys, new, takeover.strip()) == "A"
    assert [row[0] for row in _states(new)] == [code_a]
    following = _step(capsys, new, "intake", "--category", "books", "--route", "sale")
    assert following != code_a and following.startswith("A")
    code, said = _sync(capsys, dead)  # the dead PC's role opens nothing any more
    assert code == 2 and "no more" in said
