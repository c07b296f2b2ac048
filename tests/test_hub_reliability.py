"""A sync broken off anywhere loses and duplicates nothing (issue 13, Reliability): the link
cut mid-sync behind a proxy, and 30 random SIGKILLs of syncing stations, some with the hub's
side of the connection killed too. Real PostgreSQL, real processes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

from db import Store
from intake.demo import build_demo
from tests.cli_run import run, run_on
from tests.hub_server import HubServer
from tests.tcp_proxy import TcpProxy

ROOT = Path(__file__).resolve().parent.parent
KILLS = 30


def _sync_process(db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "cli", "sync", "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def _station_with_history(capsys, db: Path, hub: str, days: int) -> None:
    """A new station of the site, then `days` of demo history made at it (not sent yet)."""
    status, _, err = run_on(capsys, db, "station", "join", "--hub", hub, "--site", "Zwolle")
    assert status == 0, err
    store = Store.open(db)
    build_demo(store, end=datetime.now(UTC), days=days, seed=3)
    store.close()


def _events(db: Path) -> list[tuple[object, ...]]:
    store = Store.open(db)
    try:
        return store.db.execute("SELECT station, seq, id, hash FROM events "
                                "ORDER BY station, seq").fetchall()
    finally:
        store.close()


def _hub_events(hub: str) -> list[tuple[object, ...]]:
    with psycopg.connect(hub) as conn:
        return conn.execute("SELECT station, seq, id, hash FROM ambacht.events "
                            "ORDER BY station, seq").fetchall()


def _same_everywhere(capsys, hub: str, *dbs: Path) -> None:
    # Two passes: what the last station pushes in the first pass reaches the others in the
    # second (a round pushes, then pulls).
    for db in dbs + dbs:
        status, out, err = run_on(capsys, db, "sync")
        assert status == 0, out + err
    expected = _events(dbs[0])
    assert expected and _hub_events(hub) == expected
    reports = set()
    for db in dbs:
        assert _events(db) == expected
        assert run_on(capsys, db, "check", "--full")[0] == 0
        today = datetime.now(UTC).date()  # the demo's days, up to today
        figures = json.loads(run_on(capsys, db, "report", "--from",
                                    str(today - timedelta(days=31)),
                                    "--to", str(today + timedelta(days=1)))[1])
        figures.pop("provenance")  # when and from which station's file: its own
        reports.add(json.dumps(figures, sort_keys=True))
    assert len(reports) == 1


def test_a_link_cut_mid_sync_loses_and_duplicates_nothing(
        capsys, hub_url: str, hub_server: HubServer, tmp_path: Path) -> None:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    proxy = TcpProxy(hub_server.port)
    try:
        through_proxy = hub_url.replace(f":{hub_server.port}/", f":{proxy.port}/")
        gate = tmp_path / "gate.sqlite"
        _station_with_history(capsys, gate, through_proxy, days=30)
        child = _sync_process(gate)
        while proxy.relayed < 200_000 and child.poll() is None:
            time.sleep(0.005)
        assert child.poll() is None, "the round ended before the cut"
        started = time.monotonic()
        proxy.cut()
        out, err = child.communicate(timeout=30)
        assert child.returncode == 3 and time.monotonic() - started < 10, out + err
        assert "cannot be reached" in err and len(err.strip().splitlines()) == 1
        proxy.mend()
        store = tmp_path / "store.sqlite"
        status, _, err = run_on(capsys, store, "station", "join", "--hub", hub_url, "--site",
                                "Zwolle")
        assert status == 0, err
        _same_everywhere(capsys, hub_url, gate, store)
    finally:
        proxy.close()


def test_random_kills_during_sync_lose_and_duplicate_nothing(
        capsys, hub_url: str, tmp_path: Path) -> None:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    gate, store = tmp_path / "gate.sqlite", tmp_path / "store.sqlite"
    _station_with_history(capsys, gate, hub_url, days=30)
    status, _, err = run_on(capsys, store, "station", "join", "--hub", hub_url, "--site",
                            "Zwolle")
    assert status == 0, err
    rng = random.Random(13)
    killed = rounds = 0
    while killed < KILLS:  # 30 kills that met a sync process under way, however fast it is
        rounds += 1
        assert rounds <= 4 * KILLS, f"only {killed} of {rounds} syncs were still running"
        db = gate if rounds % 2 == 0 else store
        # Something new to send every round, so that a kill can meet a push as well as a pull.
        assert run_on(capsys, db, "intake", "--category", "textiles", "--route", "sale")[0] == 0
        child = _sync_process(db)
        time.sleep(rng.uniform(0.1, 1.2))
        if rounds % 3 == 0:  # the hub's side too: its backend ends mid-transaction
            with psycopg.connect(hub_url, autocommit=True) as conn:
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE usename LIKE 'ambacht_%' AND pid <> pg_backend_pid()")
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        child.communicate(timeout=30)
    # A second station made steps meanwhile on the items it took in: both ways travel.
    _same_everywhere(capsys, hub_url, gate, store)
