"""Attribution and privacy: every step names a real user and a station; no export carries a
staff member's name, PIN or PIN hash."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cli.main import main
from db import Store
from intake.admin import AdminService, NameList
from intake.auth import SYSTEM_USER_ID, AuthService
from intake.clock import FixedClock, SystemClock
from intake.demo import build_demo
from intake.gate import GateService
from intake.model import EventType, Role
from intake.people import PeopleService
from intake.setup import initialize

# Names and PINs no figure, code or template contains by chance.
STAFF = {"Zebulon Quaxwright": (Role.COACH, "73918264"),
         "Ottilie Brannigan": (Role.WORKSHOP, "6150392"),
         "Wendeline Vortigern": (Role.SHOP, "48207135")}
BOSS_NAME, BOSS_PIN = "Hyacinth Pemberton", "5937016"


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A history with every kind of step, each made by a named person on the command line."""
    path = tmp_path_factory.mktemp("privacy") / "centre.sqlite"
    assert main(["init", "--db", str(path), "--site", "Kringloop Testdorp"]) == 0
    store = Store.open(path)
    auth = AuthService(store, SystemClock())
    boss = auth.set_first_pin(BOSS_PIN)
    auth.update_user(boss, boss.id, name=BOSS_NAME, role=Role.COORDINATOR, active=True)
    for name, (role, pin) in STAFF.items():
        auth.add_user(boss, name, role, pin)
    AdminService(store, SystemClock()).add_name(boss, NameList.RECIPIENTS, "Metaal Oost")
    store.close()

    def cli(*args: str, pin: str | None = None) -> None:
        who = ["--pin", pin] if pin else ["--user", BOSS_NAME, "--pin", BOSS_PIN]
        assert main([*args, "--db", str(path), *who]) == 0, args

    coach, fixer, clerk = (pin for _, pin in STAFF.values())
    for category, route in (("lamps", "repair"), ("furniture", "sale"), ("wood", "material"),
                            ("metal", "material"), ("books", "sale"), ("toys", "sale")):
        cli("intake", "--category", category, "--route", route, "--visit", "new", pin=coach)
    cli("repair", "start", "A000001", pin=fixer)
    cli("repair", "finish", "A000001", "--status", "fixed", "--safety-test", "pass",
        "--problem", "Loose wire", "--brand", "Philips", "--minutes", "20", pin=fixer)
    cli("price", "A000001", "--price-eur", "12", pin=clerk)
    cli("sell", "A000001", "A000002", "--price-eur", "12", "20", pin=clerk)
    cli("return", "A000002", "--reason", "Wobbles", pin=clerk)
    cli("repurpose", "--from", "A000003", "--category", "furniture", pin=fixer)
    cli("material", "A000004", "--recipient", "Metaal Oost", pin=coach)
    cli("void", "A000005", "--reason", "Double", pin=coach)
    cli("correct", "A000001", "--reason", "Wrong price")  # the coordinator, by name
    cli("intake", "--category", "bicycles", "--route", "sale", "--serial", "WTU 123 456",
        pin=coach)
    store = Store.open(path)
    coach_user = AuthService(store, SystemClock()).login(coach)
    gate = GateService(store, SystemClock(), "A")
    gate.change_route(coach_user, "A000006", "repair", "Torn")
    gate.correct_intake(coach_user, "A000006", "Weighed again", weight_g=14_000)
    # People: kinds, an hour at a station each, a course.
    people = PeopleService(store, SystemClock())
    for user, kind in zip([u for u in store.users() if u.name in STAFF],
                          ("volunteer", "placement", "trainee"), strict=True):
        people.set_kind(boss, user.id, kind)
        session = people.start_session(user)
        people.end_session(session, session.started_at + timedelta(hours=1), "logout")
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    people.add_course(boss, today, "Fietsen repareren", 8)
    store.close()
    return path


def test_every_step_names_an_existing_user_and_a_station(centre: Path) -> None:
    store = Store.open(centre)
    users = {u.id: u for u in store.users(include_inactive=True)}
    stations = set(store.station_letters())
    rows = store.db.execute("SELECT type, user_id, station FROM events").fetchall()
    assert {row[0] for row in rows} == {kind.value for kind in EventType}
    assert all(user in users and station in stations for _, user, station in rows)
    staff = {users[user].name for _, user, _ in rows}
    assert staff == {BOSS_NAME, *STAFF}  # nothing was left to the 'Command line' account
    for table in ("visits", "shipments", "config_changes"):
        for user, station in store.db.execute(f"SELECT user_id, station FROM {table}"):  # noqa: S608
            assert user in users and station in stations, table
    store.close()


def test_the_demo_names_its_staff_and_station() -> None:
    end = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    store = Store.open(":memory:")
    initialize(store, FixedClock(end))
    build_demo(store, end=end, days=14)
    users = {u.id for u in store.users(include_inactive=True)}
    rows = store.db.execute("SELECT DISTINCT user_id, station FROM events").fetchall()
    assert rows and all(user in users and station == "A" for user, station in rows)


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout


def _xlsx_text(book: Path) -> str:
    with zipfile.ZipFile(book) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                       if name.endswith(".xml"))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_no_export_carries_names_pins_or_hashes(centre: Path, tmp_path: Path, capsys) -> None:
    store = Store.open(centre)
    hashes = [stored for _, stored in store.pin_hashes()]
    user_ids = [u.id for u in store.users(include_inactive=True) if u.id != SYSTEM_USER_ID]
    store.close()
    secrets = [*STAFF, BOSS_NAME, "Command line", BOSS_PIN, *(pin for _, pin in STAFF.values()),
               "scrypt$", *user_ids] + [part for stored in hashes for part in stored.split("$")[4:]]
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date().isoformat()
    period = ["--from", "2026-01-01", "--to", today]
    texts: dict[str, str] = {}
    for fmt in ("json", "csv", "ords", "xlsx", "pdf", "eu-reuse"):
        for lang in ("nl", "en"):
            out = tmp_path / f"report-{lang}.{fmt}"
            # The baseline where the format uses one (ords and eu-reuse refuse it).
            baseline = [] if fmt in ("ords", "eu-reuse") else [
                "--baseline-from", "2026-01-01", "--baseline-to", "2026-06-30"]
            assert main(["report", "--db", str(centre), *period, *baseline, "--format", fmt,
                         "--lang", lang, "--out", str(out)]) == 0
            reader = {"xlsx": _xlsx_text, "pdf": _pdf_text}.get(fmt, Path.read_text)
            texts[out.name] = reader(out)
    assert main(["report", "--db", str(centre), *period, "--year-earlier"]) == 0
    texts["stdout"] = capsys.readouterr().out
    register = tmp_path / "register.csv"
    assert main(["register", "--db", str(centre), *period, "--out", str(register)]) == 0
    texts[register.name] = register.read_text()
    assert "WTU123456" in texts["register.csv"]
    # The people block is there, in counts: three people, three hours, a course.
    assert '"people": 3' in texts["report-nl.json"] and '"hours": 3.0' in texts["report-nl.json"]
    assert "Vrijwilliger" in texts["report-nl.pdf"] and "Fietsen repareren" in texts[
        "report-nl.xlsx"]
    for kind, command in (("note", "delivery-note"), ("label", "label")):
        out = tmp_path / f"{kind}.pdf"
        assert main([command, "UA000001" if kind == "note" else "A000001", "--db", str(centre),
                     "--out", str(out)]) == 0
        texts[out.name] = _pdf_text(out)
    assert "Kringloop Testdorp" in texts["note.pdf"] and "Loose wire" in texts["report-en.ords"]
    assert "A000001" in texts["label.pdf"]
    for name, text in texts.items():
        leaked = [secret for secret in secrets if secret.casefold() in text.casefold()]
        assert not leaked, (name, leaked)
