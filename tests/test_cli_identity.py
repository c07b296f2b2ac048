"""Who acts on the command line: --user NAME or a PIN (--pin, AMBACHT_PIN), with their role."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cli_run import run_on

from cli.main import main
from db import Store
from intake.auth import LOCK_AFTER, AuthService
from intake.clock import FixedClock
from intake.model import Role

ROOT = Path(__file__).resolve().parents[1]  # this checkout, not an installed copy
MO, JORIS, SANNE = (["--user", name, "--pin", pin]
                    for name, pin in (("Mo", "3333"), ("Joris", "2222"), ("Sanne", "1111")))


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A centre with a coordinator (1234), Sanne at the gate (1111), Joris in the workshop
    (2222), Mo in the store (3333) and Ex, a coach who left (4444); A000001 is a chair for sale
    and A000002 a lamp for repair, both taken in by Sanne. Made once: hashing PINs is slow
    on purpose."""
    path = tmp_path_factory.mktemp("centre") / "centre.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    store = Store.open(path)
    auth = AuthService(store, FixedClock(datetime(2026, 1, 5, 8, 0, tzinfo=UTC)))
    boss = auth.set_first_pin("1234")
    for name, role, pin in (("Sanne", Role.COACH, "1111"), ("Joris", Role.WORKSHOP, "2222"),
                            ("Mo", Role.SHOP, "3333"), ("Ex", Role.COACH, "4444")):
        user = auth.add_user(boss, name, role, pin)
    auth.update_user(boss, user.id, name="Ex", role=Role.COACH, active=False)
    store.close()
    for category, route in (("furniture", "sale"), ("lamps", "repair")):
        assert main(["intake", "--db", str(path), "--category", category, "--route", route,
                     "--user", "Sanne", "--pin", "1111"]) == 0
    return path


@pytest.fixture
def db(centre: Path, tmp_path: Path, capsys) -> Path:
    path = tmp_path / "centre.sqlite"
    for suffix in ("", "-wal"):  # the log too, should a connection still hold it
        if Path(f"{centre}{suffix}").exists():
            shutil.copyfile(f"{centre}{suffix}", f"{path}{suffix}")
    capsys.readouterr()
    return path



def snapshot(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return [
            (table, conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())  # noqa: S608
            for table in ("items", "events", "visits", "shipments", "recipients", "settings",
                          "users", "config_changes")
        ]
    finally:
        conn.close()


def history(capsys, db: Path, code: str) -> list[tuple[str, str, str]]:
    data = json.loads(run_on(capsys, db, "item", code, "--json")[1])
    return [(e["type"], e["user"], e["station"]) for e in data["history"]]


@pytest.mark.parametrize(
    ("who", "args", "message"),
    [
        (MO, ["void", "A000001", "--reason", "Oops"], "role does not allow"),
        (["--user", "mo", "--pin", "3333"], ["void", "A000001", "--reason", "Oops"],
         "role does not allow"),
        (["--pin", "3333"], ["void", "A000001", "--reason", "Oops"], "role does not allow"),
        ({"AMBACHT_PIN": "3333"}, ["void", "A000001", "--reason", "Oops"],
         "role does not allow"),
        (MO, ["repair", "start", "A000002"], "role does not allow"),
        (MO, ["intake", "--category", "books", "--route", "sale"],
         "role does not allow"),
        (JORIS, ["sell", "A000001"], "role does not allow"),
        (["--pin", "1111"], ["sell", "A000001"], "role does not allow"),
        (SANNE, ["price", "A000001", "--price-eur", "5"], "role does not allow"),
        (SANNE, ["baseline", "--from", "2025-01-01", "--to", "2025-12-31"],
         "role does not allow"),
        (JORIS, ["target", "--year", "2026", "--kg-collected", "100"],
         "role does not allow"),
        (SANNE, ["material", "A000001", "--recipient", "Nieuw Metaal"],
         "Unknown recipient"),  # only the coordinator adds to the list
        (["--user", "Ex", "--pin", "4444"], ["intake", "--category", "books", "--route", "sale"],
         "No active staff member is called 'Ex'"),
        (["--pin", "4444"], ["intake", "--category", "books", "--route", "sale"],
         "Unknown PIN"),
        (["--user", "Nobody", "--pin", "3333"], ["sell", "A000001"], "No active staff member"),
        (["--user", "Command line", "--pin", "3333"], ["sell", "A000001"],
         "No active staff member"),
        # A name alone is no longer enough, and nothing empty falls back to the coordinator.
        (["--user", "Mo"], ["sell", "A000001"], "Acting as 'Mo' needs that person's PIN"),
        (["--user", ""], ["sell", "A000001"], "The name is empty"),
        (["--user", " "], ["sell", "A000001"], "The name is empty"),
        (["--pin", ""], ["sell", "A000001"], "The PIN is empty"),
        (["--user", "Mo", "--pin", ""], ["sell", "A000001"], "The PIN is empty"),
        ({"AMBACHT_PIN": ""}, ["sell", "A000001"], "The PIN is empty"),
        (["--pin", "9999"], ["sell", "A000001"], "Unknown PIN"),
        ({"AMBACHT_PIN": "12"}, ["sell", "A000001"], "Unknown PIN"),
        (["--user", "Mo", "--pin", "1111"], ["sell", "A000001"], "Unknown PIN"),  # not Mo's
    ],
)
def test_refused_identities_and_roles_exit_2_and_change_nothing(
    capsys, monkeypatch, db: Path, who: list[str] | dict[str, str], args: list[str],
    message: str,
) -> None:
    if isinstance(who, dict):
        for key, value in who.items():
            monkeypatch.setenv(key, value)
        who = []
    before = snapshot(db)
    code, out, err = run_on(capsys, db, *args, *who)
    assert (code, out) == (2, "") and err.count("\n") == 1 and message in err, err
    assert err.startswith("ambacht: ")
    assert snapshot(db) == before


def test_each_person_acts_with_their_own_role_and_name(capsys, monkeypatch, db: Path) -> None:
    assert run_on(capsys, db, "repair", "start", "A000002", "--user", "joris",
               "--pin", "2222")[0] == 0
    assert run_on(capsys, db, "repair", "finish", "A000002", "--status", "fixed",
               "--safety-test", "pass", "--price-eur", "9", "--problem", "Fuse",
               "--pin", "2222")[0] == 0
    monkeypatch.setenv("AMBACHT_PIN", "3333")
    assert run_on(capsys, db, "sell", "A000002", "A000001", "--price-eur", "9", "15")[0] == 0
    code, _, err = run_on(capsys, db, "correct", "A000001", "--reason", "x", "--user", "Sanne")
    assert code == 2 and "Unknown PIN" in err  # with a name, the PIN must be that person's
    monkeypatch.delenv("AMBACHT_PIN")
    assert run_on(capsys, db, "correct", "A000001", "--reason", "Wrong item")[0] == 0
    assert run_on(capsys, db, "void", "A000001", "--reason", "Oops", "--user", "Sanne",
               "--pin", "1111")[0] == 0
    assert history(capsys, db, "A000002") == [
        ("intake", "Sanne", "A"), ("repair_started", "Joris", "A"),
        ("safety_tested", "Joris", "A"), ("repair_finished", "Joris", "A"), ("sold", "Mo", "A")]
    assert history(capsys, db, "A000001") == [
        ("intake", "Sanne", "A"), ("sold", "Mo", "A"), ("corrected", "Command line", "A"),
        ("voided", "Sanne", "A")]


def test_wrong_pins_on_the_command_line_lock_the_station(capsys, db: Path) -> None:
    for attempt in range(1, LOCK_AFTER + 1):
        code, _, err = run_on(capsys, db, "sell", "A000001", "--pin", "9999")
        assert code == 2
        assert ("Too many wrong PINs. Try again in 0:30" in err) is (attempt == LOCK_AFTER)
    code, _, err = run_on(capsys, db, "sell", "A000001", "--pin", "3333")
    assert code == 2 and "Too many wrong PINs" in err  # the right PIN waits too
    store = Store.open(db)
    assert AuthService(store, FixedClock(datetime.now(UTC))).locked_until() is not None
    store.close()


def test_the_console_command_reads_the_pin_from_the_environment(db: Path) -> None:
    env = {**os.environ, "AMBACHT_PIN": "3333", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "cli", "void", "A000001", "--reason", "Oops",
         "--db", str(db)],
        capture_output=True, text=True, cwd=ROOT, env=env,
    )
    assert done.returncode == 2 and done.stderr == "ambacht: Your role does not allow this.\n"
    helped = subprocess.run([sys.executable, "-m", "cli", "sell", "--help"],
                            capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert "--user NAME" in helped.stdout and "AMBACHT_PIN" in helped.stdout
