"""Issue 14's records travel through a real PostgreSQL hub (issue 13): staff kinds and the
categories that ask for a serial number with the configuration, and visit cancellations,
courses and sessions at a station as records of their station. In the end every station
gives the same report JSON, its `people` block and visitor counts included, and names the
same last step in its provenance."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from stations import COACH, station

from db import Store
from db.site_config import apply_records
from intake.auth import AuthService
from intake.clock import SystemClock
from intake.errors import NotAllowed
from intake.gate import GateService
from intake.model import Role
from intake.people import PeopleService
from tests.cli_run import run, run_on
from tests.test_hub_sync import DAYS, TODAY


@pytest.fixture
def hub(capsys, hub_url: str) -> str:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    return hub_url


def _ok(capsys, db: Path, *args: str) -> str:
    code, out, err = run_on(capsys, db, *args)
    assert code == 0, err
    return out.strip()


def _report(capsys, db: Path) -> tuple[dict[str, object], dict[str, object]]:
    """The report JSON without its provenance, and the provenance."""
    figures = json.loads(_ok(capsys, db, "report", *DAYS, "--format", "json"))
    return figures, figures.pop("provenance")


def _people_at_the_gate(db: Path) -> None:
    """A new colleague with a kind, a session at the gate, a course, and a visit started by
    mistake and cancelled (in the gate's own file, as the app writes them)."""
    store, clock = Store.open(db), SystemClock()
    try:
        auth, gate = AuthService(store, clock), GateService(store, clock, "A")
        system = auth.command_line_user(None, None)
        ans = auth.add_user(system, "Ans", Role.COACH, "482913")
        people = PeopleService(store, clock, "A")
        people.set_kind(system, ans.id, "volunteer")
        session = people.start_session(ans)
        people.end_session(session, clock.now() + timedelta(minutes=90), "logout")
        people.add_course(system, TODAY, "Fietsen repareren", 9)
        gate.cancel_visit(ans, gate.start_visit(ans))
    finally:
        store.close()


def test_people_records_travel_and_every_report_is_the_same(capsys, hub: str,
                                                             tmp_path: Path) -> None:
    gate, workshop, shop = (tmp_path / f"{name}.sqlite" for name in ("gate", "work", "shop"))
    for db in (gate, workshop, shop):
        assert run_on(capsys, db, "station", "join", "--hub", hub, "--site", "Zwolle")[0] == 0
    _ok(capsys, gate, "intake", "--category", "furniture", "--route", "sale", "--visit", "new")
    _ok(capsys, shop, "intake", "--category", "furniture", "--route", "sale")  # after the gate's
    _people_at_the_gate(gate)
    _ok(capsys, workshop, "category-serial", "bicycles", "none")  # removed: travels too
    _ok(capsys, workshop, "category-serial", "eee_small", "imei-serial")
    for db in (gate, workshop, shop, gate, workshop):
        assert run_on(capsys, db, "sync")[0] == 0
    reports = [_report(capsys, db) for db in (gate, workshop, shop)]
    figures = reports[0][0]
    for report in reports:
        assert report[0] == figures
    people = figures["people"]
    # one person: their hours are not shown, the total's neither (docs/figures.md)
    assert (people["people"], people["hours"], people["courses"]) == (1, None, 1)
    # the shop's step, recorded last, though it reached the gate after the gate's own
    assert len({report[1]["last_event"] for report in reports}) == 1
    for db in (gate, workshop, shop):
        store = Store.open(db)
        try:
            assert store.db.execute("SELECT category, kind FROM category_serials ORDER BY 1"
                                    ).fetchall() == [("computers", "imei_serial"),
                                                     ("eee_small", "imei_serial")]
            assert store.db.execute("SELECT count(*) FROM visit_cancellations").fetchone() == (1,)
        finally:
            store.close()
    with psycopg.connect(hub) as conn:
        assert conn.execute("SELECT station, count(*) FROM ambacht.station_sessions "
                            "GROUP BY station").fetchall() == [("A", 1)]


def test_a_kind_changed_at_another_station_leaves_the_past_alike_everywhere(
        capsys, hub: str, tmp_path: Path) -> None:
    gate, workshop = tmp_path / "gate.sqlite", tmp_path / "work.sqlite"
    for db in (gate, workshop):
        assert run_on(capsys, db, "station", "join", "--hub", hub, "--site", "Zwolle")[0] == 0
    _people_at_the_gate(gate)  # Ans, a volunteer, 90 minutes at the gate
    for db in (gate, workshop):
        assert run_on(capsys, db, "sync")[0] == 0
    _ok(capsys, workshop, "staff-kind", "Ans", "trainee")  # after her session
    for db in (workshop, gate):
        assert run_on(capsys, db, "sync")[0] == 0
    kinds = [{row["kind"]: row["people"] for row in _report(capsys, db)[0]["people"]["by_kind"]}
             for db in (gate, workshop)]
    assert kinds[0] == kinds[1]
    assert (kinds[0]["volunteer"], kinds[0]["trainee"]) == (1, 0)


def test_sending_people_records_twice_changes_nothing(capsys, hub: str, tmp_path: Path) -> None:
    gate = tmp_path / "gate.sqlite"
    assert run_on(capsys, gate, "station", "join", "--hub", hub, "--site", "Zwolle")[0] == 0
    _people_at_the_gate(gate)
    code, out, _ = run_on(capsys, gate, "sync")
    assert code == 0 and "3 cancellations, courses and sessions" in out.splitlines()[0]
    store = Store.open(gate)
    try:  # as a restored backup would: every cursor back at the start
        store.db.execute("UPDATE hub_link SET cancellations_through = 0, courses_through = 0, "
                         "sessions_through = 0")
    finally:
        store.close()
    code, out, _ = run_on(capsys, gate, "sync")
    assert code == 0 and "0 cancellations, courses and sessions" in out.splitlines()[0]
    with psycopg.connect(hub) as conn:
        assert [conn.execute(f"SELECT count(*) FROM ambacht.{table}").fetchone()[0]
                for table in ("visit_cancellations", "courses", "station_sessions")] == [1, 1, 1]


def test_two_colleagues_with_one_pin_are_found_and_the_coordinator_is_told(
        capsys, hub: str, tmp_path: Path) -> None:
    gate, shop = tmp_path / "gate.sqlite", tmp_path / "shop.sqlite"
    names = {}
    for db, letter, name in ((gate, "A", "Ans"), (shop, "B", "Bert")):  # PCs that ran alone
        assert run_on(capsys, db, "init", "--site", "Zwolle", "--station", letter)[0] == 0
        store = Store.open(db)
        try:
            auth = AuthService(store, SystemClock())
            names[name] = auth.add_user(auth.command_line_user(None, None), name, Role.COACH,
                                        "482913")
        finally:
            store.close()
        assert run_on(capsys, db, "station", "join", "--hub", hub, "--site", "Zwolle")[0] == 0
    for db in (gate, shop, gate):
        assert run_on(capsys, db, "sync")[0] == 0
    store = Store.open(gate)
    try:
        auth = AuthService(store, SystemClock())
        with pytest.raises(NotAllowed, match="Another colleague has this PIN too"):
            auth.login("482913")  # never a session in the other's name
        code, _, err = run_on(capsys, gate, "conflicts")
        assert code == 0 and "Ans and Bert have the same PIN" in err
        code, _, err = run_on(capsys, gate, "sync")
        assert code == 0 and "Ans and Bert have the same PIN" in err
    finally:
        store.close()
    # The finding travels: the shop, a station that joins later and the hub all hold it.
    till = tmp_path / "till.sqlite"
    assert run_on(capsys, till, "station", "join", "--hub", hub, "--site", "Zwolle")[0] == 0
    code, _, err = run_on(capsys, shop, "sync")
    assert code == 0 and "Ans and Bert have the same PIN" in err
    with psycopg.connect(hub) as conn:
        assert conn.execute("SELECT count(*) FROM ambacht.config "
                            "WHERE kind = 'shared_pin'").fetchone()[0] == 1
    for db in (shop, till):
        assert "Ans and Bert have the same PIN" in run_on(capsys, db, "conflicts")[2]
        _no_login(db, "482913")
    # The coordinator gives Bert a new PIN at the shop: cleared at every station.
    store = Store.open(shop)
    try:
        auth = AuthService(store, SystemClock())
        auth.change_pin(auth.command_line_user(None, None), names["Bert"].id, "739146")
    finally:
        store.close()
    for db in (shop, gate, till):
        assert run_on(capsys, db, "sync")[0] == 0
    for db in (gate, shop, till):
        assert "same PIN" not in run_on(capsys, db, "conflicts")[2]
        store = Store.open(db)
        try:
            auth = AuthService(store, SystemClock())
            assert auth.login("482913").name == "Ans"  # a new PIN for one: both log in again
            assert auth.login("739146").name == "Bert"
        finally:
            store.close()


def _no_login(db: Path, pin: str) -> None:
    store = Store.open(db)
    try:
        with pytest.raises(NotAllowed, match="Another colleague has this PIN too"):
            AuthService(store, SystemClock()).login(pin)
    finally:
        store.close()


def test_a_pull_that_ends_among_a_pushs_steps_gets_their_codes(capsys, monkeypatch, hub: str,
                                                               tmp_path: Path) -> None:
    gate, shop = tmp_path / "gate.sqlite", tmp_path / "shop.sqlite"
    for db in (gate, shop):
        assert run_on(capsys, db, "station", "join", "--hub", hub, "--site", "Zwolle")[0] == 0
    codes = [_ok(capsys, gate, "intake", "--category", "books", "--route", "sale")
             for _ in range(5)]
    assert run_on(capsys, gate, "sync")[0] == 0  # one push: five codes, then five steps
    monkeypatch.setattr("intake.hub_sync.BATCH", 2)
    assert run_on(capsys, shop, "sync")[0] == 0
    store = Store.open(shop)
    try:
        assert [store.item_by_code(code) is not None for code in codes] == [True] * 5
    finally:
        store.close()


def test_a_finding_that_names_a_colleague_not_here_yet_waits_for_a_login(
        tmp_path: Path) -> None:
    here = station(tmp_path, "A", datetime.now(UTC))
    finding = {"user_id": COACH.id, "pin_hash": "h1", "other_id": "someone-later",
               "other_hash": "h2", "found_at": "2026-11-21T09:00:00.000000Z"}
    with here.store.atomic():
        assert apply_records(here.store, [{"kind": "shared_pin", "key": "h1 h2",
                                           "value": json.dumps(finding)}]) == 0
    assert here.store.db.execute("SELECT count(*) FROM shared_pins").fetchone() == (0,)
