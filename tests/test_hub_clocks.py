"""A station whose clock is hours ahead, on a real PostgreSQL hub (tests/hub_server.py): its
older configuration change does not beat a newer one, and the clock is said at its sync and
on the coordinator's list, naming the station (issue 13)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db import Store
from tests.cli_run import run, run_on

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("faketime") is None,
                                reason="needs faketime (apt: faketime)")


def _ahead(tmp_path: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`ambacht ARGS --db DB` on a PC whose clock is 7 hours ahead."""
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    return subprocess.run(["faketime", "-f", "+7h", sys.executable, "-m", "cli", *args,
                           "--db", str(db)], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120, check=False)


def _targets(db: Path) -> str | None:
    store = Store.open(db)
    try:
        found = store.db.execute("SELECT value FROM settings WHERE key LIKE 'target%2026%'"
                                 ).fetchone()
        return None if found is None else str(found[0])
    finally:
        store.close()


def test_a_clock_hours_ahead_neither_wins_nor_goes_unsaid(capsys, hub_url: str,
                                                          tmp_path: Path) -> None:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    gate, shop = tmp_path / "gate.sqlite", tmp_path / "shop.sqlite"
    for db in (gate, shop):
        assert run_on(capsys, db, "station", "join", "--hub", hub_url, "--site", "Zwolle")[0] == 0
    # The gate (7 hours ahead) sets the target first; the shop, in real time later.
    done = _ahead(tmp_path, gate, "target", "--year", "2026", "--kg-collected", "1000")
    assert done.returncode == 0, done.stderr
    assert run_on(capsys, shop, "target", "--year", "2026", "--kg-collected", "2000")[0] == 0
    newer = _targets(shop)
    assert newer is not None and "2000" in newer
    assert run_on(capsys, shop, "sync")[0] == 0
    done = _ahead(tmp_path, gate, "sync")
    assert done.returncode == 0, done.stderr
    assert ("ambacht: this PC's clock is 7 hours ahead of the hub's: set it right"
            in done.stderr)
    status, _, err = run_on(capsys, shop, "sync")
    assert status == 0 and "clock" not in err  # the shop's own clock is right
    assert _targets(gate) == _targets(shop) == newer  # the later change stands everywhere
    status, _, err = run_on(capsys, shop, "conflicts")
    assert status == 0
    assert "ambacht: the clock of station A is 7 hours ahead of the hub's: set it right" in err
