"""What a hostile tester broke on a real PostgreSQL hub (issue 13), each found again here: a
station's clock hours ahead and `check --full`, a hub that stalls, a restored station that
must sync before it takes a step, and the hub commands' messages."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

import cli.main
from db import Store
from db.hub.connection import LOCK_TIMEOUT_MS
from db.hub_restore import clear_restored
from intake.clock import SystemClock
from intake.gate import GateService
from intake.hub_errors import RestoredStation
from intake.hub_sync import SyncService
from intake.model import Route
from tests.cli_run import run, run_on
from tests.hub_server import HubServer
from ui.app import build_context
from ui.i18n import Language
from ui.widgets.restored_bar import RestoredBar
from ui.widgets.status_strip import StatusStrip


@pytest.fixture
def hub(capsys, hub_url: str) -> str:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    return hub_url


class AheadClock(SystemClock):
    """A PC whose clock runs seven hours ahead (`faketime -f +7h`)."""

    def now(self) -> datetime:
        return datetime.now(UTC) + timedelta(hours=7)


def _join(capsys, db: Path, hub: str) -> str:
    code, out, err = run_on(capsys, db, "station", "join", "--hub", hub, "--site", "Zwolle")
    assert code == 0, err
    return out.strip()


def _step(capsys, db: Path, *args: str) -> str:
    code, out, err = run_on(capsys, db, *args)
    assert code == 0, out + err
    return out.strip()


def test_a_clock_hours_ahead_raises_no_false_tamper_alarm(capsys, monkeypatch, hub: str,
                                                          tmp_path: Path) -> None:
    gate, store = tmp_path / "gate.sqlite", tmp_path / "store.sqlite"
    _join(capsys, gate, hub)
    _join(capsys, store, hub)
    with monkeypatch.context() as ahead:
        ahead.setattr(cli.main, "SystemClock", AheadClock)
        chair = _step(capsys, gate, "intake", "--category", "furniture", "--route", "sale")
        _step(capsys, gate, "sync")
    _step(capsys, store, "sync")
    # Sold by the store's right clock: hours before the intake's `at`.
    _step(capsys, store, "sell", chair, "--price-eur", "20")
    for db in (store, gate):
        _step(capsys, db, "sync")
    for db in (gate, store):
        code, out, err = run_on(capsys, db, "check", "--full")
        assert code == 0, out + err


def test_a_stalled_hub_makes_sync_exit_3_within_10_seconds(capsys, hub: str,
                                                           tmp_path: Path) -> None:
    gate = tmp_path / "gate.sqlite"
    _join(capsys, gate, hub)
    chair = _step(capsys, gate, "intake", "--category", "furniture", "--route", "sale")
    with psycopg.connect(hub) as admin:  # the connection is taken, the events are locked
        admin.execute("LOCK TABLE ambacht.events IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        code, out, err = run_on(capsys, gate, "sync")
        took = time.monotonic() - started
        admin.rollback()
    assert (code, out) == (3, "") and took < 10
    assert err.strip().splitlines() == [err.strip()] and "did not answer in time" in err
    code, out, err = run_on(capsys, gate, "sync")  # the lock is gone: the step goes up
    assert code == 0 and "sent: 1 steps" in out
    with psycopg.connect(hub) as admin:
        assert admin.execute("SELECT count(*) FROM ambacht.events e JOIN ambacht.codes c "
                             "ON c.item_id = e.item_id WHERE c.code = %s",
                             [chair]).fetchone() == (1,)


def test_an_admin_command_behind_a_held_lock_gives_up_with_nothing_changed(
        capsys, hub: str) -> None:
    """`hub invite` waits at most LOCK_TIMEOUT_MS for a lock a stuck session holds, then says
    the hub did not answer in time (exit 3), and made no site."""
    with psycopg.connect(hub) as admin:
        admin.execute("LOCK TABLE ambacht.sites IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        code, out, err = run(capsys, "hub", "invite", "--hub", hub, "--site", "Deventer")
        took = time.monotonic() - started
        admin.rollback()
    assert (code, out) == (3, "") and LOCK_TIMEOUT_MS / 1000 <= took < 20
    assert err.strip().splitlines() == [err.strip()]
    assert "did not answer in time; nothing was changed" in err
    with psycopg.connect(hub) as admin:
        assert admin.execute("SELECT count(*) FROM ambacht.sites WHERE name = 'Deventer'"
                             ).fetchone() == (0,)
        assert admin.execute("SELECT count(*) FROM ambacht.invites").fetchone() == (0,)


def _codes(db: Path) -> list[str]:
    store = Store.open(db)
    try:
        return [code for (code,) in store.db.execute("SELECT code FROM items ORDER BY code")]
    finally:
        store.close()


def test_a_restored_station_takes_no_step_before_it_synced(
        capsys, hub: str, hub_server: HubServer, tmp_path: Path) -> None:
    gate, old = tmp_path / "gate.sqlite", tmp_path / "old.sqlite"
    _join(capsys, gate, hub)
    _step(capsys, gate, "backup", "--out", str(old))
    made = [_step(capsys, gate, "intake", "--category", "books", "--route", "sale")
            for _ in range(3)]
    _step(capsys, gate, "sync")
    said = _step(capsys, gate, "restore", str(old))
    assert said.endswith("takes no step until 'ambacht sync' has brought its own steps back "
                         "from the hub.")
    hub_server.stop()
    try:
        assert run_on(capsys, gate, "sync")[0] == 3
        code, out, err = run_on(capsys, gate, "intake", "--category", "books", "--route", "sale")
        assert (code, out) == (2, "")
        assert err.strip() == ("ambacht: This PC was restored from a backup: first sync with "
                               "the hub.")
        code, _, err = run_on(capsys, gate, "course", "add", "--date", "2026-01-05",
                              "--subject", "Naaien", "--participants", "5")
        assert code == 2 and "first sync with the hub" in err  # a record that travels too
        store = Store.open(gate)
        try:
            state = SyncService(store, SystemClock()).state()
        finally:
            store.close()
        assert state is not None and state.restored
    finally:
        hub_server.start()
    assert _codes(gate) == []  # nothing was taken in, no code handed out
    _step(capsys, gate, "sync")
    assert _codes(gate) == made
    new = _step(capsys, gate, "intake", "--category", "books", "--route", "sale")
    assert new not in made
    assert "sent: 1 steps" in _step(capsys, gate, "sync")
    assert run_on(capsys, gate, "check")[0] == 0


@pytest.mark.parametrize("synced", [1, 3])  # the hub's last step of it here, or not yet
def test_a_station_apart_from_the_hub_says_so_and_check_names_it(
        capsys, hub: str, tmp_path: Path, synced: int) -> None:
    gate, old = tmp_path / "gate.sqlite", tmp_path / "old.sqlite"
    _join(capsys, gate, hub)
    _step(capsys, gate, "backup", "--out", str(old))
    for _ in range(synced):
        _step(capsys, gate, "intake", "--category", "books", "--route", "sale")
    _step(capsys, gate, "sync")
    _step(capsys, gate, "restore", str(old))
    store = Store.open(gate)
    try:  # as a copy put back by hand, or by an Ambacht before the flag, would be
        with store.atomic():
            clear_restored(store.db)
    finally:
        store.close()
    _step(capsys, gate, "intake", "--category", "books", "--route", "sale")
    for command in ("sync", "check"):
        code, out, err = run_on(capsys, gate, command)
        assert code == 2, out + err
        assert "differ from the hub's copy" in err and "docs/stations.md" in err
        assert "missing" not in err


def test_the_app_of_a_restored_station_says_so_and_syncs_on_a_tap(
        capsys, qtbot, hub: str, hub_server: HubServer, tmp_path: Path) -> None:
    gate, old = tmp_path / "gate.sqlite", tmp_path / "old.sqlite"
    _join(capsys, gate, hub)
    _step(capsys, gate, "backup", "--out", str(old))
    made = _step(capsys, gate, "intake", "--category", "books", "--route", "sale")
    _step(capsys, gate, "sync")
    _step(capsys, gate, "restore", str(old))
    store = Store.open(gate)
    ctx = build_context(store, SystemClock(), "nl")
    holder = QWidget()
    hub_server.stop()
    down = True
    try:
        ctx.sync.start()
        bar, strip = RestoredBar(ctx, holder), StatusStrip(ctx, holder)
        qtbot.waitUntil(lambda: not bar.isHidden(), timeout=5000)
        assert bar.text.text() == ("Deze PC is teruggezet uit een back-up: eerst "
                                   "synchroniseren met de hub.")
        assert bar.sync_button.text() == "Nu synchroniseren"
        assert strip.hub_text(ctx.sync.state()) == "Teruggezet: eerst synchroniseren"
        user = store.user("system")
        assert user is not None
        intake = GateService(store, SystemClock(), store.settings().station)
        with pytest.raises(RestoredStation) as refused:
            intake.take_in(user, intake.prepare("books", Route.SALE, None))
        assert ctx.language.error(refused.value) == bar.text.text()
        hub_server.start()
        down = False
        qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(bar.isHidden, timeout=15000)
        assert store.item_by_code(made) is not None
    finally:
        if down:
            hub_server.start()
        ctx.sync.stop()
        ctx.printer_queue.stop()
        shiboken6.delete(holder)  # before the store closes: it reads the store
        Language().apply("en")  # as the other tests expect
        store.close()


def test_a_hub_url_that_is_wrong_says_how(capsys, hub_url: str, hub_server: HubServer,
                                          tmp_path: Path) -> None:
    missing = hub_server.url("no_such_hub")
    for args in (("report", "--hub", missing), ("hub", "invite", "--hub", missing, "--site",
                                                 "Zwolle")):
        code, out, err = run(capsys, *args)
        assert (code, out) == (2, ""), err
        assert "names a database the server does not have" in err
    code, _, err = run(capsys, "report", "--hub", hub_url)  # a database `hub init` never saw
    assert code == 2 and "is not set up: run 'ambacht hub init" in err
    code, _, err = run_on(capsys, tmp_path / "gate.sqlite", "station", "join", "--hub",
                          hub_url, "--site", "Zwolle")
    assert code == 2 and "is not set up" in err
    code, _, err = run(capsys, "report", "--hub", f"{hub_url}?sslmode=bogus")
    assert code == 2 and "sslmode 'bogus' is not one PostgreSQL knows" in err


def test_revoking_a_station_warns_of_the_work_only_it_holds(capsys, hub: str,
                                                            tmp_path: Path) -> None:
    gate = tmp_path / "gate.sqlite"
    _join(capsys, gate, hub)
    _step(capsys, gate, "sync")
    code, out, err = run(capsys, "hub", "revoke", "--hub", hub, "--site", "Zwolle",
                         "--station", "A")
    assert code == 0 and "revoked" in out
    assert "warning: what station A did since its last sync (" in err
    assert "--station A') goes on from what the hub holds" in err
