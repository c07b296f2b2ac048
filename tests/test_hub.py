"""The hub on a real PostgreSQL (tests/hub_server.py): init, invite, join, revoke, the stations'
door, the configuration's travel and an unreachable hub (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from db import Store
from db.hub.migrations import MIGRATIONS
from db.hub_link import HubLinks
from intake.hub_address import read_hub
from tests.bad_input import dump
from tests.cli_run import run, run_on
from tests.hub_server import HubServer

ROOT = Path(__file__).resolve().parent.parent


def _join(capsys, db: Path, hub: str, site: str = "Zwolle") -> tuple[int, str, str]:
    return run_on(capsys, db, "station", "join", "--hub", hub, "--site", site)


def _code(capsys, hub_url: str, site: str = "Zwolle", *more: str) -> str:
    code, out, _ = run(capsys, "hub", "invite", "--hub", hub_url, "--site", site, *more)
    assert code == 0
    return out.strip()


def _link(db: Path):
    store = Store.open(db)
    try:
        return HubLinks(store.db).link()
    finally:
        store.close()


def _station_db(capsys, tmp_path: Path, name: str, letter: str, *, history: bool) -> Path:
    db = tmp_path / f"{name}.sqlite"
    assert run_on(capsys, db, "init", "--site", "Zwolle", "--station", letter)[0] == 0
    if history:
        code, out, _ = run_on(capsys, db, "intake", "--category", "bicycles",
                              "--route", "sale")
        assert code == 0, out
    return db


@pytest.fixture
def hub(capsys, hub_url: str) -> str:
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    return hub_url


def test_init_twice_changes_nothing(capsys, hub_url: str) -> None:
    code, out, _ = run(capsys, "hub", "init", "--hub", hub_url)
    names = [name for name, _ in MIGRATIONS]
    assert code == 0 and f"set up ({', '.join(names)})" in out
    code, out, _ = run(capsys, "hub", "init", "--hub", hub_url)
    assert code == 0 and "up to date, nothing changed" in out
    with psycopg.connect(hub_url) as conn:
        assert conn.execute("SELECT name FROM ambacht.migrations ORDER BY name").fetchall() == [
            (name,) for name in sorted(names)]


def test_a_join_code_joins_once_and_never_carries_the_admin_password(
        capsys, hub: str, hub_server: HubServer, tmp_path: Path) -> None:
    code = _code(capsys, hub)
    assert hub_server.password not in code
    assert read_hub(code).user != "hubadmin"
    status, out, err = _join(capsys, tmp_path / "a.sqlite", code)
    assert (status, out) == (0, "A\n"), err
    status, out, err = _join(capsys, tmp_path / "b.sqlite", code)
    assert status == 2 and out == "" and "used already" in err
    assert not (tmp_path / "b.sqlite").exists()
    # The code's password opens nothing once used: the station logs in with its own.
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(**read_hub(code).connection_options()).close()


def test_a_code_is_for_its_own_site(capsys, hub: str, tmp_path: Path) -> None:
    status, _, err = _join(capsys, tmp_path / "a.sqlite", _code(capsys, hub), "Kampen")
    assert status == 2 and "This join code is for site Zwolle." in err
    assert not (tmp_path / "a.sqlite").exists()


def test_a_site_name_differing_only_in_capitals_or_spaces_is_refused_as_a_typo(
        capsys, hub: str, tmp_path: Path) -> None:
    _code(capsys, hub, "Zwolle Noord")
    for typo in ("zwolle noord ", "  ZwolleNoord"):
        status, out, err = run(capsys, "hub", "invite", "--hub", hub, "--site", typo)
        assert (status, out) == (2, ""), err
        assert err.strip().splitlines() == [
            f"ambacht: The hub has a site 'Zwolle Noord' already; '{typo.strip()}' differs "
            f"from it only in capitals or spaces. Use 'Zwolle Noord', or --new-site for "
            "another site."]
    # The same refusal when the administrator's URL joins a station straight away.
    status, out, err = _join(capsys, tmp_path / "a.sqlite", hub, "zwolle noord")
    assert (status, out) == (2, "") and "'Zwolle Noord' already" in err
    assert not (tmp_path / "a.sqlite").exists()
    # The exact name, trimmed, is the same site; a deliberate new site is still possible.
    status, out, err = _join(capsys, tmp_path / "b.sqlite", _code(capsys, hub, " Zwolle  Noord "),
                             " Zwolle  Noord")
    assert (status, out) == (0, "A\n") and "is station A of Zwolle Noord," in err
    _code(capsys, hub, "zwolle noord", "--new-site")
    with psycopg.connect(hub) as conn:
        assert conn.execute("SELECT name FROM ambacht.sites ORDER BY name").fetchall() == [
            ("Zwolle Noord",), ("zwolle noord",)]


def test_letters_are_unique_when_stations_join_at_the_same_moment(
        capsys, hub: str, tmp_path: Path) -> None:
    codes = [_code(capsys, hub) for _ in range(4)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [subprocess.Popen(
        [sys.executable, "-m", "cli", "station", "join", "--hub", code, "--site", "Zwolle",
         "--db", str(tmp_path / f"s{n}.sqlite")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for n, code in enumerate(codes)]
    letters = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        letters.append(out.strip())
    assert sorted(letters) == ["A", "B", "C", "D"]


def test_an_existing_database_keeps_its_letter(capsys, hub: str, tmp_path: Path) -> None:
    db = _station_db(capsys, tmp_path, "gate", "C", history=True)
    status, out, err = _join(capsys, db, _code(capsys, hub))
    assert (status, out) == (0, "C\n"), err
    link = _link(db)
    assert link is not None and (link.site, link.letter) == ("Zwolle", "C")
    # A database without history takes the letter it has when free, else the hub's.
    fresh = _station_db(capsys, tmp_path, "fresh", "C", history=False)
    status, out, err = _join(capsys, fresh, hub)
    assert (status, out) == (0, "A\n"), err
    store = Store.open(fresh)
    assert store.settings().station == "A" and "A" in store.station_letters()
    store.close()
    link = _link(fresh)  # joined with the administrator's URL: keeps a role of its own
    assert link is not None and link.address.user != "hubadmin"
    assert link.address.password not in hub


def test_a_letter_taken_at_the_site_is_refused_and_nothing_changes(
        capsys, caplog, hub: str, tmp_path: Path) -> None:
    first = _station_db(capsys, tmp_path, "first", "A", history=True)
    assert _join(capsys, first, hub)[0] == 0
    second = _station_db(capsys, tmp_path, "second", "A", history=True)
    store = Store.open(second)
    before = dump(store.db.conn)
    store.close()
    code = _code(capsys, hub)
    status, out, err = _join(capsys, second, code)
    assert status == 2 and out == ""
    assert "Letter A is taken at site Zwolle already" in err and "nothing was changed" in err
    assert len(err.strip().splitlines()) == 1 and err.count("Zwolle") == 1  # no hub's detail
    assert "Letter A is taken at site Zwolle" in caplog.text  # which is in the log
    store = Store.open(second)
    assert dump(store.db.conn) == before
    store.close()
    with psycopg.connect(hub) as conn:  # the code is still unused: it can join another
        assert conn.execute("SELECT count(*) FROM ambacht.stations").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM ambacht.invites WHERE used_at IS NULL"
                            ).fetchone() == (1,)


def test_a_new_station_gets_the_sites_configuration(capsys, hub: str, tmp_path: Path) -> None:
    gate = _station_db(capsys, tmp_path, "gate", "A", history=False)
    store = Store.open(gate)
    with store.atomic():
        store.set_setting("printer", "Brother_QL")  # the station's own: stays there
        store.set_setting("timezone", "Europe/Brussels")  # the site's: travels
        store.name_lists.add("municipalities", "Dalfsen", 1)
        store.name_lists.add("recipients", "Repair Café Dalfsen", 1)
        store.name_lists.set_recipient_kind("Repair Café Dalfsen", "reuse")  # counts as reuse
    store.close()
    assert _join(capsys, gate, hub)[0] == 0
    status, out, err = _join(capsys, tmp_path / "store.sqlite", _code(capsys, hub))
    assert (status, out) == (0, "B\n"), err
    new, old = Store.open(tmp_path / "store.sqlite"), Store.open(gate)
    assert new.settings().zone.key == "Europe/Brussels"
    assert new.settings().site_name == "Zwolle"
    assert new.settings()["printer"] == "" and new.settings().station == "B"
    assert new.name_lists.names("municipalities") == ["Dalfsen"]
    assert new.name_lists.recipient_kinds() == {"Repair Café Dalfsen": "reuse"}
    assert [c.code for c in new.categories()] == [c.code for c in old.categories()]
    assert dict(new.pin_hashes()) == dict(old.pin_hashes())
    assert [u.id for u in new.users()] == [u.id for u in old.users()]
    new.close()
    old.close()


def test_the_coordinators_changes_travel_and_the_last_writer_wins(
        capsys, hub: str, tmp_path: Path) -> None:
    gate = _station_db(capsys, tmp_path, "gate", "A", history=False)
    assert _join(capsys, gate, hub)[0] == 0
    shop = tmp_path / "shop.sqlite"
    assert _join(capsys, shop, _code(capsys, hub))[0] == 0
    for db, name in ((gate, "Fietsen (poort)"), (shop, "Fietsen (winkel)")):
        store = Store.open(db)
        category = store.category("bicycles")
        assert category is not None
        with store.atomic():
            store.save_category(replace(category, name_nl=name))
            store.set_setting("idle_logout_s", "300" if db == gate else "60")  # station's
        store.close()
        time.sleep(0.01)  # the shop's change is the later one
    for db in (gate, shop, gate):
        assert run_on(capsys, db, "sync")[0] == 0
    for db, idle in ((gate, 300), (shop, 60)):
        store = Store.open(db)
        category = store.category("bicycles")
        assert category is not None and category.name_nl == "Fietsen (winkel)"
        assert store.settings().idle_logout_s == idle
        store.close()
    status, out, _ = run_on(capsys, gate, "sync")  # nothing new: nothing goes either way
    assert status == 0
    assert out == ("sent: 0 steps, 0 visits, 0 delivery notes, 0 settings and lists, "
                   "0 cancellations, courses and sessions\n"
                   "received: 0 steps, 0 visits, 0 delivery notes, 0 settings and lists, "
                   "0 cancellations, courses and sessions\n")


def test_a_revoked_station_can_neither_push_nor_pull(capsys, hub: str, tmp_path: Path) -> None:
    db = tmp_path / "gate.sqlite"
    assert _join(capsys, db, _code(capsys, hub))[0] == 0
    status, out, _ = run(capsys, "hub", "revoke", "--hub", hub, "--site", "Zwolle",
                         "--station", "A")
    assert status == 0 and "revoked" in out
    status, _, err = run_on(capsys, db, "sync")
    assert status == 2 and "lets this role in no more" in err
    status, _, err = run(capsys, "hub", "revoke", "--hub", hub, "--site", "Zwolle",
                         "--station", "Q")
    assert status == 2 and "no station of that letter" in err


def test_station_roles_cannot_change_or_remove_events(capsys, hub: str, tmp_path: Path) -> None:
    db = _station_db(capsys, tmp_path, "gate", "A", history=False)
    assert _join(capsys, db, hub)[0] == 0
    link = _link(db)
    assert link is not None
    with psycopg.connect(**link.address.connection_options(), autocommit=True) as conn:
        for statement in ("UPDATE ambacht.events SET type = 'sold'",
                          "DELETE FROM ambacht.events", "TRUNCATE ambacht.events",
                          "SELECT * FROM ambacht.events", "UPDATE ambacht.config SET value = ''",
                          "INSERT INTO ambacht.stations (site_id, letter, role_name) "
                          "VALUES (1, 'Z', 'x')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    with psycopg.connect(hub, autocommit=True) as conn:  # not even the administrator
        conn.execute("INSERT INTO ambacht.events (site_id, station, seq, id, item_id, type, at, "
                     "recorded_at, user_id, data, prev_hash, hash, rev) VALUES "
                     "(1, 'A', 1, 'e', 'i', 'intake', '', '', 'u', '{}', '', '', 1)")
        for statement in ("UPDATE ambacht.events SET type = 'sold'", "DELETE FROM ambacht.events",
                          "TRUNCATE ambacht.events"):
            with pytest.raises(psycopg.DatabaseError, match="append-only"):
                conn.execute(statement)


def test_an_unreachable_hub_exits_3_within_10_seconds_and_loses_nothing(
        capsys, hub: str, hub_server: HubServer, tmp_path: Path) -> None:
    db = _station_db(capsys, tmp_path, "gate", "A", history=True)
    assert _join(capsys, db, hub)[0] == 0
    store = Store.open(db)
    before = dump(store.db.conn)
    store.close()
    hub_server.stop()
    try:
        started = time.monotonic()
        status, out, err = run_on(capsys, db, "sync")
        took = time.monotonic() - started
    finally:
        hub_server.start()
    assert status == 3 and out == "" and took < 10
    assert len(err.strip().splitlines()) == 1 and "cannot be reached" in err
    store = Store.open(db)
    after = dump(store.db.conn)
    state = HubLinks(store.db).link()
    store.close()
    assert state is not None and state.offline_since is not None
    assert {t: rows for t, rows in after.items() if t != "hub_link"} == {
        t: rows for t, rows in before.items() if t != "hub_link"}
    assert run_on(capsys, db, "sync")[0] == 0  # back: the round goes through


def test_a_password_is_never_printed(capsys, caplog, hub: str, hub_server: HubServer,
                                     tmp_path: Path) -> None:
    secret = hub_server.password
    wrong = hub_server.url(password="Wr0ngSecret")
    closed = hub.replace(f":{hub_server.port}/", ":1/")
    said = []
    for args in (("hub", "init", "--hub", hub), ("hub", "init", "--hub", wrong),
                 ("hub", "init", "--hub", closed),
                 ("hub", "invite", "--hub", hub, "--site", "Zwolle"),
                 ("hub", "init", "--hub", hub.replace("postgresql://", "postgresql:/")),
                 ("hub", "init", "--hub", hub + "?sslmode=nonsense"),
                 ("hub", "revoke", "--hub", hub, "--site", "Zwolle", "--station", "A"),
                 ("station", "join", "--hub", hub, "--site", "Zwolle", "--db",
                  str(tmp_path / "a.sqlite")),
                 ("sync", "--db", str(tmp_path / "a.sqlite"))):
        status, out, err = run(capsys, *args)
        said.append(out + err)
        assert status in (0, 2, 3)
    everything = "\n".join(said)
    assert secret not in everything and "Wr0ngSecret" not in everything
    assert "did not accept the password" in everything and "cannot be reached" in everything
    assert "neither a PostgreSQL URL" in everything
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "password authentication failed" in logged  # the hub's detail: in the log only
    assert secret not in logged and "Wr0ngSecret" not in logged


def test_sync_of_a_station_that_joined_no_hub_is_refused(capsys, tmp_path: Path) -> None:
    db = _station_db(capsys, tmp_path, "alone", "A", history=False)
    status, out, err = run_on(capsys, db, "sync")
    assert status == 2 and out == "" and "has not joined a hub" in err


def test_init_upgrades_a_hub_of_an_older_version(capsys, hub_url: str) -> None:
    with psycopg.connect(hub_url) as conn:  # a hub that has the first migration only
        conn.execute("CREATE SCHEMA ambacht")
        conn.execute("CREATE TABLE ambacht.migrations (name text PRIMARY KEY, "
                     "applied_at timestamptz NOT NULL DEFAULT now())")
        conn.execute(MIGRATIONS[0][1].encode())
        conn.execute("INSERT INTO ambacht.migrations (name) VALUES ('h001_hub')")
    code, out, _ = run(capsys, "hub", "init", "--hub", hub_url)
    assert code == 0 and out.endswith(
        f": set up ({', '.join(name for name, _ in MIGRATIONS[1:])})\n")


def test_the_hub_may_come_from_the_environment(capsys, monkeypatch, hub: str,
                                               tmp_path: Path) -> None:
    status, _, err = run(capsys, "hub", "invite", "--site", "Zwolle")
    assert status == 2 and "give the hub with --hub URL or AMBACHT_HUB" in err
    monkeypatch.setenv("AMBACHT_HUB", hub)
    status, out, _ = run(capsys, "hub", "invite", "--site", "Zwolle")
    assert status == 0 and out.startswith("AMBACHT1.")
    status, _, err = run_on(capsys, tmp_path / "a.sqlite", "station", "join", "--hub",
                            "AMBACHT1.bm90IGEgY29kZQ", "--site", "Zwolle")
    assert status == 2 and "neither a PostgreSQL URL" in err
    assert not (tmp_path / "a.sqlite").exists()
