"""Figures of a network of centres on a real PostgreSQL hub (issue 13): the stations (and
`report --hub`) put each site's day sums on the hub, never an older day over a newer one, and
a network coordinator's station reads every site's figures from them: each site's as its
own stations count them, and all added up; the permission travels with the staff records."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from db import Store
from db.hub.station import HubSession
from intake.auth import AuthService
from intake.clock import SystemClock
from intake.errors import NotAllowed, ValidationError
from intake.fresh_figures import publish_site_days
from intake.hub_sync import SyncService
from intake.model import Role
from intake.monitoring import Figures, Period, build_report
from intake.network_figures import network_report
from tests.cli_run import run_on
from tests.test_hub_report import _ok, _site, hub  # noqa: F401 - the hub fixture

STOCK = ("items_in_stock", "grams_in_stock", "stock_days", "stock_over_90_days")
TODAY = date.today()
PERIOD = Period(TODAY - timedelta(days=1), TODAY + timedelta(days=1))


def _flows(figures: Figures) -> dict[str, object]:
    """Every figure but the stock, which day sums cannot give."""
    return {key: value for key, value in asdict(figures).items() if key not in STOCK}


def _network(db: Path, *, network: bool = True):
    """The network's figures of PERIOD as the station `db` reads them, and its own report."""
    store = Store.open(db)
    try:
        user = next(u for u in store.users() if u.role is Role.COORDINATOR)
        link = SyncService(store, SystemClock()).link()
        now = SystemClock().now()
        return (network_report(replace(user, network=network), link.address, PERIOD, now,
                               TODAY), build_report(store, PERIOD, now))
    finally:
        store.close()


def test_a_network_coordinator_sees_every_sites_figures(capsys, hub: str,  # noqa: F811
                                                        tmp_path: Path) -> None:
    # The stations put their site's figures on the hub after their sync rounds: no report
    # on the hub is needed.
    zwolle = _site(capsys, hub, tmp_path, "Zwolle", 3)
    kampen = _site(capsys, hub, tmp_path, "Kampen", 2)
    network, zwolle_own = _network(zwolle)
    _, kampen_own = _network(kampen)
    assert list(network.by_site) == ["Kampen", "Zwolle"]
    assert all(network.made_at.values()) and network.hub.endswith(hub.rsplit("/", 1)[1])
    assert _flows(network.by_site["Zwolle"].total) == _flows(zwolle_own.total)
    assert _flows(network.by_site["Kampen"].total) == _flows(kampen_own.total)
    assert {code: _flows(f) for code, f in network.by_site["Zwolle"].by_category.items()} == \
        {code: _flows(f) for code, f in zwolle_own.by_category.items()}
    assert network.by_site["Zwolle"].by_week.keys() == zwolle_own.by_week.keys()
    assert (network.total.total.items_in, network.total.total.items_sold) == (5, 2)
    assert network.total.total.grams_in == zwolle_own.total.grams_in + kampen_own.total.grams_in
    # What is new reaches the hub's figures at the station's next sync, and only its site's.
    _ok(capsys, kampen, "intake", "--category", "books", "--route", "material")
    _ok(capsys, kampen, "sync")
    again, _ = _network(zwolle)
    assert again.by_site["Kampen"].total.items_in == 3
    assert again.total.total.items_in == 6
    assert again.made_at["Zwolle"] == network.made_at["Zwolle"]  # not made again
    # A report on the hub puts the same figures there.
    _ok(capsys, None, "report", "--hub", hub, "--from", str(PERIOD.first), "--to",
        str(PERIOD.last))
    reported, _ = _network(zwolle)
    assert {site: _flows(r.total) for site, r in reported.by_site.items()} == \
        {site: _flows(r.total) for site, r in again.by_site.items()}


def test_a_station_behind_never_puts_older_days_on_the_hub(capsys, hub: str,  # noqa: F811
                                                          tmp_path: Path) -> None:
    zwolle = _site(capsys, hub, tmp_path, "Zwolle", 3)
    kampen = _site(capsys, hub, tmp_path, "Kampen", 2)
    shop = tmp_path / "Zwolle-shop.sqlite"
    # The shop takes two items in and syncs: the hub's day is made from all the site's steps.
    for _ in range(2):
        _ok(capsys, shop, "intake", "--category", "books", "--route", "sale")
    _ok(capsys, shop, "sync")
    fresh, _ = _network(zwolle)
    assert fresh.by_site["Zwolle"].total.items_in == 5
    # The gate, which has not seen them, takes one item in and the shop one more; both
    # publish at the same moment without a round. The gate's day is made from fewer of the
    # site's steps and is not taken, whichever comes first.
    _ok(capsys, zwolle, "intake", "--category", "books", "--route", "sale")
    _ok(capsys, shop, "intake", "--category", "books", "--route", "sale")
    start = threading.Barrier(2)
    with ThreadPoolExecutor(2) as pool:
        sent = list(pool.map(lambda db: _publish(db, start), (zwolle, shop)))
    assert all(sent)
    behind, shop_own = _network(shop)
    assert behind.by_site["Zwolle"].total.items_in == 6  # the shop's: 5 and its own
    assert _flows(behind.by_site["Zwolle"].total) == _flows(shop_own.total)
    # Its next round sends its item and takes the shop's: now its day holds them all.
    _ok(capsys, shop, "sync")
    _ok(capsys, zwolle, "sync")
    latest, gate_own = _network(zwolle)
    assert latest.by_site["Zwolle"].total.items_in == 7
    assert _flows(latest.by_site["Zwolle"].total) == _flows(gate_own.total)
    # The shop's round after it changes nothing it has not seen; the other site is untouched.
    _ok(capsys, shop, "sync")
    _, kampen_own = _network(kampen)
    last, _ = _network(zwolle)
    assert _flows(last.by_site["Zwolle"].total) == _flows(gate_own.total)
    assert _flows(last.by_site["Kampen"].total) == _flows(kampen_own.total)


def _publish(db: Path, start: threading.Barrier) -> int:
    """The station `db`'s changed days put on the hub without a sync round, once `start`
    lets every thread go."""
    store = Store.open(db)
    try:
        link = SyncService(store, SystemClock()).link()
        with HubSession(link.address) as session:
            start.wait()
            return publish_site_days(store, session, SystemClock().now(), link.pulled_rev)
    finally:
        store.close()


def test_only_a_network_coordinator_and_the_mark_travels(capsys, hub: str,  # noqa: F811
                                                        tmp_path: Path) -> None:
    gate = _site(capsys, hub, tmp_path, "Zwolle", 1)
    with pytest.raises(NotAllowed):
        _network(gate, network=False)
    assert run_on(capsys, gate, "network-coordinator", "Coördinator") == (
        0, "Coördinator: all sites\n", "")
    status, out, err = run_on(capsys, gate, "network-coordinator", "Nobody")
    assert (status, out) == (2, "") and "no colleague is called 'Nobody'" in err
    for db in (gate, tmp_path / "Zwolle-shop.sqlite"):
        _ok(capsys, db, "sync")
    shop = Store.open(tmp_path / "Zwolle-shop.sqlite")
    try:
        coordinator = next(u for u in shop.users() if u.name == "Coördinator")
        assert coordinator.network
        auth = AuthService(shop, SystemClock())
        volunteer = auth.add_user(coordinator, "Vera", Role.COACH, "73915208")
        with pytest.raises(ValidationError):
            auth.set_network(coordinator, volunteer.id, True)
        # A coordinator made coach is no network coordinator any more.
        promoted = auth.update_user(coordinator, volunteer.id, name="Vera",
                                    role=Role.COORDINATOR, active=True)
        auth.set_network(coordinator, promoted.id, True)
        demoted = auth.update_user(coordinator, promoted.id, name="Vera", role=Role.COACH,
                                   active=True)
        assert not demoted.network
    finally:
        shop.close()
