"""A site with a year of history (issue 13, Tests): a new station joins it and holds the same
items and figures, and a station that was a week offline catches up. Real PostgreSQL; the
speed of both is measured in bench/bench_hub.py."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from db import Store
from intake.demo import build_demo
from tests.cli_run import run, run_on

NOW = datetime.now(UTC)
YEAR = ("--from", str((NOW - timedelta(days=370)).date()),
        "--to", str((NOW + timedelta(days=1)).date()))


def _ok(capsys, db: Path, *args: str) -> str:
    code, out, err = run_on(capsys, db, *args)
    assert code == 0, err
    return out


def _same(capsys, *dbs: Path) -> None:
    """The same item states and the same year's report (all but its provenance) everywhere."""
    states, reports = set(), set()
    for db in dbs:
        store = Store.open(db)
        try:
            states.add(tuple(store.db.execute(
                "SELECT code, category, weight_g, route, status, voided, price_cents "
                "FROM items ORDER BY code").fetchall()))
        finally:
            store.close()
        figures = json.loads(_ok(capsys, db, "report", *YEAR, "--format", "json"))
        figures.pop("provenance")  # when it was made, and this file's own earlier exports
        reports.add(json.dumps(figures, sort_keys=True))
    assert len(states) == 1 and len(reports) == 1


def test_a_station_joins_a_year_and_one_a_week_offline_catches_up(
    capsys, hub_url: str, tmp_path: Path
) -> None:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    gate, shop = tmp_path / "gate.sqlite", tmp_path / "shop.sqlite"
    _ok(capsys, gate, "station", "join", "--hub", hub_url, "--site", "Zwolle")
    store = Store.open(gate)
    try:
        summary = build_demo(store, end=NOW - timedelta(days=7), days=358, seed=5)
    finally:
        store.close()
    _ok(capsys, gate, "sync")

    # A new station joins the site's year and holds what the gate holds.
    _ok(capsys, shop, "station", "join", "--hub", hub_url, "--site", "Zwolle")
    _same(capsys, gate, shop)

    # The shop is offline for a week while the gate works on; then it catches up.
    zone = ZoneInfo("Europe/Amsterdam")
    codes = []
    for n in range(60):
        at = (NOW - timedelta(days=6, hours=-n * 2)).astimezone(zone)
        codes.append(_ok(capsys, gate, "intake", "--category", "textiles", "--route", "sale",
                         "--weight-kg", "1.5", "--at", at.strftime("%Y-%m-%dT%H:%M")).strip())
    _ok(capsys, gate, "void", codes[0], "--reason", "dubbel ingevoerd")
    _ok(capsys, gate, "sync")
    code, out, err = run_on(capsys, shop, "sync")
    assert code == 0, err
    assert "received: 61 steps" in out, out
    _same(capsys, gate, shop)
    assert summary.items > 10_000  # it was a year of a centre's work
